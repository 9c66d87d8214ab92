package dev.signet.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The insights page over 1,000,000 messages on PostgreSQL. Seeds, for one brand account, 90 days of what intake
 * and the sentiment roll-ups would have written for a million customers' messages: the messages themselves
 * ({@link MillionMessages}: 250,000 conversations of 4 messages, 80% resolved), hourly volume and sentiment, and
 * daily terms (3,000 a day, with example message ids). Then a logged-in brand manager opens the page for the day, the week and the month;
 * prints the median server time of the slowest period as {@code insights.1m_ms} (goal ≤ 1,000 ms).
 */
@QuarkusTest
@Tag("bench")
class InsightsBench {

    static final int MESSAGES = MillionMessages.MESSAGES;
    static final int DAYS = MillionMessages.DAYS;
    static final int TERMS_PER_DAY = 3_000;
    static final long ID_BASE = 900_000_000_000L;
    static final int RUNS = 15;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TestWorld world;

    @Test
    void insightsOverAMillionMessages() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        long seedStart = System.nanoTime();
        seed(now);
        System.out.printf("insights bench: seeded %,d messages in %.1f s%n", MESSAGES, (System.nanoTime() - seedStart) / 1e9);

        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        Response login = given().redirects().follow(false)
                .formParam("j_username", manager.username()).formParam("j_password", manager.password())
                .when().post("/j_security_check");
        String session = login.getCookie("quarkus-credential");

        // A trivial page in the same run, to tell the insights' own cost from a loaded machine's.
        List<Double> trivial = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            given().when().get("/login").then().statusCode(200);
            trivial.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(trivial);
        System.out.printf("insights bench: trivial page (login form) median=%.1f ms%n", trivial.get(RUNS / 2));

        double slowest = 0;
        for (String period : List.of("day", "week", "month")) {
            String url = "/insights?account=" + TestWorld.AIR + "&period=" + period;
            for (int i = 0; i < 3; i++) {
                given().cookie("quarkus-credential", session).when().get(url).then().statusCode(200);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                String page = given().cookie("quarkus-credential", session).when().get(url).then().statusCode(200)
                        .extract().asString();
                millis.add((System.nanoTime() - start) / 1e6);
                assertTrue(page.contains("median"), "resolution figures shown");
            }
            Collections.sort(millis);
            double median = millis.get(RUNS / 2);
            System.out.printf("insights bench: period=%s median=%.1f ms max=%.1f ms%n", period, median, millis.get(RUNS - 1));
            slowest = Math.max(slowest, median);
        }
        long apiStart = System.nanoTime();
        given().cookie("quarkus-credential", session).when().get("/api/insights/" + TestWorld.AIR + "?period=month")
                .then().statusCode(200);
        System.out.printf("insights bench: api month %.1f ms%n", (System.nanoTime() - apiStart) / 1e6);
        BenchReport.print("insights.1m_ms", Math.round(slowest * 10) / 10.0, "ms");
    }

    private void seed(Instant now) throws SQLException {
        MillionMessages million = new MillionMessages(now);
        Instant from = million.from();
        long hours = DAYS * 24L;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            long account;
            try (ResultSet r = s.executeQuery("select id from channel_account where account_key = '" + TestWorld.AIR + "'")) {
                r.next();
                account = r.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into social_identity (id, network, external_user_id, handle, display_name, created_at)
                    values (?, 'X', 'bench-insights', 'bench_insights', 'Bench Customer', ?) on conflict do nothing""")) {
                p.setLong(1, ID_BASE);
                p.setTimestamp(2, Timestamp.from(now));
                p.executeUpdate();
            }
            // Conversations spread evenly over the 90 days; 80% resolved 5 min to ~2 days after the first message.
            try (PreparedStatement p = c.prepareStatement("""
                    insert into conversation (id, account_id, identity_id, kind, status, first_message_at, last_message_at,
                      last_preview, last_direction, resolved_at, created_at, version)
                    select ? + g, ?, ?, 'PUBLIC', case when %1$s then 'OPEN' else 'RESOLVED' end, %2$s, %2$s, 'bench', 'IN',
                      case when %1$s then null else %2$s + %3$s * interval '1 minute' end, ?::timestamptz, 0
                    from generate_series(1, ?) g""".formatted(MillionMessages.open("g"), million.conversationStart("g"),
                    MillionMessages.minutesToResolve("g")))) {
                p.setLong(1, ID_BASE);
                p.setLong(2, account);
                p.setLong(3, ID_BASE);
                p.setTimestamp(4, Timestamp.from(now));
                p.setInt(5, MillionMessages.CONVERSATIONS);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into message (id, conversation_id, account_id, network, external_id, direction,
                      author_identity_id, text, sent_at, stored_at)
                    select ? + g, ? + 1 + (g - 1) / ?, ?, 'X', 'bench-insights-' || g, 'IN', ?,
                      '@SignetTestAir my bag is delayed again #delayed message ' || g, %s, ?::timestamptz
                    from generate_series(1, ?) g""".formatted(million.messageSentAt("g")))) {
                int i = 1;
                p.setLong(i++, ID_BASE);
                p.setLong(i++, ID_BASE);
                p.setInt(i++, MillionMessages.PER_CONVERSATION);
                p.setLong(i++, account);
                p.setLong(i++, ID_BASE);
                p.setTimestamp(i++, Timestamp.from(now));
                p.setInt(i, MESSAGES);
                assertEquals(MESSAGES, p.executeUpdate());
            }
            // The roll-ups of those messages: per hour ~463 messages, 90% scored.
            try (PreparedStatement p = c.prepareStatement("""
                    insert into hourly_volume (id, account_key, hour_start, messages)
                    select ? + h, ?, ?::timestamptz + h * interval '1 hour', ? / ?
                    from generate_series(0, ? - 1) h
                    on conflict (account_key, hour_start) do update set messages = hourly_volume.messages + excluded.messages""")) {
                p.setLong(1, ID_BASE);
                p.setString(2, TestWorld.AIR);
                p.setTimestamp(3, Timestamp.from(from));
                p.setLong(4, MESSAGES);
                p.setLong(5, hours);
                p.setLong(6, hours);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into hourly_sentiment (id, account_key, hour_start, positive, neutral, negative)
                    select ? + h, ?, ?::timestamptz + h * interval '1 hour', 120, 190, 106 + h % 7
                    from generate_series(0, ? - 1) h
                    on conflict (account_key, hour_start) do update set negative = hourly_sentiment.negative + excluded.negative""")) {
                p.setLong(1, ID_BASE);
                p.setString(2, TestWorld.AIR);
                p.setTimestamp(3, Timestamp.from(from));
                p.setLong(4, hours);
                p.executeUpdate();
            }
            // Terms: a long tail per day, each with two example messages of that day.
            try (PreparedStatement p = c.prepareStatement("""
                    insert into daily_term (id, account_key, term_day, term, hashtag, mentions, example_ids)
                    select ? + d * ? + t, ?, (?::timestamptz + d * interval '1 day')::date,
                      case when t % 10 = 0 then '#tag' || t else 'term' || t end, t % 10 = 0, greatest(1, 20000 / t),
                      (? + 1 + (d * ? / ?) + t % 100)::text || ',' || (? + 2 + (d * ? / ?) + t % 100)::text
                    from generate_series(0, ? - 1) d, generate_series(1, ?) t
                    on conflict do nothing""")) {
                long perDay = MESSAGES / DAYS;
                int i = 1;
                p.setLong(i++, ID_BASE);
                p.setLong(i++, TERMS_PER_DAY + 1);
                p.setString(i++, TestWorld.AIR);
                p.setTimestamp(i++, Timestamp.from(from));
                for (int k = 0; k < 2; k++) {
                    p.setLong(i++, ID_BASE);
                    p.setLong(i++, perDay);
                    p.setLong(i++, 1);
                }
                p.setInt(i++, DAYS);
                p.setInt(i, TERMS_PER_DAY);
                p.executeUpdate();
            }
            // As autovacuum would have done by then: statistics and the visibility map (index-only scans).
            s.execute("vacuum analyze");
        }
    }
}
