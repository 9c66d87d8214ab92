package dev.signet.sla;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.sla.report.SlaReport;
import dev.signet.sla.report.SlaReportService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The report read from the daily roll-up and the live edges gives the answers computed from the raw record on the same
 * data: % met and counts exactly, median and p90 within the buckets' bound — over conversations of the last ten days
 * (the account's zone is Europe/Madrid, so the month's UTC days cut its local days), a reopened conversation and a
 * policy change in the middle of the period. The roll-up equals the record's rows summed, and a rebuild changes nothing.
 */
@QuarkusTest
class SlaRollupTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    SandboxService sandbox;
    @Inject
    EntityManager em;
    @Inject
    SlaPolicyService policies;
    @Inject
    SlaTestPolicies testPolicies;
    @Inject
    SlaRecorder recorder;
    @Inject
    SlaRollup rollup;
    @Inject
    SlaReportService reports;

    @BeforeEach
    void brands() {
        world.sandboxBrands(sandbox);
    }

    @AfterEach
    void noPoliciesLeft() {
        testPolicies.deleteAll();
        testPolicies.forgetRecord();
    }

    @Test
    void theRollUpAnswersAsTheRawRecordDoes() {
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 60, 120, 2880, true, null, null), "test");
        testPolicies.forgetRecord();
        TestWorld.Login agent = world.agent();
        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>();
        // Ten days back, every 7 h 13 min or so: answered now (met or breached by age), some resolved.
        for (int i = 0; i < 24; i++) {
            Instant sent = now.minus(Duration.ofMinutes(17 + i * 433L));
            long id = mention(TestWorld.AIR, world.customer("Rollup " + i), sent);
            ids.add(id);
            if (i % 3 != 2) {
                reply(agent, id, "On it.");
            }
            if (i % 4 == 0) {
                resolve(agent, id);
            }
        }
        long dm = dm(TestWorld.AIR, world.customer("Rollup Dm"));
        drain();
        // The policy changes mid-period: open conversations are measured again under it, the others keep theirs.
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 20, 45, 600, true, null, null), "test");
        Author reopener = world.customer("Rollup Reopened");
        long reopened = mention(TestWorld.AIR, reopener, now.minus(Duration.ofHours(30)));
        reply(agent, reopened, "Fixed.");
        resolve(agent, reopened);
        // The customer writes again after the resolution: the conversation reopens, a next response waits.
        assertEquals(reopened, mention(TestWorld.AIR, reopener, Instant.now()), "the same conversation");
        reply(agent, reopened, "Again on it.");
        reply(agent, dm, "Hello.");
        drain();
        assertTrue(count("select count(*) from sla_target where conversation_id = " + reopened) >= 3);

        assertRollUpIsTheRecordSummed();
        for (String period : List.of("day", "week", "month")) {
            for (String account : java.util.Arrays.asList(TestWorld.AIR, null)) {
                compare(reports.report(account, period), account, period);
            }
        }
        SlaReport before = reports.report(TestWorld.AIR, "month");
        rollup.rebuild(TestWorld.AIR);
        assertRollUpIsTheRecordSummed();
        assertEquals(before.lines(), reports.report(TestWorld.AIR, "month").lines(), "a rebuild changes nothing");
        assertTrue(before.lines().stream().anyMatch(l -> l.breached() > 0) && before.lines().stream()
                .anyMatch(l -> l.met() > 0), before.lines().toString());
    }

    @Test
    void breachesArePagedLatestFirstWithACursor() {
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 1, 1, 2, true, null, null), "test");
        testPolicies.forgetRecord();
        for (int i = 0; i < 60; i++) {
            mention(TestWorld.AIR, world.customer("Late Page " + i), Instant.now().minus(Duration.ofMinutes(10 + i)));
        }
        drain();
        TestWorld.Login lead = world.user(Role.LEAD);
        SlaReport first = reports.report(TestWorld.AIR, "day");
        assertEquals(50, first.breaches().size());
        assertNotNull(first.olderBreaches());
        List<SlaReport.Breach> all = new ArrayList<>(first.breaches());
        String cursor = first.olderBreaches();
        for (int page = 0; cursor != null && page < 10; page++) {
            SlaReport next = reports.report(TestWorld.AIR, "day", cursor);
            all.addAll(next.breaches());
            cursor = next.olderBreaches();
        }
        // First response and resolution of 60 conversations, running past due: 50 + 50 + 20, none twice.
        assertEquals(120, all.size());
        assertEquals(120, all.stream().map(SlaReport.Breach::id).distinct().count());
        assertEquals(count("select count(*) from sla_target where met is null and due_at < now()"), all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(!all.get(i).dueAt().isAfter(all.get(i - 1).dueAt()), "latest due first");
        }
        as(lead).get("/api/sla/report?account=" + TestWorld.AIR + "&period=day&before=" + first.olderBreaches()).then()
                .statusCode(200);
        as(lead).get("/api/sla/report?account=" + TestWorld.AIR + "&before=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
        as(lead).get("/insights/sla?account=" + TestWorld.AIR + "&period=day").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Older breaches"));
    }

    /** Every roll-up row equals the record's rows of that account-local day, target, tier, channel and bucket. */
    private void assertRollUpIsTheRecordSummed() {
        ZoneId zone = ZoneId.of("Europe/Madrid");
        Map<String, List<Long>> expected = new TreeMap<>();
        for (Object[] r : rows("select tier, channel, target, started_at, met, business_seconds from sla_target "
                + "where account_key = '" + TestWorld.AIR + "'")) {
            int bucket = r[4] == null ? DurationBuckets.RUNNING : DurationBuckets.of(((Number) r[5]).longValue());
            String key = LocalDate.ofInstant(instant(r[3]), zone) + "|" + r[2] + "|" + r[0] + "|" + r[1] + "|" + bucket;
            List<Long> c = expected.computeIfAbsent(key, k -> new ArrayList<>(List.of(0L, 0L, 0L)));
            int at = r[4] == null ? 2 : (Boolean) r[4] ? 0 : 1;
            c.set(at, c.get(at) + 1);
        }
        Map<String, List<Long>> actual = new TreeMap<>();
        for (Object[] r : rows("select local_day, target, tier, channel, bucket, met, missed, running from sla_daily "
                + "where account_key = '" + TestWorld.AIR + "' and (met <> 0 or missed <> 0 or running <> 0)")) {
            actual.put(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3] + "|" + ((Number) r[4]).intValue(),
                    List.of(((Number) r[5]).longValue(), ((Number) r[6]).longValue(), ((Number) r[7]).longValue()));
        }
        assertEquals(expected, actual);
    }

    /** The report against the raw record: counts exactly, the percentiles within the buckets' bound. */
    private void compare(SlaReport report, String account, String period) {
        Instant now = Instant.now();
        String where = " where started_at >= '" + OffsetDateTime.ofInstant(report.from(), ZoneId.of("UTC"))
                + "' and started_at < '" + OffsetDateTime.ofInstant(report.to(), ZoneId.of("UTC")) + "'"
                + (account == null ? "" : " and account_key = '" + account + "'");
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, List<Long>> durations = new TreeMap<>();
        for (Object[] r : rows("select account_key, tier, channel, target, met, due_at, business_seconds from sla_target"
                + where)) {
            String key = r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3];
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            Boolean met = (Boolean) r[4];
            if (Boolean.TRUE.equals(met)) {
                c[0]++;
            } else if (Boolean.FALSE.equals(met) || instant(r[5]).isBefore(now)) {
                c[1]++;
            }
            if (r[6] != null && met != null) {
                durations.computeIfAbsent(key, k -> new ArrayList<>()).add(((Number) r[6]).longValue());
            }
        }
        assertEquals(counts.size(), report.lines().size(), period + " " + account + ": " + report.lines());
        for (SlaReport.Line line : report.lines()) {
            String key = line.accountKey() + "|" + line.tier() + "|" + line.channel() + "|" + line.target();
            long[] c = counts.get(key);
            assertNotNull(c, key);
            assertEquals(c[0], line.met(), period + " met " + key);
            assertEquals(c[1], line.breached(), period + " breached " + key);
            List<Long> d = durations.getOrDefault(key, List.of());
            within(nearestRank(d, 50), line.medianSeconds(), period + " median " + key);
            within(nearestRank(d, 90), line.p90Seconds(), period + " p90 " + key);
        }
    }

    private static Long nearestRank(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.max(1, (percent * (long) sorted.size() + 99) / 100) - 1);
    }

    private static void within(Long raw, Double estimate, String what) {
        if (raw == null) {
            assertNull(estimate, what);
            return;
        }
        assertNotNull(estimate, what);
        assertTrue(Math.abs(estimate - raw) <= raw * DurationBuckets.RELATIVE_ERROR, what + ": raw " + raw
                + " s, from the buckets " + estimate + " s");
    }

    private void drain() {
        while (recorder.recordPending() > 0) {
            // every noted conversation
        }
    }

    private long count(String sql) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getSingleResult()))
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList());
    }

    private static Instant instant(Object o) {
        return o instanceof Instant i ? i : o instanceof OffsetDateTime odt ? odt.toInstant()
                : ((java.sql.Timestamp) o).toInstant();
    }

    private long mention(String account, Author author, Instant sentAt) {
        InboundMessage m = new InboundMessage(account, Network.X, world.nextId(), MessageKind.MENTION, author, null,
                "@brand where is my parcel", null, sentAt);
        intake.receive(m);
        return conversationOf(m.externalId());
    }

    private long dm(String account, Author author) {
        InboundMessage m = world.directMessage(account, author, "1", "my bill is wrong");
        intake.receive(m);
        return conversationOf(m.externalId());
    }

    private long conversationOf(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", externalId).getSingleResult());
    }

    private void reply(TestWorld.Login login, long id, String text) {
        as(login).contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/conversations/" + id + "/replies")
                .then().log().ifValidationFails().statusCode(201);
    }

    private void resolve(TestWorld.Login login, long id) {
        as(login).contentType(ContentType.JSON).body("{\"status\":\"RESOLVED\"}").post("/api/conversations/" + id + "/status")
                .then().log().ifValidationFails().statusCode(200);
    }

    private static RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).when();
    }
}
