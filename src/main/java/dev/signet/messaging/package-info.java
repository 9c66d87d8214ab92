/**
 * What the two transports of the {@code inbound} and {@code outbound} channels share (in-process on the embedded
 * default and in tests, Kafka in production): {@code MessagingConfig}, keyed messages and the JSON records Kafka
 * carries. Owns no table.
 */
package dev.signet.messaging;
