/**
 * Customers and their social identities: the profile one person keeps across mentions, DMs and CRM data. Owns
 * {@code customer}, {@code social_identity}, {@code handle_history}, {@code link_suggestion}, {@code customer_merge},
 * {@code pinned_fact} and {@code customer_note}. Offers CRM import and export ({@code CrmResource}), linking and its
 * suggestions ({@code LinkRule}), merge and undo (audited through {@code audit}), pinned facts, customer notes,
 * search, and the customer timeline merged from the {@code TimelineContributor}s other features provide.
 */
package dev.signet.customer;
