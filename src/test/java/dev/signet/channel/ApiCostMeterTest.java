package dev.signet.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The X API cost meter counts what was read and written, and prices it. */
@QuarkusTest
class ApiCostMeterTest {

    @Inject
    ChannelPoller poller;
    @Inject
    SandboxService sandbox;
    @Inject
    ApiUsageService usage;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void readsAndRepliesAreCountedAndPriced() {
        world.sandboxBrands(sandbox);
        assertNull(poller.poll(TestWorld.MOBILE).error());
        ApiUsageView before = current();

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

        ApiUsageView after = current();
        assertEquals(before.postReads() + 2, after.postReads());
        assertEquals(before.dmReads() + 1, after.dmReads());
        assertEquals(before.repliesWithUrl() + 1, after.repliesWithUrl());
        // v1.1 DM events name the sender by id only: one users/lookup of one user.
        assertEquals(before.userReads() + 1, after.userReads());
        // 2 × $0.001 + 1 × $0.010 + 1 × $0.010 (a user read) + 1 × $0.20 (a post with a URL).
        assertEquals(new BigDecimal("0.222"), after.costUsd().subtract(before.costUsd()));

        TestWorld.Login admin = world.user(Role.ADMIN);
        given().auth().preemptive().basic(admin.username(), admin.password())
                .when().get("/api/accounts/usage")
                .then().statusCode(200)
                .body("find { it.accountKey == 'test-mobile' }.repliesWithUrl", equalTo((int) after.repliesWithUrl()));
        given().auth().preemptive().basic(admin.username(), admin.password())
                .when().get("/api/accounts/usage?month=November")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private ApiUsageView current() {
        return usage.month(usage.thisMonth()).stream().filter(row -> row.accountKey().equals(TestWorld.MOBILE)).findFirst()
                .orElse(new ApiUsageView(TestWorld.MOBILE, usage.thisMonth().toString(), 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(3)));
    }
}
