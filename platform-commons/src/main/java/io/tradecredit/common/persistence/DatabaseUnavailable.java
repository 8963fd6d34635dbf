package io.tradecredit.common.persistence;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure of the database being away (down, restarting, the connection cut) from a failure
 * of the work itself. The first says nothing about the event or request being worked on: waiting
 * and trying again is right, however long the outage, and parking the work on a dead-letter topic
 * would lose a good event (found by the fault suite: a PostgreSQL crash outlasted the inbox's
 * retries). The second may be the work's own fault, and is retried a bounded number of times.
 */
public final class DatabaseUnavailable {
    /**
     * SQLSTATE of the server going or not there yet: class 08 (connection exception), 57P01
     * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or recovering),
     * 53300 too_many_connections (every slot taken while the server restarts its clients).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /**
     * What the Vert.x SQL client says, with no SQLSTATE and no cause, of a statement sent on a
     * connection the server has just dropped (seen when the fault suite killed PostgreSQL).
     */
    private static final List<String> DROPPED_CONNECTION = List.of("Connection is not active now",
            "Pending requests failed to be sent due to connection has been closed");

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything that caused it, is the database being unreachable. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return true;
                }
            } else if (t instanceof ClosedConnectionException || t instanceof IOException) {
                // java.net.ConnectException (refused), a reset or closed socket
                return true;
            } else if (t.getClass().getName().startsWith("io.vertx.") && saysDropped(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysDropped(String message) {
        return message != null && DROPPED_CONNECTION.stream().anyMatch(message::startsWith);
    }
}
