package dev.signet.reply;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ApiUsageService;
import dev.signet.channel.ApiUsageView;
import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserRepository;
import dev.signet.testsupport.PendingReplies;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/**
 * Exactly once under X's failures, through one X API version per subclass: replies published while the sandbox
 * answers 5xx before the write, 5xx after it (the post is stored, the answer says it failed), and timeouts after
 * it (stored, answered too late) end up on X once each; a reply left PUBLISHING by a publisher that died is taken
 * back by the sweeper and found on X instead of being sent again. Counted on the sandbox's own tables.
 */
@ExtendWith(SandboxExtension.class)
abstract class AbstractExactlyOnceTest {

    private static final int REPLIES = 100;
    private static final int CONVERSATIONS_PER_KIND = 5;

    /** The account answering public mentions and the one answering DMs, with their sandbox handles and paths. */
    protected record Accounts(String publicAccount, String publicHandle, String dmAccount, String dmHandle,
            String publishPath, String sendDmPath) {
    }

    protected abstract Accounts accounts();

    @Inject
    SandboxService sandbox;
    @Inject
    SandboxFaults faults;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;
    @Inject
    PendingReplies pendingReplies;
    @Inject
    OutboxSweeper sweeper;
    @Inject
    ReplyPublisher publisher;
    @Inject
    ReplyWriter writer;
    @Inject
    AppUserRepository users;
    @Inject
    ChannelConnectors connectors;
    @Inject
    ApiUsageService usage;

    @Test
    void hundredRepliesUnderFailuresBeforeAndAfterTheWriteAreOnXExactlyOnce() throws Exception {
        TestWorld.Login agent = world.agent();
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < CONVERSATIONS_PER_KIND; i++) {
            String customer = world.sandboxCustomer(sandbox, "Faulty Public " + i);
            sandbox.postMention(customer, accounts().publicHandle(), "@" + accounts().publicHandle() + " where is my refund?",
                    null);
            String dmCustomer = world.sandboxCustomer(sandbox, "Faulty Direct " + i);
            sandbox.sendDirectMessage(dmCustomer, accounts().dmHandle(), "my order never came");
        }
        assertNull(poller.poll(accounts().publicAccount()).error());
        assertNull(poller.poll(accounts().dmAccount()).error());
        List<Long> publicIds = newestConversations(accounts().publicAccount(), CONVERSATIONS_PER_KIND);
        List<Long> dmIds = newestConversations(accounts().dmAccount(), CONVERSATIONS_PER_KIND);

        armFaults(accounts().publishPath());
        armFaults(accounts().sendDmPath());

        // Four agents' worth of concurrent replies: public and DM, each with a unique text.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            long conversation = i % 2 == 0 ? publicIds.get(i / 2 % CONVERSATIONS_PER_KIND)
                    : dmIds.get(i / 2 % CONVERSATIONS_PER_KIND);
            String text = "Reply " + i + " of run " + run + ", sorry for the wait";
            sent.add(pool.submit(() -> given().auth().preemptive().basic(agent.username(), agent.password())
                    .contentType(ContentType.JSON).body(Map.of("text", text))
                    .when().post("/api/conversations/" + conversation + "/replies")
                    .then().statusCode(201).extract().path("delivery")));
        }
        for (Future<String> delivery : sent) {
            delivery.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTrue(faults.armed().isEmpty(), "every armed fault was used: " + faults.armed());

        // Passing failures that outlasted the retries are left PENDING: the sweeper finishes them.
        pendingReplies.finish("run " + run, Duration.ofMinutes(1));

        Map<String, Long> onX = onSandbox(run);
        assertEquals(REPLIES, onX.size(), "every reply is on X: " + onX.size() + " of " + REPLIES);
        assertTrue(onX.values().stream().allMatch(count -> count == 1), "no reply is on X twice: " + onX);
        assertEquals(REPLIES, sentWithTheirXIds(run), "every reply is marked SENT with the id X gave it");
    }

    @Test
    void aReplyLeftPublishingByACrashIsFoundOnXNotSentAgain() {
        TestWorld.Login agent = world.agent();
        String run = Long.toString(System.nanoTime(), 36);
        String customer = world.sandboxCustomer(sandbox, "Stuck Public");
        sandbox.postMention(customer, accounts().publicHandle(), "@" + accounts().publicHandle() + " hello?", null);
        String dmCustomer = world.sandboxCustomer(sandbox, "Stuck Direct");
        sandbox.sendDirectMessage(dmCustomer, accounts().dmHandle(), "anyone there?");
        assertNull(poller.poll(accounts().publicAccount()).error());
        assertNull(poller.poll(accounts().dmAccount()).error());
        long publicId = newestConversations(accounts().publicAccount(), 1).get(0);
        long dmId = newestConversations(accounts().dmAccount(), 1).get(0);

        // Four replies stored; the publisher "dies" in each: two after X stored them, two before it did.
        long reachedPublic = storeStuck(agent, publicId, "Stuck reply A of run " + run, true);
        long reachedDm = storeStuck(agent, dmId, "Stuck reply B of run " + run, true);
        long lostPublic = storeStuck(agent, publicId, "Stuck reply C of run " + run, false);
        long lostDm = storeStuck(agent, dmId, "Stuck reply D of run " + run, false);

        // The sweeper takes them back (a PUBLISHING entry can't be claimed: SENT proves it was released), and the
        // publisher finds the two that reached X rather than sending them again.
        ApiUsageView publicBefore = usageOf(accounts().publicAccount());
        ApiUsageView dmBefore = usageOf(accounts().dmAccount());
        sweeper.due();
        for (long id : List.of(reachedPublic, reachedDm, lostPublic, lostDm)) {
            assertEquals(DeliveryStatus.SENT, publishOrAwait(id), "stuck entry " + id);
        }
        // X bills each of them, those found by look-up as well as those sent now.
        assertEquals(publicBefore.replies() + 2, usageOf(accounts().publicAccount()).replies(), "replies counted");
        assertEquals(dmBefore.dmsSent() + 2, usageOf(accounts().dmAccount()).dmsSent(), "DMs counted");
        Map<String, Long> onX = onSandbox(run);
        assertEquals(4, onX.size(), onX.toString());
        assertTrue(onX.values().stream().allMatch(count -> count == 1), onX.toString());
        assertEquals(4, sentWithTheirXIds(run));
        assertEquals(DeliveryStatus.SENT, publisher.publish(reachedPublic), "a second publish changes nothing");
        assertEquals(4, onSandbox(run).size());
    }

    @Test
    void aReplyXAcceptsWithAnUnexpectedAnswerIsSentOnceAndItsIdFoundLater() {
        TestWorld.Login agent = world.agent();
        String run = Long.toString(System.nanoTime(), 36);
        String customer = world.sandboxCustomer(sandbox, "Odd Answer Public");
        sandbox.postMention(customer, accounts().publicHandle(), "@" + accounts().publicHandle() + " status?", null);
        String dmCustomer = world.sandboxCustomer(sandbox, "Odd Answer Direct");
        sandbox.sendDirectMessage(dmCustomer, accounts().dmHandle(), "status of my claim?");
        assertNull(poller.poll(accounts().publicAccount()).error());
        assertNull(poller.poll(accounts().dmAccount()).error());
        long publicId = newestConversations(accounts().publicAccount(), 1).get(0);
        long dmId = newestConversations(accounts().dmAccount(), 1).get(0);

        // Every odd 2xx body X might send after storing the post or DM: the agent's request is answered (never
        // 500), the reply is SENT with the reason kept, and nothing is sent twice.
        List<String> odd = List.of(SandboxFault.ODD_EMPTY, SandboxFault.ODD_OBJECT, SandboxFault.ODD_DATA,
                SandboxFault.ODD_TEXT);
        for (String kind : odd) {
            for (boolean dm : List.of(false, true)) {
                faults.arm(SandboxFault.oddBody(dm ? accounts().sendDmPath() : accounts().publishPath(), 1, kind));
                given().auth().preemptive().basic(agent.username(), agent.password())
                        .contentType(ContentType.JSON)
                        .body(Map.of("text", "Odd " + kind + (dm ? " dm" : " post") + " of run " + run))
                        .when().post("/api/conversations/" + (dm ? dmId : publicId) + "/replies")
                        .then().statusCode(201)
                        .body("delivery", equalTo("SENT"))
                        .body("error", containsString("Sent, X id unknown"));
            }
        }
        assertTrue(faults.armed().isEmpty(), "every odd answer was given: " + faults.armed());

        // Sweeps and more publish calls (as a restart, the outbound topic or a stuck release would make) send
        // nothing again.
        sweeper.due().forEach(publisher::publish);
        runEntries(run).forEach(id -> assertEquals(DeliveryStatus.SENT, publisher.publish(id)));
        Map<String, Long> onX = onSandbox(run);
        assertEquals(2 * odd.size(), onX.size(), onX.toString());
        assertTrue(onX.values().stream().allMatch(count -> count == 1), "no reply is on X twice: " + onX);
        List<String> reasons = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.idUnknownReason from OutboxEntry o where o.message.text like :run", String.class)
                .setParameter("run", "%run " + run + "%").getResultList());
        assertEquals(2 * odd.size(), reasons.size());
        assertTrue(reasons.stream().allMatch(r -> r != null && r.startsWith("Sent, X id unknown: ")), reasons.toString());
        // No id is made up: any id set (the scheduled sweeper may already have looked some up) is X's own.
        long withId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.externalId is not null and m.text like :run", Long.class)
                .setParameter("run", "%run " + run + "%").getSingleResult());
        assertEquals(withId, sentWithTheirXIds(run), "no X id was made up");

        // Once X has them indexed (past the grace period), the sweeper finds their ids; the reason stays.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update OutboxEntry o set o.sentAt = :past where o.message.text like :run")
                .setParameter("past", Instant.now().minus(Duration.ofMinutes(5)))
                .setParameter("run", "%run " + run + "%").executeUpdate());
        sweeper.recoverIds();
        // The scheduled sweeper (it runs in tests too) may have taken some of these look-ups: wait for it.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (sentWithTheirXIds(run) < 2 * odd.size() && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertEquals(2 * odd.size(), sentWithTheirXIds(run), "every id was found by look-up");
        assertEquals(2 * odd.size(), onSandbox(run).size());
        assertTrue(onSandbox(run).values().stream().allMatch(count -> count == 1));
    }

    @Test
    void theAttemptCapHoldsForAStuckReplyTakenBackBySweeper() {
        TestWorld.Login agent = world.agent();
        String run = Long.toString(System.nanoTime(), 36);
        String customer = world.sandboxCustomer(sandbox, "Capped Public");
        sandbox.postMention(customer, accounts().publicHandle(), "@" + accounts().publicHandle() + " hello?", null);
        String dmCustomer = world.sandboxCustomer(sandbox, "Capped Direct");
        sandbox.sendDirectMessage(dmCustomer, accounts().dmHandle(), "hello?");
        assertNull(poller.poll(accounts().publicAccount()).error());
        assertNull(poller.poll(accounts().dmAccount()).error());
        long publicId = newestConversations(accounts().publicAccount(), 1).get(0);
        long dmId = newestConversations(accounts().dmAccount(), 1).get(0);

        // Left PUBLISHING on their last allowed attempt: one had reached X, the other had not.
        int max = ConfigProvider.getConfig().getValue("signet.reply.publisher.max-attempts", Integer.class);
        long reached = storeStuck(agent, dmId, "Capped reply A of run " + run, true, max);
        long lost = storeStuck(agent, publicId, "Capped reply B of run " + run, false, max);

        sweeper.due();
        assertEquals(DeliveryStatus.SENT, publishOrAwait(reached), "found on X, not sent again");
        assertEquals(DeliveryStatus.FAILED, publishOrAwait(lost), "no attempt beyond the cap");
        Map<String, Long> onX = onSandbox(run);
        assertEquals(1, onX.size(), "only the reply that had reached X is there: " + onX);
        assertTrue(onX.keySet().iterator().next().startsWith("Capped reply A of run " + run), onX.toString());
        assertEquals(1L, onX.values().iterator().next(), onX.toString());
        assertEquals(DeliveryStatus.FAILED, publisher.publish(lost), "a FAILED entry stays put");

        // The agent sees it, with the reason and a Retry button.
        long replyId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.message.id from OutboxEntry o where o.id = :id", Long.class).setParameter("id", lost)
                .getSingleResult());
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + publicId)
                .then().statusCode(200)
                .body("messages.find { it.id == " + replyId + " }.delivery.status", equalTo("FAILED"))
                .body("messages.find { it.id == " + replyId + " }.delivery.reason",
                        containsString("Gave up after " + max + " attempts"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + publicId)
                .then().statusCode(200)
                .body(containsString("Not published on X."))
                .body(containsString("Gave up after " + max + " attempts"))
                .body(containsString("hx-post=\"/conversations/" + publicId + "/replies/" + replyId + "/retry\""));
    }

    @Test
    void aRecentlyClaimedEntryIsNotTakenBack() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Busy Publisher");
        sandbox.postMention(customer, accounts().publicHandle(), "@" + accounts().publicHandle() + " hi", null);
        assertNull(poller.poll(accounts().publicAccount()).error());
        long conversation = newestConversations(accounts().publicAccount(), 1).get(0);
        long id = QuarkusTransaction.requiringNew().call(() -> writer.store(conversation, "Working on it",
                user(agent)).outboxId());
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update OutboxEntry o set o.status = :s, o.claimedAt = :now, o.attempts = 1 where o.id = :id")
                .setParameter("s", DeliveryStatus.PUBLISHING).setParameter("now", Instant.now())
                .setParameter("id", id).executeUpdate());
        assertTrue(!sweeper.due().contains(id), "another publisher is still at it");
        assertEquals(DeliveryStatus.PUBLISHING, publisher.publish(id), "and it can't be claimed twice");
    }

    /**
     * Publishes an entry; should the scheduled sweeper have claimed it first (it runs in tests too), waits for
     * that publisher to finish.
     */
    private DeliveryStatus publishOrAwait(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        DeliveryStatus status = publisher.publish(id);
        while (status == DeliveryStatus.PUBLISHING && Instant.now().isBefore(deadline)) {
            pause();
            status = publisher.publish(id);
        }
        return status;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** Faults for one publish path, each used by one request, in an order the retries get through. */
    private void armFaults(String path) {
        for (int round = 0; round < 4; round++) {
            faults.arm(new SandboxFault(path, 1, 503, 0, false, 0));
            faults.arm(SandboxFault.afterWrite(path, 1, 503, 0));
            faults.arm(SandboxFault.afterWrite(path, 1, 500, 0));
            faults.arm(new SandboxFault(path, 1, 502, 0, false, 0));
        }
        // Timeouts after the write: stored on X, answered after the client gave up.
        faults.arm(SandboxFault.afterWrite(path, 2, 0, 4_000));
        // A 5xx before the write three times in a row: the attempt ends PENDING, the sweeper finishes it.
        faults.arm(new SandboxFault(path, 4, 503, 0, false, 0));
    }

    /** Stores a reply and leaves it as a publisher that died mid-publish would: PUBLISHING, claimed long ago. */
    private long storeStuck(TestWorld.Login agent, long conversation, String text, boolean reachedX) {
        return storeStuck(agent, conversation, text, reachedX, 1);
    }

    private long storeStuck(TestWorld.Login agent, long conversation, String text, boolean reachedX, int attempts) {
        long id = QuarkusTransaction.requiringNew().call(() -> writer.store(conversation, text, user(agent)).outboxId());
        Instant claimed = Instant.now().minus(Duration.ofMinutes(10));
        if (reachedX) {
            // The call that reached X before the crash: straight through the connector, as the publisher made it.
            String[] target = QuarkusTransaction.requiringNew().call(() -> {
                Object[] row = em.createQuery("select c.kind, m.inReplyToExternalId, i.externalUserId, a.accountKey"
                        + " from OutboxEntry o join o.message m join m.conversation c join c.identity i join c.account a"
                        + " where o.id = :id", Object[].class).setParameter("id", id).getSingleResult();
                return new String[] { row[0].toString(), (String) row[1], (String) row[2], (String) row[3] };
            });
            String signed = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select m.text from OutboxEntry o join o.message m where o.id = :id", String.class)
                    .setParameter("id", id).getSingleResult());
            if ("DM".equals(target[0])) {
                connectors.forAccount(target[3]).sendDirectMessage(target[2], signed);
            } else {
                connectors.forAccount(target[3]).publishReply(signed, target[1]);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update OutboxEntry o set o.status = :s,"
                + " o.claimedAt = :claimed, o.firstAttemptAt = :first, o.attempts = :attempts where o.id = :id")
                .setParameter("s", DeliveryStatus.PUBLISHING).setParameter("claimed", claimed)
                .setParameter("attempts", attempts)
                .setParameter("first", Instant.now().minusSeconds(5)).setParameter("id", id).executeUpdate());
        return id;
    }

    private ApiUsageView usageOf(String account) {
        return usage.month(usage.thisMonth()).stream().filter(view -> view.accountKey().equals(account)).findFirst()
                .orElse(ApiUsageView.none(account, usage.thisMonth().toString(), "poll"));
    }

    private List<Long> runEntries(String run) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.id from OutboxEntry o where o.message.text like :run", Long.class)
                .setParameter("run", "%run " + run + "%").getResultList());
    }

    private AppUser user(TestWorld.Login login) {
        return users.findByUsername(login.username()).orElseThrow();
    }

    private List<Long> newestConversations(String account, int count) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.account.accountKey = :account order by c.id desc", Long.class)
                .setParameter("account", account).setMaxResults(count).getResultList());
    }

    /** How many times each reply of this run is on the sandbox X, public posts and DMs together. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> onSandbox(String run) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new HashMap<>();
            List<String> texts = new ArrayList<>(em.createNativeQuery(
                    "select text from sandbox_tweet where text like :run").setParameter("run", "%run " + run + "%")
                    .getResultList());
            texts.addAll(em.createNativeQuery("select text from sandbox_direct_message where text like :run")
                    .setParameter("run", "%run " + run + "%").getResultList());
            // A public reply carries X's reply metadata in front: "@customer Reply 7 of run …".
            texts.forEach(text -> counts.merge(text.replaceFirst("^@\\w+ ", ""), 1L, Long::sum));
            return counts;
        });
    }

    /** Replies of this run marked SENT whose X id is the id of a post or DM on the sandbox with their text. */
    private long sentWithTheirXIds(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from outbox_entry o join message m on m.id = o.message_id
                where o.status = 'SENT' and m.text like :run and (
                  exists (select 1 from sandbox_tweet t where cast(t.id as varchar) = m.external_id
                          and t.text like concat('%', m.text))
                  or exists (select 1 from sandbox_direct_message d where cast(d.id as varchar) = m.external_id
                          and d.text = m.text))""").setParameter("run", "%run " + run + "%").getSingleResult())
                .longValue());
    }
}
