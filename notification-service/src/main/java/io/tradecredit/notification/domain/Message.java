package io.tradecredit.notification.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The record of one requested message: what was asked, to whom and how it was resolved, what it
 * said (the rendered content and its SHA-256, the proof), and where it stands.
 *
 * @param channel null when no contact or template could be resolved (then FAILED)
 * @param rendered null when it could not be rendered (then FAILED)
 * @param sha256 the SHA-256 of the rendered content handed over ({@link RenderedMessage#sha256}); null until sent
 * @param nextAttemptAt when the delivery worker may hand it over: the send window's next opening,
 *        at once for a critical message, later after a failed attempt
 */
public record Message(UUID requestId, String tenantId, MessageRequest request, MessageStatus status,
        ChannelType channel, UUID contactId, String address, Language language, Sender sender,
        RenderedMessage rendered, String sha256, String failureReason, int attempts, Instant nextAttemptAt, Instant requestedAt,
        Instant sentAt) {

    /** Who the message is from, as the tenant's settings said when it was requested. */
    public record Sender(String fromName, String fromAddress, String replyTo) {
    }

    /** A request resolved to a contact, channel and rendering: it waits for its send window. */
    public static Message queued(String tenantId, MessageRequest request, ContactChoice.Choice choice,
            Language language, Sender sender, RenderedMessage rendered, SendWindow window, Instant now) {
        Instant when = request.critical() || choice.contact() == null ? now
                : window.nextOpening(now, choice.contact().timeZone());
        return new Message(request.requestId(), tenantId, request, MessageStatus.QUEUED, choice.channel(),
                choice.contact() == null ? null : choice.contact().id(), choice.address(), language, sender, rendered,
                null, null, 0, when, now, null);
    }

    /**
     * When a failed hand-over is tried again: once the backoff ends at {@code afterBackoff}, and a
     * message to a person (a contact; not a critical one) not before the next opening of the send
     * window in the person's {@code zone} (null: {@link Contact#DEFAULT_TIME_ZONE}), as when it was
     * queued: a retry due at 18:00:10 waits until 09:00 of the next business day.
     */
    public Instant retryDue(Instant afterBackoff, SendWindow window, java.time.ZoneId zone) {
        return handOverAt(afterBackoff, window, zone);
    }

    /**
     * When a message picked for hand-over at {@code at} may be handed over: {@code at} itself, but a
     * message to a person (a contact; not a critical one) whose send window is closed at {@code at} in
     * the person's {@code zone} (null: {@link Contact#DEFAULT_TIME_ZONE}) waits for its next opening. The
     * window is asked again at the moment of handing over, not only when the message was queued: one due
     * at 17:59:59 that a late or busy worker picks at 18:00:30 waits until 09:00 of the next business day,
     * and one whose day became a holiday since it was queued waits for the next business day.
     */
    public Instant handOverAt(Instant at, SendWindow window, java.time.ZoneId zone) {
        return request.critical() || contactId == null ? at
                : window.nextOpening(at, zone == null ? Contact.DEFAULT_TIME_ZONE : zone);
    }

    /**
     * When this queued message is due under its tenant's send window and calendar as they are now, after the
     * calendar changed (collections-service shared a make-up working day or a holiday after the message was
     * queued) or the tenant changed its send window (widened: earlier; narrowed: later): a message to a person (a contact; not a critical one) goes at the window's first opening from
     * {@code earliest} (when it may go at the earliest whatever the window: when it was queued, or the end of
     * its retry's backoff, {@link RetrySchedule#notBefore}), not before {@code now}, in the person's
     * {@code zone} (null: {@link Contact#DEFAULT_TIME_ZONE}): earlier on a new make-up working day (queued on
     * Friday 9 October 2026 at 19:00, due Monday 12 October 09:00, and Saturday 10 October made a working day:
     * Saturday 09:00), later over a new holiday. Any other message keeps its due time: no window waits it.
     */
    public Instant dueOnCalendarOf(SendWindow window, java.time.ZoneId zone, Instant earliest, Instant now) {
        if (request.critical() || contactId == null) {
            return nextAttemptAt;
        }
        return handOverAt(earliest.isAfter(now) ? earliest : now, window, zone);
    }

    /** A request its requester withdrew before it arrived: never resolved, rendered or sent. */
    public static Message withdrawn(String tenantId, MessageRequest request, Withdrawal withdrawal, Instant now) {
        return new Message(request.requestId(), tenantId, request, MessageStatus.WITHDRAWN, null, null, null,
                request.languageHint().orElse(null), null, null, null, withdrawal.reason(), 0, null, now, null);
    }

    /** A request that cannot be sent, with the reason the requester sees. */
    public static Message failed(String tenantId, MessageRequest request, ContactChoice.Choice choice,
            Language language, String reason, Instant now) {
        return new Message(request.requestId(), tenantId, request, MessageStatus.FAILED,
                choice == null ? null : choice.channel(),
                choice == null || choice.contact() == null ? null : choice.contact().id(),
                choice == null ? null : choice.address(), language, null, null, null, reason, 0, null, now, null);
    }
}
