package io.tradecredit.common.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * Publishes committed outbox rows to Kafka and marks them sent.
 *
 * <p>Each round locks a batch with {@code FOR UPDATE SKIP LOCKED}, so several replicas share the
 * work without publishing a row twice, and keeps only rows with no earlier unsent row of the same
 * aggregate held elsewhere, so one aggregate's events are published in order even when replicas
 * race. It wakes on {@code NOTIFY tradecredit_outbox} from the insert trigger and also polls, in
 * case a notification was missed (listener reconnecting, relay paused).
 *
 * <p>It relays on connections of its own ({@code tradecredit.outbox.relay.connections}), not the
 * application's pool: under load every pooled connection is taken by requests and consumers, and a
 * relay queued behind them held every committed event back (issue 15: a payment's case-closed took
 * seconds at 200 payments/s). The chart counts them against the database's max_connections.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Quarkus reads a SQL client's metrics name as {@code <prefix>|<client name>}, as it names the service's pool. */
    static final String METRICS_NAME = "postgresql|outbox-relay";

    // One pass per round, whatever the planner thinks of the backlog: the first unsent row of each
    // locked aggregate that another relay holds ("foreign") is found once, set-wise, instead of
    // one probe per locked row (which went quadratic on a large backlog of one buyer's events).
    // The batch size is written into the statement, not bound: with "limit $1" PostgreSQL found a
    // plan for the known limit cheaper than the generic one and planned every round anew (0.5 ms of
    // its CPU a round, issue 15's pg_stat_statements); a statement without parameters keeps one plan.
    static final String LOCK_BATCH = """
            with locked as (
                select seq, aggregate_id from outbox
                where sent_at is null order by seq limit %d
                for update skip locked),
            foreign_first as (
                select p.aggregate_id, min(p.seq) as seq from outbox p
                where p.sent_at is null
                  and p.aggregate_id in (select aggregate_id from locked)
                  and p.seq < (select max(seq) from locked)
                  and p.seq not in (select seq from locked)
                group by p.aggregate_id)
            select o.seq, o.event_id, o.tenant_id, o.topic, o.aggregate_id, o.event_type, o.payload, o.occurred_at
            from locked l join outbox o on o.seq = l.seq
            left join foreign_first f on f.aggregate_id = l.aggregate_id
            where f.seq is null or l.seq < f.seq
            order by o.seq""";
    static final String MARK_SENT = "update outbox set sent_at = $2 where seq = any($1)";
    static final String BACKLOG = "select count(*) as unsent from outbox where sent_at is null";

    @Inject
    Vertx vertx;

    @Inject
    KafkaEventPublisher publisher;

    @Inject
    java.time.Clock clock;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "tradecredit.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "tradecredit.outbox.relay.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "tradecredit.outbox.relay.connections", defaultValue = "2")
    int connections;

    @ConfigProperty(name = "tradecredit.outbox.relay.poll-interval-ms", defaultValue = "1000")
    long pollIntervalMs;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    /** As the application's pool: a round's two statements parsed and planned once per connection, not per round. */
    @ConfigProperty(name = "quarkus.datasource.reactive.cache-prepared-statements", defaultValue = "false")
    boolean cachePreparedStatements;

    @ConfigProperty(name = "tradecredit.outbox.backlog-interval-ms", defaultValue = "10000")
    long backlogIntervalMs;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong unsent = new AtomicLong();
    private volatile boolean wokenWhileDraining;
    private volatile boolean paused;
    private PgSubscriber subscriber;
    /** The relay's own connections (rounds and the backlog gauge), apart from the application's pool. */
    private Pool relayPool;
    /** {@link #LOCK_BATCH} for this relay's batch size. */
    private String lockBatch;
    private long pollTimer = -1;
    private long backlogTimer = -1;

    /** The relay's own connections (a method: a field read through the bean's client proxy is the proxy's). */
    Pool relayPool() {
        return relayPool;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Outbox relay disabled by tradecredit.outbox.relay.enabled=false");
            return;
        }
        metrics.gauge("tradecredit.outbox.relay.paused", this, r -> r.paused ? 1 : 0);
        // a growing backlog means the relay cannot publish (broker down, relay paused)
        metrics.gauge("tradecredit.outbox.unsent", unsent);
        lockBatch = LOCK_BATCH.formatted(batchSize);
        // reported as postgresql_*{clientName="outbox-relay"} beside the service's own pool ("<default>"); without
        // a name its meters were m__*{clientName="<default>"}, looking like a second copy of the service's pool
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl)
                .setUser(databaseUser).setPassword(databasePassword).setCachePreparedStatements(cachePreparedStatements)
                .setMetricsName(METRICS_NAME);
        relayPool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(connections).setName("outbox-relay"));
        backlogTimer = vertx.setPeriodic(backlogIntervalMs, id -> relayPool.query(BACKLOG).execute().subscribe().with(
                rows -> unsent.set(rows.iterator().next().getLong("unsent")),
                failure -> LOG.debugf("outbox backlog not measured: %s", failure.getMessage())));
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempts -> 1000L);
        subscriber.channel("tradecredit_outbox").handler(payload -> wake());
        subscriber.connect().subscribe().with(
                ok -> wake(),
                failure -> LOG.warnf("Outbox LISTEN not connected (%s); polling every %d ms",
                        failure.getMessage(), pollIntervalMs));
        pollTimer = vertx.setPeriodic(pollIntervalMs, id -> wake());
    }

    void stop(@Observes ShutdownEvent event) {
        paused = true;
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (backlogTimer >= 0) {
            vertx.cancelTimer(backlogTimer);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        if (relayPool != null) {
            relayPool.closeAndForget();
        }
    }

    /** Stops publishing (rows keep accumulating); for operators and for tests of crash safety. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wake();
    }

    public boolean isPaused() {
        return paused;
    }

    /** Starts a drain unless one is running; a running drain is told to go round once more. */
    public void wake() {
        if (paused || !enabled) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining = true;
            return;
        }
        wokenWhileDraining = false;
        drain();
    }

    private void drain() {
        relayRound().subscribe().with(published -> {
            if (!paused && (published == batchSize || wokenWhileDraining)) {
                wokenWhileDraining = false;
                drain();
            } else {
                draining.set(false);
                if (wokenWhileDraining) {
                    wake();
                }
            }
        }, failure -> {
            draining.set(false);
            LOG.warnf("Outbox relay round failed, will retry: %s", failure.getMessage());
        });
    }

    /** One round: lock, publish, mark sent, commit. Returns the number of rows published. */
    Uni<Integer> publishBatch() {
        return publishBatch(() -> false);
    }

    /**
     * The drain's round: as {@link #publishBatch()}, but one that locks its rows after {@link #pause()} publishes none of
     * them (they stay unsent, the locks go with the transaction): a round already under way when the relay was paused
     * locked, on a loaded machine, a row committed after the pause and published it.
     */
    Uni<Integer> relayRound() {
        return publishBatch(() -> paused);
    }

    private Uni<Integer> publishBatch(BooleanSupplier stopped) {
        return relayPool.withTransaction(connection -> lockBatch(connection)
                .chain(rows -> rows.isEmpty() || stopped.getAsBoolean()
                        ? Uni.createFrom().item(0)
                        : Uni.createFrom().completionStage(() -> publisher.publish(rows))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                .chain(() -> markSent(connection, rows))
                                .replaceWith(rows.size())));
    }

    private Uni<List<OutboxRow>> lockBatch(SqlConnection connection) {
        return connection.preparedQuery(lockBatch).execute().map(rows -> {
            List<OutboxRow> batch = new ArrayList<>();
            for (Row r : rows) {
                batch.add(new OutboxRow(r.getLong("seq"), r.getUUID("event_id"), r.getString("tenant_id"),
                        r.getString("topic"), r.getString("aggregate_id"), r.getString("event_type"),
                        r.getString("payload"), r.getOffsetDateTime("occurred_at")));
            }
            return batch;
        });
    }

    private Uni<Void> markSent(SqlConnection connection, List<OutboxRow> rows) {
        Long[] seqs = rows.stream().map(OutboxRow::seq).toArray(Long[]::new);
        return connection.preparedQuery(MARK_SENT).execute(Tuple.of(seqs, OffsetDateTime.now(clock)))
                .invoke(() -> metrics.counter("tradecredit.outbox.published").increment(rows.size()))
                .replaceWithVoid();
    }
}
