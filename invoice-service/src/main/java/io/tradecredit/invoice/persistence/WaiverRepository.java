package io.tradecredit.invoice.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.Rows;
import io.tradecredit.invoice.domain.LateChargePolicy;
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
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS + " " + """
                from late_charge_waiver where tenant_id = :t and invoice_id in (:ids) order by waived_at, id""",
                Object[].class).setParameter("t", tenantId).setParameter("ids", invoiceIds).getResultList())
                .map(rows -> rows.stream().map(WaiverRepository::toWaiver).toList());
    }

    private static LateChargeWaiver toWaiver(Object[] r) {
        var currency = Money.currencyOf(((String) r[8]).trim());
        var waived = new LateCharges(Money.rounded((BigDecimal) r[6], currency), Money.rounded((BigDecimal) r[7], currency));
        var policy = new LateChargePolicy(((BigDecimal) r[9]).stripTrailingZeros(), ((Number) r[10]).intValue(),
                ((BigDecimal) r[11]).stripTrailingZeros());
        return new LateChargeWaiver((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3],
                LateChargeWaiver.Scope.valueOf((String) r[4]), (String) r[5], waived, policy, Rows.date(r[12]),
                Rows.offsetDateTime(r[13]), (String) r[14]);
    }
}
