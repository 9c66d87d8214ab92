package dev.signet.sentiment;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test suite runs with sentiment scoring off ({@code %test.signet.sentiment.enabled=false}); the sentiment tests
 * switch it on in this one profile. Reason: ONNX Runtime's and the tokenizer's native libraries can be loaded by one
 * class loader per JVM only, and Quarkus gives every test profile its own class loader — so only one profile of the
 * suite may load the models.
 */
public class SentimentTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("signet.sentiment.enabled", "true");
    }
}
