package dev.signet.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The notifications API: each user sees and marks only their own; any kind shows (not only mentions). */
@QuarkusTest
class NotificationApiTest {

    @Inject
    TestWorld world;
    @Inject
    NotificationService notifications;
    @Inject
    EntityManager em;

    @Test
    void aUserListsOnlyTheirOwnUnreadFirstAndMarksThemRead() {
        TestWorld.Login me = world.agent();
        TestWorld.Login other = world.user(Role.LEAD);
        long myId = userId(me);
        long otherId = userId(other);
        tell(myId, NotificationKind.ESCALATION, "Conversation #1 escalated");
        tell(myId, NotificationKind.CONTINUITY, "A returning customer is offered to you");
        tell(otherId, NotificationKind.OTHER, "Not for you");

        List<Integer> ids = given().auth().preemptive().basic(me.username(), me.password())
                .when().get("/api/notifications")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("kind", contains("CONTINUITY", "ESCALATION"))
                .extract().path("id");
        given().auth().preemptive().basic(me.username(), me.password()).when().get("/api/notifications/unread")
                .then().statusCode(200).body("unread", equalTo(2));

        given().auth().preemptive().basic(me.username(), me.password()).contentType(ContentType.JSON)
                .when().post("/api/notifications/" + ids.get(0) + "/read")
                .then().statusCode(200).body("readAt", notNullValue());
        // Unread first: the one still unread now heads the list.
        given().auth().preemptive().basic(me.username(), me.password()).when().get("/api/notifications")
                .then().statusCode(200)
                .body("id", contains(ids.get(1), ids.get(0)))
                .body("[0].readAt", nullValue());

        given().auth().preemptive().basic(me.username(), me.password()).contentType(ContentType.JSON)
                .when().post("/api/notifications/read-all").then().statusCode(200).body("unread", equalTo(0));
        given().auth().preemptive().basic(me.username(), me.password()).when().get("/api/notifications/unread")
                .then().statusCode(200).body("unread", equalTo(0));
        // The other user's notification is untouched.
        given().auth().preemptive().basic(other.username(), other.password()).when().get("/api/notifications/unread")
                .then().statusCode(200).body("unread", equalTo(1));
    }

    @Test
    void anotherUsersNotificationIsNotFound() {
        TestWorld.Login me = world.agent();
        TestWorld.Login other = world.agent();
        tell(userId(other), NotificationKind.MENTION, "^XY mentioned you");
        int theirs = given().auth().preemptive().basic(other.username(), other.password())
                .when().get("/api/notifications").then().statusCode(200).extract().path("[0].id");

        given().auth().preemptive().basic(me.username(), me.password()).contentType(ContentType.JSON)
                .when().post("/api/notifications/" + theirs + "/read")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/notification-not-found"));
        given().auth().preemptive().basic(other.username(), other.password()).when().get("/api/notifications/unread")
                .then().statusCode(200).body("unread", equalTo(1));
        given().when().get("/api/notifications").then().statusCode(401);
    }

    private void tell(long userId, NotificationKind kind, String text) {
        QuarkusTransaction.requiringNew().run(() -> notifications.notifyUsers(List.of(userId), kind, text, null));
    }

    private long userId(TestWorld.Login login) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select u.id from AppUser u where u.username = :name", Long.class)
                .setParameter("name", login.username()).getSingleResult());
    }
}
