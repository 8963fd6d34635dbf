package io.tradecredit.notification.app;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.StatusChange;
import io.tradecredit.notification.events.MessageStatusChanged;

/**
 * Publishes messages' status changes: the event in the outbox of the current transaction, and
 * the counter {@code notification_messages_total} by channel and status (an operator's alert on
 * UNKNOWN and FAILED watches it).
 */
@ApplicationScoped
public class StatusEvents {
    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry metrics;

    /** Messages recorded SENT, each published at its own {@code sentAt} (when its hand-over ended). */
    public Uni<Void> sent(List<Message> sent) {
        return record(sent, Message::sentAt);
    }

    public Uni<Void> changed(List<Message> changed, Instant at) {
        return record(changed, m -> at);
    }

    private Uni<Void> record(List<Message> changed, java.util.function.Function<Message, Instant> at) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.record(changed.stream().map(m -> MessageStatusChanged.of(StatusChange.of(m, at.apply(m)))).toList())
                .invoke(() -> changed.forEach(m -> metrics.counter("notification.messages", "channel",
                        m.channel() == null ? "NONE" : m.channel().name(), "status", m.status().name()).increment()));
    }
}
