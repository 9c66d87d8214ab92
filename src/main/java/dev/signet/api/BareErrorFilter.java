package dev.signet.api;

import java.lang.annotation.Annotation;
import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives an API error answered without a body its problem: filters that abort a request with a bare status (the
 * CSRF filter's 400 for a form post without its token) would otherwise be the one API answer that is not
 * problem+json.
 */
public class BareErrorFilter {

    @ServerResponseFilter
    public void problem(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.getStatus() < 400 || response.hasEntity() || !(path.startsWith("/api/") || path.equals("/api"))) {
            return;
        }
        Response.StatusType status = response.getStatusInfo();
        String title = status.getReasonPhrase() == null ? "HTTP " + status.getStatusCode() : status.getReasonPhrase();
        String detail = status.getStatusCode() == 400
                ? "The request was refused before it reached the API: a form or multipart post needs the CSRF token of"
                        + " the page it came from; an API client sends JSON with HTTP Basic credentials."
                : title + ".";
        response.setEntity(new Problem(URI.create("/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")),
                title, status.getStatusCode(), detail, path, null), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
