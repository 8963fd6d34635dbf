package io.tradecredit.collections.events;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.common.events.MessageRequests;
import io.tradecredit.common.events.OutgoingEvent;

/**
 * A request to notification-service to send one dunning message
 * ({@code io.tradecredit.notification.message-requested.v1} on {@code notification-requests}, keyed by
 * its request id). The request id is the message's deterministic id ({@code DunningMessage.requestId})
 * and also the CloudEvent id, so a re-run of the day, or a draft approved later, asks with the same
 * id and notification-service sends it once. It says what and to whom, never where.
 */
public final class MessageRequested {
    public static final String TYPE = MessageRequests.TYPE;
    public static final String PURPOSE = "dunning";

    private MessageRequested() {
    }

    /** The request's body (also what a draft keeps until it is approved). */
    public static Map<String, Object> body(UUID requestId, DunningMessage message, LetterFacts facts, LocalDate runDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId.toString());
        body.put("purpose", PURPOSE);
        body.put("templateKey", message.templateKey());
        body.put("channel", message.channel().name());
        body.put("recipient", Map.of("kind", "BUYER", "buyerId", facts.buyerId().toString()));
        // no language hint: the buyer's contact has its own; a dunning message keeps to the send window
        body.put("critical", false);
        body.put("legallyRequired", message.legallyRequired());
        body.put("attachLetter", message.attachLetter());
        body.put("data", DunningRequestData.of(message, facts, runDate));
        return body;
    }

    /** The event of a request body, with the request id as CloudEvent id and Kafka key. */
    public static OutgoingEvent event(String tenantId, UUID requestId, Map<String, Object> body) {
        return MessageRequests.event(tenantId, requestId, body);
    }
}
