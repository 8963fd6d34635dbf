package io.tradecredit.claims.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.claims.domain.LimitRequest;
import io.tradecredit.common.money.Money;

/** A row of limit_request. */
@Entity
@Table(name = "limit_request")
public class LimitRequestRow extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "policy_id")
    public UUID policyId;
    @Column(name = "buyer_id")
    public UUID buyerId;
    public String kind;
    public BigDecimal amount;
    public String currency;
    public String note;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "requested_by")
    public String requestedBy;

    static LimitRequestRow of(String tenantId, LimitRequest r) {
        LimitRequestRow row = new LimitRequestRow();
        row.id = r.id();
        row.tenantId = tenantId;
        row.policyId = r.policyId();
        row.buyerId = r.buyerId();
        row.kind = r.kind().name();
        row.amount = r.amount() == null ? null : r.amount().amount();
        row.currency = r.amount() == null ? null : r.amount().currencyCode();
        row.note = r.note();
        row.requestedAt = r.requestedAt();
        row.requestedBy = r.requestedBy();
        return row;
    }

    LimitRequest toRequest() {
        return new LimitRequest(id, policyId, buyerId, LimitRequest.Kind.valueOf(kind),
                amount == null ? null : Money.rounded(amount, Money.currencyOf(currency)), note, requestedAt, requestedBy);
    }
}
