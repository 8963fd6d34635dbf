package io.tradecredit.collections.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.events.AgencyEvents.Debtor;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Who a buyer is, as the read model's {@code buyer} row knows it (from credit-events). */
@ApplicationScoped
public class BuyerIdentityRepository {

    public Uni<Optional<Debtor>> of(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute("select buyer_id, name, country, registration_number, tax_id from buyer"
                + " where tenant_id = $1 and buyer_id = $2", Tuple.of(tenantId, buyerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(debtor(rows.iterator().next())));
    }

    private static Debtor debtor(Row r) {
        String country = r.getString("country");
        return new Debtor(r.getUUID("buyer_id"), r.getString("name"), country == null ? null : country.trim(),
                r.getString("registration_number"), r.getString("tax_id"), null);
    }
}
