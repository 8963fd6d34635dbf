package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DunningStepTest {
    static final DunningAction CALL = DunningAction.work(DunningAction.Kind.COLLECTOR_TASK, "call");
    static final DunningAction CASE = DunningAction.work(DunningAction.Kind.CASE_OPENING, "case");
    static final DunningAction LETTER = DunningAction.message("demand", Channel.LETTER);

    @Test
    void theMessageIsFoundWhereverTheLadderListsIt() {
        var step = new DunningStep("demand-14", 14, CALL, LETTER, CASE);

        assertEquals(Optional.of(LETTER), step.message());
        assertEquals(List.of(CALL, CASE), step.work());
    }

    @Test
    void aStepWithoutMessageSendsNothingAndDoesAllItsWork() {
        var step = new DunningStep("call-21", 21, CALL, CASE);

        assertEquals(Optional.empty(), step.message());
        assertEquals(List.of(CALL, CASE), step.work());
    }

    @Test
    void aStepThatOnlySendsHasNoWork() {
        var step = new DunningStep("reminder-7", 7, LETTER);

        assertEquals(Optional.of(LETTER), step.message());
        assertEquals(List.of(), step.work());
    }
}
