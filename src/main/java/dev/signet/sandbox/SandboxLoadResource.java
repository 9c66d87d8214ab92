package dev.signet.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.properties.IfBuildProperty;

/** The load generator of the fake X: mentions at a steady rate, in the background. */
@Path("/sandbox/api/load")
@Tag(name = "Sandbox")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxLoadResource {

    static final int MAX_PER_SECOND = 1_000;
    static final int MAX_SECONDS = 3_600;

    private final SandboxLoadGenerator generator;

    public SandboxLoadResource(SandboxLoadGenerator generator) {
        this.generator = generator;
    }

    @GET
    @Operation(summary = "How the current or last load run stands")
    public SandboxLoadStatus status() {
        return generator.status();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post perSecond mentions of brand for seconds, by customers customers in turn (202)")
    public Response start(@NotNull(message = SandboxLoad.INVALID) @Valid SandboxLoad load) {
        try {
            if (!generator.start(load)) {
                return problem(409, "load-running", "A load is running",
                        "Wait for the current run to end, or stop it with DELETE /sandbox/api/load.");
            }
        } catch (IllegalArgumentException e) {
            return problem(404, "unknown-brand", "Unknown brand", e.getMessage());
        }
        return Response.accepted(generator.status()).build();
    }

    @DELETE
    @Operation(summary = "Stop the current load run")
    public Response stop() {
        generator.stop();
        return Response.noContent().build();
    }

    private static Response problem(int status, String slug, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(new SandboxFaultResource.SandboxProblemBody("/problems/" + slug, title, status, detail)).build();
    }
}
