package dev.signet.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import twitter4j.TwitterException;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.DirectMessageList;
import twitter4j.v1.Paging;
import twitter4j.v1.ResponseList;
import twitter4j.v1.Status;
import twitter4j.v1.StatusUpdate;
import twitter4j.v1.TwitterV1;
import twitter4j.v1.User;

/** Twitter4J 4.1.2, as Signet's X connector uses it, against the sandbox's v1.1 API. */
@QuarkusTest
class SandboxTwitter4jTest {

    @TestHTTPResource("/sandbox/x/1.1/")
    URL restBaseUrl;

    @Inject
    SandboxService sandbox;
    @Inject
    SandboxConfig config;

    @Test
    void verifyCredentialsNamesTheBrandOfTheToken() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        User me = brand.twitter(restBaseUrl).users().verifyCredentials();
        assertEquals(brand.user().id(), me.getId());
        assertEquals(brand.handle(), me.getScreenName());
        assertEquals(brand.user().name(), me.getName());
    }

    @Test
    void aBurstOf250MentionsReadInPagesLosesNothingAndRepeatsNothing() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        Set<Long> posted = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            posted.add(sandbox.postTweet(customer.handle(), "@" + brand.handle() + " problem number " + i, null).id());
        }
        TwitterV1 twitter = brand.twitter(restBaseUrl);

        // Newest first, then older pages with max_id = lowest - 1 (max_id is inclusive).
        List<Long> read = new ArrayList<>();
        ResponseList<Status> page = twitter.timelines().getMentionsTimeline(Paging.ofCount(200));
        assertEquals(200, page.size());
        while (!page.isEmpty()) {
            page.forEach(status -> read.add(status.getId()));
            long lowest = page.get(page.size() - 1).getId();
            page = twitter.timelines().getMentionsTimeline(Paging.ofCount(60).maxId(lowest - 1));
        }
        assertEquals(250, read.size(), "no repeats");
        assertEquals(posted, new HashSet<>(read), "nothing lost");
        List<Long> sorted = new ArrayList<>(read);
        sorted.sort((a, b) -> Long.compare(b, a));
        assertEquals(sorted, read, "newest first");

        // since_id is exclusive: only what came after.
        long newest = read.get(0);
        long later1 = sandbox.postTweet(customer.handle(), "@" + brand.handle() + " one more thing", null).id();
        long later2 = sandbox.postTweet(customer.handle(), "@" + brand.handle() + " and another", null).id();
        List<Long> since = twitter.timelines().getMentionsTimeline(Paging.ofCount(200).sinceId(newest)).stream()
                .map(Status::getId).toList();
        assertEquals(List.of(later2, later1), since);
    }

    @Test
    void mentionsCarryXsShapeAndLeaveOutOwnAndUnrelatedTweets() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        SandboxUserView stranger = SandboxTestData.newCustomer(sandbox);
        String mentionText = "hello @" + brand.handle().toUpperCase() + " my bag is lost";
        SandboxTweetView mention = sandbox.postTweet(customer.handle(), mentionText, null);
        sandbox.postTweet(brand.handle(), "We are @" + brand.handle() + " and we post news", null);
        sandbox.postTweet(stranger.handle(), "Nothing to do with any brand", null);
        SandboxTweetView announcement = sandbox.postTweet(brand.handle(), "Our new app is out", null);
        SandboxTweetView replyWithoutHandle = sandbox.postTweet(stranger.handle(), "Love it", announcement.id());

        ResponseList<Status> mentions = brand.twitter(restBaseUrl).timelines().getMentionsTimeline(Paging.ofCount(50));

        assertEquals(List.of(replyWithoutHandle.id(), mention.id()), mentions.stream().map(Status::getId).toList());
        Status reply = mentions.get(0);
        assertEquals(announcement.id(), reply.getInReplyToStatusId());
        assertEquals(brand.user().id(), reply.getInReplyToUserId());
        assertEquals(brand.handle(), reply.getInReplyToScreenName());
        Status first = mentions.get(1);
        assertEquals(mentionText, first.getText());
        assertEquals(customer.handle(), first.getUser().getScreenName());
        assertEquals(customer.id(), first.getUser().getId());
        assertEquals(-1L, first.getInReplyToStatusId());
        assertNotNull(first.getCreatedAt());
        assertEquals(1, first.getUserMentionEntities().length);
        assertEquals(brand.handle(), first.getUserMentionEntities()[0].getScreenName());
        assertEquals(brand.user().id(), first.getUserMentionEntities()[0].getId());
        assertEquals(6, first.getUserMentionEntities()[0].getStart());
        assertEquals(6 + 1 + brand.handle().length(), first.getUserMentionEntities()[0].getEnd());
        assertFalse(first.isRetweet());
        assertNotNull(mentions.getRateLimitStatus(), "all three rate-limit headers present");
        // X's 75 per window, times the suite's rate-limit-scale.
        assertEquals(75 * config.rateLimitScale(), mentions.getRateLimitStatus().getLimit());
    }

    @Test
    void directMessagesPageByCursorAndHoldSentAndReceived() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        Set<Long> sent = new HashSet<>();
        Set<Long> received = new HashSet<>();
        for (int i = 0; i < 31; i++) {
            received.add(sandbox.sendDirectMessage(customer.handle(), brand.handle(), "question " + i).id());
            sent.add(sandbox.sendDirectMessage(brand.handle(), customer.handle(), "answer " + i).id());
        }
        TwitterV1 twitter = brand.twitter(restBaseUrl);

        List<DirectMessage> all = new ArrayList<>();
        DirectMessageList page = twitter.directMessages().getDirectMessages(50);
        assertEquals(50, page.size());
        assertNotNull(page.getNextCursor());
        all.addAll(page);
        page = twitter.directMessages().getDirectMessages(50, page.getNextCursor());
        assertEquals(12, page.size());
        assertNull(page.getNextCursor(), "no cursor once everything is read");
        all.addAll(page);

        Set<Long> readIds = all.stream().map(DirectMessage::getId).collect(Collectors.toSet());
        assertEquals(62, readIds.size());
        assertTrue(readIds.containsAll(sent) && readIds.containsAll(received));
        DirectMessage newest = all.get(0);
        assertEquals(brand.user().id(), newest.getSenderId());
        assertEquals(customer.id(), newest.getRecipientId());
        assertEquals("answer 30", newest.getText());
        assertNotNull(newest.getCreatedAt());
    }

    @Test
    void aReplyWithAutoPopulatedMetadataIsThreadedAndMentionsTheCustomer() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        SandboxTweetView question = sandbox.postTweet(customer.handle(), "@" + brand.handle() + " where is my refund?", null);

        Status reply = brand.twitter(restBaseUrl).tweets().updateStatus(StatusUpdate.of("We're on it, sorry for the wait ^MD")
                .inReplyToStatusId(question.id())
                .autoPopulateReplyMetadata(true));

        assertEquals(question.id(), reply.getInReplyToStatusId());
        assertEquals(customer.id(), reply.getInReplyToUserId());
        assertEquals(brand.handle(), reply.getUser().getScreenName());
        assertEquals("@" + customer.handle() + " We're on it, sorry for the wait ^MD", reply.getText());
        assertEquals(customer.handle(), reply.getUserMentionEntities()[0].getScreenName());
        assertTrue(sandbox.customerView(customer.handle()).items().stream().anyMatch(item -> item.id() == reply.getId()),
                "the customer sees the brand's answer");
    }

    @Test
    void aReplyNamingTheCustomerIsThreadedOneWithoutHandleOrAutoPopulateIsNot() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        SandboxTweetView question = sandbox.postTweet(customer.handle(), "@" + brand.handle() + " is the app down?", null);
        TwitterV1 twitter = brand.twitter(restBaseUrl);

        Status loose = twitter.tweets().updateStatus(StatusUpdate.of("The app is back up ^MD").inReplyToStatusId(question.id()));
        assertEquals(-1L, loose.getInReplyToStatusId(), "not threaded on X");
        assertEquals("The app is back up ^MD", loose.getText());

        Status named = twitter.tweets().updateStatus(
                StatusUpdate.of("@" + customer.handle() + " it is back up now ^MD").inReplyToStatusId(question.id()));
        assertEquals(question.id(), named.getInReplyToStatusId());
    }

    @Test
    void xRefusesDuplicatesOverlongAndEmptyTweetsAndUnknownReplyTargets() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        TwitterV1 twitter = brand.twitter(restBaseUrl);
        twitter.tweets().updateStatus("Service update: all flights on time ^AB");

        TwitterException duplicate = assertThrows(TwitterException.class,
                () -> twitter.tweets().updateStatus("Service update: all flights on time ^AB"));
        assertEquals(403, duplicate.getStatusCode());
        assertEquals(187, duplicate.getErrorCode());

        String exactly280 = "x".repeat(280);
        twitter.tweets().updateStatus(exactly280);
        TwitterException tooLong = assertThrows(TwitterException.class, () -> twitter.tweets().updateStatus("y".repeat(281)));
        assertEquals(186, tooLong.getErrorCode());
        TwitterException cjkTooLong = assertThrows(TwitterException.class,
                () -> twitter.tweets().updateStatus("語".repeat(141)));
        assertEquals(186, cjkTooLong.getErrorCode());

        TwitterException empty = assertThrows(TwitterException.class, () -> twitter.tweets().updateStatus("   "));
        assertEquals(170, empty.getErrorCode());

        TwitterException unknown = assertThrows(TwitterException.class,
                () -> twitter.tweets().updateStatus(StatusUpdate.of("hi").inReplyToStatusId(123L)));
        assertEquals(404, unknown.getStatusCode());
        assertEquals(144, unknown.getErrorCode());
    }

    @Test
    void sendDirectMessageReachesTheCustomer() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);

        DirectMessage dm = brand.twitter(restBaseUrl).directMessages()
                .sendDirectMessage(customer.id(), "Please send us your booking reference ^MD");

        assertEquals(brand.user().id(), dm.getSenderId());
        assertEquals(customer.id(), dm.getRecipientId());
        assertEquals("Please send us your booking reference ^MD", dm.getText());
        List<SandboxDirectMessageView> seen = sandbox.directMessagesOf(customer.handle());
        assertEquals(1, seen.size());
        assertEquals(dm.getId(), seen.get(0).id());

        TwitterException unknown = assertThrows(TwitterException.class,
                () -> brand.twitter(restBaseUrl).directMessages().sendDirectMessage(42L, "anyone?"));
        assertEquals(404, unknown.getStatusCode());
        assertEquals(108, unknown.getErrorCode());
    }

    @Test
    void lookupUsersFindsKnownUsersAndSaysSoWhenNoneMatch() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView first = SandboxTestData.newCustomer(sandbox);
        SandboxUserView second = SandboxTestData.newCustomer(sandbox);
        TwitterV1 twitter = brand.twitter(restBaseUrl);

        ResponseList<User> found = twitter.users().lookupUsers(first.id(), 77L, second.id());
        assertEquals(List.of(first.handle(), second.handle()), found.stream().map(User::getScreenName).toList());
        assertEquals(first.name(), found.get(0).getName());
        assertNotNull(found.getRateLimitStatus());

        ResponseList<User> byName = twitter.users().lookupUsers(first.handle().toUpperCase());
        assertEquals(first.id(), byName.get(0).getId());

        TwitterException none = assertThrows(TwitterException.class, () -> twitter.users().lookupUsers(77L, 78L));
        assertEquals(404, none.getStatusCode());
        assertEquals(17, none.getErrorCode());
    }

    @Test
    void anUnknownTokenOrConsumerKeyIsRefusedWithCode89() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        TwitterException badToken = assertThrows(TwitterException.class,
                () -> SandboxTestData.twitter(restBaseUrl, "no-such-token", "x").users().verifyCredentials());
        assertEquals(401, badToken.getStatusCode());
        assertEquals(89, badToken.getErrorCode());

        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        TwitterException customerToken = assertThrows(TwitterException.class,
                () -> SandboxTestData.twitter(restBaseUrl, "token-" + customer.handle(), "x").users().verifyCredentials());
        assertEquals(89, customerToken.getErrorCode());

        given().header("Authorization", "OAuth oauth_consumer_key=\"wrong\", oauth_token=\"" + brand.token() + "\"")
                .get(restBaseUrl + "account/verify_credentials.json")
                .then().statusCode(401)
                .body("errors[0].code", equalTo(89))
                .header("x-rate-limit-limit", notNullValue());
    }

    @Test
    void aWrongSecretOrATamperedSignatureIsRefusedWithCode32() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        TwitterException wrongSecret = assertThrows(TwitterException.class,
                () -> SandboxTestData.twitter(restBaseUrl, brand.token(), "not-" + brand.tokenSecret()).users()
                        .verifyCredentials());
        assertEquals(401, wrongSecret.getStatusCode());
        assertEquals(32, wrongSecret.getErrorCode());

        String url = restBaseUrl + "statuses/mentions_timeline.json?count=5";
        given().header("Authorization", brand.authorization("GET", url)).get(url).then().statusCode(200);
        // Signed for count=5, sent with count=6: the query is part of the signature.
        given().header("Authorization", brand.authorization("GET", url)).get(url.replace("count=5", "count=6"))
                .then().statusCode(401)
                .body("errors[0].code", equalTo(32))
                .body("errors[0].message", equalTo("Could not authenticate you."));
        String tampered = brand.authorization("GET", url).replaceFirst("oauth_signature=\"[^\"]{4}", "oauth_signature=\"AAAA");
        given().header("Authorization", tampered).get(url).then().statusCode(401).body("errors[0].code", equalTo(32));
        String unsigned = "OAuth oauth_consumer_key=\"sandbox-consumer-key\", oauth_token=\"" + brand.token() + "\"";
        given().header("Authorization", unsigned).get(url).then().statusCode(401).body("errors[0].code", equalTo(32));
    }

    @Test
    void twitter4jSignsAFormPostAndAJsonPostAsXExpects() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        TwitterV1 twitter = brand.twitter(restBaseUrl);
        // Form body signed (status with spaces, punctuation and non-ASCII), JSON body not signed.
        assertNotNull(twitter.tweets().updateStatus("Signé: 100% sure & done ~ (ok) ^MD"));
        assertNotNull(twitter.directMessages().sendDirectMessage(customer.id(), "Hallo, naïve café + 1 ^MD"));
    }

    @Test
    void rateLimitHeadersCountDownPerEndpoint() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        TwitterV1 twitter = brand.twitter(restBaseUrl);
        DirectMessageList first = twitter.directMessages().getDirectMessages(50);
        DirectMessageList second = twitter.directMessages().getDirectMessages(50);
        assertNotNull(first.getRateLimitStatus());
        int dmLimit = 15 * config.rateLimitScale();
        assertEquals(dmLimit, first.getRateLimitStatus().getLimit());
        assertEquals(dmLimit - 1, first.getRateLimitStatus().getRemaining());
        assertEquals(dmLimit - 2, second.getRateLimitStatus().getRemaining());
        assertTrue(second.getRateLimitStatus().getSecondsUntilReset() > 0);
        assertEquals(75 * config.rateLimitScale() - 1,
                twitter.timelines().getMentionsTimeline().getRateLimitStatus().getRemaining());
    }

    @Test
    void unknownPathsAndMalformedNumbersGetXErrors() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        given().header("Authorization", brand.authorization("GET", restBaseUrl + "statuses/home_timeline.json"))
                .get(restBaseUrl + "statuses/home_timeline.json")
                .then().statusCode(404)
                .body("errors[0].code", equalTo(34))
                .body("errors[0].message", equalTo("Sorry, that page does not exist."));
        given().header("Authorization", brand.authorization("GET", restBaseUrl + "statuses/mentions_timeline.json?since_id=abc"))
                .get(restBaseUrl + "statuses/mentions_timeline.json?since_id=abc")
                .then().statusCode(400)
                .body("errors[0].code", notNullValue());
        given().header("Authorization", brand.authorization("POST", restBaseUrl + "direct_messages/events/new.json"))
                .contentType("application/json")
                .body("{\"event\":{\"type\":\"message_create\",\"message_create\":{\"target\":{\"recipient_id\":\"x7\"},"
                        + "\"message_data\":{\"text\":\"hi\"}}}}")
                .post(restBaseUrl + "direct_messages/events/new.json")
                .then().statusCode(400);
    }

    @Test
    void aDirectMessageByJsonAcceptsARecipientIdAsStringAndRefusesEmptyText() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        String dmUrl = restBaseUrl + "direct_messages/events/new.json";
        given().header("Authorization", brand.authorization("POST", dmUrl)).contentType("application/json")
                .body("{\"event\":{\"type\":\"message_create\",\"message_create\":{\"target\":{\"recipient_id\":\""
                        + customer.id() + "\"},\"message_data\":{\"text\":\"Hello there\"}}}}")
                .post(restBaseUrl + "direct_messages/events/new.json")
                .then().statusCode(200)
                .body("event.type", equalTo("message_create"))
                .body("event.message_create.sender_id", equalTo(Long.toString(brand.user().id())))
                .body("event.message_create.target.recipient_id", equalTo(Long.toString(customer.id())))
                .body("event.message_create.message_data.text", equalTo("Hello there"));
        given().header("Authorization", brand.authorization("POST", dmUrl)).contentType("application/json")
                .body("{\"event\":{\"type\":\"message_create\",\"message_create\":{\"target\":{\"recipient_id\":"
                        + customer.id() + "},\"message_data\":{\"text\":\"\"}}}}")
                .post(restBaseUrl + "direct_messages/events/new.json")
                .then().statusCode(403)
                .body("errors[0].code", equalTo(151));
    }

    @Test
    void createdAtIsInXsDateFormat() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        String createdAt = given().header("Authorization", brand.authorization("GET", restBaseUrl + "account/verify_credentials.json"))
                .get(restBaseUrl + "account/verify_credentials.json")
                .then().statusCode(200)
                .extract().path("created_at");
        assertTrue(createdAt.matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000 \\d{4}"), createdAt);
        assertTrue(Arrays.asList("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun").contains(createdAt.substring(0, 3)));
    }
}
