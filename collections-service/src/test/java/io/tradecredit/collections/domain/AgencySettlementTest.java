package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** Worked examples of what an agency's settlement for less than owed leaves to write off (docs/collections-service.md, "Agencies"). */
class AgencySettlementTest {
    static final LocalDate MARCH_12 = LocalDate.of(2027, 3, 12);

    @Test
    void aSettlementPaidAt8000Of10000Leaves2000ToWriteOff() {
        // INV-1 10,000.00 CNY owed; the agency settles, 8,000.00 paid: 2,000.00 left on it
        AgencySettlement s = AgencySettlement.of("acme", MARCH_12, List.of(Money.of("2000.00", "CNY")));
        assertEquals(List.of(Money.of("2000.00", "CNY")), s.left());
        assertTrue(s.leavesSomething());
        assertEquals("settled by agency acme on 2027-03-12; 2000.00 CNY left", s.reason());
    }

    @Test
    void whatIsLeftIsSummedPerCurrencyInCurrencyOrderNothingLeftLeftOut() {
        AgencySettlement s = AgencySettlement.of("acme", MARCH_12, List.of(Money.of("300.00", "USD"),
                Money.of("1500.00", "CNY"), Money.of("0.00", "EUR"), Money.of("500.00", "CNY"), Money.of("20.00", "USD")));
        assertEquals(List.of(Money.of("2000.00", "CNY"), Money.of("320.00", "USD")), s.left());
        assertEquals("settled by agency acme on 2027-03-12; 2000.00 CNY and 320.00 USD left", s.reason());
    }

    @Test
    void aSettlementOfAllThatWasOwedLeavesNothing() {
        AgencySettlement s = AgencySettlement.of("acme", MARCH_12, List.of());
        assertFalse(s.leavesSomething());
        assertEquals(List.of(), s.left());
        assertEquals(List.of(), AgencySettlement.perCurrency(List.of(Money.of("0.00", "CNY"))));
    }
}
