package dev.signet.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.sla.SlaRollup;
import dev.signet.testsupport.TestWorld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The insights' service-level section over the record of 1,000,000 messages on PostgreSQL: the conversations of
 * {@link MillionMessages} (250,000 of 4 messages over 90 days; two waits each: a first and a next response, and the
 * resolution when the conversation was resolved), i.e. 750,000 measured targets across 4 tiers and both channels,
 * seeded with set-based SQL as the recorder would have written them, then the account's daily roll-up rebuilt from
 * them ({@link SlaRollup#rebuild}, the code that keeps it). A logged-in lead opens {@code /insights/sla} for the day, the week and the month; prints the median
 * server time of the slowest period as {@code insights.sla_1m_ms} (goal ≤ 1,000 ms, like the other insights).
 */
@QuarkusTest
@Tag("bench")
class SlaInsightsBench {

    static final long ID_BASE = 910_000_000_000L;
    static final int RUNS = 15;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TestWorld world;
    @Inject
    SlaRollup rollup;

    @Test
    void slaInsightsOverAMillionMessages() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        long seedStart = System.nanoTime();
        int rows = seed(now);
        System.out.printf("sla insights bench: seeded %,d targets (%,d messages) in %.1f s%n", rows,
                MillionMessages.MESSAGES, (System.nanoTime() - seedStart) / 1e9);
        long rebuildStart = System.nanoTime();
        rollup.rebuild(TestWorld.AIR);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze sla_daily");
            try (var r = s.executeQuery("select count(*) from sla_daily where account_key = '" + TestWorld.AIR + "'")) {
                r.next();
                System.out.printf("sla insights bench: roll-up rebuilt (%,d rows) in %.1f s%n", r.getLong(1),
                        (System.nanoTime() - rebuildStart) / 1e9);
            }
        }

        TestWorld.Login lead = world.user(Role.LEAD);
        Response login = given().redirects().follow(false)
                .formParam("j_username", lead.username()).formParam("j_password", lead.password())
                .when().post("/j_security_check");
        String session = login.getCookie("quarkus-credential");

        double slowest = 0;
        for (String period : List.of("day", "week", "month")) {
            String url = "/insights/sla?account=" + TestWorld.AIR + "&period=" + period;
            for (int i = 0; i < 3; i++) {
                given().cookie("quarkus-credential", session).when().get(url).then().statusCode(200);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                String page = given().cookie("quarkus-credential", session).when().get(url).then().statusCode(200)
                        .extract().asString();
                millis.add((System.nanoTime() - start) / 1e6);
                assertTrue(page.contains("first response") && page.contains(" %</strong>"), "figures shown");
            }
            Collections.sort(millis);
            double median = millis.get(RUNS / 2);
            System.out.printf("sla insights bench: period=%s median=%.1f ms max=%.1f ms%n", period, median,
                    millis.get(RUNS - 1));
            slowest = Math.max(slowest, median);
        }
        long apiStart = System.nanoTime();
        given().cookie("quarkus-credential", session).when().get("/api/sla/report?account=" + TestWorld.AIR + "&period=month")
                .then().statusCode(200);
        System.out.printf("sla insights bench: api month %.1f ms%n", (System.nanoTime() - apiStart) / 1e6);
        BenchReport.print("insights.sla_1m_ms", Math.round(slowest * 10) / 10.0, "ms");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // The seeded record goes again: other tests on this database measure only their own conversations.
            s.executeUpdate("delete from sla_target where conversation_id >= " + ID_BASE);
        }
        rollup.rebuild(TestWorld.AIR);
    }

    /** The targets of the million messages' conversations; returns the number of rows. */
    private int seed(Instant now) throws SQLException {
        MillionMessages million = new MillionMessages(now);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("delete from sla_target where conversation_id >= " + ID_BASE);
            // target 0: first response (30 min), 1: next response (60 min, starting 2 h in), 2: resolution (24 h).
            try (PreparedStatement p = c.prepareStatement("""
                    insert into sla_target (id, conversation_id, account_key, tier, channel, policy_id, target, seq,
                      started_at, due_at, ended_at, business_seconds, met)
                    select ? + g * 3 + t, ? + g, ?,
                      case g %% 4 when 0 then 'NONE' when 1 then 'SILVER' when 2 then 'GOLD' else 'PLATINUM' end,
                      case when g %% 3 = 0 then 'DM' else 'PUBLIC' end, ?,
                      case t when 0 then 'FIRST_RESPONSE' when 1 then 'NEXT_RESPONSE' else 'RESOLUTION' end, 0,
                      st, st + d, en, extract(epoch from en - st)::bigint, case when en is null then null else en <= st + d end
                    from (
                      select g, t, st, d,
                        case when t = 2 and %1$s then null
                             when t = 2 then st + %2$s * interval '1 minute'
                             else st + ((g * 7919) %% (45 + 30 * t) + 1) * interval '1 minute'
                        end en
                      from (
                        select g, t, %3$s + case t when 1 then interval '2 hours' else interval '0 hours' end st,
                          case t when 0 then interval '30 minutes' when 1 then interval '60 minutes' else interval '24 hours' end d
                        from generate_series(1, ?) g, generate_series(0, 2) t
                      ) s
                    ) x""".formatted(MillionMessages.open("g"), MillionMessages.minutesToResolve("g"),
                    million.conversationStart("g")))) {
                p.setLong(1, ID_BASE);
                p.setLong(2, ID_BASE);
                p.setString(3, TestWorld.AIR);
                p.setLong(4, ID_BASE);
                p.setInt(5, MillionMessages.CONVERSATIONS);
                int rows = p.executeUpdate();
                s.execute("vacuum analyze sla_target");
                return rows;
            }
        }
    }
}
