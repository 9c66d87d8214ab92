package dev.signet.api;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on what one request may bring, so that no input keeps a worker busy for long. The largest body of all is
 * {@code quarkus.http.limits.max-body-size} (the CRM upload's ceiling); these keys set the smaller ones.
 */
@ConfigMapping(prefix = "signet.api.limits")
public interface ApiLimitsConfig {

    /**
     * Largest request body, in bytes, of any route but the uploads below: ample for a JSON body or a form (a DM is
     * at most 10,000 characters), small enough that a runaway body is refused (413 problem+json) before it is read.
     */
    @WithDefault("1048576")
    long bodyBytes();

    /**
     * Path prefixes of the upload routes (the CRM import, 10 MB files), which {@code quarkus.http.limits.max-body-size}
     * alone bounds.
     */
    @WithDefault("/api/customers/import,/admin/crm")
    List<String> uploadPaths();

    /**
     * Largest body of the login form post, in bytes: a user name and a password, each within Vert.x's form
     * attribute limit ({@code quarkus.http.limits.max-form-attribute-size}, 2 KB), which a longer one broke with a
     * 500.
     */
    @WithDefault("2048")
    long loginBodyBytes();
}
