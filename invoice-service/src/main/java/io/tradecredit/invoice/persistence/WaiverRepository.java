package io.tradecredit.invoice.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.Rows;
import io.tradecredit.invoice.domain.LateChargeWaiver;
import io.tradecredit.invoice.domain.LateCharges;

/** Late-charge waivers (see {@link LateChargeWaiver}); written in the caller's transaction, never changed. */
@ApplicationScoped
public class WaiverRepository {
    private static final String COLUMNS = """
            id, tenant_id, invoice_id, buyer_id, scope, reason, interest_waived, fee_waived, currency,
            late_daily_rate, late_fee_after_days, late_fee_rate, waived_on, waived_at, waived_by""";

    public Uni<Void> record(LateChargeWaiver w) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into late_charge_waiver (" + COLUMNS + ") " + """
                values (:id, :t, :i, :b, :scope, :reason, :interest, :fee, :c, :rate, :after, :feeRate, :on, :at, :by)""")
                .setParameter("id", w.id()).setParameter("t", w.tenantId()).setParameter("i", w.invoiceId())
                .setParameter("b", w.buyerId()).setParameter("scope", w.scope().name()).setParameter("reason", w.reason())
                .setParameter("interest", w.waived().interest().amount()).setParameter("fee", w.waived().fee().amount())
                .setParameter("c", w.waived().interest().currencyCode())
                .setParameter("rate", w.policy().dailyRate()).setParameter("after", w.policy().feeAfterDays())
                .setParameter("feeRate", w.policy().feeRate()).setParameter("on", w.waivedOn())
                .setParameter("at", w.waivedAt()).setParameter("by", w.waivedBy()).executeUpdate())
                .replaceWithVoid();
    }

    /** The waivers of these invoices, oldest first. */
    public Uni<List<LateChargeWaiver>> ofInvoices(String tenantId, Collection<UUID> invoiceIds) {
        return ofInvoices(List.of(tenantId), invoiceIds);
    }

    /** The same for invoices of several tenants (a batch of the daily job), with one statement. */
    public Uni<List<LateChargeWaiver>> ofInvoices(Collection<String> tenantIds, Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS + " " + """
                from late_charge_waiver where tenant_id in (:t) and invoice_id in (:ids) order by waived_at, id""",
                Tuple.class).setParameter("t", tenantIds).setParameter("ids", invoiceIds).getResultList())
                .map(rows -> rows.stream().map(WaiverRepository::toWaiver).toList());
    }

    /** A row of late_charge_waiver. */
    private static LateChargeWaiver toWaiver(Tuple r) {
        var waived = new LateCharges(Rows.money(r, "interest_waived", "currency"),
                Rows.money(r, "fee_waived", "currency"));
        return new LateChargeWaiver(r.get("id", UUID.class), r.get("tenant_id", String.class),
                r.get("invoice_id", UUID.class), r.get("buyer_id", UUID.class),
                LateChargeWaiver.Scope.valueOf(r.get("scope", String.class)), r.get("reason", String.class), waived,
                PolicyRepository.toLateCharges(r), r.get("waived_on", LocalDate.class),
                r.get("waived_at", OffsetDateTime.class), r.get("waived_by", String.class));
    }
}
