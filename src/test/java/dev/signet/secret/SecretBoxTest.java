package dev.signet.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM sealing: round trip, fresh nonce, context binding, tampering, rotation, missing or bad keys. */
class SecretBoxTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aSealedValueOpensWithItsContextAndHidesThePlaintext() {
        SecretBox box = box(KEY_A, "k1", Map.of());
        String sealed = box.seal("access-token-123", "ctx:a");
        assertTrue(sealed.startsWith("v1.k1."), sealed);
        assertFalse(sealed.contains("access-token-123"));
        assertEquals("access-token-123", box.open(sealed, "ctx:a"));
        assertNotEquals(sealed, box.seal("access-token-123", "ctx:a"), "a fresh nonce per value");
    }

    @Test
    void anotherContextAnAlteredValueOrAnUnknownKeyIsRefused() {
        SecretBox box = box(KEY_A, "k1", Map.of());
        String sealed = box.seal("refresh-token", "oauth_grant.refresh_token:a");
        assertThrows(SecretUnreadableException.class, () -> box.open(sealed, "oauth_grant.refresh_token:b"));
        // One character of the ciphertext changed (not the last: its low bits may be base64 padding).
        int at = sealed.length() - 5;
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThrows(SecretUnreadableException.class, () -> box.open(altered, "oauth_grant.refresh_token:a"));
        assertThrows(SecretUnreadableException.class, () -> box.open("plain-text", "x"));
        assertThrows(SecretUnreadableException.class, () -> box.open(null, "x"));
        SecretBox other = box(KEY_B, "k2", Map.of());
        SecretUnreadableException e = assertThrows(SecretUnreadableException.class,
                () -> other.open(sealed, "oauth_grant.refresh_token:a"));
        assertTrue(e.getMessage().contains("k1"));
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        String old = box(KEY_A, "k1", Map.of()).seal("token", "c");
        SecretBox rotated = box(KEY_B, "k2", Map.of("k1", KEY_A));
        assertEquals("token", rotated.open(old, "c"));
        assertTrue(rotated.sealedWithOlderKey(old));
        String fresh = rotated.seal("token", "c");
        assertTrue(fresh.startsWith("v1.k2."));
        assertFalse(rotated.sealedWithOlderKey(fresh));
    }

    @Test
    void aMissingOrBadKeyStopsTheStartWithAClearMessage() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SecretKeys.from(config(null, "k1", Map.of(), null), new SecureRandom()));
        assertTrue(missing.getMessage().contains("SIGNET_SECRET_KEY"), missing.getMessage());
        IllegalStateException short16 = assertThrows(IllegalStateException.class, () -> SecretKeys.from(
                config(Base64.getEncoder().encodeToString(new byte[16]), "k1", Map.of(), null), new SecureRandom()));
        assertTrue(short16.getMessage().contains("32 bytes"));
        assertThrows(IllegalStateException.class,
                () -> SecretKeys.from(config("not base64!", "k1", Map.of(), null), new SecureRandom()));
        assertThrows(IllegalStateException.class,
                () -> SecretKeys.from(config(KEY_A, "bad.id", Map.of(), null), new SecureRandom()));
    }

    @Test
    void theEmbeddedKeyIsGeneratedOnceAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/secret.key");
        SecretBox first = new SecretBox(SecretKeys.from(config(null, "k1", Map.of(), file), new SecureRandom()),
                new SecureRandom());
        String sealed = first.seal("kept", "c");
        assertTrue(Files.exists(file));
        SecretBox again = new SecretBox(SecretKeys.from(config(null, "k1", Map.of(), file), new SecureRandom()),
                new SecureRandom());
        assertEquals("kept", again.open(sealed, "c"));
    }

    @Test
    void noKeyInToString() {
        SecretKeys keys = SecretKeys.from(config(KEY_B, "k2", Map.of(), null), new SecureRandom());
        String shown = keys + " " + new SecretBox(keys, new SecureRandom());
        assertFalse(shown.contains(KEY_B));
        assertFalse(shown.contains("0123456789abcdef"));
        assertTrue(shown.contains("***"));
    }

    private static SecretBox box(String key, String id, Map<String, String> previous) {
        return new SecretBox(SecretKeys.from(config(key, id, previous, null), new SecureRandom()), new SecureRandom());
    }

    private static SecretConfig config(String key, String id, Map<String, String> previous, Path file) {
        return new SecretConfig() {
            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public String keyId() {
                return id;
            }

            @Override
            public Map<String, String> previousKeys() {
                return previous;
            }

            @Override
            public Optional<Path> generatedKeyFile() {
                return Optional.ofNullable(file);
            }
        };
    }
}
