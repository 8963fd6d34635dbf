package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.collections.domain.AgencyContract;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.HandOffRule;
import io.tradecredit.collections.domain.RecordedAgencyContract;
import io.tradecredit.common.money.Money;

/** A row of agency_contract_version (V28): one version of a tenant's contract with one agency, never changed. */
@Entity
@Table(name = "agency_contract_version")
@IdClass(AgencyContractVersionRow.Key.class)
public class AgencyContractVersionRow extends PanacheEntityBase {
    /** The primary key: tenant, agency code and version. */
    public static class Key implements java.io.Serializable {
        public String tenantId;
        public String agencyCode;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId.equals(tenantId) && k.agencyCode.equals(agencyCode) && k.version == version;
        }

        @Override
        public int hashCode() {
            return (tenantId.hashCode() * 31 + agencyCode.hashCode()) * 31 + version;
        }
    }

    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Id
    @Column(name = "agency_code")
    public String agencyCode;
    @Id
    public int version;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    public String name;
    @Column(name = "success_fee_percent")
    public BigDecimal successFeePercent;
    public String currencies;
    @Column(name = "hand_off_mode")
    public String handOffMode;
    @Column(name = "hand_off_days")
    public Integer handOffDays;
    @Column(name = "hand_off_minimum")
    public String handOffMinimum;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;

    static AgencyContractVersionRow of(String tenantId, RecordedAgencyContract r) {
        AgencyContract c = r.contract();
        AgencyContractVersionRow row = new AgencyContractVersionRow();
        row.tenantId = tenantId;
        row.agencyCode = c.agencyCode();
        row.version = r.version();
        row.effectiveFrom = r.effectiveFrom();
        row.name = r.name();
        row.successFeePercent = c.successFeePercent();
        row.currencies = currenciesText(c);
        row.handOffMode = c.handOff().mode().name();
        row.handOffDays = c.handOff().daysPastDue();
        row.handOffMinimum = minimumText(c);
        row.recordedAt = r.updatedAt();
        row.recordedBy = r.updatedBy();
        return row;
    }

    RecordedAgencyContract toRecorded() {
        Set<Currency> codes = Arrays.stream(currencies.split(",")).map(Money::currencyOf).collect(Collectors.toSet());
        List<Money> minimum = handOffMinimum.isEmpty() ? List.of() : Arrays.stream(handOffMinimum.split(","))
                .map(part -> part.split(":")).map(p -> Money.of(p[1], p[0])).toList();
        HandOffRule rule = new HandOffRule(HandOffRule.Mode.valueOf(handOffMode), handOffDays, new CurrencyThresholds(minimum));
        return new RecordedAgencyContract(new AgencyContract(agencyCode, plain(successFeePercent), codes, rule),
                version, effectiveFrom, name, recordedAt, recordedBy);
    }

    /** The fee as the tenant wrote it: 10.0000 is 10 (not 1E+1, as stripping its zeros alone would print it), 12.5000 is 12.5. */
    static BigDecimal plain(BigDecimal fee) {
        BigDecimal stripped = fee.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** ISO codes, comma-separated, in alphabetical order. */
    static String currenciesText(AgencyContract c) {
        return c.currencies().stream().map(Currency::getCurrencyCode).sorted().collect(Collectors.joining(","));
    }

    /** The minimum overdue balance per currency, e.g. 'CNY:20000.00,USD:3000.00' ('' for none). */
    static String minimumText(AgencyContract c) {
        return c.handOff().minimumOverdue().amounts().stream()
                .map(m -> m.currencyCode() + ":" + m.amountText()).collect(Collectors.joining(","));
    }
}
