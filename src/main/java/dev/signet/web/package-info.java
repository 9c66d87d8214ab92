/**
 * The pages: Qute templates with htmx (queue, conversation, customers, insights, admin pages, notifications, login,
 * account). Each {@code XxxPage} reads through the features' services and hands records, never entities, to its
 * {@code @CheckedTemplate}. Owns no table.
 */
package dev.signet.web;
