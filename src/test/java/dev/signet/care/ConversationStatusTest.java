package dev.signet.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConversationStatusTest {

    @Test
    void customerMessagesKeepNewAndReopenTheRest() {
        assertEquals(ConversationStatus.NEW, ConversationStatus.NEW.afterCustomerMessage());
        assertEquals(ConversationStatus.OPEN, ConversationStatus.WAITING_ON_CUSTOMER.afterCustomerMessage());
        assertEquals(ConversationStatus.OPEN, ConversationStatus.WAITING_ON_US.afterCustomerMessage());
        assertEquals(ConversationStatus.OPEN, ConversationStatus.RESOLVED.afterCustomerMessage());
    }

    @Test
    void aReplyWaitsOnTheCustomer() {
        for (ConversationStatus status : ConversationStatus.values()) {
            assertEquals(ConversationStatus.WAITING_ON_CUSTOMER, status.afterAgentReply());
        }
    }

    @Test
    void agentsMoveAlongTheAllowedEdgesOnly() {
        assertTrue(ConversationStatus.NEW.agentMayChangeTo(ConversationStatus.RESOLVED));
        assertTrue(ConversationStatus.OPEN.agentMayChangeTo(ConversationStatus.WAITING_ON_US));
        assertTrue(ConversationStatus.WAITING_ON_US.agentMayChangeTo(ConversationStatus.WAITING_ON_CUSTOMER));
        assertTrue(ConversationStatus.RESOLVED.agentMayChangeTo(ConversationStatus.OPEN));

        assertFalse(ConversationStatus.RESOLVED.agentMayChangeTo(ConversationStatus.WAITING_ON_US), "reopen first");
        assertFalse(ConversationStatus.OPEN.agentMayChangeTo(ConversationStatus.NEW), "only a first message is new");
        assertFalse(ConversationStatus.OPEN.agentMayChangeTo(ConversationStatus.OPEN), "no change");
        assertFalse(ConversationStatus.OPEN.agentMayChangeTo(null));
    }
}
