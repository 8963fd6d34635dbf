package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * When a tenant's contract lets the daily run hand a buyer's case to the agency on its own
 * (docs/domain.md §3 "Cases and agencies": a DPD threshold, a minimum amount, or manual only).
 * The ladder says when the question is asked (a step with an agency hand-off action); this rule
 * says whether this agency takes the case then. A collector may hand a case over by hand under
 * any rule.
 *
 * @param daysPastDue    with {@link Mode#DAYS_PAST_DUE}: the buyer's oldest overdue invoice must be
 *                       at least this many days past due
 * @param minimumOverdue the buyer's overdue balance in a currency must reach the amount in that
 *                       currency (required with {@link Mode#MINIMUM_AMOUNT}, an extra floor with
 *                       {@link Mode#DAYS_PAST_DUE}; a currency without an amount has no floor
 *                       under DAYS_PAST_DUE and never qualifies under MINIMUM_AMOUNT)
 */
public record HandOffRule(Mode mode, Integer daysPastDue, CurrencyThresholds minimumOverdue) {
    /** How the run decides. */
    public enum Mode {
        /** Only a collector hands a case over. */
        MANUAL,
        /** From a number of days past due (and optionally a minimum overdue balance). */
        DAYS_PAST_DUE,
        /** From a minimum overdue balance, whatever the days past due. */
        MINIMUM_AMOUNT
    }

    /** At most ten years past due: beyond that a threshold is a typing error. */
    static final int MAX_DAYS = 3650;

    public static final HandOffRule MANUAL_ONLY = new HandOffRule(Mode.MANUAL, null, CurrencyThresholds.NONE);

    public HandOffRule {
        minimumOverdue = minimumOverdue == null ? CurrencyThresholds.NONE : minimumOverdue;
    }

    /** Whether a buyer this many days past due and overdue by {@code overdue} (one currency) qualifies. */
    public boolean qualifies(int oldestDaysPastDue, Money overdue) {
        if (!overdue.isPositive()) {
            return false;
        }
        return switch (mode) {
            case MANUAL -> false;
            case DAYS_PAST_DUE -> oldestDaysPastDue >= daysPastDue && !minimumOverdue.isAbove(overdue);
            case MINIMUM_AMOUNT -> minimumOverdue.in(overdue.currency()).map(min -> !min.isGreaterThan(overdue))
                    .orElse(false);
        };
    }

    /**
     * How many days past due the buyer's oldest overdue invoice is on {@code on}: of the items
     * overdue then with a collectible part (all that is open is disputed: it does not count), the
     * most days after the due date; 0 when none is.
     */
    public static int oldestDaysPastDue(List<DunningItem> items, LocalDate on) {
        return items.stream().filter(i -> i.isOverdueOn(on) && i.collectible().isPositive())
                .mapToInt(i -> (int) ChronoUnit.DAYS.between(i.dueDate(), on)).max().orElse(0);
    }

    /**
     * What a buyer owes overdue in one currency (the collectible part of its items past their due date) and how many
     * days past due its oldest overdue item in that currency is: a rule is judged per currency on both, so a small
     * debt long overdue in one currency never makes a recent one in another look old.
     */
    public record Overdue(Money amount, int oldestDaysPastDue) {

        /** The buyer's overdue balances on {@code on}, one per currency it is overdue in. */
        public static List<Overdue> of(List<DunningItem> items, LocalDate on) {
            return BuyerStanding.of(items, null, on).overdue().stream().map(m -> new Overdue(m,
                    HandOffRule.oldestDaysPastDue(items.stream().filter(i -> i.open().currency().equals(m.currency())).toList(), on)))
                    .toList();
        }
    }

    /** Every problem, named under {@code path} ({@code handOff.daysPastDue}). */
    List<Violation> violations(String path) {
        List<Violation> wrong = new ArrayList<>();
        if (mode == null) {
            wrong.add(new Violation(path + ".mode", "is required: MANUAL, DAYS_PAST_DUE or MINIMUM_AMOUNT"));
            return wrong;
        }
        boolean hasDays = daysPastDue != null;
        boolean hasMinimum = !minimumOverdue.amounts().isEmpty();
        if (mode == Mode.DAYS_PAST_DUE && (!hasDays || daysPastDue < 1 || daysPastDue > MAX_DAYS)) {
            wrong.add(new Violation(path + ".daysPastDue", "is required with DAYS_PAST_DUE: from 1 to " + MAX_DAYS));
        }
        if (mode != Mode.DAYS_PAST_DUE && hasDays) {
            wrong.add(new Violation(path + ".daysPastDue", "only with DAYS_PAST_DUE"));
        }
        if (mode == Mode.MINIMUM_AMOUNT && !hasMinimum) {
            wrong.add(new Violation(path + ".minimumOverdue", "is required with MINIMUM_AMOUNT: an amount per currency"));
        }
        if (mode == Mode.MANUAL && hasMinimum) {
            wrong.add(new Violation(path + ".minimumOverdue", "a manual-only contract has no threshold"));
        }
        wrong.addAll(minimumOverdue.violations(path + ".minimumOverdue"));
        return wrong;
    }
}
