package dev.signet.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * HTTP of the fake X's OAuth 2.0, in X's shapes: {@code <x-base-path>/i/oauth2/authorize} (an approve page, or at
 * once with {@code signet.sandbox.oauth2.auto-approve}; then a redirect to the client's {@code redirect_uri} with
 * {@code code} and {@code state}), {@code <x-base-path>/2/oauth2/token} ({@code authorization_code} with PKCE,
 * {@code refresh_token} with rotation) and {@code <x-base-path>/2/oauth2/revoke}; errors as X's
 * {@code {"error", "error_description"}}. Registered before the v2 catch-all.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxOAuth2Routes {

    private static final long BODY_LIMIT_BYTES = 8 * 1024;

    private final SandboxConfig sandbox;
    private final SandboxOAuth2 oauth;
    private final ObjectMapper json;
    private final Template approve;

    public SandboxOAuth2Routes(SandboxConfig sandbox, SandboxOAuth2 oauth, ObjectMapper json,
            @Location("SandboxOAuth2Routes/approve.html") Template approve) {
        this.sandbox = sandbox;
        this.oauth = oauth;
        this.json = json;
        this.approve = approve;
    }

    void init(@Observes Router router) {
        String base = XHttp.trimTrailingSlash(sandbox.xBasePath());
        int order = -200;
        router.get(base + "/i/oauth2/authorize").order(order++).handler(this::authorize);
        router.route(base + "/2/oauth2/*").order(order++)
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.post(base + "/2/oauth2/token").order(order++).handler(ctx -> answer(ctx, () -> token(ctx)));
        router.post(base + "/2/oauth2/revoke").order(order++).handler(ctx -> answer(ctx, () -> {
            clientOf(ctx);
            oauth.revoke(ctx.request().getFormAttribute("token"));
            return json.createObjectNode().put("revoked", true);
        }));
    }

    private void authorize(RoutingContext ctx) {
        MultiMap q = ctx.queryParams();
        String clientId = q.get("client_id");
        String redirectUri = q.get("redirect_uri");
        String state = q.get("state");
        String challenge = q.get("code_challenge");
        String method = q.get("code_challenge_method");
        String scope = q.get("scope");
        String problem = null;
        if (!"code".equals(q.get("response_type"))) {
            problem = "response_type must be code.";
        } else if (!oauth.config().clientId().equals(clientId)) {
            problem = "Unknown client_id.";
        } else if (redirectUri == null || !redirectUri.matches("https?://.+")) {
            problem = "redirect_uri is missing or not a URL.";
        } else if (state == null || state.isBlank() || state.length() > 500) {
            problem = "state is required (at most 500 characters).";
        } else if (challenge == null || !challenge.matches("[A-Za-z0-9._~-]{43,128}")) {
            problem = "code_challenge is required.";
        } else if (!"S256".equals(method) && !"plain".equals(method)) {
            problem = "code_challenge_method must be S256 or plain.";
        } else if (scope == null || scope.isBlank()
                || !Arrays.stream(scope.split(" ")).allMatch(SandboxOAuth2.SCOPES::contains)) {
            problem = "scope is missing or names a scope X does not have.";
        }
        if (problem != null) {
            html(ctx, 400, approve.data("problem", problem).data("scopes", null).data("approveUrl", null)
                    .data("denyUrl", null).render());
            return;
        }
        String decision = q.get("decision");
        if ("deny".equals(decision)) {
            redirect(ctx, redirectUri, "error=access_denied&state=" + encode(state));
        } else if ("approve".equals(decision) || oauth.config().autoApprove()) {
            String code = oauth.approve(clientId, redirectUri, challenge, method, scope);
            redirect(ctx, redirectUri, "state=" + encode(state) + "&code=" + encode(code));
        } else {
            String self = ctx.request().uri();
            html(ctx, 200, approve.data("problem", null).data("scopes", Arrays.asList(scope.split(" ")))
                    .data("approveUrl", self + "&decision=approve").data("denyUrl", self + "&decision=deny").render());
        }
    }

    private ObjectNode token(RoutingContext ctx) {
        if (oauth.fault() == SandboxOAuth2.Fault.TOKEN_SERVER_ERROR) {
            throw new SandboxOAuth2.Refusal(503, "server_error", "Service Unavailable");
        }
        String clientId = clientOf(ctx);
        String grantType = ctx.request().getFormAttribute("grant_type");
        SandboxOAuth2.Issued issued;
        if ("authorization_code".equals(grantType)) {
            issued = oauth.exchange(clientId, ctx.request().getFormAttribute("code"),
                    ctx.request().getFormAttribute("redirect_uri"), ctx.request().getFormAttribute("code_verifier"));
        } else if ("refresh_token".equals(grantType)) {
            issued = oauth.refresh(ctx.request().getFormAttribute("refresh_token"));
        } else {
            throw new SandboxOAuth2.Refusal(400, "unsupported_grant_type", "Value passed for grant_type was invalid.");
        }
        ObjectNode body = json.createObjectNode().put("token_type", "bearer").put("expires_in", issued.expiresIn())
                .put("access_token", issued.accessToken()).put("scope", issued.scopes());
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        return body;
    }

    /** The client: HTTP Basic (confidential) or {@code client_id} in the body (public), as X takes them. */
    private String clientOf(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        String expected = oauth.config().clientId();
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new SandboxOAuth2.Refusal(401, "unauthorized_client", "Missing valid authorization header");
            }
            String secret = oauth.config().clientSecret().orElse(null);
            if (secret == null || !pair.equals(encode(expected) + ":" + encode(secret))) {
                throw new SandboxOAuth2.Refusal(401, "unauthorized_client", "Missing valid authorization header");
            }
            return expected;
        }
        if (oauth.config().clientSecret().isPresent()) {
            throw new SandboxOAuth2.Refusal(401, "unauthorized_client", "Missing valid authorization header");
        }
        if (!expected.equals(ctx.request().getFormAttribute("client_id"))) {
            throw new SandboxOAuth2.Refusal(400, "invalid_request", "Missing required parameter [client_id].");
        }
        return expected;
    }

    private void answer(RoutingContext ctx, java.util.function.Supplier<ObjectNode> action) {
        try {
            ObjectNode body = action.get();
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(body.toString());
        } catch (SandboxOAuth2.Refusal e) {
            ctx.response().setStatusCode(e.status()).putHeader("Content-Type", "application/json")
                    .end(json.createObjectNode().put("error", e.error()).put("error_description", e.getMessage())
                            .toString());
        }
    }

    private static void redirect(RoutingContext ctx, String redirectUri, String query) {
        ctx.response().setStatusCode(302)
                .putHeader("Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + query).end();
    }

    private static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8").end(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
