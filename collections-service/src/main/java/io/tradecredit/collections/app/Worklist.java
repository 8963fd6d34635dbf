package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.WorklistPriority;
import io.tradecredit.collections.domain.WorklistPriority.WorkItem;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.persistence.AbandonmentRepository;
import io.tradecredit.collections.persistence.CaseRepository;
import io.tradecredit.collections.persistence.PromiseRepository;
import io.tradecredit.collections.persistence.TaskRepository;
import io.tradecredit.collections.domain.CollectorTask;
import io.tradecredit.collections.persistence.WorklistRepository;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A collector's worklist (docs/domain.md §3): every buyer with a case that is not closed or an
 * open task from the ladder, ordered by the tenant's {@link WorklistPriority}. A buyer owing in several
 * currencies is ranked by the currency that gives it the most points (amounts in different
 * currencies are never added). A buyer with tasks but no case is listed without a case; one whose settled case waits
 * for its write-off's confirmation and has no case open has its tasks and debt on that case's entry (the first of
 * them), any other settled case waiting being its confirmation alone. Ordered
 * and paged in the database, so a page costs a page, not the tenant's open cases.
 */
@ApplicationScoped
public class Worklist {
    @Inject
    CaseRepository cases;

    @Inject
    TaskRepository tasks;

    @Inject
    PromiseRepository promises;

    @Inject
    WorklistRepository figures;

    /** A write-off proposed and not confirmed yet is shown on its case's entry. */
    @Inject
    AbandonmentRepository proposals;

    @Inject
    TenantCaseTerms terms;

    @Inject
    BusinessTimeZone businessZone;

    /**
     * One buyer's entry: its case (null when it has only tasks), points, overdue balance per
     * currency, days past due of its oldest overdue invoice, grade, promises broken on the case,
     * and open tasks.
     */
    public record Entry(UUID buyerId, CaseView caseView, long points, List<Money> overdue, int daysPastDue,
            Integer grade, int brokenPromises, List<CollectorTask> openTasks, WriteOffToConfirm writeOffToConfirm) {
    }

    /**
     * A proposal to write off the case's debt that waits for a collector's confirmation ({@code POST
     * .../abandonment/confirm}): an agency's settlement's ({@code reason} "settled by agency ... left"; its case, closed
     * as settled, stays on the worklist until confirmed, an action due from the day it closed), or the tenant's cost
     * rule's ({@code reason} null).
     */
    public record WriteOffToConfirm(String proposedBy, LocalDate proposedOn, String reason) {
    }

    /**
     * One page of the tenant's worklist; {@code owner} (if given) keeps that collector's cases.
     * The database orders and pages ({@link WorklistRepository#page}); only the page's buyers are
     * then loaded, and their points shown are the Java rule's.
     */
    public Uni<Page<Entry>> page(String tenantId, String owner, int page, int size) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> terms.current(tenantId).chain(t -> figures.count(tenantId, owner)
                .chain(total -> figures.page(tenantId, owner, today, t.worklist(), size, (long) page * size)
                .chain(ranked -> {
                    UUID[] ids = ranked.stream().map(WorklistRepository.Ranked::buyerId).toArray(UUID[]::new);
                    UUID[] caseIds = ranked.stream().map(WorklistRepository.Ranked::caseId).filter(Objects::nonNull)
                            .toArray(UUID[]::new);
                    return cases.findAll(tenantId, caseIds).chain(found -> figures.overdueOf(tenantId, ids, today)
                            .chain(overdue -> figures.gradesOf(tenantId, ids)
                            .chain(grades -> promises.brokenCounts(tenantId, caseIds).chain(broken -> proposals
                            .unconfirmedOf(tenantId, caseIds).chain(proposed -> {
                                Map<UUID, CaseView> caseOf = new HashMap<>();
                                found.forEach(c -> caseOf.put(c.current().id(), new CaseView(tenantId, c.current(), c.version())));
                                Map<UUID, Integer> brokenOf = new HashMap<>();
                                broken.forEach(r -> brokenOf.put(r.getUUID("case_id"), r.getLong("broken").intValue()));
                                Map<UUID, WriteOffToConfirm> toConfirm = new HashMap<>();
                                proposed.forEach((id, a) -> toConfirm.put(id, new WriteOffToConfirm(a.proposedBy(),
                                        businessZone.dateOf(a.proposedAt()), a.reason())));
                                return tasks.openOf(tenantId, ids).map(open -> new Page<>(ranked.stream()
                                        .map(r -> entry(t.worklist(), r.buyerId(), caseOf.get(r.caseId()),
                                                r.buyersEntry() ? overdue : List.of(), grades, brokenOf,
                                                r.buyersEntry() ? open : List.of(), toConfirm, today))
                                        .toList(), page, size, total));
                            })))));
                }))));
    }

    /** A buyer's entry, its points by the Java rule (in its best currency). */
    private static Entry entry(WorklistPriority priority, UUID buyer, CaseView c, List<WorklistRepository.Overdue> overdue,
            Map<UUID, Integer> grades, Map<UUID, Integer> brokenOf, List<CollectorTask> openTasks,
            Map<UUID, WriteOffToConfirm> toConfirm, LocalDate today) {
        // a buyer with only tasks is keyed by its own id: the order needs a stable key
        UUID key = c == null ? buyer : c.id();
        List<WorklistRepository.Overdue> owed = overdue.stream().filter(o -> o.buyerId().equals(buyer)).toList();
        int days = owed.stream().mapToInt(o -> (int) ChronoUnit.DAYS.between(o.oldestDueDate(), today)).max().orElse(0);
        int broken = c == null ? 0 : brokenOf.getOrDefault(c.id(), 0);
        Integer grade = grades.get(buyer);
        // a case closed as settled is listed for its write-off to confirm, due from the day it closed; the buyer's tasks
        // and debt are on the buyer's own entry only (its case not closed, else its first settled case waiting): on any
        // other, overdue and openTasks are empty here, so neither is listed nor counted twice
        boolean settled = c != null && c.state() == CaseState.CLOSED;
        List<CollectorTask> tasks = openTasks.stream().filter(t -> t.buyerId().equals(buyer)).toList();
        // the case's next action, or an open ladder task's due day if earlier: the +3 call due today is an action due
        // (not while the case waits on a promise, a plan or an agency: its tasks stay listed, without the points)
        LocalDate next = WorklistPriority.nextActionOn(c == null || settled ? null : c.state(),
                c == null ? null : settled ? c.current().closedOn() : c.nextActionOn(),
                tasks.stream().map(CollectorTask::dueOn).toList());
        List<Money> amounts = owed.stream().map(o -> Money.rounded(o.amount(), Money.currencyOf(o.currency()))).toList();
        // nothing overdue: no amount points, whatever the currency
        List<Money> candidates = amounts.isEmpty() ? List.of(Money.zero("CNY")) : amounts;
        long points = candidates.stream().mapToLong(m -> priority.pointsOf(new WorkItem(key, m, days, grade, broken, next),
                today)).max().orElseThrow();
        return new Entry(buyer, c, points, amounts, days, grade, broken, tasks, c == null ? null : toConfirm.get(c.id()));
    }
}
