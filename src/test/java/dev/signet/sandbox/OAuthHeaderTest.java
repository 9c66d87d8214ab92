package dev.signet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OAuthHeaderTest {

    @Test
    void readsPercentEncodedParameters() {
        OAuthHeader header = OAuthHeader.parse("OAuth oauth_consumer_key=\"sandbox-consumer-key\", "
                + "oauth_nonce=\"abc\",oauth_signature=\"a%2Bb%3D\",oauth_token=\"tok%20en%2B1\",oauth_version=\"1.0\"")
                .orElseThrow();
        assertEquals("sandbox-consumer-key", header.consumerKey().orElseThrow());
        assertEquals("tok en+1", header.token().orElseThrow());
        assertEquals("a+b=", header.parameters().get("oauth_signature"));
    }

    @Test
    void otherSchemesAreNotOAuth() {
        assertTrue(OAuthHeader.parse("Basic dXNlcjpwYXNz").isEmpty());
        assertTrue(OAuthHeader.parse(null).isEmpty());
    }
}
