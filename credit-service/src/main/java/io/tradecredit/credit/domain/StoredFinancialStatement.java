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
 * when. A second one for the same year (a restatement, a correction) does not replace it: it is
 * kept as the next version, and the latest version is the year's statement. Not the buyer's
 * account statement of invoice-service (invoices, payments and balance), which this service does
 * not keep.
 */
@Entity
@Table(name = "financial_statement")
@IdClass(StoredFinancialStatement.Key.class)
public class StoredFinancialStatement {
    public record Key(UUID buyerId, int fiscalYear, int version) implements Serializable {
        public Key() {
            this(null, 0, 0);
        }
    }

    @Id
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Id
    @Column(name = "fiscal_year")
    public int fiscalYear;
    /** 1 for a year's first statement, one more for each later one of the same year. */
    @Id
    @Column(name = "version")
    public int version;
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

    /**
     * A buyer's statement, recorded by {@code by} at {@code at}: version 1 of its fiscal year, or the
     * version after {@code latest}, the latest one stored for that year (null when none is).
     */
    public static StoredFinancialStatement record(String tenantId, UUID buyerId, FinancialStatement s,
            StoredFinancialStatement latest, String by, OffsetDateTime at) {
        if (latest != null && (latest.fiscalYear != s.fiscalYear() || !latest.buyerId.equals(buyerId))) {
            throw new IllegalArgumentException("the latest statement of another buyer or year");
        }
        StoredFinancialStatement stored = new StoredFinancialStatement();
        stored.tenantId = tenantId;
        stored.buyerId = buyerId;
        stored.version = latest == null ? 1 : latest.version + 1;
        stored.fiscalYear = s.fiscalYear();
        stored.currency = s.currency();
        stored.totalAssets = s.totalAssets();
        stored.currentAssets = s.currentAssets();
        stored.currentLiabilities = s.currentLiabilities();
        stored.totalLiabilities = s.totalLiabilities();
        stored.retainedEarnings = s.retainedEarnings();
        stored.ebit = s.ebit();
        stored.equity = s.equity();
        stored.revenue = s.revenue();
        stored.netWorth = s.netWorth();
        stored.recordedBy = by;
        stored.recordedAt = at;
        return stored;
    }

    public FinancialStatement statement() {
        return new FinancialStatement(fiscalYear, currency, totalAssets, currentAssets, currentLiabilities,
                totalLiabilities, retainedEarnings, ebit, equity, revenue, netWorth);
    }
}
