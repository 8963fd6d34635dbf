package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * What a channel's provider reports about a message it was handed (an SMS provider's delivery
 * report): the message (its request id, sent as the provider's reference) was DELIVERED, or FAILED
 * with the provider's reason. A SENT message moves to that status; so does an UNKNOWN one, since
 * the report settles what the service could not know (docs/notification-service.md, "SMS").
 */
public record DeliveryReport(UUID requestId, MessageStatus status, String reason) {

    /** The report as the provider sent it, refused naming every wrong field. */
    public static DeliveryReport of(String reference, String status, String reason) {
        List<Violation> wrong = new ArrayList<>();
        UUID id = null;
        try {
            id = reference == null ? null : UUID.fromString(reference);
        } catch (IllegalArgumentException e) {
            // named below
        }
        if (id == null) {
            wrong.add(new Violation("reference", "must be the message's request id (a UUID)"));
        }
        if (!"DELIVERED".equals(status) && !"FAILED".equals(status)) {
            wrong.add(new Violation("status", "must be DELIVERED or FAILED"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("delivery-report.invalid", "The delivery report cannot be read", wrong);
        }
        return new DeliveryReport(id, MessageStatus.valueOf(status), reason);
    }

    /** The reason the message's record keeps: none when delivered, the provider's words when not. */
    public String recordedReason() {
        if (status == MessageStatus.DELIVERED) {
            return null;
        }
        return "the SMS provider reported it undelivered" + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
