package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.DunningAction;

/**
 * The work a dunning step does besides its message (a collector's task, a case opening, an agency
 * hand-off, legal preparation, a claim trigger), done by the slice of the service that owns that
 * work. The daily run finds every CDI bean of this type and hands each, per buyer and run, the
 * taken steps' actions of the kinds it names, in the run's transaction
 * ({@code CurrentTransaction}): the work commits with the step or not at all. A kind no bean names
 * is still taken and announced in the step-taken event (e.g. a claim trigger, which
 * insurance-claims-service judges).
 */
public interface StepWork {
    /** The kinds of action this bean does. */
    Set<DunningAction.Kind> kinds();

    /** Does the orders (all of one tenant and buyer, of this bean's kinds) in the current transaction. */
    Uni<Void> take(List<Order> orders);

    /** One action of one taken step of one item (an invoice, or an instalment of its plan). */
    record Order(String tenantId, UUID buyerId, LocalDate runDate, String itemReference, String stepKey,
            DunningAction action) {
    }
}
