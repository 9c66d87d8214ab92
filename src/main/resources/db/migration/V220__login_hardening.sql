-- Company login (OIDC) and local passwords in production (issue 18 §1).
-- identity_source: 'local' (password in password_hash) or 'oidc' (created at first login through the company's
-- identity provider; its password_hash is an unusable random hash and a password login is refused).
alter table app_user add column identity_source varchar(16) default 'local' not null;
-- Lockout after repeated failed password logins: counted per user, locked until the given time; cleared on success
-- or by an admin.
alter table app_user add column failed_logins integer default 0 not null;
alter table app_user add column locked_until timestamp with time zone;
-- The first admin made with the one-time bootstrap token must choose a new password before anything else.
alter table app_user add column must_change_password boolean default false not null;

-- The one-time first-admin bootstrap: one row once it has been used; the primary key makes a second use fail.
create table bootstrap_use (
    id          integer primary key,
    username    varchar(64) not null,
    used_at     timestamp with time zone not null,
    constraint ck_bootstrap_use_once check (id = 1)
);
