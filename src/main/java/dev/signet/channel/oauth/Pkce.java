package dev.signet.channel.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636): a random verifier kept by Signet and its S256 challenge sent to X. Hand-written: it is one
 * SHA-256 and base64url, which no OAuth library in this build offers on its own.
 *
 * @param verifier  43 characters of base64url (32 random bytes)
 * @param challenge {@code BASE64URL(SHA256(ASCII(verifier)))}, without padding
 */
record Pkce(String verifier, String challenge) {

    static final String METHOD = "S256";

    static Pkce generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Pkce(verifier, challengeOf(verifier));
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + ", verifier=***]";
    }
}
