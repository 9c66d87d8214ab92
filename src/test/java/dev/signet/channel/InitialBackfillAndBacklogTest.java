package dev.signet.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The first poll of an account reads back its initial backfill window only; health shows limits and backlog. */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class InitialBackfillAndBacklogTest {

    @Inject
    ChannelPoller poller;
    @Inject
    ChannelAccountService accounts;
    @Inject
    SandboxService sandbox;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void aNewAccountReadsBackItsBackfillWindowAndNothingOlder() {
        String customer = world.sandboxCustomer(sandbox, "Old Complainer");
        Instant now = Instant.now();
        sandbox.postMentionAt(customer, TestWorld.MOBILE_HANDLE, "ten days ago, still no answer", now.minus(Duration.ofDays(10)));
        sandbox.postMentionAt(customer, TestWorld.MOBILE_HANDLE, "two days ago, still waiting", now.minus(Duration.ofDays(2)));
        sandbox.postMention(customer, TestWorld.MOBILE_HANDLE, "hello again today", null);
        forgetCursors(TestWorld.MOBILE);

        assertNull(poller.poll(TestWorld.MOBILE).error());

        // signet.channel.accounts.*.initial-backfill defaults to 7 days.
        assertEquals(List.of("@SignetTestMobile two days ago, still waiting", "@SignetTestMobile hello again today"),
                textsFrom(customer));
        assertNotNull(accounts.state(TestWorld.MOBILE).mentionsSinceId());
    }

    @Test
    void healthShowsRateLimitRemainingAndABacklogUntilAReadCompletes() {
        assertNull(poller.poll(TestWorld.MOBILE).error());
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts")
                .then().statusCode(200)
                .body("find { it.accountKey == 'test-mobile' }.mentionsRemaining", notNullValue())
                .body("find { it.accountKey == 'test-mobile' }.mentionsBehind", equalTo(false));

        accounts.mentionsRead(TestWorld.MOBILE, accounts.state(TestWorld.MOBILE).mentionsSinceId(),
                new FetchResult(List.of(), null, true));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts")
                .then().statusCode(200)
                .body("find { it.accountKey == 'test-mobile' }.mentionsBehind", equalTo(true));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin")
                .then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Catching up"));

        assertNull(poller.poll(TestWorld.MOBILE).error());
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts")
                .then().statusCode(200)
                .body("find { it.accountKey == 'test-mobile' }.mentionsBehind", equalTo(false));
    }

    private void forgetCursors(String accountKey) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update ChannelAccount a set a.mentionsSinceId = null, a.dmLastEventId = null where a.accountKey = :k")
                .setParameter("k", accountKey).executeUpdate());
    }

    private List<String> textsFrom(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.text from Message m where m.authorIdentity.handle = :h order by m.sentAt", String.class)
                .setParameter("h", handle).getResultList());
    }
}
