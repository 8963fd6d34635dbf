package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.collections.domain.AgencyContract;
import io.tradecredit.collections.domain.RecordedAgencyContract;

/**
 * A row of agency_contract: the tenant's contract with one agency, its identity (placements name it),
 * with the terms of the latest version recorded. The terms in force on a day are read from
 * {@link AgencyContractVersionRow} (V28).
 */
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
        currencies = AgencyContractVersionRow.currenciesText(c);
        handOffMode = c.handOff().mode().name();
        handOffDays = c.handOff().daysPastDue();
        handOffMinimum = AgencyContractVersionRow.minimumText(c);
        updatedAt = r.updatedAt();
        updatedBy = r.updatedBy();
    }
}
