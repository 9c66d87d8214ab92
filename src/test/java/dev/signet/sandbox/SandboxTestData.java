package dev.signet.sandbox;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

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

    /**
     * A correctly signed OAuth 1.0a header for a request without form body (the query is signed), as X expects
     * it: for tests that call the sandbox without a client library.
     */
    static String authorization(String method, String url, String token, String tokenSecret) {
        URI uri = URI.create(url);
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", CONSUMER_KEY);
        oauth.put("oauth_nonce", UUID.randomUUID().toString().replace("-", ""));
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        oauth.put("oauth_token", token);
        oauth.put("oauth_version", "1.0");
        List<OAuthSignature.Parameter> parameters = new ArrayList<>(SignedRequest.parseQuery(uri.getRawQuery()));
        oauth.forEach((name, value) -> parameters.add(new OAuthSignature.Parameter(name, value)));
        String signature = OAuthSignature.sign(method,
                OAuthSignature.normalizeUrl(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath()), parameters,
                CONSUMER_SECRET, tokenSecret);
        oauth.put("oauth_signature", signature);
        return "OAuth " + oauth.entrySet().stream()
                .map(e -> OAuthSignature.percentEncode(e.getKey()) + "=\"" + OAuthSignature.percentEncode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    record Brand(SandboxUserView user, String token, String tokenSecret) {
        String handle() {
            return user.handle();
        }

        /** A signed {@code Authorization} header of this brand for one request. */
        String authorization(String method, String url) {
            return SandboxTestData.authorization(method, url, token, tokenSecret);
        }

        TwitterV1 twitter(URL restBaseUrl) {
            return SandboxTestData.twitter(restBaseUrl, token, tokenSecret);
        }
    }
}
