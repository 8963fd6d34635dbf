package io.tradecredit.common.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;
import org.hibernate.reactive.pool.impl.SqlClientConnection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one way to be in a transaction. Panache keeps the current Hibernate Reactive session and its
 * transaction in the Vert.x context; {@link #run} opens one or joins the one already open, and
 * {@link #execute} runs plain SQL on that same transaction's connection. So a use case that
 * writes entities, a hot path that writes with one {@code unnest} statement (ADR 0005), the
 * outbox, the inbox, job runs and idempotency keys all share whatever transaction is current,
 * and no signature carries a connection.
 */
public final class CurrentTransaction {
    private CurrentTransaction() {
    }

    /** Runs {@code work} in the current transaction, or in a new one that commits when it succeeds. */
    public static <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work);
    }

    /** Fails unless a transaction is open: for writes that must share the state change's transaction. */
    public static Uni<Void> require() {
        return Panache.currentTransaction().onItem().ifNull().failWith(CurrentTransaction::none).replaceWithVoid();
    }

    /**
     * Runs a prepared statement ({@code $1}-style parameters) in the current transaction, on its
     * connection. The session is flushed first, as Hibernate does before a native statement, so
     * the statement sees (and may refer to) entities persisted earlier in the transaction.
     */
    public static Uni<RowSet<Row>> execute(String sql, Tuple parameters) {
        return require().chain(Panache::getSession).chain(session -> session.flush()
                .chain(() -> Uni.createFrom().completionStage(() -> connectionOf(session)
                        .preparedQuery(sql, parameters.getDelegate())))
                // typed, so its rows are the Mutiny Row (untyped, iterating gives the bare Vert.x rows)
                .map(rows -> RowSet.newInstance(rows, Row.__TYPE_ARG)));
    }

    /**
     * The parameters of a statement ({@code $1}, {@code $2}, ... in order), a null kept in its place
     * (SQL {@code null}). The one way the services build parameters that may be null: the Mutiny
     * {@code Tuple.of} takes nulls too, but stops at six values and has no varargs form (an
     * {@code Object[]} passed to it becomes one value).
     */
    public static Tuple params(Object... values) {
        return Tuple.from(Arrays.asList(values));
    }

    /**
     * The {@code id} column of a statement that selects and locks one batch of a job's rows
     * ({@code ... order by ... limit $n for update skip locked}): the batch is then loaded as
     * entities by these ids, so only one batch is ever in memory.
     */
    public static Uni<List<UUID>> lockIds(String sql, Tuple parameters) {
        return execute(sql, parameters).map(rows -> {
            List<UUID> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add(row.getUUID("id")));
            return ids;
        });
    }

    /** The SQL client connection under a Hibernate Reactive session (unwrapping statement batching). */
    private static SqlClientConnection connectionOf(Mutiny.Session session) {
        if (!(session instanceof MutinySessionImpl impl)) {
            throw new IllegalStateException("unexpected session type " + session.getClass().getName());
        }
        ReactiveConnection connection = impl.getReactiveConnection().withBatchSize(1);
        if (!(connection instanceof SqlClientConnection sql)) {
            throw new IllegalStateException("unexpected connection type " + connection.getClass().getName());
        }
        return sql;
    }

    static IllegalStateException none() {
        return new IllegalStateException("this must run inside the transaction of the state change"
                + " (CurrentTransaction.run)");
    }
}
