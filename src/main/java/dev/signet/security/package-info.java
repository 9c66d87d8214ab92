/**
 * Users and roles over {@code app_user} (initials included): form login and HTTP Basic against local passwords
 * (lockout after repeated failures, the one-time first-admin bootstrap, forced password change), and company login
 * through the identity provider (OIDC: code flow for pages, bearer tokens for the API) with roles, names and initials
 * mapped from token claims; CSRF for requests made with a session cookie.
 */
package dev.signet.security;
