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
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.domain.SkipReason;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.common.money.Money;

/** The step-taken payload, written by the streaming generator, field by field as consumers read it. */
class StepTakenJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID INVOICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    @Test
    void takenAndSkippedStepsCarryEveryFieldTheConsumerReads() throws Exception {
        DunningStep reminder = new DunningStep("reminder-7", 7, List.of(DunningAction.message("reminder",
                Channel.LETTER, Channel.EMAIL), DunningAction.work(DunningAction.Kind.COLLECTOR_TASK, "call")),
                CurrencyThresholds.NONE);
        DunningStep notice = new DunningStep("notice-0", 0, DunningAction.message("notice", Channel.SMS));
        var invoice = new LetterFacts.Invoice(INVOICE, "INV-1", null, null, LocalDate.parse("2026-11-20"),
                Money.of("1000.00", "EUR"), Money.of("800.00", "EUR"), null);
        var taken = new StepOutcome(INVOICE.toString(), reminder, LocalDate.parse("2026-11-27"), StepOutcome.Kind.TAKEN,
                null, Money.of("800.00", "EUR"));
        var skipped = new StepOutcome(INVOICE.toString(), notice, LocalDate.parse("2026-11-20"), StepOutcome.Kind.SKIPPED,
                SkipReason.PAID, Money.of("0.00", "EUR"));

        var event = StepTaken.of("t1", BUYER, LocalDate.parse("2026-12-03"), new StepTaken.Ladder("standard", 3),
                List.of(new StepTaken.Step(taken, invoice, null, List.of(REQUEST)),
                        new StepTaken.Step(skipped, invoice, "reminder-7", List.of())));

        String expected = """
                {"buyerId":"00000000-0000-0000-0000-0000000000b1","runDate":"2026-12-03","ladderKey":"standard",
                 "ladderVersion":3,"steps":[
                  {"itemReference":"00000000-0000-0000-0000-0000000000a1","invoiceId":"00000000-0000-0000-0000-0000000000a1",
                   "invoiceNumber":"INV-1","stepKey":"reminder-7","offsetDays":7,"stepDay":"2026-11-27","outcome":"TAKEN",
                   "skipReason":null,"supersededBy":null,"collectibleAmount":{"amount":"800.00","currency":"EUR"},
                   "actions":[{"kind":"MESSAGE","key":"reminder","channels":["EMAIL","LETTER"]},
                              {"kind":"COLLECTOR_TASK","key":"call","channels":[]}],
                   "messageRequestIds":["00000000-0000-0000-0000-0000000000c1"]},
                  {"itemReference":"00000000-0000-0000-0000-0000000000a1","invoiceId":"00000000-0000-0000-0000-0000000000a1",
                   "invoiceNumber":"INV-1","stepKey":"notice-0","offsetDays":0,"stepDay":"2026-11-20","outcome":"SKIPPED",
                   "skipReason":"PAID","supersededBy":"reminder-7","collectibleAmount":{"amount":"0.00","currency":"EUR"},
                   "actions":[{"kind":"MESSAGE","key":"notice","channels":["SMS"]}],
                   "messageRequestIds":[]}]}
                """;
        // what the outbox stores: the ObjectMapper writes the raw payload as it is
        assertEquals(JSON.readTree(expected), JSON.readTree(JSON.writeValueAsString(event.data())));
        assertEquals(UUID.nameUUIDFromBytes("step-taken/t1/00000000-0000-0000-0000-0000000000b1/2026-12-03".getBytes()),
                event.eventId());
    }
}
