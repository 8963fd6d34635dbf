package io.tradecredit.claims.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.claims.domain.Deductible;
import io.tradecredit.claims.domain.PolicyTerms;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.common.money.Money;

/** A row of policy_version: one version of a policy's terms. */
@Entity
@Table(name = "policy_version")
public class PolicyVersionRow extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "policy_id")
    public UUID policyId;
    public int version;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    public String insurer;
    @Column(name = "policy_number")
    public String policyNumber;
    public String currency;
    @Column(name = "insured_percent")
    public BigDecimal insuredPercent;
    @Column(name = "deductible_kind")
    public String deductibleKind;
    @Column(name = "deductible_amount")
    public BigDecimal deductibleAmount;
    @Column(name = "maximum_extension_days")
    public int maximumExtensionDays;
    @Column(name = "notification_days")
    public int notificationDays;
    @Column(name = "claim_filing_days")
    public int claimFilingDays;
    @Column(name = "waiting_period_days")
    public int waitingPeriodDays;
    @Column(name = "collector_name")
    public String collectorName;
    @Column(name = "collector_agency_code")
    public String collectorAgencyCode;
    @Column(name = "transfer_days")
    public int transferDays;
    @Column(name = "warning_lead_days")
    public int warningLeadDays;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;

    static PolicyVersionRow of(String tenantId, PolicyVersion v) {
        PolicyVersionRow row = new PolicyVersionRow();
        PolicyTerms t = v.terms();
        row.id = UUID.randomUUID();
        row.tenantId = tenantId;
        row.policyId = v.policyId();
        row.version = v.version();
        row.effectiveFrom = v.effectiveFrom();
        row.insurer = t.insurer();
        row.policyNumber = t.policyNumber();
        row.currency = t.currency();
        row.insuredPercent = t.insuredPercent();
        row.deductibleKind = t.deductible().kind().name();
        row.deductibleAmount = t.deductible().amount().amount();
        row.maximumExtensionDays = t.maximumExtensionDays();
        row.notificationDays = t.notificationDays();
        row.claimFilingDays = t.claimFilingDays();
        row.waitingPeriodDays = t.waitingPeriodDays();
        row.collectorName = t.collectorName();
        row.collectorAgencyCode = t.collectorAgencyCode();
        row.transferDays = t.transferDays();
        row.warningLeadDays = t.warningLeadDays();
        row.recordedAt = v.recordedAt();
        row.recordedBy = v.recordedBy();
        return row;
    }

    PolicyVersion toVersion() {
        Money deductible = Money.rounded(deductibleAmount, Money.currencyOf(currency));
        PolicyTerms terms = new PolicyTerms(insurer, policyNumber, currency, PolicyTerms.stored(insuredPercent),
                new Deductible(Deductible.Kind.valueOf(deductibleKind), deductible), maximumExtensionDays,
                notificationDays, claimFilingDays, waitingPeriodDays, collectorName, collectorAgencyCode, transferDays,
                warningLeadDays);
        return new PolicyVersion(policyId, version, effectiveFrom, terms, recordedAt, recordedBy);
    }
}
