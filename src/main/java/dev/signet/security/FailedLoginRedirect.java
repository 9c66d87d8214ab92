package dev.signet.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * With both form login and HTTP Basic enabled, Quarkus answers a failed form login with the Basic challenge
 * (401 and a browser password dialog). This sends the person back to the login form with a readable message
 * instead. Only the form's post location is concerned.
 */
@ApplicationScoped
public class FailedLoginRedirect {

    static final String POST_LOCATION = "/j_security_check";
    static final String ERROR_PAGE = "/login?error=true";

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, POST_LOCATION).order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (context.response().getStatusCode() == 401) {
                    context.response().setStatusCode(302);
                    context.response().headers().remove("WWW-Authenticate");
                    context.response().headers().set(HttpHeaders.LOCATION, ERROR_PAGE);
                }
            });
            context.next();
        });
    }
}
