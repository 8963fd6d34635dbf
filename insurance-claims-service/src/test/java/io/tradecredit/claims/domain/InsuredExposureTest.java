package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.LimitDecision.Outcome;
import io.tradecredit.common.money.Money;

/** Insured and uninsured exposure with limit changes over time, oldest invoices first. */
class InsuredExposureTest {
    static final UUID BUYER = UUID.randomUUID();

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static OpenInvoice invoice(String number, String issued, String open) {
        return new OpenInvoice(UUID.randomUUID(), BUYER, number, LocalDate.parse(issued), LocalDate.parse(issued).plusDays(60),
                cny(open), cny(open));
    }

    static LimitDecision decision(long seq, Outcome outcome, String amount, String from) {
        return LimitDecision.of("CNY", "D" + seq, BUYER, outcome, amount == null ? null : cny(amount), LocalDate.parse(from),
                null, null, LimitDecision.Source.TENANT, OffsetDateTime.now(), "cm").recordedAs(seq);
    }

    static InsuredExposure on(String day, List<OpenInvoice> invoices, LimitDecision... decisions) {
        return InsuredExposure.on(LocalDate.parse(day), invoices, List.of(decisions), Money.currencyOf("CNY"));
    }

    @Test
    void aboveTheLimitTheNewestInvoicesAreUninsured() {
        // limit 80,000 from 1 January; open: 30,000 (Feb), 40,000 (Mar), 30,000 (Apr) → 30,000 + 40,000 + 10,000 insured
        List<OpenInvoice> open = List.of(invoice("INV-3", "2026-04-01", "30000.00"), invoice("INV-1", "2026-02-01", "30000.00"),
                invoice("INV-2", "2026-03-01", "40000.00"));
        InsuredExposure e = on("2026-05-01", open, decision(1, Outcome.APPROVED, "80000.00", "2026-01-01"));
        assertEquals(cny("80000.00"), e.limit());
        assertEquals(cny("80000.00"), e.insured());
        assertEquals(cny("20000.00"), e.uninsured());
        assertEquals(List.of("INV-1", "INV-2", "INV-3"), e.lines().stream().map(l -> l.invoice().invoiceNumber()).toList());
        assertEquals(List.of(cny("30000.00"), cny("40000.00"), cny("10000.00")),
                e.lines().stream().map(InsuredExposure.Line::insured).toList());
        assertEquals(cny("20000.00"), e.lines().get(2).uninsured());
    }

    @Test
    void anInvoiceIssuedBeforeTheLimitOrWhileItWasCancelledIsUninsured() {
        // limit from 1 March, cancelled 1 June, granted again 1 August
        List<OpenInvoice> open = List.of(invoice("INV-1", "2026-02-15", "10000.00"), invoice("INV-2", "2026-03-10", "20000.00"),
                invoice("INV-3", "2026-06-20", "15000.00"), invoice("INV-4", "2026-08-02", "5000.00"));
        InsuredExposure e = on("2026-08-10", open, decision(1, Outcome.APPROVED, "50000.00", "2026-03-01"),
                decision(2, Outcome.CANCELLED, null, "2026-06-01"), decision(3, Outcome.APPROVED, "50000.00", "2026-08-01"));
        assertEquals(List.of(false, true, false, true), e.lines().stream().map(InsuredExposure.Line::issuedUnderCover).toList());
        assertEquals(cny("25000.00"), e.insured());
        assertEquals(cny("25000.00"), e.uninsured());
    }

    @Test
    void aReductionLeavesWhatWasDeliveredUnderTheHigherLimitInsured() {
        // docs' worked example: 80,000 from 1 January, reduced to 50,000 from 1 July; open A 30,000 (10 May) and
        // B 40,000 (20 June) insured under the 80,000 of their days, C 20,000 (15 July) not: 70,000 already exceed the
        // 50,000 of its day (the limit of the day alone insured 50,000)
        List<OpenInvoice> open = List.of(invoice("C", "2026-07-15", "20000.00"), invoice("A", "2026-05-10", "30000.00"),
                invoice("B", "2026-06-20", "40000.00"));
        InsuredExposure e = on("2026-07-20", open, decision(1, Outcome.APPROVED, "80000.00", "2026-01-01"),
                decision(2, Outcome.PARTLY_APPROVED, "50000.00", "2026-07-01"));
        assertEquals(cny("50000.00"), e.limit());
        assertEquals(cny("70000.00"), e.insured());
        assertEquals(cny("20000.00"), e.uninsured());
        assertEquals(List.of(cny("30000.00"), cny("40000.00"), cny("0.00")),
                e.lines().stream().map(InsuredExposure.Line::insured).toList());
        assertTrue(e.lines().get(2).issuedUnderCover(), "C was delivered under cover: a claim asks for it");
        assertEquals(List.of("A", "B", "C"), e.claimable().stream().map(ClaimedInvoice::invoiceNumber).toList());
    }

    @Test
    void aCancellationLeavesEarlierDeliveriesInsuredAndLaterOnesNot() {
        List<OpenInvoice> open = List.of(invoice("A", "2026-05-10", "30000.00"), invoice("B", "2026-06-20", "40000.00"),
                invoice("C", "2026-07-15", "20000.00"));
        InsuredExposure e = on("2026-07-20", open, decision(1, Outcome.APPROVED, "80000.00", "2026-01-01"),
                decision(2, Outcome.CANCELLED, null, "2026-07-01"));
        assertEquals(cny("0.00"), e.limit());
        assertEquals(cny("70000.00"), e.insured());
        assertEquals(cny("20000.00"), e.uninsured());
        assertEquals(List.of(true, true, false), e.lines().stream().map(InsuredExposure.Line::issuedUnderCover).toList());
    }

    @Test
    void aClaimsLossIsCoveredUnderTheLimitsInForceWhenItsInvoicesWereDelivered() {
        // the worked example claimed on 20 July, after the reduction to 50,000: A and B under 80,000, C not → 70,000
        OpenInvoice a = invoice("A", "2026-05-10", "30000.00");
        OpenInvoice b = invoice("B", "2026-06-20", "40000.00");
        OpenInvoice c = invoice("C", "2026-07-15", "20000.00");
        List<LimitDecision> reduced = List.of(decision(1, Outcome.APPROVED, "80000.00", "2026-01-01"),
                decision(2, Outcome.PARTLY_APPROVED, "50000.00", "2026-07-01"));
        List<ClaimedInvoice> claimed = List.of(claimed(c), claimed(a), claimed(b));
        assertEquals(cny("70000.00"), cover(claimed, List.of(a, b, c), reduced));
        // a claim by hand naming them without ids: found by number
        assertEquals(cny("70000.00"), cover(claimed.stream().map(i -> new ClaimedInvoice(i.invoiceNumber(), null,
                i.unpaidAmount())).toList(), List.of(a, b, c), reduced));
        // one the ledger never named is taken as the oldest, under the limit of the claim's day: 50,000 of 60,000,
        // then A fits in the 80,000 of its day
        assertEquals(cny("80000.00"), cover(List.of(claimed(a),
                new ClaimedInvoice("X", null, cny("60000.00"))), List.of(a, b, c), reduced));
    }

    static ClaimedInvoice claimed(OpenInvoice i) {
        return new ClaimedInvoice(i.invoiceNumber(), i.invoiceId(), i.openAmount());
    }

    static Money cover(List<ClaimedInvoice> claimed, List<OpenInvoice> known, List<LimitDecision> decisions) {
        return InsuredExposure.cover(claimed, known, decisions, Money.currencyOf("CNY"), LocalDate.parse("2026-07-20"));
    }

    @Test
    void paidInvoicesAndOtherCurrenciesDoNotTakeTheLimit() {
        OpenInvoice paid = invoice("INV-0", "2026-03-01", "0.00");
        OpenInvoice dollars = new OpenInvoice(UUID.randomUUID(), BUYER, "INV-USD", LocalDate.parse("2026-03-02"),
                LocalDate.parse("2026-05-01"), Money.of("900.00", "USD"), Money.of("900.00", "USD"));
        OpenInvoice yuan = invoice("INV-2", "2026-03-03", "70000.00");
        InsuredExposure e = on("2026-04-01", List.of(yuan, dollars, paid), decision(1, Outcome.APPROVED, "80000.00", "2026-01-01"));
        assertEquals(2, e.lines().size());
        assertEquals(cny("70000.00"), e.insured());
        assertEquals(cny("0.00"), e.uninsured());
        assertEquals(Money.of("900.00", "USD"), e.lines().get(0).uninsured());
        assertFalse(e.lines().get(0).issuedUnderCover());
    }

    /**
     * The tenant claims by hand INV-1 60,000 CNY and its USD invoice converted to 30,000 CNY under the CNY policy's
     * 80,000 limit: the USD invoice was never insured under it (the exposure leaves it uninsured, an insolvency claim
     * leaves it out), so 60,000 is covered, an indemnity of 54,000; it was covered as CNY, 80,000 (72,000). Matched by id
     * or by number, it takes none of the limit: INV-2 40,000 CNY delivered later still fits.
     */
    @Test
    void aClaimByHandOfAnInvoiceTheLedgerHasInAnotherCurrencyCoversNothingOfIt() {
        OpenInvoice yuan = invoice("INV-1", "2026-03-05", "60000.00");
        OpenInvoice dollars = new OpenInvoice(UUID.randomUUID(), BUYER, "INV-USD", LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-05-01"), Money.of("4200.00", "USD"), Money.of("4200.00", "USD"));
        OpenInvoice later = invoice("INV-2", "2026-04-01", "40000.00");
        List<LimitDecision> limit = List.of(decision(1, Outcome.APPROVED, "80000.00", "2026-01-01"));
        ClaimedInvoice converted = new ClaimedInvoice("INV-USD", dollars.invoiceId(), cny("30000.00"));
        assertEquals(cny("60000.00"), cover(List.of(claimed(yuan), converted), List.of(yuan, dollars), limit));
        assertEquals(cny("60000.00"), cover(List.of(claimed(yuan), new ClaimedInvoice("INV-USD", null, cny("30000.00"))),
                List.of(yuan, dollars), limit));
        assertEquals(cny("80000.00"), cover(List.of(converted, claimed(yuan), claimed(later)), List.of(yuan, dollars, later),
                limit));
        Indemnity i = Indemnity.of(cny("90000.00"), cny("80000.00"), cover(List.of(claimed(yuan), converted),
                List.of(yuan, dollars), limit), cny("0.00"), Deductible.none("CNY"), cny("0.00"), new BigDecimal("90"));
        assertEquals(cny("54000.00"), i.indemnity());
        assertEquals(cny("36000.00"), i.tenantBears());
    }

    /**
     * A claimed line carrying an invoice id is that invoice, as the claim follows it in the ledger (by id): its number is
     * not looked up instead. INV-1 (60,000, issued 10 March under the 80,000 limit) claimed with the number INV-2, the
     * ledger's invoice of 15 February before any limit, was judged as INV-2: covered 0, indemnity 0 instead of 54,000.
     */
    @Test
    void aClaimedLineWithAnIdIsCoveredAsThatInvoiceNotAsAnotherOfItsNumber() {
        OpenInvoice beforeCover = invoice("INV-2", "2026-02-15", "20000.00");
        OpenInvoice insured = invoice("INV-1", "2026-03-10", "60000.00");
        List<LimitDecision> limit = List.of(decision(1, Outcome.APPROVED, "80000.00", "2026-03-01"));
        ClaimedInvoice line = new ClaimedInvoice("INV-2", insured.invoiceId(), cny("60000.00"));
        assertEquals(cny("60000.00"), cover(List.of(line), List.of(beforeCover, insured), limit));
        assertEquals(cny("60000.00"), cover(List.of(line), List.of(insured, beforeCover), limit));
        // a line without id is the ledger's invoice of its number
        assertEquals(cny("0.00"), cover(List.of(new ClaimedInvoice("INV-2", null, cny("20000.00"))),
                List.of(insured, beforeCover), limit));
        // an id the ledger does not know is not matched by its number either: judged under the limit of the claim's day
        assertEquals(cny("20000.00"), cover(List.of(new ClaimedInvoice("INV-2", UUID.randomUUID(), cny("20000.00"))),
                List.of(insured, beforeCover), limit));
        Indemnity i = Indemnity.of(cny("60000.00"), cny("80000.00"), cover(List.of(line), List.of(beforeCover, insured),
                limit), cny("0.00"), Deductible.none("CNY"), cny("0.00"), new BigDecimal("90"));
        assertEquals(cny("54000.00"), i.indemnity());
        assertEquals(cny("6000.00"), i.tenantBears());
    }

    @Test
    void withoutAnyDecisionEverythingIsUninsured() {
        InsuredExposure e = on("2026-04-01", List.of(invoice("INV-1", "2026-03-01", "100.00")));
        assertEquals(cny("0.00"), e.limit());
        assertEquals(cny("0.00"), e.insured());
        assertEquals(cny("100.00"), e.uninsured());
        assertTrue(e.claimable().isEmpty(), "nothing delivered under cover, nothing to claim");
    }

    @Test
    void aClaimAsksForEachInvoiceDeliveredUnderCoverWholeOldestFirstAndLeavesOutTheRest() {
        // limit 50,000 from 1 March: INV-0 before cover is left out; INV-1 30,000, INV-2 40,000 (20,000 of it within
        // the limit) and INV-3 5,000 (none within it) were delivered under cover and are claimed whole: 75,000, of which
        // the indemnity takes 50,000 at most (Indemnity caps the loss; the tenant bears what is above the limit)
        OpenInvoice before = invoice("INV-0", "2026-02-15", "10000.00");
        OpenInvoice first = invoice("INV-1", "2026-03-10", "30000.00");
        OpenInvoice second = invoice("INV-2", "2026-03-20", "40000.00");
        OpenInvoice third = invoice("INV-3", "2026-04-01", "5000.00");
        List<OpenInvoice> open = List.of(second, third, first, before);
        InsuredExposure e = on("2026-05-01", open, decision(1, Outcome.APPROVED, "50000.00", "2026-03-01"));
        assertEquals(cny("50000.00"), e.insured());
        assertEquals(List.of(new ClaimedInvoice("INV-1", first.invoiceId(), cny("30000.00")),
                new ClaimedInvoice("INV-2", second.invoiceId(), cny("40000.00")),
                new ClaimedInvoice("INV-3", third.invoiceId(), cny("5000.00"))), e.claimable());
    }

    static InsuredExposure stoppedOn(String day, String stop, List<OpenInvoice> invoices, LimitDecision... decisions) {
        return InsuredExposure.on(LocalDate.parse(day), invoices, List.of(decisions), Money.currencyOf("CNY"),
                Optional.of(LocalDate.parse(stop)));
    }

    @Test
    void anInvoiceIssuedOnOrAfterTheStopDeliveriesDateIsUninsuredAndTakesNoRoom() {
        // limit 80,000 from 1 March; overdue notified 10 June: deliveries from 10 June on are at the tenant's risk.
        // INV-1 30,000 (5 May) and INV-2 20,000 (9 June) insured; INV-3 15,000 (10 June) and INV-4 5,000 (1 July)
        // uninsured although 30,000 of the limit is left
        List<OpenInvoice> open = List.of(invoice("INV-4", "2026-07-01", "5000.00"), invoice("INV-3", "2026-06-10", "15000.00"),
                invoice("INV-2", "2026-06-09", "20000.00"), invoice("INV-1", "2026-05-05", "30000.00"));
        InsuredExposure e = stoppedOn("2026-07-15", "2026-06-10", open, decision(1, Outcome.APPROVED, "80000.00", "2026-03-01"));
        assertEquals(cny("50000.00"), e.insured());
        assertEquals(cny("20000.00"), e.uninsured());
        assertEquals(LocalDate.parse("2026-06-10"), e.stopDeliveriesFrom());
        assertEquals(List.of(cny("30000.00"), cny("20000.00"), cny("0.00"), cny("0.00")),
                e.lines().stream().map(InsuredExposure.Line::insured).toList());
        assertEquals(List.of(false, false, true, true), e.lines().stream().map(InsuredExposure.Line::afterStopDeliveries).toList());
        assertEquals(List.of(true, true, false, false), e.lines().stream().map(InsuredExposure.Line::issuedUnderCover).toList());
        assertEquals(List.of("INV-1", "INV-2"), e.claimable().stream().map(ClaimedInvoice::invoiceNumber).toList(),
                "a claim leaves out what was delivered after stop-deliveries");
    }

    @Test
    void aClaimByHandOfInvoicesDeliveredFromTheStopDeliveriesDateOnCoversNothingOfThem() {
        // the example above claimed by hand, all four: INV-3 and INV-4 were delivered at the tenant's own risk,
        // so the loss is covered for 50,000 (INV-1 and INV-2), not 70,000 under the 80,000 limit
        OpenInvoice one = invoice("INV-1", "2026-05-05", "30000.00");
        OpenInvoice two = invoice("INV-2", "2026-06-09", "20000.00");
        OpenInvoice three = invoice("INV-3", "2026-06-10", "15000.00");
        OpenInvoice four = invoice("INV-4", "2026-07-01", "5000.00");
        List<OpenInvoice> known = List.of(four, three, two, one);
        List<LimitDecision> limit = List.of(decision(1, Outcome.APPROVED, "80000.00", "2026-03-01"));
        List<ClaimedInvoice> claimed = List.of(claimed(one), claimed(two), claimed(three), claimed(four));
        Optional<LocalDate> stop = Optional.of(LocalDate.parse("2026-06-10"));
        assertEquals(cny("50000.00"), InsuredExposure.cover(claimed, known, limit, Money.currencyOf("CNY"),
                LocalDate.parse("2026-07-20"), stop));
        // without a stop all four fit the limit; a stop from the day after INV-3 leaves INV-4 alone out
        assertEquals(cny("70000.00"), cover(claimed, known, limit));
        assertEquals(cny("65000.00"), InsuredExposure.cover(claimed, known, limit, Money.currencyOf("CNY"),
                LocalDate.parse("2026-07-20"), Optional.of(LocalDate.parse("2026-06-11"))));
        // an invoice the ledger never named has no issue day to judge: taken as before, under the claim's day's limit
        assertEquals(cny("60000.00"), InsuredExposure.cover(List.of(claimed(one), claimed(three),
                new ClaimedInvoice("X", null, cny("30000.00"))), known, limit, Money.currencyOf("CNY"),
                LocalDate.parse("2026-07-20"), stop));
    }

    @Test
    void aStopThatStartsAfterTheDayChangesNothingOnItAndOneStartingThatDayDoes() {
        // notified 10 June; INV-1 20,000 issued 10 June under a 50,000 limit
        List<OpenInvoice> open = List.of(invoice("INV-1", "2026-06-10", "20000.00"));
        LimitDecision limit = decision(1, Outcome.APPROVED, "50000.00", "2026-03-01");
        InsuredExposure before = stoppedOn("2026-06-09", "2026-06-10", open, limit);
        assertEquals(cny("20000.00"), before.insured());
        assertEquals(null, before.stopDeliveriesFrom());
        assertFalse(before.lines().get(0).afterStopDeliveries());
        InsuredExposure onTheDay = stoppedOn("2026-06-10", "2026-06-10", open, limit);
        assertEquals(cny("0.00"), onTheDay.insured());
        assertEquals(cny("20000.00"), onTheDay.uninsured());
        assertEquals(LocalDate.parse("2026-06-10"), onTheDay.stopDeliveriesFrom());
    }

    @Test
    void withoutAStopTheSplitIsTheLimitsAlone() {
        InsuredExposure e = InsuredExposure.on(LocalDate.parse("2026-07-01"), List.of(invoice("INV-1", "2026-06-20", "100.00")),
                List.of(decision(1, Outcome.APPROVED, "500.00", "2026-03-01")), Money.currencyOf("CNY"), Optional.empty());
        assertEquals(cny("100.00"), e.insured());
        assertEquals(null, e.stopDeliveriesFrom());
        assertFalse(e.lines().get(0).afterStopDeliveries());
    }
}
