package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Work started from a bare event-loop context (as a Kafka callback's or a client's answer is) runs
 * its transaction on a context of its own; a plain duplicate of that context is refused by Panache.
 */
@QuarkusTest
class OwnContextTest {
    @Inject
    Vertx vertx;

    /** A transaction reading one row, started on {@code loop} by {@code start}; its value or its failure. */
    private Object transactionFrom(Context loop, Function<Context, Uni<Integer>> start) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        loop.runOnContext(v -> start.apply(Vertx.currentContext()).subscribe()
                .with(outcome::complete, outcome::complete));
        return outcome.get(30, TimeUnit.SECONDS);
    }

    private static Uni<Integer> selectOne() {
        return CurrentTransaction.run(() -> CurrentTransaction.execute("select 1 as one", Tuple.tuple())
                .map(rows -> rows.iterator().next().getInteger("one")));
    }

    @Test
    void aTransactionRunsOnAContextOfItsOwnStartedFromABareEventLoop() throws Exception {
        Context loop = vertx.getOrCreateContext();

        assertEquals(1, transactionFrom(loop, from -> OwnContext.run(from, OwnContextTest::selectOne)));

        Object refused = transactionFrom(loop, from -> {
            Context plain = VertxContext.createNewDuplicatedContext(from);
            return Uni.createFrom().deferred(OwnContextTest::selectOne)
                    .runSubscriptionOn(task -> plain.runOnContext(x -> task.run()));
        });
        assertTrue(refused instanceof IllegalStateException && ((Throwable) refused).getMessage()
                .contains("safe (isolated) Vert.x sub-context"), "a plain duplicate: " + refused);
    }

    @Test
    void eachCallIsANewContextOnTheSameEventLoopAndWithoutOneTheWorkRunsOnTheCaller()
            throws InterruptedException, ExecutionException {
        Context loop = vertx.getOrCreateContext();
        Context one = OwnContext.of(loop);
        Context two = OwnContext.of(loop);
        assertNotSame(one, two);
        assertTrue(VertxContext.isDuplicatedContext(one));
        assertSame(VertxContext.getRootContext(one), VertxContext.getRootContext(two));
        assertNull(OwnContext.of(null));

        Thread caller = Thread.currentThread();
        assertSame(caller, OwnContext.run(null, () -> Uni.createFrom().item(Thread::currentThread))
                .subscribeAsCompletionStage().get());
    }
}
