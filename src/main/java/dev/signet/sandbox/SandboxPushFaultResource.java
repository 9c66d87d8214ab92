package dev.signet.sandbox;

import java.util.Map;

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

/** Fault injection on the fake X Activity API: dropped, duplicated and reordered events, cut streams, bad signatures, CRC failures. */
@Path("/sandbox/api/push-faults")
@Tag(name = "Sandbox")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxPushFaultResource {

    private final SandboxActivity activity;

    public SandboxPushFaultResource(SandboxActivity activity) {
        this.activity = activity;
    }

    @GET
    @Operation(summary = "The push faults armed")
    public SandboxPushFaults armed() {
        return activity.faults();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Arm push faults (replacing the ones armed): rates 0 to 1, counts 0 or more")
    public Response arm(SandboxPushFaults faults) {
        if (faults == null || !faults.valid()) {
            return Response.status(400).type("application/problem+json")
                    .entity(new SandboxFaultResource.SandboxProblemBody("/problems/invalid-push-fault",
                            "Invalid push fault", 400, "Rates are between 0 and 1, counts are 0 or more."))
                    .build();
        }
        activity.arm(faults);
        return Response.status(201).entity(faults).build();
    }

    @DELETE
    @Operation(summary = "Disarm every push fault")
    public Response clear() {
        activity.arm(SandboxPushFaults.NONE);
        return Response.noContent().build();
    }

    @POST
    @Path("/cut")
    @Operation(summary = "Cut every open activity stream now")
    public Map<String, Integer> cut() {
        return Map.of("cut", activity.cutStreams());
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Events delivered and dropped since start, open streams")
    public Map<String, Long> counts() {
        return activity.counts();
    }
}
