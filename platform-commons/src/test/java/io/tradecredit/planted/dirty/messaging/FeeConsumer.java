package io.tradecredit.planted.dirty.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.vertx.mutiny.sqlclient.Pool;

/** Planted violation: a consumer (by its @Incoming method) that runs SQL itself. */
public class FeeConsumer {
    Pool pool;

    @Incoming("planted-fees")
    public void consume(String amount) {
        pool.query("insert into fee values ('" + amount + "')");
    }
}
