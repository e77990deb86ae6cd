package org.civicgrid.core.rest.internal;

import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.NewUser;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.SecondFactorKey;
import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/users}, {@code /api/units} and {@code /api/me}: the directory, within the caller's area. */
final class DirectoryResources {

    private DirectoryResources() {
    }

    static String requireRegion(String region) {
        if (region == null || region.isBlank()) {
            throw ProblemException.badRequest("Name the region: ?region=<division code>.");
        }
        return region.trim();
    }

    /** {@code /api/users}. */
    @Component(service = Users.class, immediate = true)
    @JaxrsResource
    @JaxrsApplicationSelect(ApiApplication.SELECT)
    @Path("users")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "directory", description = "Users and organisational units")
    public static class Users {

        private final DirectoryService directory;

        @Activate
        public Users(@Reference DirectoryService directory) {
            this.directory = directory;
        }

        @GET
        @Operation(summary = "The users of a region and everything under it")
        public List<User> users(@Context SecurityContext security, @QueryParam("region") String region) {
            return directory.users(ApiSecurity.caller(security), requireRegion(region));
        }

        @GET
        @Path("{id}")
        @Operation(summary = "One user")
        public User user(@Context SecurityContext security, @PathParam("id") String id) {
            return directory.user(ApiSecurity.caller(security), id)
                    .orElseThrow(() -> ProblemException.notFound("No user " + id + " in your area."));
        }

        @POST
        @Path("{id}/unlock")
        @Operation(summary = "Lift the lock on an account locked after wrong passwords (administrators)")
        public User unlock(@Context SecurityContext security, @PathParam("id") String id) {
            return directory.unlock(ApiSecurity.caller(security), id);
        }

        /** Why an account is disabled. */
        public record Disabling(String reason) {
        }

        @POST
        @Path("{id}/disable")
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(summary = "Disable an account and end all its sessions (administrators; a reason is required)")
        public User disable(@Context SecurityContext security, @PathParam("id") String id, Disabling disabling) {
            return directory.disable(ApiSecurity.caller(security), id, disabling == null ? null : disabling.reason());
        }

        @POST
        @Path("{id}/enable")
        @Operation(summary = "Enable a disabled account again (administrators)")
        public User enable(@Context SecurityContext security, @PathParam("id") String id) {
            return directory.enable(ApiSecurity.caller(security), id);
        }

        /** A temporary password, shown once. */
        public record TemporaryPassword(String userId, String temporaryPassword) {
        }

        @POST
        @Path("{id}/password-reset")
        @Operation(summary = "Give a user who forgot their password a temporary one, to be changed at sign-in; ends "
                + "their sessions and lifts a lock (security, county or city administrators; not your own)")
        public TemporaryPassword resetPassword(@Context SecurityContext security, @PathParam("id") String id) {
            return new TemporaryPassword(id, directory.resetPassword(ApiSecurity.caller(security), id));
        }

        @POST
        @Path("{id}/second-factor")
        @Operation(summary = "Give an administrator a new key for their authenticator app; the old one stops working "
                + "(security, county or city administrators). The key is shown in this answer only")
        public SecondFactorKey resetSecondFactor(@Context SecurityContext security, @PathParam("id") String id) {
            return directory.resetSecondFactor(ApiSecurity.caller(security), id);
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(summary = "Create a user (county or city administrators). An administrator's account comes with "
                + "the key of its second factor, in this answer only (secondFactor)")
        public Response create(@Context SecurityContext security, @Context UriInfo uri, NewUser user) {
            Caller caller = ApiSecurity.caller(security);
            User created = directory.createUser(caller, user);
            SecondFactorKey key = created.roles().stream().anyMatch(Role::administrator)
                    ? directory.resetSecondFactor(caller, created.id()) : null;
            return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                    .entity(new CreatedUser(created.id(), created.name(), created.roles(), created.regionCode(),
                            created.unitId(), created.enabled(), key)).build();
        }
    }

    /**
     * A user just created, as {@code POST /api/users} answers it.
     *
     * @param secondFactor for an administrator, the key of their authenticator app (shown once); otherwise null
     */
    public record CreatedUser(String id, String name, Set<Role> roles, String regionCode, String unitId, boolean enabled,
                              SecondFactorKey secondFactor) {
    }

    /** {@code /api/units}. */
    @Component(service = Units.class, immediate = true)
    @JaxrsResource
    @JaxrsApplicationSelect(ApiApplication.SELECT)
    @Path("units")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "directory", description = "Users and organisational units")
    public static class Units {

        private final DirectoryService directory;

        @Activate
        public Units(@Reference DirectoryService directory) {
            this.directory = directory;
        }

        @GET
        @Operation(summary = "The units serving a region and everything under it")
        public List<Unit> units(@Context SecurityContext security, @QueryParam("region") String region) {
            return directory.units(ApiSecurity.caller(security), requireRegion(region));
        }

        @GET
        @Path("{id}")
        @Operation(summary = "One unit")
        public Unit unit(@Context SecurityContext security, @PathParam("id") String id) {
            return directory.unit(ApiSecurity.caller(security), id)
                    .orElseThrow(() -> ProblemException.notFound("No unit " + id + " in your area."));
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(summary = "Create a unit (county or city administrators)")
        public Response create(@Context SecurityContext security, @Context UriInfo uri, Unit unit) {
            Unit created = directory.createUnit(ApiSecurity.caller(security), unit);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
        }
    }

    /** {@code /api/me}: who the platform thinks the caller is, and the caller's own password. */
    @Component(service = Me.class, immediate = true)
    @JaxrsResource
    @JaxrsApplicationSelect(ApiApplication.SELECT)
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "directory", description = "Users and organisational units")
    public static class Me {

        private final DirectoryService directory;

        @Activate
        public Me(@Reference DirectoryService directory) {
            this.directory = directory;
        }

        @GET
        @Operation(summary = "The signed-in caller: id, roles, region, unit, and whether their password has expired")
        public SignedIn me(@Context SecurityContext security) {
            Caller caller = ApiSecurity.caller(security);
            return new SignedIn(caller.userId(), caller.roles(), caller.regionCode(), caller.unitId(),
                    directory.passwordExpired(caller));
        }

        @POST
        @Path("password")
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(summary = "Change your own password: {\"current\": …, \"new\": …}")
        public Response changePassword(@Context SecurityContext security, PasswordChange change) {
            if (change == null) {
                throw ProblemException.badRequest("Send {\"current\": your password now, \"new\": the password you want}.");
            }
            directory.changePassword(ApiSecurity.caller(security), change.current(), change.next());
            return Response.noContent().build();
        }
    }

    /**
     * The signed-in caller as {@code /api/me} shows it.
     *
     * @param passwordExpired the password is older than the policy allows: the console asks for a new one
     */
    public record SignedIn(String userId, Set<Role> roles, String regionCode, String unitId, boolean passwordExpired) {
    }

    /** The body of {@code POST /api/me/password}. */
    public record PasswordChange(String current, @JsonProperty("new") String next) {
    }
}
