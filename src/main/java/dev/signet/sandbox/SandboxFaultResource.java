package dev.signet.sandbox;

import java.util.List;

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
    public Response arm(SandboxFault fault) {
        if (fault == null || fault.pathSuffix() == null || fault.pathSuffix().isBlank() || fault.times() < 1
                || (fault.status() != 0 && (fault.status() < 400 || fault.status() > 599))
                || (fault.distortion() != null && !fault.distortion().isBlank()
                        && !SandboxFault.DISTORTIONS.contains(fault.distortion()))
                || (fault.distortion() != null && SandboxFault.RATE_LIMIT_HEADERS.contains(fault.distortion())
                        && fault.status() != 429)
                || (fault.distorts() && fault.distortion().startsWith("odd-") && fault.oddBody() == null)) {
            return Response.status(400).type("application/problem+json")
                    .entity(new SandboxProblemBody("/problems/invalid-fault", "Invalid fault", 400,
                            "A fault needs pathSuffix (or *), times >= 1, a status of 0 or 400-599 and a known "
                                    + "distortion (rate-limit header variants only with status 429; odd-empty, "
                                    + "odd-object, odd-data, odd-text only with afterWrite)."))
                    .build();
        }
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
