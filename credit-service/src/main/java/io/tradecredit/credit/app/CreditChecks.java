package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.ids.TimeOrderedIds;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.credit.domain.CreditCheckRules;
import io.tradecredit.credit.domain.CreditPolicy;
import io.tradecredit.credit.domain.Exposure;
import io.tradecredit.credit.domain.InsuranceCover;
import io.tradecredit.credit.persistence.CreditCheckRepository.CheckRow;
import io.tradecredit.credit.persistence.CreditCheckRepository.Insurance;
import io.tradecredit.credit.persistence.CreditCheckRepository.Snapshot;
import io.tradecredit.credit.persistence.CreditCheckRepository;

/**
 * The credit check at order time: one read of the buyer and its open positions, the tenant's
 * rules (cached) deciding ({@link CreditPolicy#check}), and the decision recorded (group-committed with concurrent checks) before it is
 * answered, all on the reactive SQL client. Nothing else on this path: it is the service's hottest.
 */
@ApplicationScoped
public class CreditChecks {
    @Inject
    CreditCheckRepository checks;

    @Inject
    Policies policies;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    public record Result(UUID id, UUID buyerId, CreditCheckRules.Decision decision, Money order, Money exposure,
            Integer grade, CreditPolicy.Terms terms, OffsetDateTime checkedAt, InsuranceCover insurance) {
    }

    /** Checks an order; the decision is group-committed with those of concurrent checks. */
    public Uni<Result> check(String tenantId, UUID buyerId, Money order, String by) {
        return check(tenantId, buyerId, order, by, checks::record);
    }

    /**
     * Checks an order and records the decision in the current transaction: for a check retried with
     * an Idempotency-Key, whose stored answer must commit with the decision it answers, or not at all.
     */
    public Uni<Result> checkInCurrentTransaction(String tenantId, UUID buyerId, Money order, String by) {
        return check(tenantId, buyerId, order, by, checks::recordInCurrentTransaction);
    }

    /** A recorded check, as it was answered; another tenant's is not found. */
    public Uni<Result> get(String tenantId, UUID id) {
        return checks.find(tenantId, id).map(row -> {
            if (row == null) {
                throw DomainError.notFound("credit-check.not-found", "No credit check " + id);
            }
            return recorded(row);
        });
    }

    private Uni<Result> check(String tenantId, UUID buyerId, Money order, String by,
            Function<CheckRow, Uni<Void>> recorder) {
        // to the microsecond, as PostgreSQL stores it: the answer, the record and the id's millisecond agree
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = businessZone.dateOf(now);
        // the policy comes from the cache (loaded in a session of its own on a miss); the read is one
        // statement and the record one row of a grouped insert, with no Hibernate session
        return policies.of(tenantId).chain(policy -> checks.snapshot(tenantId, buyerId, today).chain(s -> {
                    if (s == null) {
                        // an amount that cannot be checked is named (400) rather than the unknown buyer, as before
                        CreditCheckRules.requireOrderAmount(order);
                        return Uni.createFrom().failure(DomainError.notFound("buyer.not-found", "No buyer " + buyerId));
                    }
                    // every part of the order at fault named at once: an amount of 0 in another currency names both
                    DomainError refused = CreditCheckRules.orderRefusal(order, s.currency());
                    if (refused != null) {
                        return Uni.createFrom().failure(refused);
                    }
                    // only a buyer with insurance known costs the two statements of the insured/uninsured split
                    Uni<Insurance> insurance = s.insuranceKnown() || s.stopDeliveriesFrom() != null
                            ? checks.insurance(tenantId, buyerId)
                            : Uni.createFrom().item(new Insurance(null, List.of()));
                    return insurance.chain(known -> {
                        Result r = decide(buyerId, order, s, known, policy, today, now);
                        InsuranceCover c = r.insurance();
                        return recorder.apply(new CheckRow(r.id(), tenantId, buyerId, s.currency(), order.amount(),
                                r.decision().outcome().name(), r.decision().reasons(), r.exposure().amount(),
                                r.decision().exposureAfter().amount(), s.creditLimit(), s.grade(), r.terms().days(),
                                r.terms().firstOrder(), by, now, c == null ? null : c.stopDeliveriesFrom(),
                                c == null ? null : c.insuredLimit().amount(), c == null ? null : c.insuredExposure().amount(),
                                c == null ? null : c.uninsuredExposure().amount(),
                                c == null ? null : c.orderInsured().amount(), c == null ? null : c.reason()))
                                .replaceWith(r);
                    });
                }));
    }

    /** A recorded check in the terms it was answered in. */
    Result recorded(CheckRow row) {
        Money limit = row.creditLimit() == null ? null : Money.of(row.creditLimit(), row.currency());
        var decision = new CreditCheckRules.Decision(CreditCheckRules.Outcome.valueOf(row.outcome()), row.reasons(),
                Money.of(row.exposureAfter(), row.currency()), limit);
        return new Result(row.id(), row.buyerId(), decision, Money.of(row.orderAmount(), row.currency()),
                Money.of(row.exposure(), row.currency()), row.grade(),
                CreditPolicy.Terms.of(row.termDays(), row.firstOrder()), row.checkedAt(), recordedCover(row));
    }

    /** The cover as the check answered it; a check recorded before the insured/uninsured split (V7) had only stops. */
    InsuranceCover recordedCover(CheckRow row) {
        if (row.insuranceReason() == null) {
            return InsuranceCover.on(businessZone.dateOf(row.checkedAt()), row.stopDeliveriesFrom());
        }
        Money orderInsured = Money.of(row.orderInsured(), row.currency());
        return new InsuranceCover(orderInsured.isPositive(), row.insuranceReason(), row.stopDeliveriesFrom(),
                Money.of(row.insuredLimit(), row.currency()), Money.of(row.insuredExposure(), row.currency()),
                Money.of(row.uninsuredExposure(), row.currency()), orderInsured);
    }

    /** The snapshot in domain terms, the policy's decision on it, and the id it is recorded under. */
    static Result decide(UUID buyerId, Money order, Snapshot s, Insurance insurance, CreditPolicy policy,
            LocalDate today, OffsetDateTime now) {
        Exposure owed = new Exposure(Money.of(s.exposure(), s.currency()), Money.of(s.overdue(), s.currency()),
                s.oldestOverdueDue(), s.otherCurrencies(), s.overdueByCurrency());
        Money limit = s.creditLimit() == null ? null : Money.of(s.creditLimit(), s.currency());
        CreditPolicy.Checked checked = policy.check(CreditCheckRules.Situation.of(s.blocked(), s.blockReason(),
                s.grade(), limit, owed, order, today), s.paymentTermDays(), s.tradedBefore());
        // time-ordered: the decision log only grows, and its key should land where the index is hot
        return new Result(TimeOrderedIds.at(now.toInstant()), buyerId, checked.decision(), order, owed.open(),
                s.grade(), checked.terms(), now, InsuranceCover.of(today, order, insurance.invoices(), insurance.limits(),
                        s.stopDeliveriesFrom(), s.stopCause()));
    }
}
