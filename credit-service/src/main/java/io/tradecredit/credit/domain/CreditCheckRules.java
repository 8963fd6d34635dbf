package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * The decision at order time (docs/domain.md §1): exposure (open receivables + the new order)
 * against the limit, the grade, overdue balances and blocks give APPROVED, REFER (a credit
 * manager decides) or DECLINED, with every reason that applied. Thresholds are per tenant.
 */
public record CreditCheckRules(int referFromGrade, int declineFromGrade, BigDecimal overLimitTolerance,
        int referOverdueDays, int declineOverdueDays) {

    public static final CreditCheckRules DEFAULT = new CreditCheckRules(7, 9, new BigDecimal("0.10"), 30, 90);

    public enum Outcome {
        APPROVED, REFER, DECLINED
    }

    /** What is known about the buyer when the order comes in. {@code limit} is null when none is approved. */
    public record Situation(boolean blocked, String blockReason, Integer grade, Money limit, Money exposure,
            Money overdue, int maxDaysPastDue, Money order) {
    }

    public record Decision(Outcome outcome, List<String> reasons, Money exposureAfter, Money limit) {
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
            referred.add("no credit limit approved: a new buyer's first order goes on prepayment or a short term");
        } else {
            Money tolerated = s.limit().plus(s.limit().times(overLimitTolerance));
            if (after.isGreaterThan(tolerated)) {
                declined.add("exposure " + after + " would exceed the limit " + s.limit() + " by more than "
                        + overLimitTolerance.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
            } else if (after.isGreaterThan(s.limit())) {
                referred.add("exposure " + after + " would exceed the limit " + s.limit());
            }
        }
        if (s.overdue().isPositive()) {
            String overdue = s.overdue() + " overdue, oldest " + s.maxDaysPastDue() + " days past due";
            if (s.maxDaysPastDue() > declineOverdueDays) {
                declined.add(overdue);
            } else if (s.maxDaysPastDue() > referOverdueDays) {
                referred.add(overdue);
            }
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
