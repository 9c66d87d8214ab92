package dev.signet.customer;

import java.math.BigDecimal;

/**
 * One customer as the CRM knows them (a CSV row or an item of the upsert API).
 *
 * @param crmId         the CRM's key (required)
 * @param name          full name (required)
 * @param email         optional email
 * @param loyaltyTier   loyalty tier as the CRM writes it ({@code gold}); blank means none
 * @param lifetimeValue lifetime value (≥ 0); null means 0
 * @param tags          tags separated by commas or semicolons
 * @param xUserId       the customer's X user id, if the CRM knows it (links automatically)
 * @param xHandle       the customer's X handle (links automatically only while no user id is known)
 * @param notes         free notes
 */
public record CrmRecord(String crmId, String name, String email, String loyaltyTier, BigDecimal lifetimeValue,
        String tags, String xUserId, String xHandle, String notes) {
}
