package io.tradecredit.notification.app;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.OwnContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A delivery pass as soon as intake has stored new messages, instead of at the worker's next tick
 * (up to {@code delivery.every}, 10 s, later): a critical request is on its way in the same second.
 * One pass at a time; a request during a pass asks for one more after it, so none is lost and a
 * burst of polls makes no pile of passes. The scheduled worker stays for what falls due later
 * (send windows, retries). {@code tradecredit.notification.delivery.on-request=false} leaves the
 * worker alone (tests that deliver at an instant of their own).
 */
@ApplicationScoped
public class DeliveryRuns {
    private static final Logger LOG = Logger.getLogger(DeliveryRuns.class);

    @ConfigProperty(name = "tradecredit.notification.delivery.on-request", defaultValue = "true")
    boolean onRequest;

    @Inject
    Deliveries deliveries;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean asked = new AtomicBoolean();

    /** Intake stored (committed) new messages: deliver what is due now, or after the pass under way. */
    public void messagesStored() {
        if (!onRequest) {
            return;
        }
        asked.set(true);
        if (running.compareAndSet(false, true)) {
            pass();
        }
    }

    private void pass() {
        asked.set(false);
        // a context of its own, flagged safe: the pass's transactions are not the intake's, and the Kafka
        // callback that asks for it has no request context whose propagation would flag the pass's contexts
        Context own = OwnContext.of(vertx.getOrCreateContext());
        own.runOnContext(v -> Uni.createFrom().deferred(() -> deliveries.deliverAllDue(clock.instant()))
                .subscribe().with(run -> ended(), failure -> {
                    LOG.warnf(failure, "an on-request delivery pass failed; the worker's next tick delivers");
                    ended();
                }));
    }

    private void ended() {
        running.set(false);
        if (asked.get() && running.compareAndSet(false, true)) {
            pass();
        }
    }
}
