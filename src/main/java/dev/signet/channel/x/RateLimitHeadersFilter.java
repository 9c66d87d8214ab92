package dev.signet.channel.x;

import java.time.Instant;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import org.jboss.logging.Logger;

import dev.signet.channel.ApiCall;
import dev.signet.channel.RateLimitBudget;

/**
 * Records the {@code x-rate-limit-*} headers of every X API v2 response (a 429 included) in the account's
 * {@link RateLimitBudget}, so the poller knows how much of each window is left.
 */
final class RateLimitHeadersFilter implements ClientResponseFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitHeadersFilter.class);

    private final String accountKey;
    private final RateLimitBudget budget;

    RateLimitHeadersFilter(String accountKey, RateLimitBudget budget) {
        this.accountKey = accountKey;
        this.budget = budget;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getHeaders() == null) {
            // No answer at all (the read timed out): nothing to learn, and the caller sees the timeout.
            return;
        }
        String limit = response.getHeaderString("x-rate-limit-limit");
        String remaining = response.getHeaderString("x-rate-limit-remaining");
        String reset = response.getHeaderString("x-rate-limit-reset");
        if (limit == null || remaining == null || reset == null) {
            return;
        }
        try {
            budget.observed(accountKey, callOf(request), Integer.parseInt(limit.strip()),
                    Integer.parseInt(remaining.strip()), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
        } catch (NumberFormatException e) {
            // X sent headers we can't read: keep the last known budget rather than fail a good response.
            LOG.warnf("unreadable rate-limit headers: account=%s limit=%s remaining=%s reset=%s", accountKey, limit,
                    remaining, reset);
        }
    }

    /** Which budget a request spends, from its path (v2: /users/{id}/mentions, /dm_events, /tweets, …). */
    static ApiCall callOf(ClientRequestContext request) {
        String path = request.getUri().getPath();
        if (path.endsWith("/mentions")) {
            return ApiCall.MENTIONS;
        }
        if (path.endsWith("/tweets/search/recent")) {
            return ApiCall.SEARCH;
        }
        if (path.endsWith("/dm_events")) {
            return ApiCall.DIRECT_MESSAGES;
        }
        if (path.endsWith("/tweets") && path.contains("/users/")) {
            return ApiCall.USER_TIMELINE;
        }
        if (path.endsWith("/tweets")) {
            return ApiCall.PUBLISH;
        }
        if (path.contains("/dm_conversations/")) {
            return ApiCall.SEND_DM;
        }
        return ApiCall.VERIFY;
    }
}
