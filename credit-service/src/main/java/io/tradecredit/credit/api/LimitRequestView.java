package io.tradecredit.credit.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.LimitRequest;

public record LimitRequestView(UUID id, UUID buyerId, Money requestedLimit, String reason, String requestedBy,
        OffsetDateTime requestedAt, String status, String decidedBy, OffsetDateTime decidedAt, String decisionNote) {

    public static LimitRequestView of(LimitRequest r) {
        return new LimitRequestView(r.id, r.buyerId, r.requested(), r.reason, r.requestedBy, r.requestedAt, r.status,
                r.decidedBy, r.decidedAt, r.decisionNote);
    }
}
