package dev.signet.api;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Turns every failure into a clear answer: an RFC 9457 problem ({@code application/problem+json}) under
 * {@code /api} and for clients that ask for JSON, a readable HTML page (or the login redirect) for browsers.
 * Written here rather than taken from a library because the same mapping must also serve the Qute pages.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String PROBLEM_KEY = "signet.problem.";

    /** The constraint messages and the titles of the problems they name. */
    private final ResourceBundle validationMessages = ResourceBundle.getBundle("ValidationMessages", Locale.ROOT);

    private final Instance<SecurityIdentity> identity;
    /** The layout's data for the error page; {@code web} provides it (absent only where no page is served). */
    private final Instance<PageFrames> frames;

    public ProblemMappers(Instance<SecurityIdentity> identity, Instance<PageFrames> frames) {
        this.identity = identity;
        this.frames = frames;
    }

    @CheckedTemplate(basePath = "ErrorPage")
    static class Templates {
        static native TemplateInstance error(PageFrame frame, int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.status(), e.slug(), e.title(), e.detail(), null, uri, headers);
    }

    /**
     * Bean Validation on request records and parameters: 400 with the fields that failed in {@code errors}. When every
     * violated constraint names the same problem ({@code message = "{signet.problem.<slug>}"}, see
     * {@code ValidationMessages.properties}) the answer is that problem, its title and its message as the detail;
     * otherwise {@code invalid-request} with one line per field.
     */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .distinct()
                .toList();
        Set<String> named = e.getConstraintViolations().stream().map(v -> namedProblem(v.getMessageTemplate()))
                .collect(Collectors.toSet());
        if (named.size() == 1 && !named.contains("")) {
            String slug = named.iterator().next();
            String title = validationMessages.containsKey(PROBLEM_KEY + slug + ".title")
                    ? validationMessages.getString(PROBLEM_KEY + slug + ".title") : "Invalid request";
            String detail = errors.stream().map(Problem.FieldError::message).distinct().collect(Collectors.joining(" "));
            return respond(400, slug, title, detail, errors, uri, headers);
        }
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid.");
        return respond(400, "invalid-request", "Invalid request", detail, errors, uri, headers);
    }

    /** The slug of a message template {@code {signet.problem.<slug>}}, or "" for any other message. */
    static String namedProblem(String template) {
        if (template != null && template.startsWith("{" + PROBLEM_KEY) && template.endsWith("}")) {
            return template.substring(PROBLEM_KEY.length() + 1, template.length() - 1);
        }
        return "";
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON for this operation: " + e.getOriginalMessage(), null, uri, headers);
    }

    /**
     * A body that is JSON but has a field of the wrong type ({@code "amount":"twenty"}). Quarkus REST's Jackson
     * support maps this exception itself, to plain JSON; this mapper takes its place so that every API answers it
     * as problem+json, naming the field.
     */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        String field = e.getPath().isEmpty() || e.getPath().get(e.getPath().size() - 1).getFieldName() == null ? "body"
                : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return respond(400, "malformed-json", "Malformed JSON",
                "The field " + field + " has the wrong type for this operation: " + e.getOriginalMessage(),
                List.of(new Problem.FieldError(field, "wrong type")), uri, headers);
    }

    /**
     * A request body that could not be read to its end: a multipart upload cut short or without its closing
     * boundary ("Connection terminated parsing multipart request"). The client's fault, not ours.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri, HttpHeaders headers) {
        LOG.infof("request body unreadable: path=%s reason=%s", uri.getPath(), e.getMessage());
        return respond(400, "unreadable-body", "Unreadable request body",
                "The request body could not be read: " + e.getMessage() + ". Send it again, complete.", null, uri,
                headers);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return challenge(uri, headers, "Log in, or send HTTP Basic credentials or a bearer token, to use this resource.");
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return challenge(uri, headers, "The credentials are wrong: user name or password, or a bearer token that is"
                + " expired, from another issuer or not signed by it.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        if (identity.isResolvable() && !identity.get().isAnonymous() && identity.get().getRoles().isEmpty()) {
            // A company login whose groups map to no Signet role: the account is fine, Signet just doesn't know it.
            return respond(403, "no-signet-role", "No Signet role",
                    "You are logged in as " + identity.get().getPrincipal().getName() + ", but your company account has"
                            + " no Signet role (agent, lead, brand-manager or admin). Ask your identity provider's"
                            + " admin to add you to one of Signet's groups, then log in again.", null, uri, headers);
        }
        return respond(403, "forbidden", "Not allowed for your role",
                "Your role does not include this action. Ask a lead or an admin if you need it.", null, uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String reason = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "There is nothing at " + uri.getPath() + ".";
            case 405 -> "This method is not allowed on " + uri.getPath() + ".";
            case 415 -> "This media type is not accepted here; send application/json.";
            default -> e.getMessage();
        };
        return respond(status, slugOf(reason), reason, detail, null, uri, headers);
    }

    private Response challenge(UriInfo uri, HttpHeaders headers, String detail) {
        if (wantsProblem(uri, headers)) {
            return Response.fromResponse(problemResponse(401, "unauthenticated", "Authentication required", detail, null, uri))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"signet\"")
                    .build();
        }
        return Response.seeOther(URI.create("/login")).build();
    }

    private Response respond(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            UriInfo uri, HttpHeaders headers) {
        if (status >= 500) {
            LOG.errorf("request failed: path=%s status=%d detail=%s", uri.getPath(), status, detail);
        }
        if (wantsProblem(uri, headers)) {
            return problemResponse(status, slug, title, detail, errors, uri);
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(frames.isResolvable() ? frames.get().current() : PageFrame.bare(), status, title, detail))
                .build();
    }

    private static Response problemResponse(int status, String slug, String title, String detail,
            List<Problem.FieldError> errors, UriInfo uri) {
        Problem body = new Problem(URI.create("/problems/" + slug), title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** API paths always get problem+json; elsewhere a browser asking for HTML gets a page. */
    private static boolean wantsProblem(UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/") || uri.getPath().equals("/api")) {
            return true;
        }
        return headers.getAcceptableMediaTypes().stream()
                .noneMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String slugOf(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
