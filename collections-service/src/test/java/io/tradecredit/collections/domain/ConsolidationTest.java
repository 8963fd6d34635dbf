package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** One buyer's run of 9 December 2026 on the default ladder. */
class ConsolidationTest {
    static final LocalDate RUN = LocalDate.of(2026, 12, 9);
    static final UUID BUYER = UUID.fromString("3f2b8c1e-0000-4000-8000-000000000001");

    static StepOutcome outcome(String invoice, String stepKey, StepOutcome.Kind kind, String amount) {
        DunningStep step = DunningLadder.DEFAULT.step(stepKey).orElseThrow();
        return new StepOutcome(invoice, step, RUN, kind, kind == StepOutcome.Kind.SKIPPED ? SkipReason.BELOW_MINIMUM : null,
                Money.of(amount, "CNY"));
    }

    // INV-A at +7, INV-B at +30 (both by email and letter); the rest send nothing today
    static final StepOutcome A = outcome("INV-A", "formal-demand", StepOutcome.Kind.TAKEN, "1000.00");
    static final StepOutcome B = outcome("INV-B", "finance-demand", StepOutcome.Kind.TAKEN, "2500.00");
    static final List<StepOutcome> OUTCOMES = List.of(A,
            outcome("INV-C", "payment-request", StepOutcome.Kind.SUPERSEDED, "300.00"),
            outcome("INV-C", "reason-call", StepOutcome.Kind.TAKEN, "300.00"),
            outcome("INV-D", "formal-demand", StepOutcome.Kind.SKIPPED, "5.00"),
            B);

    static String describe(DunningMessage m) {
        return m.channel() + " " + m.templateKey() + " " + m.items().stream().map(StepOutcome::itemReference).toList()
                + (m.consolidated() ? " consolidated" : "");
    }

    @Test
    void oneMessagePerChannelAtTheHighestStepListingEveryInvoice() {
        List<DunningMessage> messages = Consolidation.messages(OUTCOMES, true);
        assertEquals(List.of(
                "EMAIL dunning.finance-demand [INV-A, INV-B] consolidated",
                "LETTER dunning.finance-demand [INV-A, INV-B] consolidated"), messages.stream().map(ConsolidationTest::describe).toList());
        assertEquals(List.of(Money.of("1000.00", "CNY"), Money.of("2500.00", "CNY")),
                messages.get(1).items().stream().map(StepOutcome::collectible).toList());
    }

    @Test
    void theHighestStepWinsWhateverTheOrderOfTheInvoices() {
        assertEquals(List.of("EMAIL dunning.finance-demand [INV-B, INV-A] consolidated", "LETTER dunning.finance-demand [INV-B, INV-A] consolidated"),
                Consolidation.messages(List.of(B, A), true).stream().map(ConsolidationTest::describe).toList());
        StepOutcome otherAtSameStep = outcome("INV-E", "finance-demand", StepOutcome.Kind.TAKEN, "10.00");
        assertEquals("finance-demand", Consolidation.messages(List.of(B, otherAtSameStep), true).get(0).step().key());
    }

    @Test
    void withoutConsolidationEachInvoiceGetsItsOwnMessageOnEachChannel() {
        assertEquals(List.of(
                "EMAIL dunning.formal-demand [INV-A]",
                "LETTER dunning.formal-demand [INV-A]",
                "EMAIL dunning.finance-demand [INV-B]",
                "LETTER dunning.finance-demand [INV-B]"),
                Consolidation.messages(OUTCOMES, false).stream().map(ConsolidationTest::describe).toList());
    }

    @Test
    void nothingToSendIsNoMessage() {
        assertEquals(List.of(), Consolidation.messages(OUTCOMES.subList(1, 4), true));
        assertEquals(List.of(), Consolidation.messages(List.of(), false));
    }

    @Test
    void aChannelOnlyTheLowerStepUsesGoesAtThatStep() {
        StepOutcome request = outcome("INV-G", "payment-request", StepOutcome.Kind.TAKEN, "70.00");
        StepOutcome reminder = outcome("INV-H", "friendly-reminder", StepOutcome.Kind.TAKEN, "80.00");
        assertEquals(List.of("LETTER dunning.payment-request [INV-G] consolidated",
                "EMAIL dunning.friendly-reminder [INV-H] consolidated"),
                Consolidation.messages(List.of(request, reminder), true).stream().map(ConsolidationTest::describe).toList());
    }

    @Test
    void onlyTheEmailOfAStepThatSaysSoAsksForTheLetterAttached() {
        List<DunningMessage> demands = Consolidation.messages(OUTCOMES, false);
        assertEquals(List.of(true, false, true, false), demands.stream().map(DunningMessage::attachLetter).toList());
        StepOutcome reminder = outcome("INV-H", "friendly-reminder", StepOutcome.Kind.TAKEN, "80.00");
        assertEquals(false, Consolidation.messages(List.of(reminder), true).get(0).attachLetter());
    }

    @Test
    void aConsolidatedMessageIsOneRequestPerBuyerStepAndChannel() {
        DunningMessage letter = Consolidation.messages(OUTCOMES, true).get(1);
        assertEquals(NotificationRequestId.of("acme", BUYER, RUN, "finance-demand", Channel.LETTER, ""),
                letter.requestId("acme", BUYER, RUN));
        assertEquals(letter.requestId("acme", BUYER, RUN), Consolidation.messages(List.of(B, A), true).get(1).requestId("acme", BUYER, RUN),
                "a re-run asks with the same id");
    }

    @Test
    void unconsolidatedMessagesAboutTwoInvoicesAtOneStepAreTwoRequests() {
        StepOutcome sameStep = outcome("INV-F", "finance-demand", StepOutcome.Kind.TAKEN, "10.00");
        List<DunningMessage> messages = Consolidation.messages(List.of(B, sameStep), false);
        assertEquals(NotificationRequestId.of("acme", BUYER, RUN, "finance-demand", Channel.EMAIL, "INV-B"),
                messages.get(0).requestId("acme", BUYER, RUN));
        assertNotEquals(messages.get(0).requestId("acme", BUYER, RUN), messages.get(1).requestId("acme", BUYER, RUN));
    }
}
