package io.tradecredit.credit.domain;

import static io.tradecredit.credit.domain.AltmanZScoreTest.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.Violation;

class FinancialStatementTest {
    @Test
    void workingCapitalIsCurrentAssetsLessCurrentLiabilities() {
        // 4,000,000 - 2,500,000 = 1,500,000
        var s = statement("10000000", "4000000", "2500000", "4000000", "3000000", "1500000", "6000000");
        assertEquals(new BigDecimal("1500000"), s.workingCapital());
        assertEquals(List.of(), s.inconsistencies());
    }

    @Test
    void newHoldingWithNoCurrentItemsNoDebtsAndNoRevenueYetIsConsistent() {
        // zero current assets, current liabilities, total liabilities and revenue are possible; only negatives are not
        var s = new FinancialStatement(2025, "CNY", new BigDecimal("5000000"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5000000"), BigDecimal.ZERO,
                new BigDecimal("5000000"));
        assertEquals(List.of(), s.inconsistencies());
    }

    @Test
    void allAssetsCurrentAndAllDebtsCurrentIsConsistent() {
        // a trading firm: current assets = total assets 10m, current liabilities = total liabilities 4m
        var s = statement("10000000", "10000000", "4000000", "4000000", "3000000", "1500000", "6000000");
        assertEquals(List.of(), s.inconsistencies());
    }

    @Test
    void shellWithNoAssetsIsRefusedForItsAssetsAlone() {
        // no assets, 1,000 owed: the balance check needs assets to take 1% of, so only the assets are named
        var s = statement("0", "0", "0", "1000", "0", "0", "0");
        assertEquals(List.of(new Violation("totalAssets", "totalAssets must be greater than 0")), s.inconsistencies());
    }

    @Test
    void eachNegativeAmountIsRefusedOnceByItsName() {
        var negativeCash = statement("10000000", "-1", "2000000", "4000000", "0", "0", "6000000");
        var negativeCurrentDebt = statement("10000000", "4000000", "-1", "4000000", "0", "0", "6000000");
        var negativeDebt = new FinancialStatement(2025, "CNY", new BigDecimal("10000000"), new BigDecimal("4000000"),
                new BigDecimal("-1"), new BigDecimal("-1"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10000000"),
                BigDecimal.ONE, new BigDecimal("10000000"));
        var negativeRevenue = new FinancialStatement(2025, "CNY", new BigDecimal("10000000"), new BigDecimal("4000000"),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10000000"),
                new BigDecimal("-1"), new BigDecimal("10000000"));
        assertEquals(List.of(new Violation("currentAssets", "currentAssets cannot be negative")),
                negativeCash.inconsistencies());
        // -1 current liabilities of 4,000,000 in total: only the sign is wrong
        assertEquals(List.of(new Violation("currentLiabilities", "currentLiabilities cannot be negative")),
                negativeCurrentDebt.inconsistencies());
        assertEquals(List.of(new Violation("currentLiabilities", "currentLiabilities cannot be negative"),
                new Violation("totalLiabilities", "totalLiabilities cannot be negative")), negativeDebt.inconsistencies());
        assertEquals(List.of(new Violation("revenue", "revenue cannot be negative")), negativeRevenue.inconsistencies());
    }

    @Test
    void currentFiguresCannotExceedTheirTotals() {
        var s = statement("10000000", "10000001", "4000001", "4000000", "0", "0", "6000000");
        assertEquals(List.of(new Violation("currentAssets", "currentAssets exceed totalAssets"),
                new Violation("currentLiabilities", "currentLiabilities exceed totalLiabilities")), s.inconsistencies());
    }

    @Test
    void balanceSheetMayBeOutByOnePercentOfAssetsButNoMore() {
        // TA 10,000,000 vs TL 4,000,000 + equity 5,900,000 = 9,900,000: out by 100,000 = exactly 1%, accepted
        assertEquals(List.of(),
                statement("10000000", "4000000", "2000000", "4000000", "0", "0", "5900000").inconsistencies());
        // one unit more is refused, naming both sides
        assertEquals(List.of(new Violation("totalAssets",
                "totalAssets (10000000) differ from totalLiabilities + equity (9899999)")),
                statement("10000000", "4000000", "2000000", "4000000", "0", "0", "5899999").inconsistencies());
    }
}
