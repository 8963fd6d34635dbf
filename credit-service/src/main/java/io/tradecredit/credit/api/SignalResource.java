package io.tradecredit.credit.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.Signals;
import io.tradecredit.credit.domain.SignalReport;
import io.tradecredit.credit.domain.WarningSignal;

@Path("/api/v1/buyers/{id}/warning-signals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class SignalResource {
    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    Signals signals;

    public record ReportRequest(@NotNull WarningSignal type, @NotBlank @Size(max = 200) String source,
            @NotNull LocalDate observedOn, @Size(max = 2000) String details) {
    }

    public record Resolution(@NotBlank @Size(max = 500) String resolution) {
    }

    public record SignalView(UUID id, UUID buyerId, WarningSignal type, String source, LocalDate observedOn,
            String details, OffsetDateTime reportedAt, boolean open, OffsetDateTime resolvedAt, String resolvedBy,
            String resolution) {
        static SignalView of(SignalReport s) {
            return new SignalView(s.id, s.buyerId, s.type, s.source, s.observedOn, s.details, s.reportedAt, s.isOpen(),
                    s.resolvedAt, s.resolvedBy, s.resolution);
        }
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @ResponseStatus(201)
    public Uni<RestResponse<SignalView>> report(@RestPath UUID id, @Valid @NotNull ReportRequest request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "report-signal", idempotencyKey, List.of(id, request), SignalView.class,
                () -> reportOnce(id, request));
    }

    private Uni<RestResponse<SignalView>> reportOnce(UUID id, ReportRequest request) {
        return signals.report(tenant.id(), id, new Signals.Report(request.type(), request.source(),
                request.observedOn(), request.details()))
                .map(s -> RestResponse.ResponseBuilder.<SignalView>created(URI.create("/api/v1/buyers/" + id
                        + "/warning-signals/" + s.id)).entity(SignalView.of(s)).build());
    }

    @GET
    public Uni<List<SignalView>> list(@RestPath UUID id) {
        return signals.list(tenant.id(), id).map(l -> l.stream().map(SignalView::of).toList());
    }

    @POST
    @Path("/{signalId}/resolution")
    @RolesAllowed(Roles.CREDIT_MANAGER)
    @Refuses(status = 409, when = "warning-signal.already-resolved")
    public Uni<SignalView> resolve(@RestPath UUID id, @RestPath UUID signalId, @Valid @NotNull Resolution request) {
        return signals.resolve(tenant.id(), id, signalId, request.resolution(), tenant.subject()).map(SignalView::of);
    }
}
