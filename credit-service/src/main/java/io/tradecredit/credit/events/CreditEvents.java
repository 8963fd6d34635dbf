package io.tradecredit.credit.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.common.events.MessageRequests;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.domain.Assessment;
import io.tradecredit.credit.domain.AssessmentRecord;
import io.tradecredit.credit.domain.BlockCause;
import io.tradecredit.credit.domain.Buyer;

/**
 * Everything credit-service tells the platform, on {@code credit-events}, keyed by buyer id so
 * one buyer's events keep their order. Schemas: {@code contracts/schemas/io.tradecredit.credit.<name>.v1.json}.
 * And the one message it asks notification-service to send: an alert, to the tenant's credit manager
 * ({@link #alertRequest}).
 */
public final class CreditEvents {
    public static final String PREFIX = "io.tradecredit.credit.";
    /** The message telling the tenant's credit manager of an alert (docs/notification-service.md, its data). */
    public static final String ALERT_TEMPLATE = "credit.alert";
    public static final String ALERT_PURPOSE = "credit-alert";

    private CreditEvents() {
    }

    public record BuyerRegistered(UUID buyerId, String name, String country, String registrationNumber, String taxId,
            String industry, LocalDate foundedOn, String currency, int paymentTermDays, Integer firstOrderTermDays) {
    }

    public record BuyerAssessed(UUID buyerId, UUID assessmentId, int score, int grade, Integer previousGrade,
            List<Assessment.Factor> factors, String cause, OffsetDateTime assessedAt) {
    }

    public record LimitChanged(UUID buyerId, Money oldLimit, Money newLimit, String reason, String changedBy,
            LocalDate reviewDueOn, int paymentTermDays) {
    }

    public record PaymentTermChanged(UUID buyerId, int oldPaymentTermDays, int paymentTermDays, String changedBy,
            OffsetDateTime changedAt) {
    }

    public record ReviewDue(UUID buyerId, String buyerName, LocalDate reviewDueOn, LocalDate asOf, Money creditLimit,
            Integer grade) {
    }

    public record AlertRaised(UUID alertId, UUID buyerId, String buyerName, String kind, String message, Integer grade,
            OffsetDateTime raisedAt) {
    }

    public record BuyerBlocked(UUID buyerId, String buyerName, String reason, BlockCause cause, UUID signalId,
            OffsetDateTime blockedAt) {
    }

    public record BuyerUnblocked(UUID buyerId, String buyerName, String blockReason, String reason, String liftedBy,
            OffsetDateTime liftedAt) {
    }

    static OutgoingEvent event(String name, Buyer b, Object payload) {
        return new OutgoingEvent(TopicNames.CREDIT_EVENTS, PREFIX + name + ".v1", "buyer", b.id.toString(), b.tenantId,
                payload);
    }

    /** The buyer registered, with the terms of its first order under the tenant's policy (0: prepayment). */
    public static OutgoingEvent registered(Buyer b, int firstOrderTermDays) {
        return event("buyer-registered", b, new BuyerRegistered(b.id, b.name, b.country, b.registrationNumber, b.taxId,
                b.industry, b.foundedOn, b.currency, b.paymentTermDays, firstOrderTermDays));
    }

    public static OutgoingEvent assessed(Buyer b, AssessmentRecord a) {
        return event("buyer-assessed", b, new BuyerAssessed(b.id, a.id, a.score, a.grade, a.previousGrade, a.factors,
                a.cause, a.assessedAt));
    }

    public static OutgoingEvent limitChanged(Buyer b, Money oldLimit, String reason) {
        return event("limit-changed", b, new LimitChanged(b.id, oldLimit, b.limit(), reason, b.limitSetBy,
                b.reviewDueOn, b.paymentTermDays));
    }

    /** The payment term agreed with the buyer changed without a limit decision (the buyer's PUT). */
    public static OutgoingEvent paymentTermChanged(Buyer b, int oldPaymentTermDays, String by, OffsetDateTime at) {
        return event("payment-term-changed", b, new PaymentTermChanged(b.id, oldPaymentTermDays, b.paymentTermDays,
                by, at));
    }

    public static OutgoingEvent reviewDue(Buyer b, LocalDate asOf) {
        return event("review-due", b, new ReviewDue(b.id, b.name, b.reviewDueOn, asOf, b.limit(), b.grade));
    }

    public static OutgoingEvent alertRaised(Buyer b, Alert a) {
        return event("alert-raised", b, new AlertRaised(a.id, b.id, b.name, a.kind, a.message, b.grade, a.raisedAt));
    }

    /**
     * The alert told to the tenant (DOMAIN §1: changes of grade or limit raise alerts to the credit manager): a
     * request on {@code notification-requests}, template {@code credit.alert}, by e-mail to the tenant itself (its
     * webhook if it registered one, else its sender identity's reply-to address; a message to the tenant has no send
     * window). Critical when the buyer is blocked: new credit is stopped now. The request id is derived from the alert
     * id, so a repeat asks once. Data: {@code alertId}, {@code buyerId}, {@code buyerName}, {@code kind},
     * {@code message}, {@code grade} (absent when the buyer was never graded), {@code blocked}, {@code limit} (the
     * buyer's limit once the alert's re-grade or block changed it, {@code amount} and {@code currency}; absent when
     * none was ever set), {@code raisedAt}.
     */
    public static OutgoingEvent alertRequest(Buyer b, Alert a) {
        UUID requestId = MessageRequests.idOf("credit-alert-request", a.id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", a.id.toString());
        data.put("buyerId", b.id.toString());
        data.put("buyerName", b.name);
        data.put("kind", a.kind);
        data.put("message", a.message);
        if (b.grade != null) {
            data.put("grade", b.grade);
        }
        data.put("blocked", b.blocked);
        Money limit = b.limit();
        if (limit != null) {
            data.put("limit", Map.of("amount", limit.amount().toPlainString(), "currency",
                    limit.currency().getCurrencyCode()));
        }
        data.put("raisedAt", a.raisedAt.toString());
        return MessageRequests.event(b.tenantId, requestId,
                MessageRequests.toTenant(requestId, ALERT_PURPOSE, ALERT_TEMPLATE, "EMAIL", b.blocked, data));
    }

    public static OutgoingEvent blocked(Buyer b, BlockCause cause, UUID signalId, OffsetDateTime at) {
        return event("buyer-blocked", b, new BuyerBlocked(b.id, b.name, b.blockReason, cause, signalId, at));
    }

    public static OutgoingEvent unblocked(Buyer b, String blockReason, String reason, String by, OffsetDateTime at) {
        return event("buyer-unblocked", b, new BuyerUnblocked(b.id, b.name, blockReason, reason, by, at));
    }
}
