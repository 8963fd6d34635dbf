package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.DunningSteps.Action;
import io.tradecredit.claims.domain.DunningSteps.Step;

/** What a dossier keeps of a dunning run: messages sent, legal preparation and agency hand-offs, one entry per run. */
class DunningStepsTest {
    static final UUID BUYER = UUID.randomUUID();
    static final LocalDate RUN = LocalDate.parse("2026-09-30");
    static final UUID INV1 = UUID.randomUUID();
    static final UUID INV2 = UUID.randomUUID();
    static final UUID INV3 = UUID.randomUUID();

    static Action message(String... channels) {
        return new Action("MESSAGE", List.of(channels));
    }

    static Action work(String kind) {
        return new Action(kind, List.of());
    }

    @Test
    void aRunsTakenMessagesAndEscalationsAreOneEntryWithAStepPerLine() {
        // INV-1 and INV-2 at +30 (demand letter by email and letter), INV-3 at +60 (legal preparation, its
        // message superseded by nothing here) and an agency hand-off superseded on INV-1
        List<Step> steps = List.of(
                new Step(INV1, "INV-1", "demand-30", "TAKEN", List.of(message("EMAIL", "LETTER"), work("COLLECTOR_TASK"))),
                new Step(INV2, "INV-2", "demand-30", "TAKEN", List.of(message("EMAIL", "LETTER"))),
                new Step(INV3, "INV-3", "legal-60", "TAKEN", List.of(work("LEGAL_PREPARATION"))),
                new Step(INV1, "INV-1", "agency-45", "SUPERSEDED", List.of(message("EMAIL"), work("AGENCY_HANDOFF"))));
        CollectionEntry e = DunningSteps.entry("ev-1", BUYER, RUN, steps).orElseThrow();
        assertEquals(CollectionEntry.Kind.STEPS_TAKEN, e.kind());
        assertEquals(RUN, e.on());
        assertEquals(BUYER, e.buyerId());
        assertEquals("ev-1", e.eventId());
        assertEquals("demand-30 (message by EMAIL, LETTER): INV-1, INV-2; legal-60 (legal preparation): INV-3;"
                + " agency-45 (agency hand-off): INV-1", e.summary());
        assertEquals(List.of(INV1, INV2, INV3), e.invoiceIds());
        assertEquals(List.of("demand-30", "legal-60", "agency-45"), e.steps());
        assertEquals(List.of("EMAIL", "LETTER"), e.channels(), "a superseded message was not sent");
        assertEquals(null, e.caseId());
        assertEquals(null, e.agencyCode());
    }

    @Test
    void skippedStepsSupersededRemindersTasksAndCaseOpeningsAloneAddNothing() {
        List<Step> steps = List.of(
                new Step(INV1, "INV-1", "reminder-7", "SKIPPED", List.of(message("EMAIL"))),
                new Step(INV2, "INV-2", "legal-60", "SKIPPED", List.of(work("LEGAL_PREPARATION"))),
                new Step(INV2, "INV-2", "reminder-3", "SUPERSEDED", List.of(message("SMS"))),
                new Step(INV3, "INV-3", "case-15", "TAKEN", List.of(work("CASE_OPENING"), work("COLLECTOR_TASK"),
                        work("CLAIM_TRIGGER"))));
        assertTrue(DunningSteps.entry("ev-2", BUYER, RUN, steps).isEmpty());
        assertTrue(DunningSteps.entry("ev-3", BUYER, RUN, List.of()).isEmpty());
    }

    @Test
    void aSupersededLegalPreparationCountsAndATakenHandOffToo() {
        List<Step> steps = List.of(new Step(INV1, "INV-1", "legal-60", "SUPERSEDED", List.of(work("LEGAL_PREPARATION"))),
                new Step(INV2, "INV-2", "agency-90", "TAKEN", List.of(work("AGENCY_HANDOFF"))));
        CollectionEntry e = DunningSteps.entry("ev-4", BUYER, RUN, steps).orElseThrow();
        assertEquals("legal-60 (legal preparation): INV-1; agency-90 (agency hand-off): INV-2", e.summary());
        assertEquals(List.of(), e.channels());
        assertEquals(List.of(INV1, INV2), e.invoiceIds());
    }

    @Test
    void anInvoiceUnderTwoStepsIsListedOnce() {
        List<Step> steps = List.of(new Step(INV1, "INV-1", "demand-7", "TAKEN", List.of(message("EMAIL"))),
                new Step(INV1, "INV-1", "legal-60", "TAKEN", List.of(work("LEGAL_PREPARATION"), message("LETTER"))));
        CollectionEntry e = DunningSteps.entry("ev-5", BUYER, RUN, steps).orElseThrow();
        assertEquals(List.of(INV1), e.invoiceIds());
        assertEquals(List.of("EMAIL", "LETTER"), e.channels());
        assertEquals("demand-7 (message by EMAIL): INV-1; legal-60 (legal preparation, message by LETTER): INV-1", e.summary());
    }

    @Test
    void countedStepsSayHowManyItemsAndNameNoInvoice() {
        List<Step> steps = List.of(Step.counted("demand-30", "TAKEN", 3, List.of(message("LETTER"))),
                Step.counted("reminder-7", "SUPERSEDED", 3, List.of(message("SMS"))),
                Step.counted("agency-45", "TAKEN", 1, List.of(work("AGENCY_HANDOFF"))),
                Step.counted("demand-30", "TAKEN", 2, List.of(message("LETTER"))));
        CollectionEntry e = DunningSteps.entry("ev-6", BUYER, RUN, steps).orElseThrow();
        assertEquals("demand-30 (message by LETTER): 5 items; agency-45 (agency hand-off): 1 item", e.summary());
        assertEquals(List.of(), e.invoiceIds());
        assertEquals(List.of("demand-30", "agency-45"), e.steps());
        assertEquals(List.of("LETTER"), e.channels());
        assertTrue(DunningSteps.entry("ev-7", BUYER, RUN, List.of(Step.counted("demand-30", "SKIPPED", 4,
                List.of(message("LETTER"))))).isEmpty());
    }

    @Test
    void theClaimTriggerCountsWhenItsStepWasTakenOrSupersededNotWhenSkipped() {
        Action trigger = work("CLAIM_TRIGGER");
        assertTrue(DunningSteps.claimTriggered(List.of(Step.counted("payment-order", "TAKEN", 2,
                List.of(work("COLLECTOR_TASK"), trigger)))));
        assertTrue(DunningSteps.claimTriggered(List.of(Step.counted("reminder", "TAKEN", 1, List.of(message("SMS"))),
                Step.counted("payment-order", "SUPERSEDED", 1, List.of(trigger)))));
        assertFalse(DunningSteps.claimTriggered(List.of(Step.counted("payment-order", "SKIPPED", 2, List.of(trigger)))));
        assertFalse(DunningSteps.claimTriggered(List.of(Step.counted("legal", "TAKEN", 2, List.of(work("LEGAL_PREPARATION"))))));
        assertFalse(DunningSteps.claimTriggered(List.of()));
    }
}
