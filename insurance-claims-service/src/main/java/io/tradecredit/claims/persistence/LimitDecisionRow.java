package io.tradecredit.claims.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.common.money.Money;

/** A row of limit_decision; {@code seq} is the recording order. */
@Entity
@Table(name = "limit_decision")
public class LimitDecisionRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "policy_id")
    public UUID policyId;
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Column(name = "decision_ref")
    public String decisionRef;
    public String outcome;
    public BigDecimal amount;
    public String currency;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Column(name = "request_id")
    public UUID requestId;
    public String source;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;

    static LimitDecisionRow of(String tenantId, UUID policyId, LimitDecision d) {
        LimitDecisionRow row = new LimitDecisionRow();
        row.tenantId = tenantId;
        row.policyId = policyId;
        row.buyerId = d.buyerId();
        row.decisionRef = d.decisionId();
        row.outcome = d.outcome().name();
        row.amount = d.amount() == null ? null : d.amount().amount();
        row.currency = d.amount() == null ? null : d.amount().currencyCode();
        row.effectiveFrom = d.effectiveFrom();
        row.expiresOn = d.expiresOn();
        row.requestId = d.requestId();
        row.source = d.source().name();
        row.recordedAt = d.recordedAt();
        row.recordedBy = d.recordedBy();
        return row;
    }

    LimitDecision toDecision() {
        return new LimitDecision(decisionRef, buyerId, LimitDecision.Outcome.valueOf(outcome),
                amount == null ? null : Money.rounded(amount, Money.currencyOf(currency)), effectiveFrom, expiresOn,
                requestId, LimitDecision.Source.valueOf(source), seq, recordedAt, recordedBy);
    }
}
