package dev.signet.channel.gap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ChannelConnector;
import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.ChannelException;
import dev.signet.channel.ChannelPoller;
import dev.signet.channel.MentionSearch;
import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Polling paused while more mentions arrived than X serves back (800): the poll that resumes says there is a gap
 * and recovers it from X's recent search, on v1.1 and v2; what is older than search reaches is reported lost.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class MentionGapRecoveryTest {

    /** More than the 800 mentions X's timeline serves back. */
    private static final int PAUSED_MENTIONS = 850;
    private static final long X_EPOCH_MILLIS = 1288834974657L;

    @Inject
    ChannelPoller poller;
    @Inject
    ChannelConnectors connectors;
    @Inject
    SandboxService sandbox;
    @Inject
    SandboxFaults faults;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void v11GapIsSaidThenRecoveredBySearchAndEveryMentionIsStoredOnce() {
        gapIsSaidThenRecovered(TestWorld.MOBILE, TestWorld.MOBILE_HANDLE, "search/tweets.json");
    }

    @Test
    void v2GapIsSaidThenRecoveredBySearchAndEveryMentionIsStoredOnce() {
        gapIsSaidThenRecovered(TestWorld.MOBILE_V2, TestWorld.MOBILE_V2_HANDLE, "tweets/search/recent");
    }

    private void gapIsSaidThenRecovered(String account, String brandHandle, String searchPath) {
        String customer = world.sandboxCustomer(sandbox, "Paused Poller");
        String tag = "gap" + System.nanoTime();
        sandbox.postMention(customer, brandHandle, "before the pause " + tag, null);
        assertNull(poller.poll(account).error(), "a first poll stores a cursor");
        for (int i = 0; i < PAUSED_MENTIONS; i++) {
            sandbox.postMention(customer, brandHandle, tag + " mention " + i, null);
        }
        // Search fails throughout the first poll (retries included): the gap must stay open and be said.
        faults.arm(new SandboxFault(searchPath, 20, 503, 0, false, 0));

        assertNull(poller.poll(account).error(), "a failed search does not fail the poll");

        faults.clear();
        assertEquals(1 + 800, stored(tag), "the timeline gave the 800 newest");
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts")
                .then().statusCode(200)
                .body("find { it.accountKey == '" + account + "' }.openMentionGaps", equalTo(1));
        JsonPath open = newestGap(lead, account);
        assertEquals("OPEN", open.getString("state"));
        assertTrue(open.getInt("estimatedCount") > 0, "the gap's size is estimated");
        assertTrue(open.getInt("attempts") >= 1);
        assertNotNull(open.getString("lastError"), "the failed search is said");
        assertNotNull(open.getString("from"));
        assertNotNull(open.getString("to"));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin")
                .then().statusCode(200)
                .body(containsString("mentions missed while polling paused"));

        assertNull(poller.poll(account).error(), "the next poll searches again");

        assertEquals(1 + PAUSED_MENTIONS, stored(tag), "the 50 X no longer served on the timeline came from search");
        assertEquals(1 + PAUSED_MENTIONS, storedDistinct(tag), "none twice");
        JsonPath recovered = newestGap(lead, account);
        assertEquals("RECOVERED", recovered.getString("state"));
        assertEquals(PAUSED_MENTIONS - 800, recovered.getInt("recovered"));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts")
                .then().statusCode(200)
                .body("find { it.accountKey == '" + account + "' }.openMentionGaps", equalTo(0));

        assertNull(poller.poll(account).error());
        assertEquals(1 + PAUSED_MENTIONS, stored(tag), "polling on adds nothing twice");
        assertEquals(recovered.getLong("id"), newestGap(lead, account).getLong("id"), "and finds no new gap");
    }

    @Test
    void thePartOfAGapOlderThanSearchReachesIsReportedLost() {
        String account = TestWorld.AIR;
        assertNull(poller.poll(account).error());
        String customer = world.sandboxCustomer(sandbox, "Very Patient");
        String tag = "lost" + System.nanoTime();
        Instant now = Instant.now();
        // Polling stopped nine days ago; one mention of eight days ago is beyond X's 7-day search.
        setMentionsCursor(account, now.minus(Duration.ofDays(9)));
        sandbox.postMentionAt(customer, TestWorld.AIR_HANDLE, tag + " eight days ago", now.minus(Duration.ofDays(8)));
        for (int i = 0; i < PAUSED_MENTIONS; i++) {
            sandbox.postMention(customer, TestWorld.AIR_HANDLE, tag + " today " + i, null);
        }

        TestWorld.Login lead = world.user(Role.LEAD);
        // The gap also spans this account's earlier test mentions of the week: search may take a few polls.
        for (int poll = 0; poll < 10 && (poll == 0 || "OPEN".equals(newestGap(lead, account).getString("state"))); poll++) {
            assertNull(poller.poll(account).error());
        }

        assertEquals(PAUSED_MENTIONS, stored(tag), "everything of the last 7 days, and not the older one");
        JsonPath gap = newestGap(lead, account);
        assertEquals("LOST", gap.getString("state"));
        assertTrue(gap.getInt("recovered") >= PAUSED_MENTIONS - 800);
        assertNotNull(gap.getString("lostBefore"));
        assertTrue(Instant.parse(gap.getString("lostBefore")).isAfter(now.minus(Duration.ofDays(8))));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin")
                .then().statusCode(200)
                .body(containsString("mentions lost for good"));
    }

    @Test
    void aPollThatMeetsItsCursorRecordsNoGap() {
        String account = TestWorld.AIR_V2;
        assertNull(poller.poll(account).error());
        String customer = world.sandboxCustomer(sandbox, "Regular");
        TestWorld.Login lead = world.user(Role.LEAD);
        int before = gaps(lead, account).size();
        for (int i = 0; i < 3; i++) {
            sandbox.postMention(customer, TestWorld.AIR_V2_HANDLE, "nogap" + System.nanoTime() + " " + i, null);
        }
        assertNull(poller.poll(account).error());
        assertEquals(before, gaps(lead, account).size());
    }

    @Test
    void theSandboxSearchesOnlyForMentionsOfAHandle() {
        ChannelConnector v11 = connectors.forAccount(TestWorld.MOBILE);
        ChannelConnector v2 = connectors.forAccount(TestWorld.MOBILE_V2);
        String since = "1";
        String until = Long.toString(Long.MAX_VALUE);
        MentionSearch v11Unmatched = v11.searchMentions("two words", since, until, 1);
        assertTrue(v11Unmatched.complete() && v11Unmatched.messages().isEmpty(), "v1.1 finds nothing it can't match");
        ChannelException v2Refused = assertThrows(ChannelException.class,
                () -> v2.searchMentions("two words", since, until, 1));
        assertTrue(v2Refused.getMessage().contains("400"), v2Refused.getMessage());
        assertTrue(v2.searchMentions("nobody" + System.nanoTime(), since, until, 1).complete(), "an unknown handle finds nothing");
    }

    @Test
    void gapsOfAnUnknownAccountAreAProblem() {
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts/gaps?account=nobody")
                .then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404));
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/accounts/gaps")
                .then().statusCode(403);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts/gaps")
                .then().statusCode(200)
                .body("size()", greaterThan(-1));
    }

    private JsonPath newestGap(TestWorld.Login lead, String account) {
        List<Object> all = gaps(lead, account);
        assertTrue(!all.isEmpty(), "a gap is listed for " + account);
        return given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts/gaps?account=" + account)
                .then().statusCode(200).extract().jsonPath().setRootPath("[0]");
    }

    private List<Object> gaps(TestWorld.Login lead, String account) {
        return given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts/gaps?account=" + account)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private void setMentionsCursor(String account, Instant moment) {
        String sinceId = Long.toString(((moment.toEpochMilli() - X_EPOCH_MILLIS) << 22) - 1);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update ChannelAccount a set a.mentionsSinceId = :s where a.accountKey = :k")
                .setParameter("s", sinceId).setParameter("k", account).executeUpdate());
    }

    private long stored(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.text like :t", Long.class)
                .setParameter("t", "%" + tag + "%").getSingleResult());
    }

    private long storedDistinct(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(distinct m.externalId) from Message m where m.text like :t", Long.class)
                .setParameter("t", "%" + tag + "%").getSingleResult());
    }
}
