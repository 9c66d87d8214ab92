package dev.signet.sandbox;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * A small JSON API to act on the fake X as any sandbox user: post a mention, a reply or a DM, list what a brand
 * published, see what a customer sees. Used by tests, the load generator, demos and replay tools. It needs no
 * login: it is part of the fake X, and exists only when the sandbox is enabled. Ids are strings (they exceed
 * 2^53); errors are {@code application/problem+json}.
 */
@Path("/sandbox/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sandbox", description = "The fake X: act as sandbox customers and brands (absent in production).")
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxApiResource {

    /** A user to create or update; a brand needs an access token, by which it calls the fake X API. */
    public record NewUser(String handle, String name, Boolean brand, String accessToken, String accessTokenSecret) {
    }

    /** A public post; {@code inReplyToStatusId} (a string, or absent) makes it a threaded reply. */
    public record NewTweet(String author, String text, String inReplyToStatusId) {
    }

    public record NewDirectMessage(String sender, String recipient, String text) {
    }

    private final SandboxService sandbox;

    public SandboxApiResource(SandboxService sandbox) {
        this.sandbox = sandbox;
    }

    @GET
    @Path("/users")
    @Operation(summary = "All sandbox users, brands first")
    public List<SandboxUserView> users() {
        return sandbox.users();
    }

    @POST
    @Path("/users")
    @Operation(summary = "Create a user, or update the one with this handle (idempotent)")
    public SandboxUserView ensureUser(NewUser user) {
        NewUser body = required(user);
        return sandbox.ensureUser(body.handle(), body.name(), Boolean.TRUE.equals(body.brand()), body.accessToken(),
                body.accessTokenSecret());
    }

    @GET
    @Path("/users/{handle}")
    @Operation(summary = "One sandbox user")
    public SandboxUserView user(@PathParam("handle") String handle) {
        return sandbox.user(handle).orElseThrow(XApiException::noSuchUser);
    }

    @GET
    @Path("/users/{handle}/view")
    @Operation(summary = "What this customer sees: their tweets, replies and mentions of them, their DMs; newest first")
    public CustomerView customerView(@PathParam("handle") String handle) {
        return sandbox.customerView(handle);
    }

    @POST
    @Path("/tweets")
    @Operation(summary = "Post a tweet as any user; a reply is threaded as in X's app")
    public Response postTweet(NewTweet tweet) {
        NewTweet body = required(tweet);
        Long inReplyTo = parseId("inReplyToStatusId", body.inReplyToStatusId());
        return Response.status(Response.Status.CREATED)
                .entity(sandbox.postTweet(body.author(), body.text(), inReplyTo))
                .build();
    }

    @GET
    @Path("/tweets")
    @Operation(summary = "The latest tweets of one author (e.g. what a brand published), newest first")
    public List<SandboxTweetView> tweets(@QueryParam("author") String author) {
        if (author == null || author.isBlank()) {
            throw XApiException.missingParameter("Query parameter author is required.");
        }
        return sandbox.tweetsBy(author);
    }

    @POST
    @Path("/dms")
    @Operation(summary = "Send a direct message as any user")
    public Response sendDirectMessage(NewDirectMessage message) {
        NewDirectMessage body = required(message);
        return Response.status(Response.Status.CREATED)
                .entity(sandbox.sendDirectMessage(body.sender(), body.recipient(), body.text()))
                .build();
    }

    @GET
    @Path("/dms")
    @Operation(summary = "The DMs one user sent or received, newest first")
    public List<SandboxDirectMessageView> directMessages(@QueryParam("user") String user) {
        if (user == null || user.isBlank()) {
            throw XApiException.missingParameter("Query parameter user is required.");
        }
        return sandbox.directMessagesOf(user);
    }

    @ServerExceptionMapper
    public Response refused(XApiException e) {
        return SandboxProblem.of(e).toResponse();
    }

    /** Unreadable JSON and other request errors detected by the framework, as problems too. */
    @ServerExceptionMapper
    public Response badRequest(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = status == 400 ? "The request body is not valid JSON for this operation." : e.getMessage();
        return new SandboxProblem("https://signet.dev/problems/sandbox/http-" + status,
                Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(),
                status, detail, null).toResponse();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw XApiException.missingParameter("A JSON body is required.");
        }
        return body;
    }

    private static Long parseId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw XApiException.invalidParameter(name + " must be a tweet id (digits).");
        }
    }
}
