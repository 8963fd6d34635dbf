package io.tradecredit.notification.domain;

import java.time.Instant;

/**
 * One hand-over of a message to its channel and what came of it.
 *
 * @param outcome SENT, RETRY (failed, tried again later) or FAILED (failed, the last attempt)
 * @param detail the channel's refusal; null when sent
 */
public record DeliveryAttempt(int attempt, Instant at, String outcome, String detail) {
}
