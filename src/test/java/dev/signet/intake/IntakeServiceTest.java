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
    void aReplyJoinsTheConversationOfThePostItAnswersEvenFromAnotherCustomer() {
        Author ana = world.customer("Ana");
        Author ben = world.customer("Ben");
        InboundMessage first = world.mention(TestWorld.AIR, ana, "@SignetTestAir flight delayed 3h", null);
        InboundMessage followUp = world.mention(TestWorld.AIR, ana, "@SignetTestAir still nothing", first.externalId());
        InboundMessage other = world.mention(TestWorld.AIR, ben, "@SignetTestAir same here!", first.externalId());
        intake.receive(first);
        intake.receive(followUp);
        intake.receive(other);

        long conversation = conversationOfMessage(first.externalId());
        assertEquals(conversation, conversationOfMessage(followUp.externalId()));
        assertEquals(conversation, conversationOfMessage(other.externalId()));
        assertEquals(0, conversationsOf(ben).size(), "Ben's reply lives in Ana's thread, not in a new one");
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

        List<IntakeResult> results = intake.receiveAll(List.of(first, second, first, other, dm, second));

        assertEquals(List.of(IntakeResult.STORED, IntakeResult.STORED, IntakeResult.DUPLICATE, IntakeResult.STORED,
                IntakeResult.STORED, IntakeResult.DUPLICATE), results);
        long thread = conversationOfMessage(first.externalId());
        assertEquals(thread, conversationOfMessage(second.externalId()));
        assertEquals(thread, conversationOfMessage(other.externalId()));
        assertNotEquals(thread, conversationOfMessage(dm.externalId()));
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

    private List<Long> conversationsOf(Author author) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.identity.externalUserId = :id", Long.class)
                .setParameter("id", author.userId()).getResultList());
    }
}
