package io.tradecredit.credit.domain;

import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.Violation;

/**
 * Everything a tenant may tune about buyer credit, in one document: how factors become a score
 * and grade, the limit formula, the order-time rules, how far a grade may fall before the limit
 * is cut without asking, how often limits are reviewed, what a new buyer's first order gets, and
 * the currency and payment term a buyer registered without them gets.
 */
public record CreditPolicy(ScoringPolicy scoring, LimitFormula limits, CreditCheckRules checks, Integer gradeDropThreshold,
        Integer reviewIntervalDays, Integer firstOrderTermDays, String defaultCurrency, Integer defaultTermDays) {

    /** A buyer's currency when it is registered without one, unless the tenant's policy names another. */
    public static final String DEFAULT_CURRENCY = "CNY";
    /** A buyer's payment term (days net) when it is registered without one, unless the tenant's policy says otherwise. */
    public static final int DEFAULT_TERM_DAYS = 30;

    public static final CreditPolicy DEFAULT = new CreditPolicy(ScoringPolicy.DEFAULT, LimitFormula.DEFAULT,
            CreditCheckRules.DEFAULT, 2, 365, 15, DEFAULT_CURRENCY, DEFAULT_TERM_DAYS);

    /**
     * The two registration defaults came after the document was published: a policy stored or sent without them
     * keeps the platform's (CNY, 30 days), where a number left out of the rest is named (below).
     */
    public CreditPolicy {
        defaultCurrency = defaultCurrency == null ? DEFAULT_CURRENCY : defaultCurrency;
        defaultTermDays = defaultTermDays == null ? DEFAULT_TERM_DAYS : defaultTermDays;
    }

    /** A policy with the platform's registration defaults. */
    public CreditPolicy(ScoringPolicy scoring, LimitFormula limits, CreditCheckRules checks, Integer gradeDropThreshold,
            Integer reviewIntervalDays, Integer firstOrderTermDays) {
        this(scoring, limits, checks, gradeDropThreshold, reviewIntervalDays, firstOrderTermDays, null, null);
    }

    /**
     * Every setting that cannot work, each named by its path in the policy document (as the tenant
     * sends it: {@code reviewIntervalDays}, {@code scoring.gradeFloors[3]}, {@code checks.overLimitTolerance});
     * empty for a policy that may be used. A policy is judged whole before it is stored, so that
     * every problem is named at once; the records themselves take any values.
     */
    public List<Violation> violations() {
        List<Violation> errors = new ArrayList<>();
        if (scoring == null) {
            errors.add(new Violation("scoring", "is required"));
        } else {
            errors.addAll(scoring.violations("scoring."));
        }
        if (limits == null) {
            errors.add(new Violation("limits", "is required"));
        } else {
            errors.addAll(limits.violations("limits."));
        }
        if (checks == null) {
            errors.add(new Violation("checks", "is required"));
        } else {
            errors.addAll(checks.violations("checks."));
        }
        // a number left out is named, not read as 0 (0 days of first-order term is prepayment for every new buyer)
        if (gradeDropThreshold == null || gradeDropThreshold < 1 || gradeDropThreshold > 9) {
            errors.add(new Violation("gradeDropThreshold", "must be 1 to 9 grades"));
        }
        if (reviewIntervalDays == null || reviewIntervalDays < 1 || reviewIntervalDays > 3 * 365) {
            errors.add(new Violation("reviewIntervalDays", "must be 1 to 1095 days"));
        }
        if (firstOrderTermDays == null || firstOrderTermDays < 0 || firstOrderTermDays > 365) {
            errors.add(new Violation("firstOrderTermDays", "must be 0 (prepayment) to 365 days"));
        }
        if (!BuyerRules.knownCurrency(defaultCurrency)) {
            errors.add(new Violation("defaultCurrency", "must be an ISO 4217 currency code such as CNY"));
        }
        if (defaultTermDays < 0 || defaultTermDays > 365) {
            errors.add(new Violation("defaultTermDays", "must be 0 (prepayment) to 365 days"));
        }
        return errors;
    }

    /** The terms an order gets: 0 days means prepayment. */
    public record Terms(int days, boolean prepayment, boolean firstOrder) {
        /** Terms of {@code days}, prepayment when 0: how a recorded check's terms are read back. */
        public static Terms of(int days, boolean firstOrder) {
            return new Terms(days, days == 0, firstOrder);
        }
    }

    /** An order checked: the decision and the terms it goes on. */
    public record Checked(CreditCheckRules.Decision decision, Terms terms) {
    }

    /**
     * The order-time check under this policy: the terms the buyer's order gets ({@link #termsFor})
     * and the decision on it ({@link CreditCheckRules#decide(CreditCheckRules.Situation, Terms)}).
     */
    public Checked check(CreditCheckRules.Situation s, int agreedTermDays, boolean tradedBefore) {
        Terms terms = termsFor(agreedTermDays, tradedBefore);
        return new Checked(checks.decide(s, terms), terms);
    }

    /**
     * A buyer that has never been invoiced gets its first order on prepayment (when the policy's
     * first term is 0) or on the shorter of its agreed and the first-order term (docs/domain.md §1).
     */
    public Terms termsFor(int agreedDays, boolean tradedBefore) {
        if (tradedBefore) {
            return Terms.of(agreedDays, false);
        }
        return Terms.of(Math.min(agreedDays, firstOrderTermDays), true);
    }
}
