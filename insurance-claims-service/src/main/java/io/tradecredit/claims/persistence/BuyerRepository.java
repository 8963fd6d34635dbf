package io.tradecredit.claims.persistence;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** The tenants each buyer id is known under (common.domain.BuyerTenancy): registrations, and the read model's invoices. */
@ApplicationScoped
public class BuyerRepository {

    /** credit-service registered the buyer for the tenant; a redelivery changes nothing. */
    public Uni<Void> registered(String tenantId, UUID buyerId, OffsetDateTime at) {
        return CurrentTransaction.execute("""
                insert into buyer_tenant (buyer_id, tenant_id, registered_at) values ($1, $2, $3)
                on conflict do nothing""", Tuple.of(buyerId, tenantId).addOffsetDateTime(at)).replaceWithVoid();
    }

    /** The tenants the buyer is known under: registered for, or invoiced by; empty for a buyer not heard of. */
    public Uni<Set<String>> tenantsOf(UUID buyerId) {
        if (buyerId == null) {
            return Uni.createFrom().item(Set.of());
        }
        return CurrentTransaction.execute("""
                select tenant_id from buyer_tenant where buyer_id = $1
                union select tenant_id from open_invoice where buyer_id = $1""", Tuple.of(buyerId)).map(rows -> {
            Set<String> tenants = new HashSet<>();
            rows.forEach(r -> tenants.add(r.getString("tenant_id")));
            return Set.copyOf(tenants);
        });
    }
}
