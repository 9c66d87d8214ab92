/**
 * The two X connectors behind {@code channel.ChannelConnector}: {@code Twitter4jXConnector} (API v1.1, the only
 * class that imports {@code twitter4j}) and {@code XApiV2Connector} (API v2, a typed REST client), with OAuth 1.0a
 * signing, rate-limit headers and the mapping of X failures to causes. Owns no table.
 */
package dev.signet.channel.x;
