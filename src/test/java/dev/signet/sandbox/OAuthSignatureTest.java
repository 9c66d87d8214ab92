package dev.signet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 5849 signatures, checked against the worked example X publishes in its "Creating a signature" guide. */
class OAuthSignatureTest {

    @Test
    void xsPublishedExampleSignsToItsPublishedSignature() {
        List<OAuthSignature.Parameter> parameters = List.of(
                new OAuthSignature.Parameter("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
                new OAuthSignature.Parameter("include_entities", "true"),
                new OAuthSignature.Parameter("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"),
                new OAuthSignature.Parameter("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
                new OAuthSignature.Parameter("oauth_signature_method", "HMAC-SHA1"),
                new OAuthSignature.Parameter("oauth_timestamp", "1318622958"),
                new OAuthSignature.Parameter("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
                new OAuthSignature.Parameter("oauth_version", "1.0"));

        String signature = OAuthSignature.sign("post", "https://api.twitter.com/1.1/statuses/update.json", parameters,
                "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

        assertEquals("hCtSmYh+iHYCEqBWrE7C7hYmtUk=", signature);
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertEquals("Ladies%20%2B%20Gentlemen", OAuthSignature.percentEncode("Ladies + Gentlemen"));
        assertEquals("An%20encoded%20string%21", OAuthSignature.percentEncode("An encoded string!"));
        assertEquals("Dogs%2C%20Cats%20%26%20Mice", OAuthSignature.percentEncode("Dogs, Cats & Mice"));
        assertEquals("%E2%98%83", OAuthSignature.percentEncode("\u2603"));
        assertEquals("-._~", OAuthSignature.percentEncode("-._~"));
    }

    @Test
    void theUrlIsNormalizedWithoutDefaultPortAndQuery() {
        assertEquals("https://api.x.com/2/tweets", OAuthSignature.normalizeUrl("HTTPS", "API.X.com:443", "/2/tweets"));
        assertEquals("http://127.0.0.1:8081/sandbox/x/2/users/me",
                OAuthSignature.normalizeUrl("http", "127.0.0.1:8081", "/sandbox/x/2/users/me"));
        assertEquals("http://example.com/", OAuthSignature.normalizeUrl("http", "example.com:80", ""));
    }

    @Test
    void signaturesAreComparedExactly() {
        assertTrue(OAuthSignature.matches("abc=", "abc="));
        assertFalse(OAuthSignature.matches("abc=", "abd="));
        assertFalse(OAuthSignature.matches("abc=", null));
    }
}
