package io.tradecredit.collections.app;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.persistence.ReadModelStore;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * What the ledger's events mean for a buyer's case at once, before the next run (issue 12,
 * "Reacting to events at once"), called by the invoice-events consumer after the read model has
 * applied the event, in the inbox's transaction. Each first withdraws the buyer's recent dunning
 * messages it left with nothing collectible ({@link Withdrawals}). A payment, credit note or
 * cancellation that leaves nothing owed overdue closes the open case as paid, a write-off as written
 * off ({@link CloseReason#clearedBy}), and cancels the ladder's tasks whose invoices it cleared
 * ({@link Tasks#cancelCleared}, as an agreed plan cancels those about its invoices); a dispute closes nothing (the disputed part is owed, only not
 * dunned) and is logged on the open case; a payment also judges the buyer's pending promises (kept
 * at once when covered), a reversal puts a kept promise whose deadline has not passed back to
 * pending when what stands no longer covers it, and a buyer whose case it had closed as paid owing overdue again gets
 * a new case ({@link CollectionCases#reopenAfterReversal}); an agreed payment plan moves the case to payment plan, and
 * a plan broken or completed is logged on the open case and gives a case waiting on it back to the
 * collector ({@link CaseState#afterPlanEnded}), a broken one with its next action today.
 */
@ApplicationScoped
public class CaseReactions {
    static final String LEDGER = "invoice-service";

    /** The events that may leave a buyer with nothing overdue. */
    static final Set<String> MAY_CLEAR = Set.of("payment-received", "payment-reversed", "buyer-credit-applied",
            "credit-note-issued", "dispute-opened", "dispute-resolved", "paid", "written-off", "cancelled");

    /** The events that end a payment plan. */
    static final Set<String> PLAN_ENDED = Set.of("plan-broken", "plan-completed");

    @Inject
    CollectionCases cases;

    @Inject
    ReadModelStore readModel;

    @Inject
    BusinessTimeZone businessZone;

    @Inject
    Promises promises;

    @Inject
    Withdrawals withdrawals;

    @Inject
    Tasks tasks;

    /** Whether the case reacts to invoice-service's event {@code name} at all. */
    public static boolean reactsTo(String name) {
        return MAY_CLEAR.contains(name) || name.equals("payment-plan-agreed") || PLAN_ENDED.contains(name);
    }

    /** Reacts to invoice-service's event {@code name} about {@code buyerId}; other events change nothing. */
    public Uni<Void> after(String tenantId, String name, UUID buyerId) {
        return after(tenantId, name, buyerId, Map.of());
    }

    /**
     * As {@link #after(String, String, UUID)}; {@code logDetail} is what the case's log says of a
     * dispute ({@code dispute-opened}, {@code dispute-resolved}: the invoice, the amounts, the
     * outcome), logged under the event's name on the buyer's open case.
     */
    public Uni<Void> after(String tenantId, String name, UUID buyerId, Map<String, Object> logDetail) {
        if (!reactsTo(name)) {
            return Uni.createFrom().voidItem();
        }
        if (PLAN_ENDED.contains(name)) {
            return planEnded(tenantId, buyerId, name, logDetail);
        }
        // withdrawing first: the case still open logs the messages withdrawn before it closes
        Uni<Void> withdrawn = withdrawals.afterLedgerEvent(tenantId, buyerId, LEDGER);
        if (name.equals("payment-plan-agreed")) {
            // the ladder's tasks about the plan's invoices are moot: no longer overdue, the instalments are dunned
            return withdrawn.chain(() -> tasks.cancelCleared(tenantId, buyerId, LEDGER))
                    .chain(() -> planAgreed(tenantId, buyerId));
        }
        if (name.startsWith("dispute-")) {
            return withdrawn.chain(() -> logOnOpenCase(tenantId, buyerId, name, logDetail));
        }
        // the tasks first too: the case still open logs the tasks cancelled before it closes
        Uni<Void> closed = CloseReason.clearedBy(name)
                .map(reason -> withdrawn.chain(() -> tasks.cancelCleared(tenantId, buyerId, LEDGER))
                        .chain(() -> cases.closeIfNothingOverdue(tenantId, buyerId, LEDGER, reason))
                        .replaceWithVoid())
                .orElse(withdrawn);
        // closing first: a promise kept by the payment that cleared everything leaves a closed case
        if (name.equals("payment-reversed")) {
            // a case the bounced payment had closed as paid: the buyer owes again, collection starts again
            return closed.chain(() -> promises.judgeAfterReversal(tenantId, buyerId, LEDGER))
                    .chain(() -> cases.reopenAfterReversal(tenantId, buyerId, LEDGER)).replaceWithVoid();
        }
        return name.equals("payment-received") ? closed.chain(() -> promises.judgeAfterPayment(tenantId, buyerId, LEDGER))
                : closed;
    }

    private Uni<Void> logOnOpenCase(String tenantId, UUID buyerId, String kind, Map<String, Object> detail) {
        return cases.openCaseOf(tenantId, buyerId).chain(open -> open.isEmpty() ? Uni.createFrom().voidItem()
                : cases.log(tenantId, open.get().id(), kind, LEDGER, detail));
    }

    /**
     * A plan broke or completed: logged on the buyer's open case under the event's name; a case in payment
     * plan goes back to in progress unless another of the buyer's plans is still agreed, then with its next action
     * today (the tenant's next working day when it does not work today); after a break its next action is today
     * whatever its state (the ladder resumes on the remainder, and the collector calls).
     */
    private Uni<Void> planEnded(String tenantId, UUID buyerId, String name, Map<String, Object> logDetail) {
        boolean broken = name.equals("plan-broken");
        return cases.openCaseOf(tenantId, buyerId).chain(open -> {
            if (open.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            UUID caseId = open.get().id();
            CaseState now = open.get().state();
            Uni<Void> logged = cases.log(tenantId, caseId, name, LEDGER, logDetail);
            Uni<Void> moved = logged.chain(() -> readModel.hasAgreedPlan(tenantId, buyerId)).chain(another -> {
                CaseState to = now.afterPlanEnded(another);
                // completed, the case the plan held goes back to its collector today (it had no next action while
                // it waited); broken, below
                return to == now ? Uni.createFrom().voidItem()
                        : cases.move(tenantId, caseId, to, LEDGER, broken ? "payment plan broken" : "payment plan completed")
                                .chain(() -> broken ? Uni.createFrom().voidItem() : backToCollector(tenantId, caseId));
            });
            return broken ? moved.chain(() -> backToCollector(tenantId, caseId)) : moved;
        });
    }

    /** Today, or the tenant's next working day: as a new case's first look. */
    private Uni<Void> backToCollector(String tenantId, UUID caseId) {
        return cases.backToCollector(tenantId, caseId, businessZone.today(), LEDGER).replaceWithVoid();
    }

    private Uni<Void> planAgreed(String tenantId, UUID buyerId) {
        return cases.openCaseOf(tenantId, buyerId).chain(open -> {
            if (open.isEmpty() || !open.get().state().canMoveTo(CaseState.PAYMENT_PLAN)) {
                return Uni.createFrom().voidItem();
            }
            return cases.move(tenantId, open.get().id(), CaseState.PAYMENT_PLAN, LEDGER, "payment plan agreed")
                    .replaceWithVoid();
        });
    }
}
