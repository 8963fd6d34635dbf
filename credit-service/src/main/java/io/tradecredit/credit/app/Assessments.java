package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.credit.domain.Assessment;
import io.tradecredit.credit.domain.AssessmentRecord;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.domain.BuyerLedger;
import io.tradecredit.credit.domain.InvoicePosition;
import io.tradecredit.credit.domain.RegradeRule;
import io.tradecredit.credit.domain.WarningSignal;
import io.tradecredit.credit.events.CreditEvents;
import io.tradecredit.credit.persistence.AssessmentRepository;
import io.tradecredit.credit.persistence.BuyerRepository;
import io.tradecredit.credit.persistence.PositionRepository;
import io.tradecredit.credit.persistence.SignalRepository;
import io.tradecredit.credit.persistence.StatementRepository;

/**
 * Re-assesses a buyer from everything known about it (latest statement, the ledger's positions,
 * founding date, open warning signals) whenever one of them changes; keeps each result in the
 * history, announces it as buyer-assessed and lets {@link CreditLimits} react to the new grade.
 */
@ApplicationScoped
public class Assessments {
    @Inject
    BuyerRepository buyers;

    @Inject
    StatementRepository statements;

    @Inject
    PositionRepository positions;

    @Inject
    SignalRepository signals;

    @Inject
    AssessmentRepository history;

    @Inject
    Policies policies;

    @Inject
    CreditLimits limits;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** On request of a credit manager, e.g. after a policy change. */
    public Uni<AssessmentRecord> reassess(String tenantId, UUID buyerId, String cause) {
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> reassess(b, cause)));
    }

    /** Inside the caller's transaction, with the buyer locked. */
    public Uni<AssessmentRecord> reassess(Buyer b, String cause) {
        return assess(b, LocalDate.now(clock)).chain(a -> record(b, a.assessment(), cause));
    }

    /**
     * One batch of the daily overdue re-grade, in its transaction: up to {@code limit} buyers (of every tenant)
     * with an invoice unpaid past its due date on {@code asOf} and not re-graded for that date yet, each graded
     * again as of {@code asOf} and the assessment kept only when the grade moved ({@link RegradeRule#gradeMoved}).
     * Each buyer leaves the selection.
     */
    public Uni<OverdueBatch> regradeOverdue(LocalDate asOf, int limit) {
        return buyers.overdueToRegrade(asOf, limit).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(b -> {
                    b.overdueRegraded(asOf);
                    return assess(b, asOf).chain(a -> {
                        if (!RegradeRule.gradeMoved(b.grade, a.assessment().grade())) {
                            return Uni.createFrom().item(0);
                        }
                        LocalDate oldestDue = a.ledger().oldestOverdueDue(asOf);
                        return record(b, a.assessment(), RegradeRule.overdueCause(oldestDue, asOf)).replaceWith(1);
                    });
                })
                .collect().with(Collectors.summingInt(Integer::intValue))
                .map(regraded -> new OverdueBatch(due.size(), regraded)));
    }

    /** What one batch of the overdue re-grade did: buyers graded again, and of those, how many to a new grade. */
    public record OverdueBatch(int buyers, int regraded) {
    }

    /** An assessment and the ledger it read. */
    private record Assessed(Assessment assessment, BuyerLedger ledger) {
    }

    /** The buyer assessed as of {@code asOf} from everything known about it; nothing recorded. */
    private Uni<Assessed> assess(Buyer b, LocalDate asOf) {
        return policies.of(b.tenantId)
                .chain(policy -> statements.latest(b.tenantId, b.id)
                        .chain(statement -> positions.ofBuyer(b.tenantId, b.id)
                                .chain(ledger -> signals.openOf(b.tenantId, b.id).map(open -> {
                                    BuyerLedger l = new BuyerLedger(ledger.stream().map(InvoicePosition::toPosition)
                                            .toList());
                                    Set<WarningSignal> openTypes = EnumSet.noneOf(WarningSignal.class);
                                    open.forEach(s -> openTypes.add(s.type));
                                    return new Assessed(Assessment.of(new Assessment.Inputs(statement == null ? null
                                            : statement.statement(), l.weightedDaysBeyondTerms(asOf),
                                            l.disputedShare(), b.foundedOn, openTypes, asOf), policy.scoring()), l);
                                }))));
    }

    private Uni<AssessmentRecord> record(Buyer b, Assessment a, String cause) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        AssessmentRecord r = AssessmentRecord.of(b, a, cause, now);
        Integer oldGrade = b.regrade(a, now);
        return history.persist(r).chain(() -> outbox.record(CreditEvents.assessed(b, r)))
                .chain(() -> limits.afterRegrade(b, oldGrade, cause)).replaceWith(r);
    }

    public Uni<AssessmentRecord> latest(String tenantId, UUID buyerId) {
        return Panache.withSession(() -> buyers.findOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> history.latest(tenantId, buyerId)).map(r -> {
                    if (r == null) {
                        throw DomainError.notFound("assessment.not-found", "Buyer " + buyerId + " has not been assessed yet");
                    }
                    return r;
                }));
    }

    public Uni<Page<AssessmentRecord>> history(String tenantId, UUID buyerId, int page, int size) {
        return Panache.withSession(() -> buyers.findOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> history.history(tenantId, buyerId, page, size)));
    }
}
