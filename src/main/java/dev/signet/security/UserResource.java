package dev.signet.security;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonIgnore;


/** User administration as JSON: an admin adds team members; initials are unique in the team. */
@Path("/api/users")
@Tag(name = "Users")
@RolesAllowed(Role.ADMIN)
public class UserResource {

    /**
     * A new team member.
     *
     * @param initials 2 to 4 letters that sign the user's replies (agents and leads); unique in the team
     */
    public record NewUser(
            @NotBlank(message = INVALID) String username,
            @NotBlank(message = INVALID) String password,
            @NotBlank(message = INVALID) String displayName,
            String initials,
            @NotNull(message = INVALID)
            @Pattern(regexp = KNOWN_ROLES, message = INVALID) String role) {

        private static final String INVALID = "{signet.problem.invalid-user}";
        /** The roles of {@link Role}, as one constant for {@code @Pattern}. */
        private static final String KNOWN_ROLES = Role.AGENT + "|" + Role.LEAD + "|" + Role.BRAND_MANAGER + "|"
                + Role.ADMIN;
    }

    /** A team member as the API shows them (never the password hash). */
    public record UserView(long id, String username, String displayName, String initials, String role) {
    }

    /** What an admin changes of a team member: a field left out (null) stays as it is. */
    public record UserChange(String role, String initials) {

        private static final String INVALID_CHANGE = "{signet.problem.invalid-user-change}";

        /** A change names a role, initials or both (whether the role is known, {@link AppUserService} says). */
        @JsonIgnore
        @AssertTrue(message = INVALID_CHANGE)
        public boolean isRoleOrInitialsGiven() {
            return !blank(role) || !blank(initials);
        }
    }

    private final AppUserService users;
    private final CurrentUser currentUser;

    public UserResource(AppUserService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a team member")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Missing field, unknown role or invalid initials")
    @APIResponse(responseCode = "409", description = "User name or initials already taken")
    public Response create(@NotNull(message = NewUser.INVALID) @Valid NewUser body) {
        AppUser user = users.create(body.username(), body.password(), body.displayName(),
                blank(body.initials()) ? null : body.initials().strip(), body.role(), currentUser.get().username());
        return Response.created(URI.create("/api/users/" + user.id())).entity(view(user)).build();
    }

    @PATCH
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a team member's role and/or initials (audited)")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Unknown role or invalid initials")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "Initials already taken")
    public UserView change(@PathParam("username") String username,
            @NotNull(message = UserChange.INVALID_CHANGE) @Valid UserChange body) {
        return view(users.change(username, blank(body.role()) ? null : body.role().strip(),
                blank(body.initials()) ? null : body.initials().strip(), currentUser.get().username()));
    }

    private static UserView view(AppUser user) {
        return new UserView(user.id(), user.username(), user.displayName(), user.initials(), user.role());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
