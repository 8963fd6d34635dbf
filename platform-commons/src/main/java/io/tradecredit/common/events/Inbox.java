package io.tradecredit.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.persistence.DatabaseUnavailable;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies an incoming event at most once per consumer: its id is inserted into {@code inbox} in
 * the same transaction as the effect, and a redelivered event finds it there and is skipped.
 *
 * <p>A poison message fails at once (the channel's dead-letter strategy takes it). The database
 * being away (down, restarting, the connection cut: {@link DatabaseUnavailable}) is waited out,
 * retried with backoff for as long as it lasts, since it says nothing against the event: the
 * channel stops on the record meanwhile and goes on where it stopped. An event whose earlier event
 * has not been applied ({@link EarlierEventMissing}) is retried for {@code tradecredit.inbox.earlier-event-wait-ms}
 * and then parked with that reason, never applied wrongly nor dropped. Any other failure (a lock
 * timeout, the effect refusing the event) is retried {@code tradecredit.inbox.retries} times
 * before it is given up to the DLQ.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    static final String CLAIM = "insert into inbox (consumer, event_id, tenant_id, event_type, received_at)"
            + " values ($1, $2, $3, $4, $5) on conflict do nothing";

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tradecredit.inbox.retries", defaultValue = "5")
    int retries;

    @ConfigProperty(name = "tradecredit.inbox.initial-backoff-ms", defaultValue = "200")
    long initialBackoffMs;

    @ConfigProperty(name = "tradecredit.inbox.earlier-event-wait-ms", defaultValue = "30000")
    long earlierEventWaitMs;

    /**
     * Parses the record and applies {@code effect} once, in a transaction. Returns whether the
     * effect ran (false for a duplicate).
     */
    public Uni<Boolean> receive(String consumer, ConsumerRecord<String, String> record,
            Function<IncomingEvent, Uni<Void>> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record, json);
        } catch (PoisonMessageException e) {
            LOG.warnf("%s: poison message to the DLQ: %s", consumer, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        Duration backoff = Duration.ofMillis(initialBackoffMs);
        return CurrentTransaction.run(() -> applyOnce(consumer, event, effect))
                .onFailure(DatabaseUnavailable::causedBy).invoke(failure -> LOG.warnf(
                        "%s: the database is away (%s); event %s waits for it", consumer, failure, event.id()))
                .onFailure(DatabaseUnavailable::causedBy).retry().withBackOff(backoff, Duration.ofSeconds(5)).indefinitely()
                .onFailure(EarlierEventMissing::causedBy).invoke(failure -> LOG.infof(
                        "%s: event %s waits for an earlier one (%s)", consumer, event.id(), failure.getMessage()))
                .onFailure(EarlierEventMissing::causedBy).retry().withBackOff(backoff, Duration.ofSeconds(5))
                .expireIn(earlierEventWaitMs)
                .onFailure().transform(EarlierEventMissing::unwrap)
                .onFailure(Inbox::workFailed).invoke(failure -> LOG.warnf(
                        "%s: event %s failed (%s); tried again up to %d times, then parked", consumer, event.id(), failure, retries))
                .onFailure(Inbox::workFailed)
                .retry().withBackOff(backoff, Duration.ofSeconds(10)).atMost(retries);
    }

    /**
     * As {@link #receive(String, ConsumerRecord, Function)}, for a consumer that reads only some of
     * a topic's {@code types} (full CloudEvent types): a record of another type is skipped before it
     * is parsed, with no transaction and no inbox row, since skipping it twice is harmless. On a
     * topic where most events are of no interest (collection-cases carries a step-taken event per
     * dunned invoice) this keeps the database out of it. A record without a type is read as usual,
     * so a malformed one still reaches the DLQ.
     */
    public Uni<Boolean> receive(String consumer, ConsumerRecord<String, String> record, Set<String> types,
            Function<IncomingEvent, Uni<Void>> effect) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type != null && type.value() != null
                && !types.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            return Uni.createFrom().item(false);
        }
        return receive(consumer, record, effect);
    }

    /** A failure of the work itself: neither poison (parked at once) nor a missing earlier event (waited for). */
    private static boolean workFailed(Throwable failure) {
        return !(failure instanceof PoisonMessageException) && !EarlierEventMissing.causedBy(failure);
    }

    /** For callers already inside a transaction: claims the event id, then runs the effect. */
    public Uni<Boolean> applyOnce(String consumer, IncomingEvent event, Function<IncomingEvent, Uni<Void>> effect) {
        return CurrentTransaction.execute(CLAIM,
                Tuple.of(consumer, event.id(), event.tenantId(), event.type(), OffsetDateTime.now(clock)))
                .chain(claimed -> {
                    if (claimed.rowCount() == 0) {
                        LOG.debugf("%s: duplicate event %s skipped", consumer, event.id());
                        return Uni.createFrom().item(false);
                    }
                    return effect.apply(event).replaceWith(true);
                });
    }
}
