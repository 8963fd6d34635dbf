package io.tradecredit.notification.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.notification.app.Contacts;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Contact;

/** The people at a buyer whom messages reach, and the channels each opted out of. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class ContactResource {
    @Inject
    TenantContext tenant;

    @Inject
    Contacts contacts;

    @Inject
    Idempotency idempotency;

    /** Every limit is {@link Contact#of}'s, so a field too long is named with every other wrong field. */
    public record Request(@Schema(maxLength = Contact.MAX_NAME) String name,
            @Schema(description = "e.g. accounts payable", maxLength = Contact.MAX_NAME) String function,
            @Schema(maxLength = Contact.MAX_EMAIL) String email, @Schema(description = "digits, spaces and a leading +") String mobile,
            @Schema(maxLength = Contact.MAX_POSTAL_ADDRESS) String postalAddress, @Schema(description = "zh-CN or en") String language,
            @Schema(description = "an IANA time zone; Asia/Shanghai when left out") String timeZone) implements CheckableBody {
        Contacts.Entry entry() {
            return new Contacts.Entry(name, function, email, mobile, postalAddress, language, timeZone);
        }

        /** {@link Contact#of}'s findings, asked for when a field could not be read, so one answer names every wrong field. */
        @Override
        public java.util.List<io.tradecredit.common.domain.Violation> violations() {
            UUID any = new UUID(0, 0); // the ids are the service's, never the body's
            return CheckableBody.violationsOf(() -> Contact.of(any, any, name, function, email, mobile, postalAddress, language, timeZone));
        }
    }

    public record View(UUID id, UUID buyerId, String name, String function, String email, String mobile,
            String postalAddress, String language, String timeZone,
            @Schema(description = "the channels the contact opted out of") java.util.List<ChannelType> optedOut) {
        static View of(Contact c) {
            return new View(c.id(), c.buyerId(), c.name(), c.function(), c.email(), c.mobile(), c.postalAddress(),
                    c.language() == null ? null : c.language().tag(), c.timeZone().getId(),
                    c.optedOut().stream().sorted().toList());
        }
    }

    @POST
    @Path("/buyers/{buyerId}/contacts")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "201", description = "The contact as entered; a retry with the same Idempotency-Key gets the same answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Every missing or malformed field named; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<View>> add(@PathParam("buyerId") UUID buyerId, @NotNull Request r,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "add-contact", idempotencyKey, r, View.class,
                () -> contacts.add(tenant.id(), buyerId, r.entry())
                        .map(c -> RestResponse.ResponseBuilder.<View>created(URI.create("/api/v1/contacts/" + c.id()))
                                .entity(View.of(c)).build()));
    }

    @GET
    @Path("/buyers/{buyerId}/contacts")
    @APIResponse(responseCode = "200", description = "The buyer's contacts in the order they were entered (the order a message tries them)")
    public Uni<Page<View>> ofBuyer(@PathParam("buyerId") UUID buyerId) {
        return contacts.ofBuyer(tenant.id(), buyerId)
                .map(all -> new Page<>(all.stream().map(View::of).toList(), 0, Math.max(all.size(), 1), all.size()));
    }

    @GET
    @Path("/contacts/{id}")
    @APIResponse(responseCode = "200", description = "The contact")
    @APIResponse(responseCode = "404", description = "No such contact for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> get(@PathParam("id") UUID id) {
        return contacts.get(tenant.id(), id).map(View::of);
    }

    @PUT
    @Path("/contacts/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The contact with the new fields (opt-outs kept); messages queued for it"
            + " that it no longer reaches (their channel's address gone or changed) are re-routed by the routing rules, else fail")
    @APIResponse(responseCode = "400", description = "Every missing or malformed field named; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such contact for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> replace(@PathParam("id") UUID id, @NotNull Request r) {
        return contacts.replace(tenant.id(), id, r.entry()).map(View::of);
    }

    @DELETE
    @Path("/contacts/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "204", description = "Removed with its opt-outs; messages queued for the contact go to the"
            + " buyer's next usable contact by the routing rules, else fail (\"contact removed\"); messages recorded keep"
            + " whom they went to; contact-removed is published")
    @APIResponse(responseCode = "404", description = "No such contact for this tenant (or removed already)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return contacts.remove(tenant.id(), id).replaceWith(Response.noContent().build());
    }

    @PUT
    @Path("/contacts/{id}/opt-outs/{channel}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The contact, opted out of the channel; messages queued for it on the"
            + " channel are re-routed by the routing rules, else fail")
    @APIResponse(responseCode = "400", description = "Not a channel (EMAIL, SMS, LETTER, WEBHOOK)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such contact for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> optOut(@PathParam("id") UUID id, @PathParam("channel") String channel) {
        return contacts.optOut(tenant.id(), id, channel(channel), true).map(View::of);
    }

    @DELETE
    @Path("/contacts/{id}/opt-outs/{channel}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The contact, reachable on the channel again")
    @APIResponse(responseCode = "400", description = "Not a channel (EMAIL, SMS, LETTER, WEBHOOK)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such contact for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> optIn(@PathParam("id") UUID id, @PathParam("channel") String channel) {
        return contacts.optOut(tenant.id(), id, channel(channel), false).map(View::of);
    }

    static ChannelType channel(String name) {
        try {
            return ChannelType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw DomainError.invalidField("channel.unknown", "channel", "must be one of EMAIL, SMS, LETTER, WEBHOOK");
        }
    }
}
