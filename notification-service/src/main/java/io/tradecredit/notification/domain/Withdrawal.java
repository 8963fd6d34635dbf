package io.tradecredit.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A requester's withdrawal of a message it asked for, because the message is no longer true (the
 * buyer paid what a reminder asks for). A message not yet handed to a channel ends WITHDRAWN with
 * the reason (as the requester gave it, on its record and its status event) and is never sent; one already handed over is left as it is. A withdrawal that
 * arrives before its request is remembered: the request, when it arrives, ends WITHDRAWN at once.
 *
 * @param requestedBy who withdrew it: the requesting service, or a person's user id
 */
public record Withdrawal(UUID requestId, String reason, String requestedBy, Instant receivedAt) {
    /** The longest reason kept (the schema's maxLength): a person reads it on the message's record. */
    public static final int REASON_MAX = 500;

    /** What a withdrawal does to the message it names. */
    public enum Effect {
        /** QUEUED (waiting for its send window, or between retries): it ends WITHDRAWN now. */
        WITHDRAWS,
        /** No message yet (the withdrawal came first): the request ends WITHDRAWN when it arrives. */
        AWAITS_REQUEST,
        /** Being handed over now: it ends WITHDRAWN if that hand-over fails, and is sent if it succeeds. */
        IF_HAND_OVER_FAILS,
        /** Sent, delivered, failed or unknown: too late, nothing changes. */
        TOO_LATE,
        /** Withdrawn already: nothing changes. */
        ALREADY
    }

    /**
     * What the reason of a withdrawn message that may have reached its receiver starts with: an earlier hand-over got no
     * clear answer (a webhook's post timed out or its connection broke after sending; one left SENDING by a crash), so
     * the receiver may have it and the withdrawal cannot take it back. Such a message ends {@link MessageStatus#UNKNOWN},
     * never {@link MessageStatus#WITHDRAWN} (never sent), and is not sent again.
     */
    public static final String MAY_HAVE_BEEN_RECEIVED = "withdrawn by its requester after a hand-over without a clear"
            + " answer: the receiver may have it, so it is not sent again; the requester's reason: ";

    /** Where a withdrawn message not (or no longer) being handed over ends: WITHDRAWN, or UNKNOWN if it may have been received. */
    public static MessageStatus endsAs(boolean mayHaveBeenReceived) {
        return mayHaveBeenReceived ? MessageStatus.UNKNOWN : MessageStatus.WITHDRAWN;
    }

    /** The reason recorded and published with {@link #endsAs}: the requester's, after what it means when it may have been received. */
    public static String reasonOf(boolean mayHaveBeenReceived, String requestersReason) {
        return mayHaveBeenReceived ? MAY_HAVE_BEEN_RECEIVED + requestersReason : requestersReason;
    }

    /** Every gap of a withdrawal as read from its event, named by field; empty when it can be applied. */
    public static List<String> problems(String reason, String requestedBy) {
        List<String> out = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            out.add("reason: missing");
        } else if (reason.length() > REASON_MAX) {
            out.add("reason: longer than " + REASON_MAX + " characters");
        }
        if (requestedBy == null || requestedBy.isBlank()) {
            out.add("requestedBy: missing");
        }
        return out;
    }

    /** The effect on the message of the withdrawn request as it stands ({@code empty}: not recorded yet). */
    public static Effect effectOn(Optional<MessageStatus> status) {
        if (status.isEmpty()) {
            return Effect.AWAITS_REQUEST;
        }
        return switch (status.get()) {
            case QUEUED -> Effect.WITHDRAWS;
            case SENDING -> Effect.IF_HAND_OVER_FAILS;
            case WITHDRAWN -> Effect.ALREADY;
            case SENT, DELIVERED, FAILED, UNKNOWN -> Effect.TOO_LATE;
        };
    }
}
