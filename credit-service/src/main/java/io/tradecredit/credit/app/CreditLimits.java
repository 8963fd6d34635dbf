package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.domain.BlockCause;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.domain.LimitRequest;
import io.tradecredit.credit.domain.LimitReview;
import io.tradecredit.credit.events.CreditEvents;
import io.tradecredit.credit.persistence.BuyerRepository;
import io.tradecredit.credit.persistence.LimitRequestRepository;
import io.tradecredit.credit.persistence.StatementRepository;

/**
 * Credit limits and terms: set by a credit manager, requested and approved, cut by the service
 * after a grade fall, zeroed when a buyer is blocked. Every change is announced as limit-changed.
 */
@ApplicationScoped
public class CreditLimits {
    public static final String SERVICE = "credit-service";

    @Inject
    BuyerRepository buyers;

    @Inject
    StatementRepository statements;

    @Inject
    LimitRequestRepository requests;

    @Inject
    Policies policies;

    @Inject
    Alerts alerts;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** The limit as it stands, what the formula recommends for the current grade, and any pending request. */
    public record LimitState(Buyer buyer, Money recommended, LimitRequest pending) {
    }

    public Uni<LimitState> state(String tenantId, UUID buyerId) {
        return Panache.withSession(() -> buyers.findOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> recommended(b).chain(rec -> requests.pendingOf(tenantId, buyerId)
                        .map(p -> new LimitState(b, rec, p)))));
    }

    /**
     * A credit manager's decision: applies at once and starts a new review interval. A pending proposal of the
     * service's is withdrawn: it was made for the limit that stood before (approved now, it would replace the
     * manager's decision, even lower the limit).
     */
    public Uni<Buyer> set(String tenantId, UUID buyerId, Money limit, Integer termDays, String reason, String by) {
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> apply(b, limit, termDays, reason, by)).call(b -> requests.pendingOf(tenantId, buyerId)
                        .invoke(open -> {
                            if (open != null && open.supersededByALimitDecision(SERVICE)) {
                                open.withdraw(by, "superseded by the limit " + limit + " set by " + by,
                                        OffsetDateTime.now(clock));
                            }
                        })));
    }

    public Uni<LimitRequest> request(String tenantId, UUID buyerId, Money limit, String reason, String by) {
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> {
                    requireLimitCurrency(b, limit, "limit");
                    return requests.pendingOf(tenantId, buyerId).chain(open -> {
                        if (open != null) {
                            return Uni.createFrom().failure(DomainError.conflict("limit-request.already-pending", "Buyer " + buyerId
                                    + " already has a pending limit request " + open.id + "; decide it first."));
                        }
                        LimitRequest r = LimitRequest.pending(b, limit, reason, by, OffsetDateTime.now(clock));
                        return requests.persist(r);
                    });
                }));
    }

    /** One of the tenant's requests, whatever its status; another tenant's or an unknown one is not found. */
    public Uni<LimitRequest> request(String tenantId, UUID requestId) {
        return Panache.withSession(() -> requests.find("tenantId = ?1 and id = ?2", tenantId, requestId).firstResult()
                .map(r -> {
                    if (r == null) {
                        throw DomainError.notFound("limit-request.not-found", "No limit request " + requestId);
                    }
                    return r;
                }));
    }

    public Uni<List<LimitRequest>> pending(String tenantId) {
        return Panache.withSession(() -> requests.byStatus(tenantId, LimitRequest.PENDING));
    }

    public Uni<LimitRequest> decide(String tenantId, UUID requestId, boolean approve, String note, String by) {
        return Panache.withTransaction(() -> requests.lockOwned(tenantId, requestId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().failure(DomainError.notFound("limit-request.not-found", "No limit request " + requestId));
            }
            if (!LimitRequest.PENDING.equals(r.status)) {
                return Uni.createFrom().failure(DomainError.conflict("limit-request.already-decided", "Limit request " + requestId + " was already "
                        + r.status.toLowerCase(java.util.Locale.ROOT) + "."));
            }
            r.decide(approve, by, note, OffsetDateTime.now(clock));
            if (!approve) {
                return Uni.createFrom().item(r);
            }
            return buyers.lockOwned(tenantId, r.buyerId)
                    .chain(b -> apply(b, r.approvedFor(b), null, "request approved: " + r.reason, by)).replaceWith(r);
        }));
    }

    /**
     * What the grade change means for the limit, and the one alert it raises, after the cut so that it tells the
     * cut's figures; inside the re-assessment's transaction.
     */
    Uni<Void> afterRegrade(Buyer b, Integer oldGrade, String cause) {
        return review(b, oldGrade, cause).chain(regrade -> tell(b, regrade.told()));
    }

    /** Raises the alert of a notice, if any; inside the caller's transaction. */
    Uni<Void> tell(Buyer b, Alert.Notice notice) {
        return notice == null ? Uni.createFrom().voidItem()
                : alerts.raise(b, notice.kind(), notice.message()).replaceWithVoid();
    }

    /**
     * What the grade change does to the limit (a cut applied, a proposal withdrawn or made) and what the credit
     * manager is to be told of it ({@link Alert.Regrade}), not raised yet: the caller raises it
     * ({@link Alert.Regrade#told}), or the alert of a block or of the re-grade's cause tells it in its own.
     */
    Uni<Alert.Regrade> review(Buyer b, Integer oldGrade, String cause) {
        return policies.of(b.tenantId).chain(policy -> recommended(b).chain(rec -> {
            LimitReview.Outcome o = LimitReview.afterRegrade(b.limitGrade, oldGrade, b.grade,
                    b.limit(), rec, policy);
            if (o.gradeFellPastThreshold()) {
                // the next fall is measured from here, whether or not the limit is cut now
                b.limitJudged();
            }
            String fall = o.gradeFellPastThreshold() ? o.reason() : null;
            return withdrawOutdated(b, oldGrade, cause).call(() -> switch (o.kind()) {
                case CUT -> change(b, o.newLimit(), o.reason() + " after " + cause, SERVICE);
                case PROPOSE_INCREASE -> requests.pendingOf(b.tenantId, b.id).chain(open -> open != null
                        ? Uni.createFrom().voidItem()
                        : requests.persist(LimitRequest.proposal(b, o.newLimit(), b.grade, o.reason(), SERVICE,
                                OffsetDateTime.now(clock))).replaceWithVoid());
                case NONE -> Uni.createFrom().voidItem();
            }).map(withdrawal -> new Alert.Regrade(fall, withdrawal, cause));
        }));
    }

    /**
     * A pending increase the service proposed at a better grade than the buyer now has is withdrawn (it stayed
     * PENDING, for a credit manager to approve a limit the grade no longer allows, and kept any new request out).
     * Answers what was withdrawn, null when nothing.
     */
    private Uni<Alert.Withdrawal> withdrawOutdated(Buyer b, Integer gradeBefore, String cause) {
        return requests.pendingOf(b.tenantId, b.id).map(open -> {
            if (open == null || !open.outdatedAfter(SERVICE, gradeBefore, b.grade)) {
                return null;
            }
            int proposedAt = open.proposedAtGrade != null ? open.proposedAtGrade : gradeBefore;
            Alert.Withdrawal w = new Alert.Withdrawal(open.requested(), proposedAt, b.grade);
            open.withdraw(SERVICE, w.why(cause), OffsetDateTime.now(clock));
            return w;
        });
    }

    /**
     * Blocks new credit at once: limit 0 and buyer-blocked, inside the caller's transaction; the caller raises the
     * block's alert ({@link Alert#blocked}) once it has graded the buyer again, so that it carries the new grade.
     * Answers the limit before the block, null when the buyer was blocked already (nothing done).
     */
    Uni<Money> block(Buyer b, BlockCause cause, String reason, UUID signalId) {
        if (b.blocked) {
            return Uni.createFrom().nullItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Money before = b.limit();
        b.block(reason, now);
        return change(b, Money.zero(b.currency), "blocked: " + reason, SERVICE)
                .chain(() -> outbox.record(CreditEvents.blocked(b, cause, signalId, now)))
                .replaceWith(before != null ? before : Money.zero(b.currency));
    }

    /**
     * A credit manager lifts a block (e.g. the insolvency filing was dismissed): buyer-unblocked
     * with the reason. The limit stays 0; setting a new one is a decision of its own (PUT credit-limit).
     */
    public Uni<Buyer> liftBlock(String tenantId, UUID buyerId, String reason, String by) {
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    String lifted = b.liftBlock(now);
                    return outbox.record(CreditEvents.unblocked(b, lifted, reason, by, now)).replaceWith(b);
                }));
    }

    /** The formula's limit for the buyer's grade on its latest statement in the limit's currency. */
    Uni<Money> recommended(Buyer b) {
        if (b.grade == null) {
            return Uni.createFrom().nullItem();
        }
        return policies.of(b.tenantId).chain(policy -> statements.latest(b.tenantId, b.id).map(s -> {
            if (s == null || !s.currency.equals(b.currency)) {
                return null;
            }
            return Money.of(policy.limits().recommend(b.grade, s.netWorth, s.revenue), b.currency);
        }));
    }

    private Uni<Buyer> apply(Buyer b, Money limit, Integer termDays, String reason, String by) {
        requireLimitCurrency(b, limit, "limit");
        if (b.blocked && limit.isPositive()) {
            return Uni.createFrom().failure(DomainError.unprocessable("buyer.blocked", "Buyer " + b.id + " is blocked ("
                    + b.blockReason + "): no credit can be granted."));
        }
        if (termDays != null) {
            b.agreePaymentTerm(termDays);
        }
        return policies.of(b.tenantId).chain(policy -> {
            b.scheduleReview(businessZone.today().plusDays(policy.reviewIntervalDays()));
            return change(b, limit, reason, by);
        }).replaceWith(b);
    }

    private Uni<Void> change(Buyer b, Money limit, String reason, String by) {
        Money old = b.limit();
        b.changeLimit(limit, by, OffsetDateTime.now(clock));
        return outbox.record(CreditEvents.limitChanged(b, old, reason)).replaceWithVoid();
    }

    private static void requireLimitCurrency(Buyer b, Money limit, String field) {
        DomainError refused = b.limitRefusal(limit, field);
        if (refused != null) {
            throw refused;
        }
    }
}
