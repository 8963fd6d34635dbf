package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.PaidInFullTest.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** What the buyer paid of an invoice before its rest was written off: 100,000.00 due 1 March 2026. */
class PaidByBuyerTest {
    static final LocalDate DUE = LocalDate.of(2026, 3, 1);
    static final LocalDate WRITE_OFF_DAY = LocalDate.of(2026, 6, 1);

    @Test
    void sixtyThousandPaidThirtyDaysLateBeforeTheRestIsWrittenOff() {
        var paid = PaidByBuyer.of(List.of(
                entry(LedgerEntry.Kind.PAYMENT, UUID.randomUUID(), LocalDate.of(2026, 3, 31), "60000.00"),
                entry(LedgerEntry.Kind.WRITE_OFF, null, WRITE_OFF_DAY, "40000.00")), Set.of());
        assertEquals(Money.of("60000.00", "CNY"), paid.amount());
        assertEquals(LocalDate.of(2026, 3, 31), paid.lastPaidOn());
        assertEquals(30, paid.daysPastDue(DUE));
    }

    @Test
    void everyPaymentStandingAddsUpToTheLastOnesDayAndABouncedOneNeverPaid() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID bounced = UUID.randomUUID();
        var paid = PaidByBuyer.of(List.of(
                entry(LedgerEntry.Kind.PAYMENT, second, LocalDate.of(2026, 3, 21), "20000.00"),
                entry(LedgerEntry.Kind.PAYMENT, first, LocalDate.of(2026, 2, 25), "30000.00"),
                entry(LedgerEntry.Kind.PAYMENT, bounced, LocalDate.of(2026, 4, 10), "10000.00"),
                entry(LedgerEntry.Kind.PAYMENT_REVERSAL, bounced, LocalDate.of(2026, 4, 10), "-10000.00"),
                entry(LedgerEntry.Kind.CREDIT_NOTE, UUID.randomUUID(), LocalDate.of(2026, 4, 20), "5000.00")), Set.of());
        assertEquals(Money.of("50000.00", "CNY"), paid.amount());
        assertEquals(LocalDate.of(2026, 3, 21), paid.lastPaidOn());
        assertEquals(20, paid.daysPastDue(DUE));
    }

    @Test
    void paidByTheDueDateIsZeroDaysPastDueNotNegative() {
        var paid = PaidByBuyer.of(List.of(
                entry(LedgerEntry.Kind.PAYMENT, UUID.randomUUID(), LocalDate.of(2026, 2, 20), "60000.00")), Set.of());
        assertEquals(0, paid.daysPastDue(DUE));
        assertEquals(0, PaidByBuyer.of(List.of(entry(LedgerEntry.Kind.PAYMENT, UUID.randomUUID(), DUE, "1.00")),
                Set.of()).daysPastDue(DUE));
    }

    @Test
    void theInsurersIndemnityIsNotTheBuyerPayingAndNothingStandingIsNothingPaid() {
        UUID insurer = UUID.randomUUID();
        UUID bounced = UUID.randomUUID();
        assertNull(PaidByBuyer.of(List.of(
                entry(LedgerEntry.Kind.PAYMENT, insurer, LocalDate.of(2026, 7, 1), "72000.00"),
                entry(LedgerEntry.Kind.PAYMENT, bounced, LocalDate.of(2026, 3, 5), "10000.00"),
                entry(LedgerEntry.Kind.PAYMENT_REVERSAL, bounced, LocalDate.of(2026, 3, 5), "-10000.00"),
                entry(LedgerEntry.Kind.WRITE_OFF, null, LocalDate.of(2026, 7, 1), "28000.00")), Set.of(insurer)));
        var beside = PaidByBuyer.of(List.of(
                entry(LedgerEntry.Kind.PAYMENT, UUID.randomUUID(), LocalDate.of(2026, 3, 11), "10000.00"),
                entry(LedgerEntry.Kind.PAYMENT, insurer, LocalDate.of(2026, 7, 1), "63000.00")), Set.of(insurer));
        assertEquals(Money.of("10000.00", "CNY"), beside.amount());
        assertEquals(10, beside.daysPastDue(DUE));
    }

    /**
     * What the insurer paid is told apart: 100,000.00 claimed, the insurer's 72,000.00 on 1 July and 28,000.00 written
     * off: 72,000.00, none of it the buyer's; an insurer's payment reversed never paid; the buyer's payments are not
     * the insurer's; nothing of the insurer standing is null.
     */
    @Test
    void whatTheInsurersIndemnityPaidIsToldApart() {
        UUID insurer = UUID.randomUUID();
        UUID buyersPayment = UUID.randomUUID();
        var entries = List.of(
                entry(LedgerEntry.Kind.PAYMENT, buyersPayment, LocalDate.of(2026, 3, 11), "10000.00"),
                entry(LedgerEntry.Kind.PAYMENT, insurer, LocalDate.of(2026, 7, 1), "62000.00"),
                entry(LedgerEntry.Kind.WRITE_OFF, null, LocalDate.of(2026, 7, 1), "28000.00"));
        assertEquals(Money.of("62000.00", "CNY"), PaidByBuyer.insurersPart(entries, Set.of(insurer)));
        assertEquals(Money.of("72000.00", "CNY"), PaidByBuyer.insurersPart(entries, Set.of(insurer, buyersPayment)));
        assertNull(PaidByBuyer.insurersPart(entries, Set.of()));
        UUID reversed = UUID.randomUUID();
        assertNull(PaidByBuyer.insurersPart(List.of(
                entry(LedgerEntry.Kind.PAYMENT, reversed, LocalDate.of(2026, 7, 1), "72000.00"),
                entry(LedgerEntry.Kind.PAYMENT_REVERSAL, reversed, LocalDate.of(2026, 7, 1), "-72000.00"),
                entry(LedgerEntry.Kind.CREDIT_NOTE, insurer, LocalDate.of(2026, 7, 2), "5000.00")), Set.of(reversed, insurer)));
    }
}
