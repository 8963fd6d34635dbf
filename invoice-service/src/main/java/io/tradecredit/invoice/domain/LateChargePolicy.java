package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.function.IntFunction;

import io.tradecredit.common.money.Money;

/**
 * Late charges under a tenant's (or a buyer's) terms: penalty interest per day on the overdue
 * amount, and a one-off late fee when the invoice reaches {@code feeAfterDays} past due.
 *
 * <p>Day {@code k} past due (k = 1 is the day after the due date) accrues {@code dailyRate} on the
 * collectible balance at the end of day {@code k - 1}: a payment effective on a date stops
 * interest from that date on, so a payment on the due date costs nothing. The fee is
 * {@code feeRate} on the chargeable balance at the end of its day: the day the invoice reaches
 * {@code feeAfterDays} past due, or, if nothing was chargeable then (disputed in full, or under a
 * kept payment plan), the first later day something is chargeable again (the dispute rejected or
 * partly upheld, the plan broken). It is charged once, on what is chargeable that day: 10,000
 * disputed in full on day 25, rejected on day 40, owes 300.00 from day 40; upheld for 4,000 then,
 * 180.00 on the 6,000 left. Interest is summed exactly and rounded once, HALF_UP to the
 * currency's scale; so is the fee.
 */
public record LateChargePolicy(BigDecimal dailyRate, int feeAfterDays, BigDecimal feeRate) {
    public static final LateChargePolicy DEFAULT =
            new LateChargePolicy(new BigDecimal("0.0005"), 30, new BigDecimal("0.03"));

    public LateChargePolicy {
        if (dailyRate == null || dailyRate.signum() < 0 || feeRate == null || feeRate.signum() < 0) {
            throw new IllegalArgumentException("rates must be zero or positive");
        }
        if (feeAfterDays < 1) {
            throw new IllegalArgumentException("feeAfterDays must be at least 1");
        }
    }

    /** Charges on an amount that stayed overdue, unchanged, for {@code daysPastDue} days. */
    public LateCharges chargesOn(Money overdue, int daysPastDue) {
        return charges(overdue.currency(), daysPastDue, day -> overdue);
    }

    /** Charges on an invoice due on {@code dueDate} as of {@code asOf}, day by day on its balance. */
    public LateCharges chargesOn(BalanceHistory balance, LocalDate dueDate, LocalDate asOf) {
        int daysPastDue = (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
        return charges(balance.total().currency(), daysPastDue, day -> balance.chargeableOn(dueDate.plusDays(day)));
    }

    /** {@code balanceAtEndOfDay.apply(k)}: the chargeable balance at the end of day k past due (0 = due date). */
    private LateCharges charges(Currency currency, int daysPastDue, IntFunction<Money> balanceAtEndOfDay) {
        BigDecimal interestBase = BigDecimal.ZERO;
        for (int day = 1; day <= daysPastDue; day++) {
            interestBase = interestBase.add(balanceAtEndOfDay.apply(day - 1).amount());
        }
        Money interest = Money.rounded(interestBase.multiply(dailyRate), currency);
        Money fee = Money.zero(currency);
        for (int day = feeAfterDays; day <= daysPastDue; day++) {
            Money base = balanceAtEndOfDay.apply(day);
            if (base.isPositive()) {
                fee = base.times(feeRate);
                break;
            }
        }
        return new LateCharges(interest, fee);
    }
}
