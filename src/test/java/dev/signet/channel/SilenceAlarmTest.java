package dev.signet.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** An account that usually hears from customers at this hour and suddenly doesn't raises the alarm. */
@QuarkusTest
class SilenceAlarmTest {

    @Inject
    SilenceWatch watch;
    @Inject
    HourlyVolumeRepository volumes;
    @Inject
    IntakeService intake;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void silenceIsAlarmedOnThePageInTheMetricAndClearsWhenMessagesArriveAgain() {
        // Ten messages an hour at this time (and the next hour, should the test cross an hour) on each of 7 days.
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Map<Instant, Long> usual = new HashMap<>();
        for (int day = 1; day <= 7; day++) {
            usual.put(hour.minus(Duration.ofDays(day)), 10L);
            usual.put(hour.plus(Duration.ofHours(1)).minus(Duration.ofDays(day)), 10L);
        }
        QuarkusTransaction.requiringNew().run(() -> volumes.add(TestWorld.MOBILE, usual));
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update ChannelAccount a set a.lastMessageAt = :t where a.accountKey = :k")
                .setParameter("t", Instant.now().minus(Duration.ofHours(2))).setParameter("k", TestWorld.MOBILE)
                .executeUpdate());

        assertTrue(silent(TestWorld.MOBILE));
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login admin = world.user(Role.ADMIN);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin")
                .then().statusCode(200)
                .body(containsString("@SignetTestMobile has gone silent."));
        given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("signet_channel_silent{account=\"test-mobile\"} 1.0"));

        intake.receive(world.mention(TestWorld.MOBILE, world.customer("Back Again"), "@SignetTestMobile hello?", null));

        assertFalse(silent(TestWorld.MOBILE));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin")
                .then().statusCode(200)
                .body(not(containsString("@SignetTestMobile has gone silent.")));
        given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/q/metrics")
                .then().body(containsString("signet_channel_silent{account=\"test-mobile\"} 0.0"));
    }

    @Test
    void agentsCannotOpenTheAdminPage() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).accept("text/html")
                .when().get("/admin")
                .then().statusCode(403).body(containsString("Not allowed for your role"));
    }

    private boolean silent(String account) {
        return watch.check().stream().filter(s -> s.accountKey().equals(account)).findFirst().orElseThrow().silent();
    }
}
