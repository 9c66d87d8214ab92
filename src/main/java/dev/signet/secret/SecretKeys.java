package dev.signet.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys {@link SecretBox} seals and opens with: the current one (by id) and the older ones still opened. Its
 * {@code toString} names the ids only, never a key.
 *
 * @param currentId the id sealed values are written with
 * @param keys      every key by id, the current one included
 */
record SecretKeys(String currentId, Map<String, SecretKey> keys) {

    static final int KEY_BYTES = 32;
    private static final String ID_PATTERN = "[A-Za-z0-9_-]{1,16}";

    SecretKeys {
        keys = Map.copyOf(keys);
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /** Reads the keys from config; fails with a message that says what to set when the key is missing or bad. */
    static SecretKeys from(SecretConfig config, SecureRandom random) {
        if (!config.keyId().matches(ID_PATTERN)) {
            throw new IllegalStateException("signet.secret.key-id must be 1 to 16 letters, digits, - or _");
        }
        Map<String, SecretKey> keys = new HashMap<>();
        config.previousKeys().forEach((id, value) -> {
            if (!id.matches(ID_PATTERN)) {
                throw new IllegalStateException("signet.secret.previous-keys: bad key id " + id);
            }
            keys.put(id, decode("signet.secret.previous-keys." + id, value));
        });
        String current = config.key().map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
        if (current != null) {
            keys.put(config.keyId(), decode("signet.secret.key", current));
        } else if (config.generatedKeyFile().isPresent()) {
            keys.put(config.keyId(), decode("signet.secret.generated-key-file",
                    generatedOnce(config.generatedKeyFile().get(), random)));
        } else {
            throw new IllegalStateException("signet.secret.key is not set: Signet seals the OAuth tokens it stores with"
                    + " it. Set SIGNET_SECRET_KEY to base64 of 32 random bytes (openssl rand -base64 32), from a"
                    + " Kubernetes Secret; see docs/features/oauth.md");
        }
        return new SecretKeys(config.keyId(), keys);
    }

    private static SecretKey decode(String name, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(name + " must be 32 bytes (AES-256), base64-encoded; it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The embedded default's key: read from the file, or generated into it (owner-only where the file system says so). */
    private static String generatedOnce(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("signet.secret.generated-key-file " + file + " can't be read or written", e);
        }
    }

    @Override
    public String toString() {
        return "SecretKeys[current=" + currentId + ", ids=" + keys.keySet() + ", keys=***]";
    }
}
