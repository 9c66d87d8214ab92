package dev.signet.care;

/**
 * How an outgoing message is getting on with the network, as the {@code reply} feature reports it through
 * {@link DeliveryLookup}.
 *
 * @param status PENDING, PUBLISHING, SENT or FAILED
 * @param reason why the last attempt failed, if it did (X's own explanation where it gave one); for a SENT
 *               message X accepted without naming its id, why ("Sent, X id unknown: …")
 */
public record Delivery(String status, String reason) {

    /** Failed for good (refused, or too many attempts): the agent sees the reason and may retry. */
    public boolean failed() {
        return "FAILED".equals(status);
    }

    /** Not on the network yet, but Signet keeps trying. */
    public boolean underWay() {
        return "PENDING".equals(status) || "PUBLISHING".equals(status);
    }
}
