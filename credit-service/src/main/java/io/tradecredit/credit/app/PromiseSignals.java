package io.tradecredit.credit.app;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.persistence.BuyerRepository;

/**
 * A promise to pay the buyer broke, as collections-service judged it (its
 * {@code promise-broken} event): a payment-behaviour signal. The buyer is assessed again with the
 * broken promise as the cause (its overdue days as of today weigh in the payment-behaviour factor),
 * and the credit manager gets one {@code PROMISE_BROKEN} alert, which also tells what the re-grade did (a fall past
 * the threshold with its cut, a withdrawn proposal): one email, not the promise and then the fall. A buyer not
 * registered here is ignored, as ledger events about it are.
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
                : assessments.reassessUntold(b, what).chain(regrade -> raise(b,
                        Alert.withRegrade(new Alert.Notice(Alert.PROMISE_BROKEN, what), regrade)))));
    }

    private Uni<Void> raise(Buyer b, Alert.Notice n) {
        return alerts.raise(b, n.kind(), n.message()).replaceWithVoid();
    }
}
