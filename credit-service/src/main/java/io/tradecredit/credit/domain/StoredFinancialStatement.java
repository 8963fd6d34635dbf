package io.tradecredit.credit.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A buyer's {@link FinancialStatement} for one fiscal year as stored, with who recorded it and
 * when; a new one for the same year replaces it. Not the buyer's account statement of
 * invoice-service (invoices, payments and balance), which this service does not keep.
 */
@Entity
@Table(name = "financial_statement")
@IdClass(StoredFinancialStatement.Key.class)
public class StoredFinancialStatement {
    public record Key(UUID buyerId, int fiscalYear) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Id
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public String currency;
    @Column(name = "total_assets", nullable = false)
    public BigDecimal totalAssets;
    @Column(name = "current_assets", nullable = false)
    public BigDecimal currentAssets;
    @Column(name = "current_liabilities", nullable = false)
    public BigDecimal currentLiabilities;
    @Column(name = "total_liabilities", nullable = false)
    public BigDecimal totalLiabilities;
    @Column(name = "retained_earnings", nullable = false)
    public BigDecimal retainedEarnings;
    @Column(nullable = false)
    public BigDecimal ebit;
    @Column(nullable = false)
    public BigDecimal equity;
    @Column(nullable = false)
    public BigDecimal revenue;
    @Column(name = "net_worth", nullable = false)
    public BigDecimal netWorth;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** A buyer's statement for a fiscal year not stored before. */
    public static StoredFinancialStatement record(String tenantId, UUID buyerId, FinancialStatement s, String by,
            OffsetDateTime at) {
        StoredFinancialStatement stored = new StoredFinancialStatement();
        stored.tenantId = tenantId;
        stored.buyerId = buyerId;
        stored.take(s, by, at);
        return stored;
    }

    /** Takes the figures of {@code s} (the same fiscal year, when replacing), recorded by {@code by} at {@code at}. */
    public void take(FinancialStatement s, String by, OffsetDateTime at) {
        fiscalYear = s.fiscalYear();
        currency = s.currency();
        totalAssets = s.totalAssets();
        currentAssets = s.currentAssets();
        currentLiabilities = s.currentLiabilities();
        totalLiabilities = s.totalLiabilities();
        retainedEarnings = s.retainedEarnings();
        ebit = s.ebit();
        equity = s.equity();
        revenue = s.revenue();
        netWorth = s.netWorth();
        recordedBy = by;
        recordedAt = at;
    }

    public FinancialStatement statement() {
        return new FinancialStatement(fiscalYear, currency, totalAssets, currentAssets, currentLiabilities,
                totalLiabilities, retainedEarnings, ebit, equity, revenue, netWorth);
    }
}
