/**
 * Pulling from X: the {@code ChannelConnector} SPI and its networks, brand accounts with their cursors
 * ({@code channel_account}), the poll lease across replicas, per-endpoint health ({@code channel_endpoint}), the
 * poller and rate-limit spreading, hand-over of what was read to intake ({@code InboundHandOver}: in-process or
 * Kafka), hourly message volume ({@code hourly_volume}), the silence alarm and the X cost meter ({@code api_usage},
 * {@code api_read_day}). Rooms: {@code channel.x} (the X connectors), {@code channel.gap} (mention gaps),
 * {@code channel.push} (X Activity API), {@code channel.oauth} (OAuth 2.0 user context). Depends on no care feature.
 */
package dev.signet.channel;
