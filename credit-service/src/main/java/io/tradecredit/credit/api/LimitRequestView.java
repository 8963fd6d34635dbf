package io.tradecredit.credit.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.LimitRequest;

public record LimitRequestView(UUID id, UUID buyerId, Money requestedLimit, String reason, String requestedBy,
        OffsetDateTime requestedAt,
        @Schema(required = true, enumeration = {"PENDING", "APPROVED", "REJECTED", "WITHDRAWN"},
                description = "WITHDRAWN: a proposal of credit-service's made out of date by a later fall of the"
                        + " buyer's grade, or superseded by a credit manager's limit decision; decidedBy and"
                        + " decisionNote say which") String status,
        String decidedBy, OffsetDateTime decidedAt, String decisionNote) {

    public static LimitRequestView of(LimitRequest r) {
        return new LimitRequestView(r.id, r.buyerId, r.requested(), r.reason, r.requestedBy, r.requestedAt, r.status,
                r.decidedBy, r.decidedAt, r.decisionNote);
    }
}
