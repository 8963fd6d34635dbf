package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.WorklistPriority;
import io.tradecredit.collections.domain.WorklistPriority.WorkItem;
import io.tradecredit.collections.persistence.CaseRepository;
import io.tradecredit.collections.persistence.PromiseRepository;
import io.tradecredit.collections.persistence.TaskRepository;
import io.tradecredit.collections.domain.CollectorTask;
import io.tradecredit.collections.persistence.WorklistRepository;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * A collector's worklist (docs/domain.md §3): every buyer with a case that is not closed or an
 * open task from the ladder, ordered by the tenant's {@link WorklistPriority}. A buyer owing in several
 * currencies is ranked by the currency that gives it the most points (amounts in different
 * currencies are never added). A buyer with tasks but no case is listed without a case.
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

    @Inject
    TenantCaseTerms terms;

    @Inject
    Clock clock;

    /**
     * One buyer's entry: its case (null when it has only tasks), points, overdue balance per
     * currency, days past due of its oldest overdue invoice, grade, promises broken on the case,
     * and open tasks.
     */
    public record Entry(UUID buyerId, CaseView caseView, long points, List<Money> overdue, int daysPastDue,
            Integer grade, int brokenPromises, List<CollectorTask> openTasks) {
    }

    /** One page of the tenant's worklist; {@code owner} (if given) keeps that collector's cases. */
    public Uni<Page<Entry>> page(String tenantId, String owner, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        return CurrentTransaction.run(() -> terms.current(tenantId).chain(t -> cases.allOpen(tenantId)
                .chain(open -> tasks.buyersWithOnlyTasks(tenantId)
                .chain(taskOnly -> {
                    Map<UUID, CaseView> caseOf = new LinkedHashMap<>();
                    open.stream().filter(s -> owner == null || owner.equals(s.current().owner()))
                            .forEach(s -> caseOf.put(s.current().buyerId(), new CaseView(tenantId, s.current(), s.version())));
                    List<UUID> buyers = new ArrayList<>(caseOf.keySet());
                    if (owner == null) {
                        buyers.addAll(taskOnly);
                    }
                    UUID[] ids = buyers.toArray(UUID[]::new);
                    UUID[] caseIds = caseOf.values().stream().map(CaseView::id).toArray(UUID[]::new);
                    return figures.overdueOf(tenantId, ids, today).chain(overdue -> figures.gradesOf(tenantId, ids)
                            .chain(grades -> promises.brokenCounts(tenantId, caseIds).chain(broken -> {
                                Map<UUID, Integer> brokenOf = new HashMap<>();
                                broken.forEach(r -> brokenOf.put(r.getUUID("case_id"), r.getLong("broken").intValue()));
                                return tasks.openOf(tenantId, ids).map(open2 -> rank(t.worklist(), buyers, caseOf,
                                        overdue, grades, brokenOf, open2, today, page, size));
                            })));
                }))));
    }

    private static Page<Entry> rank(WorklistPriority priority, List<UUID> buyers, Map<UUID, CaseView> caseOf,
            List<WorklistRepository.Overdue> overdue, Map<UUID, Integer> grades, Map<UUID, Integer> brokenOf,
            List<CollectorTask> openTasks, LocalDate today, int page, int size) {
        Map<UUID, Entry> entries = new HashMap<>();
        List<WorkItem> best = new ArrayList<>();
        for (UUID buyer : buyers) {
            CaseView c = caseOf.get(buyer);
            // a buyer with only tasks is keyed by its own id: the order needs a stable key
            UUID key = c == null ? buyer : c.id();
            List<WorklistRepository.Overdue> owed = overdue.stream().filter(o -> o.buyerId().equals(buyer)).toList();
            int days = owed.stream().mapToInt(o -> (int) ChronoUnit.DAYS.between(o.oldestDueDate(), today)).max()
                    .orElse(0);
            int broken = c == null ? 0 : brokenOf.getOrDefault(c.id(), 0);
            Integer grade = grades.get(buyer);
            LocalDate next = c == null ? null : c.nextActionOn();
            List<Money> amounts = owed.stream()
                    .map(o -> Money.rounded(o.amount(), Money.currencyOf(o.currency()))).toList();
            // nothing overdue: no amount points, whatever the currency
            List<Money> candidates = amounts.isEmpty() ? List.of(Money.zero("CNY")) : amounts;
            WorkItem item = candidates.stream().map(m -> new WorkItem(key, m, days, grade, broken, next))
                    .max(Comparator.comparingLong(w -> priority.pointsOf(w, today))).orElseThrow();
            best.add(item);
            entries.put(key, new Entry(buyer, c, priority.pointsOf(item, today), amounts, days, grade, broken,
                    openTasks.stream().filter(t -> t.buyerId().equals(buyer)).toList()));
        }
        List<Entry> ordered = priority.order(best, today).stream().map(r -> entries.get(r.item().caseId())).toList();
        return new Page<>(ordered.stream().skip((long) page * size).limit(size).toList(), page, size, ordered.size());
    }
}
