package dev.signet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Seeds the demo world in a transaction that is rolled back, so the shared test database stays as it was. */
@QuarkusTest
class DemoWorldSeederTest {

    @Inject
    DemoWorldSeeder seeder;

    @Inject
    SandboxService sandbox;

    @Inject
    UserTransaction transaction;

    @Test
    void theDemoWorldSeedsCompletelyWithXsIdsAndThreads() throws Exception {
        DemoWorld world = seeder.load();
        assertEquals(2, world.brands().size());
        assertEquals(21, world.customers().size());
        assertEquals(3000001L, world.customers().get(0).userId());
        assertEquals(3000020L, world.customers().get(19).userId());
        assertEquals("elena_roams", world.customers().get(20).handle());
        assertTrue(world.events().size() >= 45, "about fifty events");
        assertTrue(world.events().stream().allMatch(e -> e.minutesAgo() > 0 && e.minutesAgo() <= 6 * 60 + 10));

        transaction.begin();
        try {
            seeder.seed(world, Instant.now());

            SandboxUserView acme = sandbox.user("acmeair").orElseThrow();
            assertEquals(1500000001L, acme.id());
            assertEquals("Acme Air", acme.name());
            assertEquals(1500000002L, sandbox.user("NimbusMobile").orElseThrow().id());

            CustomerView maria = sandbox.customerView("maria_garcia88");
            Set<String> mariaWroteTo = maria.items().stream()
                    .filter(CustomerView.Item::byCustomer)
                    .map(item -> item.recipientHandle() != null ? item.recipientHandle() : brandNamedIn(item.text()))
                    .collect(Collectors.toSet());
            assertTrue(mariaWroteTo.containsAll(List.of("AcmeAir", "NimbusMobile")), mariaWroteTo.toString());

            // A customer writing to both brands in one post: each brand's mentions hold it (each brand's queue).
            List<CustomerView.Item> elena = sandbox.customerView("elena_roams").items();
            assertEquals(1, elena.size());
            assertTrue(elena.get(0).text().startsWith("@AcmeAir @NimbusMobile "), elena.get(0).text());

            List<SandboxTweetView> acmeTweets = sandbox.tweetsBy("AcmeAir");
            assertEquals(1, acmeTweets.size());
            CustomerView ryan = sandbox.customerView("ryan_obrien");
            assertTrue(ryan.items().stream().anyMatch(i -> acmeTweets.get(0).id() == (i.inReplyToStatusId() == null ? 0 : i.inReplyToStatusId())),
                    "Ryan's reply to the announcement is threaded");

            List<Long> ids = maria.items().stream().map(CustomerView.Item::id).toList();
            List<Instant> times = maria.items().stream().map(CustomerView.Item::createdAt).toList();
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i) < ids.get(i - 1));
                assertTrue(!times.get(i).isAfter(times.get(i - 1)), "id order is time order");
            }
            assertTrue(new HashSet<>(ids).size() == ids.size());
        } finally {
            transaction.rollback();
        }
    }

    private static String brandNamedIn(String text) {
        return text.contains("@AcmeAir") ? "AcmeAir" : text.contains("@NimbusMobile") ? "NimbusMobile" : "";
    }
}
