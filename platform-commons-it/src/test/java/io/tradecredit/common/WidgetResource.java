package io.tradecredit.common;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/** A minimal tenant-scoped resource, built the way services build theirs, to test the chassis. */
@Path("/api/v1/widgets")
public class WidgetResource {
    @Inject
    TenantContext tenant;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    public record CreateWidget(@NotBlank @Size(max = 40) String name, @NotNull @Min(1) Integer quantity) {
    }

    public record WidgetView(UUID id, String name, int quantity) {
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    @Refuses(status = 409, when = "failAfterEvent: failing on purpose after the event was recorded")
    public Uni<RestResponse<WidgetView>> create(@Valid @NotNull CreateWidget request, @RestQuery boolean failAfterEvent,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        String tenantId = tenant.id();
        return idempotency.once(tenantId, "create-widget", idempotencyKey, request, WidgetView.class,
                () -> insert(tenantId, request, failAfterEvent));
    }

    private Uni<RestResponse<WidgetView>> insert(String tenantId, CreateWidget request, boolean failAfterEvent) {
        UUID id = UUID.randomUUID();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into widget (id, tenant_id, name, quantity) values (:id, :t, :n, :q)")
                        .setParameter("id", id).setParameter("t", tenantId).setParameter("n", request.name())
                        .setParameter("q", request.quantity()).executeUpdate())
                .chain(() -> outbox.record(new OutgoingEvent("widget-events", "io.tradecredit.test.widget-created.v1",
                        "widget", id.toString(), tenantId, Map.of("widgetId", id, "name", request.name()))))
                .invoke(() -> {
                    if (failAfterEvent) {
                        throw ProblemException.conflict("failing on purpose after the event was recorded");
                    }
                }))
                .map(x -> RestResponse.ResponseBuilder.<WidgetView>created(java.net.URI.create("/api/v1/widgets/" + id))
                        .entity(new WidgetView(id, request.name(), request.quantity())).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.VIEWER})
    public Uni<WidgetView> get(@RestPath UUID id) {
        String tenantId = tenant.id();
        return Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select name, quantity from widget where id = :id and tenant_id = :t", Object[].class)
                .setParameter("id", id).setParameter("t", tenantId).getResultList()))
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.notFound("No widget " + id);
                    }
                    return new WidgetView(id, (String) rows.get(0)[0], ((Number) rows.get(0)[1]).intValue());
                });
    }
}
