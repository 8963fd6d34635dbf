package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class HeldCreditTest {

    @Test
    void eachCurrencyOwedShowsTheCreditHeldInItAndNoneIsZero() {
        var held = new HeldCredit(Map.of("CNY", cny("2000.00")));
        assertEquals(cny("2000.00"), held.in(cny("5000.00")));
        assertEquals(Money.of("0.00", "USD"), held.in(Money.of("700.00", "USD")));
        assertEquals(cny("0.00"), HeldCredit.none().in(cny("1.00")));
    }

    @Test
    void aCurrencyWithCreditAndNothingOwedIsARowOfItsOwnAndAllAppliedCreditIsNone() {
        // 2,000.00 CNY held where 5,000.00 is owed; 1,000.00 USD and 300.00 EUR paid ahead; JPY all applied (0)
        var held = new HeldCredit(Map.of("CNY", cny("2000.00"), "USD", Money.of("1000.00", "USD"), "EUR",
                Money.of("300.00", "EUR"), "JPY", Money.of("0", "JPY")));
        assertEquals(List.of(Money.of("300.00", "EUR"), Money.of("1000.00", "USD")), held.onlyCredit(Set.of("CNY")));
        assertEquals(List.of(), held.onlyCredit(Set.of("CNY", "USD", "EUR")));
    }
}
