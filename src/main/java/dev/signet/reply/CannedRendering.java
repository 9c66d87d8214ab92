package dev.signet.reply;

import java.util.List;

/**
 * A canned reply filled for one conversation, ready for the compose box (the signature is added when sent).
 *
 * @param missing variables without a value: each is a marker in {@code text} (e.g. {@code [[first_name]]}) that
 *                must be replaced before the reply can be sent
 */
public record CannedRendering(long cannedReplyId, String title, String text, List<String> missing) {
}
