package dev.signet.reply;

import java.util.List;

/**
 * The length of a draft once signed, for the compose box's live counter.
 *
 * @param publicReplyRefusal why X would refuse a public reply in this conversation (answer by DM instead), or
 *                           null when a reply can be sent
 * @param unfilled           markers of a canned reply ({@code [[first_name]]}) or raw variables still in the draft:
 *                           the reply is refused until they are replaced
 */
public record ReplyPreview(String signature, int length, int limit, String publicReplyRefusal, List<String> unfilled) {

    public int remaining() {
        return limit - length;
    }

    public boolean fits() {
        return length <= limit;
    }
}
