package dev.signet.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.sla.report.SlaReport;
import dev.signet.sla.report.SlaReportService;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The roll-up and the report on the embedded default's database (H2): merge upserts, locks, the breaches' page. */
@QuarkusTest
@TestProfile(EmbeddedH2Profile.class)
class SlaOnH2Test {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
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

    @Test
    void theFiguresComeFromTheRollUpOnH2() {
        policies.save(new SlaPolicyRequest(TestWorld.AIR, null, null, 15, 30, 240, true, null, null), "test");
        testPolicies.forgetRecord();
        TestWorld.Login agent = world.agent();
        long met = mention("H2 Met", Instant.now().minus(Duration.ofMinutes(3)));
        reply(agent, met);
        long late = mention("H2 Late", Instant.now().minus(Duration.ofHours(26)));
        reply(agent, late);
        long running = mention("H2 Running", Instant.now().minus(Duration.ofMinutes(40)));
        while (recorder.recordPending() > 0) {
            // every noted conversation
        }
        SlaReport month = reports.report(TestWorld.AIR, "month");
        SlaReport.Line first = month.totals().stream().filter(l -> l.target().equals("FIRST_RESPONSE")).findFirst()
                .orElseThrow();
        assertEquals(1, first.met(), month.toString());
        assertEquals(2, first.breached(), "one answered a day late, one running past due");
        assertNotNull(first.medianSeconds());
        assertEquals(java.util.Set.of(late, running), month.breaches().stream()
                .filter(b -> b.target().equals("FIRST_RESPONSE")).map(SlaReport.Breach::conversationId)
                .collect(java.util.stream.Collectors.toSet()));
        assertNull(month.olderBreaches());
        rollup.rebuild(TestWorld.AIR);
        assertEquals(month.lines(), reports.report(TestWorld.AIR, "month").lines(), "a rebuild changes nothing");
        given().auth().preemptive().basic(world.user(Role.LEAD).username(), world.user(Role.LEAD).password())
                .get("/insights/sla?account=" + TestWorld.AIR + "&period=month").then().statusCode(200)
                .body(containsString("href=\"/conversations/" + late + "\""));
        testPolicies.deleteAll();
    }

    private long mention(String name, Instant sentAt) {
        InboundMessage m = new InboundMessage(TestWorld.AIR, Network.X, world.nextId(), MessageKind.MENTION,
                world.customer(name), null, "@SignetTestAir where is my parcel", null, sentAt);
        intake.receive(m);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", m.externalId()).getSingleResult());
    }

    private static void reply(TestWorld.Login agent, long id) {
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body(Map.of("text", "Here to help.")).post("/api/conversations/" + id + "/replies").then().statusCode(201);
    }
}
