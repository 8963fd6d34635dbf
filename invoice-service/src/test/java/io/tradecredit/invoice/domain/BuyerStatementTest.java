package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
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

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T09:00:00Z");

    static StatementEntry paid(UUID invoice, String number, String amount, LocalDate on, UUID reference, int minute) {
        return StatementEntry.of(new LedgerEntry(UUID.randomUUID(), "t", null, invoice, LedgerEntry.Kind.PAYMENT,
                cny(amount), on, reference, null, AT.plusMinutes(minute), "finance"), number);
    }

    static StatementEntry moved(CreditMovement.Kind kind, String amount, LocalDate on, UUID reference, int minute,
            LocalDate received) {
        return StatementEntry.of(new CreditMovement(UUID.randomUUID(), "t", null, kind, cny(amount), cny("0.00"),
                reference, on, AT.plusMinutes(minute), "finance"), received, null);
    }

    @Test
    void moneyKeptAsCreditAppliedAndReversedIsOnTheStatementSoItsEntriesReconcileWithTheTotals() {
        // 10,000.00 and 5,000.00 invoiced; 12,000.00 paid on the first: 10,000.00 on it, 2,000.00 kept as credit;
        // 500.00 kept whole on 12-05 and reversed on 12-20 (it bounced: never paid, so on 12-05 both);
        // 1,500.00 of the credit applied to the second invoice on 12-22: 3,500.00 open, 500.00 held
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        UUID bounced = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        LocalDate paidOn = LocalDate.of(2026, 12, 1);
        LocalDate bouncedOn = LocalDate.of(2026, 12, 5);
        LocalDate appliedOn = LocalDate.of(2026, 12, 22);
        var entries = List.of(
                moved(CreditMovement.Kind.APPLIED, "-1500.00", appliedOn, application, 40, null),
                paid(second, "INV-2", "1500.00", appliedOn, application, 40),
                moved(CreditMovement.Kind.PAYMENT_REVERSED, "-500.00", LocalDate.of(2026, 12, 20), bounced, 30, bouncedOn),
                moved(CreditMovement.Kind.OVERPAYMENT, "500.00", bouncedOn, bounced, 20, null),
                moved(CreditMovement.Kind.OVERPAYMENT, "2000.00", paidOn, payment, 10, null),
                paid(first, "INV-1", "10000.00", paidOn, payment, 10));
        var s = BuyerStatement.of(UUID.randomUUID(), paidOn, AS_OF, TERMS,
                List.of(line(cny("3500.00"), LateCharges.zero(cny("0").currency()))), entries,
                new HeldCredit(Map.of("CNY", cny("500.00"))));

        assertEquals(List.of(StatementEntry.Kind.PAYMENT, StatementEntry.Kind.CREDIT_KEPT, StatementEntry.Kind.CREDIT_KEPT,
                StatementEntry.Kind.CREDIT_REVERSED, StatementEntry.Kind.PAYMENT, StatementEntry.Kind.CREDIT_APPLIED),
                s.entries().stream().map(StatementEntry::kind).toList());
        assertEquals(List.of(paidOn, paidOn, bouncedOn, bouncedOn, appliedOn, appliedOn),
                s.entries().stream().map(StatementEntry::effectiveDate).toList());
        assertEquals(List.of(cny("10000.00"), cny("2000.00"), cny("500.00"), cny("-500.00"), cny("1500.00"),
                cny("-1500.00")), s.entries().stream().map(StatementEntry::amount).toList());
        assertEquals(List.of(payment, payment, bounced, bounced, application, application),
                s.entries().stream().map(StatementEntry::referenceId).toList());
        assertEquals(Arrays.asList(first, null, null, null, second, null),
                s.entries().stream().map(StatementEntry::invoiceId).toList());
        // the credit entries add up to the credit held; what was invoiced less all the entries is the balance
        Money credit = s.entries().stream().filter(StatementEntry::isCredit).map(StatementEntry::amount)
                .reduce(cny("0.00"), Money::plus);
        assertEquals(s.totals().get(0).credit(), credit);
        Money entered = s.entries().stream().map(StatementEntry::amount).reduce(cny("0.00"), Money::plus);
        assertEquals(s.totals().get(0).balance(), cny("15000.00").minus(entered));
        assertEquals(cny("3000.00"), s.totals().get(0).balance());
    }

    @Test
    void withoutCreditTheBalanceIsWhatIsDue() {
        var s = BuyerStatement.of(UUID.randomUUID(), AS_OF, AS_OF, TERMS,
                List.of(line(cny("500.00"), new LateCharges(cny("2.50"), cny("0.00")))), List.of());
        assertEquals(cny("0.00"), s.totals().get(0).credit());
        assertEquals(cny("502.50"), s.totals().get(0).balance());
    }

    @Test
    void eachTotalOpensWithTheBalanceOfTheDayBeforeThePeriod() {
        // on 11-30: 10,000.00 CNY owed; 300.00 USD owed; 200.00 GBP owed and 200.00 GBP held (a balance of 0.00)
        var dayBefore = BuyerStatement.of(UUID.randomUUID(), AS_OF.minusDays(31), AS_OF.minusDays(30), TERMS,
                List.of(line(cny("10000.00"), LateCharges.zero(cny("0").currency())),
                        line(Money.of("300.00", "USD"), LateCharges.zero(Money.of("0", "USD").currency())),
                        line(Money.of("200.00", "GBP"), LateCharges.zero(Money.of("0", "GBP").currency()))),
                List.of(), new HeldCredit(Map.of("GBP", Money.of("200.00", "GBP"))));
        // in December 5,000.00 CNY invoiced and 6,000.00 paid: 9,000.00 owed; the USD paid; 100.00 EUR paid ahead
        var s = BuyerStatement.of(UUID.randomUUID(), AS_OF.minusDays(29), AS_OF, TERMS,
                List.of(line(cny("9000.00"), LateCharges.zero(cny("0").currency()))), List.of(),
                new HeldCredit(Map.of("EUR", Money.of("100.00", "EUR")))).withOpening(dayBefore);
        assertEquals(List.of("CNY", "EUR", "USD"), s.totals().stream().map(BuyerStatement.Total::currency).toList());
        // 10,000.00 + 5,000.00 - 6,000.00 = 9,000.00
        assertEquals(cny("10000.00"), s.totals().get(0).openingBalance());
        assertEquals(cny("9000.00"), s.totals().get(0).balance());
        assertEquals(1, s.totals().get(0).invoices());
        // nothing held or owed in EUR before: 0.00 + 0.00 - 100.00 = -100.00
        assertEquals(Money.of("0.00", "EUR"), s.totals().get(1).openingBalance());
        assertEquals(Money.of("-100.00", "EUR"), s.totals().get(1).balance());
        // USD owed before, all paid: a total of no invoices, 300.00 + 0.00 - 300.00 = 0.00
        BuyerStatement.Total usd = s.totals().get(2);
        assertEquals(new BuyerStatement.Total("USD", 0, Money.of("0.00", "USD"),
                LateCharges.zero(Money.of("0", "USD").currency()), Money.of("0.00", "USD"), Money.of("0.00", "USD"),
                Money.of("0.00", "USD"), Money.of("300.00", "USD")), usd);
        // the GBP balance was 0.00 and nothing is owed or held now: no total
        // without a statement of the day before (nothing owed then), every total opens at 0.00
        var fresh = BuyerStatement.of(UUID.randomUUID(), AS_OF.minusDays(29), AS_OF, TERMS,
                List.of(line(cny("9000.00"), LateCharges.zero(cny("0").currency()))), List.of());
        assertEquals(cny("0.00"), fresh.totals().get(0).openingBalance());
        var opened = fresh.withOpening(BuyerStatement.of(UUID.randomUUID(), AS_OF, AS_OF, TERMS, List.of(), List.of()));
        assertEquals(List.of(cny("0.00")), opened.totals().stream().map(BuyerStatement.Total::openingBalance).toList());
        assertEquals(fresh.entries(), opened.entries());
        assertEquals(fresh.invoices(), opened.invoices());
        assertEquals(fresh.from(), opened.from());
    }

    @Test
    void aBuyerWithNothingOpenHasNoTotals() {
        assertEquals(List.of(), BuyerStatement.of(UUID.randomUUID(), AS_OF, AS_OF, TERMS, List.of(), List.of()).totals());
    }
}
