package dev.signet.care;

/** What a customer's message is to the matter of its conversation (see {@link ContactRule}). */
public enum Contact {
    /** It opened a new conversation: the first contact of its matter (unless an agent links it to an earlier one). */
    FIRST,
    /** Part of the contact going on (an exchange with the customer): not counted again. */
    SAME,
    /** The customer came back after the conversation was quiet for the contact gap: a new contact. */
    RETURNED,
    /** The customer wrote again after resolution (within the reopen window): a new contact. */
    REOPENED;

    /** Whether it adds one to the conversation's contact count (a conversation starts at 1). */
    public boolean counts() {
        return this == RETURNED || this == REOPENED;
    }
}
