package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.HandOffRule.Mode;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class HandOffRuleTest {
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency USD = Currency.getInstance("USD");

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static List<String> fields(Runnable r) {
        return assertThrows(DomainError.class, r::run).violations().stream().map(Violation::field).toList();
    }

    /** From 45 days past due, and only for at least 20,000.00 CNY overdue. */
    static final HandOffRule FROM_45_DAYS = new HandOffRule(Mode.DAYS_PAST_DUE, 45, CurrencyThresholds.of(cny("20000.00")));

    @Test
    void daysPastDueRuleTakesABuyerFromItsThresholdDayWhenTheFloorIsReached() {
        assertFalse(FROM_45_DAYS.qualifies(44, cny("50000.00")));
        assertTrue(FROM_45_DAYS.qualifies(45, cny("20000.00")));
        assertTrue(FROM_45_DAYS.qualifies(46, cny("20000.01")));
        assertFalse(FROM_45_DAYS.qualifies(90, cny("19999.99")));
        // no floor in USD: the days decide
        assertTrue(FROM_45_DAYS.qualifies(45, Money.of("1.00", "USD")));
        assertFalse(FROM_45_DAYS.qualifies(45, cny("0.00")), "nothing overdue is never handed over");
    }

    @Test
    void minimumAmountRuleIgnoresTheDaysAndCurrenciesWithoutAnAmount() {
        HandOffRule big = new HandOffRule(Mode.MINIMUM_AMOUNT, null, CurrencyThresholds.of(cny("100000.00")));
        assertTrue(big.qualifies(1, cny("100000.00")));
        assertTrue(big.qualifies(0, cny("100000.01")));
        assertFalse(big.qualifies(400, cny("99999.99")));
        assertFalse(big.qualifies(400, Money.of("500000.00", "USD")));
    }

    static DunningItem item(java.time.LocalDate due, String open, String disputed) {
        return new DunningItem(due.toString(), due, cny(open), cny(disputed), false, null, Set.of());
    }

    @Test
    void theOldestOverdueInvoiceWithSomethingCollectibleGivesTheDaysPastDue() {
        java.time.LocalDate may31 = java.time.LocalDate.of(2026, 5, 31);
        // due 1 April: 60 days; due 1 March but wholly disputed: does not count; due 31 May: not overdue yet
        List<DunningItem> items = List.of(item(may31.minusDays(60), "100.00", "0.00"),
                item(may31.minusDays(91), "500.00", "500.00"), item(may31, "900.00", "0.00"));
        assertEquals(60, HandOffRule.oldestDaysPastDue(items, may31));
        assertEquals(1, HandOffRule.oldestDaysPastDue(List.of(item(may31, "900.00", "0.00")), may31.plusDays(1)));
        assertEquals(0, HandOffRule.oldestDaysPastDue(List.of(item(may31, "900.00", "0.00")), may31));
        assertEquals(0, HandOffRule.oldestDaysPastDue(List.of(), may31));
    }

    @Test
    void manualOnlyNeverHandsOverByItself() {
        assertFalse(HandOffRule.MANUAL_ONLY.qualifies(999, cny("1000000.00")));
        assertEquals(CurrencyThresholds.NONE, new HandOffRule(Mode.MANUAL, null, null).minimumOverdue());
    }

    @Test
    void everyInconsistentPartOfARuleIsNamed() {
        assertEquals(List.of("handOff.mode"), new HandOffRule(null, 3, null).violations("handOff").stream()
                .map(Violation::field).toList());
        assertEquals(List.of("handOff.daysPastDue"), new HandOffRule(Mode.DAYS_PAST_DUE, null, null).violations("handOff")
                .stream().map(Violation::field).toList());
        assertEquals(1, new HandOffRule(Mode.DAYS_PAST_DUE, 0, null).violations("h").size());
        assertEquals(0, new HandOffRule(Mode.DAYS_PAST_DUE, 1, null).violations("h").size());
        assertEquals(0, new HandOffRule(Mode.DAYS_PAST_DUE, HandOffRule.MAX_DAYS, null).violations("h").size());
        assertEquals(1, new HandOffRule(Mode.DAYS_PAST_DUE, HandOffRule.MAX_DAYS + 1, null).violations("h").size());
        assertEquals(List.of("h.daysPastDue", "h.minimumOverdue"), new HandOffRule(Mode.MINIMUM_AMOUNT, 30, null)
                .violations("h").stream().map(Violation::field).toList());
        assertEquals(List.of("h.daysPastDue", "h.minimumOverdue"),
                new HandOffRule(Mode.MANUAL, 30, CurrencyThresholds.of(cny("1.00"))).violations("h").stream()
                        .map(Violation::field).toList());
        assertEquals(List.of("h.minimumOverdue[1].currency", "h.minimumOverdue[2].amount"),
                new HandOffRule(Mode.MINIMUM_AMOUNT, null,
                        CurrencyThresholds.of(cny("1.00"), cny("2.00"), Money.of("-1.00", "USD")))
                        .violations("h").stream().map(Violation::field).toList());
    }

    @Test
    void aContractNamesItsRuleProblemsAndAMinimumInACurrencyItDoesNotCollect() {
        assertEquals(List.of("handOff"), fields(() -> new AgencyContract("a1", BigDecimal.TEN, Set.of(CNY), null)));
        assertEquals(List.of("handOff.daysPastDue", "handOff.minimumOverdue[0].currency"),
                fields(() -> new AgencyContract("a1", BigDecimal.TEN, Set.of(CNY),
                        new HandOffRule(Mode.DAYS_PAST_DUE, null, CurrencyThresholds.of(Money.of("5.00", "USD"))))));
        assertEquals(List.of("currencies", "handOff.mode"),
                fields(() -> new AgencyContract("a1", BigDecimal.TEN, null, new HandOffRule(null, null, null))));
        assertEquals(List.of("currencies"), fields(() -> new AgencyContract("a1", BigDecimal.TEN, null,
                new HandOffRule(Mode.MINIMUM_AMOUNT, null, CurrencyThresholds.of(cny("1.00"))))));
        assertEquals(HandOffRule.MANUAL_ONLY, new AgencyContract("a1", BigDecimal.TEN, Set.of(CNY)).handOff());
    }

    @Test
    void theRunChoosesTheCheapestAgencyThatTakesTheBuyerInACurrencyItCollects() {
        AgencyContract huaxin = new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD),
                new HandOffRule(Mode.DAYS_PAST_DUE, 30, null));
        AgencyContract cheap = new AgencyContract("cheap", new BigDecimal("10"), Set.of(USD),
                new HandOffRule(Mode.DAYS_PAST_DUE, 30, null));
        AgencyContract alsoCheap = new AgencyContract("also-cheap", new BigDecimal("10"), Set.of(CNY),
                new HandOffRule(Mode.DAYS_PAST_DUE, 60, null));
        AgencyContract manual = new AgencyContract("manual", new BigDecimal("1"), Set.of(CNY));
        List<AgencyContract> all = List.of(huaxin, cheap, alsoCheap, manual);
        // 40 days, CNY only: cheap collects no CNY, also-cheap waits for 60 days, manual never
        assertEquals(Optional.of(huaxin), AgencyContract.chooseFor(all, List.of(owed(cny("5000.00"), 40))));
        // 40 days with USD too: cheap takes it for 10%
        assertEquals(Optional.of(cheap), AgencyContract.chooseFor(all, List.of(owed(cny("5000.00"), 40),
                owed(Money.of("1.00", "USD"), 40))));
        // 60 days, both currencies: two at 10%, the code decides
        assertEquals(Optional.of(alsoCheap), AgencyContract.chooseFor(all, List.of(owed(cny("5000.00"), 60),
                owed(Money.of("1.00", "USD"), 60))));
        assertEquals(Optional.empty(), AgencyContract.chooseFor(all, List.of(owed(cny("5000.00"), 29))));
        assertFalse(huaxin.takes(List.of(owed(Money.of("9.00", "EUR"), 40))));
    }

    static HandOffRule.Overdue owed(Money amount, int days) {
        return new HandOffRule.Overdue(amount, days);
    }

    /**
     * A buyer owing 100.00 USD for 200 days and 50,000.00 CNY for 5 days (on 31 May 2026): a CNY agency taking cases
     * from 90 days past due does not take it (its CNY is 5 days past due; until session 29 the USD invoice's 200 days
     * were taken for the CNY debt's), a USD agency from 90 days does; with a floor of 1,000.00 USD it does not either
     * (the 50,000.00 CNY is not a USD balance).
     */
    @Test
    void eachCurrencyIsJudgedOnItsOwnBalanceAndItsOwnDaysPastDue() {
        java.time.LocalDate may31 = java.time.LocalDate.of(2026, 5, 31);
        List<DunningItem> items = List.of(
                new DunningItem("usd", may31.minusDays(200), Money.of("100.00", "USD"), Money.of("0.00", "USD"), false, null, Set.of()),
                item(may31.minusDays(5), "50000.00", "0.00"), item(may31.plusDays(3), "7000.00", "0.00"));
        List<HandOffRule.Overdue> overdue = HandOffRule.Overdue.of(items, may31);
        assertEquals(List.of(owed(Money.of("100.00", "USD"), 200), owed(cny("50000.00"), 5)), overdue);
        HandOffRule from90 = new HandOffRule(Mode.DAYS_PAST_DUE, 90, null);
        AgencyContract yuan = new AgencyContract("yuan", BigDecimal.TEN, Set.of(CNY), from90);
        AgencyContract dollars = new AgencyContract("dollars", new BigDecimal("20"), Set.of(USD), from90);
        AgencyContract bigDollars = new AgencyContract("big-dollars", BigDecimal.ONE, Set.of(USD),
                new HandOffRule(Mode.DAYS_PAST_DUE, 90, CurrencyThresholds.of(Money.of("1000.00", "USD"))));
        assertFalse(yuan.takes(overdue));
        assertTrue(dollars.takes(overdue));
        assertFalse(bigDollars.takes(overdue));
        assertEquals(Optional.of(dollars), AgencyContract.chooseFor(List.of(yuan, dollars, bigDollars), overdue));
        assertEquals(List.of(), HandOffRule.Overdue.of(items, may31.minusDays(201)));
    }

    /**
     * A collector's hand-off: an agency collecting USD has nothing to collect of a buyer owing 10,000.00 CNY overdue
     * (its CNY payments would never earn its fee); owing 1.00 USD too, it has; nothing owed overdue, nothing to collect.
     */
    @Test
    void anAgencyHasSomethingToCollectOnlyInACurrencyItCollects() {
        AgencyContract dollars = new AgencyContract("dollars", new BigDecimal("12"), Set.of(USD));
        assertFalse(dollars.collectsAnyOf(List.of(cny("10000.00"))));
        assertTrue(dollars.collectsAnyOf(List.of(cny("10000.00"), Money.of("1.00", "USD"))));
        assertFalse(dollars.collectsAnyOf(List.of(cny("10000.00"), Money.of("0.00", "USD"))));
        assertFalse(dollars.collectsAnyOf(List.of()));
        assertTrue(new AgencyContract("both", new BigDecimal("12"), Set.of(CNY, USD)).collectsAnyOf(List.of(cny("0.01"))));
    }
}
