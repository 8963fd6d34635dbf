package io.tradecredit.credit.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.Alerts;
import io.tradecredit.credit.domain.Alert;

/** The credit manager's alerts: grade falls, cut limits, blocked buyers. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
public class AlertResource {
    @Inject
    TenantContext tenant;

    @Inject
    Alerts alerts;

    public record AlertView(UUID id, UUID buyerId, String kind, String message, OffsetDateTime raisedAt,
            String acknowledgedBy, OffsetDateTime acknowledgedAt) {
        static AlertView of(Alert a) {
            return new AlertView(a.id, a.buyerId, a.kind, a.message, a.raisedAt, a.acknowledgedBy, a.acknowledgedAt);
        }
    }

    /** Newest first; {@code open=true} (the default) lists only those not acknowledged. */
    @GET
    public Uni<Page<AlertView>> search(@RestQuery UUID buyerId, @RestQuery Boolean open,
            @RestQuery @Min(0) Integer page, @RestQuery @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return alerts.search(tenant.id(), buyerId, open == null || open, p, s).map(found -> new Page<>(
                found.items().stream().map(AlertView::of).toList(), p, s, found.total()));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed(Roles.CREDIT_MANAGER)
    public Uni<AlertView> acknowledge(@RestPath UUID id) {
        return alerts.acknowledge(tenant.id(), id, tenant.subject()).map(AlertView::of);
    }
}
