package dev.signet.sandbox;

/**
 * The v1.1 and v2 endpoints the sandbox serves, with X's requests-per-15-minutes budget per user token and the
 * resource family and name X lists them under (v1.1 in {@code application/rate_limit_status.json}; v2 has no
 * such endpoint and reports budgets only in the headers).
 */
public enum XEndpoint {
    VERIFY_CREDENTIALS("account", "/account/verify_credentials", 75),
    MENTIONS_TIMELINE("statuses", "/statuses/mentions_timeline", 75),
    STATUSES_UPDATE("statuses", "/statuses/update", 300),
    USER_TIMELINE("statuses", "/statuses/user_timeline", 900),
    DIRECT_MESSAGES_LIST("direct_messages", "/direct_messages/events/list", 15),
    // X counts DM sends per day (about 1,000); a 15-minute window of the same size is close enough for tests.
    DIRECT_MESSAGES_NEW("direct_messages", "/direct_messages/events/new", 1000),
    USERS_LOOKUP("users", "/users/lookup", 900),
    SEARCH_TWEETS("search", "/search/tweets", 180),
    RATE_LIMIT_STATUS("application", "/application/rate_limit_status", 180),
    /** Any path the sandbox does not know; X answers 404 but still sends rate-limit headers. */
    UNKNOWN("unknown", "/unknown", 180),
    V2_USERS_ME("users", "/2/users/me", 75),
    V2_USERS_LOOKUP("users", "/2/users", 900),
    V2_MENTIONS("users", "/2/users/:id/mentions", 300),
    V2_USER_TWEETS("users", "/2/users/:id/tweets", 900),
    V2_DM_EVENTS("dm_events", "/2/dm_events", 15),
    V2_CREATE_TWEET("tweets", "/2/tweets", 100),
    V2_SEARCH_RECENT("tweets", "/2/tweets/search/recent", 180),
    V2_CREATE_DM("dm_conversations", "/2/dm_conversations/with/:participant_id/messages", 15),
    V2_CONVERSATION_DM_EVENTS("dm_conversations", "/2/dm_conversations/with/:participant_id/dm_events", 15),
    V2_UNKNOWN("unknown", "/2/unknown", 180);

    private final String family;
    private final String resource;
    private final int limitPer15Minutes;

    XEndpoint(String family, String resource, int limitPer15Minutes) {
        this.family = family;
        this.resource = resource;
        this.limitPer15Minutes = limitPer15Minutes;
    }

    public String family() {
        return family;
    }

    public String resource() {
        return resource;
    }

    public int limitPer15Minutes() {
        return limitPer15Minutes;
    }

    /** Whether this is an X API v2 endpoint (not listed by v1.1's rate-limit status). */
    public boolean v2() {
        return resource.startsWith("/2/");
    }
}
