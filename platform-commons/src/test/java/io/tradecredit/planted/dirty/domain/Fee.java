package io.tradecredit.planted.dirty.domain;

import io.tradecredit.planted.dirty.app.Fees;
import io.vertx.core.Vertx;

/** Planted violations: a rule that reaches for Vert.x and for a use case (which imports domain: a cycle). */
public record Fee(String amount) {
    public boolean onEventLoop() {
        return Vertx.currentContext() != null && new Fees() != null;
    }
}
