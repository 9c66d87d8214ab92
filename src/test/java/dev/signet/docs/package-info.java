/**
 * Documentation generated from the code so it can't drift: {@code docs/configuration.md}'s table of Signet's keys
 * comes from the {@code @ConfigMapping} interfaces ({@link dev.signet.docs.ConfigurationDoc}), and
 * {@link dev.signet.docs.ConfigurationDocTest} fails the build when the committed file differs.
 */
package dev.signet.docs;
