package io.tradecredit.notification.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.notification.app.Messages;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Message;

/**
 * The operator's list of UNKNOWN messages across tenants (docs/runbook.md, "notification-service:
 * UNKNOWN messages"): an email or SMS the service may have handed over before it stopped, never
 * sent again, to be settled with the provider. Only a platform operator (role platform-ops, no tenant).
 */
@Path("/api/v1/admin/messages/unknown")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPS)
public class UnknownMessageResource {
    @Inject
    TenantContext caller;

    @Inject
    Messages messages;

    /** One UNKNOWN message as an operator needs it to ask the provider. */
    public record View(UUID requestId, String tenantId, String purpose, String templateKey, ChannelType channel,
            @Schema(description = "the email address or mobile it may have gone to") String address, int attempts,
            String reason, Instant requestedAt) {
        static View of(Message m) {
            return new View(m.requestId(), m.tenantId(), m.request().purpose(), m.request().templateKey(), m.channel(),
                    m.address(), m.attempts(), m.failureReason(), m.requestedAt());
        }
    }

    @GET
    @APIResponse(responseCode = "200", description = "The UNKNOWN messages of every tenant, oldest first, one page")
    @APIResponse(responseCode = "403", description = "Not a platform operator, or a token bound to a tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<View>> unknown(@QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        if (caller.tenantIfAny().isPresent()) {
            throw ProblemException.forbidden("UNKNOWN messages of every tenant need a platform operator's token"
                    + " (role platform-ops, no tenant_id claim), not one bound to a tenant.");
        }
        return messages.unknown(QueryParams.page(page), QueryParams.size(size))
                .map(p -> new Page<>(p.items().stream().map(View::of).toList(), p.page(), p.size(), p.total()));
    }
}
