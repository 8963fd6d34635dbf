package io.tradecredit.collections.persistence;

import static io.tradecredit.collections.persistence.ResultColumns.at;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.Hold;
import io.tradecredit.collections.persistence.RunBatchRows.BuyerKey;
import io.tradecredit.collections.persistence.RunBatchRows.InstalmentRow;
import io.tradecredit.collections.persistence.RunBatchRows.InvoiceRow;
import io.tradecredit.collections.persistence.RunBatchRows.PlanRow;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.persistence.RunBatchRows.TakenRow;
import io.tradecredit.collections.persistence.RunBatchRows.TenantHold;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The daily run's SQL (tables in {@code V3__dunning_run.sql}), in the current transaction. A batch
 * claims the next buyers with open invoices in key order, after the last buyer already done for
 * the date (keyset paging on the partial index {@code open_invoice_buyer}), by inserting their
 * progress rows: the claim commits with the batch's steps or not at all.
 */
@ApplicationScoped
public class DunningRunStore {
    static final String LAST_DONE = """
            select tenant_id, buyer_id from dunning_run_buyer where run_date = $1
            order by tenant_id desc, buyer_id desc limit 1""";
    /**
     * The next buyers in key order whose open invoices add up to at most $2 (a buyer with more is a
     * batch alone), so a batch holds a bounded number of invoices however they are spread over
     * buyers. The inner query reads the next $2 + 1 open invoices in key order through
     * {@code open_invoice_buyer} (an index-only scan): every buyer among them has all its invoices
     * there but the last, which may be cut off and is left to the next batch, unless it is the only
     * one (a buyer with more than $2 invoices) or nothing follows it.
     */
    static final String CLAIM = """
            insert into dunning_run_buyer (run_date, tenant_id, buyer_id, done_at)
            select $1, tenant_id, buyer_id, $3 from (
                select tenant_id, buyer_id, row_number() over (order by tenant_id desc, buyer_id desc) as from_last,
                    count(*) over () as buyers, sum(count(*)) over () as invoices
                from (select o.tenant_id, o.buyer_id from open_invoice o
                      where o.state = 'OPEN' and ($4::text is null or (o.tenant_id, o.buyer_id) > ($4, $5::uuid))
                      order by o.tenant_id, o.buyer_id limit $2 + 1) as next_invoices
                group by tenant_id, buyer_id) as next
            where from_last > 1 or buyers = 1 or invoices <= $2
            on conflict do nothing returning tenant_id, buyer_id""";
    /** {@link #CLAIM}'s buyers in key order: the last is where the next batch starts. */
    static final String CLAIM_IN_ORDER = "with claimed as (" + CLAIM + ") select tenant_id, buyer_id from claimed"
            + " order by tenant_id, buyer_id";
    /** One tenant's buyers with open invoices (all, or one), a page of them: what a dry run looks at. */
    static final String TENANT_BUYERS = """
            select distinct tenant_id, buyer_id from open_invoice
            where tenant_id = $1 and state = 'OPEN' and ($2::uuid is null or buyer_id = $2)
            order by tenant_id, buyer_id limit $3 offset $4""";
    /**
     * The batch's open invoices with their plan; an invoice under an agreed plan comes once per
     * instalment of it (the one join the plans cost: invoices without a plan join nothing), and
     * {@link #load} folds those rows back into one invoice with its instalments.
     */
    static final String INVOICES = """
            select o.tenant_id, o.buyer_id, o.invoice_id, o.invoice_number, o.purchase_order_number, o.issue_date,
                o.currency, o.open_amount, o.disputed_amount, o.collectible_amount, o.released_beside_plan, o.due_date, p.state as plan_state,
                b.grade, o.seller_name, o.seller_address, o.seller_tax_id, o.seller_bank_account, o.buyer_address,
                o.buyer_name, b.name as registered_name, o.late_charges_as_of, o.late_interest, o.late_fee,
                o.late_charges_total, o.late_daily_rate, o.late_fee_after_days, o.late_fee_rate, o.late_legal_basis,
                p.plan_id, p.principal as plan_principal, p.ended_on as plan_ended_on, i.number as instalment_number,
                i.due_date as instalment_due_date, i.amount as instalment_amount,
                coalesce(i.principal, i.amount) as instalment_principal, i.missed as instalment_missed,
                exists (select 1 from agency_settled_invoice s where s.tenant_id = o.tenant_id
                    and s.invoice_id = o.invoice_id) as settled_by_agency,
                coalesce(b.insolvent, false) or exists (select 1 from insolvency_claim c where c.tenant_id = o.tenant_id
                    and c.buyer_id = o.buyer_id) as buyer_insolvent
            from unnest($1::text[], $2::uuid[]) as k(tenant_id, buyer_id)
            left join buyer b on b.tenant_id = k.tenant_id and b.buyer_id = k.buyer_id
            join open_invoice o on o.tenant_id = k.tenant_id and o.buyer_id = k.buyer_id and o.state = 'OPEN'
            left join payment_plan p on p.tenant_id = o.tenant_id and p.plan_id = o.plan_id
            left join plan_instalment i on i.tenant_id = p.tenant_id and i.plan_id = p.plan_id and p.state = 'AGREED'
            order by o.tenant_id, o.buyer_id, o.due_date, o.invoice_number, i.number""";
    static final String HOLDS = """
            select h.tenant_id, h.id, h.buyer_id, h.invoice_id, h.reason, h.from_day, h.until_day, h.released_on
            from unnest($1::text[], $2::uuid[]) as k(tenant_id, buyer_id)
            join dunning_hold h on h.tenant_id = k.tenant_id and h.buyer_id = k.buyer_id and h.until_day >= $3""";
    static final String TAKEN = """
            select l.tenant_id, l.buyer_id, l.item_ref, l.step_key, l.run_date
            from unnest($1::text[], $2::uuid[]) as k(tenant_id, buyer_id)
            join dunning_step_log l on l.tenant_id = k.tenant_id and l.buyer_id = k.buyer_id and l.outcome <> 'SKIPPED'
            order by l.run_date, l.step_day""";
    /** The requests that went out (not the drafts still pending or discarded); rows from before V25 may say no message. */
    static final String SENT = """
            select r.tenant_id, r.buyer_id, r.step_key, r.template_key, r.channel, r.requested_on,
                r.withdrawn_at is not null as withdrawn, r.invoice_ids
            from unnest($1::text[], $2::uuid[]) as k(tenant_id, buyer_id)
            join dunning_request r on r.tenant_id = k.tenant_id and r.buyer_id = k.buyer_id and r.template_key is not null
            order by r.requested_on, r.requested_at, r.step_key, r.channel""";

    static final List<BulkInsert.Column> LOG = List.of(BulkInsert.Column.text("tenant_id"),
            new BulkInsert.Column("buyer_id", "uuid"), BulkInsert.Column.text("item_ref"), BulkInsert.Column.text("step_key"),
            new BulkInsert.Column("run_date", "date"), new BulkInsert.Column("step_day", "date"),
            BulkInsert.Column.text("outcome"), BulkInsert.Column.text("skip_reason"), BulkInsert.Column.text("superseded_by"),
            BulkInsert.Column.text("ladder_key"), new BulkInsert.Column("ladder_version", "int"),
            BulkInsert.Column.text("template_key"), BulkInsert.Column.text("channels"), new BulkInsert.Column("currency", "bpchar"),
            new BulkInsert.Column("collectible", "numeric"), new BulkInsert.Column("logged_at", "timestamptz"),
            new BulkInsert.Column("instalment_number", "int"));

    /** One row of the log of steps, in the column order of {@link #LOG}; {@code instalmentNumber} null for an invoice. */
    public record LogRow(String tenantId, UUID buyerId, String itemRef, String stepKey, LocalDate runDate,
            LocalDate stepDay, String outcome, String skipReason, String supersededBy, String ladderKey,
            int ladderVersion, String templateKey, String channels, String currency, BigDecimal collectible,
            OffsetDateTime loggedAt, Integer instalmentNumber) {
        List<Object> values() {
            return Arrays.asList(tenantId, buyerId, itemRef, stepKey, runDate, stepDay, outcome, skipReason, supersededBy,
                    ladderKey, ladderVersion, templateKey, channels, currency, collectible, loggedAt, instalmentNumber);
        }
    }

    /**
     * Claims the next buyers not yet done for {@code runDate}, in key order, with at most
     * {@code invoices} open invoices between them (at least one buyer); none left: empty.
     */
    public Uni<List<BuyerKey>> claimNext(LocalDate runDate, int invoices, OffsetDateTime now) {
        return claimNext(runDate, invoices, now, null);
    }

    /**
     * The same after {@code after}, the last buyer a batch not yet committed claimed (its claims are
     * not visible here), or after the last one done for the date when null; answers the buyers in key
     * order.
     */
    public Uni<List<BuyerKey>> claimNext(LocalDate runDate, int invoices, OffsetDateTime now, BuyerKey after) {
        Uni<BuyerKey> from = after != null ? Uni.createFrom().item(after)
                : CurrentTransaction.execute(LAST_DONE, Tuple.of(runDate)).map(last -> last.size() == 0 ? null
                        : buyers(last).get(0));
        return from.chain(l -> CurrentTransaction.execute(CLAIM_IN_ORDER, CurrentTransaction.params(runDate, invoices,
                now, l == null ? null : l.tenantId(), l == null ? null : l.buyerId())))
                .map(DunningRunStore::buyers);
    }

    /** A page of one tenant's buyers with open invoices (or just {@code buyerId}), claiming nothing. */
    public Uni<List<BuyerKey>> tenantBuyers(String tenantId, UUID buyerId, int limit, long offset) {
        return CurrentTransaction.execute(TENANT_BUYERS, CurrentTransaction.params(tenantId, buyerId, limit, offset))
                .map(DunningRunStore::buyers);
    }

    /** Everything a batch of buyers is judged on; holds that ended before {@code from} are left out. */
    public Uni<RunBatchRows> load(List<BuyerKey> buyers, LocalDate from) {
        if (buyers.isEmpty()) {
            return Uni.createFrom().item(new RunBatchRows(List.of(), List.of(), List.of(), List.of(), List.of()));
        }
        String[] tenants = buyers.stream().map(BuyerKey::tenantId).toArray(String[]::new);
        UUID[] ids = buyers.stream().map(BuyerKey::buyerId).toArray(UUID[]::new);
        return CurrentTransaction.execute(INVOICES, Tuple.of(tenants, ids)).chain(invoices -> CurrentTransaction
                .execute(HOLDS, Tuple.of(tenants, ids, from)).chain(holds -> CurrentTransaction
                        .execute(TAKEN, Tuple.of(tenants, ids)).chain(taken -> CurrentTransaction
                                .execute(SENT, Tuple.of(tenants, ids)).chain(sent -> InsuredLimitStore.ofBuyers(tenants, ids)
                                        .map(insurance -> new RunBatchRows(buyers, invoices(invoices),
                                                map(holds, DunningRunStore::hold), map(taken, DunningRunStore::taken),
                                                map(sent, DunningRunStore::sent), insurance))))));
    }

    /** Writes the batch's log rows with one statement; a step taken twice violates dunning_step_taken_once. */
    public Uni<Void> log(List<LogRow> rows) {
        return BulkInsert.into("dunning_step_log", LOG, rows, LogRow::values);
    }

    private static List<BuyerKey> buyers(RowSet<Row> rows) {
        return map(rows, r -> new BuyerKey(r.getString("tenant_id"), r.getUUID("buyer_id")));
    }

    /** Where the run's own columns of {@link #INVOICES} are in its result, found once per batch. */
    private record InvoiceColumns(int tenantId, int buyerId, int invoiceId, int currency, int openAmount,
            int disputedAmount, int releasedBesidePlan, int dueDate, int planState, int grade, int planId, int planPrincipal, int planEndedOn,
            int instalmentNumber, int instalmentDueDate, int instalmentAmount, int instalmentPrincipal,
            int instalmentMissed, int settledByAgency, int buyerInsolvent, LetterFactsRepository.Columns letter) {
        static InvoiceColumns of(RowSet<Row> rows) {
            List<String> n = rows.columnsNames();
            return new InvoiceColumns(at(n, "tenant_id"), at(n, "buyer_id"), at(n, "invoice_id"), at(n, "currency"),
                    at(n, "open_amount"), at(n, "disputed_amount"), at(n, "released_beside_plan"), at(n, "due_date"), at(n, "plan_state"), at(n, "grade"),
                    at(n, "plan_id"), at(n, "plan_principal"), at(n, "plan_ended_on"), at(n, "instalment_number"),
                    at(n, "instalment_due_date"), at(n, "instalment_amount"), at(n, "instalment_principal"),
                    at(n, "instalment_missed"), at(n, "settled_by_agency"), at(n, "buyer_insolvent"),
                    LetterFactsRepository.Columns.of(rows));
        }
    }

    /** One row per invoice: the rows of an invoice under an agreed plan (one per instalment, in order) folded into it. */
    private static List<InvoiceRow> invoices(RowSet<Row> rows) {
        List<InvoiceRow> out = new ArrayList<>(rows.size());
        if (rows.size() == 0) {
            return out;
        }
        InvoiceColumns c = InvoiceColumns.of(rows);
        InvoiceRow last = null;
        for (Row r : rows) {
            Integer number = r.getInteger(c.instalmentNumber());
            if (last != null && number != null && last.invoiceId().equals(r.getUUID(c.invoiceId()))
                    && last.tenantId().equals(r.getString(c.tenantId()))) {
                last.plan().instalments().add(instalment(r, c, number));
                continue;
            }
            last = invoice(r, c, number);
            out.add(last);
        }
        return out;
    }

    private static InvoiceRow invoice(Row r, InvoiceColumns c, Integer instalment) {
        String currency = r.getString(c.currency()).trim();
        UUID planId = r.getUUID(c.planId());
        PlanRow plan = planId == null ? null : new PlanRow(planId, r.getBigDecimal(c.planPrincipal()),
                r.getLocalDate(c.planEndedOn()), new ArrayList<>());
        if (instalment != null) {
            plan.instalments().add(instalment(r, c, instalment));
        }
        return new InvoiceRow(r.getString(c.tenantId()), r.getUUID(c.buyerId()), r.getUUID(c.invoiceId()), currency,
                r.getBigDecimal(c.openAmount()), r.getBigDecimal(c.disputedAmount()), r.getLocalDate(c.dueDate()),
                r.getString(c.planState()), r.getInteger(c.grade()), LetterFactsRepository.row(r, c.letter()), plan,
                r.getBigDecimal(c.releasedBesidePlan()), Boolean.TRUE.equals(r.getBoolean(c.settledByAgency())),
                Boolean.TRUE.equals(r.getBoolean(c.buyerInsolvent())));
    }

    private static InstalmentRow instalment(Row r, InvoiceColumns c, int number) {
        return new InstalmentRow(number, r.getLocalDate(c.instalmentDueDate()), r.getBigDecimal(c.instalmentAmount()),
                r.getBigDecimal(c.instalmentPrincipal()), r.getBoolean(c.instalmentMissed()));
    }

    private static TenantHold hold(Row r) {
        return new TenantHold(r.getString("tenant_id"), new Hold(r.getUUID("id"), r.getUUID("buyer_id"),
                r.getUUID("invoice_id"), Hold.Reason.valueOf(r.getString("reason")), r.getLocalDate("from_day"),
                r.getLocalDate("until_day"), r.getLocalDate("released_on")));
    }

    private static TakenRow taken(Row r) {
        return new TakenRow(r.getString("tenant_id"), r.getUUID("buyer_id"), r.getString("item_ref"),
                r.getString("step_key"), r.getLocalDate("run_date"));
    }

    private static RunBatchRows.SentRow sent(Row r) {
        return new RunBatchRows.SentRow(r.getString("tenant_id"), r.getUUID("buyer_id"), new LetterFacts.SentRequest(
                r.getString("step_key"), r.getString("template_key"), r.getString("channel"), r.getLocalDate("requested_on"),
                r.getBoolean("withdrawn"), List.of(r.getArrayOfUUIDs("invoice_ids"))));
    }

    private static <T> List<T> map(RowSet<Row> rows, java.util.function.Function<Row, T> mapper) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(mapper.apply(r)));
        return out;
    }
}
