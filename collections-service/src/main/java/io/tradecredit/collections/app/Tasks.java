package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.persistence.TaskRepository;
import io.tradecredit.collections.domain.CollectorTask;
import io.tradecredit.collections.domain.InvoiceNow;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A collector's task from the ladder, done (it leaves the worklist, and the buyer's open case logs
 * it), or cancelled at once when a payment or credit note cleared every invoice it concerns, or an
 * agreed payment plan took them out of the overdue, or an agency's settlement ended them
 * ({@link CollectorTask#cancelledBecause}; logged on the open case, or the settled one, as {@code task-cancelled}).
 */
@ApplicationScoped
public class Tasks {
    @Inject
    TaskRepository tasks;

    @Inject
    CollectionCases cases;

    @Inject
    BusinessTimeZone businessZone;

    /** Cancels the buyer's open tasks whose invoices are all cleared, or under an agreed plan, now. In the current transaction (the inbox's). */
    public Uni<Void> cancelCleared(String tenantId, UUID buyerId, String actor) {
        return cancelCleared(tenantId, buyerId, actor, null);
    }

    /**
     * As {@link #cancelCleared(String, UUID, String)} once an agency settled {@code settledCaseId} (closed as settled): the
     * tasks about the invoices the settlement ended are cancelled ("settled by agency &lt;code&gt;: INV-1"), each logged on
     * the settled case ({@code task-cancelled}, actor {@code agency:<code>}). In the caller's transaction (the report's).
     */
    public Uni<Void> afterSettlement(String tenantId, UUID buyerId, UUID settledCaseId, String actor) {
        return cancelCleared(tenantId, buyerId, actor, settledCaseId);
    }

    private Uni<Void> cancelCleared(String tenantId, UUID buyerId, String actor, UUID logOn) {
        LocalDate today = businessZone.today();
        return tasks.openOf(tenantId, new UUID[] {buyerId}).chain(open -> {
            if (open.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<CollectorTask.Concerns> concerns = open.stream().map(CollectorTask::concerns).toList();
            return tasks.invoicesConcerned(tenantId,
                    concerns.stream().map(CollectorTask.Concerns::invoiceId).filter(Objects::nonNull).toArray(UUID[]::new),
                    concerns.stream().map(CollectorTask.Concerns::planId).filter(Objects::nonNull).toArray(UUID[]::new))
                    .chain(invoices -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (CollectorTask t : open) {
                            CollectorTask.Concerns c = t.concerns();
                            List<InvoiceNow> concerned = invoices.stream().filter(i -> c.planId() != null
                                    ? c.planId().equals(i.planId()) : c.invoiceId().equals(i.invoice().invoiceId()))
                                    .map(TaskRepository.ConcernedInvoice::invoice).toList();
                            Optional<String> because = t.cancelledBecause(concerned);
                            if (because.isPresent()) {
                                chain = chain.chain(() -> cancel(tenantId, t, today, actor, because.get(), logOn));
                            }
                        }
                        return chain;
                    });
        });
    }

    /** Cancels the task, logged on {@code logOn} if given, else on the buyer's open case if it has one. */
    private Uni<Void> cancel(String tenantId, CollectorTask t, LocalDate today, String actor, String because, UUID logOn) {
        Map<String, Object> detail = Map.of("taskId", t.id().toString(), "stepKey", t.stepKey(), "actionKey",
                t.actionKey(), "reason", because);
        return tasks.cancelled(tenantId, t.id(), today, actor, because).chain(changed -> !changed
                ? Uni.createFrom().voidItem()
                : logOn != null ? cases.log(tenantId, logOn, "task-cancelled", actor, detail)
                : cases.openCaseOf(tenantId, t.buyerId()).chain(open -> open.isEmpty() ? Uni.createFrom().voidItem()
                        : cases.log(tenantId, open.get().id(), "task-cancelled", actor, detail)));
    }

    /**
     * A call logged on {@code caseId}: the buyer's open tasks the call does ({@link CollectorTask#isDoneByACall}, the +3 call
     * to confirm the reason) are done today by the caller, each logged on the case ({@code task-done}, {@code doneBy: call}).
     * In the current transaction (the call's).
     */
    public Uni<Void> doneByCall(String tenantId, UUID buyerId, UUID caseId, String by) {
        LocalDate today = businessZone.today();
        return tasks.openOf(tenantId, new UUID[] {buyerId}).chain(open -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CollectorTask t : open.stream().filter(CollectorTask::isDoneByACall).toList()) {
                chain = chain.chain(() -> tasks.done(tenantId, t.id(), today, by).chain(changed -> !changed
                        ? Uni.createFrom().voidItem()
                        : cases.log(tenantId, caseId, "task-done", by, Map.of("taskId", t.id().toString(),
                                "stepKey", t.stepKey(), "actionKey", t.actionKey(), "doneBy", "call"))));
            }
            return chain;
        });
    }

    public Uni<CollectorTask> done(String tenantId, UUID taskId, String by) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> tasks.find(tenantId, taskId).chain(found -> {
            CollectorTask t = found.stream().findFirst()
                    .orElseThrow(() -> DomainError.notFound("task.not-found", "There is no task " + taskId));
            return tasks.done(tenantId, taskId, today, by).chain(changed -> {
                if (!changed) {
                    throw DomainError.conflict("task.done", "CollectorTask " + taskId + " was done on " + t.doneOn());
                }
                CollectorTask done = new CollectorTask(t.id(), t.buyerId(), t.itemReference(), t.stepKey(), t.actionKey(), t.dueOn(),
                        t.createdAt(), today, by);
                return cases.openCaseOf(tenantId, t.buyerId()).chain(open -> open.isEmpty()
                        ? Uni.createFrom().item(done)
                        : cases.log(tenantId, open.get().id(), "task-done", by, java.util.Map.of("taskId",
                                taskId.toString(), "stepKey", t.stepKey(), "actionKey", t.actionKey()))
                                .replaceWith(done));
            });
        }));
    }
}
