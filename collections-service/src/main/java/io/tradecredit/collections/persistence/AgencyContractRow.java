package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
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

/** A row of agency_contract: one tenant's contract with one agency. */
@Entity
@Table(name = "agency_contract")
@IdClass(AgencyContractRow.Key.class)
public class AgencyContractRow extends PanacheEntityBase {
    /** The primary key: tenant and agency code. */
    public static class Key implements java.io.Serializable {
        public String tenantId;
        public String agencyCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId.equals(tenantId) && k.agencyCode.equals(agencyCode);
        }

        @Override
        public int hashCode() {
            return tenantId.hashCode() * 31 + agencyCode.hashCode();
        }
    }

    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Id
    @Column(name = "agency_code")
    public String agencyCode;
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
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    void copy(RecordedAgencyContract r) {
        AgencyContract c = r.contract();
        name = r.name();
        successFeePercent = c.successFeePercent();
        currencies = c.currencies().stream().map(Currency::getCurrencyCode).sorted().collect(Collectors.joining(","));
        handOffMode = c.handOff().mode().name();
        handOffDays = c.handOff().daysPastDue();
        handOffMinimum = c.handOff().minimumOverdue().amounts().stream()
                .map(m -> m.currencyCode() + ":" + m.amountText()).collect(Collectors.joining(","));
        updatedAt = r.updatedAt();
        updatedBy = r.updatedBy();
    }

    RecordedAgencyContract toRecorded() {
        Set<Currency> codes = Arrays.stream(currencies.split(",")).map(Money::currencyOf).collect(Collectors.toSet());
        List<Money> minimum = handOffMinimum.isEmpty() ? List.of() : Arrays.stream(handOffMinimum.split(","))
                .map(part -> part.split(":")).map(p -> Money.of(p[1], p[0])).toList();
        HandOffRule rule = new HandOffRule(HandOffRule.Mode.valueOf(handOffMode), handOffDays,
                new CurrencyThresholds(minimum));
        return new RecordedAgencyContract(new AgencyContract(agencyCode, successFeePercent.stripTrailingZeros(), codes, rule),
                name, updatedAt, updatedBy);
    }
}
