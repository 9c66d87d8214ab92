package dev.signet.reply;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Canned replies: the library's rules and roles, search by account and kind, variables filled for a conversation
 * (CRM name, X display name, pinned facts), markers that block the send, the length check with the signature, and
 * the compose box and library pages.
 */
@QuarkusTest
class CannedReplyTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    CrmImportService crm;
    @Inject
    SandboxService sandbox;
    @Inject
    EntityManager em;

    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void leadsAndAdminsWriteTheLibraryAgentsOnlyReadIt() {
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login agent = world.agent();
        TestWorld.Login admin = world.user(Role.ADMIN);
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        String entry = json("Greeting " + run, "Hi {first_name}!", TestWorld.AIR, "both", "Hello, greeting;hello");

        as(agent).body(entry).when().post("/api/canned-replies").then().statusCode(403);
        long id = as(lead).body(entry).when().post("/api/canned-replies").then().statusCode(201)
                .body("title", equalTo("Greeting " + run)).body("kind", equalTo("BOTH"))
                .body("accountKey", equalTo(TestWorld.AIR)).body("tags", equalTo("hello, greeting"))
                .body("variables", equalTo(List.of("first_name")))
                .body("history.action", equalTo(List.of("CREATED"))).body("history[0].actor", equalTo(lead.username()))
                .extract().jsonPath().getLong("id");

        as(agent).when().get("/api/canned-replies?q=" + run).then().statusCode(200).body("id", hasItem((int) id));
        as(manager).when().get("/api/canned-replies").then().statusCode(403);
        String changed = json("Greeting " + run, "Hello {first_name}, welcome back!", TestWorld.AIR, "public", null);
        as(agent).body(changed).when().put("/api/canned-replies/" + id).then().statusCode(403);
        as(agent).when().delete("/api/canned-replies/" + id).then().statusCode(403);
        as(admin).body(changed).when().put("/api/canned-replies/" + id).then().statusCode(200)
                .body("body", equalTo("Hello {first_name}, welcome back!")).body("kind", equalTo("PUBLIC"))
                .body("updatedBy", equalTo(admin.username())).body("createdBy", equalTo(lead.username()))
                .body("history.action", equalTo(List.of("EDITED", "CREATED")));

        as(lead).when().delete("/api/canned-replies/" + id).then().statusCode(204);
        as(agent).when().get("/api/canned-replies/" + id).then().statusCode(404)
                .body("type", equalTo("/problems/canned-reply-not-found"));
        List<String> audit = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a.action || ':' || a.actor from CannedReplyAudit a where a.cannedReplyId = :id order by a.id",
                String.class).setParameter("id", id).getResultList());
        assertEquals(List.of("CREATED:" + lead.username(), "EDITED:" + admin.username(), "DELETED:" + lead.username()), audit,
                "the audit outlives the entry");
    }

    @Test
    void badEntriesAreRefusedWithTheReasonAndChangeNothing() {
        TestWorld.Login lead = world.user(Role.LEAD);
        as(lead).body(json("Typo " + run, "Hi {firstname}, {fact:} ok", null, "both", null))
                .when().post("/api/canned-replies").then().statusCode(422)
                .body("type", equalTo("/problems/canned-unknown-variable"))
                .body("detail", allOf(containsString("{firstname}"), containsString("{fact:}"),
                        containsString("{first_name}"), containsString("{handle}"), containsString("{fact:Label}")));
        long id = create(lead, "Delay " + run, "Sorry for the delay, {first_name}.", TestWorld.AIR, "both");
        as(lead).body(json("DELAY " + run, "Other text", TestWorld.AIR, "dm", null))
                .when().post("/api/canned-replies").then().statusCode(409).body("type", equalTo("/problems/canned-title-taken"));
        as(lead).body(json("delay " + run, "Other text", null, "dm", null))
                .when().post("/api/canned-replies").then().statusCode(409);
        create(lead, "Delay " + run, "Same title, other brand", TestWorld.MOBILE, "both");

        String tooLong = "a".repeat(277);
        as(lead).body(json("Long " + run, tooLong, null, "public", null))
                .when().post("/api/canned-replies").then().statusCode(422).body("type", equalTo("/problems/canned-too-long"))
                .body("detail", containsString("281"));
        create(lead, "Long " + run, tooLong, null, "dm");
        create(lead, "Just fits " + run, "a".repeat(275) + " {first_name}", null, "public");
        as(lead).body(json("Nowhere " + run, "text", "no-such-account", "both", null))
                .when().post("/api/canned-replies").then().statusCode(400).body("detail", containsString(TestWorld.AIR));
        as(lead).body(json(" ", "text", null, "both", null)).when().post("/api/canned-replies").then().statusCode(400);
        as(lead).body(json("Sms " + run, "text", null, "sms", null)).when().post("/api/canned-replies").then().statusCode(400);

        as(lead).body(json("Delay " + run, "Now {nope}", TestWorld.AIR, "both", null))
                .when().put("/api/canned-replies/" + id).then().statusCode(422);
        as(lead).when().get("/api/canned-replies/" + id).then().statusCode(200)
                .body("body", equalTo("Sorry for the delay, {first_name}.")).body("history", hasSize(1));
    }

    @Test
    void theSearchIsFilteredByAccountAndKindAndMatchesTitleTextAndTags() {
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login agent = world.agent();
        create(lead, run + " air public", "public only", TestWorld.AIR, "public");
        create(lead, run + " air dm", "dm only", TestWorld.AIR, "dm");
        create(lead, run + " shared", "for every brand", null, "both");
        create(lead, run + " mobile", "mobile both", TestWorld.MOBILE, "both");
        as(lead).body(json("Tagged " + run, "tagged text", null, "both", "zz" + run)).when().post("/api/canned-replies")
                .then().statusCode(201);

        as(agent).when().get("/api/canned-replies?q=" + run + "&account=" + TestWorld.AIR + "&kind=PUBLIC")
                .then().statusCode(200).body("title", containsInAnyOrder(run + " air public", run + " shared", "Tagged " + run));
        as(agent).when().get("/api/canned-replies?q=" + run + "&account=" + TestWorld.AIR + "&kind=dm")
                .then().body("title", containsInAnyOrder(run + " air dm", run + " shared", "Tagged " + run));
        as(agent).when().get("/api/canned-replies?q=" + run + "&account=" + TestWorld.MOBILE)
                .then().body("title", containsInAnyOrder(run + " shared", run + " mobile", "Tagged " + run));
        as(agent).when().get("/api/canned-replies?q=" + run).then().body("title", hasSize(5));
        as(agent).when().get("/api/canned-replies?q=ZZ" + run).then().body("title", equalTo(List.of("Tagged " + run)));
        as(agent).queryParam("q", "for EVERY brand").queryParam("account", TestWorld.AIR).when().get("/api/canned-replies")
                .then().body("title", hasItem(run + " shared"));
        as(agent).queryParam("q", "100%_" + run).when().get("/api/canned-replies").then().statusCode(200).body("title", empty());
        as(agent).when().get("/api/canned-replies?account=nowhere").then().statusCode(400);

        // The compose box lists only what fits this conversation (test-air, public), filled in.
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Search Me"), "@SignetTestAir hello", null);
        intake.receive(mention);
        long conversation = world.conversationOf(mention);
        as(agent).header("HX-Request", "true").when().get("/conversations/" + conversation + "/canned?q=" + run)
                .then().statusCode(200)
                .body(allOf(containsString(run + " air public"), containsString(run + " shared"),
                        not(containsString(run + " air dm")), not(containsString(run + " mobile")),
                        containsString("data-canned-text=\"for every brand\""), not(containsString("<html"))));
        as(agent).when().get("/api/conversations/" + conversation + "/canned-replies?q=" + run)
                .then().statusCode(200).body("title", containsInAnyOrder(run + " air public", run + " shared", "Tagged " + run));
    }

    @Test
    void variablesComeFromTheCrmTheDisplayNameAndPinnedFacts() {
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login agent = world.agent();
        long id = create(lead, "Code " + run, "Hi {first_name} ({name}, {handle}), code {fact:booking CODE}. {agent_first_name} of {brand}",
                TestWorld.AIR, "both");

        Author rosa = world.customer("rosie");
        importCrm(new CrmRecord(run + "-R", "Rosa Maria Lind", null, "none", null, null, rosa.userId(), null, null));
        InboundMessage fromRosa = world.mention(TestWorld.AIR, rosa, "@SignetTestAir my booking XK42 is gone", null);
        intake.receive(fromRosa);
        long rosaConversation = world.conversationOf(fromRosa);
        as(agent).body("{\"label\":\"Booking code\",\"value\":\"XK42\"}")
                .when().post("/api/messages/" + messageId(fromRosa) + "/facts").then().statusCode(201);
        as(agent).when().get("/api/conversations/" + rosaConversation + "/canned-replies/" + id + "/render")
                .then().statusCode(200)
                .body("text", equalTo("Hi Rosa (Rosa Maria Lind, @" + rosa.handle() + "), code XK42. Test of @"
                        + TestWorld.AIR_HANDLE))
                .body("missing", empty());

        // Not in the CRM: the X display name's first word; no fact pinned: a marker.
        InboundMessage fromKai = world.mention(TestWorld.AIR, world.customer("Kai  Berg"), "@SignetTestAir hi", null);
        intake.receive(fromKai);
        as(agent).when().get("/api/conversations/" + world.conversationOf(fromKai) + "/canned-replies/" + id + "/render")
                .then().statusCode(200)
                .body("text", containsString("Hi Kai (Kai  Berg, @"))
                .body("text", containsString("code [[fact:booking CODE]]."))
                .body("missing", equalTo(List.of("fact:booking CODE")));

        // Neither a CRM name nor a display name: the first name is a marker too.
        Author nameless = new Author(world.nextId(), "nameless" + run, null);
        InboundMessage fromNobody = world.mention(TestWorld.AIR, nameless, "@SignetTestAir ?", null);
        intake.receive(fromNobody);
        as(agent).when().get("/api/conversations/" + world.conversationOf(fromNobody) + "/canned-replies/" + id + "/render")
                .then().statusCode(200).body("text", containsString("Hi [[first_name]] ([[name]], @nameless" + run + ")"))
                .body("missing", equalTo(List.of("first_name", "name", "fact:booking CODE")));

        long dmOnly = create(lead, "Dm only " + run, "private", null, "dm");
        long mobileOnly = create(lead, "Mobile only " + run, "mobile", TestWorld.MOBILE, "both");
        for (long other : List.of(dmOnly, mobileOnly)) {
            as(agent).when().get("/api/conversations/" + rosaConversation + "/canned-replies/" + other + "/render")
                    .then().statusCode(422).body("type", equalTo("/problems/canned-not-for-conversation"));
        }
        as(agent).when().get("/api/conversations/999999999/canned-replies/" + id + "/render").then().statusCode(404);
    }

    @Test
    void aReplyWithAMarkerIsRefusedAndTheLengthStillCountsTheSignature() {
        world.sandboxBrands(sandbox);
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login agent = world.agent();
        String handle = world.sandboxCustomer(sandbox, "Bartholomew Quill");
        InboundMessage mention = world.mention(TestWorld.AIR, new Author(world.nextId(), handle, null),
                "@SignetTestAir where is my refund", null);
        intake.receive(mention);
        long conversation = world.conversationOf(mention);
        long id = create(lead, "Refund " + run, "Hi {first_name}, your refund is on its way.", TestWorld.AIR, "public");

        String text = as(agent).when().get("/api/conversations/" + conversation + "/canned-replies/" + id + "/render")
                .then().statusCode(200).extract().jsonPath().getString("text");
        assertEquals("Hi [[first_name]], your refund is on its way.", text);
        as(agent).body("{\"text\":\"" + text + "\"}").when().post("/api/conversations/" + conversation + "/replies")
                .then().statusCode(422).body("type", equalTo("/problems/reply-unfilled"))
                .body("detail", containsString("[[first_name]]"));
        as(agent).body("{\"text\":\"Hi {handle}, sorted\"}").when().post("/api/conversations/" + conversation + "/replies")
                .then().statusCode(422).body("type", equalTo("/problems/reply-unfilled"));
        assertEquals(0, outgoing(conversation), "nothing stored while a marker remains");

        // 268 characters of canned text fit alone; with the name and the agent's signature (" ^QAB", 5) they don't.
        long longOne = create(lead, "Long " + run, "{first_name}, " + "b".repeat(266), TestWorld.AIR, "public");
        String filled = as(agent).when().get("/api/conversations/" + conversation + "/canned-replies/" + longOne + "/render")
                .then().extract().jsonPath().getString("text").replace("[[first_name]]", "Bartholomew");
        as(agent).body("{\"text\":\"" + filled + "\"}").when().post("/api/conversations/" + conversation + "/replies")
                .then().statusCode(422).body("type", equalTo("/problems/reply-too-long"))
                .body("detail", containsString("284 characters with your signature"));
        assertEquals(0, outgoing(conversation));

        as(agent).body("{\"text\":\"" + text.replace("[[first_name]]", "Bart") + "\"}")
                .when().post("/api/conversations/" + conversation + "/replies")
                .then().statusCode(201)
                .body("text", equalTo("Hi Bart, your refund is on its way. ^" + agent.initials()));
        assertEquals(1, outgoing(conversation));
    }

    @Test
    void theComposeBoxSearchesAndWarnsAndTheLibraryPageIsEditedByLeads() {
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login agent = world.agent();
        create(lead, "<script>alert(1)</script> " + run, "Hi {first_name} <b>bold</b>", null, "both");
        InboundMessage mention = world.mention(TestWorld.MOBILE, new Author(world.nextId(), "anon" + run, null),
                "@SignetTestMobile hm", null);
        intake.receive(mention);
        long conversation = world.conversationOf(mention);

        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + conversation);
        page.then().statusCode(200)
                .body(containsString("id=\"canned-q\""))
                .body(containsString("hx-get=\"/conversations/" + conversation + "/canned\""))
                .body(containsString("/js/canned.js"));
        given().auth().preemptive().basic(agent.username(), agent.password()).header("HX-Request", "true")
                .when().get("/conversations/" + conversation + "/canned?q=" + run)
                .then().statusCode(200)
                .body(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"), not(containsString("<script>alert")),
                        containsString("data-canned-text=\"Hi [[first_name]] &lt;b&gt;bold&lt;/b&gt;\""),
                        containsString("fill in first_name")));
        given().auth().preemptive().basic(agent.username(), agent.password()).header("HX-Request", "true")
                .when().get("/conversations/" + conversation + "/canned?q=nothing-like-this-" + run)
                .then().statusCode(200).body(containsString("No canned reply matches"));

        // The live counter says what is left to fill in, on top of the length.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).header("HX-Request", "true")
                .formParam(Csrf.FIELD, Csrf.token(page)).formParam("text", "Hi [[first_name]]")
                .when().post("/conversations/" + conversation + "/length")
                .then().statusCode(200)
                .body(allOf(containsString("counter over"), containsString("fill in [[first_name]] before sending")));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(page)).formParam("text", "Hi [[first_name]]")
                .when().post("/conversations/" + conversation + "/reply")
                .then().statusCode(422).body(containsString("[[first_name]]"))
                .body(containsString(">Hi [[first_name]]</textarea>"));

        // The library page: agents read, leads edit.
        Response agentLibrary = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/canned?q=" + run);
        agentLibrary.then().statusCode(200).body(containsString("&lt;script&gt;"))
                .body(not(containsString("Add a canned reply")));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie(Csrf.COOKIE, agentLibrary.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page))
                .formParam("title", "x").formParam("body", "y").when().post("/canned").then().statusCode(403);
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password()).when().get("/canned").then().statusCode(403);

        Response library = given().auth().preemptive().basic(lead.username(), lead.password()).when().get("/canned");
        library.then().statusCode(200).body(containsString("Add a canned reply"));
        given().auth().preemptive().basic(lead.username(), lead.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, library.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(library))
                .formParam("title", "Form " + run).formParam("body", "Thanks {frist_name}").formParam("account", TestWorld.AIR)
                .formParam("kind", "PUBLIC").formParam("tags", "form")
                .when().post("/canned")
                .then().statusCode(422).body(containsString("Unknown variable {frist_name}"))
                .body(containsString("value=\"Form " + run + "\"")).body(containsString(">Thanks {frist_name}</textarea>"));
        given().auth().preemptive().basic(lead.username(), lead.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, library.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(library))
                .formParam("title", "Form " + run).formParam("body", "Thanks {first_name}").formParam("account", TestWorld.AIR)
                .formParam("kind", "PUBLIC").formParam("tags", "form")
                .when().post("/canned")
                .then().statusCode(303).header("Location", containsString("/canned?done=created"));
        long id = as(lead).queryParam("q", "Form " + run).when().get("/api/canned-replies").then().body("title", hasSize(1))
                .extract().jsonPath().getLong("[0].id");
        given().auth().preemptive().basic(lead.username(), lead.password()).when().get("/canned/" + id)
                .then().statusCode(200).body(containsString("created by " + lead.username()));
        given().auth().preemptive().basic(lead.username(), lead.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, library.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(library))
                .when().post("/canned/" + id + "/delete")
                .then().statusCode(303);
        as(lead).when().get("/api/canned-replies/" + id).then().statusCode(404);
        given().auth().preemptive().basic(lead.username(), lead.password()).redirects().follow(false)
                .formParam("title", "No token " + run).formParam("body", "text")
                .when().post("/canned").then().statusCode(400);
    }

    private RequestSpecification as(TestWorld.Login user) {
        return given().auth().preemptive().basic(user.username(), user.password()).contentType(ContentType.JSON);
    }

    private long create(TestWorld.Login lead, String title, String body, String account, String kind) {
        return as(lead).body(json(title, body, account, kind, null)).when().post("/api/canned-replies")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String json(String title, String body, String account, String kind, String tags) {
        return "{\"title\":" + quote(title) + ",\"body\":" + quote(body) + ",\"account\":" + quote(account)
                + ",\"kind\":" + quote(kind) + ",\"tags\":" + quote(tags) + "}";
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void importCrm(CrmRecord record) {
        var report = crm.upsert(List.of(record), "test");
        if (!report.applied()) {
            throw new AssertionError(report.errors().toString());
        }
    }

    private long messageId(InboundMessage message) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", message.externalId()).getSingleResult());
    }

    private long outgoing(long conversation) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.conversation.id = :id and m.direction = dev.signet.care.Direction.OUT",
                Long.class).setParameter("id", conversation).getSingleResult());
    }
}
