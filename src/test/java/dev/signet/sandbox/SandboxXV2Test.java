package dev.signet.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The sandbox's X API v2 over raw HTTP: X's shapes, paging, errors, the reply rule and the signature check. */
@QuarkusTest
class SandboxXV2Test {

    private static final String FIELDS = "tweet.fields=created_at,conversation_id,in_reply_to_user_id,referenced_tweets"
            + "&expansions=author_id";

    @TestHTTPResource("/sandbox/x/2/")
    URL base;

    @Inject
    SandboxService sandbox;
    @Inject
    SandboxConfig config;

    @Test
    void mentionsArePagedWithNextTokenNewestFirstWithIdsAsStrings() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posted.add(Long.toString(sandbox.postMention(customer.handle(), brand.handle(), "delay number " + i, null).id()));
        }
        String mentions = base + "users/" + brand.user().id() + "/mentions";

        JsonPath first = get(brand, mentions + "?max_results=5&" + FIELDS).then().statusCode(200)
                .header("x-rate-limit-limit", Integer.toString(300 * config.rateLimitScale()))
                .body("data", hasSize(5))
                .body("data[0].id", equalTo(posted.get(11)))
                .body("data[0].author_id", equalTo(Long.toString(customer.id())))
                .body("data[0].text", equalTo("@" + brand.handle() + " delay number 11"))
                .body("data[0].conversation_id", equalTo(posted.get(11)))
                .body("includes.users[0].username", equalTo(customer.handle()))
                .body("meta.result_count", equalTo(5))
                .body("meta.newest_id", equalTo(posted.get(11)))
                .body("meta.oldest_id", equalTo(posted.get(7)))
                .body("meta.next_token", notNullValue())
                .extract().jsonPath();
        assertTrue(first.getString("data[0].created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));

        List<String> read = new ArrayList<>(first.getList("data.id", String.class));
        String token = first.getString("meta.next_token");
        while (token != null) {
            JsonPath page = get(brand, mentions + "?max_results=5&pagination_token=" + token).then().statusCode(200)
                    .extract().jsonPath();
            read.addAll(page.getList("data.id", String.class));
            token = page.getString("meta.next_token");
        }
        List<String> newestFirst = new ArrayList<>(posted);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, read, "all of them, once each, newest first");

        get(brand, mentions + "?since_id=" + posted.get(9)).then().statusCode(200)
                .body("data.id", equalTo(List.of(posted.get(11), posted.get(10))));
        get(brand, mentions + "?since_id=" + posted.get(11)).then().statusCode(200)
                .body("data", nullValue())
                .body("meta.result_count", equalTo(0));
    }

    @Test
    void aReplyCarriesItsThreadAndTheFieldsAskedFor() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        SandboxTweetView question = sandbox.postMention(customer.handle(), brand.handle(), "where is my bag?", null);
        SandboxTweetView answer = sandbox.postTweet(brand.handle(), "Looking into it ^MD", question.id());
        SandboxTweetView followUp = sandbox.postTweet(customer.handle(), "thanks, it is red", answer.id());

        get(brand, base + "users/" + brand.user().id() + "/mentions?" + FIELDS).then().statusCode(200)
                .body("data[0].id", equalTo(Long.toString(followUp.id())))
                .body("data[0].conversation_id", equalTo(Long.toString(question.id())))
                .body("data[0].in_reply_to_user_id", equalTo(Long.toString(brand.user().id())))
                .body("data[0].referenced_tweets[0].type", equalTo("replied_to"))
                .body("data[0].referenced_tweets[0].id", equalTo(Long.toString(answer.id())))
                .body("data[1].id", equalTo(Long.toString(question.id())))
                .body("data[1].referenced_tweets", nullValue());
        get(brand, base + "users/" + brand.user().id() + "/mentions").then().statusCode(200)
                .body("data[0].created_at", nullValue())
                .body("data[0].author_id", nullValue())
                .body("data[0].edit_history_tweet_ids[0]", equalTo(Long.toString(followUp.id())));
    }

    @Test
    void badParametersUnknownPathsAndBadSignaturesGetV2Problems() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        String mentions = base + "users/" + brand.user().id() + "/mentions";
        get(brand, mentions + "?max_results=4").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid Request"))
                .body("type", equalTo("https://api.twitter.com/2/problems/invalid-request"))
                .body("errors[0].message", containsString("max_results"));
        get(brand, mentions + "?max_results=101").then().statusCode(400);
        get(brand, base + "users/abc/mentions").then().statusCode(400);
        get(brand, base + "users/42/mentions").then().statusCode(404)
                .body("type", equalTo("https://api.twitter.com/2/problems/resource-not-found"));
        get(brand, base + "users/" + brand.user().id() + "/followers").then().statusCode(404)
                .contentType("application/problem+json")
                .header("x-rate-limit-remaining", notNullValue());

        String url = base + "users/me";
        given().header("Authorization", SandboxTestData.authorization("GET", url, brand.token(), "wrong"))
                .get(url).then().statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("Could not authenticate you."))
                .body("errors[0].code", equalTo(32));
        given().header("Authorization", brand.authorization("GET", url + "?user.fields=id"))
                .get(url).then().statusCode(401).body("errors[0].code", equalTo(32));
        get(brand, url).then().statusCode(200)
                .body("data.id", equalTo(Long.toString(brand.user().id())))
                .body("data.username", equalTo(brand.handle()));
    }

    @Test
    void dmEventsHoldSentAndReceivedNewestFirstPagedByToken() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        long question = sandbox.sendDirectMessage(customer.handle(), brand.handle(), "my SIM is dead").id();
        long answer = sandbox.sendDirectMessage(brand.handle(), customer.handle(), "Restart it please ^MD").id();
        String conversation = Math.min(brand.user().id(), customer.id()) + "-" + Math.max(brand.user().id(), customer.id());
        String events = base + "dm_events";

        JsonPath first = get(brand, events + "?max_results=1&event_types=MessageCreate&expansions=sender_id")
                .then().statusCode(200)
                .header("x-rate-limit-limit", Integer.toString(15 * config.rateLimitScale()))
                .body("data", hasSize(1))
                .body("data[0].id", equalTo(Long.toString(answer)))
                .body("data[0].event_type", equalTo("MessageCreate"))
                .body("data[0].text", equalTo("Restart it please ^MD"))
                .body("data[0].sender_id", equalTo(Long.toString(brand.user().id())))
                .body("data[0].dm_conversation_id", equalTo(conversation))
                .body("data[0].created_at", notNullValue())
                .body("includes.users[0].username", equalTo(brand.handle()))
                .body("meta.next_token", notNullValue())
                .extract().jsonPath();
        get(brand, events + "?max_results=1&pagination_token=" + first.getString("meta.next_token"))
                .then().statusCode(200)
                .body("data[0].id", equalTo(Long.toString(question)))
                .body("data[0].sender_id", equalTo(Long.toString(customer.id())))
                .body("meta.next_token", nullValue());
        get(brand, events + "?event_types=ParticipantsJoin").then().statusCode(200).body("meta.result_count", equalTo(0));
        get(brand, events + "?max_results=0").then().statusCode(400);
    }

    @Test
    void aReplyIsAllowedOnlyToAPostThatMentionsTheBrandOrIsItsOwn() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        SandboxTweetView mention = sandbox.postMention(customer.handle(), brand.handle(), "is the app down?", null);
        SandboxTweetView unrelated = sandbox.postTweet(customer.handle(), "what a day", null);
        SandboxTweetView own = sandbox.postTweet(brand.handle(), "Maintenance tonight", null);

        post(brand, base + "tweets", "{\"text\":\"It is back up ^MD\",\"reply\":{\"in_reply_to_tweet_id\":\"" + mention.id() + "\"}}")
                .then().statusCode(201)
                .body("data.id", notNullValue())
                .body("data.text", equalTo("@" + customer.handle() + " It is back up ^MD"));
        post(brand, base + "tweets", "{\"text\":\"Hope it gets better ^MD\",\"reply\":{\"in_reply_to_tweet_id\":\"" + unrelated.id() + "\"}}")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"))
                .body("detail", containsString("you have not been mentioned"));
        post(brand, base + "tweets", "{\"text\":\"Update: done ^MD\",\"reply\":{\"in_reply_to_tweet_id\":\"" + own.id() + "\"}}")
                .then().statusCode(201);
        post(brand, base + "tweets", "{\"text\":\"A new post ^MD\"}").then().statusCode(201)
                .body("data.text", equalTo("A new post ^MD"));
        post(brand, base + "tweets", "{\"text\":\"A new post ^MD\"}").then().statusCode(403)
                .body("errors[0].code", equalTo(187));
        post(brand, base + "tweets", "{\"nothing\":true}").then().statusCode(400);

        Set<String> repliedTo = new HashSet<>();
        sandbox.tweetsBy(brand.handle()).forEach(t -> repliedTo.add(String.valueOf(t.inReplyToStatusId())));
        assertTrue(repliedTo.contains(Long.toString(mention.id())));
        assertTrue(!repliedTo.contains(Long.toString(unrelated.id())), "the refused reply was not published");
    }

    @Test
    void aDirectMessageIsSentToTheParticipant() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);

        String eventId = post(brand, base + "dm_conversations/with/" + customer.id() + "/messages", "{\"text\":\"Hi there ^MD\"}")
                .then().statusCode(201)
                .body("data.dm_conversation_id", startsWith(Long.toString(Math.min(brand.user().id(), customer.id()))))
                .extract().path("data.dm_event_id");

        List<SandboxDirectMessageView> seen = sandbox.directMessagesOf(customer.handle());
        assertEquals(1, seen.size());
        assertEquals(eventId, Long.toString(seen.get(0).id()));
        assertEquals("Hi there ^MD", seen.get(0).text());
        post(brand, base + "dm_conversations/with/42/messages", "{\"text\":\"anyone?\"}").then().statusCode(404);
    }

    private static Response get(SandboxTestData.Brand brand, String url) {
        return given().header("Authorization", brand.authorization("GET", url)).get(url);
    }

    /** A JSON POST: OAuth 1.0a does not sign a JSON body, so only the URL is signed. */
    private static Response post(SandboxTestData.Brand brand, String url, String json) {
        return given().header("Authorization", brand.authorization("POST", url)).contentType(ContentType.JSON)
                .body(json).post(url);
    }
}
