package dev.signet.secret;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The key that seals the secrets Signet stores in its database (docs/features/oauth.md, "Secrets at rest"). */
@ConfigMapping(prefix = "signet.secret")
public interface SecretConfig {

    /**
     * The current AES-256 key: base64 of 32 random bytes ({@code openssl rand -base64 32}). In production it comes from
     * the environment ({@code SIGNET_SECRET_KEY}, from a Kubernetes Secret); without it (and without
     * {@link #generatedKeyFile()}) Signet does not start.
     */
    Optional<String> key();

    /**
     * The id of {@link #key()}, stored with every value it seals (letters, digits, {@code -} and {@code _}, at most 16).
     * Give a new key a new id when you rotate, and keep the old key in {@link #previousKeys()}.
     */
    @WithDefault("k1")
    String keyId();

    /**
     * Older keys by id (base64, as {@link #key()}), e.g. {@code signet.secret.previous-keys.k1=...}: values sealed with
     * them are still opened, and sealed again with the current key at start.
     */
    Map<String, String> previousKeys();

    /**
     * When no {@link #key()} is set: a file where a key is generated once and kept (the embedded default uses one in
     * its data directory). Never set it in production: the key would sit next to the data it protects.
     */
    Optional<Path> generatedKeyFile();
}
