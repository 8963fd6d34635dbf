package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.WorklistPriority.Ranked;
import io.tradecredit.collections.domain.WorklistPriority.WorkItem;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class WorklistPriorityTest {
    static final LocalDate TODAY = LocalDate.of(2026, 8, 10);
    static final WorklistPriority P = WorklistPriority.DEFAULT;

    static UUID id(int n) {
        return UUID.fromString("00000000-0000-0000-0000-0000000000" + (10 + n));
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    // the worked example of docs/collections-service.md
    static final WorkItem A = new WorkItem(id(1), cny("50000.00"), 10, 3, 0, TODAY.plusDays(2)); // 50+10+15 = 75
    static final WorkItem B = new WorkItem(id(2), cny("8000.00"), 45, 6, 1, null);               // 8+45+30+20 = 103
    static final WorkItem C = new WorkItem(id(3), cny("2000.00"), 5, 4, 0, TODAY);               // 2+5+20+25 = 52
    static final WorkItem D = new WorkItem(id(4), cny("120000.00"), 1, 2, 0, null);              // 120+1+10 = 131

    static List<UUID> order(WorklistPriority p, WorkItem... items) {
        return p.order(List.of(items), TODAY).stream().map(r -> r.item().caseId()).toList();
    }

    @Test
    void workedExampleOrdersBigDebtThenBrokenPromiseThenOldThenActionDue() {
        List<Ranked> ranked = P.order(List.of(A, B, C, D), TODAY);
        assertEquals(List.of(D, B, A, C), ranked.stream().map(Ranked::item).toList());
        assertEquals(List.of(131L, 103L, 75L, 52L), ranked.stream().map(Ranked::points).toList());
    }

    @Test
    void amountPointsRoundDownPerThousand() {
        assertEquals(0, P.pointsOf(new WorkItem(id(1), cny("999.99"), 0, null, 0, null), TODAY));
        assertEquals(1, P.pointsOf(new WorkItem(id(1), cny("1000.00"), 0, null, 0, null), TODAY));
        assertEquals(1, P.pointsOf(new WorkItem(id(1), cny("1999.99"), 0, null, 0, null), TODAY));
    }

    @Test
    void buyerInCreditOrNotYetDueEarnsNoAmountOrDayPoints() {
        assertEquals(0, P.pointsOf(new WorkItem(id(1), cny("-5000.00"), -3, null, 0, null), TODAY));
    }

    @Test
    void actionDueTodayOrEarlierAddsItsPointsTomorrowDoesNot() {
        assertEquals(25, P.pointsOf(new WorkItem(id(1), cny("0.00"), 0, null, 0, TODAY), TODAY));
        assertEquals(25, P.pointsOf(new WorkItem(id(1), cny("0.00"), 0, null, 0, TODAY.minusDays(4)), TODAY));
        assertEquals(0, P.pointsOf(new WorkItem(id(1), cny("0.00"), 0, null, 0, TODAY.plusDays(1)), TODAY));
    }

    /**
     * A buyer's next action on the worklist is the earlier of its case's and its open ladder tasks' due days: the +3
     * call to confirm the reason, due today on a buyer without a case (3,000.00, 3 days), is an action due, 3 + 3 + 25
     * = 31, not 6 below every case at 25 with nothing to do (until session 30); a case planned for in 5 days with the
     * +30 task due yesterday is due; nothing planned and no task: none.
     */
    @Test
    void aBuyersNextActionIsTheEarlierOfItsCasesAndItsOpenTasksDueDays() {
        assertEquals(TODAY, WorklistPriority.nextActionOn(null, List.of(TODAY)));
        assertEquals(31, P.pointsOf(new WorkItem(id(9), cny("3000.00"), 3, null, 0,
                WorklistPriority.nextActionOn(null, List.of(TODAY))), TODAY));
        assertEquals(TODAY.minusDays(1), WorklistPriority.nextActionOn(TODAY.plusDays(5), List.of(TODAY, TODAY.minusDays(1))));
        assertEquals(TODAY.plusDays(5), WorklistPriority.nextActionOn(TODAY.plusDays(5), List.of(TODAY.plusDays(6))));
        assertEquals(TODAY.plusDays(5), WorklistPriority.nextActionOn(TODAY.plusDays(5), List.of()));
        assertEquals(null, WorklistPriority.nextActionOn(null, List.of()));
    }

    /**
     * Decided session 34: the points for an action due come from a waiting case's own planned date only, not from its open
     * ladder tasks (which stay listed). On 2026-08-10, the +3 call due 08-05 still open: the case waiting on a promise
     * (2,000.00 CNY, 10 days, grade 2, one broken promise, nothing planned) scores 2 + 10 + 10 + 20 = 42, not 67; a plan
     * or an agency alike; the same case in progress is due, 67; a date its collector planned for today still counts, and
     * with no case the task does.
     */
    @Test
    void aCaseWaitingOnAPromiseAPlanOrAnAgencyGetsNoPointsFromItsOpenTasks() {
        List<LocalDate> callDue = List.of(TODAY.minusDays(5));
        for (CaseState waiting : List.of(CaseState.PROMISE_TO_PAY, CaseState.PAYMENT_PLAN, CaseState.WITH_AGENCY)) {
            assertEquals(null, WorklistPriority.nextActionOn(waiting, null, callDue), waiting.name());
            assertEquals(42, P.pointsOf(new WorkItem(id(1), cny("2000.00"), 10, 2, 1,
                    WorklistPriority.nextActionOn(waiting, null, callDue)), TODAY), waiting.name());
            assertEquals(TODAY, WorklistPriority.nextActionOn(waiting, TODAY, callDue), waiting.name());
        }
        for (CaseState working : List.of(CaseState.OPEN, CaseState.IN_PROGRESS, CaseState.LEGAL)) {
            assertEquals(TODAY.minusDays(5), WorklistPriority.nextActionOn(working, TODAY.plusDays(3), callDue), working.name());
        }
        assertEquals(67, P.pointsOf(new WorkItem(id(1), cny("2000.00"), 10, 2, 1,
                WorklistPriority.nextActionOn(CaseState.IN_PROGRESS, null, callDue)), TODAY));
        assertEquals(TODAY.minusDays(5), WorklistPriority.nextActionOn(null, null, callDue));
    }

    @Test
    void eachBrokenPromiseAddsTwentyAndEachGradeFive() {
        assertEquals(40 + 50, P.pointsOf(new WorkItem(id(1), cny("0.00"), 0, 10, 2, null), TODAY));
    }

    @Test
    void currencyTheTenantListedUsesItsOwnAmountPerPoint() {
        WorklistPriority yen = new WorklistPriority(Map.of(Currency.getInstance("JPY"), new BigDecimal("20000")),
                new BigDecimal("1000"), 1, 5, 20, 25);
        assertEquals(5, yen.pointsOf(new WorkItem(id(1), Money.of("100000", "JPY"), 0, null, 0, null), TODAY));
        assertEquals(3, yen.pointsOf(new WorkItem(id(1), cny("3000.00"), 0, null, 0, null), TODAY));
    }

    @Test
    void tenantWeightsChangeTheOrder() {
        // a tenant that weighs only days past due puts the oldest first
        WorklistPriority byAge = new WorklistPriority(Map.of(), new BigDecimal("1000000000"), 1, 0, 0, 0);
        assertEquals(List.of(id(2), id(1), id(3), id(4)), order(byAge, A, B, C, D));
    }

    @Test
    void equalPointsGoToTheEarlierNextActionThenNonePlannedLast() {
        WorkItem later = new WorkItem(id(1), cny("0.00"), 10, null, 0, TODAY.plusDays(5));
        WorkItem sooner = new WorkItem(id(2), cny("0.00"), 10, null, 0, TODAY.plusDays(1));
        WorkItem none = new WorkItem(id(3), cny("0.00"), 10, null, 0, null);
        assertEquals(List.of(id(2), id(1), id(3)), order(P, none, later, sooner));
    }

    @Test
    void equalPointsAndNoActionGoToMoreDaysPastDueThenCaseId() {
        WorklistPriority daysFree = new WorklistPriority(Map.of(), new BigDecimal("1000"), 0, 0, 0, 0);
        WorkItem young = new WorkItem(id(1), cny("0.00"), 3, null, 0, null);
        WorkItem old = new WorkItem(id(2), cny("0.00"), 30, null, 0, null);
        WorkItem oldToo = new WorkItem(id(3), cny("0.00"), 30, null, 0, null);
        assertEquals(List.of(id(2), id(3), id(1)), order(daysFree, young, oldToo, old));
    }

    @Test
    void zeroOrNegativeWeightsAreRefusedNamingEach() {
        DomainError e = assertThrows(DomainError.class, () -> new WorklistPriority(
                Map.of(Currency.getInstance("EUR"), BigDecimal.ZERO), new BigDecimal("-1"), -1, -1, -1, -1));
        assertEquals("worklist-priority.invalid", e.code());
        assertEquals(List.of(new Violation("amountPerPoint.EUR", "must be more than zero"),
                new Violation("otherAmountPerPoint", "must be more than zero"),
                new Violation("pointsPerDayPastDue", "must be 0 or more, was -1"),
                new Violation("pointsPerGrade", "must be 0 or more, was -1"),
                new Violation("pointsPerBrokenPromise", "must be 0 or more, was -1"),
                new Violation("pointsForActionDue", "must be 0 or more, was -1")), e.violations());
    }

    @Test
    void zeroAmountPerPointForOtherCurrenciesIsRefused() {
        DomainError e = assertThrows(DomainError.class,
                () -> new WorklistPriority(Map.of(), BigDecimal.ZERO, 1, 5, 20, 25));
        assertEquals(List.of(new Violation("otherAmountPerPoint", "must be more than zero")), e.violations());
    }

    @Test
    void smallestAllowedWeightsAreAccepted() {
        WorklistPriority p = new WorklistPriority(Map.of(Currency.getInstance("EUR"), new BigDecimal("0.01")),
                new BigDecimal("0.01"), 0, 0, 0, 0);
        assertEquals(150, p.pointsOf(new WorkItem(id(1), Money.of("1.50", "EUR"), 9, 9, 9, TODAY), TODAY));
    }
}
