package dev.signet.security;

import java.util.Set;

/**
 * A person as the company's identity provider describes them in a token, after claim mapping.
 *
 * @param role  the Signet role stored on the user (the strongest of {@code roles})
 * @param roles every Signet role the token's groups map to; empty when none does
 */
public record IdpUser(String username, String displayName, String initials, String role, Set<String> roles) {
}
