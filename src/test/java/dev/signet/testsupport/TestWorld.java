package dev.signet.testsupport;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.AppUserService;
import dev.signet.security.Role;

/**
 * Builders for test data. Every test makes its own: users with fresh names and initials, messages with fresh
 * ids, so tests don't depend on each other or on their order.
 */
@ApplicationScoped
public class TestWorld {

    public static final String PASSWORD = "test-password";
    /** Brand accounts configured for the test profile (application.properties). */
    public static final String AIR = "test-air";
    public static final String MOBILE = "test-mobile";
    public static final String AIR_HANDLE = "SignetTestAir";
    public static final String MOBILE_HANDLE = "SignetTestMobile";
    /** The same brands served through X API v2. */
    public static final String AIR_V2 = "test-air-v2";
    public static final String MOBILE_V2 = "test-mobile-v2";
    public static final String AIR_V2_HANDLE = "SignetTestAirV2";
    public static final String MOBILE_V2_HANDLE = "SignetTestMobileV2";

    private final AppUserService users;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger userSequence = new AtomicInteger();

    public TestWorld(AppUserService users) {
        this.users = users;
    }

    /** A user who can log in with {@link #PASSWORD}; agents and leads get unique initials. */
    public Login user(String role) {
        // Initials have their own counter (ids and handles draw from `sequence` by the hundred) and skip those
        // taken already, e.g. by a Quarkus application started earlier in this run on the same database.
        for (int attempt = 0; attempt < 26 * 26; attempt++) {
            int n = userSequence.incrementAndGet();
            String username = role + "-" + n + "-" + System.nanoTime();
            String initials = Role.AGENT.equals(role) || Role.LEAD.equals(role) ? initials(n) : null;
            try {
                users.create(username, PASSWORD, "Test " + role + " " + n, initials, role);
                return new Login(username, PASSWORD, initials);
            } catch (dev.signet.api.ProblemException e) {
                if (!"initials-taken".equals(e.slug())) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("No free test initials left");
    }

    public Login agent() {
        return user(Role.AGENT);
    }

    /** A fresh id in the range of real X ids, unique in this run. */
    public String nextId() {
        return Long.toString(1_900_000_000_000_000_000L + System.nanoTime() % 1_000_000_000_000L * 100 + sequence.incrementAndGet() % 100);
    }

    public Author customer(String name) {
        String id = nextId();
        return new Author(id, name.replace(' ', '_') + id.substring(id.length() - 5), name);
    }

    public InboundMessage mention(String account, Author author, String text, String inReplyTo) {
        return new InboundMessage(account, Network.X, nextId(), MessageKind.MENTION, author, null, text, inReplyTo,
                Instant.now());
    }

    public InboundMessage directMessage(String account, Author author, String brandUserId, String text) {
        return new InboundMessage(account, Network.X, nextId(), MessageKind.DIRECT_MESSAGE, author, brandUserId, text,
                null, Instant.now());
    }

    /** The sandbox users behind the test brand accounts, with the tokens application.properties gives them. */
    public void sandboxBrands(SandboxService sandbox) {
        sandbox.ensureUser(AIR_HANDLE, "Signet Test Air", true, "test-air-token", "test-air-secret");
        sandbox.ensureUser(MOBILE_HANDLE, "Signet Test Mobile", true, "test-mobile-token", "test-mobile-secret");
        sandbox.ensureUser(AIR_V2_HANDLE, "Signet Test Air v2", true, "test-air-v2-token", "test-air-v2-secret");
        sandbox.ensureUser(MOBILE_V2_HANDLE, "Signet Test Mobile v2", true, "test-mobile-v2-token",
                "test-mobile-v2-secret");
    }

    /** A new customer on the sandbox X; returns the handle. */
    public String sandboxCustomer(SandboxService sandbox, String name) {
        String handle = "c" + Long.toString(System.nanoTime(), 36) + sequence.incrementAndGet();
        sandbox.createCustomer(handle, name);
        return handle;
    }

    /** Initials of 3 letters from a counter: QAA, QAB, … (Q keeps them apart from real people's). */
    private static String initials(int n) {
        return "Q" + (char) ('A' + (n / 26) % 26) + (char) ('A' + n % 26);
    }

    public record Login(String username, String password, String initials) {
    }
}
