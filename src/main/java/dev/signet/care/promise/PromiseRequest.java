package dev.signet.care.promise;

/**
 * What an agent promises when setting "waiting on us".
 *
 * @param promisedUpdateAt by when: a local date-time in the brand account's time zone ({@code 2026-12-04T00:30}) or
 *                         an instant with an offset
 * @param updateText       the update to publish then, signed with the agent's initials; blank for none
 */
public record PromiseRequest(String promisedUpdateAt, String updateText) {

    /** Whether anything was given at all. */
    public boolean given() {
        return (promisedUpdateAt != null && !promisedUpdateAt.isBlank()) || (updateText != null && !updateText.isBlank());
    }

    /** The update text, stripped, or null when blank. */
    public String text() {
        return updateText == null || updateText.isBlank() ? null : updateText.strip();
    }
}
