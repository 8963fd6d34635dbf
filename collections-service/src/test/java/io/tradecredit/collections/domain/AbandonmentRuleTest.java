package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class AbandonmentRuleTest {
    /** 150 CNY per step, 3 more steps, a 20% agency fee: 450 CNY plus a fifth of the debt. */
    static final AbandonmentRule TENANT = new AbandonmentRule(CurrencyThresholds.of(Money.of("150.00", "CNY")), 3,
            new BigDecimal("20"));

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void workedExampleFiveHundredYuanCostsFiveHundredFiftyToCollectSoItIsAbandoned() {
        // 150 x 3 + 20% of 500 = 450 + 100 = 550 > 500
        assertEquals(cny("550.00"), TENANT.expectedCost(cny("500.00")));
        AbandonmentRule.Judgement j = TENANT.requireWorthAbandoning(List.of(cny("500.00"))).get(0);
        assertEquals(cny("500.00"), j.overdue());
        assertEquals(cny("550.00"), j.expectedCost());
        assertTrue(j.worthAbandoning());
    }

    @Test
    void workedExampleSixHundredYuanIsWorthCollectingAndTheBreakEvenIsToo() {
        // 450 + 120 = 570 < 600
        assertEquals(cny("570.00"), TENANT.expectedCost(cny("600.00")));
        DomainError e = assertThrows(DomainError.class, () -> TENANT.requireWorthAbandoning(List.of(cny("600.00"))));
        assertEquals(DomainError.Kind.UNPROCESSABLE, e.kind());
        assertEquals("abandonment.worth-collecting", e.code());
        assertEquals("overdue.CNY", e.violations().get(0).field());
        // at 562.50 the cost (450 + 112.50) equals the debt: not more, so still worth collecting
        assertEquals(cny("562.50"), TENANT.expectedCost(cny("562.50")));
        assertFalse(TENANT.judge(List.of(cny("562.50"))).get(0).worthAbandoning());
        assertTrue(TENANT.judge(List.of(cny("562.49"))).get(0).worthAbandoning());
    }

    @Test
    void everyCurrencyMustBeWorthAbandoningAndOneWithoutACostNeverIs() {
        // 100 USD without a cost per step: 25 USD fee < 100 USD
        DomainError e = assertThrows(DomainError.class,
                () -> TENANT.requireWorthAbandoning(List.of(cny("300.00"), Money.of("100.00", "USD"))));
        assertEquals(List.of("overdue.USD"), e.violations().stream().map(Violation::field).toList());
        assertEquals(Money.of("20.00", "USD"), TENANT.expectedCost(Money.of("100.00", "USD")));
        // a zero balance in one currency is no debt there
        assertEquals(1, TENANT.requireWorthAbandoning(List.of(cny("300.00"), Money.zero("USD"))).size());
        DomainError none = assertThrows(DomainError.class, () -> TENANT.requireWorthAbandoning(List.of(cny("0.00"))));
        assertEquals("abandonment.nothing-overdue", none.code());
        assertFalse(AbandonmentRule.DEFAULT.judge(List.of(cny("1.00"))).get(0).worthAbandoning());
    }

    @Test
    void inconsistentTermsAreRefusedNamingEachField() {
        DomainError e = assertThrows(DomainError.class, () -> new AbandonmentRule(
                new CurrencyThresholds(List.of(cny("-1.00"))), -1, new BigDecimal("100.01")));
        assertEquals(List.of("costPerStep[0].amount", "stepsToCollect", "agencyFeePercent"),
                e.violations().stream().map(Violation::field).toList());
        assertEquals(List.of("agencyFeePercent"), assertThrows(DomainError.class,
                () -> new AbandonmentRule(CurrencyThresholds.NONE, 0, new BigDecimal("-0.01"))).violations().stream()
                .map(Violation::field).toList());
        assertEquals(List.of("agencyFeePercent"), assertThrows(DomainError.class,
                () -> new AbandonmentRule(CurrencyThresholds.NONE, 0, null)).violations().stream()
                .map(Violation::field).toList());
        // the bounds themselves are allowed
        new AbandonmentRule(CurrencyThresholds.NONE, 0, BigDecimal.ZERO);
        new AbandonmentRule(CurrencyThresholds.NONE, 0, new BigDecimal("100"));
    }

    @Test
    void theDailyReviewAsksWhetherEveryCurrencyOwedIsWorthAbandoning() {
        assertTrue(TENANT.worthAbandoning(List.of(cny("500.00"))));
        assertFalse(TENANT.worthAbandoning(List.of(cny("600.00"))));
        assertFalse(TENANT.worthAbandoning(List.of(cny("562.50"))), "the break-even is worth collecting");
        assertFalse(TENANT.worthAbandoning(List.of(cny("300.00"), Money.of("100.00", "USD"))), "USD is worth collecting");
        assertTrue(TENANT.worthAbandoning(List.of(cny("300.00"), Money.zero("USD"))));
        assertFalse(TENANT.worthAbandoning(List.of(cny("0.00"))), "nothing overdue, nothing to abandon");
        assertFalse(TENANT.worthAbandoning(List.of()));
        assertFalse(AbandonmentRule.DEFAULT.worthAbandoning(List.of(cny("10.00"))),
                "without a cost per step a 25 % fee never outweighs the debt");
    }

    @Test
    void aCaseWithAnAgencyIsJudgedAtItsContractsFee() {
        // 450.00 of steps + 20 % of 500.00 = 550.00; at a contract's 10 %: 500.00, not more than the debt
        assertEquals(cny("550.00"), TENANT.expectedCost(cny("500.00")));
        AbandonmentRule contract = TENANT.withAgencyFee(new BigDecimal("10"));
        assertEquals(cny("500.00"), contract.expectedCost(cny("500.00")));
        assertFalse(contract.worthAbandoning(List.of(cny("500.00"))));
        assertTrue(TENANT.worthAbandoning(List.of(cny("500.00"))));
        assertSame(TENANT, TENANT.withAgencyFee(null), "no contract: the tenant's estimate");
    }
}
