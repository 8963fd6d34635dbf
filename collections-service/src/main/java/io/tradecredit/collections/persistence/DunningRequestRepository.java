package io.tradecredit.collections.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * The dunning requests that went out (table dunning_request, V15: written beside the outbox by whoever
 * records a request, the run's batch and an approved draft; until V17 an outbox trigger filled it) and the invoices they concerned as they stand now, always within the caller's
 * tenant, in the current transaction.
 */
@ApplicationScoped
public class DunningRequestRepository {
    /**
     * A batch's requests, one statement however many: one array per column; a request's invoices go as the
     * text of a uuid array (a two-dimensional array would not unnest per request).
     */
    static final String RECORDED = """
            insert into dunning_request (tenant_id, request_id, buyer_id, invoice_ids, about_instalments, requested_at,
                step_key, template_key, channel, requested_on)
            select tenant_id, request_id, buyer_id, invoice_ids::uuid[], about_instalments, requested_at, step_key,
                template_key, channel, requested_on
            from unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::boolean[], $6::timestamptz[], $7::text[],
                    $8::text[], $9::text[], $10::date[])
                as r (tenant_id, request_id, buyer_id, invoice_ids, about_instalments, requested_at, step_key,
                    template_key, channel, requested_on)
            on conflict do nothing""";

    /**
     * A dunning request as it went out: the invoices it concerned, whether it dunned a plan's instalments, and
     * the message (step, template, channel) with the business day it was requested, which later letters quote.
     */
    public record Requested(String tenantId, UUID requestId, UUID buyerId, List<UUID> invoiceIds, boolean aboutInstalments,
            OffsetDateTime at, String stepKey, String templateKey, String channel, LocalDate on) {
    }

    /**
     * Records requests as they go out to the outbox, in the current transaction (once: a request recorded
     * already is left as it is). The run's batch and an approved draft call it beside the outbox.
     */
    public Uni<Void> recorded(List<Requested> requests) {
        if (requests.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = requests.size();
        String[] tenants = new String[n];
        UUID[] ids = new UUID[n];
        UUID[] buyers = new UUID[n];
        String[] invoices = new String[n];
        Boolean[] instalments = new Boolean[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] steps = new String[n];
        String[] templates = new String[n];
        String[] channels = new String[n];
        LocalDate[] on = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            Requested r = requests.get(i);
            tenants[i] = r.tenantId();
            ids[i] = r.requestId();
            buyers[i] = r.buyerId();
            StringBuilder text = new StringBuilder(2 + 37 * r.invoiceIds().size()).append('{');
            for (int k = 0; k < r.invoiceIds().size(); k++) {
                text.append(k == 0 ? "" : ",").append(r.invoiceIds().get(k));
            }
            invoices[i] = text.append('}').toString();
            instalments[i] = r.aboutInstalments();
            at[i] = r.at();
            steps[i] = r.stepKey();
            templates[i] = r.templateKey();
            channels[i] = r.channel();
            on[i] = r.on();
        }
        return CurrentTransaction.execute(RECORDED, Tuple.from(List.of(tenants, ids, buyers, invoices,
                instalments, at, steps, templates, channels, on)))
                .replaceWithVoid();
    }

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
                    coalesce(p.state = 'AGREED', false) as under_plan, s.agency_code as settled_by_agency
                from open_invoice o left join payment_plan p on p.tenant_id = o.tenant_id and p.plan_id = o.plan_id
                    left join agency_settled_invoice s on s.tenant_id = o.tenant_id and s.invoice_id = o.invoice_id
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
                Money.rounded(r.getBigDecimal("collectible_amount"), currency), r.getBoolean("under_plan"),
                r.getString("settled_by_agency"));
    }
}
