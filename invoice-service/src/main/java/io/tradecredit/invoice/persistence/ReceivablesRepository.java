package io.tradecredit.invoice.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.Rows;
import io.tradecredit.invoice.domain.Aging;
import io.tradecredit.invoice.domain.CollectionKpis;
import io.tradecredit.invoice.domain.LedgerEntry;
import io.tradecredit.invoice.domain.OpenItem;
import io.tradecredit.invoice.domain.StatementEntry;

/**
 * The receivables as they stood on a date, for reports: from invoice totals and the ledger
 * entries effective on or before the date. An invoice counts from its issue date until it is
 * cancelled (a cancellation is no ledger entry: the invoice is withdrawn, not paid).
 */
@ApplicationScoped
public class ReceivablesRepository {
    /**
     * Invoices owed on :d (issued by then, not cancelled by then): {@code LateChargeAccount.owedOn}
     * in SQL, pinned to it by ReceivablesFollowTheRulesTest. A cancelled invoice without a
     * cancellation date is owed, as the rule has it: nothing says since when it was withdrawn.
     */
    static final String OWED = """
            i.tenant_id = :t and i.issue_date <= :d
            and not (i.status = 'CANCELLED' and i.closed_on is not null and i.closed_on <= :d)""";

    /**
     * The invoices owed on :d with something open on them then ({@code o.open_amount}: the total less the ledger
     * entries effective by then), of one buyer (:b) or of all: a {@code from} clause for the queries below.
     */
    private static String openOn(UUID buyerId) {
        String ofBuyer = buyerId == null ? "" : " and buyer_id = :b";
        return """
                from (select i.id, i.buyer_id, i.currency, i.due_date, i.total_amount - coalesce(l.reduced, 0) as open_amount
                    from invoice i left join (
                        select invoice_id, sum(amount) as reduced from ledger_entry
                        where tenant_id = :t and effective_date <= :d""" + ofBuyer + """
                 group by invoice_id) l on l.invoice_id = i.id
                """ + " where " + OWED + (buyerId == null ? "" : " and i.buyer_id = :b") + ") o where o.open_amount > 0";
    }

    /** Every invoice with something open on {@code asOf}; of one buyer, or of all when {@code buyerId} is null. */
    public Uni<List<OpenItem>> openItems(String tenantId, UUID buyerId, LocalDate asOf) {
        return onDate("select o.id, o.buyer_id, o.currency, o.due_date, o.open_amount " + openOn(buyerId)
                + " order by o.due_date, o.id", tenantId, buyerId, asOf)
                .map(rows -> rows.stream().map(ReceivablesRepository::toOpenItem).toList());
    }

    /**
     * What is open on {@code asOf}, summed per currency and due date ({@link #openItems}'s amounts, added up in the
     * database); of one buyer, or of all when {@code buyerId} is null. The reports' aging reads these: the tenant's
     * invoices one by one ran a service with a million open ones out of memory.
     */
    public Uni<List<Aging.DueDateTotal>> openByDueDate(String tenantId, UUID buyerId, LocalDate asOf) {
        return onDate("select o.currency, o.due_date, sum(o.open_amount) as open_amount, count(*) as invoices "
                + openOn(buyerId) + " group by o.currency, o.due_date order by o.currency, o.due_date",
                tenantId, buyerId, asOf)
                .map(rows -> rows.stream().map(r -> new Aging.DueDateTotal(r.get("due_date", LocalDate.class),
                        Rows.money(r, "open_amount", "currency"), r.get("invoices", Long.class).intValue())).toList());
    }

    private Uni<List<Tuple>> onDate(String sql, String tenantId, UUID buyerId, LocalDate asOf) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Tuple.class).setParameter("t", tenantId).setParameter("d", asOf);
            if (buyerId != null) {
                q.setParameter("b", buyerId);
            }
            return q.getResultList();
        });
    }

    /**
     * Per currency, the totals of invoices issued after {@code after} up to {@code asOf} and still
     * owed then; to one buyer, or to all when {@code buyerId} is null.
     */
    public Uni<Map<String, Money>> creditSales(String tenantId, UUID buyerId, LocalDate after, LocalDate asOf) {
        String sql = "select i.currency, sum(i.total_amount) as sales from invoice i where " + OWED
                + (buyerId == null ? "" : " and i.buyer_id = :b") + " and i.issue_date > :from group by i.currency";
        return inPeriod(sql, tenantId, buyerId, after, asOf).map(rows -> {
                    Map<String, Money> sales = new TreeMap<>();
                    rows.forEach(r -> sales.put(Rows.currencyCode(r, "currency"), Rows.money(r, "sales", "currency")));
                    return sales;
                });
    }

    /**
     * Per currency, the credit notes issued by {@code asOf} on the invoices {@link #creditSales} sums (issued after
     * {@code after} up to {@code asOf}, still owed then), whole; to one buyer, or to all when {@code buyerId} is null.
     */
    public Uni<Map<String, Money>> creditNotesOnSales(String tenantId, UUID buyerId, LocalDate after, LocalDate asOf) {
        String sql = "select n.currency, sum(n.amount) as notes from credit_note n join invoice i on i.id = n.invoice_id"
                + " and i.tenant_id = n.tenant_id where " + OWED + (buyerId == null ? "" : " and i.buyer_id = :b")
                + " and i.issue_date > :from and n.issued_on <= :d group by n.currency";
        return inPeriod(sql, tenantId, buyerId, after, asOf).map(rows -> {
            Map<String, Money> notes = new TreeMap<>();
            rows.forEach(r -> notes.put(Rows.currencyCode(r, "currency"), Rows.money(r, "notes", "currency")));
            return notes;
        });
    }

    /**
     * Per buyer and currency, the period (after, asOf] as the collection report reads it: the receivables open on
     * {@code after} ({@link #openItems}'s amounts then), the credit sales ({@link #creditSales}), the credit notes
     * issued in it on invoices still owed on {@code asOf} (their whole amount: what went on the invoice and what became
     * the buyer's credit), what was paid in it
     * and what was written off in it. Paid is the payments received in the period that stand (a reversed payment never
     * paid: its reversal is dated on the day it was received), whole, what they paid on invoices and what they left as
     * the buyer's credit alike, the buyers' ({@code collected}) apart from their credit insurers' (a claim's indemnity
     * as posted: {@code paidByInsurer}). Buyer credit applied to invoices is not paid again: it is money a payment
     * brought in (counted when received) or an upheld dispute gave back of a payment (counted when that payment was
     * received). Per buyer, so that what a buyer paid beyond all it owed is known as paid in advance
     * ({@link CollectionKpis.BuyerPeriod#paidInAdvance}); of one buyer, or of all when {@code buyerId} is null.
     * {@link #collectionTotals} adds them up per currency in the database.
     */
    public Uni<List<CollectionKpis.BuyerPeriod>> collectionByBuyer(String tenantId, UUID buyerId, LocalDate after,
            LocalDate asOf) {
        return inPeriod(perBuyer(buyerId) + " order by currency, buyer_id", tenantId, buyerId, after, asOf)
                .map(rows -> rows.stream().map(r -> {
                    String currency = Rows.currencyCode(r, "currency");
                    return new CollectionKpis.BuyerPeriod(moneyOrZero(r, "opening", currency),
                            moneyOrZero(r, "sales", currency), moneyOrZero(r, "notes", currency),
                            moneyOrZero(r, "collected", currency), moneyOrZero(r, "by_insurer", currency),
                            moneyOrZero(r, "written_off", currency));
                }).toList());
    }

    /**
     * {@link #collectionByBuyer}'s periods added up per currency as {@link CollectionKpis.Totals#of} adds them (each
     * buyer's to collect and paid in advance on its own), in the database: a tenant's buyers one by one would not fit
     * in memory (100,000 of them under the benchmark's million invoices).
     */
    public Uni<List<CollectionKpis.Totals>> collectionTotals(String tenantId, UUID buyerId, LocalDate after,
            LocalDate asOf) {
        String toCollect = "greatest(0, opening + sales - notes)";
        String sql = "select currency, sum(opening) as opening, sum(sales) as sales, sum(notes) as notes,"
                + " sum(" + toCollect + ") as to_collect, sum(collected) as collected,"
                + " sum(greatest(0, collected - greatest(0, " + toCollect + " - by_insurer - written_off))) as in_advance,"
                + " sum(by_insurer) as by_insurer, sum(written_off) as written_off from ("
                + perBuyer(buyerId) + ") b group by currency order by currency";
        return inPeriod(sql, tenantId, buyerId, after, asOf).map(rows -> rows.stream().map(r -> {
            String currency = Rows.currencyCode(r, "currency");
            return new CollectionKpis.Totals(moneyOrZero(r, "opening", currency), moneyOrZero(r, "sales", currency),
                    moneyOrZero(r, "notes", currency), moneyOrZero(r, "to_collect", currency),
                    moneyOrZero(r, "collected", currency), moneyOrZero(r, "in_advance", currency),
                    moneyOrZero(r, "by_insurer", currency), moneyOrZero(r, "written_off", currency));
        }).toList());
    }

    /** Per buyer and currency, each figure of the period (0 when none): the rows {@link #collectionByBuyer} reads. */
    private static String perBuyer(UUID buyerId) {
        String ofBuyer = buyerId == null ? "" : " and %s.buyer_id = :b";
        String none = "cast(null as numeric)";
        return "select buyer_id, currency, coalesce(sum(opening), 0) as opening, coalesce(sum(sales), 0) as sales,"
                + " coalesce(sum(notes), 0) as notes, coalesce(sum(collected), 0) as collected,"
                + " coalesce(sum(by_insurer), 0) as by_insurer, coalesce(sum(written_off), 0) as written_off from ("
                + " select o.buyer_id, o.currency, o.open_amount as opening, " + none + " as sales, " + none
                + " as notes, " + none + " as collected, " + none + " as by_insurer, " + none + " as written_off "
                + openOn(buyerId).replace(":d", ":from")
                + " union all"
                + " select i.buyer_id, i.currency, null, i.total_amount, null, null, null, null from invoice i where "
                + OWED + ofBuyer.formatted("i") + " and i.issue_date > :from"
                + " union all"
                + " select n.buyer_id, n.currency, null, null, n.amount, null, null, null from credit_note n"
                + " join invoice i on i.id = n.invoice_id and i.tenant_id = n.tenant_id where " + OWED
                + ofBuyer.formatted("n") + " and n.issued_on > :from and n.issued_on <= :d"
                + " union all"
                + " select p.buyer_id, p.currency, null, null, null,"
                + " case when p.payer_kind = 'BUYER' then p.amount end, case when p.payer_kind = 'INSURER' then p.amount end,"
                + " null from payment p"
                + " where p.tenant_id = :t and p.status = 'POSTED' and p.received_on > :from and p.received_on <= :d"
                + ofBuyer.formatted("p")
                + " union all"
                + " select e.buyer_id, e.currency, null, null, null, null, null, e.amount from ledger_entry e"
                + " where e.tenant_id = :t and e.kind = 'WRITE_OFF' and e.effective_date > :from and e.effective_date <= :d"
                + ofBuyer.formatted("e")
                + ") x group by currency, buyer_id";
    }

    private static Money moneyOrZero(Tuple r, String column, String currency) {
        return r.get(column) == null ? Money.zero(currency) : Rows.money(r, column, "currency");
    }

    /** Runs a per-currency query over (after, asOf] of the tenant ({@code :t}, {@code :from}, {@code :d}), of one buyer ({@code :b}) unless null. */
    private static Uni<List<Tuple>> inPeriod(String sql, String tenantId, UUID buyerId, LocalDate after, LocalDate asOf) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Tuple.class).setParameter("t", tenantId).setParameter("d", asOf)
                    .setParameter("from", after);
            if (buyerId != null) {
                q.setParameter("b", buyerId);
            }
            return q.getResultList();
        });
    }

    /**
     * The buyer's invoices owed on {@code asOf} that were still open at the end of their due date
     * and settled (paid or credited, not written off) by {@code asOf}: their late charges stay due
     * after the principal is paid, so the statement of the date lists them.
     */
    public Uni<List<UUID>> settledLate(String tenantId, UUID buyerId, LocalDate asOf) {
        String sql = """
                select i.id from invoice i left join lateral (
                    select coalesce(sum(e.amount) filter (where e.effective_date <= i.due_date), 0) as by_due,
                           coalesce(sum(e.amount), 0) as by_day,
                           coalesce(sum(e.amount) filter (where e.kind = 'WRITE_OFF'), 0) as written_off
                    from ledger_entry e
                    where e.tenant_id = i.tenant_id and e.invoice_id = i.id and e.effective_date <= :d) l on true
                """ + " where " + OWED + """
                 and i.buyer_id = :b and i.due_date < :d and i.total_amount - l.by_due > 0
                 and i.total_amount - l.by_day <= 0 and l.written_off = 0""";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object.class).setParameter("t", tenantId)
                .setParameter("d", asOf).setParameter("b", buyerId).getResultList())
                .map(rows -> rows.stream().map(r -> (UUID) r).toList());
    }

    /** The ledger entries of these invoices effective on or before {@code asOf}. */
    public Uni<List<LedgerEntry>> entriesOf(String tenantId, Collection<UUID> invoiceIds, LocalDate asOf) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, tenant_id, buyer_id, invoice_id, kind, amount, currency, effective_date, reference_id, note,
                    created_at, created_by
                from ledger_entry where tenant_id = :t and invoice_id in (:ids) and effective_date <= :d
                order by effective_date, created_at""", Tuple.class)
                .setParameter("t", tenantId).setParameter("ids", invoiceIds).setParameter("d", asOf).getResultList())
                .map(rows -> rows.stream().map(LedgerRepository::toEntry).toList());
    }

    /** A buyer's ledger entries effective from {@code from} to {@code to}, both included, oldest first. */
    public Uni<List<StatementEntry>> entriesOfBuyer(String tenantId, UUID buyerId, LocalDate from, LocalDate to) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select e.id, e.tenant_id, e.buyer_id, e.invoice_id, e.kind, e.amount, e.currency, e.effective_date,
                    e.reference_id, e.note, e.created_at, e.created_by, i.invoice_number
                from ledger_entry e join invoice i on i.id = e.invoice_id and i.tenant_id = e.tenant_id
                where e.tenant_id = :t and e.buyer_id = :b and e.effective_date between :from and :to
                order by e.effective_date, e.created_at, e.id""", Tuple.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("from", from)
                .setParameter("to", to).getResultList())
                .map(rows -> rows.stream().map(r -> StatementEntry.of(LedgerRepository.toEntry(r),
                        r.get("invoice_number", String.class))).toList());
    }

    /** An invoice row with what is open on it (open_amount), as {@link #openItems} selects it. */
    private static OpenItem toOpenItem(Tuple r) {
        return new OpenItem(r.get("id", UUID.class), r.get("buyer_id", UUID.class), r.get("due_date", LocalDate.class),
                Rows.money(r, "open_amount", "currency"));
    }
}
