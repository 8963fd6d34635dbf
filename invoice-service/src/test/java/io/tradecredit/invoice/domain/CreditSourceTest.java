package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** A buyer's credit spent oldest first, whether it came from an overpayment or an upheld dispute's credit note. */
class CreditSourceTest {
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final OffsetDateTime NINE = OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static CreditSource source(CreditSource.Kind kind, LocalDate arose, OffsetDateTime at, String remaining) {
        return new CreditSource(kind, UUID.randomUUID(), arose, at, cny(remaining));
    }

    static List<String> taken(List<CreditSource.Spent> spent) {
        return spent.stream().map(s -> s.amount().amount().toPlainString()).toList();
    }

    @Test
    void creditIsSpentFromTheOldestSourceFirstWhateverItsKind() {
        CreditSource note = source(CreditSource.Kind.CREDIT_NOTE, NOV_1.plusDays(5), NINE, "100.00");
        CreditSource payment = source(CreditSource.Kind.PAYMENT, NOV_1, NINE.plusDays(20), "100.00");
        CreditSource later = source(CreditSource.Kind.PAYMENT, NOV_1.plusDays(9), NINE, "200.00");
        // 250.00: the payment received on 1 Nov, then the note of 6 Nov, then 50.00 of the payment of 10 Nov
        List<CreditSource.Spent> spent = CreditSource.spend(List.of(later, note, payment), cny("250.00"));
        assertEquals(List.of(payment, note, later), spent.stream().map(CreditSource.Spent::source).toList());
        assertEquals(List.of("100.00", "100.00", "50.00"), taken(spent));
    }

    @Test
    void onTheSameDayTheSourceRecordedFirstGoesFirstAndNothingIsTakenFromTheRest() {
        CreditSource second = source(CreditSource.Kind.PAYMENT, NOV_1, NINE.plusMinutes(1), "80.00");
        CreditSource first = source(CreditSource.Kind.CREDIT_NOTE, NOV_1, NINE, "80.00");
        List<CreditSource.Spent> spent = CreditSource.spend(List.of(second, first), cny("80.00"));
        assertEquals(List.of(first), spent.stream().map(CreditSource.Spent::source).toList());
        assertEquals(List.of("80.00"), taken(spent));
    }

    @Test
    void aPaymentsCreditIsItsRemainingCreditFromTheDayItWasReceived() {
        Payment p = Payment.post("acme", UUID.randomUUID(), new NewPayment(UUID.randomUUID(), cny("1000.00"), NOV_1,
                "BANK-1", null), cny("100.00"), NINE, "finance-user");
        assertEquals(new CreditSource(CreditSource.Kind.PAYMENT, p.id, NOV_1, NINE, cny("100.00")), CreditSource.of(p));
    }

    @Test
    void spendingMoreCreditThanTheSourcesHoldIsAnInconsistency() {
        CreditSource only = source(CreditSource.Kind.CREDIT_NOTE, NOV_1, NINE, "100.00");
        assertThrows(IllegalStateException.class, () -> CreditSource.spend(List.of(only), cny("100.01")));
        assertEquals(List.of("100.00"), taken(CreditSource.spend(List.of(only), cny("100.00"))));
    }
}
