package io.tradecredit.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.persistence.OwnContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@link Inbox} for a channel read in batches ({@code mp.messaging.incoming.<channel>.batch=true}):
 * a poll's records are applied at most once each, in one transaction with one inbox statement,
 * instead of a transaction and an inbox insert per record (issue 13: what a busy consumer costs
 * is mostly those round trips).
 *
 * <p>The guarantees are {@link Inbox}'s, per record: an event id already in the inbox (from an
 * earlier poll, or earlier in the same poll) is skipped; a record that cannot be read goes to the
 * channel's dead-letter topic alone, its neighbours applied. If the poll's transaction fails (an
 * effect refused its event, the database went away), nothing of it is kept and its records are
 * applied again one at a time through {@link Inbox#receive}, each in its own transaction with its
 * retries, a failing one parked on the dead-letter topic as it would have been unbatched.
 */
@ApplicationScoped
public class BatchInbox {
    private static final Logger LOG = Logger.getLogger(BatchInbox.class);
    /** Claims the poll's event ids with one statement; answers those not seen before. */
    static final String CLAIM_ALL = "insert into inbox (consumer, event_id, tenant_id, event_type, received_at)"
            + " select $1, e.id, e.tenant, e.type, $5 from unnest($2::text[], $3::text[], $4::text[]) as e(id, tenant, type)"
            + " on conflict do nothing returning event_id";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** A record of the poll read as an event. */
    private record Read(KafkaRecord<String, String> record, ConsumerRecord<String, String> raw, IncomingEvent event) {
    }

    /** Applies {@code effect} once to each record of the poll, whatever its type, then acknowledges the poll. */
    public Uni<Void> receiveAll(String consumer, KafkaRecordBatch<String, String> batch,
            Function<IncomingEvent, Uni<Void>> effect) {
        return receiveAll(consumer, batch, null, effect);
    }

    /**
     * Applies {@code effect} once to each record of the poll of {@code types} (full CloudEvent
     * types; a record of another type is skipped unread, as {@link Inbox#receive(String,
     * ConsumerRecord, Set, Function)} does), then acknowledges the poll.
     */
    public Uni<Void> receiveAll(String consumer, KafkaRecordBatch<String, String> batch, Set<String> types,
            Function<IncomingEvent, Uni<Void>> effect) {
        return receive(consumer, batch, types, effect, fresh -> Multi.createFrom().iterable(fresh).onItem()
                .transformToUniAndConcatenate(e -> effect.apply(e).replaceWith(Boolean.TRUE)).collect().last().replaceWithVoid());
    }

    /**
     * For a consumer whose effect is rows of its own: each new event of the poll of {@code types} is
     * {@code read} into its rows (no I/O; it may answer none, and throws for an event it cannot
     * read), and the poll's rows are written together by one call of {@code write} (one set-based
     * insert) in the poll's transaction, instead of a statement per event. The guarantees are
     * {@link #receiveAll(String, KafkaRecordBatch, Set, Function)}'s: an event that cannot be read
     * fails the poll's transaction, and then each event is read and written on its own, the
     * unreadable one parked on the dead-letter topic alone.
     */
    public <T> Uni<Void> receiveAll(String consumer, KafkaRecordBatch<String, String> batch, Set<String> types,
            Function<IncomingEvent, List<T>> read, Function<List<T>, Uni<Void>> write) {
        Function<IncomingEvent, Uni<Void>> alone = e -> Uni.createFrom().deferred(() -> write.apply(read.apply(e)));
        return receive(consumer, batch, types, alone, fresh -> Uni.createFrom().deferred(() -> {
            List<T> rows = new ArrayList<>();
            fresh.forEach(e -> rows.addAll(read.apply(e)));
            return write.apply(rows);
        }));
    }

    /**
     * For a consumer that applies a poll's events together (set-based lookups and writes, issue 13):
     * {@code together} is handed the poll's new events of {@code types} as one list, in the poll's
     * order, and applies them in the poll's transaction. The guarantees are {@link
     * #receiveAll(String, KafkaRecordBatch, Set, Function)}'s: an id already in the inbox, or earlier
     * in the same poll, is left out of the list; an unreadable record goes to the dead-letter topic
     * alone; if {@code together} fails, nothing of the poll is kept and each event is applied again
     * on its own by {@code alone}, through {@link Inbox#receive}.
     */
    public Uni<Void> receiveTogether(String consumer, KafkaRecordBatch<String, String> batch, Set<String> types,
            Function<IncomingEvent, Uni<Void>> alone, Function<List<IncomingEvent>, Uni<Void>> together) {
        return receive(consumer, batch, types, alone, fresh -> Uni.createFrom().deferred(() -> together.apply(fresh)));
    }

    private Uni<Void> receive(String consumer, KafkaRecordBatch<String, String> batch, Set<String> types,
            Function<IncomingEvent, Uni<Void>> effect, Function<List<IncomingEvent>, Uni<Void>> applyFresh) {
        List<Read> events = new ArrayList<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            ConsumerRecord<String, String> raw = raw(record);
            if (!ofInterest(raw, types)) {
                continue;
            }
            try {
                events.add(new Read(record, raw, IncomingEvent.from(raw, json)));
            } catch (PoisonMessageException e) {
                LOG.warnf("%s: poison message to the DLQ: %s", consumer, e.getMessage());
                parked.add(Uni.createFrom().completionStage(() -> record.nack(e)));
            }
        }
        Uni<Void> applied = events.isEmpty() ? Uni.createFrom().voidItem()
                : CurrentTransaction.run(() -> applyAll(consumer, events, applyFresh))
                        .onFailure().recoverWithUni(failure -> oneByOne(consumer, events, effect, failure));
        return applied.chain(() -> parked.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(parked).andFailFast()
                .replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /** In the current transaction: claims every event id with one statement, then applies the new ones in order. */
    private Uni<Void> applyAll(String consumer, List<Read> events, Function<List<IncomingEvent>, Uni<Void>> applyFresh) {
        Tuple claim = Tuple.of(consumer, events.stream().map(r -> r.event().id()).toArray(String[]::new),
                events.stream().map(r -> r.event().tenantId()).toArray(String[]::new),
                events.stream().map(r -> r.event().type()).toArray(String[]::new), OffsetDateTime.now(clock));
        return CurrentTransaction.execute(CLAIM_ALL, claim).chain(rows -> {
            Set<String> fresh = new HashSet<>();
            rows.forEach(row -> fresh.add(row.getString("event_id")));
            // an id claimed now is applied once: its first record in the poll; any repeat is a duplicate
            List<IncomingEvent> toApply = events.stream().map(Read::event).filter(e -> fresh.remove(e.id())).toList();
            LOG.debugf("%s: %d of %d events in the poll are new", consumer, toApply.size(), events.size());
            return toApply.isEmpty() ? Uni.createFrom().voidItem() : applyFresh.apply(toApply);
        });
    }

    /** The poll's transaction failed: each record on its own, as an unbatched consumer reads it. */
    private Uni<Void> oneByOne(String consumer, List<Read> events, Function<IncomingEvent, Uni<Void>> effect, Throwable why) {
        LOG.infof("%s: a poll of %d events failed together (%s); applying them one by one", consumer, events.size(),
                why.toString());
        // the poll's failure may arrive on a context not flagged safe for Panache (the database client's):
        // each event gets a context of its own, as an unbatched record would
        Context from = Vertx.currentContext();
        return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(r -> OwnContext.run(from,
                () -> inbox.receive(consumer, r.raw(), effect))
                .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(() -> r.record().nack(failure))
                        .replaceWith(Boolean.FALSE)))
                .collect().last().replaceWithVoid();
    }

    private static boolean ofInterest(ConsumerRecord<String, String> raw, Set<String> types) {
        Header type = raw.headers().lastHeader(CloudEventHeaders.TYPE);
        return types == null || type == null || type.value() == null || types.contains(new String(type.value(), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> raw(KafkaRecord<String, String> record) {
        return (ConsumerRecord<String, String>) record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a record of a Kafka batch without its metadata"))
                .getRecord();
    }
}
