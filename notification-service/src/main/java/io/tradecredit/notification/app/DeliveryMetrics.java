package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.persistence.MessageRepository;

/**
 * What an operator watches of delivery (docs/notification-service.md, "Metrics"), per channel:
 * {@code notification.messages.due} (QUEUED messages whose time has come),
 * {@code notification.messages.oldest.due.seconds} (how long the oldest of them has been due: a
 * stuck channel or a slow worker), {@code notification.messages.unknown} (UNKNOWN messages to
 * settle by hand), read from the database at most every {@code tradecredit.notification.metrics-every}
 * (30 s), never per scrape; and, counted as they happen, {@code notification.retries} (a failed
 * attempt to be tried again) and {@code notification.fallbacks} (from, to). The published status
 * changes are counted by {@link StatusEvents}.
 */
@Startup
@ApplicationScoped
public class DeliveryMetrics {
    @Inject
    MeterRegistry metrics;

    @Inject
    MessageRepository messages;

    @Inject
    Clock clock;

    private final Map<ChannelType, AtomicLong> due = new EnumMap<>(ChannelType.class);
    private final Map<ChannelType, AtomicLong> oldestDueSeconds = new EnumMap<>(ChannelType.class);
    private final Map<ChannelType, AtomicLong> unknown = new EnumMap<>(ChannelType.class);

    @PostConstruct
    void register() {
        for (ChannelType c : ChannelType.values()) {
            Tags tags = Tags.of("channel", c.name());
            due.put(c, metrics.gauge("notification.messages.due", tags, new AtomicLong()));
            oldestDueSeconds.put(c, metrics.gauge("notification.messages.oldest.due.seconds", tags, new AtomicLong()));
            unknown.put(c, metrics.gauge("notification.messages.unknown", tags, new AtomicLong()));
        }
    }

    @Scheduled(identity = "notification-metrics", every = "${tradecredit.notification.metrics-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return refresh(clock.instant());
    }

    /** Reads the backlog as of {@code now}; the gauges keep it until the next read (a channel without any reads 0). */
    public Uni<Void> refresh(Instant now) {
        return CurrentTransaction.run(() -> messages.backlog(now)).invoke(rows -> {
            for (ChannelType c : ChannelType.values()) {
                var row = rows.stream().filter(r -> r.channel() == c).findFirst();
                due.get(c).set(row.map(MessageRepository.Backlog::due).orElse(0L));
                unknown.get(c).set(row.map(MessageRepository.Backlog::unknown).orElse(0L));
                oldestDueSeconds.get(c).set(row.map(MessageRepository.Backlog::oldestDueSince)
                        .map(since -> Math.max(0, Duration.between(since, now).toSeconds())).orElse(0L));
            }
        }).replaceWithVoid();
    }

    void retried(ChannelType channel) {
        metrics.counter("notification.retries", "channel", channel.name()).increment();
    }

    void fellBack(ChannelType from, ChannelType to) {
        metrics.counter("notification.fallbacks", "from", from.name(), "to", to.name()).increment();
    }
}
