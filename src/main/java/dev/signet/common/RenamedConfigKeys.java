package dev.signet.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Config prefixes follow packages ({@code signet.<package>.…}). Keys set under a prefix that was renamed are refused
 * at start with a message naming the new key, so a renamed setting is never silently ignored. Reads every source:
 * {@code application.properties} (any profile), system properties and environment variables.
 */
@ApplicationScoped
class RenamedConfigKeys {

    /** Old prefix → new prefix, both ending in a dot. */
    static final Map<String, String> RENAMED = Map.of(
            "signet.crm.", "signet.customer.crm.",
            "signet.notes.", "signet.care.note.",
            "signet.publisher.", "signet.reply.publisher.",
            "signet.canned.", "signet.reply.canned.");

    private final Config config;

    RenamedConfigKeys(Config config) {
        this.config = config;
    }

    /** Runs before the other start-up observers: nothing starts on a configuration that names old keys. */
    void refuseOldKeys(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        List<String> found = refused(config.getPropertyNames());
        if (!found.isEmpty()) {
            throw new IllegalStateException("Renamed configuration keys are set; rename them and start again: "
                    + String.join("; ", found));
        }
    }

    /** One message per old key among {@code names}, e.g. "signet.crm.tiers is now signet.customer.crm.tiers". */
    static List<String> refused(Iterable<String> names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            boolean env = isEnvironmentName(name);
            String profile = "";
            String key = env ? name.toLowerCase(Locale.ROOT).replace('_', '.') : name;
            if (key.startsWith("%") && key.indexOf('.') > 0) {
                profile = key.substring(0, key.indexOf('.') + 1);
                key = key.substring(profile.length());
            }
            for (Map.Entry<String, String> rename : RENAMED.entrySet()) {
                if (key.startsWith(rename.getKey())) {
                    String renamed = rename.getValue() + key.substring(rename.getKey().length());
                    found.add(name + " is now " + (env ? environmentName(renamed) : profile + renamed));
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static boolean isEnvironmentName(String name) {
        return name.indexOf('.') < 0 && name.equals(name.toUpperCase(Locale.ROOT)) && name.indexOf('_') > 0;
    }

    private static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
