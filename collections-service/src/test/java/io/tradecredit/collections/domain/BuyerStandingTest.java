package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class BuyerStandingTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 10);

    static DunningItem item(String ref, LocalDate due, String open, String disputed, String currency) {
        return new DunningItem(ref, due, Money.of(open, currency), Money.of(disputed, currency), false, null, Set.of());
    }

    @Test
    void overdueBalanceIsTheCollectiblePartOfItemsPastTheirDueDatePerCurrency() {
        BuyerStanding b = BuyerStanding.of(List.of(
                item("A", AS_OF.minusDays(10), "1000.00", "0.00", "CNY"),
                item("B", AS_OF, "500.00", "0.00", "CNY"),
                item("C", AS_OF.minusDays(1), "200.00", "50.00", "EUR"),
                item("D", AS_OF.minusDays(1), "300.00", "300.00", "CNY"),
                item("E", AS_OF.minusDays(1), "0.50", "0.00", "CNY")), LocalDate.of(2026, 12, 31), AS_OF);
        assertEquals(Money.of("1000.50", "CNY"), b.overdueIn(Money.currencyOf("CNY")), "B is due today, not overdue");
        assertEquals(Money.of("150.00", "EUR"), b.overdueIn(Money.currencyOf("EUR")));
        assertEquals(Money.of("0", "JPY"), b.overdueIn(Money.currencyOf("JPY")));
        assertEquals(LocalDate.of(2026, 12, 31), b.heldUntil());
    }

    /**
     * 2,000.00 CNY left of a debt an agency settled is not asked for any more: a new invoice of 50.00 overdue is the
     * buyer's overdue balance for the tolerance, so under a tolerance of 100.00 it is not dunned past its due date.
     */
    @Test
    void whatAnAgencysSettlementLeftIsNotInTheOverdueBalance() {
        BuyerStanding b = BuyerStanding.of(List.of(item("A", AS_OF.minusDays(60), "2000.00", "0.00", "CNY").settledByTheAgency(),
                item("B", AS_OF.minusDays(5), "50.00", "0.00", "CNY")), null, AS_OF);
        assertEquals(Money.of("50.00", "CNY"), b.overdueIn(Money.currencyOf("CNY")));
    }

    /**
     * A new case of a buyer whose earlier case an agency settled at 8,000.00 of 10,000.00: once the new invoice of 3,000.00
     * is paid the buyer owes nothing overdue for a case, so the new case closes; the 2,000.00 the settlement left waits for
     * a collector to confirm its write-off.
     */
    @Test
    void whatAnAgencysSettlementLeftIsNotOwedOverdueForACase() {
        assertEquals(List.of(), BuyerStanding.owedOverdue(List.of(item("A", AS_OF.minusDays(40), "2000.00", "0.00", "CNY")
                .settledByTheAgency()), AS_OF));
        assertEquals(List.of(Money.of("3000.00", "CNY")), BuyerStanding.owedOverdue(List.of(item("A", AS_OF.minusDays(40),
                "2000.00", "0.00", "CNY").settledByTheAgency(), item("B", AS_OF.minusDays(10), "3000.00", "0.00", "CNY")),
                AS_OF));
    }

    /** What is owed overdue counts the disputed parts too: a dispute is not a payment. */
    @Test
    void owedOverdueIsTheOpenAmountOfItemsPastTheirDueDateDisputedOrNotPerCurrency() {
        assertEquals(List.of(Money.of("1300.50", "CNY"), Money.of("200.00", "EUR")), BuyerStanding.owedOverdue(List.of(
                item("A", AS_OF.minusDays(10), "1000.00", "0.00", "CNY"),
                item("B", AS_OF, "500.00", "0.00", "CNY"),
                item("C", AS_OF.minusDays(1), "200.00", "50.00", "EUR"),
                item("D", AS_OF.minusDays(1), "300.00", "300.00", "CNY"),
                item("E", AS_OF.minusDays(1), "0.50", "0.00", "CNY")), AS_OF));
        assertEquals(List.of(), BuyerStanding.owedOverdue(List.of(item("B", AS_OF, "500.00", "0.00", "CNY")), AS_OF));
    }

    @Test
    void aDisputeLargerThanTheOpenAmountLeavesNothingCollectibleNotANegativeAmount() {
        assertEquals(Money.of("0.00", "CNY"), item("A", AS_OF, "100.00", "120.00", "CNY").collectible());
    }
}
