package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CollectorTask;
import io.tradecredit.collections.domain.DunningAction.Kind;
import io.tradecredit.collections.persistence.TaskRepository;
import io.tradecredit.common.ids.TimeOrderedIds;

/**
 * The ladder's work on cases, in the daily run's transaction: a case opening opens the buyer's
 * case (or finds it open); a collector task goes on the buyer's worklist entry, due on the run
 * date, whether or not the buyer has a case (the worklist lists buyers with open tasks too); legal
 * preparation opens the case if need be and moves it to legal, unless an agency holds it. Each is logged on the case as done
 * by {@value #RUN}.
 */
@ApplicationScoped
public class CaseWork implements StepWork {
    static final String RUN = "dunning-run";

    @Inject
    CollectionCases cases;

    @Inject
    TaskRepository tasks;

    @Inject
    Clock clock;

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.CASE_OPENING, Kind.COLLECTOR_TASK, Kind.LEGAL_PREPARATION);
    }

    @Override
    public Uni<Void> take(List<Order> orders) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Order o : orders) {
            chain = chain.chain(() -> switch (o.action().kind()) {
                case CASE_OPENING -> cases.openFor(o.tenantId(), o.buyerId(), o.runDate(), RUN)
                        .chain(c -> cases.log(o.tenantId(), c.id(), "case-opening", RUN, detail(o)));
                case COLLECTOR_TASK -> task(o);
                case LEGAL_PREPARATION -> legal(o);
                default -> Uni.createFrom().voidItem();
            });
        }
        return chain;
    }

    private Uni<Void> task(Order o) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tasks.insert(o.tenantId(), new CollectorTask(TimeOrderedIds.at(now.toInstant()), o.buyerId(),
                o.itemReference(), o.stepKey(), o.action().key(), o.runDate(), now, null, null))
                .chain(added -> !added ? Uni.createFrom().voidItem()
                        : cases.openCaseOf(o.tenantId(), o.buyerId()).chain(open -> open.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : cases.log(o.tenantId(), open.get().id(), "collector-task", RUN, detail(o))));
    }

    private Uni<Void> legal(Order o) {
        return cases.openFor(o.tenantId(), o.buyerId(), o.runDate(), RUN)
                .chain(c -> c.state() == CaseState.WITH_AGENCY ? withAgency(o, c)
                        : cases.log(o.tenantId(), c.id(), "legal-preparation", RUN, detail(o))
                        .chain(() -> c.state() == CaseState.LEGAL ? Uni.createFrom().voidItem()
                                : cases.moveByRun(o.tenantId(), c.id(), CaseState.LEGAL, o.runDate(), RUN,
                                        "legal preparation (" + o.action().key() + ") at step " + o.stepKey())
                                        .replaceWithVoid()));
    }

    /**
     * A case with an agency stays there: the agency works it until the ladder tells it that it may
     * sue (the default +180 step), and a case moved to legal under it could be neither recalled nor
     * returned. The step is logged as taken and not acted on.
     */
    private Uni<Void> withAgency(Order o, CaseView c) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>(detail(o));
        detail.put("note", "the case is with an agency: it stays there");
        return cases.log(o.tenantId(), c.id(), "legal-preparation", RUN, detail);
    }

    private static Map<String, Object> detail(Order o) {
        return Map.of("stepKey", o.stepKey(), "actionKey", o.action().key(), "itemReference", o.itemReference(),
                "runDate", o.runDate().toString());
    }
}
