package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.credit.domain.BuyerLedger.Position;

class BuyerLedgerTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    static Position paid(String total, int daysLate) {
        return new Position(new BigDecimal(total), BigDecimal.ZERO, AS_OF.minusDays(60), BigDecimal.ZERO,
                AS_OF.minusDays(60 - daysLate), daysLate);
    }

    static Position open(String amount, LocalDate due, String disputed) {
        return new Position(new BigDecimal(amount), new BigDecimal(amount), due, new BigDecimal(disputed), null, null);
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

    @Test
    void emptyLedgerKnowsNothing() {
        var ledger = new BuyerLedger(List.of());
        assertNull(ledger.weightedDaysBeyondTerms(AS_OF));
        assertNull(ledger.disputedShare());
    }

    @Test
    void invoiceCreditedToNothingIsNeitherPaidNorOverdue() {
        // 50,000 due 30 days ago, fully credited (open 0, never paid): no settlement; the open overdue one counts
        var credited = new Position(new BigDecimal("50000"), BigDecimal.ZERO, AS_OF.minusDays(30), BigDecimal.ZERO, null,
                null);
        var ledger = new BuyerLedger(List.of(credited, open("20000", AS_OF.minusDays(5), "0"),
                open("10000", AS_OF, "0")));
        assertEquals(List.of(new PaymentIndex.Settlement(new BigDecimal("20000"), 5)), ledger.settlements(AS_OF));
    }
}
