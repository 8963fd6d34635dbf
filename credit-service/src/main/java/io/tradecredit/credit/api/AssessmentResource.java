package io.tradecredit.credit.api;

import java.net.URI;
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

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.Assessments;

@Path("/api/v1/buyers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class AssessmentResource {
    @Inject
    TenantContext tenant;

    @Inject
    Assessments assessments;

    @GET
    @Path("/assessment")
    public Uni<AssessmentView> latest(@RestPath UUID id) {
        return assessments.latest(tenant.id(), id).map(AssessmentView::of);
    }

    /** Newest first. */
    @GET
    @Path("/assessments")
    public Uni<Page<AssessmentView>> history(@RestPath UUID id, @RestQuery @Min(0) Integer page,
            @RestQuery @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return assessments.history(tenant.id(), id, p, s).map(found -> new Page<>(
                found.items().stream().map(AssessmentView::of).toList(), p, s, found.total()));
    }

    /** Re-assesses now, e.g. after the tenant changed its scoring policy. */
    @POST
    @Path("/assessments")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @ResponseStatus(201)
    public Uni<RestResponse<AssessmentView>> reassess(@RestPath UUID id) {
        return assessments.reassess(tenant.id(), id, "requested by " + tenant.subject())
                .map(r -> RestResponse.ResponseBuilder.<AssessmentView>created(
                        URI.create("/api/v1/buyers/" + id + "/assessment")).entity(AssessmentView.of(r)).build());
    }
}
