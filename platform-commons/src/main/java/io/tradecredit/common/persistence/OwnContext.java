package io.tradecredit.common.persistence;

import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Work on a Vert.x context of its own: Panache keeps the session and transaction in the context,
 * so work started beside other work (a delivery pass after intake, hand-overs that run at once)
 * must not share one. The context is flagged safe for Panache here, explicitly: a new duplicate
 * carries none of its parent's flags, and Panache refuses one not flagged ("requires a safe
 * (isolated) Vert.x sub-context") unless something else happened to flag it on the way.
 */
public final class OwnContext {
    private OwnContext() {
    }

    /** A new duplicate of {@code from}'s event loop, flagged safe for Panache; null when {@code from} is. */
    public static Context of(Context from) {
        Context own = VertxContext.createNewDuplicatedContext(from);
        if (own != null) {
            VertxContextSafetyToggle.setContextSafe(own, true);
        }
        return own;
    }

    /**
     * {@code work} subscribed on a context of its own (see {@link #of}); on the caller's thread when
     * {@code from} is null (no Vert.x context to duplicate).
     */
    public static <T> Uni<T> run(Context from, Supplier<Uni<T>> work) {
        Context own = of(from);
        Uni<T> deferred = Uni.createFrom().deferred(work::get);
        return own == null ? deferred : deferred.runSubscriptionOn(task -> own.runOnContext(v -> task.run()));
    }
}
