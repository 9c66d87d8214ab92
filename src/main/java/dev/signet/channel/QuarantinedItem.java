package dev.signet.channel;

/**
 * An item X sent (or a message handed to intake) that Signet can't take as it is, kept alone with its raw JSON
 * so that the rest of its page is taken and the cursor moves on.
 *
 * @param accountKey the brand account it was fetched for
 * @param source     who refused it: a connector ({@link #X_V1_1}, {@link #X_V2}) or {@link #INTAKE}
 * @param kind       mention or DM, when known (null for an unreadable record)
 * @param externalId X's id of the item, when it has one
 * @param reason     why it can't be taken
 * @param detail     what exactly is wrong, for the admin (no user text)
 * @param rawJson    the item as received: X's JSON for a connector, the inbound message's JSON for intake
 */
public record QuarantinedItem(String accountKey, String source, MessageKind kind, String externalId,
        QuarantineReason reason, String detail, String rawJson) {

    public static final String X_V1_1 = "x-v1.1";
    public static final String X_V2 = "x-v2";
    public static final String INTAKE = "intake";
}
