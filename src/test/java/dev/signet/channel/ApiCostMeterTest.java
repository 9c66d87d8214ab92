package dev.signet.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The X API cost meter counts what was read and written, bills a resource once per UTC day, and prices it. */
@QuarkusTest
class ApiCostMeterTest {

    @Inject
    ChannelPoller poller;
    @Inject
    SandboxService sandbox;
    @Inject
    ApiUsageService usage;
    @Inject
    ApiReadDays readDays;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void readsAndRepliesAreCountedPricedAndProjected() {
        world.sandboxBrands(sandbox);
        assertNull(poller.poll(TestWorld.MOBILE).error());
        ApiUsageView before = current(TestWorld.MOBILE);

        String customer = world.sandboxCustomer(sandbox, "Meter Reader");
        sandbox.postMention(customer, TestWorld.MOBILE_HANDLE, "one", null);
        sandbox.postMention(customer, TestWorld.MOBILE_HANDLE, "two", null);
        sandbox.sendDirectMessage(customer, TestWorld.MOBILE_HANDLE, "three");
        assertNull(poller.poll(TestWorld.MOBILE).error());

        TestWorld.Login agent = world.agent();
        // From the database: the queue puts the longest-waiting first, and the shared test database holds many.
        long conversation = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.handle = :h and c.kind = dev.signet.care.ConversationKind.PUBLIC",
                Long.class).setParameter("h", customer).getSingleResult());
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"See https://example.com/help\"}")
                .when().post("/api/conversations/" + conversation + "/replies")
                .then().statusCode(201).body("delivery", equalTo("SENT"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"We are on it\"}")
                .when().post("/api/conversations/" + conversation + "/replies")
                .then().statusCode(201).body("delivery", equalTo("SENT"));

        ApiUsageView after = current(TestWorld.MOBILE);
        assertEquals("poll", after.delivery());
        assertEquals(before.ownedReads() + 2, after.ownedReads(), "the mentions are owned reads");
        assertEquals(before.dmReads() + 1, after.dmReads());
        assertEquals(before.postsWithUrl() + 1, after.postsWithUrl());
        assertEquals(before.replies() + 1, after.replies(), "a reply without a URL to a customer who mentioned us");
        // v1.1 DM events name the sender by id only: one users/lookup of one user.
        assertEquals(before.userReads() + 1, after.userReads());
        // 2 × $0.001 + 1 × $0.010 + 1 × $0.010 (a user read) + 1 × $0.20 (a post with a URL) + 1 × $0.010 (a reply).
        assertEquals(new BigDecimal("0.232"), after.costUsd().subtract(before.costUsd()));
        // Polled, the account's own mode is priced as counted; pushed, each mention would cost $0.005, not $0.001.
        assertTrue(after.projectedUsd().compareTo(after.costUsd()) >= 0, "the month is at least what it cost so far");
        assertEquals(after.projectedUsd(), after.pollMonthUsd());
        assertTrue(after.pushMonthUsd().compareTo(after.pollMonthUsd()) > 0, "pushing mentions costs more");
        assertEquals(after.pollMonthUsd().subtract(after.pushMonthUsd()), after.pushSavingUsd());

        TestWorld.Login admin = world.user(Role.ADMIN);
        given().auth().preemptive().basic(admin.username(), admin.password())
                .when().get("/api/accounts/usage")
                .then().statusCode(200)
                .body("find { it.accountKey == 'test-mobile' }.postsWithUrl", equalTo((int) after.postsWithUrl()))
                .body("find { it.accountKey == 'test-mobile' }.delivery", equalTo("poll"))
                .body("find { it.accountKey == 'test-mobile' }.projectedUsd", equalTo(after.projectedUsd().floatValue()))
                .body("find { it.accountKey == 'test-mobile' }.pushSavingUsd",
                        equalTo(after.pushSavingUsd().floatValue()));
        given().auth().preemptive().basic(admin.username(), admin.password())
                .when().get("/admin")
                .then().statusCode(200)
                .body(containsString("Projected month"))
                .body(containsString("<td>test-mobile</td><td>poll</td><td>" + after.pollMonthUsd() + "</td><td>"
                        + after.pushMonthUsd() + "</td><td>" + after.pushSavingUsd() + "</td>"));
        given().auth().preemptive().basic(admin.username(), admin.password())
                .when().get("/api/accounts/usage?month=November")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/accounts/usage")
                .then().statusCode(403);
    }

    @Test
    void aResourceReadAgainOnTheSameUtcDayIsFree() {
        String account = "cost-" + world.nextId();
        usage.read(account, BilledRead.OWNED_POST, List.of("101", "102"));
        // A reconciliation poll re-reads 101; a pushed copy of 102 arrives late; an item X returned without an id.
        usage.read(account, BilledRead.OWNED_POST, Arrays.asList("101", "103", null));
        usage.read(account, BilledRead.PUSHED_POST, List.of("102"));
        // A DM event is another resource, even with the same number.
        usage.read(account, BilledRead.PUSHED_DM, List.of("101", "101"));

        ApiUsageView meter = current(account);
        assertEquals(4, meter.ownedReads(), "101, 102, 103 and the one without an id");
        assertEquals(0, meter.pushedPosts(), "102 was read today already");
        assertEquals(1, meter.pushedDms(), "one DM event delivered twice");
        assertEquals(3, meter.freeRereads());
        // 4 × $0.001 + 1 × $0.010.
        assertEquals(new BigDecimal("0.014"), meter.costUsd());
    }

    @Test
    void aResourceIsBilledAgainOnTheNextDayAndOldDaysArePurged() {
        String account = "cost-" + world.nextId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> readDays.firstReadToday(account, yesterday, "post:7")));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> readDays.firstReadToday(account, yesterday, "post:7")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> readDays.firstReadToday(account, today, "post:7")),
                "a new UTC day bills the resource again");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> readDays.purgeBefore(today)) >= 1);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> readDays.firstReadToday(account, yesterday, "post:7")),
                "yesterday's row is gone");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> readDays.firstReadToday(account, today, "post:7")),
                "today's is kept");
    }

    private ApiUsageView current(String account) {
        return usage.month(usage.thisMonth()).stream().filter(row -> row.accountKey().equals(account)).findFirst()
                .orElse(ApiUsageView.none(account, usage.thisMonth().toString(), "poll"));
    }
}
