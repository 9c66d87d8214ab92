package dev.signet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import twitter4j.TwitterException;
import twitter4j.v1.TwitterV1;

/** With enforcement on, the sixteenth DM list call in a window gets X's 429, which Twitter4J reports as such. */
@QuarkusTest
@TestProfile(SandboxRateLimitEnforcementTest.EnforcedLimits.class)
class SandboxRateLimitEnforcementTest {

    public static class EnforcedLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("signet.sandbox.enforce-rate-limits", "true", "signet.sandbox.rate-limit-scale", "1");
        }
    }

    @TestHTTPResource("/sandbox/x/1.1/")
    URL restBaseUrl;

    @Inject
    SandboxService sandbox;

    @Test
    void aSpentBudgetIsRefusedWith429AndCode88() throws TwitterException {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        TwitterV1 twitter = brand.twitter(restBaseUrl);
        for (int i = 0; i < 15; i++) {
            twitter.directMessages().getDirectMessages(50);
        }

        TwitterException refused = assertThrows(TwitterException.class, () -> twitter.directMessages().getDirectMessages(50));

        assertEquals(429, refused.getStatusCode());
        assertEquals(88, refused.getErrorCode());
        assertTrue(refused.exceededRateLimitation());
        assertEquals(0, refused.getRateLimitStatus().getRemaining());
        assertTrue(refused.getRateLimitStatus().getSecondsUntilReset() > 0);
        // Other endpoints keep their own budget.
        twitter.timelines().getMentionsTimeline();
    }
}
