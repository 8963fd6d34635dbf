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
 * {@code feeRate} on the chargeable balance at the end of the day the invoice reaches
 * {@code feeAfterDays} past due, plus, for what was owed but frozen then (disputed, or under a kept
 * payment plan), the part of it that becomes chargeable later (the dispute rejected or partly
 * upheld, the plan broken), on the day it does. So freezing part of an invoice on the fee day only
 * delays the fee on that part: 10,000 disputed in full on day 25, rejected on day 40, owes 300.00
 * from day 40; upheld for 4,000 then, 180.00 on the 6,000 left; 9,999 of it disputed on day 25 and
 * rejected on day 40, 0.03 on the 1 collectible from day 30 and 300.00 from day 40 (not 0.03 for
 * good). Nothing is charged twice: a part charged on the fee day and frozen later (a dispute or plan
 * after the fee day) adds nothing when it is released, nor does what the buyer paid or was credited
 * while frozen. What a credit note takes back was never owed, so it is charged on no day (4,000 of
 * 10,000 credited on day 45: interest and fee on 6,000 from the due date); what a dispute running
 * when a payment plan was agreed releases is outside the plan, overdue, and charged from its
 * release, fee included ({@link BalanceHistory#chargeableOn}). Interest is summed exactly and rounded once, HALF_UP to the currency's scale; so is
 * the fee (on the sum of its bases).
 *
 * <p>{@code legalBasis}: what entitles the creditor to the charges (e.g. "Contract §7.2; PRC Civil Code arts.
 * 577, 579"), quoted by the +30 demand letter; null when the terms state none (blank is none), at most
 * {@value #MAX_LEGAL_BASIS} characters. It changes no figure.
 */
public record LateChargePolicy(BigDecimal dailyRate, int feeAfterDays, BigDecimal feeRate, String legalBasis) {
    public static final int MAX_LEGAL_BASIS = 2000;
    public static final LateChargePolicy DEFAULT =
            new LateChargePolicy(new BigDecimal("0.0005"), 30, new BigDecimal("0.03"));

    /** Terms that state no legal basis. */
    public LateChargePolicy(BigDecimal dailyRate, int feeAfterDays, BigDecimal feeRate) {
        this(dailyRate, feeAfterDays, feeRate, null);
    }

    public LateChargePolicy {
        legalBasis = legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip();
        if (legalBasis != null && legalBasis.length() > MAX_LEGAL_BASIS) {
            throw new IllegalArgumentException("legalBasis must be at most " + MAX_LEGAL_BASIS + " characters");
        }
        if (dailyRate == null || dailyRate.signum() < 0 || feeRate == null || feeRate.signum() < 0) {
            throw new IllegalArgumentException("rates must be zero or positive");
        }
        if (feeAfterDays < 1) {
            throw new IllegalArgumentException("feeAfterDays must be at least 1");
        }
    }

    /** Charges on an amount that stayed overdue, unchanged, for {@code daysPastDue} days. */
    public LateCharges chargesOn(Money overdue, int daysPastDue) {
        return charges(overdue.currency(), daysPastDue, day -> overdue, day -> overdue, day -> overdue);
    }

    /** Charges on an invoice due on {@code dueDate} as of {@code asOf}, day by day on its balance. */
    public LateCharges chargesOn(BalanceHistory balance, LocalDate dueDate, LocalDate asOf) {
        int daysPastDue = (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
        LocalDate feeDay = dueDate.plusDays(feeAfterDays);
        return charges(balance.total().currency(), daysPastDue, day -> balance.chargeableOn(dueDate.plusDays(day)),
                day -> balance.chargeableForFeeOn(dueDate.plusDays(day), feeDay),
                day -> balance.owedOn(dueDate.plusDays(day)));
    }

    /**
     * {@code balanceAtEndOfDay.apply(k)}: the chargeable balance at the end of day k past due (0 = due date);
     * {@code feeBalanceAtEndOfDay.apply(k)}: the same for the fee (a plan agreed after the fee day not counted);
     * {@code openAtEndOfDay.apply(k)}: what was really owed then, chargeable or frozen.
     */
    private LateCharges charges(Currency currency, int daysPastDue, IntFunction<Money> balanceAtEndOfDay,
            IntFunction<Money> feeBalanceAtEndOfDay, IntFunction<Money> openAtEndOfDay) {
        BigDecimal interestBase = BigDecimal.ZERO;
        for (int day = 1; day <= daysPastDue; day++) {
            interestBase = interestBase.add(balanceAtEndOfDay.apply(day - 1).amount());
        }
        Money interest = Money.rounded(interestBase.multiply(dailyRate), currency);
        return new LateCharges(interest, Money.rounded(feeBase(daysPastDue, feeBalanceAtEndOfDay, openAtEndOfDay)
                .multiply(feeRate), currency));
    }

    /**
     * What the fee is on: the chargeable balance at the end of the fee day, then, day by day, what
     * becomes chargeable of the part frozen on the fee day (a rise of the chargeable balance, up to
     * what is left frozen of that part; the part shrinks with the frozen amount, so what was paid,
     * credited or upheld while frozen never counts, nor a dispute or plan begun after the fee day).
     */
    private BigDecimal feeBase(int daysPastDue, IntFunction<Money> chargeableAtEndOfDay,
            IntFunction<Money> openAtEndOfDay) {
        if (daysPastDue < feeAfterDays) {
            return BigDecimal.ZERO;
        }
        BigDecimal chargeable = chargeableAtEndOfDay.apply(feeAfterDays).amount();
        BigDecimal base = chargeable;
        BigDecimal frozen = openAtEndOfDay.apply(feeAfterDays).amount().subtract(chargeable).max(BigDecimal.ZERO);
        for (int day = feeAfterDays + 1; day <= daysPastDue; day++) {
            if (frozen.signum() == 0) {
                break; // nothing of the fee day's frozen part is left to release
            }
            BigDecimal now = chargeableAtEndOfDay.apply(day).amount();
            BigDecimal released = now.subtract(chargeable).max(BigDecimal.ZERO).min(frozen);
            base = base.add(released);
            BigDecimal frozenNow = openAtEndOfDay.apply(day).amount().subtract(now).max(BigDecimal.ZERO);
            frozen = frozen.subtract(released).min(frozenNow);
            chargeable = now;
        }
        return base;
    }
}
