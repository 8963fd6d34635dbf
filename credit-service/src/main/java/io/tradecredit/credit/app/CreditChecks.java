package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.ids.TimeOrderedIds;
import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.CreditCheckRules;
import io.tradecredit.credit.domain.CreditPolicy;
import io.tradecredit.credit.persistence.CreditCheckRepository.CheckRow;
import io.tradecredit.credit.persistence.CreditCheckRepository.Snapshot;
import io.tradecredit.credit.persistence.CreditCheckRepository;

/**
 * The credit check at order time: one read of the buyer and its open positions, the tenant's
 * rules (cached), and the decision recorded (group-committed with concurrent checks) before it is
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

    public record Result(UUID id, UUID buyerId, CreditCheckRules.Decision decision, Money order, Money exposure,
            Integer grade, CreditPolicy.Terms terms, OffsetDateTime checkedAt) {
    }

    public Uni<Result> check(String tenantId, UUID buyerId, Money order, String by) {
        if (!order.isPositive()) {
            throw DomainError.invalidField("credit-check.amount-not-positive", "orderAmount.amount", "must be greater than 0");
        }
        // to the microsecond, as PostgreSQL stores it: the answer, the record and the id's millisecond agree
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.toLocalDate();
        // the policy comes from the cache (loaded in a session of its own on a miss); the read is one
        // statement and the record one row of a grouped insert, with no Hibernate session
        return policies.of(tenantId).chain(policy -> checks.snapshot(tenantId, buyerId, today).chain(s -> {
                    if (s == null) {
                        return Uni.createFrom().failure(DomainError.notFound("buyer.not-found", "No buyer " + buyerId));
                    }
                    if (!s.currency().equals(order.currencyCode())) {
                        return Uni.createFrom().failure(DomainError.invalidField("credit-check.currency-mismatch", "orderAmount.currency",
                                "must be the buyer's limit currency " + s.currency()));
                    }
                    Result r = decide(buyerId, order, s, policy, today, now);
                    return checks.record(new CheckRow(r.id(), tenantId, buyerId, s.currency(),
                            order.amount(), r.decision().outcome().name(), String.join("\n", r.decision().reasons()),
                            r.decision().exposureAfter().amount(), s.creditLimit(), s.grade(), r.terms().days(), by,
                            now)).replaceWith(r);
                }));
    }

    static Result decide(UUID buyerId, Money order, Snapshot s, CreditPolicy policy, LocalDate today,
            OffsetDateTime now) {
        Money exposure = Money.of(s.exposure(), s.currency());
        Money overdue = Money.of(s.overdue(), s.currency());
        int maxDpd = s.oldestOverdueDue() == null ? 0 : (int) ChronoUnit.DAYS.between(s.oldestOverdueDue(), today);
        Money limit = s.creditLimit() == null ? null : Money.of(s.creditLimit(), s.currency());
        CreditCheckRules.Decision d = policy.checks().decide(new CreditCheckRules.Situation(s.blocked(), s.blockReason(),
                s.grade(), limit, exposure, overdue, maxDpd, order));
        CreditPolicy.Terms terms = policy.termsFor(s.paymentTermDays(), s.tradedBefore());
        if (terms.firstOrder()) {
            List<String> reasons = new java.util.ArrayList<>(d.reasons());
            reasons.add(terms.prepayment() ? "first order: prepayment"
                    : "first order: payment within " + terms.days() + " days");
            d = new CreditCheckRules.Decision(d.outcome(), List.copyOf(reasons), d.exposureAfter(), d.limit());
        }
        // time-ordered: the decision log only grows, and its key should land where the index is hot
        return new Result(TimeOrderedIds.at(now.toInstant()), buyerId, d, order, exposure, s.grade(), terms, now);
    }
}
