package io.tradecredit.credit.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.persistence.GroupedInsert;
import io.tradecredit.credit.domain.Exposure;
import io.tradecredit.credit.domain.InsuranceCover;
import io.tradecredit.credit.domain.InsuranceCover.StopCause;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The credit check's two statements: one query for everything the decision needs (the buyer's
 * profile and its open positions summed, in the limit's currency), one insert for the record;
 * and the record read back by id.
 * Kept to plain SQL on the reactive client without a Hibernate session, because the check is the
 * service's hot path: a session per check cost more than the check itself (a native query's plan
 * was cached anew at every call, and its bulk-operation bookkeeping was logged as a warning at
 * every close). The read needs no transaction (one statement sees one snapshot); the records of
 * concurrent checks share one insert and one commit ({@link GroupedInsert}).
 */
@ApplicationScoped
public class CreditCheckRepository {
    /**
     * $1 tenant, $2 buyer, $3 today. One pass over the buyer's open positions: exposure and
     * overdue in the limit's currency, the oldest overdue due date in any currency; and what is open
     * in each other currency, as a JSON object of currency to amount (null when nothing is); what is overdue in each
     * currency with its oldest due date, oldest first, as a JSON array of [currency, amount, due date]. The rule is
     * {@code BuyerLedger.exposure} and {@code tradedBefore}; CreditCheckSnapshotFollowsTheRulesTest
     * pins this statement to it.
     */
    static final String SNAPSHOT = """
            select b.blocked, b.block_reason, b.grade, b.credit_limit, b.currency, b.payment_term_days,
                coalesce(p.exposure, 0) as exposure, coalesce(p.overdue, 0) as overdue, p.oldest_overdue_due,
                exists (select 1 from invoice_position t where t.tenant_id = b.tenant_id and t.buyer_id = b.id)
                    as traded_before,
                (select min(s.from_day) from stop_deliveries s where s.tenant_id = b.tenant_id and s.buyer_id = b.id)
                    as stop_deliveries_from,
                (select s.cause from stop_deliveries s where s.tenant_id = b.tenant_id and s.buyer_id = b.id
                    order by s.from_day, s.cause limit 1) as stop_deliveries_cause,
                exists (select 1 from insured_limit_schedule s where s.tenant_id = b.tenant_id and s.buyer_id = b.id)
                    as insurance_known,
                (select jsonb_object_agg(f.currency, f.open)::text from (
                    select trim(o.currency) as currency, sum(o.open_amount)::text as open from invoice_position o
                    where o.tenant_id = b.tenant_id and o.buyer_id = b.id and o.open_amount > 0
                        and o.currency <> b.currency
                    group by trim(o.currency)) f) as other_currencies,
                (select jsonb_agg(jsonb_build_array(f.currency, f.overdue, f.oldest) order by f.oldest, f.currency)::text
                    from (select trim(o.currency) as currency, sum(o.open_amount)::text as overdue,
                        min(o.due_date)::text as oldest from invoice_position o
                    where o.tenant_id = b.tenant_id and o.buyer_id = b.id and o.open_amount > 0 and o.due_date < $3
                    group by trim(o.currency)) f) as overdue_by_currency
            from buyer b left join lateral (
                select sum(o.open_amount) filter (where o.currency = b.currency) as exposure,
                    sum(o.open_amount) filter (where o.currency = b.currency and o.due_date < $3) as overdue,
                    min(o.due_date) filter (where o.due_date < $3) as oldest_overdue_due
                from invoice_position o
                where o.tenant_id = b.tenant_id and o.buyer_id = b.id and o.open_amount > 0) p on true
            where b.tenant_id = $1 and b.id = $2""";
    static final List<Column> RECORD = List.of(new Column("id", "uuid"), Column.text("tenant_id"),
            new Column("buyer_id", "uuid"), Column.text("currency"), new Column("order_amount", "numeric"),
            Column.text("outcome"), new Column("reason_list", "jsonb"), new Column("exposure", "numeric"),
            new Column("exposure_after", "numeric"), new Column("credit_limit", "numeric"), new Column("grade", "int"),
            new Column("term_days", "int"), new Column("first_order", "boolean"), Column.text("checked_by"),
            new Column("checked_at", "timestamptz"), new Column("stop_deliveries_from", "date"),
            new Column("insured_limit", "numeric"), new Column("insured_exposure", "numeric"),
            new Column("uninsured_exposure", "numeric"), new Column("order_insured", "numeric"),
            Column.text("insurance_reason"));
    /** $1 tenant, $2 buyer: every insurer decision on the buyer's limit, in the order received. */
    static final String LIMIT_SCHEDULE = """
            select periods::text as periods from insured_limit_schedule where tenant_id = $1 and buyer_id = $2""";
    /** $1 tenant, $2 buyer: the open positions the insured/uninsured split weighs (BuyerLedger's open ones). */
    static final String OPEN_INVOICES = """
            select invoice_number, issue_date, due_date, open_amount, currency from invoice_position
            where tenant_id = $1 and buyer_id = $2 and open_amount > 0""";
    /**
     * $1 tenant, $2 id. A check recorded before V4 has no exposure, first-order flag or reason list:
     * the rule answered exposure + order as exposure_after, joined the reasons with line breaks and
     * named a first order's terms in the last one ({@code CreditCheckRules.decide}), so they are read
     * from what the row has. Nothing rewrites those rows (V4 says why).
     */
    static final String FIND = """
            select id, buyer_id, currency, order_amount, outcome, exposure_after, credit_limit, grade, term_days,
                checked_by, checked_at, stop_deliveries_from, insured_limit, insured_exposure, uninsured_exposure,
                order_insured, insurance_reason,
                coalesce(reason_list, to_jsonb(string_to_array(reasons, E'\n')))::text as reasons,
                coalesce(exposure, exposure_after - order_amount) as exposure,
                coalesce(first_order, reasons ~ '(^|\n)first order: [^\n]*$') as first_order
            from credit_check where tenant_id = $1 and id = $2""";

    /**
     * What the check reads about a buyer; {@code oldestOverdueDue} is null when nothing is overdue; {@code stopCause}
     * what started the earliest stop-deliveries (null: none, or one kept before V15);
     * {@code otherCurrencies} what is open in each other currency than the limit's, by currency code.
     */
    public record Snapshot(boolean blocked, String blockReason, Integer grade, BigDecimal creditLimit, String currency,
            int paymentTermDays, BigDecimal exposure, BigDecimal overdue, LocalDate oldestOverdueDue,
            boolean tradedBefore, LocalDate stopDeliveriesFrom, StopCause stopCause, boolean insuranceKnown,
            List<Money> otherCurrencies,
            List<Exposure.Overdue> overdueByCurrency) {
    }

    /** What the insured/uninsured split needs, read only for a buyer with insurance known. */
    public record Insurance(InsuredLimitSchedule limits, List<InsuranceCover.OpenInvoice> invoices) {
    }

    /** A recorded check: what its answer said, in the buyer's limit currency. */
    public record CheckRow(UUID id, String tenantId, UUID buyerId, String currency, BigDecimal orderAmount,
            String outcome, List<String> reasons, BigDecimal exposure, BigDecimal exposureAfter,
            BigDecimal creditLimit, Integer grade, int termDays, boolean firstOrder, String checkedBy,
            OffsetDateTime checkedAt, LocalDate stopDeliveriesFrom, BigDecimal insuredLimit,
            BigDecimal insuredExposure, BigDecimal uninsuredExposure, BigDecimal orderInsured, String insuranceReason) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /** Decisions are group-committed: concurrent checks share one insert and one commit. */
    private GroupedInsert<CheckRow> records;

    @PostConstruct
    void init() {
        records = new GroupedInsert<>(pool, "credit_check", RECORD, this::values);
    }

    private List<Object> values(CheckRow r) {
        return Arrays.asList(r.id(), r.tenantId(), r.buyerId(), r.currency(), r.orderAmount(), r.outcome(),
                asJson(r.reasons()), r.exposure(), r.exposureAfter(), r.creditLimit(), r.grade(), r.termDays(),
                r.firstOrder(), r.checkedBy(), r.checkedAt(), r.stopDeliveriesFrom(), r.insuredLimit(),
                r.insuredExposure(), r.uninsuredExposure(), r.orderInsured(), r.insuranceReason());
    }

    /** The buyer as the check sees it, or null when the tenant has no such buyer. One statement, no transaction. */
    public Uni<Snapshot> snapshot(String tenantId, UUID buyerId, LocalDate today) {
        return pool.preparedQuery(SNAPSHOT).execute(Tuple.of(tenantId, buyerId, today))
                .map(rows -> rows.size() == 0 ? null : toSnapshot(rows.iterator().next()));
    }

    /**
     * The buyer's insured-limit schedule (null: none received) and open invoices, for the insured/uninsured split: two more
     * statements, paid only by the checks of buyers with insurance known (most checks skip them).
     */
    public Uni<Insurance> insurance(String tenantId, UUID buyerId) {
        Tuple key = Tuple.of(tenantId, buyerId);
        return pool.preparedQuery(LIMIT_SCHEDULE).execute(key).chain(schedule -> pool.preparedQuery(OPEN_INVOICES)
                .execute(key).map(open -> {
                    InsuredLimitSchedule limits = schedule.size() == 0 ? null
                            : InsuredLimitSchedule.fromJson(schedule.iterator().next().getString("periods"));
                    List<InsuranceCover.OpenInvoice> invoices = new ArrayList<>();
                    open.forEach(r -> invoices.add(new InsuranceCover.OpenInvoice(r.getString("invoice_number"),
                            r.getLocalDate("issue_date"), r.getLocalDate("due_date"),
                            Money.of(r.getBigDecimal("open_amount"), r.getString("currency").strip()))));
                    return new Insurance(limits, invoices);
                }));
    }

    /** Records the decision; completes once it is committed. */
    public Uni<Void> record(CheckRow r) {
        return records.insert(r);
    }

    /**
     * Records the decision in the current transaction ({@link CurrentTransaction}) instead: for a
     * check whose answer is stored with its Idempotency-Key, so that both commit, or neither.
     */
    public Uni<Void> recordInCurrentTransaction(CheckRow r) {
        return BulkInsert.into("credit_check", RECORD, List.of(r), this::values);
    }

    /** The tenant's recorded check, or null when it has none of that id. One statement, no transaction. */
    public Uni<CheckRow> find(String tenantId, UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(tenantId, id))
                .map(rows -> rows.size() == 0 ? null : toCheck(tenantId, rows.iterator().next()));
    }

    /** A row of {@link #FIND}. */
    private CheckRow toCheck(String tenantId, Row r) {
        return new CheckRow(r.getUUID("id"), tenantId, r.getUUID("buyer_id"), r.getString("currency").strip(),
                r.getBigDecimal("order_amount"), r.getString("outcome"), fromJson(r.getString("reasons")),
                r.getBigDecimal("exposure"), r.getBigDecimal("exposure_after"), r.getBigDecimal("credit_limit"),
                r.getInteger("grade"), r.getInteger("term_days"), r.getBoolean("first_order"),
                r.getString("checked_by"), r.getOffsetDateTime("checked_at"), r.getLocalDate("stop_deliveries_from"),
                r.getBigDecimal("insured_limit"), r.getBigDecimal("insured_exposure"),
                r.getBigDecimal("uninsured_exposure"), r.getBigDecimal("order_insured"), r.getString("insurance_reason"));
    }

    private String asJson(List<String> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reasons not serializable", e);
        }
    }

    private List<String> fromJson(String reasons) {
        try {
            return List.of(json.readValue(reasons, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded reasons unreadable", e);
        }
    }

    /** A row of {@link #SNAPSHOT}. */
    private Snapshot toSnapshot(Row r) {
        return new Snapshot(r.getBoolean("blocked"), r.getString("block_reason"), r.getInteger("grade"),
                r.getBigDecimal("credit_limit"), r.getString("currency").strip(), r.getInteger("payment_term_days"),
                r.getBigDecimal("exposure"), r.getBigDecimal("overdue"), r.getLocalDate("oldest_overdue_due"),
                r.getBoolean("traded_before"), r.getLocalDate("stop_deliveries_from"),
                stopCause(r.getString("stop_deliveries_cause")), r.getBoolean("insurance_known"),
                otherCurrencies(r.getString("other_currencies")), overdueByCurrency(r.getString("overdue_by_currency")));
    }

    /** The cause of the earliest stop; null for one kept before V15. */
    private static StopCause stopCause(String cause) {
        return cause == null ? null : StopCause.valueOf(cause);
    }

    /** [["USD", "3000.00", "2026-10-23"], ...] as what is overdue in each currency, in the statement's order. */
    private List<Exposure.Overdue> overdueByCurrency(String rows) {
        if (rows == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(rows, String[][].class)).stream().map(o -> new Exposure.Overdue(
                    Money.of(new BigDecimal(o[1]), o[0]), LocalDate.parse(o[2]))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("overdue amounts per currency unreadable: " + rows, e);
        }
    }

    /** {"USD": "3000.00"} as 3000.00 USD, in the order of the currency codes. */
    private List<Money> otherCurrencies(String amounts) {
        if (amounts == null) {
            return List.of();
        }
        try {
            Map<String, String> byCurrency = json.readValue(amounts, new TypeReference<TreeMap<String, String>>() {
            });
            return byCurrency.entrySet().stream().map(e -> Money.of(new BigDecimal(e.getValue()), e.getKey())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("open amounts in other currencies unreadable: " + amounts, e);
        }
    }
}
