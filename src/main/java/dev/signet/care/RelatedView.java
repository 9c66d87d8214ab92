package dev.signet.care;

/**
 * Another customer's conversation linked to this one: the one this conversation grew out of (its customer replied
 * to a post there), or one that grew out of this conversation.
 *
 * @param handle the other conversation's customer handle (without the {@code @})
 */
public record RelatedView(long id, String handle) {
}
