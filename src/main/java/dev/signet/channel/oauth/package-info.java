/**
 * OAuth 2.0 user context per brand account, which X requires for private events (DMs) of its Activity API: the
 * admin's "Connect account" (Authorization Code with PKCE S256, a single-use {@code state} bound to the admin's
 * browser), the code exchange, access and refresh tokens sealed at rest ({@link dev.signet.secret.SecretBox}),
 * refreshed before expiry and once after a 401, and revocation (the admin's "Disconnect", or X's
 * {@code oauth.revoke} event). Owns {@code oauth_grant} and {@code oauth_attempt}. OAuth 1.0a keys stay in
 * {@code signet.channel.accounts} for what still needs them.
 */
package dev.signet.channel.oauth;
