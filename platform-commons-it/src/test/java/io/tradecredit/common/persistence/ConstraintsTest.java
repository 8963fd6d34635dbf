package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/** A refused duplicate is told by its constraint, however the database's refusal reaches the caller. */
@QuarkusTest
class ConstraintsTest {
    private static final String CONSTRAINT = "widget_code_unique";

    private static <T> Throwable failureOf(Supplier<Uni<T>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("the write succeeded");
    }

    private static Uni<Integer> insertWithHibernate(String code) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "insert into widget_code (tenant_id, code) values ('acme', :c)").setParameter("c", code)
                .executeUpdate()));
    }

    private static Uni<Void> insertWithPlainSql(String code) {
        return CurrentTransaction.run(() -> CurrentTransaction.execute(
                "insert into widget_code (tenant_id, code) values ('acme', $1)", Tuple.of(code)).replaceWithVoid());
    }

    /** Writes the same code twice with {@code insert}; the second write's failure names the constraint. */
    private static <T> void aDuplicateNamesItsConstraint(String prefix, Function<String, Uni<T>> insert)
            throws Throwable {
        String code = prefix + UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> insert.apply(code));
        Throwable failure = failureOf(() -> insert.apply(code));
        assertTrue(Constraints.uniqueViolated(failure, CONSTRAINT), failure::toString);
        assertFalse(Constraints.uniqueViolated(failure, "widget_other_unique"));
    }

    @Test
    void aDuplicateWrittenThroughHibernateNamesItsConstraint() throws Throwable {
        aDuplicateNamesItsConstraint("h-", ConstraintsTest::insertWithHibernate);
    }

    @Test
    void aDuplicateWrittenWithPlainSqlNamesItsConstraint() throws Throwable {
        aDuplicateNamesItsConstraint("p-", ConstraintsTest::insertWithPlainSql);
    }

    @Test
    void onlyAUniqueViolationOfThatConstraintCounts() {
        PgException unique = pg(Constraints.UNIQUE_VIOLATION, CONSTRAINT);
        assertTrue(Constraints.uniqueViolated(new CompletionException(unique), CONSTRAINT), "found among the causes");
        assertFalse(Constraints.uniqueViolated(pg("23503", CONSTRAINT), CONSTRAINT), "a foreign key violation");
        assertFalse(Constraints.uniqueViolated(new IllegalStateException("duplicate key value violates unique"
                + " constraint \"" + CONSTRAINT + "\""), CONSTRAINT), "a message is no constraint");
        assertTrue(Constraints.uniqueViolated(new org.hibernate.exception.ConstraintViolationException("refused",
                new SQLException("refused", Constraints.UNIQUE_VIOLATION), CONSTRAINT), CONSTRAINT));
        assertFalse(Constraints.uniqueViolated(null, CONSTRAINT));
    }

    private static PgException pg(String sqlState, String constraint) {
        return new PgException("refused", "ERROR", sqlState, null, null, null, null, null, null, null, null, null,
                "public", "widget_code", null, null, constraint);
    }
}
