package io.tradecredit.collections.domain;

import static io.tradecredit.collections.domain.BusinessCalendar.DayCount.BUSINESS_DAYS;
import static io.tradecredit.collections.domain.BusinessCalendar.DayCount.CALENDAR_DAYS;
import static io.tradecredit.collections.domain.DunningAction.Kind.CASE_OPENING;
import static io.tradecredit.collections.domain.DunningAction.Kind.COLLECTOR_TASK;
import static io.tradecredit.collections.domain.DunningAction.Kind.LEGAL_PREPARATION;
import static io.tradecredit.collections.domain.DunningAction.message;
import static io.tradecredit.collections.domain.DunningAction.work;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** Worked examples of "When a step is due" on an invoice of CNY 1,000.00 due Tuesday 1 December 2026. */
class StepDecisionTest {
    static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    static final BusinessCalendar EVERY_DAY = BusinessCalendar.of(List.of(), List.of(), List.of());
    static final StepDecision DEFAULT = new StepDecision(DunningLadder.DEFAULT, DunningRunPolicy.DEFAULT, EVERY_DAY);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static LocalDate day(int offset) {
        return DUE.plusDays(offset);
    }

    static DunningItem owing(String open, String disputed, String... taken) {
        return new DunningItem("INV-1", DUE, cny(open), cny(disputed), false, null, Set.of(taken));
    }

    static DunningItem invoice(String... taken) {
        return owing("1000.00", "0.00", taken);
    }

    static List<StepOutcome> run(StepDecision decision, DunningItem item, LocalDate asOf) {
        return decision.decide(item, BuyerStanding.of(List.of(item), null, asOf), asOf);
    }

    /** Each outcome as "step KIND" or "step SKIPPED REASON", lowest step first. */
    static List<String> summary(List<StepOutcome> outcomes) {
        return outcomes.stream().map(o -> o.step().key() + " " + o.kind() + (o.skipReason() == null ? "" : " " + o.skipReason()))
                .toList();
    }

    @Test
    void aStepIsDueFromItsDayOn() {
        assertEquals(List.of(), run(DEFAULT, invoice(), day(-8)));
        List<StepOutcome> outcomes = run(DEFAULT, invoice(), day(-7));
        assertEquals(List.of("friendly-reminder TAKEN"), summary(outcomes));
        StepOutcome reminder = outcomes.get(0);
        assertEquals(day(-7), reminder.stepDay());
        assertEquals("INV-1", reminder.itemReference());
        assertEquals(cny("1000.00"), reminder.collectible());
        assertTrue(reminder.sendsMessage());
        assertTrue(reminder.isTaken());
        assertEquals(List.of(), reminder.work());
    }

    @Test
    void aStepAlreadyTakenIsNeverDueAgain() {
        assertEquals(List.of(), run(DEFAULT, invoice("friendly-reminder"), day(-7)));
        assertEquals(List.of(), run(DEFAULT, invoice("friendly-reminder"), day(-4)));
        assertEquals(List.of("reminder TAKEN"), summary(run(DEFAULT, invoice("friendly-reminder"), day(-3))));
    }

    @Test
    void aCollectorTaskStepIsTakenWithItsWorkAndNoMessage() {
        StepOutcome call = run(DEFAULT, invoice("friendly-reminder", "reminder", "payment-request"), day(3)).get(0);
        assertEquals("reason-call", call.step().key());
        assertEquals(StepOutcome.Kind.TAKEN, call.kind());
        assertFalse(call.sendsMessage());
        assertEquals(List.of(work(COLLECTOR_TASK, "task.call-to-confirm-reason")), call.work());
    }

    @Test
    void afterTenDaysDownEveryActionIsTakenButOnlyTheHighestMessageSent() {
        // last run on 29 November (due - 2); the service is back on 9 December (+8)
        List<StepOutcome> outcomes = run(DEFAULT, invoice("friendly-reminder", "reminder"), day(8));
        assertEquals(List.of("payment-request SUPERSEDED", "reason-call TAKEN", "formal-demand TAKEN"), summary(outcomes));
        assertEquals(List.of("formal-demand"),
                outcomes.stream().filter(StepOutcome::sendsMessage).map(o -> o.step().key()).toList());
        assertEquals(List.of(work(COLLECTOR_TASK, "task.call-to-confirm-reason")),
                outcomes.stream().flatMap(o -> o.work().stream()).toList());
        assertTrue(outcomes.stream().allMatch(StepOutcome::isTaken));
    }

    @Test
    void anOldInvoiceEnteredLateGetsOneLetterAndEveryPieceOfWork() {
        List<StepOutcome> outcomes = run(DEFAULT, invoice(), day(95));
        assertEquals(List.of("friendly-reminder SUPERSEDED", "reminder SUPERSEDED", "payment-request SUPERSEDED",
                "reason-call TAKEN", "formal-demand SUPERSEDED", "case-opening TAKEN", "finance-demand TAKEN",
                "legal-preparation TAKEN", "payment-order TAKEN"), summary(outcomes));
        assertEquals(List.of("finance-demand"),
                outcomes.stream().filter(StepOutcome::sendsMessage).map(o -> o.step().key()).toList());
        assertEquals(List.of("task.call-to-confirm-reason", "case.internal-collection", "task.consider-partner-agency",
                "legal.prepare-procedure", "task.assess-ability-to-pay", "legal.payment-order-or-lawsuit", "claim.if-insured"),
                outcomes.stream().flatMap(o -> o.work().stream()).map(DunningAction::key).toList());
    }

    @Test
    void aSupersededStepStillDoesItsWork() {
        DunningLadder ladder = DunningLadder.of(List.of(
                new DunningStep("demand", 30, message("dunning.demand", Channel.LETTER), work(CASE_OPENING, "case.open")),
                new DunningStep("final", 60, message("dunning.final", Channel.LETTER))));
        List<StepOutcome> outcomes = run(new StepDecision(ladder, DunningRunPolicy.DEFAULT, EVERY_DAY), invoice(), day(60));
        assertEquals(List.of("demand SUPERSEDED", "final TAKEN"), summary(outcomes));
        assertEquals(List.of(work(CASE_OPENING, "case.open")), outcomes.get(0).work());
        assertFalse(outcomes.get(0).sendsMessage());
    }

    @Test
    void aMessageLowerThanAStepTakenOnAnEarlierRunIsSuperseded() {
        // the tenant added "second-reminder" at +10 after "finance-demand" (+30) was taken
        DunningLadder ladder = DunningLadder.of(List.of(
                new DunningStep("second-reminder", 10, message("dunning.second-reminder", Channel.EMAIL)),
                new DunningStep("finance-demand", 30, message("dunning.finance-demand", Channel.LETTER))));
        StepDecision decision = new StepDecision(ladder, DunningRunPolicy.DEFAULT, EVERY_DAY);
        assertEquals(List.of("second-reminder SUPERSEDED"), summary(run(decision, invoice("finance-demand"), day(31))));
        // a key no longer in the ladder says nothing about how far the invoice got
        assertEquals(List.of("second-reminder TAKEN"), summary(run(decision, invoice("old-step"), day(11))));
    }

    @Test
    void aStepTakenBeforeSupersedesOnlyTheMessagesBelowIt() {
        DunningLadder ladder = DunningLadder.of(List.of(
                new DunningStep("case", 10, work(CASE_OPENING, "case.open")),
                new DunningStep("letter", 11, message("dunning.letter", Channel.LETTER))));
        StepDecision decision = new StepDecision(ladder, DunningRunPolicy.DEFAULT, EVERY_DAY);
        assertEquals(List.of("letter TAKEN"), summary(run(decision, invoice("case"), day(11))));
        DunningLadder three = DunningLadder.of(List.of(
                new DunningStep("first", 5, message("dunning.first", Channel.EMAIL)),
                new DunningStep("second", 10, message("dunning.second", Channel.EMAIL)),
                new DunningStep("third", 20, message("dunning.third", Channel.LETTER))));
        assertEquals(List.of("first SUPERSEDED", "third TAKEN"),
                summary(run(new StepDecision(three, DunningRunPolicy.DEFAULT, EVERY_DAY), invoice("second"), day(20))));
    }

    @Test
    void paidInvoiceIsNotDunned() {
        List<StepOutcome> outcomes = run(DEFAULT, owing("0.00", "0.00", "friendly-reminder", "reminder"), day(3));
        assertEquals(List.of("payment-request SKIPPED PAID", "reason-call SKIPPED PAID"), summary(outcomes));
        assertFalse(outcomes.get(1).isTaken());
        assertEquals(List.of(), outcomes.get(1).work());
        assertFalse(outcomes.get(0).sendsMessage());
    }

    @Test
    void invoiceWhollyDisputedIsNotDunnedButItsUndisputedPartIs() {
        assertEquals(List.of("friendly-reminder SKIPPED DISPUTED"), summary(run(DEFAULT, owing("1000.00", "1000.00"), day(-7))));
        StepOutcome partly = run(DEFAULT, owing("1000.00", "600.00"), day(-7)).get(0);
        assertEquals(StepOutcome.Kind.TAKEN, partly.kind());
        assertEquals(cny("400.00"), partly.collectible(), "the letter asks for the undisputed part");
    }

    @Test
    void theRestOfADebtAnAgencySettledIsNotDunned() {
        // 10,000.00 owed, settled by the agency and 8,000.00 paid: 2,000.00 left, for a collector to write off
        DunningItem settled = owing("2000.00", "0.00", "friendly-reminder", "reminder", "payment-request", "reason-call")
                .settledByTheAgency();
        assertTrue(settled.settledByAgency());
        assertFalse(owing("2000.00", "0.00").settledByAgency(), "an invoice no agency settled is dunned");
        List<StepOutcome> outcomes = run(DEFAULT, settled, day(60));
        assertEquals(List.of("formal-demand SKIPPED SETTLED_BY_AGENCY", "case-opening SKIPPED SETTLED_BY_AGENCY",
                "finance-demand SKIPPED SETTLED_BY_AGENCY", "legal-preparation SKIPPED SETTLED_BY_AGENCY"), summary(outcomes));
        assertEquals(List.of(), outcomes.stream().filter(StepOutcome::isTaken).toList(), "no letter, no work");
        assertEquals(cny("2000.00"), outcomes.get(0).collectible(), "the skip states what is left");
        assertEquals("INV-1", outcomes.get(0).itemReference());
        List<StepOutcome> notSettled = run(DEFAULT, owing("2000.00", "0.00", "friendly-reminder", "reminder",
                "payment-request", "reason-call"), day(60));
        assertEquals(4, notSettled.size());
        assertTrue(notSettled.stream().allMatch(StepOutcome::isTaken), "the same debt not settled is dunned");
        // paid or wholly disputed says so first, as for any invoice
        assertEquals(List.of("friendly-reminder SKIPPED PAID"),
                summary(run(DEFAULT, owing("0.00", "0.00").settledByTheAgency(), day(-7))));
        assertEquals(List.of("friendly-reminder SKIPPED DISPUTED"),
                summary(run(DEFAULT, owing("500.00", "500.00").settledByTheAgency(), day(-7))));
    }

    @Test
    void anInstalmentOfAKeptPlanIsRemindedOfUpToItsDateButNotEscalatedUntilFoundMissed() {
        // instalment 2 of plan P: CNY 250.00 due 1 December, listed beside invoice INV-1
        PlanInstalment second = new PlanInstalment(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"),
                2, DUE, cny("250.00"));
        DunningItem kept = new DunningItem(second.reference(), DUE, cny("250.00"), cny("0.00"), true, null, Set.of(),
                "INV-1", second);
        List<StepOutcome> reminder = run(DEFAULT, kept, day(-3));
        assertEquals(List.of("friendly-reminder SUPERSEDED", "reminder TAKEN"), summary(reminder));
        assertEquals(second, reminder.get(1).instalment(), "the step names its instalment");
        assertEquals("INV-1", reminder.get(1).invoiceReference(), "and the invoice a letter lists it beside");
        assertEquals(cny("250.00"), reminder.get(1).collectible());
        DunningItem keptOnItsDate = new DunningItem(second.reference(), DUE, cny("250.00"), cny("0.00"), true, null,
                Set.of("friendly-reminder", "reminder"), "INV-1", second);
        assertEquals(List.of("payment-request TAKEN"), summary(run(DEFAULT, keptOnItsDate, day(0))), "on its date too");
        DunningItem keptLater = new DunningItem(second.reference(), DUE, cny("250.00"), cny("0.00"), true, null,
                Set.of("friendly-reminder", "reminder", "payment-request"), "INV-1", second);
        assertEquals(List.of("reason-call SKIPPED KEPT_PLAN"), summary(run(DEFAULT, keptLater, day(3))));
        DunningItem missed = new DunningItem(second.reference(), DUE, cny("250.00"), cny("0.00"), false, null,
                Set.of("friendly-reminder", "reminder", "payment-request"), "INV-1", second);
        assertEquals(List.of("reason-call TAKEN"), summary(run(DEFAULT, missed, day(3))));
    }

    @Test
    void anInvoiceItemIsItsOwnInvoiceAndNamesNoInstalment() {
        StepOutcome o = run(DEFAULT, invoice(), day(-7)).get(0);
        assertEquals("INV-1", o.invoiceReference());
        assertNull(o.instalment());
    }

    @Test
    void invoiceOnHoldIsNotDunnedUpToTheLastDayOfTheHoldAndCatchesUpTheDayAfter() {
        DunningItem held = new DunningItem("INV-1", DUE, cny("1000.00"), cny("0.00"), false, day(20),
                Set.of("friendly-reminder", "reminder", "payment-request", "reason-call"));
        assertEquals(List.of("formal-demand SKIPPED INVOICE_ON_HOLD", "case-opening SKIPPED INVOICE_ON_HOLD"),
                summary(run(DEFAULT, held, day(20))));
        assertEquals(List.of("formal-demand TAKEN", "case-opening TAKEN"), summary(run(DEFAULT, held, day(21))));
    }

    @Test
    void buyerOnHoldIsNotDunnedUntilTheHoldEndsAndThenResumesAtOnce() {
        // a promise held the buyer until 8 December (+7)
        DunningItem item = invoice("friendly-reminder", "reminder");
        assertEquals(List.of("payment-request SKIPPED BUYER_ON_HOLD", "reason-call SKIPPED BUYER_ON_HOLD",
                "formal-demand SKIPPED BUYER_ON_HOLD"),
                summary(DEFAULT.decide(item, BuyerStanding.of(List.of(item), day(7), day(7)), day(7))));
        assertEquals(List.of("payment-request SUPERSEDED", "reason-call TAKEN", "formal-demand TAKEN"),
                summary(DEFAULT.decide(item, BuyerStanding.of(List.of(item), day(7), day(8)), day(8))));
    }

    @Test
    void reasonsAreGivenInTheOrderOfTheRuleBook() {
        DunningItem paidAndHeld = new DunningItem("INV-1", DUE, cny("0.00"), cny("0.00"), true, day(9), Set.of());
        BuyerStanding heldBuyer = new BuyerStanding(day(9), List.of());
        assertEquals(SkipReason.PAID, DEFAULT.decide(paidAndHeld, heldBuyer, day(-7)).get(0).skipReason());
        DunningItem disputedInPlan = new DunningItem("INV-1", DUE, cny("10.00"), cny("10.00"), true, day(9), Set.of());
        assertEquals(SkipReason.DISPUTED, DEFAULT.decide(disputedInPlan, heldBuyer, day(-7)).get(0).skipReason());
        DunningItem planAndHeld = new DunningItem("INV-1", DUE, cny("10.00"), cny("0.00"), true, day(9),
                Set.of("friendly-reminder", "reminder", "payment-request"));
        assertEquals(SkipReason.KEPT_PLAN, DEFAULT.decide(planAndHeld, heldBuyer, day(3)).get(0).skipReason());
        DunningItem planAndHeldBeforeItsDate = new DunningItem("INV-1", DUE, cny("10.00"), cny("0.00"), true, day(9), Set.of());
        assertEquals(SkipReason.INVOICE_ON_HOLD, DEFAULT.decide(planAndHeldBeforeItsDate, heldBuyer, day(-7)).get(0)
                .skipReason(), "a kept plan holds back nothing before the item's date");
        DunningItem held = new DunningItem("INV-1", DUE, cny("10.00"), cny("0.00"), false, day(9), Set.of());
        assertEquals(SkipReason.INVOICE_ON_HOLD, DEFAULT.decide(held, heldBuyer, day(-7)).get(0).skipReason());
        assertNull(DEFAULT.decide(held, heldBuyer, day(10)).get(0).skipReason());
    }

    @Test
    void stepBelowItsMinimumIsSkippedAndTheLowerMessageGoesOut() {
        DunningLadder ladder = DunningLadder.of(List.of(
                new DunningStep("demand", 7, message("dunning.demand", Channel.EMAIL)),
                new DunningStep("lawyer", 30, List.of(message("dunning.lawyer", Channel.LETTER), work(LEGAL_PREPARATION, "legal")),
                        CurrencyThresholds.of(Money.of("5000.00", "CNY"), Money.of("100.00", "EUR")))));
        StepDecision decision = new StepDecision(ladder, DunningRunPolicy.DEFAULT, EVERY_DAY);
        List<StepOutcome> outcomes = run(decision, owing("4999.99", "0.00"), day(30));
        assertEquals(List.of("demand TAKEN", "lawyer SKIPPED BELOW_MINIMUM"), summary(outcomes));
        assertTrue(outcomes.get(0).sendsMessage());
        assertEquals(List.of("demand SUPERSEDED", "lawyer TAKEN"), summary(run(decision, owing("5000.00", "0.00"), day(30))));
        // the minimum is on what may be asked for: a disputed part does not count
        assertEquals(List.of("demand TAKEN", "lawyer SKIPPED BELOW_MINIMUM"),
                summary(run(decision, owing("6000.00", "1000.01"), day(30))));
        DunningItem inJpy = new DunningItem("INV-2", DUE, Money.of("1", "JPY"), Money.of("0", "JPY"), false, null, Set.of());
        assertEquals(List.of("demand SUPERSEDED", "lawyer TAKEN"), summary(run(decision, inJpy, day(30))), "no minimum in JPY");
    }

    @Test
    void buyerWhoseOverdueBalanceIsUnderTheToleranceGetsNoStepPastTheDueDate() {
        DunningRunPolicy tolerant = new DunningRunPolicy(CALENDAR_DAYS, CurrencyThresholds.of(cny("100.00")), true);
        StepDecision decision = new StepDecision(DunningLadder.DEFAULT, tolerant, EVERY_DAY);
        DunningItem small = owing("99.99", "0.00", "friendly-reminder", "reminder");
        assertEquals(List.of("payment-request TAKEN", "reason-call SKIPPED BELOW_TOLERANCE", "formal-demand SKIPPED BELOW_TOLERANCE"),
                summary(run(decision, small, day(7))));
        assertEquals(List.of("payment-request SUPERSEDED", "reason-call TAKEN", "formal-demand TAKEN"),
                summary(run(decision, owing("100.00", "0.00", "friendly-reminder", "reminder"), day(7))));
        // the whole overdue balance counts: another overdue invoice of 0.01 lifts the buyer to the tolerance
        DunningItem other = new DunningItem("INV-0", DUE.minusDays(1), cny("0.01"), cny("0.00"), false, null, Set.of());
        assertEquals(List.of("payment-request SUPERSEDED", "reason-call TAKEN", "formal-demand TAKEN"),
                summary(decision.decide(small, BuyerStanding.of(List.of(small, other), null, day(7)), day(7))));
    }

    @Test
    void inBusinessDaysTheHolidayDelaysTheCallToTheMakeUpSaturday() {
        BusinessCalendar china = BusinessCalendarTest.CHINA_2026;
        DunningRunPolicy businessDays = new DunningRunPolicy(BUSINESS_DAYS, CurrencyThresholds.NONE, true);
        StepDecision decision = new StepDecision(DunningLadder.DEFAULT, businessDays, china);
        DunningItem item = new DunningItem("INV-9", LocalDate.of(2026, 9, 30), cny("1000.00"), cny("0.00"), false, null,
                Set.of("friendly-reminder", "reminder", "payment-request"));
        assertEquals(List.of(), run(decision, item, LocalDate.of(2026, 10, 9)));
        List<StepOutcome> outcomes = run(decision, item, LocalDate.of(2026, 10, 10));
        assertEquals(List.of("reason-call TAKEN"), summary(outcomes));
        assertEquals(LocalDate.of(2026, 10, 10), outcomes.get(0).stepDay());
        assertEquals(LocalDate.of(2026, 9, 21), decision.dayOf(DunningLadder.DEFAULT.steps().get(0), item));
    }

    @Test
    void inCalendarDaysTwoStepsInTheHolidayLandOnTheSameDayAndSendOneMessage() {
        StepDecision decision = new StepDecision(DunningLadder.DEFAULT, DunningRunPolicy.DEFAULT, BusinessCalendarTest.CHINA_2026);
        DunningItem item = new DunningItem("INV-9", LocalDate.of(2026, 9, 30), cny("1000.00"), cny("0.00"), false, null,
                Set.of("friendly-reminder", "reminder", "payment-request"));
        assertEquals(List.of(), run(decision, item, LocalDate.of(2026, 10, 7)));
        List<StepOutcome> outcomes = run(decision, item, LocalDate.of(2026, 10, 8));
        assertEquals(List.of("reason-call TAKEN", "formal-demand TAKEN"), summary(outcomes));
        assertEquals(List.of(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 8)), outcomes.stream().map(StepOutcome::stepDay).toList());
    }

    static List<StepOutcome> runInsolvent(DunningItem item, LocalDate asOf) {
        return DEFAULT.decide(item, BuyerStanding.of(List.of(item), null, asOf).insolvent(true), asOf);
    }

    @Test
    void buyerInInsolvencyGetsNoMessageButTheStepsThatServeTheClaimGoOn() {
        // blocked for an insolvency filing on day 5: the call is still a collector's work, the formal demand waits
        assertEquals(List.of("reason-call TAKEN", "formal-demand SKIPPED BUYER_INSOLVENT"),
                summary(runInsolvent(invoice("friendly-reminder", "reminder", "payment-request"), day(7))));
        // on day 90 the case, the legal preparation and the claim trigger are taken; the finance demand is not sent
        List<StepOutcome> day90 = runInsolvent(invoice("friendly-reminder", "reminder", "payment-request", "reason-call",
                "formal-demand"), day(90));
        assertEquals(List.of("case-opening TAKEN", "finance-demand SKIPPED BUYER_INSOLVENT", "legal-preparation TAKEN",
                "payment-order TAKEN"), summary(day90));
        assertTrue(day90.stream().noneMatch(StepOutcome::sendsMessage));
        assertEquals(List.of(), day90.get(1).work(), "the skipped step's collector task waits with its message");
        // a new invoice due 14 December: no friendly reminder on 7 December
        DunningItem next = new DunningItem("INV-2", DUE.plusDays(13), cny("500.00"), cny("0.00"), false, null, Set.of());
        assertEquals(List.of("friendly-reminder SKIPPED BUYER_INSOLVENT"), summary(runInsolvent(next, day(6))));
    }

    @Test
    void buyerUnblockedIsDunnedAgainWithOneMessage() {
        DunningItem item = invoice("friendly-reminder", "reminder", "payment-request", "reason-call", "case-opening");
        List<StepOutcome> after = run(DEFAULT, item, day(35));
        assertEquals(List.of("formal-demand SUPERSEDED", "finance-demand TAKEN"), summary(after));
        assertTrue(after.get(1).sendsMessage());
    }

    @Test
    void insolvencyNamesTheMessageStepsAndOtherReasonsTheRest() {
        // nothing owed: paid says more than the insolvency
        assertEquals(List.of("formal-demand SKIPPED PAID"),
                summary(runInsolvent(owing("0.00", "0.00", "friendly-reminder", "reminder", "payment-request", "reason-call"), day(7))));
        // an invoice held by the claim: its call is held, its demand is not sent for the insolvency
        DunningItem held = new DunningItem("INV-1", DUE, cny("1000.00"), cny("0.00"), false, day(30),
                Set.of("friendly-reminder", "reminder", "payment-request"));
        assertEquals(List.of("reason-call SKIPPED INVOICE_ON_HOLD", "formal-demand SKIPPED BUYER_INSOLVENT"),
                summary(runInsolvent(held, day(7))));
        // under a kept plan the reminder of it is not sent either
        DunningItem planned = new DunningItem("INV-1", DUE, cny("1000.00"), cny("0.00"), true, null, Set.of());
        assertEquals(List.of("friendly-reminder SKIPPED BUYER_INSOLVENT"), summary(runInsolvent(planned, day(-7))));
        assertEquals(List.of("friendly-reminder TAKEN"), summary(run(DEFAULT, planned, day(-7))));
    }
}
