/**
 * Secrets at rest: every secret Signet stores in its database (OAuth 2.0 access and refresh tokens, PKCE verifiers)
 * is sealed with AES-256-GCM by {@link dev.signet.secret.SecretBox} before it is written, under a key from
 * {@code signet.secret.key} whose id is stored with each value so keys can rotate. Owns no tables.
 */
package dev.signet.secret;
