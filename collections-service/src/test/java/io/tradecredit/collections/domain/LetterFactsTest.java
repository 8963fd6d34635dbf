package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class LetterFactsTest {
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    static LetterFacts.Invoice invoice(UUID id, String number) {
        return new LetterFacts.Invoice(id, number, "PO-1", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31),
                Money.of("1000.00", "CNY"), Money.of("1000.00", "CNY"), null);
    }

    @Test
    void aLetterFindsEachInvoiceItListsAndRefusesOneItDoesNot() {
        LetterFacts facts = new LetterFacts(BUYER, null, "Globex", null, List.of(invoice(FIRST, "INV-1"), invoice(SECOND, "INV-2")));
        assertEquals("INV-2", facts.invoice(SECOND).invoiceNumber());
        assertEquals("INV-1", facts.invoice(FIRST).invoiceNumber());
        assertThrows(IllegalArgumentException.class, () -> facts.invoice(BUYER));
        assertEquals(List.of(), facts.priorMessages(), "the read model's facts alone quote no message yet");
    }

    @Test
    void theMessagesSentBeforeAreAddedAndKeptAsGiven() {
        List<LetterFacts.PriorMessage> sent = new ArrayList<>(List.of(new LetterFacts.PriorMessage("formal-demand",
                "dunning.formal-demand", List.of("EMAIL", "LETTER"), LocalDate.of(2026, 9, 7), Set.of(FIRST))));
        LetterFacts facts = new LetterFacts(BUYER, null, "Globex", "8 Market St", List.of(invoice(FIRST, "INV-1")))
                .withPriorMessages(sent);
        sent.clear();
        assertEquals(1, facts.priorMessages().size());
        assertEquals("dunning.formal-demand", facts.priorMessages().get(0).templateKey());
        assertEquals("8 Market St", facts.buyerAddress());
        assertEquals(BUYER, facts.buyerId());
    }

    @Test
    void theRunDatesTheLetterWithItsPaymentDeadlineKeepingTheMessagesSentBefore() {
        LetterFacts facts = new LetterFacts(BUYER, null, "Globex", null, List.of(invoice(FIRST, "INV-1")));
        assertEquals(null, facts.paymentDeadline(), "undated until the run dates the letter");
        List<LetterFacts.PriorMessage> sent = List.of(new LetterFacts.PriorMessage("reminder", "dunning.reminder",
                List.of("SMS"), LocalDate.of(2026, 8, 28), Set.of(FIRST)));
        LetterFacts dated = facts.withPriorMessages(sent).withPaymentDeadline(LocalDate.of(2026, 9, 14));
        assertEquals(LocalDate.of(2026, 9, 14), dated.paymentDeadline());
        assertEquals(sent, dated.priorMessages());
        assertEquals(LocalDate.of(2026, 9, 14), dated.withPriorMessages(List.of()).paymentDeadline());
    }

    @Test
    void aLetterQuotesOnlyTheMessagesThatWentOutAndWereNotWithdrawnOneMessagePerStepAndDayWithItsChannels() {
        LocalDate reminded = LocalDate.of(2026, 3, 2);
        LocalDate approved = LocalDate.of(2026, 3, 10);
        LocalDate withdrawnOn = LocalDate.of(2026, 3, 20);
        // the formal demand drafted on 03-09: its letter approved on 03-10, its email discarded (never requested,
        // so not among the requests at all); a reminder on 03-20 withdrawn after the buyer paid
        List<LetterFacts.PriorMessage> quoted = LetterFacts.PriorMessage.of(List.of(
                new LetterFacts.SentRequest("friendly-reminder", "dunning.friendly-reminder", "EMAIL", reminded, false, List.of(FIRST)),
                new LetterFacts.SentRequest("formal-demand", "dunning.formal-demand", "LETTER", approved, false, List.of(FIRST)),
                new LetterFacts.SentRequest("reminder", "dunning.reminder", "SMS", withdrawnOn, true, List.of(FIRST))));
        assertEquals(List.of(
                new LetterFacts.PriorMessage("friendly-reminder", "dunning.friendly-reminder", List.of("EMAIL"), reminded, Set.of(FIRST)),
                new LetterFacts.PriorMessage("formal-demand", "dunning.formal-demand", List.of("LETTER"), approved, Set.of(FIRST))), quoted);
    }

    @Test
    void aMessageByEmailAndLetterOnOneDayIsQuotedOnceAndTheSameStepOnAnotherDayAgain() {
        LocalDate first = LocalDate.of(2026, 3, 9);
        LocalDate again = LocalDate.of(2026, 3, 11);
        List<LetterFacts.PriorMessage> quoted = LetterFacts.PriorMessage.of(List.of(
                new LetterFacts.SentRequest("formal-demand", "dunning.formal-demand", "LETTER", first, false, List.of(FIRST)),
                new LetterFacts.SentRequest("formal-demand", "dunning.formal-demand", "EMAIL", first, false, List.of(FIRST)),
                new LetterFacts.SentRequest("formal-demand", "dunning.formal-demand", "EMAIL", again, false, List.of(FIRST)),
                new LetterFacts.SentRequest("finance-demand", "dunning.finance-demand", "EMAIL", again, false, List.of(FIRST))));
        assertEquals(List.of(
                new LetterFacts.PriorMessage("formal-demand", "dunning.formal-demand", List.of("EMAIL", "LETTER"), first, Set.of(FIRST)),
                new LetterFacts.PriorMessage("formal-demand", "dunning.formal-demand", List.of("EMAIL"), again, Set.of(FIRST)),
                new LetterFacts.PriorMessage("finance-demand", "dunning.finance-demand", List.of("EMAIL"), again, Set.of(FIRST))), quoted);
    }

    @Test
    void aBuyerWithEveryRequestWithdrawnHasNoPriorMessage() {
        assertEquals(List.of(), LetterFacts.PriorMessage.of(List.of(new LetterFacts.SentRequest("reminder",
                "dunning.reminder", "SMS", LocalDate.of(2026, 3, 20), true, List.of(FIRST)))));
    }

    @Test
    void aLetterQuotesOnlyTheMessagesAboutItsOwnInvoicesEachMessageWithEveryInvoiceItConcerned() {
        // INV-1 reminded on 09-14 and demanded on 09-28, then paid; INV-2 reminded on 11-24 by email, and on 11-28
        // one consolidated SMS named both (INV-1 still open then)
        LocalDate old = LocalDate.of(2026, 9, 14);
        LocalDate demand = LocalDate.of(2026, 9, 28);
        LocalDate reminded = LocalDate.of(2026, 11, 24);
        LocalDate both = LocalDate.of(2026, 11, 28);
        List<LetterFacts.PriorMessage> sent = LetterFacts.PriorMessage.of(List.of(
                new LetterFacts.SentRequest("friendly-reminder", "dunning.friendly-reminder", "EMAIL", old, false, List.of(FIRST)),
                new LetterFacts.SentRequest("formal-demand", "dunning.formal-demand", "EMAIL", demand, false, List.of(FIRST)),
                new LetterFacts.SentRequest("formal-demand", "dunning.formal-demand", "LETTER", demand, false, List.of(FIRST)),
                new LetterFacts.SentRequest("friendly-reminder", "dunning.friendly-reminder", "EMAIL", reminded, false, List.of(SECOND)),
                new LetterFacts.SentRequest("reminder", "dunning.reminder", "SMS", both, false, List.of(FIRST)),
                new LetterFacts.SentRequest("reminder", "dunning.reminder", "SMS", both, false, List.of(SECOND))));
        assertEquals(new LetterFacts.PriorMessage("reminder", "dunning.reminder", List.of("SMS"), both, Set.of(FIRST, SECOND)),
                sent.get(3), "one message per step and day, with every invoice it concerned");
        LetterFacts facts = new LetterFacts(BUYER, null, "Globex", null, List.of(invoice(SECOND, "INV-2")))
                .withPriorMessages(sent);

        assertEquals(List.of(reminded, both), facts.priorMessagesAbout(List.of(SECOND)).stream()
                .map(LetterFacts.PriorMessage::runDate).toList(), "INV-2's letter quotes none of INV-1's own messages");
        assertEquals(List.of(old, demand, both), facts.priorMessagesAbout(List.of(FIRST)).stream()
                .map(LetterFacts.PriorMessage::runDate).toList());
        assertEquals(4, facts.priorMessagesAbout(List.of(SECOND, FIRST)).size());
        assertEquals(List.of(), facts.priorMessagesAbout(List.of(BUYER)));
        assertEquals(List.of(), facts.priorMessagesAbout(List.of()));
    }
}
