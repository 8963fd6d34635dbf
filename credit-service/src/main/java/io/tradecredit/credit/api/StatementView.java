package io.tradecredit.credit.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.credit.domain.AltmanZScore;
import io.tradecredit.credit.domain.StoredFinancialStatement;

/** A stored statement (one version of its fiscal year) with its Altman Z''-score and zone. */
public record StatementView(UUID buyerId, int fiscalYear, int version, String currency, BigDecimal totalAssets,
        BigDecimal currentAssets, BigDecimal currentLiabilities, BigDecimal totalLiabilities,
        BigDecimal retainedEarnings, BigDecimal ebit, BigDecimal equity, BigDecimal revenue, BigDecimal netWorth,
        BigDecimal zScore, AltmanZScore.Zone zone, String recordedBy, OffsetDateTime recordedAt) {

    public static StatementView of(StoredFinancialStatement s) {
        AltmanZScore z = AltmanZScore.of(s.statement());
        return new StatementView(s.buyerId, s.fiscalYear, s.version, s.currency, s.totalAssets, s.currentAssets,
                s.currentLiabilities, s.totalLiabilities, s.retainedEarnings, s.ebit, s.equity, s.revenue, s.netWorth,
                z.value(), z.zone(), s.recordedBy, s.recordedAt);
    }
}
