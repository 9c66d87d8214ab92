package dev.signet.sandbox;

import java.net.URL;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import twitter4j.Twitter;
import twitter4j.v1.TwitterV1;

/** Unique test data for the sandbox tests (each test makes its own) and Twitter4J clients pointed at the sandbox. */
final class SandboxTestData {

    static final String CONSUMER_KEY = "sandbox-consumer-key";
    static final String CONSUMER_SECRET = "sandbox-consumer-secret";

    private SandboxTestData() {
    }

    /** A handle no other test uses: the prefix (at most 8 characters) plus 10 random base-36 characters. */
    static String uniqueHandle(String prefix) {
        StringBuilder handle = new StringBuilder(prefix).append('_');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            handle.append(Character.forDigit(random.nextInt(36), 36));
        }
        return handle.toString();
    }

    /** A brand with a fresh handle and access token. */
    static Brand newBrand(SandboxService sandbox) {
        String handle = uniqueHandle("brand");
        String token = "token-" + handle;
        SandboxUserView user = sandbox.ensureUser(handle, "Brand " + handle, true, token, "secret-" + handle);
        return new Brand(user, token, "secret-" + handle);
    }

    static SandboxUserView newCustomer(SandboxService sandbox) {
        String handle = uniqueHandle("cust");
        return sandbox.createCustomer(handle, "Customer " + handle);
    }

    static TwitterV1 twitter(URL restBaseUrl, String token, String tokenSecret) {
        Properties properties = new Properties();
        // Unprefixed key, with a trailing slash: a "twitter4j."-prefixed key would be ignored and X itself called.
        properties.setProperty("restBaseURL", restBaseUrl.toString());
        return Twitter.newBuilder()
                .load(properties)
                .oAuthConsumer(CONSUMER_KEY, CONSUMER_SECRET)
                .oAuthAccessToken(token, tokenSecret)
                .build()
                .v1();
    }

    record Brand(SandboxUserView user, String token, String tokenSecret) {
        String handle() {
            return user.handle();
        }

        TwitterV1 twitter(URL restBaseUrl) {
            return SandboxTestData.twitter(restBaseUrl, token, tokenSecret);
        }
    }
}
