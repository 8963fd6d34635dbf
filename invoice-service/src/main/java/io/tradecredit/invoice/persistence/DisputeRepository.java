package io.tradecredit.invoice.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.invoice.domain.BalanceHistory;
import io.tradecredit.invoice.domain.Dispute;
import io.tradecredit.invoice.domain.DisputeStep;

/** Disputes of a tenant's invoices and their history. Every query takes the tenant. */
@ApplicationScoped
public class DisputeRepository implements PanacheRepositoryBase<Dispute, UUID> {

    public Uni<Dispute> findOwned(String tenantId, UUID invoiceId, UUID id) {
        return find("tenantId = ?1 and invoiceId = ?2 and id = ?3", tenantId, invoiceId, id).firstResult();
    }

    /** The disputes of one invoice, oldest first. */
    public Uni<List<Dispute>> ofInvoice(String tenantId, UUID invoiceId) {
        return list("tenantId = ?1 and invoiceId = ?2 order by createdAt, id", tenantId, invoiceId);
    }

    public Uni<Void> addStep(DisputeStep s) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into dispute_step (id, tenant_id, dispute_id, seq, step, stage, summary, at, by_subject)
                values (:id, :t, :d, :seq, :k, :stage, :summary, :at, :by)""")
                .setParameter("id", s.id()).setParameter("t", s.tenantId()).setParameter("d", s.disputeId())
                .setParameter("seq", s.seq()).setParameter("k", s.kind().name())
                .setParameter("stage", s.stage() == null ? null : s.stage().name())
                .setParameter("summary", s.summary()).setParameter("at", s.at()).setParameter("by", s.by())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** When each dispute of these invoices froze how much: for balances as of past dates. */
    public Uni<List<BalanceHistory.DisputePeriod>> periodsOf(String tenantId, List<UUID> invoiceIds) {
        return periodsOf(List.of(tenantId), invoiceIds);
    }

    /** The same for invoices of several tenants (a batch of the daily job), with one statement. */
    public Uni<List<BalanceHistory.DisputePeriod>> periodsOf(Collection<String> tenantIds,
            Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery("""
                select invoice_id, disputed_amount, raised_on, resolved_on, credited_amount from dispute
                where tenant_id in (:t) and invoice_id in (:ids)""", Tuple.class)
                .setParameter("t", tenantIds).setParameter("ids", invoiceIds).getResultList())
                .map(rows -> rows.stream().map(DisputeRepository::toPeriod).toList());
    }

    /** The history of each of these disputes, in the order it happened. */
    public Uni<Map<UUID, List<DisputeStep>>> stepsOf(String tenantId, List<UUID> disputeIds) {
        if (disputeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createNativeQuery("""
                select id, tenant_id, dispute_id, seq, step, stage, summary, at, by_subject from dispute_step
                where tenant_id = :t and dispute_id in (:ids) order by dispute_id, seq""", Tuple.class)
                .setParameter("t", tenantId).setParameter("ids", disputeIds).getResultList())
                .map(rows -> rows.stream().map(DisputeRepository::toStep)
                        .collect(Collectors.groupingBy(DisputeStep::disputeId)));
    }

    /** A row of dispute, as the balance history needs it. */
    private static BalanceHistory.DisputePeriod toPeriod(Tuple r) {
        return new BalanceHistory.DisputePeriod(r.get("invoice_id", UUID.class),
                r.get("disputed_amount", BigDecimal.class), r.get("raised_on", LocalDate.class),
                r.get("resolved_on", LocalDate.class), r.get("credited_amount", BigDecimal.class));
    }

    /** A row of dispute_step. */
    private static DisputeStep toStep(Tuple r) {
        String stage = r.get("stage", String.class);
        return new DisputeStep(r.get("id", UUID.class), r.get("tenant_id", String.class),
                r.get("dispute_id", UUID.class), r.get("seq", Integer.class),
                DisputeStep.Kind.valueOf(r.get("step", String.class)),
                stage == null ? null : Dispute.Stage.valueOf(stage), r.get("summary", String.class),
                r.get("at", OffsetDateTime.class), r.get("by_subject", String.class));
    }
}
