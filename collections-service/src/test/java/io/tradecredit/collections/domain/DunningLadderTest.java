package io.tradecredit.collections.domain;

import static io.tradecredit.collections.domain.DunningAction.Kind.AGENCY_HANDOFF;
import static io.tradecredit.collections.domain.DunningAction.Kind.CASE_OPENING;
import static io.tradecredit.collections.domain.DunningAction.Kind.CLAIM_TRIGGER;
import static io.tradecredit.collections.domain.DunningAction.Kind.COLLECTOR_TASK;
import static io.tradecredit.collections.domain.DunningAction.Kind.LEGAL_PREPARATION;
import static io.tradecredit.collections.domain.DunningAction.Kind.MESSAGE;
import static io.tradecredit.collections.domain.DunningAction.message;
import static io.tradecredit.collections.domain.DunningAction.messageWithLetter;
import static io.tradecredit.collections.domain.DunningAction.work;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class DunningLadderTest {
    static final DunningAction EMAIL_REMINDER = message("dunning.reminder", Channel.EMAIL);

    static DunningStep step(String key, int offset) {
        return new DunningStep(key, offset, EMAIL_REMINDER);
    }

    static List<Violation> refusal(DunningStep... steps) {
        DomainError e = assertThrows(DomainError.class, () -> DunningLadder.of(Arrays.asList(steps)));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("dunning.ladder-invalid", e.code());
        return e.violations();
    }

    static Violation v(String field, String message) {
        return new Violation(field, message);
    }

    @Test
    void defaultLadderHasEveryRowOfTheDomainTableInOrder() {
        List<DunningStep> steps = DunningLadder.DEFAULT.steps();
        assertEquals(List.of(-7, -3, 0, 3, 7, 15, 30, 60, 90, 180), steps.stream().map(DunningStep::offsetDays).toList());
        assertEquals(List.of("friendly-reminder", "reminder", "payment-request", "reason-call", "formal-demand",
                "case-opening", "finance-demand", "legal-preparation", "payment-order", "agency-legal-action"),
                steps.stream().map(DunningStep::key).toList());
        assertTrue(steps.stream().allMatch(s -> s.minimumAmount().amounts().isEmpty()), "no minimum amount in the default");
    }

    @Test
    void defaultLadderRemindsByEmailThenSmsThenLetterBeforeAnyWork() {
        DunningLadder l = DunningLadder.DEFAULT;
        assertEquals(List.of(message("dunning.friendly-reminder", Channel.EMAIL)), l.step("friendly-reminder").orElseThrow().actions());
        assertEquals(List.of(message("dunning.reminder", Channel.SMS)), l.step("reminder").orElseThrow().actions());
        assertEquals(List.of(message("dunning.payment-request", Channel.LETTER)), l.step("payment-request").orElseThrow().actions());
        assertEquals(List.of(work(COLLECTOR_TASK, "task.call-to-confirm-reason")), l.step("reason-call").orElseThrow().actions());
        assertEquals(Set.of(Channel.EMAIL, Channel.LETTER),
                l.step("formal-demand").orElseThrow().message().orElseThrow().channels());
    }

    @Test
    void theFormalAndTheFinanceDemandsEmailCarriesItsLetterAndNoOtherMessageDoes() {
        assertEquals(List.of("formal-demand", "finance-demand"), DunningLadder.DEFAULT.steps().stream()
                .filter(s -> s.message().map(DunningAction::attachLetter).orElse(false)).map(DunningStep::key).toList());
        assertEquals(Optional.of(messageWithLetter("dunning.formal-demand", Channel.EMAIL, Channel.LETTER)),
                DunningLadder.DEFAULT.step("formal-demand").orElseThrow().message());
    }

    @Test
    void onlyAMessageByEmailCanAttachItsLetter() {
        assertEquals(List.of(
                v("steps[0].actions[0].attachLetter", "only a message sent by EMAIL can attach its letter"),
                v("steps[0].actions[1].attachLetter", "only a message sent by EMAIL can attach its letter")),
                refusal(new DunningStep("a", 1, List.of(
                        new DunningAction(MESSAGE, Set.of(Channel.LETTER, Channel.SMS), "dunning.letter", true),
                        new DunningAction(CASE_OPENING, Set.of(), "case", true)), null)));
        assertEquals(true, DunningLadder.of(List.of(new DunningStep("a", 1, messageWithLetter("x", Channel.EMAIL))))
                .steps().get(0).message().orElseThrow().attachLetter());
    }

    @Test
    void aLetterFromSevenDaysPastDueIsLegallyRequiredUnlessTheTenantSaysOtherwise() {
        DunningAction byDefault = message("dunning.x", Channel.LETTER);
        assertEquals(false, byDefault.letterLegallyRequired(6));
        assertEquals(true, byDefault.letterLegallyRequired(7));
        assertEquals(true, new DunningAction(MESSAGE, Set.of(Channel.LETTER), "dunning.x", false, true)
                .letterLegallyRequired(5), "a formal demand at + 5");
        assertEquals(false, new DunningAction(MESSAGE, Set.of(Channel.LETTER), "dunning.x", false, false)
                .letterLegallyRequired(30), "a courtesy letter at + 30");
        DunningStep early = new DunningStep("demand", 5, List.of(new DunningAction(MESSAGE,
                Set.of(Channel.EMAIL, Channel.LETTER), "dunning.formal-demand", false, true)), null);
        assertEquals(true, DunningLadder.of(List.of(early)).steps().get(0).message().orElseThrow().legallyRequired(),
                "a letter message may say so");
        assertEquals(true, new DunningMessage(Channel.LETTER, early, List.of(), false).legallyRequired());
        assertEquals(false, new DunningMessage(Channel.EMAIL, early, List.of(), false).legallyRequired(), "only the letter");
        assertEquals(List.of(true, true), DunningLadder.DEFAULT.steps().stream().filter(st -> st.message()
                .map(m -> m.channels().contains(Channel.LETTER)).orElse(false)).skip(1)
                .map(st -> new DunningMessage(Channel.LETTER, st, List.of(), false).legallyRequired()).toList(),
                "the default formal (+7) and finance (+30) demands; the due-date letter is not");
    }

    @Test
    void onlyAMessageByLetterSaysWhetherItsLetterIsLegallyRequired() {
        assertEquals(List.of(v("steps[0].actions[0].legallyRequired", "only a message sent by LETTER has a letter the law may require"),
                v("steps[0].actions[1].legallyRequired", "only a message sent by LETTER has a letter the law may require")),
                refusal(new DunningStep("a", 1, List.of(
                        new DunningAction(MESSAGE, Set.of(Channel.EMAIL), "dunning.mail", false, true),
                        new DunningAction(COLLECTOR_TASK, Set.of(), "task", false, false)), null)));
    }

    @Test
    void defaultLadderEscalatesFromCaseToLegalClaimAndAgency() {
        DunningLadder l = DunningLadder.DEFAULT;
        assertEquals(List.of(work(CASE_OPENING, "case.internal-collection")), l.step("case-opening").orElseThrow().actions());
        DunningStep finance = l.step("finance-demand").orElseThrow();
        assertEquals(Optional.of(messageWithLetter("dunning.finance-demand", Channel.EMAIL, Channel.LETTER)), finance.message());
        assertEquals(List.of(work(COLLECTOR_TASK, "task.consider-partner-agency")), finance.work());
        assertEquals(List.of(work(LEGAL_PREPARATION, "legal.prepare-procedure")), l.step("legal-preparation").orElseThrow().actions());
        assertEquals(List.of(work(COLLECTOR_TASK, "task.assess-ability-to-pay"), work(LEGAL_PREPARATION, "legal.payment-order-or-lawsuit"),
                work(CLAIM_TRIGGER, "claim.if-insured")), l.step("payment-order").orElseThrow().work());
        assertEquals(Optional.empty(), l.step("payment-order").orElseThrow().message());
        assertEquals(List.of(work(AGENCY_HANDOFF, "agency.may-take-legal-action")), l.step("agency-legal-action").orElseThrow().actions());
    }

    @Test
    void stepNotInTheLadderIsNotFound() {
        assertEquals(Optional.empty(), DunningLadder.DEFAULT.step("second-reminder"));
    }

    @Test
    void ladderOfValidStepsKeepsThemInOrder() {
        DunningLadder l = DunningLadder.of(List.of(step("a", -365), step("b", 0), step("c", 3650)));
        assertEquals(List.of("a", "b", "c"), l.steps().stream().map(DunningStep::key).toList());
        assertEquals(List.of(), DunningLadder.violations(l.steps()));
    }

    @Test
    void everyProblemIsNamedAtOnceWithItsPath() {
        DomainError e = assertThrows(DomainError.class, () -> DunningLadder.of(List.of(
                step("first", 7), step("first", 3),
                new DunningStep("bad", 30, List.of(), CurrencyThresholds.of(Money.of("-1.00", "CNY"))))));
        assertEquals("The dunning ladder is not valid: 4 problems, each named below.", e.detail());
        assertEquals(List.of(
                v("steps[1].key", "'first' is already the key of steps[0]"),
                v("steps[1].offsetDays", "must come after steps[0] (7): steps are in order"),
                v("steps[2].actions", "a step needs at least one action"),
                v("steps[2].minimumAmount[0].amount", "must not be negative")), e.violations());
    }

    @Test
    void ladderWithoutStepsIsRefused() {
        assertEquals(List.of(v("steps", "a ladder needs at least one step")), refusal());
        assertEquals(List.of(v("steps", "a ladder needs at least one step")), DunningLadder.violations(null));
    }

    @Test
    void twoStepsOnOneDayAreRefused() {
        assertEquals(List.of(v("steps[1].offsetDays", "the same day as steps[0] (7): one step per day")),
                refusal(step("a", 7), step("b", 7)));
    }

    @Test
    void offsetsOutsideAYearBeforeAndTenYearsAfterAreRefused() {
        String range = "must be between -365 and 3650";
        assertEquals(List.of(v("steps[0].offsetDays", range), v("steps[1].offsetDays", range)),
                refusal(step("a", -366), step("b", 3651)));
    }

    @Test
    void missingStepIsNamedAndItsNeighbourStillChecked() {
        List<DunningStep> steps = new ArrayList<>();
        steps.add(step("a", 3));
        steps.add(null);
        steps.add(step("a", -1));
        assertEquals(List.of(v("steps[1]", "is required"), v("steps[2].key", "'a' is already the key of steps[0]")),
                DunningLadder.violations(steps));
    }

    @Test
    void keyIsLowerCaseLettersDigitsDotsAndDashesUpTo64() {
        String rule = "is required: 1 to 64 of a-z, 0-9, '.' and '-', starting with a letter or digit";
        String longest = "a".repeat(64);
        assertEquals(List.of(v("steps[0].key", rule), v("steps[1].key", rule), v("steps[2].key", rule),
                v("steps[3].key", rule), v("steps[4].key", rule)),
                refusal(step(null, 1), step("", 2), step("Formal", 3), step("-x", 4), step(longest + "a", 5)));
        assertEquals(longest, DunningLadder.of(List.of(step(longest, 1), step("9.x-y", 2))).steps().get(0).key());
    }

    @Test
    void messageNeedsChannelsAndWorkHasNone() {
        assertEquals(List.of(
                v("steps[0].actions[0].channels", "a message needs at least one channel"),
                v("steps[0].actions[1].channels", "only a message has channels"),
                v("steps[0].actions[2].kind", "is required"),
                v("steps[0].actions[3].key", "is required (the template key of a message, the kind of work otherwise)"),
                v("steps[0].actions[4].key", "is required (the template key of a message, the kind of work otherwise)")),
                refusal(new DunningStep("a", 1, List.of(
                        new DunningAction(MESSAGE, null, "dunning.reminder"),
                        new DunningAction(COLLECTOR_TASK, Set.of(Channel.SMS), "task.call"),
                        new DunningAction(null, Set.of(), "x"),
                        new DunningAction(CASE_OPENING, Set.of(), " "),
                        new DunningAction(CASE_OPENING, Set.of(), null)), null)));
    }

    @Test
    void aStepSendsAtMostOneMessage() {
        assertEquals(List.of(v("steps[0].actions[2]", "a step sends at most one message (put its channels together)")),
                refusal(new DunningStep("a", 1, message("x", Channel.EMAIL), work(CASE_OPENING, "case"),
                        message("y", Channel.SMS))));
    }

    @Test
    void minimumAmountIsOnePerCurrencyAndNotNegative() {
        DunningStep s = new DunningStep("a", 1, List.of(EMAIL_REMINDER), CurrencyThresholds.of(
                Money.of("0.00", "CNY"), Money.of("100.00", "EUR"), Money.of("200.00", "CNY")));
        assertEquals(List.of(v("steps[0].minimumAmount[2].currency", "a second amount in CNY: at most one per currency")),
                refusal(s));
    }

    @Test
    void stepSeparatesItsMessageFromItsWork() {
        DunningStep s = new DunningStep("a", 1, work(CASE_OPENING, "case"), EMAIL_REMINDER, work(COLLECTOR_TASK, "task"));
        assertEquals(Optional.of(EMAIL_REMINDER), s.message());
        assertEquals(List.of(work(CASE_OPENING, "case"), work(COLLECTOR_TASK, "task")), s.work());
        assertEquals(CurrencyThresholds.NONE, new DunningStep("b", 1, null, null).minimumAmount());
        assertEquals(List.of(), new DunningStep("b", 1, null, null).actions());
    }
}
