package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * The decision at order time (docs/domain.md §1): exposure (open receivables + the new order)
 * against the limit, the grade, overdue balances and blocks give APPROVED, REFER (a credit
 * manager decides) or DECLINED, with every reason that applied. Thresholds are per tenant.
 */
public record CreditCheckRules(Integer referFromGrade, Integer declineFromGrade, BigDecimal overLimitTolerance,
        Integer referOverdueDays, Integer declineOverdueDays) {

    /** Why an order of a buyer without a limit is referred: a new buyer's ({@link #decide(Situation)}). */
    static final String NO_LIMIT_NEW_BUYER =
            "no credit limit approved: a new buyer's first order goes on prepayment or a short term";
    /** The same for a buyer invoiced before, whose order goes on its agreed terms. */
    static final String NO_LIMIT = "no credit limit approved: a credit manager decides the order on the agreed terms";

    public static final CreditCheckRules DEFAULT = new CreditCheckRules(7, 9, new BigDecimal("0.10"), 30, 90);

    /** Every setting that cannot work, each named {@code prefix} + its field; empty when the rules may be used. */
    List<Violation> violations(String prefix) {
        List<Violation> errors = new ArrayList<>();
        // 11 is allowed: a grade that no buyer has, so the rule never applies
        // a number left out is named, not read as 0 (declining every buyer a day overdue)
        if (referFromGrade == null || referFromGrade < 1 || referFromGrade > 11) {
            errors.add(new Violation(prefix + "referFromGrade", "must be a grade 1 to 10, or 11 for never"));
        }
        if (declineFromGrade == null || declineFromGrade < 1 || declineFromGrade > 11) {
            errors.add(new Violation(prefix + "declineFromGrade", "must be a grade 1 to 10, or 11 for never"));
        }
        if (overLimitTolerance == null || overLimitTolerance.signum() < 0) {
            errors.add(new Violation(prefix + "overLimitTolerance", "must be a share of 0 or more (0.10 = 10%)"));
        }
        if (referOverdueDays == null) {
            errors.add(new Violation(prefix + "referOverdueDays", "is required"));
        } else if (referOverdueDays < 0) {
            errors.add(new Violation(prefix + "referOverdueDays", "must not be negative"));
        }
        if (declineOverdueDays == null) {
            errors.add(new Violation(prefix + "declineOverdueDays", "is required"));
        } else if (declineOverdueDays < 0) {
            errors.add(new Violation(prefix + "declineOverdueDays", "must not be negative"));
        }
        return errors;
    }

    public enum Outcome {
        APPROVED, REFER, DECLINED
    }

    /** What is overdue in one currency, and how many days past due its oldest overdue invoice is. */
    public record Overdue(Money amount, int daysPastDue) {
    }

    /**
     * What is known about the buyer when the order comes in. {@code limit} is null when none is approved;
     * {@code exposure} and {@code overdue} are in the limit's currency, {@code maxDaysPastDue} over every currency,
     * {@code otherCurrencies} what is open in each other currency, {@code overdueByCurrency} what is overdue in each
     * currency with its own oldest invoice's days past due, oldest first.
     */
    public record Situation(boolean blocked, String blockReason, Integer grade, Money limit, Money exposure,
            Money overdue, int maxDaysPastDue, Money order, List<Money> otherCurrencies,
            List<Overdue> overdueByCurrency) {

        public Situation {
            otherCurrencies = List.copyOf(otherCurrencies);
            overdueByCurrency = List.copyOf(overdueByCurrency);
        }

        /**
         * A buyer whose overdue, if any, is all in the limit's currency ({@code overdue} at {@code maxDaysPastDue});
         * one overdue only in another currency has no amount here ({@link #of} gives each currency's).
         */
        public Situation(boolean blocked, String blockReason, Integer grade, Money limit, Money exposure,
                Money overdue, int maxDaysPastDue, Money order, List<Money> otherCurrencies) {
            this(blocked, blockReason, grade, limit, exposure, overdue, maxDaysPastDue, order, otherCurrencies,
                    overdue.isPositive() ? List.of(new Overdue(overdue, maxDaysPastDue)) : List.of());
        }

        /** A buyer that owes nothing in another currency than the limit's. */
        public Situation(boolean blocked, String blockReason, Integer grade, Money limit, Money exposure,
                Money overdue, int maxDaysPastDue, Money order) {
            this(blocked, blockReason, grade, limit, exposure, overdue, maxDaysPastDue, order, List.of());
        }

        /** The buyer's profile and what it owes on {@code today}, with the order. */
        public static Situation of(boolean blocked, String blockReason, Integer grade, Money limit, Exposure owed,
                Money order, LocalDate today) {
            return new Situation(blocked, blockReason, grade, limit, owed.open(), owed.overdue(),
                    owed.maxDaysPastDue(today), order, owed.otherCurrencies(), owed.overdueByCurrency().stream()
                            .map(o -> new Overdue(o.amount(), o.daysPastDue(today))).toList());
        }
    }

    public record Decision(Outcome outcome, List<String> reasons, Money exposureAfter, Money limit) {
    }

    /** An order is checked only for a positive amount. */
    public static void requireOrderAmount(Money order) {
        if (!order.isPositive()) {
            throw DomainError.invalidField("credit-check.amount-not-positive", "orderAmount.amount",
                    "must be greater than 0");
        }
    }

    /**
     * What is wrong with an order for a buyer whose limit is in {@code limitCurrency}, every part named at once (an
     * amount of 0 in another currency names both); null when it can be checked.
     */
    public static DomainError orderRefusal(Money order, String limitCurrency) {
        DomainError amount = order.isPositive() ? null : DomainError.invalidField("credit-check.amount-not-positive",
                "orderAmount.amount", "must be greater than 0");
        DomainError currency = currencyMismatch(order, limitCurrency);
        if (amount == null || currency == null) {
            return amount == null ? currency : amount;
        }
        List<Violation> both = new ArrayList<>(amount.violations());
        both.addAll(currency.violations());
        return DomainError.invalid("credit-check.order-invalid", "The order cannot be checked", both);
    }

    /** An order is weighed against the limit in the limit's currency only; null when it is in it. */
    public static DomainError currencyMismatch(Money order, String limitCurrency) {
        return limitCurrency.equals(order.currencyCode()) ? null
                : DomainError.invalidField("credit-check.currency-mismatch", "orderAmount.currency",
                        "must be the buyer's limit currency " + limitCurrency);
    }

    /**
     * The decision on an order that goes on {@code terms} ({@link CreditPolicy#termsFor}): a first
     * order (the buyer was never invoiced) also says on which terms it goes, prepayment or a short
     * payment term, after the reasons for the outcome. The outcome itself does not change.
     */
    public Decision decide(Situation s, CreditPolicy.Terms terms) {
        Decision d = decide(s);
        List<String> reasons = new ArrayList<>(d.reasons());
        if (!terms.firstOrder()) {
            // a buyer invoiced before is no new buyer: its order goes on its agreed terms, not a first order's
            int noLimit = reasons.indexOf(NO_LIMIT_NEW_BUYER);
            if (noLimit < 0) {
                return d;
            }
            reasons.set(noLimit, NO_LIMIT);
            return new Decision(d.outcome(), List.copyOf(reasons), d.exposureAfter(), d.limit());
        }
        reasons.add(terms.prepayment() ? "first order: prepayment"
                : "first order: payment within " + terms.days() + " days");
        return new Decision(d.outcome(), List.copyOf(reasons), d.exposureAfter(), d.limit());
    }

    public Decision decide(Situation s) {
        List<String> declined = new ArrayList<>();
        List<String> referred = new ArrayList<>();
        Money after = s.exposure().plus(s.order());
        if (s.blocked()) {
            declined.add("buyer is blocked: " + s.blockReason());
        }
        if (s.grade() == null) {
            referred.add("buyer not assessed yet");
        } else if (s.grade() >= declineFromGrade) {
            declined.add("grade " + s.grade() + " is at or below the decline grade " + declineFromGrade);
        } else if (s.grade() >= referFromGrade) {
            referred.add("grade " + s.grade() + " needs a credit manager (from grade " + referFromGrade + ")");
        }
        if (s.limit() == null) {
            referred.add(NO_LIMIT_NEW_BUYER);
        } else {
            Money tolerated = s.limit().plus(s.limit().times(overLimitTolerance));
            if (after.isGreaterThan(tolerated)) {
                declined.add("exposure " + after + " would exceed the limit " + s.limit() + " by more than "
                        + overLimitTolerance.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
            } else if (after.isGreaterThan(s.limit())) {
                referred.add("exposure " + after + " would exceed the limit " + s.limit());
            }
        }
        // how late the buyer pays does not depend on the currency: the oldest overdue invoice in any currency counts;
        // each amount is quoted with the age of its own currency's oldest invoice (an amount in CNY beside the age of
        // an invoice in USD said something true of neither)
        String overdue = s.overdueByCurrency().isEmpty()
                ? "overdue in another currency, oldest " + s.maxDaysPastDue() + " days past due"
                : String.join("; ", s.overdueByCurrency().stream()
                        .map(o -> o.amount() + " overdue, oldest " + o.daysPastDue() + " days past due").toList());
        if (s.maxDaysPastDue() > declineOverdueDays) {
            declined.add(overdue);
        } else if (s.maxDaysPastDue() > referOverdueDays) {
            referred.add(overdue);
        }
        if (!s.otherCurrencies().isEmpty()) {
            // what is owed in another currency cannot be added to the limit's without an exchange rate
            referred.add("owes " + String.join(" and ", s.otherCurrencies().stream().map(Money::toString).toList())
                    + " in another currency than the limit's (" + s.exposure().currencyCode()
                    + "): not weighed against it without an exchange rate");
        }
        if (!declined.isEmpty()) {
            List<String> all = new ArrayList<>(declined);
            all.addAll(referred);
            return new Decision(Outcome.DECLINED, all, after, s.limit());
        }
        if (!referred.isEmpty()) {
            return new Decision(Outcome.REFER, referred, after, s.limit());
        }
        return new Decision(Outcome.APPROVED, List.of("exposure " + after + " within the limit " + s.limit()), after,
                s.limit());
    }
}
