package dev.signet.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.ChannelConfig;
import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.ChannelException;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.channel.RateLimitBudget;
import dev.signet.channel.XApiVersion;
import dev.signet.channel.x.XApiV2Connector;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.sandbox.SandboxUserView;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The end-to-end flows through X API v2 (typed REST client, signed by Twitter4J's OAuth signer), on PostgreSQL,
 * plus what only v2 has: X's self-serve reply rule, refused by Signet before sending.
 */
@QuarkusTest
class XApiV2MentionToReplyTest extends AbstractMentionToReplyTest {

    @Inject
    IntakeService intake;
    @Inject
    ChannelConnectors connectors;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Override
    protected Brand air() {
        return new Brand(TestWorld.AIR_V2, TestWorld.AIR_V2_HANDLE);
    }

    @Override
    protected Brand mobile() {
        return new Brand(TestWorld.MOBILE_V2, TestWorld.MOBILE_V2_HANDLE);
    }

    @Test
    void aPublicReplyToAPostThatDoesNotMentionTheBrandIsRefusedBeforeSendingWithAdviceToUseADm() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Una Unmentioned");
        SandboxUserView customerUser = sandbox.user(customer).orElseThrow();
        // A post that reached the queue without naming the brand (e.g. a reply in a thread where the customer
        // removed the brand's @): the sandbox has it, intake stored it for the v2 account.
        SandboxTweetView post = sandbox.postTweet(customer, "this airline lost my bag again", null);
        intake.receive(new InboundMessage(air().account(), Network.X, Long.toString(post.id()), MessageKind.MENTION,
                new Author(Long.toString(customerUser.id()), customer, customerUser.name()), null, post.text(), null,
                Instant.now()));
        long id = conversationIdOf(agent, customer);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + id)
                .then().statusCode(200)
                .body(containsString("does not mention @" + air().handle()))
                .body(containsString("Answer by DM instead."));
        long messagesBefore = messageCount();
        long outboxBefore = outboxCount();

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"So sorry! Let us look into it.\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("reply-needs-mention"))
                .body("detail", containsString("@" + air().handle()))
                .body("detail", containsString("Answer by DM"));

        assertEquals(messagesBefore, messageCount(), "nothing stored");
        assertEquals(outboxBefore, outboxCount(), "nothing queued for publishing");
        assertEquals(0, brandRepliesTo(air().handle(), post.id()).size(), "nothing published");
    }

    @Test
    void xItselfRefusesAV2ReplyToAPostWithoutMentionAndSignetReportsItAsFinal() {
        String customer = world.sandboxCustomer(sandbox, "Rex Refused");
        SandboxTweetView post = sandbox.postTweet(customer, "nice weather for flying", null);

        ChannelException refused = assertThrows(ChannelException.class,
                () -> connectors.forAccount(air().account()).publishReply("Glad you like it! ^QA", Long.toString(post.id())));

        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().contains("HTTP 403"), refused.getMessage());
        assertTrue(refused.getMessage().contains("not been mentioned"), refused.getMessage());
        assertEquals(0, brandRepliesTo(air().handle(), post.id()).size());
    }

    @Test
    void theConnectorsSignedRequestsPassAndAWrongSecretIsRefusedWithCode32() {
        assertEquals(air().handle(), connectors.forAccount(air().account()).verifyCredentials().handle());

        XApiV2Connector wrongSecret = new XApiV2Connector("wrong-secret", new TestAccount(air().handle(),
                "http://127.0.0.1:" + port + "/sandbox/x/2/", "test-air-v2-token", "not-the-secret"), Duration.ofSeconds(5), new RateLimitBudget());
        ChannelException refused = assertThrows(ChannelException.class, wrongSecret::verifyCredentials);

        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().contains("HTTP 401"), refused.getMessage());
        assertTrue(refused.getMessage().contains("32: Could not authenticate you."), refused.getMessage());
    }

    @Test
    void aServerThatCannotBeReachedIsARetryableFailure() {
        XApiV2Connector unreachable = new XApiV2Connector("unreachable", new TestAccount(air().handle(),
                "http://127.0.0.1:9/2/", "test-air-v2-token", "test-air-v2-secret"), Duration.ofSeconds(2), new RateLimitBudget());

        ChannelException failed = assertThrows(ChannelException.class, unreachable::verifyCredentials);

        assertTrue(failed.retryable(), failed.getMessage());
    }

    private long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(o) from OutboxEntry o", Long.class)
                .getSingleResult());
    }

    /** An account built by hand, for connectors with credentials or URLs no configured account has. */
    private record TestAccount(String handle, String apiV2BaseUrl, String accessToken, String accessTokenSecret)
            implements ChannelConfig.Account {

        @Override
        public String apiBaseUrl() {
            return "http://127.0.0.1:9/1.1/";
        }

        @Override
        public XApiVersion apiVersion() {
            return XApiVersion.V2;
        }

        @Override
        public String consumerKey() {
            return "sandbox-consumer-key";
        }

        @Override
        public String consumerSecret() {
            return "sandbox-consumer-secret";
        }

        @Override
        public String signatureFormat() {
            return " ^{initials}";
        }

        @Override
        public java.util.Optional<String> pollInterval() {
            return java.util.Optional.empty();
        }

        @Override
        public java.time.Duration initialBackfill() {
            return java.time.Duration.ofDays(7);
        }

        @Override
        public java.time.ZoneId timeZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public dev.signet.channel.DeliveryMode delivery() {
            return dev.signet.channel.DeliveryMode.POLL;
        }

        @Override
        public java.time.Duration reconcileInterval() {
            return java.time.Duration.ofMinutes(10);
        }

        @Override
        public java.util.Optional<String> bearerToken() {
            return java.util.Optional.empty();
        }
    }
}
