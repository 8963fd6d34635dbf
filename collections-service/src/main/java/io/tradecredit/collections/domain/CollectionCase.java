package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * A buyer's collection case (docs/domain.md §3 "Cases and agencies"): its state, why it closed,
 * its owner (a collector) and next-action date. Immutable: each change returns the new case, so
 * a use case can compare before and after to record what happened. The moves allowed are
 * {@link CaseState#next()}; any other is refused with a 409 naming both states.
 *
 * @param closeReason null until closed
 * @param owner null until assigned
 * @param nextActionOn null when nothing is planned
 */
public record CollectionCase(UUID id, UUID buyerId, CaseState state, CloseReason closeReason, String owner,
        LocalDate nextActionOn, LocalDate openedOn, LocalDate closedOn) {

    /**
     * A new case, opened {@code on} (by the ladder's case-opening or legal step, a hand-off to an agency, a
     * claim), due for its collector's first look that day: §3 gives a case a next-action date and the
     * worklist orders by it, so a case nobody has looked at yet is due at once (the action-due points) rather
     * than waiting, undated, below every case a collector planned. Counted on the tenant's calendar as its
     * ladder counts a step's day and a call's follow-up: opened on a day the tenant does not work (an
     * agency's or insurer's report on a Saturday), the first look is the next working day.
     */
    public static CollectionCase open(UUID id, UUID buyerId, LocalDate on, BusinessCalendar calendar) {
        return new CollectionCase(id, buyerId, CaseState.OPEN, null, null, calendar.nextWorkingDay(on), on, null);
    }

    /**
     * Moves to an open state; closing goes through {@link #close}, which needs a reason. A case that
     * starts waiting on others ({@link #WAITING}) (the buyer's promise or plan, an agency)
     * has no next action of its collector's: a date planned before (its first look, often past) would
     * keep it due on the worklist all the while nothing is the collector's to do; the wait's end plans
     * one (a broken promise or plan, an agency's return, a recall), and a collector may still plan one.
     */
    public CollectionCase moveTo(CaseState to) {
        if (to == CaseState.CLOSED) {
            throw DomainError.invalidField("case.close-needs-reason", "state", "a case closes with a reason: use close");
        }
        refuseUnlessAllowed(to);
        return new CollectionCase(id, buyerId, to, null, owner, WAITING.contains(to) ? null : nextActionOn, openedOn,
                null);
    }

    /** The states in which the case waits on the buyer (a promise, a plan) or an agency rather than on its collector. */
    static final Set<CaseState> WAITING = EnumSet.of(CaseState.PROMISE_TO_PAY, CaseState.PAYMENT_PLAN,
            CaseState.WITH_AGENCY);

    /**
     * A collector's move by the case's state door: as {@link #moveTo}, but not to or from
     * {@link CaseState#WITH_AGENCY} (409 {@code case.agency-move}: a hand-off and a recall record the
     * placement and tell the agency), nor to {@link CaseState#PROMISE_TO_PAY} (409
     * {@code case.promise-move}: a promise is made with its amount, date and hold, and judged) or to
     * {@link CaseState#PAYMENT_PLAN} (409 {@code case.plan-move}: invoice-service's agreed plan moves
     * the case, and the plan's end gives it back): a state with nothing behind it would never be
     * judged nor left.
     */
    public CollectionCase moveByCollector(CaseState to) {
        if (to == CaseState.WITH_AGENCY || state == CaseState.WITH_AGENCY) {
            throw DomainError.conflict("case.agency-move", "Case " + id + " is " + state
                    + ": a case goes to an agency by POST .../hand-off and comes back by POST .../recall");
        }
        if (to == CaseState.PROMISE_TO_PAY) {
            throw DomainError.conflict("case.promise-move", "Case " + id + " goes to PROMISE_TO_PAY by"
                    + " POST .../promises, which records the promise (amount, date) and holds the buyer to its deadline");
        }
        if (to == CaseState.PAYMENT_PLAN) {
            throw DomainError.conflict("case.plan-move", "Case " + id + " goes to PAYMENT_PLAN when"
                    + " invoice-service agrees a payment plan with the buyer, and back when the plan ends");
        }
        return moveTo(to);
    }

    /**
     * Closes with a reason. Closing as {@link CloseReason#PAID} is refused while any amount in
     * {@code overdueLeft} (one per currency) is still above zero.
     */
    public CollectionCase close(CloseReason reason, List<Money> overdueLeft, LocalDate on) {
        refuseUnlessAllowed(CaseState.CLOSED);
        if (reason == CloseReason.PAID) {
            List<Violation> stillOverdue = overdueLeft.stream().filter(Money::isPositive)
                    .map(m -> new Violation("overdue." + m.currencyCode(), m + " is still overdue")).toList();
            if (!stillOverdue.isEmpty()) {
                throw DomainError.conflict("case.still-overdue",
                        "Case " + id + " cannot close as paid while the buyer still owes overdue amounts", stillOverdue);
            }
        }
        return new CollectionCase(id, buyerId, CaseState.CLOSED, reason, owner, null, openedOn, on);
    }

    /**
     * What a payment or credit note means for the case: when nothing overdue is left in any
     * currency, it closes as paid; otherwise (or when already closed) it stays as it is.
     */
    public CollectionCase closeIfNothingOverdue(List<Money> overdueLeft, LocalDate on) {
        return closeIfNothingOverdue(overdueLeft, on, CloseReason.PAID);
    }

    /** As {@link #closeIfNothingOverdue(List, LocalDate)}, closing with {@code reason} (a write-off: written off). */
    public CollectionCase closeIfNothingOverdue(List<Money> overdueLeft, LocalDate on, CloseReason reason) {
        if (state == CaseState.CLOSED || overdueLeft.stream().anyMatch(Money::isPositive)) {
            return this;
        }
        return close(reason, overdueLeft, on);
    }

    /**
     * Whether the buyer needs a new case now that a payment was reversed: this, its latest case, closed as
     * {@link CloseReason#PAID} (by the payment that bounced, or by a collector) while {@code overdueLeft} (one
     * per currency) owes something again. A closed case stays closed (its record is history); a buyer
     * overdue again gets a new case at once, rather than none until the ladder's next case-opening or legal
     * step, which for the invoices it already took are never taken again. Closed otherwise (settled, written
     * off, claimed, abandoned), what is owed again is not the collector's to chase.
     */
    public boolean owedAgainAfterPaid(List<Money> overdueLeft) {
        return state == CaseState.CLOSED && closeReason == CloseReason.PAID
                && overdueLeft.stream().anyMatch(Money::isPositive);
    }

    /** Gives the case to a collector. */
    public CollectionCase assignTo(String collector) {
        refuseIfClosed();
        if (collector == null || collector.isBlank()) {
            throw DomainError.invalidField("case.owner-missing", "owner", "must name the collector");
        }
        TextLimits.refuseIfLonger("case.owner-invalid", "owner", collector, TextLimits.OWNER);
        return new CollectionCase(id, buyerId, state, closeReason, collector, nextActionOn, openedOn, closedOn);
    }

    /**
     * The next action after a call the collector logged: the day the call's suggested move is to be looked at
     * again ({@link NextMove#nextActionOn}: the follow-up, or the day after a short hold ends, on the tenant's
     * calendar), replacing what was planned: the call was the action, and a first look or a date planned before it
     * would keep the case due on the worklist though the collector just called. A case waiting on others (a promise,
     * a plan, an agency) keeps what it has (none): the wait's end plans its next action.
     */
    public LocalDate nextActionAfter(NextMove call) {
        refuseIfClosed();
        return WAITING.contains(state) ? nextActionOn : call.nextActionOn();
    }

    /**
     * Plans the next action on {@code day}, which may not lie before {@code today}; no day at all is named as missing
     * ({@code case.next-action-missing}; until session 34 it was answered as a day in the past).
     */
    public CollectionCase planNextAction(LocalDate day, LocalDate today) {
        refuseIfClosed();
        if (day == null) {
            throw DomainError.invalidField("case.next-action-missing", "nextActionOn",
                    "is required: the day of the case's next action, today (" + today + ") or later");
        }
        if (day.isBefore(today)) {
            throw DomainError.invalidField("case.next-action-in-past", "nextActionOn",
                    "must be today (" + today + ") or later");
        }
        return new CollectionCase(id, buyerId, state, closeReason, owner, day, openedOn, closedOn);
    }

    private void refuseUnlessAllowed(CaseState to) {
        if (!state.canMoveTo(to)) {
            throw DomainError.conflict("case.move-not-allowed",
                    "Case " + id + " cannot move from " + state + " to " + to + "; from " + state + " it may move to "
                            + state.next(),
                    List.of(new Violation("state", "from " + state + " to " + to + " is not allowed")));
        }
    }

    private void refuseIfClosed() {
        if (state == CaseState.CLOSED) {
            throw DomainError.conflict("case.closed", "Case " + id + " is closed (" + closeReason + ")");
        }
    }
}
