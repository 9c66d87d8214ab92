package dev.signet.reply;

/**
 * A hand-off asked through the API.
 *
 * @param to           the user name of the agent taking over
 * @param reason       why (shown on the conversation), required
 * @param customerLine optional line for the customer, published signed by both agents ({@code ^MD → ^JK})
 */
public record HandOffRequest(String to, String reason, String customerLine) {
}
