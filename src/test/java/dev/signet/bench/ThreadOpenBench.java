package dev.signet.bench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.care.ConversationQueryService;
import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.TestWorld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A conversation with 5,000 messages opened by a logged-in agent on PostgreSQL: the conversation page (the latest
 * page of the thread, {@link ConversationQueryService#THREAD_PAGE} messages, with an "older" link) and the API's
 * {@code GET /api/conversations/{id}}, each asked 200 times after 30 warm-ups with the session cookie of one form
 * login, timed at the client on 127.0.0.1 (so HTTP is included). Prints thread.open_5000_ms (the page's median),
 * thread.open_5000_p95_ms and thread.api_5000_ms. Goal: ≤ 100 ms.
 */
@QuarkusTest
@Tag("bench")
class ThreadOpenBench {

    private static final int MESSAGES = 5_000;
    private static final int WARMUP = 30;
    private static final int ITERATIONS = 200;

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aConversationWithFiveThousandMessagesOpensOnePage() throws SQLException {
        world.sandboxBrands(sandbox);
        String customer = world.sandboxCustomer(sandbox, "Long Thread Lee");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "my suitcase, again", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long conversation = growThread(customer);

        TestWorld.Login agent = world.agent();
        Response login = given().redirects().follow(false)
                .formParam("j_username", agent.username()).formParam("j_password", agent.password())
                .when().post("/j_security_check");
        String session = login.getCookie("quarkus-credential");
        given().cookie("quarkus-credential", session).when().get("/conversations/" + conversation)
                .then().statusCode(200).body(containsString("thread message " + (MESSAGES - 1)));

        double[] page = time(() -> given().cookie("quarkus-credential", session)
                .when().get("/conversations/" + conversation).then().statusCode(200));
        double[] api = time(() -> given().cookie("quarkus-credential", session).accept("application/json")
                .when().get("/api/conversations/" + conversation).then().statusCode(200));
        BenchReport.print("thread.messages", MESSAGES, "messages");
        BenchReport.print("thread.open_5000_ms", percentile(page, 0.50), "ms");
        BenchReport.print("thread.open_5000_p95_ms", percentile(page, 0.95), "ms");
        BenchReport.print("thread.api_5000_ms", percentile(api, 0.50), "ms");
        assertEquals(ITERATIONS, page.length);
    }

    /**
     * Adds {@code MESSAGES - 1} posts of the customer to the conversation of their mention, a second apart, by SQL
     * in one statement. Ids come from whole blocks drawn from {@code message_seq} (Hibernate's pooled blocks of
     * 500, V52), so they clash with no id the application gives.
     */
    private long growThread(String customer) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long conversation;
            try (PreparedStatement first = connection.prepareStatement("""
                    select m.conversation_id from message m join social_identity i on i.id = m.author_identity_id
                    where i.handle = ? order by m.id desc limit 1""")) {
                first.setString(1, customer);
                try (ResultSet row = first.executeQuery()) {
                    row.next();
                    conversation = row.getLong(1);
                }
            }
            List<Long> blocks = new ArrayList<>();
            try (PreparedStatement draw = connection.prepareStatement(
                    "select nextval('message_seq') from generate_series(1, ?)")) {
                draw.setInt(1, (MESSAGES + 499) / 500);
                try (ResultSet rows = draw.executeQuery()) {
                    while (rows.next()) {
                        blocks.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into message (id, conversation_id, network, external_id, direction, author_identity_id,
                        text, sent_at, stored_at, account_id)
                    select b.start + k, m.conversation_id, m.network, 'tb' || (b.start + k), m.direction, m.author_identity_id,
                        'thread message ' || (n.i), m.sent_at + n.i * interval '1 second', m.stored_at, m.account_id
                    from message m,
                        (select unnest(?::bigint[]) as start, generate_series(0, array_length(?::bigint[], 1) - 1) as block) b,
                        generate_series(0, 499) k,
                        lateral (select b.block * 500 + k as i) n
                    where m.conversation_id = ? and n.i between 1 and ? and m.direction = 'IN'
                    """)) {
                Long[] starts = blocks.toArray(Long[]::new);
                insert.setArray(1, connection.createArrayOf("bigint", starts));
                insert.setArray(2, connection.createArrayOf("bigint", starts));
                insert.setLong(3, conversation);
                insert.setInt(4, MESSAGES - 1);
                assertEquals(MESSAGES - 1, insert.executeUpdate());
            }
            return conversation;
        }
    }

    private static double[] time(Runnable request) {
        for (int i = 0; i < WARMUP; i++) {
            request.run();
        }
        double[] ms = new double[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            long start = System.nanoTime();
            request.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
