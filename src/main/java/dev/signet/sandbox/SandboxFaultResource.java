package dev.signet.sandbox;

import java.util.List;

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

/** Fault injection on the fake X, for tests, benchmarks and demos of what Signet does when X misbehaves. */
@Path("/sandbox/api/faults")
@Tag(name = "Sandbox")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxFaultResource {

    private final SandboxFaults faults;

    public SandboxFaultResource(SandboxFaults faults) {
        this.faults = faults;
    }

    @GET
    @Operation(summary = "The faults still armed")
    public List<SandboxFault> armed() {
        return faults.armed();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Arm a fault: the next `times` requests whose path ends with `pathSuffix` fail as described")
    public Response arm(@NotNull(message = SandboxFault.INVALID) @Valid SandboxFault fault) {
        faults.arm(fault);
        return Response.status(201).entity(fault).build();
    }

    @DELETE
    @Operation(summary = "Disarm every fault")
    public Response clear() {
        faults.clear();
        return Response.noContent().build();
    }

    /** RFC 9457 body of this resource's own errors. */
    public record SandboxProblemBody(String type, String title, int status, String detail) {
    }
}
