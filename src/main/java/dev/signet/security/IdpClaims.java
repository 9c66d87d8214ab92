package dev.signet.security;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule that turns an identity provider's token claims into a Signet user: user name, display name, initials and
 * roles, with the claim names and the role-name mapping of {@code signet.security.oidc.*}. A token whose groups map to
 * no Signet role gives a user without roles (a 403 page, not a login failure).
 */
final class IdpClaims {

    /** Strongest first: the role stored on a user whose groups map to several. */
    static final List<String> PRECEDENCE = List.of(Role.ADMIN, Role.LEAD, Role.AGENT, Role.BRAND_MANAGER);

    private IdpClaims() {
    }

    /**
     * The user these claims describe, or empty when they name nobody (no user name and no subject).
     *
     * @param claim a token's claim by name (null when absent)
     */
    static Optional<IdpUser> map(Function<String, Object> claim, SecurityConfig.Oidc config) {
        String username = text(claim.apply(config.usernameClaim()));
        if (username == null) {
            username = text(claim.apply("sub"));
        }
        if (username == null) {
            return Optional.empty();
        }
        String name = text(claim.apply(config.nameClaim()));
        Set<String> roles = roles(claimAt(claim, config.rolesClaim()), config.roleMapping());
        String role = PRECEDENCE.stream().filter(roles::contains).findFirst().orElse(null);
        String initials = text(claim.apply(config.initialsClaim()));
        return Optional.of(new IdpUser(username, name == null ? username : name, initials, role, roles));
    }

    /** The Signet roles the provider's group or role names map to (Signet's own names map to themselves). */
    static Set<String> roles(Object claimValue, Map<String, String> mapping) {
        Set<String> roles = new LinkedHashSet<>();
        for (String group : strings(claimValue)) {
            // Groups may come as paths ("/signet/agents"): the mapping may name the path or its last segment.
            String last = group.substring(group.lastIndexOf('/') + 1);
            for (String candidate : List.of(group, last)) {
                String mapped = mapping.get(candidate);
                if (mapped != null && Role.isKnown(mapped)) {
                    roles.add(mapped);
                } else if (Role.isKnown(candidate)) {
                    roles.add(candidate);
                }
            }
        }
        return roles;
    }

    /** A claim reached through nested objects by a {@code /} path, e.g. {@code realm_access/roles}. */
    static Object claimAt(Function<String, Object> claim, String path) {
        String[] steps = path.split("/");
        Object value = claim.apply(steps[0]);
        for (int i = 1; i < steps.length && value != null; i++) {
            value = value instanceof Map<?, ?> map ? map.get(steps[i]) : jsonMember(value, steps[i]);
        }
        return value;
    }

    /** Initials to try, in order, from a full name: first and last name's initials, then longer ones. */
    static List<String> initialsFromName(String name) {
        List<String> words = new ArrayList<>();
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        for (String word : plain.split("[^A-Za-z]+")) {
            if (!word.isEmpty()) {
                words.add(word.toUpperCase(Locale.ROOT));
            }
        }
        if (words.isEmpty()) {
            return List.of();
        }
        String first = words.get(0);
        String last = words.get(words.size() - 1);
        List<String> out = new ArrayList<>();
        if (words.size() > 1) {
            out.add("" + first.charAt(0) + last.charAt(0));
            if (last.length() > 1) {
                out.add("" + first.charAt(0) + last.charAt(0) + last.charAt(1));
            }
            if (first.length() > 1) {
                out.add("" + first.charAt(0) + first.charAt(1) + last.charAt(0));
            }
        } else if (first.length() > 1) {
            out.add(first.substring(0, Math.min(2, first.length())));
            if (first.length() > 2) {
                out.add(first.substring(0, 3));
            }
        }
        return out;
    }

    private static Object jsonMember(Object value, String name) {
        if (value instanceof jakarta.json.JsonObject json) {
            return json.get(name);
        }
        return null;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> addText(out, v));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> addText(out, v));
        } else if (value != null) {
            // Some providers send one group as a space- or comma-separated string.
            for (String part : String.valueOf(text(value)).split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static void addText(List<String> out, Object value) {
        String text = text(value);
        if (text != null) {
            out.add(text);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : String.valueOf(value);
        text = text.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }
}
