package io.tradecredit.collections.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.collections.domain.Channel;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.common.money.Money;

/** A dunning request's body as the outbox and a draft store it, every part of its data filled in. */
class DunningRequestJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final LocalDate RUN = LocalDate.parse("2026-12-03");

    @Test
    void consolidatedLetterStatesPartiesInvoicesChargesDeadlineAndPriorMessages() throws Exception {
        DunningStep demand = new DunningStep("demand-14", 14, DunningAction.message("demand", Channel.LETTER));
        var charges = new LetterFacts.LateCharges(RUN, Money.of("5.60", "EUR"), Money.of("30.00", "EUR"),
                Money.of("35.60", "EUR"), new BigDecimal("0.0005"), 30, new BigDecimal("0.03"), "BGB 288");
        var first = new LetterFacts.Invoice(FIRST, "INV-1", "PO-9", LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-11-01"), Money.of("1000.00", "EUR"), Money.of("800.00", "EUR"), charges);
        var second = new LetterFacts.Invoice(SECOND, "INV-2", null, null, LocalDate.parse("2026-12-10"),
                Money.of("50.00", "EUR"), Money.of("50.00", "EUR"), null);
        var facts = new LetterFacts(BUYER, new LetterFacts.Party("Seller AG", "Main St 1", "DE123", "DE89 3704"),
                "Buyer GmbH", "Side St 2", List.of(first, second),
                List.of(new LetterFacts.PriorMessage("reminder-7", "reminder", List.of("EMAIL", "LETTER"),
                        LocalDate.parse("2026-11-08"), Set.of(FIRST)),
                        // about an invoice this letter does not list (paid since): not quoted as about these invoices
                        new LetterFacts.PriorMessage("reminder-3", "reminder", List.of("SMS"),
                                LocalDate.parse("2026-11-09"), Set.of(BUYER))), LocalDate.parse("2026-12-17"));
        var message = new DunningMessage(Channel.LETTER, demand, List.of(
                new StepOutcome(FIRST.toString(), demand, LocalDate.parse("2026-11-15"), StepOutcome.Kind.TAKEN, null,
                        Money.of("800.00", "EUR")),
                new StepOutcome(SECOND.toString(), demand, LocalDate.parse("2026-12-24"), StepOutcome.Kind.TAKEN, null,
                        Money.of("50.00", "EUR"))), true);

        var body = MessageRequested.body(REQUEST, message, facts, RUN);

        String expected = """
                {"requestId":"00000000-0000-0000-0000-0000000000c1","purpose":"dunning","templateKey":"demand",
                 "channel":"LETTER","recipient":{"kind":"BUYER","buyerId":"00000000-0000-0000-0000-0000000000b1"},
                 "critical":false,"legallyRequired":true,"attachLetter":false,
                 "data":{
                  "seller":{"name":"Seller AG","address":"Main St 1","taxId":"DE123","bankAccount":"DE89 3704"},
                  "buyer":{"buyerId":"00000000-0000-0000-0000-0000000000b1","name":"Buyer GmbH","address":"Side St 2"},
                  "invoices":[
                   {"invoiceId":"00000000-0000-0000-0000-0000000000a1","invoiceNumber":"INV-1","purchaseOrderNumber":"PO-9",
                    "issueDate":"2026-10-01","dueDate":"2026-11-01","daysOverdue":32,
                    "openAmount":{"amount":"1000.00","currency":"EUR"},"disputedAmount":{"amount":"200.00","currency":"EUR"},
                    "collectibleAmount":{"amount":"800.00","currency":"EUR"},
                    "lateCharges":{"asOf":"2026-12-03","interest":{"amount":"5.60","currency":"EUR"},
                     "fee":{"amount":"30.00","currency":"EUR"},"total":{"amount":"35.60","currency":"EUR"},
                     "dailyRate":"0.0005","feeAfterDays":30,"feeRate":"0.03","legalBasis":"BGB 288"}},
                   {"invoiceId":"00000000-0000-0000-0000-0000000000a2","invoiceNumber":"INV-2","purchaseOrderNumber":null,
                    "issueDate":null,"dueDate":"2026-12-10","daysOverdue":0,
                    "openAmount":{"amount":"50.00","currency":"EUR"},"disputedAmount":{"amount":"0.00","currency":"EUR"},
                    "collectibleAmount":{"amount":"50.00","currency":"EUR"},"lateCharges":null}],
                  "step":{"key":"demand-14","offsetDays":14},
                  "runDate":"2026-12-03",
                  "paymentDeadline":"2026-12-17",
                  "priorMessages":[{"stepKey":"reminder-7","templateKey":"reminder","channels":["EMAIL","LETTER"],
                   "runDate":"2026-11-08"}]}}
                """;
        // what the outbox and a draft store: the ObjectMapper writes the body, its data as it is
        assertEquals(JSON.readTree(expected), JSON.readTree(JSON.writeValueAsString(body)));
    }

    @Test
    void withoutSellerOrDeadlineTheDataSaysSellerNullAndLeavesTheDeadlineOut() throws Exception {
        DunningStep reminder = new DunningStep("reminder-7", 7, DunningAction.message("reminder", Channel.EMAIL));
        var invoice = new LetterFacts.Invoice(FIRST, "INV-1", null, null, LocalDate.parse("2026-11-26"),
                Money.of("10.00", "EUR"), Money.of("10.00", "EUR"), null);
        var facts = new LetterFacts(BUYER, null, "Buyer GmbH", null, List.of(invoice));
        var message = new DunningMessage(Channel.EMAIL, reminder, List.of(new StepOutcome(FIRST.toString(), reminder,
                RUN, StepOutcome.Kind.TAKEN, null, Money.of("10.00", "EUR"))), false);

        var data = JSON.readTree(JSON.writeValueAsString(MessageRequested.body(REQUEST, message, facts, RUN))).get("data");

        assertEquals(JSON.readTree("""
                {"seller":null,"buyer":{"buyerId":"00000000-0000-0000-0000-0000000000b1","name":"Buyer GmbH","address":null},
                 "invoices":[{"invoiceId":"00000000-0000-0000-0000-0000000000a1","invoiceNumber":"INV-1",
                  "purchaseOrderNumber":null,"issueDate":null,"dueDate":"2026-11-26","daysOverdue":7,
                  "openAmount":{"amount":"10.00","currency":"EUR"},"disputedAmount":{"amount":"0.00","currency":"EUR"},
                  "collectibleAmount":{"amount":"10.00","currency":"EUR"},"lateCharges":null}],
                 "step":{"key":"reminder-7","offsetDays":7},"runDate":"2026-12-03","priorMessages":[]}
                """), data);
    }

    @Test
    void theOutboxsBytesAndADraftsTextAreTheSameLetterInAnyScript() throws Exception {
        DunningStep reminder = new DunningStep("reminder-7", 7, DunningAction.message("reminder", Channel.EMAIL));
        var invoice = new LetterFacts.Invoice(FIRST, "FV/2026/ł-1", null, null, LocalDate.parse("2026-11-26"),
                Money.of("10.00", "PLN"), Money.of("10.00", "PLN"), null);
        var facts = new LetterFacts(BUYER, new LetterFacts.Party("Zürcher Handel AG", "Bahnhofstraße 1", "CHE-1", "CH93"),
                "Łódź Trading Sp. z o.o. — 東京", "ul. Piotrkowska 1, Łódź", List.of(invoice));
        var message = new DunningMessage(Channel.EMAIL, reminder, List.of(new StepOutcome(FIRST.toString(), reminder,
                RUN, StepOutcome.Kind.TAKEN, null, Money.of("10.00", "PLN"))), false);
        var body = MessageRequested.body(REQUEST, message, facts, RUN);

        byte[] outbox = JSON.writeValueAsBytes(body);
        String draft = JSON.writeValueAsString(body);

        assertEquals(draft, new String(outbox, java.nio.charset.StandardCharsets.UTF_8), "the same JSON, byte for byte");
        var data = JSON.readTree(outbox).get("data");
        assertEquals("Łódź Trading Sp. z o.o. — 東京", data.get("buyer").get("name").asText());
        assertEquals("ul. Piotrkowska 1, Łódź", data.get("buyer").get("address").asText());
        assertEquals("Bahnhofstraße 1", data.get("seller").get("address").asText());
        assertEquals("FV/2026/ł-1", data.get("invoices").get(0).get("invoiceNumber").asText());
    }
}
