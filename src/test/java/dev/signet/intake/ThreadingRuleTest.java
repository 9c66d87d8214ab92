package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.signet.care.ConversationKind;
import dev.signet.intake.ThreadingRule.Incoming;
import dev.signet.intake.ThreadingRule.Parent;

class ThreadingRuleTest {

    private static final long ACCOUNT = 1;

    @Test
    void aPublicReplyJoinsTheConversationOfThePostItAnswers() {
        Incoming reply = new Incoming(ACCOUNT, ConversationKind.PUBLIC, Optional.of(new Parent(7, ACCOUNT, ConversationKind.PUBLIC)));
        // Even when the author has another open conversation, the reply chain wins.
        assertEquals(Optional.of(7L), ThreadingRule.decide(reply, Optional.of(9L)).conversationId());
    }

    @Test
    void aReplyToAPostOfAnotherBrandAccountDoesNotCrossAccounts() {
        Incoming reply = new Incoming(ACCOUNT, ConversationKind.PUBLIC, Optional.of(new Parent(7, 2, ConversationKind.PUBLIC)));
        assertTrue(ThreadingRule.decide(reply, Optional.empty()).startsNew());
    }

    @Test
    void aPublicMessageWithoutKnownParentJoinsTheAuthorsOpenPublicConversation() {
        Incoming mention = new Incoming(ACCOUNT, ConversationKind.PUBLIC, Optional.empty());
        assertEquals(Optional.of(9L), ThreadingRule.decide(mention, Optional.of(9L)).conversationId());
    }

    @Test
    void aFirstMentionStartsANewConversation() {
        Incoming mention = new Incoming(ACCOUNT, ConversationKind.PUBLIC, Optional.empty());
        assertTrue(ThreadingRule.decide(mention, Optional.empty()).startsNew());
    }

    @Test
    void aDirectMessageJoinsTheOpenDmConversation() {
        Incoming dm = new Incoming(ACCOUNT, ConversationKind.DM, Optional.empty());
        assertEquals(Optional.of(4L), ThreadingRule.decide(dm, Optional.of(4L)).conversationId());
    }

    @Test
    void aDirectMessageNeverJoinsAPublicThreadThroughAParent() {
        Incoming dm = new Incoming(ACCOUNT, ConversationKind.DM, Optional.of(new Parent(7, ACCOUNT, ConversationKind.PUBLIC)));
        assertTrue(ThreadingRule.decide(dm, Optional.empty()).startsNew());
    }

    @Test
    void aPublicReplyToADmParentIsNotThreadedIntoTheDm() {
        Incoming reply = new Incoming(ACCOUNT, ConversationKind.PUBLIC, Optional.of(new Parent(7, ACCOUNT, ConversationKind.DM)));
        assertTrue(ThreadingRule.decide(reply, Optional.empty()).startsNew());
    }
}
