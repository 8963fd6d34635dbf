package io.tradecredit.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * What a channel's provider reports about a message it was handed (an SMS provider's delivery
 * report): the message (its request id, sent as the provider's reference) was DELIVERED, or FAILED
 * with the provider's reason. A SENT message moves to that status; so does an UNKNOWN one, since
 * the report settles what the service could not know (docs/notification-service.md, "SMS"). A report
 * of a message still being handed over (SENDING: the provider has it before the batch's hand-overs are
 * recorded) is kept and applied when its hand-over is recorded ({@link #effectOn}).
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

    /** What a report does to a message of its channel in a given status. */
    public enum Effect {
        /** The message takes the reported status (or, reported FAILED, falls back). */
        SETTLES,
        /** The message is being handed over: the report is kept and settles it when the hand-over is recorded. */
        KEPT,
        /** The message is settled already, or not handed over (again): nothing changes. */
        NONE
    }

    /**
     * What this report does to a message in {@code status}: a SENT or UNKNOWN one is settled; a SENDING one (the
     * provider answered the hand-over and reported before the service recorded it) keeps the report for the moment
     * its hand-over is recorded, since a provider does not report again after a 200; any other is left as it is.
     */
    public static Effect effectOn(MessageStatus status) {
        return switch (status) {
            case SENT, UNKNOWN -> Effect.SETTLES;
            case SENDING -> Effect.KEPT;
            default -> Effect.NONE;
        };
    }

    /**
     * When a kept report settles its message: when its hand-over was recorded ({@code recorded}), or when the report
     * came if that was later, never before: the reported status is published after SENT, in that order.
     */
    public static Instant settledAt(Instant received, Instant recorded) {
        return received.isAfter(recorded) ? received : recorded;
    }

    /** The reason the message's record keeps: none when delivered, the provider's words when not. */
    public String recordedReason() {
        if (status == MessageStatus.DELIVERED) {
            return null;
        }
        return "the SMS provider reported it undelivered" + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
