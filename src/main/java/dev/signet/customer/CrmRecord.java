package dev.signet.customer;

/**
 * One customer as the CRM knows them.
 *
 * @param crmId      the CRM's key
 * @param name       full name
 * @param email      optional email
 * @param tier       loyalty tier
 * @param xUserId    the customer's X user id, if the CRM knows it (links automatically)
 * @param xHandle    the customer's X handle, for display until they write
 * @param notes      free notes
 */
public record CrmRecord(String crmId, String name, String email, LoyaltyTier tier, String xUserId, String xHandle,
        String notes) {
}
