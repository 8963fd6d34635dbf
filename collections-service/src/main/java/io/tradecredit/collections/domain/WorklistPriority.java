package io.tradecredit.collections.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * The order of a collector's worklist (docs/domain.md §3 "Cases and agencies"): open cases by
 * priority points, highest first, under the tenant's weights:
 * <pre>
 * points = floor(overdue / amountPerPoint of its currency)
 *        + pointsPerDayPastDue    x days past due of the oldest overdue invoice
 *        + pointsPerGrade         x risk grade (1 best .. 10 worst; ungraded 0)
 *        + pointsPerBrokenPromise x promises the buyer broke on this case
 *        + pointsForActionDue       when the next-action date is today or past
 * </pre>
 * The next-action date is the earlier of the case's and its open ladder tasks' due days ({@link #nextActionOn}).
 * Ties go to the earlier next-action date (none planned last), then to more days past due, then
 * to the case id (compared as its text, which is PostgreSQL's uuid order: the worklist is paged in
 * the database by the same order) so the order is stable. Amounts in different currencies are never added: each
 * currency has its own amount per point (a tenant working in yen sets a bigger one), and a
 * currency the tenant did not list uses {@code otherAmountPerPoint}.
 */
public record WorklistPriority(Map<Currency, BigDecimal> amountPerPoint, BigDecimal otherAmountPerPoint,
        int pointsPerDayPastDue, int pointsPerGrade, int pointsPerBrokenPromise, int pointsForActionDue) {

    /**
     * Chosen here (§3 names the factors, not the weights): 1 point per 1,000 overdue in any
     * currency, 1 per day past due, 5 per grade, 20 per broken promise, 25 for an action due.
     */
    public static final WorklistPriority DEFAULT =
            new WorklistPriority(Map.of(), new BigDecimal("1000"), 1, 5, 20, 25);

    /**
     * A case as the worklist sees it.
     *
     * @param overdue the buyer's overdue balance on the case (in one currency)
     * @param grade null when ungraded
     * @param nextActionOn null when none is planned
     */
    public record WorkItem(UUID caseId, Money overdue, int daysPastDue, Integer grade, int brokenPromises,
            LocalDate nextActionOn) {
    }

    /** A case with its points. */
    public record Ranked(WorkItem item, long points) {
    }

    public WorklistPriority {
        List<Violation> wrong = new ArrayList<>();
        amountPerPoint.forEach((currency, amount) -> {
            if (amount.signum() <= 0) {
                wrong.add(new Violation("amountPerPoint." + currency.getCurrencyCode(), "must be more than zero"));
            }
        });
        if (otherAmountPerPoint.signum() <= 0) {
            wrong.add(new Violation("otherAmountPerPoint", "must be more than zero"));
        }
        notNegative(wrong, "pointsPerDayPastDue", pointsPerDayPastDue);
        notNegative(wrong, "pointsPerGrade", pointsPerGrade);
        notNegative(wrong, "pointsPerBrokenPromise", pointsPerBrokenPromise);
        notNegative(wrong, "pointsForActionDue", pointsForActionDue);
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("worklist-priority.invalid", "The worklist weights are inconsistent", wrong);
        }
        amountPerPoint = Map.copyOf(amountPerPoint);
    }

    private static void notNegative(List<Violation> wrong, String field, int value) {
        if (value < 0) {
            wrong.add(new Violation(field, "must be 0 or more, was " + value));
        }
    }

    /**
     * A buyer's next action on the worklist: the earlier of its case's planned next action and the due days of its
     * open ladder tasks (a task is "for a collector", due the day the ladder gave it: the +3 call is an action due
     * as a planned one is, and a buyer with only tasks has its next action by them); null when neither.
     *
     * @param planned the case's next action, null when none is planned or there is no case
     */
    public static LocalDate nextActionOn(LocalDate planned, Collection<LocalDate> openTaskDays) {
        return openTaskDays.stream().filter(Objects::nonNull).reduce(planned,
                (a, b) -> a == null || b.isBefore(a) ? b : a);
    }

    /**
     * A buyer's next action on the worklist when its case is in {@code state} (null: no case): while the case waits on the
     * buyer's promise or plan or on an agency ({@link CollectionCase#WAITING}) only a date its collector planned counts,
     * not its open ladder tasks' due days, which stay listed (decided session 34: until then a promise kept the case at
     * 2 + 10 + 20 + 25 = 57 for the +3 call due before it, and a case with an agency led in-house work at 85); otherwise
     * {@link #nextActionOn(LocalDate, Collection)}.
     */
    public static LocalDate nextActionOn(CaseState state, LocalDate planned, Collection<LocalDate> openTaskDays) {
        return state != null && CollectionCase.WAITING.contains(state) ? planned : nextActionOn(planned, openTaskDays);
    }

    /** The case's points on {@code today}. */
    public long pointsOf(WorkItem item, LocalDate today) {
        BigDecimal perPoint = amountPerPoint.getOrDefault(item.overdue().currency(), otherAmountPerPoint);
        long amountPoints = Math.max(0, item.overdue().amount().divide(perPoint, 0, RoundingMode.FLOOR).longValue());
        long points = amountPoints
                + (long) pointsPerDayPastDue * Math.max(0, item.daysPastDue())
                + (long) pointsPerGrade * (item.grade() == null ? 0 : item.grade())
                + (long) pointsPerBrokenPromise * item.brokenPromises();
        boolean actionDue = item.nextActionOn() != null && !item.nextActionOn().isAfter(today);
        return actionDue ? points + pointsForActionDue : points;
    }

    /** The worklist on {@code today}: highest points first. */
    public List<Ranked> order(List<WorkItem> cases, LocalDate today) {
        Comparator<Ranked> byPriority = Comparator.comparingLong(Ranked::points).reversed()
                .thenComparing(r -> r.item().nextActionOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.item().daysPastDue(), Comparator.reverseOrder())
                .thenComparing(r -> r.item().caseId().toString());
        return cases.stream().map(c -> new Ranked(c, pointsOf(c, today))).sorted(byPriority).toList();
    }
}
