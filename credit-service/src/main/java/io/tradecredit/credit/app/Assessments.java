package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.domain.Assessment;
import io.tradecredit.credit.domain.AssessmentRecord;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.domain.BuyerLedger;
import io.tradecredit.credit.domain.InvoicePosition;
import io.tradecredit.credit.domain.RegradeRule;
import io.tradecredit.credit.domain.SignalReport;
import io.tradecredit.credit.domain.StoredFinancialStatement;
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

    @Inject
    BusinessTimeZone businessZone;

    /** On request of a credit manager, e.g. after a policy change. */
    public Uni<AssessmentRecord> reassess(String tenantId, UUID buyerId, String cause) {
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> reassess(b, cause)));
    }

    /** Inside the caller's transaction, with the buyer locked. */
    public Uni<AssessmentRecord> reassess(Buyer b, String cause) {
        return assess(b, businessZone.today()).chain(a -> record(b, a.assessment(), cause));
    }

    /**
     * One batch of the daily overdue re-grade, in its transaction: up to {@code limit} buyers (of every tenant)
     * with an invoice unpaid past its due date on {@code asOf} and not re-graded for that date yet, each graded
     * again as of {@code asOf} and the assessment kept only when the grade moved ({@link RegradeRule#gradeMoved}).
     * Each buyer leaves the selection.
     */
    public Uni<OverdueBatch> regradeOverdue(LocalDate asOf, int limit) {
        return buyers.overdueToRegrade(asOf, limit).chain(due -> inputsOf(due).chain(inputs -> Multi.createFrom()
                .iterable(due)
                .onItem().transformToUniAndConcatenate(b -> {
                    b.overdueRegraded(asOf);
                    return assess(b, asOf, inputs.get(new BuyerKey(b.tenantId, b.id))).chain(a -> {
                        if (!RegradeRule.gradeMoved(b.grade, a.assessment().grade())) {
                            return Uni.createFrom().item(0);
                        }
                        LocalDate oldestDue = a.ledger().oldestOverdueDue(asOf);
                        return record(b, a.assessment(), RegradeRule.overdueCause(oldestDue, asOf)).replaceWith(1);
                    });
                })
                .collect().with(Collectors.summingInt(Integer::intValue))
                .map(regraded -> new OverdueBatch(due.size(), regraded))));
    }

    /** What one batch of the overdue re-grade did: buyers graded again, and of those, how many to a new grade. */
    public record OverdueBatch(int buyers, int regraded) {
    }

    /** An assessment and the ledger it read. */
    private record Assessed(Assessment assessment, BuyerLedger ledger) {
    }

    /** The buyer assessed as of {@code asOf} from everything known about it; nothing recorded. */
    private Uni<Assessed> assess(Buyer b, LocalDate asOf) {
        return inputsOf(List.of(b)).chain(inputs -> assess(b, asOf, inputs.get(new BuyerKey(b.tenantId, b.id))));
    }

    private Uni<Assessed> assess(Buyer b, LocalDate asOf, Inputs in) {
        return policies.of(b.tenantId).map(policy -> {
            BuyerLedger l = new BuyerLedger(in.positions().stream().map(InvoicePosition::toPosition).toList());
            Set<WarningSignal> openTypes = EnumSet.noneOf(WarningSignal.class);
            in.openSignals().forEach(s -> openTypes.add(s.type));
            return new Assessed(Assessment.of(new Assessment.Inputs(in.statement() == null ? null
                    : in.statement().statement(), l.weightedDaysBeyondTerms(asOf), l.disputedShare(), b.foundedOn,
                    openTypes, asOf), policy.scoring()), l);
        });
    }

    /** A buyer of a tenant. */
    private record BuyerKey(String tenantId, UUID buyerId) {
    }

    /** What an assessment reads besides the buyer and its tenant's policy: the latest statement (or none), the ledger, open signals. */
    private record Inputs(StoredFinancialStatement statement, List<InvoicePosition> positions,
            List<SignalReport> openSignals) {
    }

    /**
     * The inputs of every buyer of {@code batch} in three reads, whatever its size: the daily overdue re-grade
     * read them buyer by buyer, three statements per buyer of a batch.
     */
    private Uni<Map<BuyerKey, Inputs>> inputsOf(List<Buyer> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = batch.stream().map(b -> b.id).toList();
        List<String> tenants = batch.stream().map(b -> b.tenantId).distinct().toList();
        return statements.latestOf(tenants, ids).chain(latest -> positions.ofBuyers(tenants, ids)
                .chain(ledgers -> signals.openOf(tenants, ids).map(open -> {
                    Map<BuyerKey, StoredFinancialStatement> statementOf = new HashMap<>();
                    latest.forEach(s -> statementOf.putIfAbsent(new BuyerKey(s.tenantId, s.buyerId), s));
                    Map<BuyerKey, List<InvoicePosition>> ledgerOf = new HashMap<>();
                    ledgers.forEach(p -> ledgerOf.computeIfAbsent(new BuyerKey(p.tenantId, p.buyerId),
                            k -> new ArrayList<>()).add(p));
                    Map<BuyerKey, List<SignalReport>> openOf = new HashMap<>();
                    open.forEach(s -> openOf.computeIfAbsent(new BuyerKey(s.tenantId, s.buyerId),
                            k -> new ArrayList<>()).add(s));
                    Map<BuyerKey, Inputs> inputs = new HashMap<>();
                    for (Buyer b : batch) {
                        BuyerKey key = new BuyerKey(b.tenantId, b.id);
                        inputs.put(key, new Inputs(statementOf.get(key), ledgerOf.getOrDefault(key, List.of()),
                                openOf.getOrDefault(key, List.of())));
                    }
                    return inputs;
                })));
    }

    private Uni<AssessmentRecord> record(Buyer b, Assessment a, String cause) {
        return keep(b, a, cause).call(k -> limits.afterRegrade(b, k.gradeBefore(), cause)).map(Kept::record);
    }

    /**
     * As {@link #reassess(Buyer, String)}, inside the caller's transaction, for a cause that raises its own alert (a
     * block, a broken promise to pay, a dispute asking to adjust the credit policy): the limit reacts to the new
     * grade, but what the re-grade tells the credit manager is answered, not raised, for the cause's
     * one alert to tell it too ({@link Alert#blocked}, {@link Alert#withRegrade}).
     */
    Uni<Alert.Regrade> reassessUntold(Buyer b, String cause) {
        return assess(b, businessZone.today()).chain(a -> keep(b, a.assessment(), cause))
                .chain(k -> limits.review(b, k.gradeBefore(), cause));
    }

    /** An assessment kept, and the grade the buyer had before it. */
    private record Kept(AssessmentRecord record, Integer gradeBefore) {
    }

    /** The assessment kept in the history and announced, the buyer graded by it; the limit not reviewed yet. */
    private Uni<Kept> keep(Buyer b, Assessment a, String cause) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        AssessmentRecord r = AssessmentRecord.of(b, a, cause, now);
        Integer oldGrade = b.regrade(a, now);
        return history.persist(r).chain(() -> outbox.record(CreditEvents.assessed(b, r)))
                .replaceWith(new Kept(r, oldGrade));
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
