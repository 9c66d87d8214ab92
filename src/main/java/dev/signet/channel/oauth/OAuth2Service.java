package dev.signet.channel.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.signet.channel.ChannelConfig;
import dev.signet.secret.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * OAuth 2.0 user context per brand account: connect (Authorization Code + PKCE S256), refresh before expiry and once
 * after a 401, disconnect (revoked at X) and X's {@code oauth.revoke}. Tokens are sealed before they are stored and
 * opened only to be sent to X; logs name the account and X's error codes, never a token, code, state or verifier.
 *
 * <p>Calls to X are made outside transactions, except a refresh: it holds the grant's row lock while it calls X,
 * because X's refresh tokens are single use — two replicas refreshing at once would spend the same one and X would
 * refuse the second, disconnecting the account.
 */
@ApplicationScoped
public class OAuth2Service {

    private static final Logger LOG = Logger.getLogger(OAuth2Service.class);
    private static final int TOKEN_BYTES = 32;

    private final OAuth2Config config;
    private final ChannelConfig channels;
    private final OAuthGrantRepository grants;
    private final OAuthAttemptRepository attempts;
    private final XOAuth2Client x;
    private final SecretBox box;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuth2Service(OAuth2Config config, ChannelConfig channels, OAuthGrantRepository grants,
            OAuthAttemptRepository attempts, XOAuth2Client x, SecretBox box, Clock clock) {
        this.config = config;
        this.channels = channels;
        this.grants = grants;
        this.attempts = attempts;
        this.x = x;
        this.box = box;
        this.clock = clock;
    }

    /**
     * Starts a "Connect account": a PKCE pair and a single-use state, stored (hashed and sealed) with the admin and a
     * random browser binding that the caller sets as a cookie; answers X's authorization URL to send the admin to.
     */
    public ConnectStart begin(String accountKey, String username) {
        OAuth2Config.Client client = client(accountKey);
        Pkce pkce = Pkce.generate(random);
        String state = randomToken();
        String binding = randomToken();
        Instant now = clock.instant();
        String stateHash = sha256(state);
        QuarkusTransaction.requiringNew().run(() -> {
            attempts.deleteExpired(now);
            attempts.persist(new OAuthAttempt(stateHash, accountKey, username, sha256(binding),
                    box.seal(pkce.verifier(), verifierContext(stateHash)), now, now.plus(config.attemptTimeout())));
        });
        String url = client.authorizeUrl() + (client.authorizeUrl().contains("?") ? "&" : "?")
                + "response_type=code&client_id=" + encode(client.clientId())
                + "&redirect_uri=" + encode(client.redirectUri()) + "&scope=" + encode(client.scopes())
                + "&state=" + encode(state) + "&code_challenge=" + encode(pkce.challenge())
                + "&code_challenge_method=" + Pkce.METHOD;
        LOG.infof("oauth2 connect started: account=%s by=%s", accountKey, username);
        return new ConnectStart(url, binding);
    }

    /**
     * X's redirect back: the state must be one Signet issued, unused, unexpired and started in this browser; then
     * the code is exchanged with the PKCE verifier and the tokens are stored sealed.
     */
    public GrantView complete(String state, String code, String error, String browserBinding) {
        if (state == null || state.isBlank() || state.length() > 200) {
            throw new OAuth2ConnectException(400, "X's answer carries no valid state. Start again from Channel health.");
        }
        Instant now = clock.instant();
        String stateHash = sha256(state);
        OAuthAttempt attempt = QuarkusTransaction.requiringNew().call(() -> {
            OAuthAttempt found = attempts.findById(stateHash);
            // Single use: whoever deletes the row takes the attempt; a second callback with the state finds nothing.
            return found != null && attempts.delete("stateHash = ?1", stateHash) == 1 ? found : null;
        });
        if (attempt == null) {
            LOG.warnf("oauth2 callback refused: unknown or used state");
            throw new OAuth2ConnectException(400, "This connection attempt is unknown or was used already."
                    + " Start again from Channel health.");
        }
        if (attempt.expired(now)) {
            LOG.warnf("oauth2 callback refused: account=%s expired state", attempt.accountKey());
            throw new OAuth2ConnectException(400, "This connection attempt expired. Start again from Channel health.");
        }
        if (browserBinding == null || !MessageDigest.isEqual(sha256(browserBinding).getBytes(StandardCharsets.US_ASCII),
                attempt.bindingHash().getBytes(StandardCharsets.US_ASCII))) {
            LOG.warnf("oauth2 callback refused: account=%s state from another browser session", attempt.accountKey());
            throw new OAuth2ConnectException(400, "This connection attempt was started in another browser session."
                    + " Start again from Channel health, in this browser.");
        }
        if (error != null && !error.isBlank()) {
            LOG.infof("oauth2 connect not authorized: account=%s error=%s", attempt.accountKey(), clip(error));
            throw new OAuth2ConnectException(400, "X did not authorize the account (" + clip(error) + ").");
        }
        if (code == null || code.isBlank()) {
            throw new OAuth2ConnectException(400, "X's answer carries no authorization code. Start again.");
        }
        String accountKey = attempt.accountKey();
        OAuth2Config.Client client = client(accountKey);
        XOAuth2Client.TokenAnswer answer;
        try {
            answer = x.exchange(client, code, box.open(attempt.sealedVerifier(), verifierContext(stateHash)));
        } catch (OAuth2CallException e) {
            LOG.warnf("oauth2 code exchange failed: account=%s status=%d error=%s", accountKey, e.status(), e.error());
            throw new OAuth2ConnectException(502, "X refused the code exchange (" + e.error() + "). Start again from"
                    + " Channel health.");
        }
        OAuthGrant.SealedTokens sealed = seal(accountKey, answer, now);
        GrantView view = QuarkusTransaction.requiringNew().call(() -> {
            OAuthGrant grant = grants.findByIdOptional(accountKey).orElseGet(() -> new OAuthGrant(accountKey));
            grant.connected(attempt.username(), sealed, now);
            grants.persist(grant);
            return grant.view(true);
        });
        LOG.infof("oauth2 account connected: account=%s by=%s scopes=%s expires=%s", accountKey, attempt.username(),
                view.scopes(), view.expiresAt());
        return view;
    }

    /**
     * The admin's "Disconnect": both tokens revoked at X, then dropped here. When X's revoke fails the tokens are
     * dropped all the same and the failure is shown, so the admin can revoke the app on X.
     */
    public GrantView disconnect(String accountKey, String username) {
        OAuth2Config.Client client = client(accountKey);
        Optional<OAuthGrant> held = QuarkusTransaction.requiringNew().call(() -> grants.findByIdOptional(accountKey));
        List<String> failures = new ArrayList<>();
        held.filter(OAuthGrant::usable).ifPresent(grant -> {
            revokeAtX(client, accountKey, grant.sealedRefreshToken(), "refresh_token", failures);
            revokeAtX(client, accountKey, grant.sealedAccessToken(), "access_token", failures);
        });
        Instant now = clock.instant();
        String why = "disconnected by " + username + (failures.isEmpty() ? ""
                : "; X's revoke failed (" + String.join(", ", failures) + "): revoke the app on X too");
        GrantView view = QuarkusTransaction.requiringNew().call(() -> {
            OAuthGrant grant = grants.findById(accountKey);
            if (grant == null) {
                return GrantView.notConnected(accountKey, true);
            }
            grant.revoked(why, now);
            return grant.view(true);
        });
        LOG.infof("oauth2 account disconnected: account=%s by=%s revokedAtX=%s", accountKey, username,
                failures.isEmpty());
        return view;
    }

    /** X's {@code oauth.revoke} event for the account's user: the grant is marked revoked and its tokens dropped. */
    public void revokedByX(String accountKey) {
        Instant now = clock.instant();
        boolean had = QuarkusTransaction.requiringNew().call(() -> {
            OAuthGrant grant = grants.findById(accountKey);
            if (grant == null || grant.status() == GrantStatus.REVOKED) {
                return false;
            }
            grant.revoked("revoked on X (oauth.revoke)", now);
            return true;
        });
        LOG.warnf("oauth2 grant revoked on X: account=%s hadGrant=%s", accountKey, had);
    }

    /**
     * The account's user access token, refreshed first when it expires within {@code refresh-ahead}; empty when the
     * account is not connected (or revoked).
     */
    public Optional<String> accessToken(String accountKey) {
        Optional<OAuthGrant> grant = QuarkusTransaction.requiringNew().call(() -> grants.findByIdOptional(accountKey));
        if (grant.isEmpty() || !grant.get().usable()) {
            return Optional.empty();
        }
        if (due(grant.get(), clock.instant()) && grant.get().sealedRefreshToken() != null) {
            refresh(accountKey, false);
            grant = QuarkusTransaction.requiringNew().call(() -> grants.findByIdOptional(accountKey));
        }
        return grant.filter(OAuthGrant::usable)
                .map(g -> box.open(g.sealedAccessToken(), accessContext(accountKey)));
    }

    /**
     * Calls X with the account's user access token; when X answers 401 ({@link UserTokenRejectedException}) the token
     * is refreshed once and the call made again. Empty when the account has no user context.
     */
    public <T> Optional<T> withUserToken(String accountKey, Function<String, T> call) {
        Optional<String> token = accessToken(accountKey);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(call.apply(token.get()));
        } catch (UserTokenRejectedException e) {
            LOG.infof("oauth2 access token refused by X, refreshing once: account=%s", accountKey);
            if (!refresh(accountKey, true)) {
                throw e;
            }
            return Optional.ofNullable(call.apply(accessToken(accountKey).orElseThrow(() -> e)));
        }
    }

    @Scheduled(every = "${signet.channel.oauth2.refresh-every:60s}", identity = "oauth2-refresh",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refreshDue();
    }

    /** Refreshes every grant that expires within {@code refresh-ahead}; answers how many were refreshed. */
    public int refreshDue() {
        Instant before = clock.instant().plus(config.refreshAhead());
        List<String> due = QuarkusTransaction.requiringNew().call(() -> grants.dueBefore(before));
        int refreshed = 0;
        for (String accountKey : due) {
            if (config.accounts().containsKey(accountKey) && refresh(accountKey, false)) {
                refreshed++;
            }
        }
        return refreshed;
    }

    /**
     * Refreshes the grant under its row lock ({@code force}: even when not due, after a 401). False when there is
     * nothing to refresh with or X refused; the grant then shows "refresh failing".
     */
    boolean refresh(String accountKey, boolean force) {
        OAuth2Config.Client client = config.accounts().get(accountKey);
        if (client == null) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<OAuthGrant> locked = grants.locked(accountKey);
            if (locked.isEmpty() || !locked.get().usable() || locked.get().sealedRefreshToken() == null) {
                return false;
            }
            OAuthGrant grant = locked.get();
            Instant now = clock.instant();
            if (!force && !due(grant, now)) {
                return true;
            }
            try {
                XOAuth2Client.TokenAnswer answer = x.refresh(client,
                        box.open(grant.sealedRefreshToken(), refreshContext(accountKey)));
                grant.refreshed(seal(accountKey, answer, now), now);
                LOG.infof("oauth2 token refreshed: account=%s expires=%s", accountKey, grant.expiresAt());
                return true;
            } catch (OAuth2CallException e) {
                grant.refreshFailed("refresh failed: HTTP " + e.status() + " " + e.error()
                        + (e.retryable() ? " (will retry)" : " (connect the account again)"));
                LOG.warnf("oauth2 refresh failed: account=%s status=%d error=%s", accountKey, e.status(), e.error());
                return false;
            }
        });
    }

    /** Every configured brand account's user context, by key. */
    public List<GrantView> all() {
        Map<String, OAuthGrant> held = QuarkusTransaction.requiringNew().call(() -> grants.listAll().stream()
                .collect(java.util.stream.Collectors.toMap(OAuthGrant::accountKey, g -> g)));
        List<GrantView> views = new ArrayList<>();
        for (String key : new TreeSet<>(channels.accounts().keySet())) {
            boolean configured = config.accounts().containsKey(key);
            OAuthGrant grant = held.get(key);
            views.add(grant == null ? GrantView.notConnected(key, configured) : grant.view(configured));
        }
        return views;
    }

    /** At start, tokens sealed with an older key are sealed again with the current one (key rotation). */
    void resealWithCurrentKey(@Observes StartupEvent start) {
        int resealed = QuarkusTransaction.requiringNew().call(() -> {
            int n = 0;
            for (OAuthGrant grant : grants.listAll()) {
                if (grant.usable() && (box.sealedWithOlderKey(grant.sealedAccessToken())
                        || grant.sealedRefreshToken() != null && box.sealedWithOlderKey(grant.sealedRefreshToken()))) {
                    String key = grant.accountKey();
                    String refresh = grant.sealedRefreshToken() == null ? null
                            : box.seal(box.open(grant.sealedRefreshToken(), refreshContext(key)), refreshContext(key));
                    grant.resealed(box.seal(box.open(grant.sealedAccessToken(), accessContext(key)), accessContext(key)),
                            refresh);
                    n++;
                }
            }
            return n;
        });
        if (resealed > 0) {
            LOG.infof("oauth2 tokens sealed again with the current key: grants=%d", resealed);
        }
    }

    private void revokeAtX(OAuth2Config.Client client, String accountKey, String sealed, String hint,
            List<String> failures) {
        if (sealed == null) {
            return;
        }
        String context = "refresh_token".equals(hint) ? refreshContext(accountKey) : accessContext(accountKey);
        try {
            x.revoke(client, box.open(sealed, context), hint);
        } catch (OAuth2CallException e) {
            LOG.warnf("oauth2 revoke failed: account=%s token=%s status=%d error=%s", accountKey, hint, e.status(),
                    e.error());
            failures.add(hint + ": HTTP " + e.status() + " " + e.error());
        }
    }

    private OAuthGrant.SealedTokens seal(String accountKey, XOAuth2Client.TokenAnswer answer, Instant now) {
        return new OAuthGrant.SealedTokens(box.seal(answer.accessToken(), accessContext(accountKey)),
                answer.refreshToken() == null ? null : box.seal(answer.refreshToken(), refreshContext(accountKey)),
                clip(answer.scopes()), now.plusSeconds(answer.expiresIn()));
    }

    private boolean due(OAuthGrant grant, Instant now) {
        return grant.expiresAt() == null || grant.expiresAt().isBefore(now.plus(config.refreshAhead()));
    }

    private OAuth2Config.Client client(String accountKey) {
        OAuth2Config.Client client = config.accounts().get(accountKey);
        if (client == null || !channels.accounts().containsKey(accountKey)) {
            throw new OAuth2NotConfiguredException(accountKey);
        }
        return client;
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String clip(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}]", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) : oneLine;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String accessContext(String accountKey) {
        return "oauth_grant.access_token:" + accountKey;
    }

    static String refreshContext(String accountKey) {
        return "oauth_grant.refresh_token:" + accountKey;
    }

    private static String verifierContext(String stateHash) {
        return "oauth_attempt.code_verifier:" + stateHash;
    }

    /**
     * Where to send the admin, and the browser binding to set as a cookie. Its {@code toString} shows neither.
     *
     * @param authorizeUrl    X's authorization URL with the client, scopes, state and PKCE challenge
     * @param browserBinding  the random value the callback must come back with (as a cookie)
     */
    public record ConnectStart(String authorizeUrl, String browserBinding) {

        @Override
        public String toString() {
            return "ConnectStart[***]";
        }
    }
}
