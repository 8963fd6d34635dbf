package io.tradecredit.collections.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.InvoiceNow;
import io.tradecredit.collections.domain.RequestedMessage;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The dunning requests that went out (table dunning_request, filled from the outbox as each request
 * is recorded: V15) and the invoices they concerned as they stand now, always within the caller's
 * tenant, in the current transaction.
 */
@ApplicationScoped
public class DunningRequestRepository {

    /** The buyer's requests made at or after {@code since} and not withdrawn, oldest first. */
    public Uni<List<RequestedMessage>> recentOf(String tenantId, UUID buyerId, Instant since) {
        return CurrentTransaction.execute("select request_id, requested_at, invoice_ids, about_instalments from dunning_request"
                + " where tenant_id = $1 and buyer_id = $2 and requested_at >= $3 and withdrawn_at is null"
                + " order by requested_at, request_id", Tuple.of(tenantId, buyerId, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<RequestedMessage> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new RequestedMessage(r.getUUID("request_id"),
                            r.getOffsetDateTime("requested_at").toInstant(), Arrays.asList(r.getArrayOfUUIDs("invoice_ids")),
                            r.getBoolean("about_instalments"))));
                    return out;
                });
    }

    /** The tenant's invoices of {@code ids} the read model knows, by id. */
    public Uni<Map<UUID, InvoiceNow>> invoicesNow(String tenantId, List<UUID> ids) {
        return CurrentTransaction.execute("""
                select o.invoice_id, o.invoice_number, o.state, o.currency, o.open_amount, o.collectible_amount,
                    coalesce(p.state = 'AGREED', false) as under_plan
                from open_invoice o left join payment_plan p on p.tenant_id = o.tenant_id and p.plan_id = o.plan_id
                where o.tenant_id = $1 and o.invoice_id = any($2)""", Tuple.of(tenantId, ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, InvoiceNow> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("invoice_id"), invoice(r)));
                    return out;
                });
    }

    /** Marks the request withdrawn with its reason; false when it was withdrawn already (nothing is done twice). */
    public Uni<Boolean> withdrawn(String tenantId, UUID requestId, String reason, Instant at) {
        return CurrentTransaction.execute("update dunning_request set withdrawn_at = $3, withdrawal_reason = $4"
                + " where tenant_id = $1 and request_id = $2 and withdrawn_at is null",
                Tuple.of(tenantId, requestId, at.atOffset(ZoneOffset.UTC), reason)).map(rows -> rows.rowCount() == 1);
    }

    private static InvoiceNow invoice(Row r) {
        var currency = Money.currencyOf(r.getString("currency").trim());
        return new InvoiceNow(r.getUUID("invoice_id"), r.getString("invoice_number"), r.getString("state"),
                Money.rounded(r.getBigDecimal("open_amount"), currency),
                Money.rounded(r.getBigDecimal("collectible_amount"), currency), r.getBoolean("under_plan"));
    }
}
