package io.tradecredit.invoice.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.invoice.domain.BalanceHistory;
import io.tradecredit.invoice.domain.PaymentPlan;
import io.tradecredit.invoice.domain.PlanCompliance;
import io.tradecredit.invoice.domain.PlanInstalment;

/** Payment plans with their instalments and invoices; every query takes the tenant. */
@ApplicationScoped
public class PaymentPlanRepository implements PanacheRepositoryBase<PaymentPlan, UUID> {

    public Uni<PaymentPlan> findOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<List<PaymentPlan>> ofBuyer(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 order by agreedOn desc, createdAt desc", tenantId, buyerId);
    }

    /**
     * One batch of the daily run: up to {@code limit} active plans (of every tenant) not yet judged
     * for {@code asOf}, in id order, locked; plans another transaction holds are skipped.
     */
    public Uni<List<PaymentPlan>> toJudge(LocalDate asOf, int limit) {
        return CurrentTransaction.lockIds("""
                select id from payment_plan where status = 'ACTIVE' and judged_on is distinct from $1
                order by id limit $2 for update skip locked""", io.vertx.mutiny.sqlclient.Tuple.of(asOf, limit))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<PaymentPlan>of()) : list("id in ?1 order by id", ids));
    }

    public Uni<List<PlanInstalment>> instalments(UUID planId) {
        return Panache.getSession().chain(s -> s.createQuery(
                "from PlanInstalment where planId = :p order by number", PlanInstalment.class)
                .setParameter("p", planId).getResultList());
    }

    public Uni<Void> addInvoices(UUID planId, List<UUID> invoiceIds) {
        return BulkInsert.into("plan_invoice", List.of(new Column("plan_id", "uuid"), new Column("invoice_id", "uuid")),
                invoiceIds,
                invoiceId -> List.of(planId, invoiceId));
    }

    public Uni<List<UUID>> invoiceIds(UUID planId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select invoice_id from plan_invoice where plan_id = :p order by invoice_id", UUID.class)
                .setParameter("p", planId).getResultList());
    }

    /** Every ledger entry on the plan's invoices, oldest effective first; {@link PlanCompliance#towards} picks what counts. */
    public Uni<List<PlanCompliance.Entry>> entriesOf(PaymentPlan plan) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select e.effective_date, e.created_at, e.amount, d.raised_on, d.resolved_on from ledger_entry e
                join plan_invoice p on p.invoice_id = e.invoice_id and p.plan_id = :p
                left join credit_note n on e.kind = 'CREDIT_NOTE' and n.id = e.reference_id and n.tenant_id = e.tenant_id
                left join dispute d on d.id = n.dispute_id and d.tenant_id = n.tenant_id
                where e.tenant_id = :t
                order by e.effective_date, e.created_at""", Tuple.class)
                .setParameter("p", plan.id).setParameter("t", plan.tenantId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> toEntry(r, plan.currency)).toList());
    }

    /**
     * The plan's invoices cancelled (on a recorded day), with what was open on each then: nothing can
     * have been paid, credited or written off on a cancelled invoice, so that is its total.
     */
    public Uni<List<PlanCompliance.Cancellation>> cancellationsOf(PaymentPlan plan) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select i.closed_on, i.total_amount - i.paid_amount - i.credited_amount - i.written_off_amount as open
                from invoice i join plan_invoice p on p.invoice_id = i.id and p.plan_id = :p
                where i.tenant_id = :t and i.status = 'CANCELLED' and i.closed_on is not null""", Tuple.class)
                .setParameter("p", plan.id).setParameter("t", plan.tenantId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new PlanCompliance.Cancellation(r.get("closed_on", LocalDate.class),
                        Money.rounded(r.get("open", BigDecimal.class), Money.currencyOf(plan.currency)))).toList());
    }

    /**
     * The plan locked for update, or null while another transaction holds it: the daily run, which locks plans before
     * their invoices, judging it now (or another change judging it). A change to one of its invoices (a write-off,
     * a payment: holding the invoice) then leaves the plan to the run instead of waiting for it in the opposite order,
     * which PostgreSQL would break as a deadlock, failing the user's request.
     */
    public Uni<PaymentPlan> lockOwnedUnlessHeld(String tenantId, UUID id) {
        return CurrentTransaction.lockIds("""
                select id from payment_plan where tenant_id = $1 and id = $2 for update skip locked""",
                io.vertx.mutiny.sqlclient.Tuple.of(tenantId, id))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().nullItem() : findOwned(tenantId, id));
    }

    public Uni<PaymentPlan> lockOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** When each plan over these invoices was kept: for late charges, which do not accrue meanwhile. */
    public Uni<List<BalanceHistory.PlanPeriod>> periodsOf(String tenantId, List<UUID> invoiceIds) {
        return periodsOf(List.of(tenantId), invoiceIds);
    }

    /** The same for invoices of several tenants (a batch of the daily job), with one statement. */
    public Uni<List<BalanceHistory.PlanPeriod>> periodsOf(Collection<String> tenantIds, Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select pi.invoice_id, p.agreed_on, p.ended_on from plan_invoice pi
                join payment_plan p on p.id = pi.plan_id
                where p.tenant_id in (:t) and pi.invoice_id in (:ids)""", Tuple.class)
                .setParameter("t", tenantIds).setParameter("ids", invoiceIds).getResultList())
                .map(rows -> rows.stream().map(r -> new BalanceHistory.PlanPeriod(r.get("invoice_id", UUID.class),
                        r.get("agreed_on", LocalDate.class), r.get("ended_on", LocalDate.class))).toList());
    }

    /** A ledger_entry row (effective_date, created_at, amount; its credit note's dispute's days) in the plan's currency. */
    private static PlanCompliance.Entry toEntry(Tuple r, String currency) {
        return new PlanCompliance.Entry(r.get("effective_date", LocalDate.class),
                r.get("created_at", OffsetDateTime.class),
                Money.rounded(r.get("amount", BigDecimal.class), Money.currencyOf(currency)),
                r.get("raised_on", LocalDate.class), r.get("resolved_on", LocalDate.class));
    }
}
