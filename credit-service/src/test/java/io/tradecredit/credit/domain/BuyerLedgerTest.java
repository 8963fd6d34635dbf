package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.BuyerLedger.Position;

class BuyerLedgerTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    static Position paid(String total, int daysLate) {
        return new Position("CNY", new BigDecimal(total), BigDecimal.ZERO, AS_OF.minusDays(60), BigDecimal.ZERO,
                AS_OF.minusDays(60 - daysLate), daysLate);
    }

    static Position open(String amount, LocalDate due, String disputed) {
        return open("CNY", amount, amount, due, disputed);
    }

    static Position open(String currency, String total, String open, LocalDate due, String disputed) {
        return new Position(currency, new BigDecimal(total), new BigDecimal(open), due, new BigDecimal(disputed), null,
                null);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void paidAndStillOverdueInvoicesBothCountWeightedByAmount() {
        // paid: 90,000 x 10 days + 10,000 x 40 days; open 50,000 due 20 days ago; 30,000 not yet due:
        // (900,000 + 400,000 + 1,000,000) / 150,000 = 15.33 -> 15.3 days beyond terms
        var ledger = new BuyerLedger(List.of(paid("90000", 10), paid("10000", 40), open("50000", AS_OF.minusDays(20), "0"),
                open("30000", AS_OF.plusDays(10), "9000")));
        assertEquals(new BigDecimal("15.3"), ledger.weightedDaysBeyondTerms(AS_OF));
        // 9,000 disputed of 180,000 invoiced = 5%
        assertEquals(0, new BigDecimal("0.05").compareTo(ledger.disputedShare()));
    }

    /**
     * A position paid on time whose payment was reversed before the positions cleared the paid day of a reversal:
     * 100,000 open again, due 120 days ago, counts 120 days beyond terms, not the 0 of its old payment.
     */
    @Test
    void aPaidDayOnAnInvoiceOpenAgainDoesNotCountItPaid() {
        var reversed = new Position("CNY", new BigDecimal("100000"), new BigDecimal("100000"), AS_OF.minusDays(120),
                BigDecimal.ZERO, AS_OF.minusDays(121), 0);
        assertEquals(new BigDecimal("120.0"), new BuyerLedger(List.of(reversed)).weightedDaysBeyondTerms(AS_OF));
    }

    /**
     * Amounts of two currencies are not added up. CNY: 1,000,000 paid on time, 50,000 of it disputed (5%); USD: 50,000
     * due 120 days ago and unpaid, 10,000 of it disputed (20%); EUR: 3,000 not due yet. Each currency on its own, the
     * worst counts: 120.0 days beyond terms (index 20) and 20% disputed, where the sums across currencies said
     * 120 x 50,000 / 1,050,000 = 5.7 days (index 76) and 60,000 / 1,053,000 = 5.7%.
     */
    @Test
    void eachCurrencyIsWeighedOnItsOwnAndTheWorstCounts() {
        var ledger = new BuyerLedger(List.of(
                new Position("CNY", new BigDecimal("1000000"), BigDecimal.ZERO, AS_OF.minusDays(60),
                        new BigDecimal("50000"), AS_OF.minusDays(60), 0),
                open("USD", "50000", "50000", AS_OF.minusDays(120), "10000"),
                open("EUR", "3000", "3000", AS_OF.plusDays(10), "0")));
        assertEquals(new BigDecimal("120.0"), ledger.weightedDaysBeyondTerms(AS_OF));
        assertEquals(0, new BigDecimal("0.2").compareTo(ledger.disputedShare()));
        // the other way round: CNY the worse, USD paid early
        var cnyWorse = new BuyerLedger(List.of(paid("90000", 40),
                new Position("USD", new BigDecimal("1000"), BigDecimal.ZERO, AS_OF.minusDays(60), BigDecimal.ZERO,
                        AS_OF.minusDays(70), -10)));
        assertEquals(new BigDecimal("40.0"), cnyWorse.weightedDaysBeyondTerms(AS_OF));
        assertEquals(0, BigDecimal.ZERO.compareTo(cnyWorse.disputedShare()));
        // what is open in another currency than the limit's is told per currency, in the order of their codes
        assertEquals(List.of(Money.of("3000.00", "EUR"), Money.of("50000.00", "USD")),
                ledger.exposure("CNY", AS_OF).otherCurrencies());
    }

    @Test
    void emptyLedgerKnowsNothing() {
        var ledger = new BuyerLedger(List.of());
        assertNull(ledger.weightedDaysBeyondTerms(AS_OF));
        assertNull(ledger.disputedShare());
        assertFalse(ledger.tradedBefore());
        assertEquals(new Exposure(cny("0.00"), cny("0.00"), null), ledger.exposure("CNY", AS_OF));
    }

    @Test
    void exposureIsWhatIsOpenInTheLimitCurrencyOverdueFromTheDayAfterTheDueDate() {
        // open: 50,000 due 20 days ago, 8,000 of 10,000 due yesterday, 30,000 due today (not yet overdue),
        // 12,000 disputed and due in 10 days; paid in full: 90,000 (nothing open, its old due date does not
        // count); in USD: 5,000 due 45 days ago (not in the CNY sums, but the oldest overdue due date)
        var ledger = new BuyerLedger(List.of(paid("90000", 10), open("50000", AS_OF.minusDays(20), "0"),
                open("CNY", "10000", "8000", AS_OF.minusDays(1), "0"), open("30000", AS_OF, "0"),
                open("12000", AS_OF.plusDays(10), "12000"), open("USD", "5000", "5000", AS_OF.minusDays(45), "0")));
        Exposure owed = ledger.exposure("CNY", AS_OF);
        // 50,000 + 8,000 + 30,000 + 12,000 = 100,000 open; 50,000 + 8,000 = 58,000 overdue
        assertEquals(cny("100000.00"), owed.open());
        assertEquals(cny("58000.00"), owed.overdue());
        assertEquals(AS_OF.minusDays(45), owed.oldestOverdueDue());
        assertEquals(45, owed.maxDaysPastDue(AS_OF));
        assertTrue(ledger.tradedBefore());
        // the next day the 30,000 due today is 1 day overdue too: 88,000
        assertEquals(cny("88000.00"), ledger.exposure("CNY", AS_OF.plusDays(1)).overdue());
    }

    @Test
    void aBuyerWhoseInvoicesAreAllPaidOwesNothingButHasTraded() {
        var ledger = new BuyerLedger(List.of(paid("90000", 10), paid("10000", 0)));
        assertEquals(new Exposure(cny("0.00"), cny("0.00"), null), ledger.exposure("CNY", AS_OF));
        assertEquals(0, ledger.exposure("CNY", AS_OF).maxDaysPastDue(AS_OF));
        assertTrue(ledger.tradedBefore());
    }

    @Test
    void invoiceCreditedToNothingIsNeitherPaidNorOverdue() {
        // 50,000 due 30 days ago, fully credited (open 0, never paid): no settlement; the open overdue one counts
        var credited = new Position("CNY", new BigDecimal("50000"), BigDecimal.ZERO, AS_OF.minusDays(30),
                BigDecimal.ZERO, null, null);
        var ledger = new BuyerLedger(List.of(credited, open("20000", AS_OF.minusDays(5), "0"),
                open("10000", AS_OF, "0")));
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("20000"), 5)), ledger.settlements(AS_OF));
    }

    /**
     * A credit note is not a payment. 100,000 invoiced: 10,000 paid on the due date and 90,000 credited (a quality
     * dispute upheld); beside it 50,000 paid 60 days late. What was paid weighs: (10,000 x 0 + 50,000 x 60) / 60,000
     * = 50.0 days beyond terms (index 43), where the invoice's total counted the credited 90,000 as paid on time:
     * 3,000,000 / 150,000 = 20.0 (index 70 - 10 x 5/7 = 63; this said 72), 20 index points of payment behaviour the
     * buyer never showed.
     */
    @Test
    void aPaidInvoiceWeighsWhatWasPaidOfItNotWhatWasCredited() {
        var mostlyCredited = new Position("CNY", new BigDecimal("100000"), BigDecimal.ZERO, AS_OF.minusDays(90),
                new BigDecimal("90000"), AS_OF.minusDays(30), 0, null, null, new BigDecimal("90000"));
        assertEquals(new BigDecimal("10000"), mostlyCredited.paid());
        var ledger = new BuyerLedger(List.of(mostlyCredited, paid("50000", 60)));
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("10000"), 0),
                new PaymentIndex.Settlement(new BigDecimal("50000"), 60)), ledger.settlements(AS_OF));
        assertEquals(new BigDecimal("50.0"), ledger.weightedDaysBeyondTerms(AS_OF));
        assertEquals(43, PaymentIndex.of(ledger.weightedDaysBeyondTerms(AS_OF)));
        assertEquals(63, PaymentIndex.of(new BigDecimal("20.0")));
        // 1,243.00: 1,000.00 paid on the due date, 243.00 credited 60 days later: 1,000.00 paid on time
        var partCredited = new Position("CNY", new BigDecimal("1243.00"), BigDecimal.ZERO, AS_OF.minusDays(90),
                BigDecimal.ZERO, AS_OF.minusDays(30), 0, null, null, new BigDecimal("243.00"));
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("1000.00"), 0)),
                new BuyerLedger(List.of(partCredited)).settlements(AS_OF));
    }

    static Position writtenOff(String total, String amount, LocalDate due, LocalDate on) {
        return new Position("CNY", new BigDecimal(total), BigDecimal.ZERO, due, BigDecimal.ZERO, null, null,
                new BigDecimal(amount), on);
    }

    @Test
    void aWriteOffCountsAsNeverPaidWhateverDayItCame() {
        // 20,000 of a 30,000 invoice written off 40 days after its due date: counted as 180 days beyond terms,
        // the payment index's floor; beside 80,000 paid 10 days late: (800,000 + 3,600,000) / 100,000 = 44.0
        var ledger = new BuyerLedger(List.of(paid("80000", 10),
                writtenOff("30000", "20000", AS_OF.minusDays(50), AS_OF.minusDays(10))));
        assertEquals(new BigDecimal("44.0"), ledger.weightedDaysBeyondTerms(AS_OF));
        assertEquals(new Exposure(cny("0.00"), cny("0.00"), null), ledger.exposure("CNY", AS_OF));
        // written off 250 days after its due date: its own 250 days count
        var late = new BuyerLedger(List.of(writtenOff("5000", "5000", AS_OF.minusDays(300), AS_OF.minusDays(50))));
        assertEquals(new BigDecimal("250.0"), late.weightedDaysBeyondTerms(AS_OF));
        // exactly 180 days after: 180
        var atFloor = new BuyerLedger(List.of(writtenOff("5000", "5000", AS_OF.minusDays(200), AS_OF.minusDays(20))));
        assertEquals(new BigDecimal("180.0"), atFloor.weightedDaysBeyondTerms(AS_OF));
    }

    /**
     * 100,000 due 1 March 2026, 60,000 paid on 31 March (30 days late), the 40,000 left written off on 1 June: the paid
     * part weighs at its 30 days, the written-off part at 180: (1,800,000 + 7,200,000) / 100,000 = 90.0 days, payment
     * index 30. Before, only the 40,000 counted: 180.0 days, index 1, as if the buyer had never paid a thing.
     */
    @Test
    void aPartPaidInvoiceWrittenOffWeighsWhatWasPaidAtItsLatenessAndOnlyTheRestAsNeverPaid() {
        LocalDate due = LocalDate.of(2026, 3, 1);
        var partPaid = new Position("CNY", new BigDecimal("100000.00"), BigDecimal.ZERO, due, BigDecimal.ZERO, null,
                null, new BigDecimal("40000.00"), LocalDate.of(2026, 6, 1), BigDecimal.ZERO, new BigDecimal("60000.00"),
                30);
        var ledger = new BuyerLedger(List.of(partPaid));
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("60000.00"), 30),
                new PaymentIndex.Settlement(new BigDecimal("40000.00"), 180)), ledger.settlements(AS_OF));
        assertEquals(new BigDecimal("90.0"), ledger.weightedDaysBeyondTerms(AS_OF));
        assertEquals(30, PaymentIndex.of(ledger.weightedDaysBeyondTerms(AS_OF)));
        // told that nothing was paid (0), or not told at all (an event published before it): the write-off alone
        var nothingPaid = new Position("CNY", new BigDecimal("100000.00"), BigDecimal.ZERO, due, BigDecimal.ZERO, null,
                null, new BigDecimal("40000.00"), LocalDate.of(2026, 6, 1), BigDecimal.ZERO, BigDecimal.ZERO, 0);
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("40000.00"), 180)),
                new BuyerLedger(List.of(nothingPaid)).settlements(AS_OF));
        var notTold = writtenOff("100000.00", "40000.00", due, LocalDate.of(2026, 6, 1));
        assertEquals(new BigDecimal("180.0"), new BuyerLedger(List.of(notTold)).weightedDaysBeyondTerms(AS_OF));
    }

    /**
     * DOMAIN §4's claim: 100,000 unpaid (INV-1 60,000 due 1 March, INV-2 40,000 due 1 April), indemnity 72,000 paid by
     * the insurer on 1 July, oldest first: INV-1 settled by the insurer 122 days past due, INV-2 takes 12,000 and its
     * 28,000 is written off on 1 July; beside them INV-0, 100,000 the buyer paid on time. The buyer paid neither
     * INV-1 nor INV-2: 100,000 on time and 100,000 never paid, 90.0 days, payment index 30. Before, INV-1 weighed
     * 60,000 at 122 days as if the buyer had paid it and the insurer's 12,000 of INV-2 nowhere: 60,000 x 122 +
     * 28,000 x 180 over 188,000, 65.7 days, index 38.
     */
    @Test
    void whatTheInsurerPaidIsNeverPaidByTheBuyer() {
        LocalDate due1 = LocalDate.of(2026, 3, 1);
        LocalDate due2 = LocalDate.of(2026, 4, 1);
        LocalDate indemnityDay = LocalDate.of(2026, 7, 1);
        var onTime = new Position("CNY", new BigDecimal("100000.00"), BigDecimal.ZERO, due1, BigDecimal.ZERO, due1, 0);
        var settledByInsurer = new Position("CNY", new BigDecimal("60000.00"), BigDecimal.ZERO, due1, BigDecimal.ZERO,
                indemnityDay, 122, null, null, BigDecimal.ZERO, null, null, new BigDecimal("60000.00"));
        var insuredLoss = new Position("CNY", new BigDecimal("40000.00"), BigDecimal.ZERO, due2, BigDecimal.ZERO, null,
                null, new BigDecimal("28000.00"), indemnityDay, BigDecimal.ZERO, null, null, new BigDecimal("12000.00"));
        var ledger = new BuyerLedger(List.of(onTime, settledByInsurer, insuredLoss));
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("100000.00"), 0),
                new PaymentIndex.Settlement(new BigDecimal("60000.00"), 180),
                new PaymentIndex.Settlement(new BigDecimal("40000.00"), 180)), ledger.settlements(AS_OF));
        assertEquals(new BigDecimal("90.0"), ledger.weightedDaysBeyondTerms(AS_OF));
        assertEquals(30, PaymentIndex.of(ledger.weightedDaysBeyondTerms(AS_OF)));
    }

    /**
     * 100,000 due 1 March: the buyer paid 30,000 on 31 March (30 days past due), then insolvent; its insurer settled the
     * 70,000 left on 1 October, 214 days past due: 30,000 at 30 days and 70,000 never paid, at the 214 days it had
     * been due (more than 180): 158.8 days. Not 100,000 at 214 as the insurer's payment's day, nor at the buyer's 30.
     */
    @Test
    void anInvoiceTheInsurerSettledWeighsTheBuyersPartAtItsLatenessAndTheInsurersAsNeverPaid() {
        LocalDate due = LocalDate.of(2026, 3, 1);
        var settled = new Position("CNY", new BigDecimal("100000.00"), BigDecimal.ZERO, due, BigDecimal.ZERO,
                LocalDate.of(2026, 10, 1), 214, null, null, BigDecimal.ZERO, new BigDecimal("30000.00"), 30,
                new BigDecimal("70000.00"));
        var ledger = new BuyerLedger(List.of(settled));
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("30000.00"), 30),
                new PaymentIndex.Settlement(new BigDecimal("70000.00"), 214)), ledger.settlements(AS_OF));
        assertEquals(new BigDecimal("158.8"), ledger.weightedDaysBeyondTerms(AS_OF));
        // nothing the insurer paid (0 or not told): what the buyer paid of it, as before
        var byTheBuyer = new Position("CNY", new BigDecimal("100000.00"), BigDecimal.ZERO, due, BigDecimal.ZERO,
                LocalDate.of(2026, 3, 11), 10, null, null, BigDecimal.ZERO, null, null, BigDecimal.ZERO);
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("100000.00"), 10)),
                new BuyerLedger(List.of(byTheBuyer)).settlements(AS_OF));
        // settled by the insurer within 180 days, the buyer having paid nothing: never paid, 180
        var early = new Position("CNY", new BigDecimal("50000.00"), BigDecimal.ZERO, due, BigDecimal.ZERO,
                LocalDate.of(2026, 5, 30), 90, null, null, BigDecimal.ZERO, BigDecimal.ZERO, 0,
                new BigDecimal("50000.00"));
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("50000.00"), 180)),
                new BuyerLedger(List.of(early)).settlements(AS_OF));
    }

    @Test
    void theOldestOverdueDueDateIsLookedForInEveryCurrency() {
        var ledger = new BuyerLedger(List.of(paid("90000", 10), open("50000", AS_OF.minusDays(20), "0"),
                open("USD", "5000", "5000", AS_OF.minusDays(45), "0"), open("30000", AS_OF, "0")));
        assertEquals(AS_OF.minusDays(45), ledger.oldestOverdueDue(AS_OF));
        // due today is not overdue yet; nothing overdue: null
        assertNull(new BuyerLedger(List.of(open("30000", AS_OF, "0"), paid("100", 3))).oldestOverdueDue(AS_OF));
        // two due the same oldest day, and one in between
        assertEquals(AS_OF.minusDays(9), new BuyerLedger(List.of(open("1", AS_OF.minusDays(9), "0"),
                open("2", AS_OF.minusDays(3), "0"), open("3", AS_OF.minusDays(9), "0"))).oldestOverdueDue(AS_OF));
    }
}
