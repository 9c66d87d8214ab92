package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationStatus;
import dev.signet.care.Message;
import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.customer.LoyaltyTier;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IntakeServiceTest {

    @Inject
    IntakeService intake;
    @Inject
    TestWorld world;
    @Inject
    CrmImportService crm;
    @Inject
    EntityManager em;

    @Test
    void theSameMessageFetchedTwiceIsStoredOnce() {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Ana Lima"), "@SignetTestAir my bag is lost", null);

        assertEquals(IntakeResult.STORED, intake.receive(mention));
        assertEquals(IntakeResult.DUPLICATE, intake.receive(mention));

        assertEquals(1, messagesWithId(mention.externalId()).size());
        assertEquals(1, conversationsOf(mention.author()).size());
    }

    @Test
    void aCustomersOwnReplyJoinsTheirConversationButAnotherCustomersReplyStartsTheirsRelatedToIt() {
        Author ana = world.customer("Ana");
        Author ben = world.customer("Ben");
        InboundMessage first = world.mention(TestWorld.AIR, ana, "@SignetTestAir flight delayed 3h", null);
        InboundMessage followUp = world.mention(TestWorld.AIR, ana, "@SignetTestAir still nothing", first.externalId());
        InboundMessage other = world.mention(TestWorld.AIR, ben, "@SignetTestAir same here!", first.externalId());
        intake.receive(first);
        intake.receive(followUp);
        intake.receive(other);

        long anas = conversationOfMessage(first.externalId());
        assertEquals(anas, conversationOfMessage(followUp.externalId()));
        long bens = conversationOfMessage(other.externalId());
        assertNotEquals(anas, bens, "Ben's reply starts Ben's own conversation, not a place in Ana's");
        assertEquals(List.of(bens), conversationsOf(ben));
        assertEquals(anas, relatedOf(bens), "Ben's conversation shows Ana's as related");
        assertNull(relatedOf(anas));
    }

    @Test
    void aProlificCustomersSeparatePostsDoNotPullOtherCustomersIn() {
        Author pia = world.customer("Pia Prolific");
        Author quinn = world.customer("Quinn");
        Author rob = world.customer("Rob");
        InboundMessage one = world.mention(TestWorld.AIR, pia, "@SignetTestAir wifi down again", null);
        InboundMessage two = world.mention(TestWorld.AIR, pia, "@SignetTestAir and the app crashes", null);
        InboundMessage quinnReply = world.mention(TestWorld.AIR, quinn, "@SignetTestAir @pia wifi fine here", one.externalId());
        InboundMessage robReply = world.mention(TestWorld.AIR, rob, "@SignetTestAir @pia app crashes for me too", two.externalId());
        InboundMessage quinnAgain = world.mention(TestWorld.AIR, quinn, "@SignetTestAir but my bill is wrong", null);
        intake.receiveAll(List.of(one, two, quinnReply));
        intake.receiveAll(List.of(robReply, quinnAgain));

        long pias = conversationOfMessage(one.externalId());
        assertEquals(pias, conversationOfMessage(two.externalId()), "one customer's matter stays together");
        assertEquals(List.of(pia.userId()), authorsIn(pias), "only Pia's words in Pia's conversation");
        long quinns = conversationOfMessage(quinnReply.externalId());
        assertEquals(quinns, conversationOfMessage(quinnAgain.externalId()));
        assertEquals(List.of(quinn.userId()), authorsIn(quinns));
        assertEquals(List.of(rob.userId()), authorsIn(conversationOfMessage(robReply.externalId())));
        assertEquals(pias, relatedOf(quinns));
    }

    @Test
    void aPostMentioningTwoBrandAccountsIsInEachAccountsOwnConversation() {
        Author sam = world.customer("Sam Both");
        InboundMessage forAir = world.mention(TestWorld.AIR, sam, "@SignetTestAir @SignetTestMobile my roaming and flight", null);
        InboundMessage forMobile = new InboundMessage(TestWorld.MOBILE, forAir.network(), forAir.externalId(),
                forAir.kind(), sam, null, forAir.text(), null, forAir.sentAt());

        assertEquals(IntakeResult.STORED, intake.receive(forAir));
        assertEquals(IntakeResult.STORED, intake.receive(forMobile));
        assertEquals(IntakeResult.DUPLICATE, intake.receive(forAir));
        assertEquals(List.of(IntakeResult.DUPLICATE, IntakeResult.DUPLICATE), intake.receiveAll(List.of(forMobile, forAir)));

        List<Message> copies = messagesWithId(forAir.externalId());
        assertEquals(2, copies.size(), "one copy per brand account");
        assertEquals(List.of(TestWorld.AIR, TestWorld.MOBILE), accountsOfConversations(sam));
    }

    @Test
    void aMultiBrandPostArrivingInOneBatchForBothAccountsAndAReplyToItThreadPerAccount() {
        Author tia = world.customer("Tia Both");
        InboundMessage forAir = world.mention(TestWorld.AIR, tia, "@SignetTestAir @SignetTestMobile lost phone on the plane", null);
        InboundMessage forMobile = new InboundMessage(TestWorld.MOBILE, forAir.network(), forAir.externalId(),
                forAir.kind(), tia, null, forAir.text(), null, forAir.sentAt());
        InboundMessage followUpAir = world.mention(TestWorld.AIR, tia, "@SignetTestAir @SignetTestMobile seat 14C", forAir.externalId());
        InboundMessage followUpMobile = new InboundMessage(TestWorld.MOBILE, forAir.network(), followUpAir.externalId(),
                forAir.kind(), tia, null, followUpAir.text(), forAir.externalId(), followUpAir.sentAt());

        assertEquals(List.of(IntakeResult.STORED, IntakeResult.STORED, IntakeResult.STORED, IntakeResult.STORED),
                intake.receiveAll(List.of(forAir, forMobile, followUpAir, followUpMobile)));

        List<Long> conversations = conversationsOf(tia);
        assertEquals(2, conversations.size());
        for (long conversation : conversations) {
            assertEquals(2, messagesIn(conversation), "each account's conversation holds both posts");
        }
    }

    @Test
    void ourReplyFetchedByAnotherBrandAccountIsAnEcho() {
        Author uma = world.customer("Uma Echo");
        InboundMessage mention = world.mention(TestWorld.AIR, uma, "@SignetTestAir hi", null);
        intake.receive(mention);
        long conversation = conversationOfMessage(mention.externalId());
        String published = world.nextId();
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation c = em.find(Conversation.class, conversation);
            Message reply = Message.fromAgent(c, null, "@" + uma.handle() + " @SignetTestMobile hello ^QQ",
                    mention.externalId(), java.time.Instant.now());
            reply.published(published, java.time.Instant.now());
            em.persist(reply);
        });
        InboundMessage echo = new InboundMessage(TestWorld.MOBILE, mention.network(), published, mention.kind(),
                new Author("1234567", "SignetTestAir", "Signet Test Air"), null, "@" + uma.handle() + " hello ^QQ",
                mention.externalId(), java.time.Instant.now());
        assertEquals(IntakeResult.DROPPED_ECHO, intake.receive(echo));
        assertEquals(1, messagesWithId(published).size());
    }

    @Test
    void directMessagesJoinTheOpenDmConversationAndStayApartFromPublicOnes() {
        Author cleo = world.customer("Cleo");
        InboundMessage mention = world.mention(TestWorld.AIR, cleo, "@SignetTestAir help", null);
        InboundMessage dm1 = world.directMessage(TestWorld.AIR, cleo, "1", "booking ABC123");
        InboundMessage dm2 = world.directMessage(TestWorld.AIR, cleo, "1", "seat 12A");
        intake.receive(mention);
        intake.receive(dm1);
        intake.receive(dm2);

        assertEquals(conversationOfMessage(dm1.externalId()), conversationOfMessage(dm2.externalId()));
        assertNotEquals(conversationOfMessage(mention.externalId()), conversationOfMessage(dm1.externalId()));
        assertEquals(2, conversationsOf(cleo).size());
    }

    @Test
    void theSameCustomerOnTwoBrandAccountsHasTwoConversations() {
        Author dev = world.customer("Dev");
        intake.receive(world.mention(TestWorld.AIR, dev, "@SignetTestAir hi", null));
        intake.receive(world.mention(TestWorld.MOBILE, dev, "@SignetTestMobile hi", null));
        assertEquals(2, conversationsOf(dev).size());
    }

    @Test
    void aCustomerNamedInTheCrmIsLinkedByUserIdAndKeepsTheLinkAfterAHandleChange() {
        Author eva = world.customer("Eva Gold");
        String crmId = "CRM-" + eva.userId();
        crm.upsert(List.of(new CrmRecord(crmId, "Eva Goldberg", null, "gold", null, null, eva.userId(), eva.handle(), null)), "test");

        intake.receive(world.mention(TestWorld.AIR, eva, "@SignetTestAir hello", null));
        Author renamed = new Author(eva.userId(), "eva_new_handle_" + eva.userId().substring(10), "Eva G.");
        intake.receive(world.mention(TestWorld.AIR, renamed, "@SignetTestAir it's me again", null));

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createQuery(
                "select i.handle, c.crmId, c.loyaltyTier from SocialIdentity i join i.customer c where i.externalUserId = :id")
                .setParameter("id", eva.userId()).getSingleResult());
        assertEquals(renamed.handle(), row[0]);
        assertEquals(crmId, row[1]);
        assertEquals(LoyaltyTier.parse("gold"), row[2]);
        assertEquals(1, conversationsOf(eva).size(), "a new mention joins the customer's open public conversation");
    }

    @Test
    void anUnknownAuthorIsRecordedButNotLinked() {
        Author fay = world.customer("Fay");
        intake.receive(world.mention(TestWorld.AIR, fay, "@SignetTestAir hi", null));
        Object customer = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select i.customer from SocialIdentity i where i.externalUserId = :id")
                .setParameter("id", fay.userId()).getResultList().stream().findFirst().orElse(null));
        assertNull(customer);
    }

    @Test
    void aNewMessageOnAConversationWaitingOnTheCustomerReopensIt() {
        Author gus = world.customer("Gus");
        InboundMessage first = world.mention(TestWorld.AIR, gus, "@SignetTestAir hi", null);
        intake.receive(first);
        long id = conversationOfMessage(first.externalId());
        QuarkusTransaction.requiringNew().run(() -> em.find(Conversation.class, id).agentAnswered("hello ^MD", java.time.Instant.now()));
        intake.receive(world.mention(TestWorld.AIR, gus, "@SignetTestAir thanks but", first.externalId()));
        ConversationStatus status = QuarkusTransaction.requiringNew().call(() -> em.find(Conversation.class, id).status());
        assertEquals(ConversationStatus.OPEN, status);
    }

    @Test
    void aBatchThreadsRepliesToPostsOfTheSameBatchAndStoresRepeatsOnce() {
        Author hal = world.customer("Hal Batch");
        Author ida = world.customer("Ida Batch");
        InboundMessage first = world.mention(TestWorld.AIR, hal, "@SignetTestAir one", null);
        InboundMessage second = world.mention(TestWorld.AIR, hal, "@SignetTestAir two", first.externalId());
        InboundMessage other = world.mention(TestWorld.AIR, ida, "@SignetTestAir me too", second.externalId());
        InboundMessage dm = world.directMessage(TestWorld.AIR, ida, "1", "private detail");
        InboundMessage idaAgain = world.mention(TestWorld.AIR, ida, "@SignetTestAir since 9am", other.externalId());

        List<IntakeResult> results = intake.receiveAll(List.of(first, second, first, other, dm, second, idaAgain));

        assertEquals(List.of(IntakeResult.STORED, IntakeResult.STORED, IntakeResult.DUPLICATE, IntakeResult.STORED,
                IntakeResult.STORED, IntakeResult.DUPLICATE, IntakeResult.STORED), results);
        long thread = conversationOfMessage(first.externalId());
        assertEquals(thread, conversationOfMessage(second.externalId()));
        long idas = conversationOfMessage(other.externalId());
        assertNotEquals(thread, idas, "Ida's reply to Hal's post is Ida's matter");
        assertEquals(idas, conversationOfMessage(idaAgain.externalId()));
        assertEquals(thread, relatedOf(idas), "related to Hal's conversation, started in the same batch");
        assertNotEquals(thread, conversationOfMessage(dm.externalId()));
        assertNotEquals(idas, conversationOfMessage(dm.externalId()));
        assertEquals(1, messagesWithId(first.externalId()).size());
    }

    private List<Message> messagesWithId(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from Message m where m.externalId = :id", Message.class).setParameter("id", externalId).getResultList());
    }

    private long conversationOfMessage(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", externalId).getSingleResult());
    }

    private Long relatedOf(long conversation) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.related.id from Conversation c where c.id = :id", Long.class)
                .setParameter("id", conversation).getResultList().get(0));
    }

    private List<String> authorsIn(long conversation) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select distinct m.authorIdentity.externalUserId from Message m where m.conversation.id = :id", String.class)
                .setParameter("id", conversation).getResultList());
    }

    private long messagesIn(long conversation) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.conversation.id = :id", Long.class)
                .setParameter("id", conversation).getSingleResult());
    }

    private List<String> accountsOfConversations(Author author) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.account.accountKey from Conversation c where c.identity.externalUserId = :id order by c.account.accountKey",
                String.class).setParameter("id", author.userId()).getResultList());
    }

    private List<Long> conversationsOf(Author author) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.externalUserId = :id", Long.class)
                .setParameter("id", author.userId()).getResultList());
    }
}
