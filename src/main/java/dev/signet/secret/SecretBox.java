package dev.signet.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/**
 * Seals and opens the secrets Signet stores: AES-256-GCM (the JDK's {@code javax.crypto}), a random 96-bit nonce per
 * value, the key id stored with the ciphertext so keys can rotate, and a context (e.g. the column and account) as
 * associated data, so a sealed value copied to another row or column does not open. A sealed value reads
 * {@code v1.<key id>.<base64url nonce>.<base64url ciphertext and tag>}.
 *
 * <p>Hand-written on the JDK rather than a library (Tink): the JDK's AES-GCM is the primitive such libraries wrap,
 * and the format here is a few lines; {@code @Startup} so a missing key stops the start, not the first connect.
 */
@ApplicationScoped
@Startup
public class SecretBox {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeys keys;
    private final SecureRandom random;

    @Inject
    SecretBox(SecretConfig config) {
        this(SecretKeys.from(config, new SecureRandom()), new SecureRandom());
    }

    SecretBox(SecretKeys keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** Seals {@code plaintext} with the current key, bound to {@code context} (which must be given again to open it). */
    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return VERSION + "." + keys.currentId() + "." + b64.encodeToString(nonce) + "." + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens a value {@link #seal sealed} with {@code context}; a value that was altered, sealed for another context or
     * with a key Signet no longer has is refused ({@link SecretUnreadableException}), never returned garbled.
     */
    public String open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new SecretUnreadableException("not a sealed value");
        }
        SecretKey key = keys.keys().get(parts[1]);
        if (key == null) {
            throw new SecretUnreadableException("sealed with key id " + parts[1] + ", which is not configured");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] nonce = b64.decode(parts[2]);
            if (nonce.length != NONCE_BYTES) {
                throw new SecretUnreadableException("bad nonce");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
            return new String(cipher.doFinal(b64.decode(parts[3])), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretUnreadableException("altered, or sealed for another context or key");
        }
    }

    /** Whether a sealed value was written with an older key (and should be sealed again with the current one). */
    public boolean sealedWithOlderKey(String sealed) {
        String[] parts = sealed.split("\\.", -1);
        return parts.length != 4 || !keys.currentId().equals(parts[1]);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        byte[] aad = context.getBytes(StandardCharsets.UTF_8);
        cipher.updateAAD(ByteBuffer.allocate(4 + aad.length).putInt(aad.length).put(aad).array());
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretBox[" + keys + "]";
    }
}
