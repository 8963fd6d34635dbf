package io.tradecredit.credit.api;


import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.credit.app.Reviews;

/** Buyers whose limit review is due by a date (today by default), earliest first. */
@Path("/api/v1/credit-reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
public class ReviewResource {
    @Inject
    TenantContext tenant;

    @Inject
    Reviews reviews;

    @Inject
    BusinessTimeZone businessZone;

    @GET
    public Uni<Page<BuyerView>> due(@RestQuery String asOf, @RestQuery @Min(0) Integer page,
            @RestQuery @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return reviews.due(tenant.id(), QueryParams.dateOrToday(asOf, "asOf", businessZone), p, s).map(found -> new Page<>(
                found.items().stream().map(BuyerView::of).toList(), p, s, found.total()));
    }
}
