package io.tradecredit.invoice.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoiceSearch;
import io.tradecredit.invoice.domain.InvoiceStatus;
import io.vertx.mutiny.sqlclient.Tuple;

/** Invoices of a tenant. Every query takes the tenant: another tenant's invoice does not exist here. */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    /** Search criteria; null means "any". DPD bounds apply to open invoices as of {@code asOf}. */
    public Uni<Invoice> findOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The invoice locked for update until the transaction ends: concurrent changes wait their turn. */
    public Uni<Invoice> lockOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Several invoices locked in id order, so two transactions never wait on each other in a circle.
     * The rows are locked by plain SQL over a uuid array and then loaded by id: one prepared
     * statement whatever the number of ids, where a query with an {@code in} list is translated
     * anew for every call (the payment path's largest cost, docs/performance.md).
     */
    public Uni<List<Invoice>> lockOwned(String tenantId, Collection<UUID> ids) {
        return CurrentTransaction.lockIds("""
                select id from invoice where tenant_id = $1 and id = any($2) order by id for update""",
                Tuple.of(tenantId, ids.toArray(UUID[]::new))).chain(InvoiceRepository::loadLocked);
    }

    /**
     * The invoices of {@code ids} (rows this transaction has locked), in that order. Loaded after
     * the lock, so each is read as it stands once the lock was granted.
     */
    static Uni<List<Invoice>> loadLocked(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (ids.size() == 1) {
            // most payments settle one invoice: the single-id load's statement keeps a generic plan, where the
            // multi-id load's (an array of ids) was planned anew on every call (issue 15, pg_stat_statements)
            return Panache.getSession().chain(s -> s.find(Invoice.class, ids.get(0)))
                    .map(found -> found == null ? List.of() : List.of(found));
        }
        return Panache.getSession().chain(s -> s.find(Invoice.class, ids.toArray()))
                .map(found -> found.stream().filter(Objects::nonNull).toList());
    }

    /**
     * The ids of the tenant's invoices billed to {@code buyerId} among those named by id or by
     * number (numbers are unique per tenant), in id order; an id or number of another tenant or
     * buyer finds nothing.
     */
    public Uni<List<UUID>> idsOfBuyer(String tenantId, UUID buyerId, Collection<UUID> ids, Collection<String> numbers) {
        if (ids.isEmpty() && numbers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // a list that names nothing is left out of the condition (an empty "in ()" is not valid everywhere)
        List<Object> params = new ArrayList<>(List.of(tenantId, buyerId));
        List<String> named = new ArrayList<>();
        if (!ids.isEmpty()) {
            params.add(ids);
            named.add("id in ?" + params.size());
        }
        if (!numbers.isEmpty()) {
            params.add(numbers);
            named.add("invoiceNumber in ?" + params.size());
        }
        return find("tenantId = ?1 and buyerId = ?2 and (" + String.join(" or ", named) + ") order by id",
                params.toArray()).list()
                .map(rows -> rows.stream().map(i -> i.id).toList());
    }

    /**
     * The invoices of a tenant as they stood at the end of {@code :d}: issued by then, with the
     * sums of their ledger entries effective by then. {@link #statusOn} reads these rows as
     * {@code InvoiceStanding} reads the ledger; InvoiceListFollowsTheRulesTest pins the two together.
     */
    static final String AS_OF = """
            from invoice i left join lateral (
                select coalesce(sum(e.amount), 0) as reduced,
                       coalesce(sum(e.amount) filter (where e.kind in ('PAYMENT', 'PAYMENT_REVERSAL')), 0) as paid,
                       coalesce(sum(e.amount) filter (where e.kind = 'WRITE_OFF'), 0) as written_off
                from ledger_entry e
                where e.tenant_id = i.tenant_id and e.invoice_id = i.id and e.effective_date <= :d) l on true
            where i.tenant_id = :t and i.issue_date <= :d""";

    private static final String CANCELLED = "(i.status = 'CANCELLED' and (i.closed_on is null or i.closed_on <= :d))";
    private static final String OPEN = "not " + CANCELLED + " and i.total_amount - l.reduced > 0";
    private static final String SETTLED = "not " + CANCELLED + " and i.total_amount - l.reduced <= 0";

    /** {@code InvoiceStanding.statusOn} as a condition on the {@link #AS_OF} rows. */
    static String statusOn(InvoiceStatus status) {
        return switch (status) {
            case CANCELLED -> CANCELLED;
            case OPEN -> OPEN + " and i.due_date >= :d";
            case OVERDUE -> OPEN + " and i.due_date < :d";
            case WRITTEN_OFF -> SETTLED + " and l.written_off > 0";
            case PAID -> SETTLED + " and l.written_off <= 0 and l.paid > 0";
            case CREDITED -> SETTLED + " and l.written_off <= 0 and l.paid <= 0";
        };
    }

    /** One page of the invoices matching {@code c} as they stood on {@code c.asOf()}, by due date and number. */
    public Uni<io.tradecredit.common.api.Page<Invoice>> search(String tenantId, InvoiceSearch c, int page, int size) {
        StringBuilder where = new StringBuilder(AS_OF);
        Map<String, Object> params = new HashMap<>();
        params.put("t", tenantId);
        params.put("d", c.asOf());
        if (c.buyerId() != null) {
            where.append(" and i.buyer_id = :buyer");
            params.put("buyer", c.buyerId());
        }
        if (c.invoiceNumber() != null) {
            where.append(" and i.invoice_number = :number");
            params.put("number", c.invoiceNumber());
        }
        if (c.status() != null) {
            where.append(" and ").append(statusOn(c.status()));
        }
        if (c.receiptConfirmed() != null) {
            where.append(c.receiptConfirmed() ? " and i.receipt_confirmed_at is not null"
                    : " and i.receipt_confirmed_at is null");
        }
        if (c.dueFrom() != null) {
            where.append(" and i.due_date >= :dueFrom");
            params.put("dueFrom", c.dueFrom());
        }
        if (c.dueTo() != null) {
            where.append(" and i.due_date <= :dueTo");
            params.put("dueTo", c.dueTo());
        }
        if (c.dpdMin() != null || c.dpdMax() != null) {
            // dpd = asOf - dueDate, so a DPD range is a due-date range, on what was still open
            where.append(" and ").append(OPEN);
            if (c.dpdMin() != null) {
                where.append(" and i.due_date <= :dueByMin");
                params.put("dueByMin", c.asOf().minusDays(c.dpdMin()));
            }
            if (c.dpdMax() != null) {
                where.append(" and i.due_date >= :dueByMax");
                params.put("dueByMax", c.asOf().minusDays(c.dpdMax()));
            }
        }
        String ids = "select i.id " + where + " order by i.due_date, i.invoice_number, i.id limit "
                + size + " offset " + ((long) page * size);
        String count = "select count(*) " + where;
        return Panache.getSession().chain(session -> {
            var idQuery = session.createNativeQuery(ids, Object.class);
            var countQuery = session.createNativeQuery(count, Object.class);
            params.forEach((name, value) -> {
                idQuery.setParameter(name, value);
                countQuery.setParameter(name, value);
            });
            return idQuery.getResultList().chain(found -> countQuery.getSingleResult().chain(total -> {
                List<UUID> order = found.stream().map(r -> (UUID) r).toList();
                Uni<List<Invoice>> loaded = order.isEmpty() ? Uni.createFrom().item(List.<Invoice>of())
                        : list("id in ?1", order);
                return loaded.map(items -> {
                    List<Invoice> sorted = new ArrayList<>(items);
                    sorted.sort(java.util.Comparator.comparingInt(i -> order.indexOf(i.id)));
                    return new io.tradecredit.common.api.Page<>(sorted, page, size, ((Number) total).longValue());
                });
            }));
        });
    }

    /**
     * One batch of the overdue run: up to {@code limit} invoices of every tenant that are OPEN with
     * something open and due before {@code asOf} (the rows {@link Invoice#markOverdue} changes),
     * oldest due date first, locked; rows another transaction holds are skipped (left for a later
     * run). Only the batch's entities are loaded.
     */
    public Uni<List<Invoice>> dueBefore(LocalDate asOf, int limit) {
        return CurrentTransaction.lockIds("""
                select id from invoice
                where status = 'OPEN' and due_date < $1 and paid_amount + credited_amount + written_off_amount < total_amount
                order by due_date, id limit $2 for update skip locked""", Tuple.of(asOf, limit))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Invoice>of())
                            : list("id in ?1 order by dueDate, id", ids));
    }

    /**
     * Overdue invoices whose late charges the daily job is to look at on {@code asOf}
     * ({@code LateChargeStatement}), locked, skipping rows another transaction holds. A look moves
     * {@code late_charges_next_on} after {@code asOf}, so a looked-at row leaves this selection.
     */
    public Uni<List<Invoice>> lateChargesToLook(LocalDate asOf, int limit) {
        return CurrentTransaction.lockIds("""
                select id from invoice where status = 'OVERDUE' and late_charges_next_on <= $1
                order by late_charges_next_on, id limit $2 for update skip locked""", Tuple.of(asOf, limit))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Invoice>of()) : list("id in ?1 order by id", ids));
    }
}
