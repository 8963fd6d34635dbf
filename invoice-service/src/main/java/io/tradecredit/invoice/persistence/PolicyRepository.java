package io.tradecredit.invoice.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.invoice.domain.InvoicingPolicy;
import io.tradecredit.invoice.domain.LateChargePolicy;

/** Per-tenant invoicing terms and per-buyer late-charge overrides; no row means the defaults. */
@ApplicationScoped
public class PolicyRepository {

    /** A buyer of a tenant, as the late-charge terms of a batch's buyers are keyed. */
    public record TenantBuyer(String tenantId, UUID buyerId) {
    }

    public Uni<InvoicingPolicy> policyOf(String tenantId) {
        return policiesOf(List.of(tenantId)).map(policies -> policies.get(tenantId));
    }

    /** Each of these tenants' policy (the defaults for one that saved none), with one statement. */
    public Uni<Map<String, InvoicingPolicy>> policiesOf(Collection<String> tenantIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select tenant_id, issue_deadline_hours, late_daily_rate, late_fee_after_days, late_fee_rate,"
                        + " dso_period_days, issue_date_tolerance_days, unknown_buyers, late_charge_statement_days, ask_for_receipt,"
                        + " beyond_agreed_terms, late_legal_basis"
                        + " from invoicing_policy where tenant_id in (:t)",
                Tuple.class)
                .setParameter("t", tenantIds).getResultList())
                .map(rows -> {
                    Map<String, InvoicingPolicy> policies = new HashMap<>();
                    tenantIds.forEach(t -> policies.put(t, InvoicingPolicy.DEFAULT));
                    rows.forEach(r -> policies.put(r.get("tenant_id", String.class), toPolicy(r)));
                    return policies;
                });
    }

    public Uni<Void> save(String tenantId, InvoicingPolicy p, String by, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into invoicing_policy (tenant_id, issue_deadline_hours, late_daily_rate, late_fee_after_days,
                    late_fee_rate, dso_period_days, issue_date_tolerance_days, unknown_buyers, late_charge_statement_days,
                    ask_for_receipt, beyond_agreed_terms, late_legal_basis, updated_at, updated_by)
                values (:t, :h, :r, :d, :f, :dso, :tol, :unknown, :statement, :receipt, :beyond, :basis, :at, :by)
                on conflict (tenant_id) do update set issue_deadline_hours = excluded.issue_deadline_hours,
                    late_daily_rate = excluded.late_daily_rate, late_fee_after_days = excluded.late_fee_after_days,
                    late_fee_rate = excluded.late_fee_rate, late_legal_basis = excluded.late_legal_basis,
                    dso_period_days = excluded.dso_period_days,
                    issue_date_tolerance_days = excluded.issue_date_tolerance_days,
                    unknown_buyers = excluded.unknown_buyers,
                    late_charge_statement_days = excluded.late_charge_statement_days,
                    ask_for_receipt = excluded.ask_for_receipt, beyond_agreed_terms = excluded.beyond_agreed_terms,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter("t", tenantId).setParameter("h", p.issueDeadlineHours())
                .setParameter("r", p.lateCharges().dailyRate()).setParameter("d", p.lateCharges().feeAfterDays())
                .setParameter("f", p.lateCharges().feeRate()).setParameter("dso", p.dsoPeriodDays())
                .setParameter("tol", p.issueDateToleranceDays()).setParameter("unknown", p.unknownBuyers().name())
                .setParameter("statement", p.lateChargeStatementDays()).setParameter("receipt", p.askForReceipt())
                .setParameter("beyond", p.beyondAgreedTerms().name())
                .setParameter("basis", p.lateCharges().legalBasis())
                .setParameter("at", at).setParameter("by", by).executeUpdate()).replaceWithVoid();
    }

    /** The late-charge terms agreed with those of these buyers that have their own, with one statement. */
    public Uni<Map<TenantBuyer, LateChargePolicy>> buyerLateCharges(Collection<TenantBuyer> buyers) {
        if (buyers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // tenants and buyers are matched separately in SQL, so the pairs are checked again here
        Set<TenantBuyer> wanted = Set.copyOf(buyers);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select tenant_id, buyer_id, late_daily_rate, late_fee_after_days, late_fee_rate, late_legal_basis"
                        + " from buyer_late_charge_policy where tenant_id in (:t) and buyer_id in (:b)", Tuple.class)
                .setParameter("t", wanted.stream().map(TenantBuyer::tenantId).distinct().toList())
                .setParameter("b", wanted.stream().map(TenantBuyer::buyerId).distinct().toList()).getResultList())
                .map(rows -> {
                    Map<TenantBuyer, LateChargePolicy> terms = new HashMap<>();
                    for (Tuple r : rows) {
                        TenantBuyer buyer = new TenantBuyer(r.get("tenant_id", String.class), r.get("buyer_id", UUID.class));
                        if (wanted.contains(buyer)) {
                            terms.put(buyer, toStatedLateCharges(r));
                        }
                    }
                    return terms;
                });
    }

    public Uni<Void> saveBuyerLateCharges(String tenantId, UUID buyerId, LateChargePolicy p, String by,
            OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into buyer_late_charge_policy (tenant_id, buyer_id, late_daily_rate, late_fee_after_days,
                    late_fee_rate, late_legal_basis, updated_at, updated_by)
                values (:t, :b, :r, :d, :f, :basis, :at, :by)
                on conflict (tenant_id, buyer_id) do update set late_daily_rate = excluded.late_daily_rate,
                    late_fee_after_days = excluded.late_fee_after_days, late_fee_rate = excluded.late_fee_rate,
                    late_legal_basis = excluded.late_legal_basis,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("r", p.dailyRate())
                .setParameter("d", p.feeAfterDays()).setParameter("f", p.feeRate())
                .setParameter("basis", p.legalBasis()).setParameter("at", at).setParameter("by", by).executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> deleteBuyerLateCharges(String tenantId, UUID buyerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from buyer_late_charge_policy where tenant_id = :t and buyer_id = :b")
                .setParameter("t", tenantId).setParameter("b", buyerId).executeUpdate()).map(n -> n > 0);
    }

    /** A row of invoicing_policy. */
    private static InvoicingPolicy toPolicy(Tuple r) {
        return new InvoicingPolicy(r.get("issue_deadline_hours", Integer.class), toStatedLateCharges(r),
                r.get("dso_period_days", Integer.class), r.get("issue_date_tolerance_days", Integer.class),
                InvoicingPolicy.UnknownBuyers.valueOf(r.get("unknown_buyers", String.class)),
                r.get("late_charge_statement_days", Integer.class), r.get("ask_for_receipt", Boolean.class),
                InvoicingPolicy.BeyondAgreedTerms.valueOf(r.get("beyond_agreed_terms", String.class)));
    }

    /** The late-charge columns, as invoicing_policy, buyer_late_charge_policy and late_charge_waiver name them. */
    static LateChargePolicy toLateCharges(Tuple r) {
        return new LateChargePolicy(r.get("late_daily_rate", BigDecimal.class).stripTrailingZeros(),
                r.get("late_fee_after_days", Integer.class),
                r.get("late_fee_rate", BigDecimal.class).stripTrailingZeros());
    }

    /** The late-charge columns with their legal basis, as invoicing_policy and buyer_late_charge_policy name them. */
    private static LateChargePolicy toStatedLateCharges(Tuple r) {
        LateChargePolicy rates = toLateCharges(r);
        return new LateChargePolicy(rates.dailyRate(), rates.feeAfterDays(), rates.feeRate(),
                r.get("late_legal_basis", String.class));
    }

}
