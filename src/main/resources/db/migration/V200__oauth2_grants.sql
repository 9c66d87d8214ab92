-- OAuth 2.0 user context per brand account (channel.oauth). Tokens and PKCE verifiers are sealed with AES-256-GCM
-- (secret.SecretBox: "v1.<key id>.<nonce>.<ciphertext>"), never stored in plain text.
create table oauth_grant (
    account_key    varchar(64) primary key,
    status         varchar(16) not null,
    access_token   varchar(2000),
    refresh_token  varchar(2000),
    scopes         varchar(500) not null,
    expires_at     timestamp with time zone,
    connected_by   varchar(64) not null,
    connected_at   timestamp with time zone not null,
    refreshed_at   timestamp with time zone,
    revoked_at     timestamp with time zone,
    failure        varchar(300)
);

-- One pending "Connect account": found by the SHA-256 of its state, bound to the admin and to a cookie of the
-- admin's browser (its SHA-256), single use (deleted when the callback takes it), expires.
create table oauth_attempt (
    state_hash     varchar(64) primary key,
    account_key    varchar(64) not null,
    username       varchar(64) not null,
    binding_hash   varchar(64) not null,
    code_verifier  varchar(500) not null,
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null
);
create index ix_oauth_attempt_expires on oauth_attempt (expires_at);
