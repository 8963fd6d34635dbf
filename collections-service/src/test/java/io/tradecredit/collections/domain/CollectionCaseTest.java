package io.tradecredit.collections.domain;

import static io.tradecredit.collections.domain.CaseState.CLOSED;
import static io.tradecredit.collections.domain.CaseState.IN_PROGRESS;
import static io.tradecredit.collections.domain.CaseState.LEGAL;
import static io.tradecredit.collections.domain.CaseState.OPEN;
import static io.tradecredit.collections.domain.CaseState.PAYMENT_PLAN;
import static io.tradecredit.collections.domain.CaseState.PROMISE_TO_PAY;
import static io.tradecredit.collections.domain.CaseState.WITH_AGENCY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class CollectionCaseTest {
    static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    static final LocalDate JUNE_9 = LocalDate.of(2026, 6, 9);
    static final List<Money> NOTHING_OVERDUE = List.of(Money.zero("CNY"), Money.zero("EUR"));

    /** The moves §3 allows, written out in full: every other pair is refused. */
    static final Map<CaseState, Set<CaseState>> ALLOWED = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, PROMISE_TO_PAY, PAYMENT_PLAN, WITH_AGENCY, LEGAL, CLOSED),
            IN_PROGRESS, EnumSet.of(PROMISE_TO_PAY, PAYMENT_PLAN, WITH_AGENCY, LEGAL, CLOSED),
            PROMISE_TO_PAY, EnumSet.of(IN_PROGRESS, PAYMENT_PLAN, WITH_AGENCY, LEGAL, CLOSED),
            PAYMENT_PLAN, EnumSet.of(IN_PROGRESS, WITH_AGENCY, LEGAL, CLOSED),
            WITH_AGENCY, EnumSet.of(IN_PROGRESS, LEGAL, CLOSED),
            LEGAL, EnumSet.of(PAYMENT_PLAN, CLOSED),
            CLOSED, EnumSet.noneOf(CaseState.class));

    static CollectionCase openCase() {
        return CollectionCase.open(CASE, BUYER, JUNE_1, BusinessCalendar.DEFAULT);
    }

    static CollectionCase in(CaseState state) {
        return new CollectionCase(CASE, BUYER, state, state == CLOSED ? CloseReason.SETTLED : null, null, null,
                JUNE_1, null);
    }

    @Test
    void everyPairOfStatesIsAllowedOrRefusedAsDocumented() {
        for (CaseState from : CaseState.values()) {
            assertEquals(ALLOWED.get(from), from.next(), "moves from " + from);
            for (CaseState to : CaseState.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void newCaseIsOpenWithoutOwnerAndDueForItsFirstLookTheDayItOpened() {
        // Monday 1 June 2026: until session 30 its next action was null, so it ranked below every planned case
        CollectionCase c = openCase();
        assertEquals(OPEN, c.state());
        assertEquals(JUNE_1, c.openedOn());
        assertEquals(JUNE_1, c.nextActionOn());
        assertNull(c.owner());
        assertNull(c.closeReason());
        assertNull(c.closedOn());
    }

    @Test
    void aCaseOpenedOnADayTheTenantDoesNotWorkIsFirstLookedAtOnItsNextWorkingDay() {
        // an agency's hand-off or an insurer's report on Saturday 6 June 2026: Monday the 8th
        CollectionCase saturday = CollectionCase.open(CASE, BUYER, LocalDate.of(2026, 6, 6), BusinessCalendar.DEFAULT);
        assertEquals(LocalDate.of(2026, 6, 6), saturday.openedOn());
        assertEquals(LocalDate.of(2026, 6, 8), saturday.nextActionOn());
        // National Day 2026 (1-7 October off, Saturday the 10th worked): opened on the 1st, looked at on the 8th
        BusinessCalendar china = BusinessCalendar.of(List.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY),
                LocalDate.of(2026, 10, 1).datesUntil(LocalDate.of(2026, 10, 8)).toList(), List.of(LocalDate.of(2026, 10, 10)));
        assertEquals(LocalDate.of(2026, 10, 8),
                CollectionCase.open(CASE, BUYER, LocalDate.of(2026, 10, 1), china).nextActionOn());
        // a worked Saturday is its own first look
        assertEquals(LocalDate.of(2026, 10, 10),
                CollectionCase.open(CASE, BUYER, LocalDate.of(2026, 10, 10), china).nextActionOn());
    }

    @Test
    void caseWalksTheWholeLadderToClosedSettled() {
        CollectionCase c = openCase().moveTo(IN_PROGRESS).moveTo(PROMISE_TO_PAY).moveTo(PAYMENT_PLAN)
                .moveTo(WITH_AGENCY).moveTo(LEGAL).close(CloseReason.SETTLED, List.of(Money.of("500.00", "CNY")), JUNE_9);
        assertEquals(CLOSED, c.state());
        assertEquals(CloseReason.SETTLED, c.closeReason());
        assertEquals(JUNE_9, c.closedOn());
    }

    @Test
    void brokenPromiseGoesBackToInProgress() {
        assertEquals(IN_PROGRESS, in(PROMISE_TO_PAY).moveTo(IN_PROGRESS).state());
    }

    @Test
    void illegalMoveIsA409NamingFromAndTo() {
        DomainError e = assertThrows(DomainError.class, () -> in(WITH_AGENCY).moveTo(OPEN));
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals("case.move-not-allowed", e.code());
        assertEquals("Case " + CASE + " cannot move from WITH_AGENCY to OPEN; from WITH_AGENCY it may move to "
                + "[IN_PROGRESS, LEGAL, CLOSED]", e.detail());
        assertEquals(List.of(new Violation("state", "from WITH_AGENCY to OPEN is not allowed")), e.violations());
    }

    @Test
    void movingToTheSameStateIsRefused() {
        DomainError e = assertThrows(DomainError.class, () -> in(IN_PROGRESS).moveTo(IN_PROGRESS));
        assertEquals("case.move-not-allowed", e.code());
    }

    /**
     * The state door: in progress, a collector may escalate to legal or close, but not invent a promise to pay or a
     * payment plan (nothing behind it to judge or end), nor hand to or take from an agency; from promise to pay it
     * may still go back to in progress or escalate.
     */
    @Test
    void theStateDoorRefusesTheStatesARecordStandsBehind() {
        CollectionCase working = in(IN_PROGRESS);
        assertEquals(LEGAL, working.moveByCollector(LEGAL).state());
        assertEquals("case.promise-move", assertThrows(DomainError.class, () -> working.moveByCollector(PROMISE_TO_PAY)).code());
        assertEquals("case.plan-move", assertThrows(DomainError.class, () -> working.moveByCollector(PAYMENT_PLAN)).code());
        assertEquals("case.agency-move", assertThrows(DomainError.class, () -> working.moveByCollector(WITH_AGENCY)).code());
        assertEquals("case.agency-move", assertThrows(DomainError.class, () -> in(WITH_AGENCY).moveByCollector(LEGAL)).code());
        assertEquals(DomainError.Kind.CONFLICT, assertThrows(DomainError.class, () -> working.moveByCollector(PAYMENT_PLAN)).kind());
        assertEquals(IN_PROGRESS, in(PROMISE_TO_PAY).moveByCollector(IN_PROGRESS).state());
        assertEquals(LEGAL, in(PROMISE_TO_PAY).moveByCollector(LEGAL).state());
        assertEquals(IN_PROGRESS, in(PAYMENT_PLAN).moveByCollector(IN_PROGRESS).state());
        assertEquals("case.move-not-allowed", assertThrows(DomainError.class, () -> working.moveByCollector(OPEN)).code());
    }

    @Test
    void closedCaseNeverMovesAgain() {
        CollectionCase closed = openCase().close(CloseReason.WRITTEN_OFF, List.of(), JUNE_9);
        DomainError e = assertThrows(DomainError.class, () -> closed.moveTo(IN_PROGRESS));
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        DomainError again = assertThrows(DomainError.class,
                () -> closed.close(CloseReason.ABANDONED, List.of(), JUNE_9));
        assertEquals("case.move-not-allowed", again.code());
    }

    @Test
    void closingThroughMoveToIsRefusedAskingForAReason() {
        DomainError e = assertThrows(DomainError.class, () -> openCase().moveTo(CLOSED));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("case.close-needs-reason", e.code());
        assertEquals("state", e.violations().get(0).field());
    }

    @Test
    void closingAsPaidWhileSomethingIsOverdueIsRefusedNamingEachCurrency() {
        DomainError e = assertThrows(DomainError.class, () -> openCase().close(CloseReason.PAID,
                List.of(Money.of("120.50", "CNY"), Money.zero("USD"), Money.of("3.00", "EUR")), JUNE_9));
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals("case.still-overdue", e.code());
        assertEquals(List.of(new Violation("overdue.CNY", "120.50 CNY is still overdue"),
                new Violation("overdue.EUR", "3.00 EUR is still overdue")), e.violations());
    }

    @Test
    void lastOverduePaymentClosesTheCaseAsPaid() {
        CollectionCase c = in(WITH_AGENCY).closeIfNothingOverdue(NOTHING_OVERDUE, JUNE_9);
        assertEquals(CLOSED, c.state());
        assertEquals(CloseReason.PAID, c.closeReason());
        assertEquals(JUNE_9, c.closedOn());
    }

    @Test
    void aWriteOffOfTheLastOverdueClosesTheCaseAsWrittenOffAnythingElseAsPaid() {
        assertEquals(Optional.of(CloseReason.WRITTEN_OFF), CloseReason.clearedBy("written-off"));
        for (String clearing : List.of("payment-received", "buyer-credit-applied", "credit-note-issued", "paid",
                "cancelled")) {
            assertEquals(Optional.of(CloseReason.PAID), CloseReason.clearedBy(clearing), clearing);
        }
        CollectionCase c = in(IN_PROGRESS).closeIfNothingOverdue(NOTHING_OVERDUE, JUNE_9,
                CloseReason.clearedBy("written-off").orElseThrow());
        assertEquals(CLOSED, c.state());
        assertEquals(CloseReason.WRITTEN_OFF, c.closeReason());
        CollectionCase owing = in(IN_PROGRESS);
        assertSame(owing, owing.closeIfNothingOverdue(List.of(Money.of("0.01", "CNY")), JUNE_9, CloseReason.WRITTEN_OFF));
    }

    /** A dispute pays nothing: it never closes a case, nor does a reversal. */
    @Test
    void disputesAndReversalsCloseNothing() {
        for (String nothingPaid : List.of("dispute-opened", "dispute-resolved", "payment-reversed", "became-overdue")) {
            assertEquals(Optional.empty(), CloseReason.clearedBy(nothingPaid), nothingPaid);
        }
    }

    /**
     * INV-1, 12,000.00 CNY due 03-02, wholly disputed on 03-20: nothing is collectible (nothing is
     * dunned), but 12,000.00 is still owed overdue, so the case stays open and may not close as paid.
     */
    @Test
    void aWhollyDisputedInvoiceIsStillOwedSoTheCaseStaysOpen() {
        LocalDate march20 = LocalDate.of(2026, 3, 20);
        List<DunningItem> items = List.of(new DunningItem("INV-1", LocalDate.of(2026, 3, 2),
                Money.of("12000.00", "CNY"), Money.of("12000.00", "CNY"), false, null, Set.of()));
        assertEquals(Money.zero("CNY"), BuyerStanding.of(items, null, march20).overdueIn(Money.currencyOf("CNY")));
        List<Money> owed = BuyerStanding.owedOverdue(items, march20);
        assertEquals(List.of(Money.of("12000.00", "CNY")), owed);

        CollectionCase c = openCase();
        assertSame(c, c.closeIfNothingOverdue(owed, march20));
        DomainError e = assertThrows(DomainError.class, () -> c.close(CloseReason.PAID, owed, march20));
        assertEquals("case.still-overdue", e.code());
    }

    @Test
    void buyerInCreditCountsAsNothingOverdue() {
        CollectionCase c = openCase().closeIfNothingOverdue(List.of(Money.of("-10.00", "CNY")), JUNE_9);
        assertEquals(CloseReason.PAID, c.closeReason());
    }

    @Test
    void partPaymentLeavesTheCaseAsItIs() {
        CollectionCase c = in(PROMISE_TO_PAY);
        assertSame(c, c.closeIfNothingOverdue(List.of(Money.zero("CNY"), Money.of("0.01", "EUR")), JUNE_9));
    }

    @Test
    void paymentOnAClosedCaseLeavesItClosedAsItWas() {
        CollectionCase closed = openCase().close(CloseReason.CLAIMED, List.of(), JUNE_1);
        assertSame(closed, closed.closeIfNothingOverdue(NOTHING_OVERDUE, JUNE_9));
    }

    @Test
    void ownerAndNextActionSurviveMoves() {
        CollectionCase c = openCase().assignTo("li.wei").planNextAction(JUNE_9, JUNE_1).moveTo(IN_PROGRESS);
        assertEquals("li.wei", c.owner());
        assertEquals(JUNE_9, c.nextActionOn());
        CollectionCase closed = c.close(CloseReason.SETTLED, List.of(), JUNE_9);
        assertEquals("li.wei", closed.owner());
        assertNull(closed.nextActionOn());
    }

    @Test
    void aCaseWaitingOnAPromiseAPlanOrAnAgencyHasNoNextActionOfItsCollectors() {
        // opened 1 June, due for a first look that day: waiting on the buyer or an agency, it is not due on the worklist
        for (CaseState waiting : List.of(PROMISE_TO_PAY, PAYMENT_PLAN, WITH_AGENCY)) {
            CollectionCase c = openCase().moveTo(IN_PROGRESS).moveTo(waiting);
            assertNull(c.nextActionOn(), waiting.name());
            // the collector may still plan one while it waits (a call before the promised date)
            assertEquals(JUNE_9, c.planNextAction(JUNE_9, JUNE_1).nextActionOn(), waiting.name());
        }
        // the collector's own states keep the date
        assertEquals(JUNE_9, openCase().planNextAction(JUNE_9, JUNE_1).moveTo(IN_PROGRESS).nextActionOn());
        assertEquals(JUNE_9, openCase().planNextAction(JUNE_9, JUNE_1).moveTo(LEGAL).nextActionOn());
        assertEquals(JUNE_9, in(PAYMENT_PLAN).planNextAction(JUNE_9, JUNE_1).moveTo(IN_PROGRESS).nextActionOn());
    }

    /**
     * Called on Monday 1 June 2026, the buyer's cash is short: a payment plan is suggested and followed up on Thursday
     * 4 June (3 days). The case's next action becomes the 4th, whether it showed its first look (the 1st, due now) or a
     * date the collector planned before the call (the 9th); a short hold to the 8th is looked at on the 9th. Until
     * session 31 a call left the first look in place: the case stayed due on the worklist (+25) after the call.
     * A case waiting on a promise, a plan or an agency keeps none; a closed case takes no call.
     */
    @Test
    void aCallPlansTheCasesNextActionOnTheDayItsSuggestedMoveIsFollowedUp() {
        LocalDate june4 = LocalDate.of(2026, 6, 4);
        NextMove plan = new NextMove(NextMove.Kind.OFFER_PAYMENT_PLAN, null, june4);
        assertEquals(june4, openCase().nextActionAfter(plan));
        assertEquals(june4, openCase().moveTo(IN_PROGRESS).planNextAction(JUNE_9, JUNE_1).nextActionAfter(plan));
        assertEquals(june4, openCase().moveTo(LEGAL).nextActionAfter(plan));
        assertEquals(JUNE_9, openCase().nextActionAfter(new NextMove(NextMove.Kind.SHORT_HOLD, LocalDate.of(2026, 6, 8),
                JUNE_9)));
        for (CaseState waiting : List.of(PROMISE_TO_PAY, PAYMENT_PLAN, WITH_AGENCY)) {
            assertNull(openCase().moveTo(waiting).nextActionAfter(plan), waiting.name());
        }
        assertThrows(DomainError.class, () -> in(CLOSED).nextActionAfter(plan));
    }

    /** Closed as paid on 9 June, the payment bounces and 6,000.00 is overdue again: a new case; anything else: none. */
    @Test
    void aCaseClosedAsPaidIsFollowedByANewOneWhenTheBuyerOwesOverdueAgain() {
        List<Money> owedAgain = List.of(Money.zero("EUR"), Money.of("6000.00", "CNY"));
        assertEquals(true, openCase().close(CloseReason.PAID, NOTHING_OVERDUE, JUNE_9).owedAgainAfterPaid(owedAgain));
        assertEquals(false, openCase().close(CloseReason.PAID, NOTHING_OVERDUE, JUNE_9).owedAgainAfterPaid(NOTHING_OVERDUE));
        assertEquals(false, openCase().close(CloseReason.SETTLED, owedAgain, JUNE_9).owedAgainAfterPaid(owedAgain));
        assertEquals(false, openCase().close(CloseReason.WRITTEN_OFF, owedAgain, JUNE_9).owedAgainAfterPaid(owedAgain));
        assertEquals(false, openCase().owedAgainAfterPaid(owedAgain), "an open case is the buyer's case");
    }

    @Test
    void nextActionTodayIsAllowedYesterdayIsNot() {
        assertEquals(JUNE_1, openCase().planNextAction(JUNE_1, JUNE_1).nextActionOn());
        DomainError e = assertThrows(DomainError.class, () -> openCase().planNextAction(JUNE_1, JUNE_9));
        assertEquals(List.of(new Violation("nextActionOn", "must be today (2026-06-09) or later")), e.violations());
        DomainError missing = assertThrows(DomainError.class, () -> openCase().planNextAction(null, JUNE_9));
        assertEquals("case.next-action-missing", missing.code());
        assertEquals(List.of(new Violation("nextActionOn", "is required: the day of the case's next action, today (2026-06-09)"
                + " or later")), missing.violations());
        assertEquals("case.next-action-in-past", e.code());
    }

    @Test
    void assigningNoOneIsRefusedNamingOwner() {
        DomainError e = assertThrows(DomainError.class, () -> openCase().assignTo(" "));
        assertEquals("owner", e.violations().get(0).field());
        assertThrows(DomainError.class, () -> openCase().assignTo(null));
    }

    /** A plan ended (broken, or completed with something else owed): the case waiting on it is the collector's again. */
    @Test
    void aCaseWaitingOnAPlanThatEndedGoesBackToInProgressUnlessAnotherPlanIsStillAgreed() {
        assertEquals(IN_PROGRESS, PAYMENT_PLAN.afterPlanEnded(false));
        assertEquals(PAYMENT_PLAN, PAYMENT_PLAN.afterPlanEnded(true));
        for (CaseState other : EnumSet.complementOf(EnumSet.of(PAYMENT_PLAN))) {
            assertEquals(other, other.afterPlanEnded(false), other + " stays");
            assertEquals(other, other.afterPlanEnded(true), other + " stays");
        }
        assertSame(IN_PROGRESS, PAYMENT_PLAN.afterPlanEnded(false));
        org.junit.jupiter.api.Assertions.assertTrue(PAYMENT_PLAN.canMoveTo(PAYMENT_PLAN.afterPlanEnded(false)));
    }

    @Test
    void anOwnerOfTwoHundredCharactersIsAssignedAndOneMoreIsNamed() {
        assertEquals("o".repeat(200), openCase().assignTo("o".repeat(200)).owner());
        DomainError e = assertThrows(DomainError.class, () -> openCase().assignTo("o".repeat(201)));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("case.owner-invalid", e.code());
        assertEquals(List.of(new Violation("owner", "at most 200 characters (201 given)")), e.violations());
    }

    @Test
    void closedCaseCannotBeAssignedOrPlanned() {
        CollectionCase closed = openCase().close(CloseReason.PAID, NOTHING_OVERDUE, JUNE_1);
        DomainError e = assertThrows(DomainError.class, () -> closed.assignTo("li.wei"));
        assertEquals("case.closed", e.code());
        assertEquals("Case " + CASE + " is closed (PAID)", e.detail());
        assertEquals(DomainError.Kind.CONFLICT,
                assertThrows(DomainError.class, () -> closed.planNextAction(JUNE_9, JUNE_1)).kind());
    }
}
