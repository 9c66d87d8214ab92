package dev.signet.care.promise;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.intake.IntakeService;
import dev.signet.reply.ScheduledUpdateSender;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Promised updates on the embedded default's database (H2): the migration, the watch, the figures, the timeline. */
@QuarkusTest
@TestProfile(EmbeddedH2Profile.class)
class PromisesOnH2Test {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    CrmImportService crm;
    @Inject
    PromiseWatch watch;
    @Inject
    ScheduledUpdateSender sender;
    @Inject
    EntityManager em;

    @Test
    void aPromiseIsRaisedCountedSentAndShownOnH2() {
        TestWorld.Login maria = world.agent();
        Author author = world.customer("Embedded Promise");
        crm.upsert(List.of(new CrmRecord("crm-" + author.userId(), "Embedded Promise", null, null, null, null,
                author.userId(), author.handle(), null)), "test");
        InboundMessage mention = world.mention(TestWorld.AIR, author, "@SignetTestAir my parcel?", null);
        intake.receive(mention);
        long id = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
        Instant due = Instant.now().plus(Duration.ofHours(2));

        given().auth().preemptive().basic(maria.username(), maria.password()).contentType(ContentType.JSON)
                .body(Map.of("status", "WAITING_ON_US", "promisedUpdateAt", due.toString(), "updateText", "On its way."))
                .when().post("/api/conversations/" + id + "/status").then().statusCode(200)
                .body("promise.state", equalTo("PROMISED"));
        assertEquals(1, watch.raise(due.minus(Duration.ofMinutes(30))));
        given().auth().preemptive().basic(maria.username(), maria.password())
                .when().get("/api/care/promises?account=" + TestWorld.AIR).then().statusCode(200)
                .body("teams[0].pending", equalTo(1)).body("total.pending", equalTo(1));

        assertEquals(1, sender.sendDue(due).size());
        assertTrue(sender.sendDue(due.plusSeconds(60)).isEmpty());
        long customerId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.identity.customer.id from Conversation c where c.id = :id", Long.class)
                .setParameter("id", id).getSingleResult());
        given().auth().preemptive().basic(maria.username(), maria.password())
                .when().get("/api/customers/" + customerId + "/timeline").then().statusCode(200)
                .body("entries.type", hasItem("PROMISE"))
                .body("entries.text", hasItem("scheduled update sent: promise kept"));
        given().auth().preemptive().basic(maria.username(), maria.password())
                .when().get("/queue").then().statusCode(200);
    }
}
