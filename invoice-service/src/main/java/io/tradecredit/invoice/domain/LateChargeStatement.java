package io.tradecredit.invoice.domain;

import java.time.LocalDate;

/**
 * When an overdue invoice's late charges are stated on {@code invoice-events}
 * ({@code late-charges-stated}), so that a +30 letter quotes invoice-service's own figures
 * without a second copy of the rule, and the topic does not carry every invoice every day.
 *
 * <p>A statement is the charges due (accrued less waived) on a date. The daily job looks at an
 * invoice on the day it became overdue and then on {@link Judgement#nextLook()}; it states:
 * <ul>
 * <li>the first charges due (never a statement of nothing);</li>
 * <li>at once, a late fee that differs from the one last stated (it appeared, or was waived): the
 * +30 letter quotes the fee;</li>
 * <li>otherwise changed charges (interest grown, or lowered by a waiver or a backdated payment)
 * once at least {@code intervalDays} (a tenant's policy, default 7) have passed since the last
 * statement;</li>
 * <li>never charges equal to the last stated.</li>
 * </ul>
 * The next look is the day a statement may next be due: {@code intervalDays} after a statement or
 * after a look that found the charges unchanged, the end of the interval when they changed too
 * soon, the next day while nothing was ever stated; the fee day if it comes first.
 */
public record LateChargeStatement(LocalDate on, LateCharges due) {

    /** Whether to state {@code due} now, and the next day to look at the invoice (always after today). */
    public record Judgement(boolean state, LocalDate nextLook) {
    }

    /**
     * @param last the last statement, or null if none was made
     * @param due the charges due on {@code asOf}
     * @param feeDay the day the invoice reaches the late fee's days past due under its terms
     */
    public static Judgement judge(LateChargeStatement last, LateCharges due, LocalDate asOf, int intervalDays,
            LocalDate feeDay) {
        if (intervalDays < 1) {
            throw new IllegalArgumentException("intervalDays must be at least 1: " + intervalDays);
        }
        boolean state = shouldState(last, due, asOf, intervalDays);
        LocalDate next;
        if (state || last != null && last.due().equals(due)) {
            next = asOf.plusDays(intervalDays);
        } else if (last == null) {
            next = asOf.plusDays(1);
        } else {
            next = last.on().plusDays(intervalDays);
        }
        if (feeDay.isAfter(asOf) && feeDay.isBefore(next)) {
            next = feeDay;
        }
        return new Judgement(state, next);
    }

    private static boolean shouldState(LateChargeStatement last, LateCharges due, LocalDate asOf, int intervalDays) {
        if (last == null) {
            return due.total().isPositive();
        }
        if (last.due().equals(due)) {
            return false;
        }
        if (!last.due().fee().equals(due.fee())) {
            return true;
        }
        return !asOf.isBefore(last.on().plusDays(intervalDays));
    }
}
