/**
 * The fake X the embedded default and the tests talk to: API v1.1, v2, the Activity API (stream, webhooks, CRC) and
 * OAuth 2.0, its console and JSON API, fault modes, the load generator and the demo world. Owns the
 * {@code sandbox_*} tables; absent from production.
 */
package dev.signet.sandbox;
