package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * A proposed limit waiting for a credit manager: asked for by a user, or proposed by the
 * service when a buyer's grade improved (increases never apply by themselves).
 */
@Entity
@Table(name = "limit_request")
public class LimitRequest {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(nullable = false)
    public String currency;
    @Column(name = "requested_limit", nullable = false)
    public BigDecimal requestedLimit;
    @Column(nullable = false)
    public String reason;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;
    @Column(nullable = false)
    public String status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;

    public static LimitRequest pending(Buyer buyer, Money limit, String reason, String by, OffsetDateTime at) {
        LimitRequest r = new LimitRequest();
        r.id = UUID.randomUUID();
        r.tenantId = buyer.tenantId;
        r.buyerId = buyer.id;
        r.currency = limit.currencyCode();
        r.requestedLimit = limit.amount();
        r.reason = reason;
        r.requestedBy = by;
        r.requestedAt = at;
        r.status = PENDING;
        return r;
    }

    public Money requested() {
        return Money.of(requestedLimit, currency);
    }

    /**
     * The limit an approval sets: the one asked for, while the buyer still trades in its currency
     * (a buyer without a limit may change currency while a request waits).
     */
    public Money approvedFor(Buyer buyer) {
        if (!currency.equals(buyer.currency)) {
            throw DomainError.conflict("limit-request.currency-changed", "Limit request " + id + " asks for a limit in "
                    + currency + " but the buyer now trades in " + buyer.currency + "; reject it and ask again.");
        }
        return requested();
    }

    public void decide(boolean approve, String by, String note, OffsetDateTime at) {
        status = approve ? APPROVED : REJECTED;
        decidedBy = by;
        decisionNote = note;
        decidedAt = at;
    }
}
