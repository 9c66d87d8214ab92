package dev.signet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Claim mapping of the company login: claim names, nested claims, the role-name mapping, initials from names. */
class IdpClaimsTest {

    private static SecurityConfig.Oidc config(String rolesClaim, Map<String, String> mapping) {
        return new SecurityConfig.Oidc() {
            @Override
            public String rolesClaim() {
                return rolesClaim;
            }

            @Override
            public Map<String, String> roleMapping() {
                return mapping;
            }

            @Override
            public String initialsClaim() {
                return "initials";
            }

            @Override
            public String nameClaim() {
                return "name";
            }

            @Override
            public String usernameClaim() {
                return "preferred_username";
            }
        };
    }

    @Test
    void groupsMapToSignetRolesAndTheStrongestIsStored() {
        Map<String, Object> claims = Map.of("preferred_username", "mdiaz", "name", "María Díaz", "initials", "md",
                "groups", List.of("/acme/care-agents", "care-leads", "marketing"));
        IdpUser user = IdpClaims.map(claims::get, config("groups", Map.of("care-agents", "agent", "care-leads", "lead")))
                .orElseThrow();
        assertEquals("mdiaz", user.username());
        assertEquals("María Díaz", user.displayName());
        assertEquals("md", user.initials());
        assertEquals(Set.of("agent", "lead"), user.roles());
        assertEquals("lead", user.role());
    }

    @Test
    void aNestedClaimIsReachedByItsPathAndSignetNamesMapToThemselves() {
        Map<String, Object> claims = Map.of("sub", "f81d4fae", "realm_access", Map.of("roles", List.of("admin", "uma")));
        IdpUser user = IdpClaims.map(claims::get, config("realm_access/roles", Map.of())).orElseThrow();
        assertEquals("f81d4fae", user.username(), "sub when the user name claim is absent");
        assertEquals("f81d4fae", user.displayName());
        assertEquals("admin", user.role());
    }

    @Test
    void noMappedGroupGivesNoRoleAndNoUserNameGivesNobody() {
        Map<String, Object> claims = new HashMap<>(Map.of("preferred_username", "x", "groups", "marketing sales"));
        assertNull(IdpClaims.map(claims::get, config("groups", Map.of("care", "agent"))).orElseThrow().role());
        assertTrue(IdpClaims.map(Map.<String, Object> of("groups", List.of("agent"))::get, config("groups", Map.of())).isEmpty());
        // A mapping to a name Signet doesn't know grants nothing.
        assertTrue(IdpClaims.roles(List.of("care"), Map.of("care", "superuser")).isEmpty());
    }

    @Test
    void initialsFromANameSkipAccentsAndOfferLongerOnes() {
        assertEquals(List.of("MD", "MDI", "MAD"), IdpClaims.initialsFromName("María Díaz"));
        assertEquals(List.of("XW", "XWO", "XAW"), IdpClaims.initialsFromName("Xavier Yusuf-Wong"));
        assertEquals(List.of("CH", "CHE"), IdpClaims.initialsFromName("Cher"));
        assertEquals(List.of(), IdpClaims.initialsFromName("李雷"));
    }
}
