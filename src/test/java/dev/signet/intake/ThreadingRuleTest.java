package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.signet.care.ConversationKind;
import dev.signet.intake.ThreadingRule.Decision;
import dev.signet.intake.ThreadingRule.Incoming;
import dev.signet.intake.ThreadingRule.Parent;

class ThreadingRuleTest {

    private static final long ACCOUNT = 1;
    private static final long ANA = 100;
    private static final long BEN = 200;

    @Test
    void aCustomersReplyToAPostOfTheirOwnConversationJoinsIt() {
        Incoming reply = new Incoming(ACCOUNT, ConversationKind.PUBLIC, ANA,
                Optional.of(new Parent(7, ACCOUNT, ConversationKind.PUBLIC, ANA)));
        // Even when the author has another open conversation, the reply chain wins.
        Decision decision = ThreadingRule.decide(reply, Optional.of(9L));
        assertEquals(Optional.of(7L), decision.conversationId());
        assertEquals(Optional.empty(), decision.related());
    }

    @Test
    void aReplyToAnotherCustomersPostStartsTheRepliersOwnConversationRelatedToTheirs() {
        Incoming reply = new Incoming(ACCOUNT, ConversationKind.PUBLIC, BEN,
                Optional.of(new Parent(7, ACCOUNT, ConversationKind.PUBLIC, ANA)));
        Decision decision = ThreadingRule.decide(reply, Optional.empty());
        assertTrue(decision.startsNew(), "Ben's matter is not merged into Ana's conversation");
        assertEquals(Optional.of(7L), decision.related());
    }

    @Test
    void aReplyToAnotherCustomersPostJoinsTheRepliersOpenConversationRelatedToTheirs() {
        Incoming reply = new Incoming(ACCOUNT, ConversationKind.PUBLIC, BEN,
                Optional.of(new Parent(7, ACCOUNT, ConversationKind.PUBLIC, ANA)));
        Decision decision = ThreadingRule.decide(reply, Optional.of(12L));
        assertEquals(Optional.of(12L), decision.conversationId());
        assertEquals(Optional.of(7L), decision.related());
    }

    @Test
    void aReplyToAPostOfAnotherBrandAccountDoesNotCrossAccounts() {
        Incoming reply = new Incoming(ACCOUNT, ConversationKind.PUBLIC, ANA,
                Optional.of(new Parent(7, 2, ConversationKind.PUBLIC, ANA)));
        Decision decision = ThreadingRule.decide(reply, Optional.empty());
        assertTrue(decision.startsNew());
        assertEquals(Optional.empty(), decision.related(), "no link across brand accounts either");
    }

    @Test
    void aPublicMessageWithoutKnownParentJoinsTheAuthorsOpenPublicConversation() {
        Incoming mention = new Incoming(ACCOUNT, ConversationKind.PUBLIC, ANA, Optional.empty());
        assertEquals(Optional.of(9L), ThreadingRule.decide(mention, Optional.of(9L)).conversationId());
    }

    @Test
    void aFirstMentionStartsANewConversation() {
        Incoming mention = new Incoming(ACCOUNT, ConversationKind.PUBLIC, ANA, Optional.empty());
        Decision decision = ThreadingRule.decide(mention, Optional.empty());
        assertTrue(decision.startsNew());
        assertEquals(Optional.empty(), decision.related());
    }

    @Test
    void aDirectMessageJoinsTheOpenDmConversation() {
        Incoming dm = new Incoming(ACCOUNT, ConversationKind.DM, ANA, Optional.empty());
        assertEquals(Optional.of(4L), ThreadingRule.decide(dm, Optional.of(4L)).conversationId());
    }

    @Test
    void aDirectMessageNeverJoinsAPublicThreadThroughAParent() {
        Incoming dm = new Incoming(ACCOUNT, ConversationKind.DM, ANA,
                Optional.of(new Parent(7, ACCOUNT, ConversationKind.PUBLIC, ANA)));
        Decision decision = ThreadingRule.decide(dm, Optional.empty());
        assertTrue(decision.startsNew());
        assertEquals(Optional.empty(), decision.related());
    }

    @Test
    void aPublicReplyToADmParentIsNotThreadedIntoTheDm() {
        Incoming reply = new Incoming(ACCOUNT, ConversationKind.PUBLIC, ANA,
                Optional.of(new Parent(7, ACCOUNT, ConversationKind.DM, ANA)));
        assertTrue(ThreadingRule.decide(reply, Optional.empty()).startsNew());
    }
}
