package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.persistence.TaskRepository;
import io.tradecredit.collections.domain.CollectorTask;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/** A collector's task from the ladder, done: it leaves the worklist, and the buyer's open case logs it. */
@ApplicationScoped
public class Tasks {
    @Inject
    TaskRepository tasks;

    @Inject
    CollectionCases cases;

    @Inject
    BusinessTimeZone businessZone;

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
