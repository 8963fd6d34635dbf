package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One message a run asks notification-service for: on one channel, with the template of
 * {@code step}, concerning the items listed (one, or all of a buyer's for that channel when the
 * tenant consolidates; {@code step} is then the highest of their steps).
 */
public record DunningMessage(Channel channel, DunningStep step, List<StepOutcome> items, boolean consolidated) {
    public DunningMessage {
        items = List.copyOf(items);
    }

    public String templateKey() {
        return step.message().orElseThrow().key();
    }

    /**
     * Whether the request asks notification-service to attach the step's letter: only an email, and
     * only when the step's message says so (the letter channel's request is the letter itself).
     */
    /** Whether this is a letter the law requires (a contact's opt-out of letters does not stop it); see {@link DunningAction}. */
    public boolean legallyRequired() {
        return channel == Channel.LETTER && step.message().orElseThrow().letterLegallyRequired(step.offsetDays());
    }

    public boolean attachLetter() {
        return channel == Channel.EMAIL && step.message().orElseThrow().attachLetter();
    }

    /**
     * The id of the request for this message: the same on every re-run of the day. A consolidated
     * message is one per buyer, step and channel; a message about one item also names the item,
     * so two invoices at the same step on the same day are two requests.
     */
    public UUID requestId(String tenantId, UUID buyerId, LocalDate runDate) {
        String subject = consolidated ? "" : items.get(0).itemReference();
        return NotificationRequestId.of(tenantId, buyerId, runDate, step.key(), channel, subject);
    }
}
