package dev.signet.care;

import dev.signet.customer.LoyaltyTier;

/**
 * What the agent sees of the customer beside a conversation.
 *
 * @param customerId null while the author is not linked to a known customer
 * @param linkRule   why the identity is linked (e.g. CRM_USER_ID), or null
 */
public record CustomerPanel(Long customerId, String name, String crmId, LoyaltyTier loyaltyTier, String email,
        String notes, String handle, String displayName, String xUserId, String linkRule) {

    public boolean known() {
        return customerId != null;
    }
}
