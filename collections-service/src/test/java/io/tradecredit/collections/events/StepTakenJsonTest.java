package io.tradecredit.collections.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.collections.domain.Channel;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.collections.domain.SkipReason;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.common.money.Money;

/**
 * The step-taken payload (v2), written by the streaming generator: a buyer's steps counted per step key,
 * outcome and skip reason, field by field as consumers read it.
 */
class StepTakenJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final DunningStep REMINDER = new DunningStep("reminder-7", 7, List.of(DunningAction.message("reminder",
            Channel.LETTER, Channel.EMAIL), DunningAction.work(DunningAction.Kind.COLLECTOR_TASK, "call")),
            CurrencyThresholds.NONE);
    static final DunningStep NOTICE = new DunningStep("notice-0", 0, DunningAction.message("notice", Channel.SMS));

    static StepOutcome outcome(String item, DunningStep step, StepOutcome.Kind kind, SkipReason reason) {
        return new StepOutcome(item, step, LocalDate.parse("2026-11-27"), kind, reason, Money.of("800.00", "EUR"));
    }

    @Test
    void theBuyersStepsAreCountedPerStepOutcomeAndReasonWithTheirActionsAndRequests() throws Exception {
        String a1 = "00000000-0000-0000-0000-0000000000a1", a2 = "00000000-0000-0000-0000-0000000000a2",
                a3 = "00000000-0000-0000-0000-0000000000a3";
        var event = StepTaken.of("t1", BUYER, LocalDate.parse("2026-12-03"), new StepTaken.Ladder("standard", 3), List.of(
                new StepTaken.Step(outcome(a1, REMINDER, StepOutcome.Kind.TAKEN, null), List.of(REQUEST)),
                new StepTaken.Step(outcome(a1, NOTICE, StepOutcome.Kind.SKIPPED, SkipReason.PAID), List.of()),
                new StepTaken.Step(outcome(a2, REMINDER, StepOutcome.Kind.TAKEN, null), List.of(REQUEST)),
                new StepTaken.Step(outcome(a2, NOTICE, StepOutcome.Kind.SKIPPED, SkipReason.DISPUTED), List.of()),
                new StepTaken.Step(outcome(a3, NOTICE, StepOutcome.Kind.SKIPPED, SkipReason.PAID), List.of())));

        String expected = """
                {"buyerId":"00000000-0000-0000-0000-0000000000b1","runDate":"2026-12-03","ladderKey":"standard",
                 "ladderVersion":3,"stepCount":5,"steps":[
                  {"stepKey":"reminder-7","offsetDays":7,"outcome":"TAKEN","skipReason":null,"count":2,
                   "actions":[{"kind":"MESSAGE","key":"reminder","channels":["EMAIL","LETTER"]},
                              {"kind":"COLLECTOR_TASK","key":"call","channels":[]}],
                   "messageRequestIds":["00000000-0000-0000-0000-0000000000c1"]},
                  {"stepKey":"notice-0","offsetDays":0,"outcome":"SKIPPED","skipReason":"PAID","count":2,
                   "actions":[{"kind":"MESSAGE","key":"notice","channels":["SMS"]}],"messageRequestIds":[]},
                  {"stepKey":"notice-0","offsetDays":0,"outcome":"SKIPPED","skipReason":"DISPUTED","count":1,
                   "actions":[{"kind":"MESSAGE","key":"notice","channels":["SMS"]}],"messageRequestIds":[]}]}
                """;
        // what the outbox stores: the ObjectMapper writes the raw payload as it is
        assertEquals(JSON.readTree(expected), JSON.readTree(JSON.writeValueAsString(event.data())));
        assertEquals("io.tradecredit.collections.step-taken.v2", event.type());
        assertEquals(UUID.nameUUIDFromBytes("step-taken/t1/00000000-0000-0000-0000-0000000000b1/2026-12-03".getBytes()),
                event.eventId());
    }
}
