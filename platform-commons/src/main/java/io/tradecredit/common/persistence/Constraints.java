package io.tradecredit.common.persistence;

import io.vertx.pgclient.PgException;

/**
 * Recognises a refused write by the database constraint that refused it, so a use case can answer
 * "already exists" for its own unique constraint and let every other failure through.
 */
public final class Constraints {
    /** PostgreSQL's SQLSTATE for a unique (or primary key) violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /**
     * Whether {@code failure}, or any of its causes, is PostgreSQL refusing a row for the unique
     * constraint {@code constraintName}: the reactive client's {@link PgException}, or the
     * {@link org.hibernate.exception.ConstraintViolationException} Hibernate Reactive turns it
     * into (which keeps the SQLSTATE and the constraint's name, not the PgException).
     */
    public static boolean uniqueViolated(Throwable failure, String constraintName) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && constraintName.equals(pg.getConstraint())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv
                    && UNIQUE_VIOLATION.equals(cv.getSQLState()) && constraintName.equals(cv.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
