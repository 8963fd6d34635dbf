package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * A tenant's rule choosing a ladder for a segment of buyers (docs/domain.md §3 "Policies"): a
 * risk grade range, insured or not, an overdue amount band. A criterion left null matches every
 * buyer; a rule with none matches all. Bounds are inclusive for grades; the amount band includes
 * its lower bound and excludes its upper one, so bands 0–10,000 and 10,000–50,000 do not overlap.
 * A band is in one currency: a buyer whose overdue balance is in another does not match it
 * (amounts in different currencies are never compared).
 *
 * @param ladderKey the ladder the segment gets (the ladder itself is kept elsewhere, by this key)
 */
public record SegmentRule(String name, String ladderKey, Integer minGrade, Integer maxGrade, Boolean insured,
        Money minOverdue, Money maxOverdue) {

    public SegmentRule {
        List<Violation> wrong = new ArrayList<>();
        if (ladderKey == null || ladderKey.isBlank()) {
            wrong.add(new Violation("ladderKey", "must name a ladder"));
        }
        checkGrade(wrong, "minGrade", minGrade);
        checkGrade(wrong, "maxGrade", maxGrade);
        if (minGrade != null && maxGrade != null && minGrade > maxGrade) {
            wrong.add(new Violation("maxGrade", "must not be below minGrade (" + minGrade + ")"));
        }
        if (minOverdue != null && maxOverdue != null) {
            if (!minOverdue.currency().equals(maxOverdue.currency())) {
                wrong.add(new Violation("maxOverdue", "must be in the currency of minOverdue (" + minOverdue.currencyCode() + ")"));
            } else if (!maxOverdue.isGreaterThan(minOverdue)) {
                wrong.add(new Violation("maxOverdue", "must be above minOverdue (" + minOverdue + ")"));
            }
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("segment-rule.invalid", "The segment rule " + name + " is inconsistent", wrong);
        }
    }

    private static void checkGrade(List<Violation> wrong, String field, Integer grade) {
        if (grade != null && (grade < 1 || grade > 10)) {
            wrong.add(new Violation(field, "must be a grade from 1 to 10, was " + grade));
        }
    }

    /** Whether this rule's every criterion holds for the buyer. */
    public boolean matches(BuyerProfile buyer) {
        return gradeMatches(buyer.grade()) && (insured == null || insured == buyer.insured())
                && overdueMatches(buyer.overdueBalances());
    }

    private boolean gradeMatches(Integer grade) {
        if (minGrade == null && maxGrade == null) {
            return true;
        }
        // an ungraded buyer is in no grade range
        return grade != null && (minGrade == null || grade >= minGrade) && (maxGrade == null || grade <= maxGrade);
    }

    /** A band looks at the balance in its own currency; a buyer not overdue in it is in no band of it. */
    private boolean overdueMatches(List<Money> balances) {
        return minOverdue == null && maxOverdue == null || balances.stream().anyMatch(this::inBand);
    }

    private boolean inBand(Money overdue) {
        return (minOverdue == null || inCurrencyOf(minOverdue, overdue) && overdue.compareTo(minOverdue) >= 0)
                && (maxOverdue == null || inCurrencyOf(maxOverdue, overdue) && overdue.compareTo(maxOverdue) < 0);
    }

    private static boolean inCurrencyOf(Money bound, Money overdue) {
        return bound.currency().equals(overdue.currency());
    }
}
