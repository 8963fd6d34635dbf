package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    void theCreditTheBuyerHoldsIsShownBesideWhatItOwesAndTheBalanceIsWhatIsDueLessIt() {
        // 5,000.00 owed with 290.00 of charges, 2,000.00 of the buyer's overpayment held: 5,290.00 - 2,000.00 = 3,290.00;
        // 1,000.00 USD paid ahead of any invoice: nothing owed, a balance of -1,000.00 (the tenant owes it);
        // a currency whose credit was all applied (0.00 JPY) adds no total
        var s = BuyerStatement.of(UUID.randomUUID(), AS_OF.minusDays(29), AS_OF, TERMS,
                List.of(line(cny("5000.00"), new LateCharges(cny("110.00"), cny("180.00")))), List.of(),
                new HeldCredit(Map.of("CNY", cny("2000.00"), "USD", Money.of("1000.00", "USD"), "JPY", Money.of("0", "JPY"))));
        assertEquals(List.of("CNY", "USD"), s.totals().stream().map(BuyerStatement.Total::currency).toList());
        BuyerStatement.Total cnyTotal = s.totals().get(0);
        assertEquals(cny("5290.00"), cnyTotal.totalDue());
        assertEquals(cny("2000.00"), cnyTotal.credit());
        assertEquals(cny("3290.00"), cnyTotal.balance());
        BuyerStatement.Total usd = s.totals().get(1);
        assertEquals(0, usd.invoices());
        assertEquals(Money.of("0.00", "USD"), usd.open());
        assertEquals(Money.of("0.00", "USD"), usd.chargesDue().total());
        assertEquals(Money.of("0.00", "USD"), usd.totalDue());
        assertEquals(Money.of("1000.00", "USD"), usd.credit());
        assertEquals(Money.of("-1000.00", "USD"), usd.balance());
        // more credit than owed: the balance turns negative
        var more = BuyerStatement.of(UUID.randomUUID(), AS_OF, AS_OF, TERMS,
                List.of(line(cny("500.00"), LateCharges.zero(cny("0").currency()))), List.of(),
                new HeldCredit(Map.of("CNY", cny("2000.00"))));
        assertEquals(cny("-1500.00"), more.totals().get(0).balance());
    }

    @Test
    void withoutCreditTheBalanceIsWhatIsDue() {
        var s = BuyerStatement.of(UUID.randomUUID(), AS_OF, AS_OF, TERMS,
                List.of(line(cny("500.00"), new LateCharges(cny("2.50"), cny("0.00")))), List.of());
        assertEquals(cny("0.00"), s.totals().get(0).credit());
        assertEquals(cny("502.50"), s.totals().get(0).balance());
    }

    @Test
    void aBuyerWithNothingOpenHasNoTotals() {
        assertEquals(List.of(), BuyerStatement.of(UUID.randomUUID(), AS_OF, AS_OF, TERMS, List.of(), List.of()).totals());
    }
}
