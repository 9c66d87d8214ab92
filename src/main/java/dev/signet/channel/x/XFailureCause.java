package dev.signet.channel.x;

/**
 * Names why a call to X failed, for logs and the reason kept on the reply: the exception and its root cause with
 * their messages (a timeout, a refused connection, a reset), so that one failure can be told from another. These
 * messages carry hosts and ports, never the OAuth header.
 */
final class XFailureCause {

    private static final int MAX = 200;

    private XFailureCause() {
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName()
                + (root == failure ? message(failure) : " (" + root.getClass().getSimpleName() + message(root) + ")");
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "" : ": " + message.strip().replaceAll("\\s+", " ");
    }
}
