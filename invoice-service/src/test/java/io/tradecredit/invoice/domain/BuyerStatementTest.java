package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class BuyerStatementTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    static final LateChargeTerms TERMS = new LateChargeTerms(LateChargePolicy.DEFAULT, LateChargeTerms.Source.TENANT);

    static BuyerStatement.Line line(Money open, LateCharges due) {
        var none = LateCharges.zero(open.currency());
        return new BuyerStatement.Line(null, new LateChargeAccount(AS_OF, 30, open, open, due, none));
    }

    @Test
    void totalsAddOpenAmountsAndChargesPerCurrency() {
        var usd = Money.of("700.00", "USD");
        var s = BuyerStatement.of(UUID.randomUUID(), AS_OF.minusDays(29), AS_OF, TERMS, List.of(
                line(cny("6000.00"), new LateCharges(cny("110.00"), cny("180.00"))),
                line(usd, LateCharges.zero(usd.currency())),
                line(cny("10000.00"), new LateCharges(cny("0.00"), cny("0.00")))), List.of());
        assertEquals(List.of("CNY", "USD"), s.totals().stream().map(BuyerStatement.Total::currency).toList());
        BuyerStatement.Total cnyTotal = s.totals().get(0);
        assertEquals(2, cnyTotal.invoices());
        assertEquals(cny("16000.00"), cnyTotal.open());
        assertEquals(cny("290.00"), cnyTotal.chargesDue().total());
        assertEquals(cny("16290.00"), cnyTotal.totalDue());
        assertEquals(usd, s.totals().get(1).totalDue());
    }

    @Test
    void anInvoicePaidLateStaysOnTheStatementWhileItsChargesAreDue() {
        var s = BuyerStatement.of(UUID.randomUUID(), AS_OF.minusDays(29), AS_OF, TERMS, List.of(
                line(cny("0.00"), new LateCharges(cny("2.50"), cny("0.00"))),
                line(cny("0.00"), new LateCharges(cny("0.00"), cny("0.00"))),
                line(cny("0.00"), new LateCharges(cny("0.00"), cny("30.00")))), List.of());
        assertEquals(2, s.invoices().size());
        assertEquals(2, s.totals().get(0).invoices());
        assertEquals(cny("32.50"), s.totals().get(0).totalDue());
    }

    @Test
    void aBuyerWithNothingOpenHasNoTotals() {
        assertEquals(List.of(), BuyerStatement.of(UUID.randomUUID(), AS_OF, AS_OF, TERMS, List.of(), List.of()).totals());
    }
}
