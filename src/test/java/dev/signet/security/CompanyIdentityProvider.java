package dev.signet.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * A company identity provider for the tests, played by WireMock in the test JVM on a free port of 127.0.0.1 (no
 * Docker, no network): OIDC discovery, the signing keys (JWKS), the token endpoint of the code flow and an end-session
 * endpoint, in the shapes Keycloak serves. Tokens are signed here with an RSA key made for the run; the test gets
 * this object injected to make tokens for any user, expired ones, ones from another issuer or signed by another key.
 */
public class CompanyIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "signet";
    static final String REALM_PATH = "/realms/acme";
    private static final String KEY_ID = "test-key-1";

    private WireMockServer server;
    private KeyPair keys;
    private KeyPair otherKeys;

    @Override
    public Map<String, String> start() {
        keys = rsa();
        otherKeys = rsa();
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String issuer = issuer();
        server.stubFor(get(urlPathEqualTo(REALM_PATH + "/.well-known/openid-configuration")).willReturn(json("""
                {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "end_session_endpoint":"%1$s/protocol/openid-connect/logout",
                 "response_types_supported":["code"],"id_token_signing_alg_values_supported":["RS256"]}
                """.formatted(issuer))));
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        server.stubFor(get(urlPathEqualTo(REALM_PATH + "/protocol/openid-connect/certs")).willReturn(json("""
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}
                """.formatted(KEY_ID, base64Url(publicKey.getModulus()), base64Url(publicKey.getPublicExponent())))));
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", "test-client-secret-0123456789-abcdefghij",
                "quarkus.oidc.token.audience", CLIENT_ID,
                "signet.security.oidc.roles-claim", "realm_access/roles",
                "signet.security.oidc.role-mapping.\"care-agents\"", "agent",
                "signet.security.oidc.role-mapping.\"care-leads\"", "lead",
                "signet.security.oidc.role-mapping.\"/brand/managers\"", "brand-manager",
                "signet.security.oidc.role-mapping.\"it-admins\"", "admin");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(CompanyIdentityProvider.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.port() + REALM_PATH;
    }

    /** An access token (bearer) for this user with these provider groups, valid for 5 minutes. */
    String token(String username, String name, String initials, Collection<String> groups) {
        return claims(username, name, initials, groups, issuer(), Instant.now().plusSeconds(300)).jws().keyId(KEY_ID)
                .sign(keys.getPrivate());
    }

    String expiredToken(String username, Collection<String> groups) {
        return claims(username, username, null, groups, issuer(), Instant.now().minusSeconds(3600)).jws().keyId(KEY_ID)
                .sign(keys.getPrivate());
    }

    String tokenFromAnotherIssuer(String username, Collection<String> groups) {
        return claims(username, username, null, groups, "http://127.0.0.1:1/realms/other", Instant.now().plusSeconds(300))
                .jws().keyId(KEY_ID).sign(keys.getPrivate());
    }

    /** Signed with a key the provider never published, under the published key's id. */
    String tokenWithBadSignature(String username, Collection<String> groups) {
        PrivateKey other = otherKeys.getPrivate();
        return claims(username, username, null, groups, issuer(), Instant.now().plusSeconds(300)).jws().keyId(KEY_ID)
                .sign(other);
    }

    /** The code flow's token endpoint answers any code with an ID token and an access token for this user. */
    void answerCodeFor(String username, String name, String initials, Collection<String> groups) {
        String token = token(username, name, initials, groups);
        server.stubFor(post(urlPathEqualTo(REALM_PATH + "/protocol/openid-connect/token")).willReturn(json("""
                {"access_token":"%1$s","id_token":"%1$s","token_type":"Bearer","expires_in":300}
                """.formatted(token))));
    }

    private static JwtClaimsBuilder claims(String username, String name, String initials, Collection<String> groups,
            String issuer, Instant expires) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject("sub-" + username)
                .audience(CLIENT_ID)
                .claim("preferred_username", username)
                .claim("name", name)
                .claim("realm_access", Map.of("roles", groups))
                .issuedAt(expires.minusSeconds(600))
                .expiresAt(expires);
        if (initials != null) {
            claims.claim("initials", initials);
        }
        return claims;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
