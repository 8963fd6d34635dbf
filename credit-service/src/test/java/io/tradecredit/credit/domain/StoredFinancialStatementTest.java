package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StoredFinancialStatementTest {
    static final UUID BUYER = UUID.randomUUID();
    static final OffsetDateTime MAY = OffsetDateTime.of(2026, 5, 4, 9, 0, 0, 0, ZoneOffset.UTC);
    static final FinancialStatement FY2025 = AltmanZScoreTest.statement("10000000", "4000000", "2000000", "4000000",
            "3000000", "1500000", "6000000");

    @Test
    void aYearsFirstStatementIsVersion1WithItsFiguresAndWhoRecordedIt() {
        var first = StoredFinancialStatement.record("acme", BUYER, FY2025, null, "cm-1", MAY);
        assertEquals(1, first.version);
        assertEquals(2025, first.fiscalYear);
        assertEquals("acme", first.tenantId);
        assertEquals(BUYER, first.buyerId);
        assertEquals("cm-1", first.recordedBy);
        assertEquals(MAY, first.recordedAt);
        assertEquals(FY2025, first.statement());
    }

    @Test
    void aRestatementOfTheSameYearIsTheVersionAfterTheLatest() {
        var first = StoredFinancialStatement.record("acme", BUYER, FY2025, null, "cm-1", MAY);
        var second = StoredFinancialStatement.record("acme", BUYER, FY2025, first, "cm-2", MAY.plusDays(1));
        var third = StoredFinancialStatement.record("acme", BUYER, FY2025, second, "cm-1", MAY.plusDays(2));
        assertEquals(2, second.version);
        assertEquals(3, third.version);
        assertEquals("cm-2", second.recordedBy);
    }

    @Test
    void theLatestOfAnotherYearOrBuyerIsNoPreviousVersion() {
        var first = StoredFinancialStatement.record("acme", BUYER, FY2025, null, "cm-1", MAY);
        var fy2024 = AltmanZScoreTest.statement("10000000", "4000000", "2000000", "4000000", "3000000", "1500000",
                "6000000");
        var otherYear = new FinancialStatement(2024, fy2024.currency(), fy2024.totalAssets(), fy2024.currentAssets(),
                fy2024.currentLiabilities(), fy2024.totalLiabilities(), fy2024.retainedEarnings(), fy2024.ebit(),
                fy2024.equity(), fy2024.revenue(), fy2024.netWorth());
        assertThrows(IllegalArgumentException.class,
                () -> StoredFinancialStatement.record("acme", BUYER, otherYear, first, "cm-1", MAY));
        assertThrows(IllegalArgumentException.class,
                () -> StoredFinancialStatement.record("acme", UUID.randomUUID(), FY2025, first, "cm-1", MAY));
    }
}
