package dev.signet.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dev.signet.care.Conversation;
import dev.signet.care.Message;
import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.security.AppUser;
import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * One customer, one story: exact linking rules, suggestions confirmed or rejected from the conversation page,
 * merge and undo, one timeline across accounts and channels, pinned facts on every conversation, search, roles.
 */
@QuarkusTest
class CustomerStoryTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    CrmImportService crm;
    @Inject
    EntityManager em;
    @Inject
    EntityManagerFactory emf;

    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void theUserIdWinsOverTheHandle() {
        Author holder = world.customer("Handle Holder");
        intake.receive(world.mention(TestWorld.AIR, holder, "@SignetTestAir I have the handle", null));
        String otherId = world.nextId();
        import1(new CrmRecord(run + "-1", "Id Owner", null, "gold", null, null, otherId, holder.handle(), null));
        assertNull(customerCrmIdOf(holder.userId()), "the identity that only shares the handle stays unlinked");
        assertEquals(run + "-1", customerCrmIdOf(otherId));
        intake.receive(world.mention(TestWorld.AIR, new Author(otherId, "owner" + run.substring(0, 5), "Id Owner"),
                "@SignetTestAir hi", null));
        assertEquals(run + "-1", customerCrmIdOf(otherId));
    }

    @Test
    void aHandleLinksOnceAndARenameKeepsTheLinkWhileTheHandlesNewOwnerIsNotLinked() {
        String handle = "h" + run.substring(run.length() - 8);
        import1(new CrmRecord(run + "-2", "Hana Handle", null, "silver", null, null, null, handle, null));
        Author first = new Author(world.nextId(), handle, "Hana");
        intake.receive(world.mention(TestWorld.AIR, first, "@SignetTestAir hello", null));
        assertEquals(run + "-2", customerCrmIdOf(first.userId()), "handle named by the CRM, no id known, unique");

        Author renamed = new Author(first.userId(), handle + "_x", "Hana");
        intake.receive(world.mention(TestWorld.AIR, renamed, "@SignetTestAir new handle, same me", null));
        assertEquals(run + "-2", customerCrmIdOf(first.userId()), "a renamed handle keeps the link");

        Author newcomer = new Author(world.nextId(), handle, "Someone Else");
        intake.receive(world.mention(TestWorld.MOBILE, newcomer, "@SignetTestMobile hi", null));
        assertNull(customerCrmIdOf(newcomer.userId()), "a handle reused by another id is not linked");

        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).queryParam("q", handle)
                .when().get("/api/customers")
                .then().statusCode(200).body("crmId", hasItem(run + "-2"));
        long customerId = customerIdOf(first.userId());
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + customerId)
                .then().statusCode(200)
                .body("identities[0].handle", equalTo(handle + "_x"))
                .body("identities[0].pastHandles[0].handle", equalTo(handle))
                .body("audit.reason", hasItem(containsString("names handle @" + handle)));
    }

    @Test
    void anAgentConfirmsOrRejectsASuggestionInOneClickFromTheConversationPage() {
        String local = "sue" + run.substring(run.length() - 6);
        import1(new CrmRecord(run + "-3", "Sue Same " + run, local + "@example.com", "gold", null, null, null, null, null));
        import1(new CrmRecord(run + "-4", "Sue Same " + run, null, "none", null, null, null, null, null));
        Author sue = new Author(world.nextId(), local, "Sue Same " + run);
        InboundMessage mention = world.mention(TestWorld.AIR, sue, "@SignetTestAir where is my bag", null);
        intake.receive(mention);
        long conversation = world.conversationOf(mention);
        TestWorld.Login agent = world.agent();

        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + conversation);
        page.then().statusCode(200).body(containsString("Link suggestions"))
                .body(containsString("Same name as the X display name"))
                .body(containsString("is like the email " + local + "@example.com"));
        List<LinkSuggestion> suggestions = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select s from LinkSuggestion s where s.identityId = (select i.id from SocialIdentity i where i.externalUserId = :u) order by s.confidence desc",
                LinkSuggestion.class).setParameter("u", sue.userId()).getResultList());
        assertEquals(2, suggestions.size());
        LinkSuggestion best = suggestions.get(0);
        assertEquals(0, new java.math.BigDecimal("0.85").compareTo(best.confidence()), "name and email agree");

        post(agent, page, "/customers/suggestions/" + suggestions.get(1).id() + "/reject", Map.of("back", "/conversations/" + conversation))
                .then().statusCode(303).header("Location", containsString("/conversations/" + conversation));
        post(agent, page, "/customers/suggestions/" + best.id() + "/confirm", Map.of("back", "/conversations/" + conversation))
                .then().statusCode(303);
        assertEquals(run + "-3", customerCrmIdOf(sue.userId()));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + best.customerId())
                .then().body("audit.action", hasItem("LINKED"))
                .body("audit.actor", hasItem(agent.username()))
                .body("audit.reason", hasItem(containsString("Confirmed suggestion")));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + suggestions.get(1).customerId())
                .then().body("audit.action", hasItem("SUGGESTION_REJECTED"));
        // Without the CSRF token the form is refused.
        given().auth().preemptive().basic(agent.username(), agent.password()).redirects().follow(false)
                .formParam("back", "/conversations/" + conversation)
                .when().post("/customers/suggestions/" + best.id() + "/reject")
                .then().statusCode(400);
    }

    @Test
    void mergeThenUndoRestoresBothCustomersExactlyAndOnlyALeadOrAdminMayMerge() {
        Author a = world.customer("Merge A");
        Author b = world.customer("Merge B");
        import1(new CrmRecord(run + "-A", "Merge A", null, "gold", null, "alpha", a.userId(), null, "notes of A"));
        import1(new CrmRecord(run + "-B", "Merge B", null, "silver", null, "beta, alpha", b.userId(), null, "notes of B"));
        InboundMessage fromA = world.mention(TestWorld.AIR, a, "@SignetTestAir booking ZZ1", null);
        InboundMessage fromB = world.directMessage(TestWorld.MOBILE, b, "1", "account 77");
        intake.receive(fromA);
        intake.receive(fromB);
        long idA = customerIdOf(a.userId());
        long idB = customerIdOf(b.userId());
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body("{\"label\":\"Account\",\"value\":\"77\"}")
                .when().post("/api/messages/" + messageId(fromB) + "/facts").then().statusCode(201);
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body("{\"sourceCustomerId\":" + idB + "}")
                .when().post("/api/customers/" + idA + "/merges").then().statusCode(403);
        Map<String, Object> before = snapshot(idA, idB);

        TestWorld.Login lead = world.user(Role.LEAD);
        int mergeId = given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("{\"sourceCustomerId\":" + idB + ",\"reason\":\"same person\"}")
                .when().post("/api/customers/" + idA + "/merges")
                .then().statusCode(201).extract().path("mergeId");
        assertEquals(idA, customerIdOf(b.userId()), "B's identity (and so its DM conversation) now belongs to A");
        given().auth().preemptive().basic(agent.username(), agent.password()).queryParam("q", run + "-B")
                .when().get("/api/customers").then().body("$", hasSize(0));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + idA)
                .then().body("facts.label", hasItem("Account")).body("tags", equalTo("alpha, beta"))
                .body("notes", equalTo("notes of A\nnotes of B"));
        assertNotEquals(before, snapshot(idA, idB));
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json").body("{}")
                .when().post("/api/merges/" + mergeId + "/undo").then().statusCode(403);

        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("{\"reason\":\"not the same after all\"}")
                .when().post("/api/merges/" + mergeId + "/undo").then().statusCode(204);
        assertEquals(before, snapshot(idA, idB), "undo restores both customers exactly");
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/customers/" + idB)
                .then().body("audit.action", hasItem("MERGED")).body("audit.action", hasItem("MERGE_UNDONE"))
                .body("audit.actor", hasItem(lead.username()));
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json").body("{}")
                .when().post("/api/merges/" + mergeId + "/undo").then().statusCode(409);
    }

    @Test
    void oneCustomerAppearsOnceWithAPublicMentionOnOneBrandAndADmOnTheOtherAndAPinnedFactOnBoth() {
        Author zed = world.customer("Zed Both");
        import1(new CrmRecord(run + "-Z", "Zed Both", null, "platinum", null, null, zed.userId(), zed.handle(), null));
        InboundMessage mention = world.mention(TestWorld.AIR, zed, "@SignetTestAir lost bag on AA412", null);
        InboundMessage dm = world.directMessage(TestWorld.MOBILE, zed, "1", "Bill 88-41-2290 charged twice");
        intake.receive(mention);
        intake.receive(dm);
        TestWorld.Login agent = world.agent();
        long publicConversation = world.conversationOf(mention);
        long dmConversation = world.conversationOf(dm);
        agentReply(dmConversation, agent.username(), "We'll refund one of them");
        long customerId = customerIdOf(zed.userId());

        given().auth().preemptive().basic(agent.username(), agent.password()).queryParam("q", run + "-Z")
                .when().get("/api/customers").then().body("$", hasSize(1)).body("[0].loyaltyTier", equalTo("PLATINUM"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + customerId + "/timeline")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("entries[0].type", equalTo("MESSAGE")).body("entries[0].direction", equalTo("OUT"))
                .body("entries[0].initials", equalTo(agent.initials()))
                .body("entries.findAll { it.type == 'MESSAGE' }.channel", hasItem("PUBLIC"))
                .body("entries.findAll { it.type == 'MESSAGE' }.channel", hasItem("DM"))
                .body("entries.accountHandle", hasItem(TestWorld.AIR_HANDLE))
                .body("entries.accountHandle", hasItem(TestWorld.MOBILE_HANDLE));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/customers/" + customerId)
                .then().statusCode(200)
                .body(containsString("lost bag on AA412")).body(containsString("charged twice"))
                .body(containsString("^" + agent.initials()));

        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + dmConversation);
        post(agent, page, "/customers/facts", Map.of("message", Long.toString(messageId(dm)), "label", "Account",
                "value", "88-41-2290", "back", "/conversations/" + dmConversation))
                .then().statusCode(303);
        for (long conversation : List.of(publicConversation, dmConversation)) {
            given().auth().preemptive().basic(agent.username(), agent.password())
                    .when().get("/conversations/" + conversation)
                    .then().statusCode(200).body(containsString("Already given"))
                    .body(containsString("88-41-2290")).body(containsString("Platinum"));
        }
        long factId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select f.id from PinnedFact f where f.customerId = :c", Long.class).setParameter("c", customerId).getSingleResult());
        post(agent, page, "/customers/facts/" + factId + "/unpin", Map.of("reason", "typo", "back", "/conversations/" + publicConversation))
                .then().statusCode(303);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + publicConversation).then().body(not(containsString("88-41-2290")));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + customerId)
                .then().body("audit.action", hasItem("FACT_UNPINNED")).body("audit.actor", hasItem(agent.username()));
    }

    @Test
    void theTimelineShowsStatusChangesByWhomReopeningsAndHandOffs() {
        Author yara = world.customer("Yara Status");
        import1(new CrmRecord(run + "-Y", "Yara Status", null, "gold", null, null, yara.userId(), null, null));
        InboundMessage first = world.mention(TestWorld.AIR, yara, "@SignetTestAir my card was declined", null);
        intake.receive(first);
        long conversation = world.conversationOf(first);
        long customerId = customerIdOf(yara.userId());
        TestWorld.Login agent = world.agent();
        TestWorld.Login colleague = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body(Map.of("status", "WAITING_ON_US", "promisedUpdateAt",
                        java.time.Instant.now().plus(java.time.Duration.ofHours(2)).toString()))
                .when().post("/api/conversations/" + conversation + "/status").then().statusCode(200);
        status(agent, conversation, "RESOLVED");
        intake.receive(world.mention(TestWorld.AIR, yara, "@SignetTestAir declined again today", null));
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body(Map.of("to", colleague.username(), "reason", "card team knows this bank"))
                .when().post("/api/conversations/" + conversation + "/handoff").then().statusCode(204);
        // A refused move leaves no trace.
        given().auth().preemptive().basic(colleague.username(), colleague.password()).contentType("application/json")
                .body("{\"status\":\"NEW\"}").when().post("/api/conversations/" + conversation + "/status")
                .then().statusCode(409);

        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + customerId + "/timeline")
                .then().statusCode(200)
                .body("total", equalTo(9))
                .body("entries.type.take(3)", contains("HANDOFF", "STATUS", "MESSAGE"))
                .body("entries[0].text", equalTo("^" + agent.initials() + " → ^" + colleague.initials()
                        + ": card team knows this bank"))
                .body("entries.findAll { it.type == 'STATUS' }.status", contains("OPEN", "RESOLVED", "WAITING_ON_US"))
                .body("entries.findAll { it.type == 'STATUS' }.initials",
                        org.hamcrest.Matchers.<Object>contains(nullValue(), equalTo((Object) agent.initials()),
                                equalTo((Object) agent.initials())))
                .body("entries.type", hasItem("PROMISE")).body("entries.type", hasItem("PROMISE_SETTLED"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/customers/" + customerId)
                .then().statusCode(200)
                .body(containsString("set to Waiting on us by"))
                .body(containsString("reopened by the customer's new message"))
                .body(containsString("card team knows this bank"));
    }

    private void status(TestWorld.Login agent, long conversation, String status) {
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body("{\"status\":\"" + status + "\"}").when().post("/api/conversations/" + conversation + "/status")
                .then().statusCode(200);
    }

    @Test
    void theTimelineRunsTheSameNumberOfStatementsWhateverThePageSize() {
        Author many = world.customer("Many Messages");
        import1(new CrmRecord(run + "-M", "Many Messages", null, "none", null, null, many.userId(), null, null));
        for (int i = 0; i < 30; i++) {
            intake.receive(world.mention(i % 2 == 0 ? TestWorld.AIR : TestWorld.MOBILE, many, "@x message " + i, null));
        }
        long customerId = customerIdOf(many.userId());
        TestWorld.Login agent = world.agent();
        long small = statementsWhile(() -> given().auth().preemptive().basic(agent.username(), agent.password())
                .queryParam("size", 2).when().get("/api/customers/" + customerId + "/timeline").then().statusCode(200)
                .body("entries", hasSize(2)));
        long large = statementsWhile(() -> given().auth().preemptive().basic(agent.username(), agent.password())
                .queryParam("size", 25).when().get("/api/customers/" + customerId + "/timeline").then().statusCode(200)
                .body("entries", hasSize(25)));
        assertEquals(small, large, "SQL statements per timeline page");
        given().auth().preemptive().basic(agent.username(), agent.password())
                .queryParam("page", 1).queryParam("size", 25).when().get("/customers/" + customerId)
                .then().statusCode(200).body(containsString("← Newer"));
    }

    @Test
    void searchFindsByNameEmailCrmIdAndHandleAndEscapesWildcards() {
        Author who = world.customer("Quinn Search");
        import1(new CrmRecord(run + "-Q", "Quinn Search" + run, "quinn." + run + "@example.com", "gold", null, null,
                who.userId(), who.handle(), null));
        TestWorld.Login agent = world.agent();
        for (String q : List.of("search" + run, "QUINN." + run + "@", run + "-q", "@" + who.handle())) {
            given().auth().preemptive().basic(agent.username(), agent.password()).queryParam("q", q)
                    .when().get("/api/customers").then().statusCode(200).body("crmId", hasItem(run + "-Q"));
        }
        given().auth().preemptive().basic(agent.username(), agent.password()).queryParam("q", "%")
                .when().get("/api/customers").then().statusCode(200).body("crmId", not(hasItem(run + "-Q")));
        given().auth().preemptive().basic(agent.username(), agent.password()).queryParam("q", "quinn search" + run)
                .when().get("/customers").then().statusCode(200).body(containsString("/customers/" + customerIdOf(who.userId())));
    }

    @Test
    void anAgentLinksAndUnlinksByHandAndABrandManagerSeesNoCustomers() {
        Author loose = world.customer("Loose End");
        intake.receive(world.mention(TestWorld.AIR, loose, "@SignetTestAir hi", null));
        import1(new CrmRecord(run + "-L", "Loose End Ltd", null, "none", null, null, null, null, null));
        long customerId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Customer c where c.crmId = :c", Long.class).setParameter("c", run + "-L").getSingleResult());
        long identityId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select i.id from SocialIdentity i where i.externalUserId = :u", Long.class).setParameter("u", loose.userId()).getSingleResult());
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body("{\"customerId\":" + customerId + ",\"reason\":\"confirmed booking by DM\"}")
                .when().post("/api/identities/" + identityId + "/link").then().statusCode(204);
        assertEquals(run + "-L", customerCrmIdOf(loose.userId()));
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body("{\"reason\":\"wrong person\"}")
                .when().post("/api/identities/" + identityId + "/unlink").then().statusCode(204);
        assertNull(customerCrmIdOf(loose.userId()));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + customerId)
                .then().body("audit.action", hasItem("UNLINKED")).body("audit.reason", hasItem("wrong person"));
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/customers/" + customerId).then().statusCode(403);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private void import1(CrmRecord record) {
        ImportReport report = crm.upsert(List.of(record), "test");
        assertTrue(report.applied(), report.errors().toString());
    }

    private Response post(TestWorld.Login user, Response page, String path, Map<String, String> form) {
        var request = given().auth().preemptive().basic(user.username(), user.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page));
        form.forEach(request::formParam);
        return request.when().post(path);
    }

    private String customerCrmIdOf(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.crmId from SocialIdentity i left join i.customer c where i.externalUserId = :u", String.class)
                .setParameter("u", userId).getResultList().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null));
    }

    private long customerIdOf(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select i.customer.id from SocialIdentity i where i.externalUserId = :u", Long.class)
                .setParameter("u", userId).getSingleResult());
    }

    private long messageId(InboundMessage message) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", message.externalId()).getSingleResult());
    }

    private void agentReply(long conversationId, String username, String text) {
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser agent = em.createQuery("select u from AppUser u where u.username = :u", AppUser.class)
                    .setParameter("u", username).getSingleResult();
            Conversation conversation = em.find(Conversation.class, conversationId);
            em.persist(Message.fromAgent(conversation, agent, text, null, Instant.now().plusSeconds(1)));
        });
    }

    /** Everything a merge touches, as plain values: profile fields, identities, facts, notes, conversations' customers. */
    private Map<String, Object> snapshot(long... customerIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> state = new TreeMap<>();
            for (long id : customerIds) {
                Customer c = em.find(Customer.class, id);
                state.put(id + ".profile", List.of(c.name(), String.valueOf(c.crmId()), c.loyaltyTier(), String.valueOf(c.notes()),
                        String.valueOf(c.tags()), String.valueOf(c.mergedIntoId())));
                state.put(id + ".identities", em.createQuery(
                        "select i.id || ':' || coalesce(i.linkRule, '') from SocialIdentity i where i.customer.id = :c order by i.id", String.class)
                        .setParameter("c", id).getResultList());
                state.put(id + ".facts", em.createQuery("select f.id || f.label || f.value from PinnedFact f where f.customerId = :c order by f.id",
                        String.class).setParameter("c", id).getResultList());
                state.put(id + ".notes", em.createQuery("select n.id from CustomerNote n where n.customerId = :c order by n.id", Long.class)
                        .setParameter("c", id).getResultList());
                state.put(id + ".conversations", em.createQuery(
                        "select c.id from Conversation c where c.identity.customer.id = :c order by c.id", Long.class)
                        .setParameter("c", id).getResultList());
            }
            return state;
        });
    }

    /**
     * The statements {@code work} runs: the least of three runs, since the statistics are global and a scheduled
     * job of the application (lease renewal, alarms) may run statements during one of them.
     */
    private long statementsWhile(Runnable work) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = statistics.getPrepareStatementCount();
            work.run();
            least = Math.min(least, statistics.getPrepareStatementCount() - before);
        }
        return least;
    }
}
