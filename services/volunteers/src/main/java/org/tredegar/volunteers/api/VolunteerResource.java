package org.tredegar.volunteers.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.paging.Page;
import org.tredegar.volunteers.domain.Account;
import org.tredegar.volunteers.domain.Boards;
import org.tredegar.volunteers.domain.DutyByMessage;
import org.tredegar.volunteers.domain.Keyset;
import org.tredegar.volunteers.domain.Profiles;
import org.tredegar.volunteers.domain.Registry;
import org.tredegar.volunteers.domain.SealedContacts;
import org.tredegar.volunteers.domain.VolunteerRecords;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/volunteers")
@Produces(MediaType.APPLICATION_JSON)
public class VolunteerResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Registry registry;
    @Inject
    Profiles profiles;
    @Inject
    SealedContacts contacts;
    @Inject
    DutyByMessage dutyByMessage;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper json;
    @Inject
    Boards boards;

    /**
     * Self sign-up (201 the first time, 200 with the same profile after), or — for a coordinator sending a
     * {@code contact} — registering someone without an account.
     */
    @POST
    @RolesAllowed({"volunteer", "coordinator"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> signUp(@NotNull(message = "a JSON body is required") @Valid SignUp body) {
        boolean forSomeoneElse = identity.hasRole("coordinator") && body.contact() != null;
        Uni<Registry.Registered> registered = forSomeoneElse
                ? registry.registerByCoordinator(body.toProfile(), Caller.of(identity).actor(), HubAccess.hubsOf(identity))
                : registry.signUpSelf(body.toProfile(), account());
        return registered.map(r -> Response.status(r.created() ? 201 : 200)
                .header("Location", "/api/v1/volunteers/" + (forSomeoneElse ? r.volunteer().id : "me"))
                .entity(VolunteerViews.of(r.volunteer(), json)).build());
    }

    @GET
    @Path("/me")
    @RolesAllowed({"volunteer", "coordinator"})
    public Uni<VolunteerView> me() {
        return profiles.mine(account()).map(v -> VolunteerViews.of(v, json));
    }

    @PATCH
    @Path("/me")
    @RolesAllowed({"volunteer", "coordinator"})
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public Uni<VolunteerView> change(@NotNull(message = "a JSON body is required") @Valid ProfilePatch patch) {
        return profiles.change(account(), patch.toChange()).map(v -> VolunteerViews.of(v, json));
    }

    /** The on/off-duty switch: off duty, nobody is asked, whatever the weekly windows say. */
    @PUT
    @Path("/me/duty")
    @RolesAllowed({"volunteer", "coordinator"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<VolunteerView> duty(@NotNull(message = "a JSON body is required") @Valid DutyChange change) {
        return profiles.setOnDuty(account(), change.onDuty()).map(v -> VolunteerViews.of(v, json));
    }

    /** Offers waiting for my answer: what, roughly how far, until when — never who or where exactly. */
    @GET
    @Path("/me/offers")
    @RolesAllowed({"volunteer", "coordinator"})
    public Uni<Page<OfferView>> offers(@QueryParam("cursor") @Size(max = 200) String cursor,
                                       @QueryParam("limit") Integer limit) {
        int size = Cursors.limit(limit);
        Keyset after = KeysetPages.after(cursor);
        return profiles.mine(account()).chain(me -> boards.openOffers(me.id, after, size))
                .map(slice -> KeysetPages.page(slice, o -> new OfferView(o.id(), o.requestId(), o.category(),
                        o.urgency(), roughly(o.distanceKm()), o.offerCode(), o.expiresAt()), o -> new Keyset(o.expiresAt(), o.id())));
    }

    /**
     * How to reach a volunteer, for the notifications service at send time only (role {@code service}), and their
     * first name for telling a requester who is coming. Each read is audited; the answer is never stored by the caller.
     */
    @GET
    @Path("/{id}/contact")
    @RolesAllowed("service")
    public Uni<ContactView> contact(@PathParam("id") UUID id) {
        return contacts.open(id, Caller.of(identity).actor())
                .map(c -> new ContactView(c.channel(), c.value(), c.language(), List.of(), c.firstName()));
    }

    /**
     * A volunteer's "OFF" / "ON" texted to the network, relayed by the notifications service (role service): people
     * without an account switch duty by text. 404 when no volunteer has that contact.
     */
    @PUT
    @Path("/duty-by-contact")
    @RolesAllowed("service")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DutyView> dutyByContact(@NotNull(message = "a JSON body is required") @Valid DutyByContact change) {
        return dutyByMessage.set(change.channel(), change.value(), change.onDuty())
                .map(v -> new DutyView(v.id, v.onDuty, VolunteerRecords.firstLanguage(v)));
    }

    /** Half-kilometre steps: enough to decide, not enough to place the requester's door. */
    static double roughly(double km) {
        return Math.max(0.5, Math.round(km * 2) / 2.0);
    }

    /** A coordinator of the volunteer's hub vouches for skills that need trust (childcare, personal care, …). */
    @PUT
    @Path("/{id}/verified-skills")
    @RolesAllowed("coordinator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<VolunteerView> verify(@PathParam("id") UUID id,
                                     @NotNull(message = "a JSON body is required") @Valid SkillVerification body) {
        return profiles.verify(id, body.verifiedSkills(), Caller.of(identity).actor(), HubAccess.hubsOf(identity))
                .map(v -> VolunteerViews.of(v, json));
    }

    private Account account() {
        return Account.of(Caller.of(identity));
    }
}
