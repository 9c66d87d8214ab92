package dev.signet.sandbox;

import java.util.List;

/**
 * The demo world as written in {@code src/main/resources/sandbox/demo-world.json}: brands, customers, and their
 * mentions and DMs dated {@code minutesAgo} before the start. An event's {@code inReplyTo} names the
 * {@code key} of an earlier tweet.
 */
public record DemoWorld(List<Brand> brands, List<Customer> customers, List<Event> events) {

    static final String RESOURCE = "sandbox/demo-world.json";

    public record Brand(long userId, String handle, String name, String accessToken, String accessTokenSecret) {
    }

    public record Customer(long userId, String handle, String name) {
    }

    /** {@code type} is "tweet" (author, text, inReplyTo) or "dm" (sender, recipient, text). */
    public record Event(String key, String type, int minutesAgo, String author, String sender, String recipient,
            String inReplyTo, String text) {

        boolean isDirectMessage() {
            return "dm".equals(type);
        }
    }
}
