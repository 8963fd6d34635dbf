package io.tradecredit.invoice.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.app.WriteOffs;

/** Writes off an invoice's open rest as bad debt; answers the invoice as it now stands. */
@Path("/api/v1/invoices/{id}/write-off")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
public class WriteOffResource {
    @Inject
    TenantContext tenant;

    @Inject
    WriteOffs writeOffs;

    @Inject
    BusinessTimeZone businessZone;

    public record WriteOff(@NotBlank @Size(max = 2000) String reason) {
    }

    @POST
    @Refuses(status = 409, when = "write-off.nothing-open: nothing is open on the invoice")
    public Uni<InvoiceView> writeOff(@RestPath UUID id, @Valid @NotNull WriteOff request) {
        return writeOffs.writeOff(tenant.id(), id, request.reason(), tenant.subject())
                .map(i -> InvoiceView.of(i, businessZone.today()));
    }
}
