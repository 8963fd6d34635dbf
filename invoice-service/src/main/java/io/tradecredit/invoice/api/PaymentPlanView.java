package io.tradecredit.invoice.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.app.PaymentPlans;
import io.tradecredit.invoice.domain.InstalmentSchedule;
import io.tradecredit.invoice.domain.PaymentPlan;

/** A payment plan with its schedule: each instalment KEPT, MISSED, DUE or CANCELLED (after the missed one). */
public record PaymentPlanView(UUID id, UUID buyerId, PaymentPlan.Status status, LocalDate agreedOn,
        InstalmentSchedule.Frequency frequency, BigDecimal annualInterestRate, Money principal, Money interest,
        List<UUID> invoiceIds, List<InstalmentView> instalments, LocalDate endedOn, String endReason) {

    public record InstalmentView(int number, LocalDate dueDate, Money principal, Money interest, Money amount,
            String state) {
    }

    public record Summary(UUID id, PaymentPlan.Status status, LocalDate agreedOn, Money principal) {
        static Summary of(PaymentPlan p) {
            return new Summary(p.id, p.status, p.agreedOn, p.principal());
        }
    }

    static PaymentPlanView of(PaymentPlans.Plan plan) {
        PaymentPlan p = plan.plan();
        List<InstalmentView> instalments = plan.instalments().stream().map(row -> {
            var i = row.toInstalment(p.currency);
            String state = p.instalmentState(i.number()).name();
            return new InstalmentView(i.number(), i.dueDate(), i.principal(), i.interest(), i.amount(), state);
        }).toList();
        return new PaymentPlanView(p.id, p.buyerId, p.status, p.agreedOn, p.frequency,
                p.annualRate.stripTrailingZeros(), p.principal(), p.interest(), plan.invoiceIds(), instalments,
                p.endedOn, p.endReason);
    }
}
