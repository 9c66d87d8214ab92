package dev.signet.reply;

/**
 * The length of a draft once signed, for the compose box's live counter.
 *
 * @param publicReplyRefusal why X would refuse a public reply in this conversation (answer by DM instead), or
 *                           null when a reply can be sent
 */
public record ReplyPreview(String signature, int length, int limit, String publicReplyRefusal) {

    public int remaining() {
        return limit - length;
    }

    public boolean fits() {
        return length <= limit;
    }
}
