package dev.signet.reply;

/** The length of a draft once signed, for the compose box's live counter. */
public record ReplyPreview(String signature, int length, int limit) {

    public int remaining() {
        return limit - length;
    }

    public boolean fits() {
        return length <= limit;
    }
}
