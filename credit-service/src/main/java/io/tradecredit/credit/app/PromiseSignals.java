package io.tradecredit.credit.app;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.persistence.BuyerRepository;

/**
 * A promise to pay the buyer broke, as collections-service judged it (its
 * {@code promise-broken} event): a payment-behaviour signal. The buyer is assessed again with the
 * broken promise as the cause (its overdue days as of today weigh in the payment-behaviour factor),
 * and the credit manager gets a {@code PROMISE_BROKEN} alert. A buyer not registered here is
 * ignored, as ledger events about it are.
 */
@ApplicationScoped
public class PromiseSignals {
    @Inject
    BuyerRepository buyers;

    @Inject
    Assessments assessments;

    @Inject
    Alerts alerts;

    /** Inside the inbox's transaction. */
    public Uni<Void> promiseBroken(String tenantId, UUID buyerId, Money promised, Money paid, LocalDate promisedDate) {
        String what = "promise to pay " + promised + " by " + promisedDate + " broken: " + paid + " paid";
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).chain(b -> b == null
                ? Uni.createFrom().voidItem()
                : assessments.reassess(b, what).chain(() -> alerts.raise(b, Alert.PROMISE_BROKEN, what))
                        .replaceWithVoid()));
    }
}
