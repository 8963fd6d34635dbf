package io.tradecredit.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.testing.Database;
import io.vertx.mutiny.sqlclient.Tuple;

/** Idempotency for work done with plain SQL (a hot path): key, work and stored answer in one transaction. */
@QuarkusTest
class IdempotencyPlainSqlTest {
    @Inject
    Idempotency idempotency;

    private Uni<RestResponse<String>> logOnce(String note, boolean fail) {
        return CurrentTransaction.execute("insert into widget_log (id, tenant_id, note, logged_at)"
                + " values ($1, 'acme', $2, now())", Tuple.of(UUID.randomUUID(), note))
                .chain(() -> fail ? Uni.createFrom().failure(new IllegalStateException("after the insert"))
                        : Uni.createFrom().item(RestResponse.ok("logged " + note)));
    }

    private RestResponse<String> call(String key, Object request, String note, boolean fail) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> idempotency.once("acme", "log", key, request,
                String.class, () -> logOnce(note, fail)));
    }

    @Test
    void aRetryReplaysTheFirstAnswerAndDoesTheWorkOnce() throws Throwable {
        String key = UUID.randomUUID().toString();
        String note = "idem-" + key;
        RestResponse<String> first = call(key, Map.of("n", 1), note, false);
        RestResponse<String> retry = call(key, Map.of("n", 1), note, false);
        assertEquals("logged " + note, first.getEntity());
        assertNull(first.getHeaderString("Idempotent-Replayed"));
        assertEquals("logged " + note, retry.getEntity());
        assertEquals("true", retry.getHeaderString("Idempotent-Replayed"));
        assertEquals(1, Database.count("select count(*) from widget_log where note = ?", note));

        ProblemException other = assertThrows(ProblemException.class, () -> call(key, Map.of("n", 2), note, false));
        assertEquals(422, other.problem().status());
    }

    @Test
    void aFailedFirstCallUndoesItsWorkAndDoesNotBurnTheKey() throws Throwable {
        String key = UUID.randomUUID().toString();
        String note = "idem-" + key;
        assertThrows(IllegalStateException.class, () -> call(key, Map.of("n", 1), note, true));
        assertEquals(0, Database.count("select count(*) from widget_log where note = ?", note), "rolled back with it");
        assertEquals(0, Database.count("select count(*) from idempotency_key where key = ?", key));

        assertEquals("logged " + note, call(key, Map.of("n", 1), note, false).getEntity());
        assertEquals(1, Database.count("select count(*) from widget_log where note = ?", note));
    }
}
