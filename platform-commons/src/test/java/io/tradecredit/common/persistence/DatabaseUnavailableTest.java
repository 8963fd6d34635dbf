package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.events.PoisonMessageException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Worked examples: which failures are the database being away, and which are the work's own. */
class DatabaseUnavailableTest {

    private static PgException state(String sqlState) {
        return new PgException("message", "FATAL", sqlState, null);
    }

    @Test
    void theServerGoingOrNotYetBackIsTheDatabaseBeingAway() {
        assertTrue(DatabaseUnavailable.causedBy(state("57P01")), "terminating connection due to administrator command");
        assertTrue(DatabaseUnavailable.causedBy(state("57P02")), "crash shutdown");
        assertTrue(DatabaseUnavailable.causedBy(state("57P03")), "the database system is starting up");
        assertTrue(DatabaseUnavailable.causedBy(state("08006")), "connection failure");
        assertTrue(DatabaseUnavailable.causedBy(state("08001")), "unable to connect");
        assertTrue(DatabaseUnavailable.causedBy(state("53300")), "too many connections");
        assertTrue(DatabaseUnavailable.causedBy(new ConnectException("Connection refused")));
        assertTrue(DatabaseUnavailable.causedBy(ClosedConnectionException.INSTANCE));
    }

    @Test
    void aStatementOnAConnectionTheServerDroppedIsTheDatabaseBeingAway() {
        // what the Vert.x SQL client fails with, no SQLSTATE and no cause, when PostgreSQL is killed
        assertTrue(DatabaseUnavailable.causedBy(
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")));
        assertTrue(DatabaseUnavailable.causedBy(new CompletionException(new VertxException(
                "Pending requests failed to be sent due to connection has been closed.", true))));
        assertFalse(DatabaseUnavailable.causedBy(new NoStackTraceThrowable("Result is already complete")));
        assertFalse(DatabaseUnavailable.causedBy(new NoStackTraceThrowable(null)));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException(
                "Connection is not active now, current status: CLOSED")), "the same words from elsewhere");
    }

    @Test
    void aCauseIsFoundUnderTheWrappersItArrivesIn() {
        assertTrue(DatabaseUnavailable.causedBy(new CompletionException(new RuntimeException("session", state("57P01")))));
    }

    @Test
    void theWorksOwnFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(state("23505")), "unique violation");
        assertFalse(DatabaseUnavailable.causedBy(state("55P03")), "lock not available: retried a bounded number of times");
        assertFalse(DatabaseUnavailable.causedBy(state("40001")), "serialization failure: likewise");
        assertFalse(DatabaseUnavailable.causedBy(state(null)));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalArgumentException("no name")));
        assertFalse(DatabaseUnavailable.causedBy(new PoisonMessageException("not JSON")));
        assertFalse(DatabaseUnavailable.causedBy(new CompletionException(new IllegalStateException("refused"))));
    }
}
