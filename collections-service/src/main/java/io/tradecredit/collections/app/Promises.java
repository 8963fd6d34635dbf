package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyUpdate;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.Hold;
import io.tradecredit.collections.domain.PromiseTerms;
import io.tradecredit.collections.domain.PromiseToPay;
import io.tradecredit.collections.domain.PromiseToPay.Outcome;
import io.tradecredit.collections.events.CollectorEvents;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.collections.persistence.PromiseRepository;
import io.tradecredit.collections.domain.RecordedPromise;
import io.tradecredit.collections.domain.TextLimits;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.ids.TimeOrderedIds;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Promises to pay on a case (docs/domain.md §3 "Holds"): made by a collector or reported by the agency holding the case
 * ({@link #reportedByAgency}), holding the buyer
 * through the hold use case ({@link DunningHolds}), judged by {@link PromiseToPay#judge} over the
 * buyer's {@link ReceivedPayments}: at once when a payment keeps one, and by the daily
 * {@code promise-review} job after the deadline. Kept or broken: logged, published, the hold
 * ended (if it still held), the case back to in progress unless the payment closed it.
 */
@ApplicationScoped
public class Promises {
    static final String REVIEW = "promise-review";

    @Inject
    CaseMetrics caseMetrics;

    @Inject
    PromiseRepository promises;

    @Inject
    CollectionCases cases;

    @Inject
    DunningHolds holds;

    @Inject
    ReceivedPayments payments;

    @Inject
    OpenItems openItems;

    @Inject
    TenantCaseTerms terms;

    /** The tenant's calendar and day count: a promise's deadline is counted on them. */
    @Inject
    DunningPolicyRepository policies;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** A made promise with the hold that pauses dunning until its deadline. */
    public record Made(CaseView caseView, PromiseToPay promise, UUID holdId) {
    }

    /** The promise, or one refusal naming every wrong field, the note's length with {@link PromiseToPay#make}'s rules. */
    public static PromiseToPay checked(UUID id, UUID buyerId, Money amount, LocalDate today, LocalDate promisedDate, String note,
            PromiseTerms terms, BusinessCalendar calendar, DayCount count) {
        return TextLimits.together(TextLimits.atMost(new ArrayList<>(), "note", note, TextLimits.NOTE),
                "promise.invalid", "The promise to pay is incomplete or inconsistent",
                () -> PromiseToPay.make(id, buyerId, amount, today, promisedDate, terms, calendar, count));
    }

    /**
     * Records the buyer's promise on the case: a promise-to-pay hold to its deadline, the case
     * moved to promise to pay (409 while one is pending, or from a state that may not move
     * there), logged and published as promise-made.
     */
    public Uni<Made> make(String tenantId, UUID caseId, Money amount, LocalDate promisedDate, String note, String by) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> cases.find(tenantId, caseId).chain(c -> terms.current(tenantId)
                .chain(t -> policies.settings(tenantId).chain(days -> {
                    PromiseToPay p = checked(TimeOrderedIds.at(clock.instant()), c.buyerId(), amount, today, promisedDate,
                            note, t.promise(), days.calendar().calendar(), days.run().run().dayCount());
                    // the promise's own record, not the case's state: a case moved on while a promise is pending
                    // (escalated, or back to in progress) still has it to judge
                    return promises.pendingOf(tenantId, c.buyerId()).chain(pending -> {
                        if (pending.stream().anyMatch(s -> s.caseId().equals(caseId))) {
                            throw DomainError.conflict("promise.pending",
                                    "Case " + caseId + " has a pending promise: it is judged before another is made");
                        }
                        if (!c.state().canMoveTo(CaseState.PROMISE_TO_PAY)) {
                            // the case's state refuses it, not a field of the promise: named in the message, no field
                            throw DomainError.conflict("case.move-not-allowed", "Case " + caseId + " is " + c.state()
                                    + ": a promise cannot be recorded on it; from " + c.state() + " it may move to "
                                    + c.state().next());
                        }
                        return cases.move(tenantId, caseId, CaseState.PROMISE_TO_PAY, by, note)
                                .chain(moved -> holds.place(tenantId, p.buyerId(), null, Hold.Reason.PROMISE_TO_PAY,
                                        p.madeOn(), p.deadline(), "promise " + p.id(), by)
                                        .chain(hold -> promises.insert(tenantId, caseId, p, hold.hold().id(), by)
                                                .chain(() -> cases.log(tenantId, caseId, "promise-made", by,
                                                        madeDetail(p, note)))
                                                .chain(() -> outbox.record(CollectorEvents.promiseMade(tenantId, caseId, p,
                                                        by)))
                                                .replaceWith(new Made(moved, p, hold.hold().id()))));
                    });
                }))));
    }

    /**
     * A promise a partner agency reported on a case it holds ({@code PROMISE}, DOMAIN §3: a promise to pay holds the buyer
     * whoever heard it, and a kept or broken one is the same payment-behaviour signal): recorded as a collector's is, made on
     * the day the agency reports it learnt it (payments count from then), its deadline the promised day plus the tenant's
     * grace on its calendar, held from {@code today} to the deadline (a deadline already past: from the day made, holding
     * nothing now), published as promise-made, and judged by the same rule ({@link PromiseToPay#judge}) at once when a
     * payment keeps it or by the review after its deadline. The case stays with the agency: no move, and a verdict gives
     * the collector nothing to do while the agency holds it ({@link #actNow}). Answers the promise.
     */
    public Uni<PromiseToPay> reportedByAgency(String tenantId, UUID caseId, UUID buyerId, AgencyUpdate update, String by) {
        LocalDate today = businessZone.today();
        return terms.current(tenantId).chain(t -> policies.settings(tenantId).chain(days -> {
            PromiseToPay p = update.promise(TimeOrderedIds.at(clock.instant()), buyerId, t.promise(), days.calendar().calendar(),
                    days.run().run().dayCount());
            LocalDate from = p.deadline().isBefore(today) ? p.madeOn() : today;
            return holds.place(tenantId, buyerId, null, Hold.Reason.PROMISE_TO_PAY, from, p.deadline(), "promise " + p.id(), by)
                    .chain(hold -> promises.insert(tenantId, caseId, p, hold.hold().id(), by))
                    .chain(() -> outbox.record(CollectorEvents.promiseMade(tenantId, caseId, p, by)))
                    .replaceWith(p);
        }));
    }

    /** The case's promises, newest first, with their verdicts so far. */
    public Uni<List<RecordedPromise>> ofCase(String tenantId, UUID caseId) {
        return CurrentTransaction.run(() -> cases.find(tenantId, caseId).chain(c -> promises.ofCase(tenantId, caseId)));
    }

    /** After a payment: the buyer's pending promises that it keeps are judged kept at once. */
    public Uni<Void> judgeAfterPayment(String tenantId, UUID buyerId, String actor) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> promises.pendingOf(tenantId, buyerId).chain(pending -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RecordedPromise s : pending) {
                chain = chain.chain(() -> judge(s, today, actor, true));
            }
            return chain;
        }));
    }

    /**
     * After a reversal: each of the buyer's promises judged kept whose deadline has not passed, and
     * which what still stands no longer covers ({@link PromiseToPay#pendingAgainAfterReversal}), is
     * pending again: its hold runs again to the deadline, the case goes back to promise to pay (when
     * it is in progress), the log says {@code promise-reopened}; the review then judges it at its
     * deadline and publishes that verdict (promise-kept or promise-broken, the same promise id).
     */
    public Uni<Void> judgeAfterReversal(String tenantId, UUID buyerId, String actor) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> promises.keptUntil(tenantId, buyerId, today).chain(kept -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RecordedPromise s : kept) {
                PromiseToPay p = s.promise();
                chain = chain.chain(() -> payments.of(tenantId, buyerId, p.madeOn(), today).chain(paid -> {
                    if (!p.pendingAgainAfterReversal(paid, today)) {
                        return Uni.createFrom().voidItem();
                    }
                    PromiseToPay.Verdict v = p.judge(paid, today);
                    return promises.pendingAgain(tenantId, p.id())
                            .chain(() -> holds.resume(tenantId, s.holdId(), actor))
                            .chain(() -> cases.log(tenantId, s.caseId(), "promise-reopened", actor, verdictDetail(p, v)))
                            .chain(() -> cases.find(tenantId, s.caseId()))
                            .chain(c -> c.state() != CaseState.IN_PROGRESS ? Uni.createFrom().voidItem()
                                    : cases.move(tenantId, s.caseId(), CaseState.PROMISE_TO_PAY, actor,
                                            "promise pending again: its payment was reversed").replaceWithVoid());
                }));
            }
            return chain;
        }));
    }

    /** Up to {@code limit} promises past their deadline before {@code asOf}, judged kept or broken; how many. */
    public Uni<Integer> reviewPastDeadline(LocalDate asOf, int limit) {
        return promises.lockPastDeadline(asOf, limit).chain(due -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RecordedPromise s : due) {
                chain = chain.chain(() -> judge(s, asOf, REVIEW, false));
            }
            return chain.replaceWith(due.size());
        });
    }

    /** Judges one promise on {@code on}; a pending verdict changes nothing unless {@code onlyKept} is false. */
    private Uni<Void> judge(RecordedPromise s, LocalDate on, String actor, boolean onlyKept) {
        PromiseToPay p = s.promise();
        return payments.of(s.tenantId(), p.buyerId(), p.madeOn(), on).chain(paid -> openItems.openItemsOf(s.tenantId(),
                p.buyerId(), on).chain(open -> {
            PromiseToPay.Verdict v = p.judge(paid, on, p.nothingLeftToPay(open.items()));
            if (v.outcome() == Outcome.PENDING || (onlyKept && v.outcome() != Outcome.KEPT)) {
                return Uni.createFrom().voidItem();
            }
            boolean kept = v.outcome() == Outcome.KEPT;
            String tenant = s.tenantId();
            Uni<Void> after = (kept
                    ? outbox.record(CollectorEvents.promiseKept(tenant, s.caseId(), p, v, on))
                    : outbox.record(CollectorEvents.promiseBroken(tenant, s.caseId(), p, v, on)))
                    .chain(() -> backToCollector(tenant, s.caseId(), on, actor, kept))
                    .chain(() -> kept ? Uni.createFrom().voidItem() : actNow(tenant, s.caseId(), on, actor));
            return promises.judged(tenant, p.id(), v.outcome(), on, v.paid())
                    .chain(() -> holds.endEarly(tenant, s.holdId(), v.holdReleasedOn(), actor))
                    .chain(() -> cases.log(tenant, s.caseId(), kept ? "promise-kept" : "promise-broken", actor,
                            verdictDetail(p, v)))
                    .chain(() -> after)
                    // counted in the judging transaction: one that rolls back afterwards counts once too often
                    .invoke(() -> caseMetrics.promiseJudged(kept));
        }));
    }

    /**
     * A judged promise gives the case back to the collector if it is still waiting on the promise
     * (a payment that left nothing overdue has closed it already). Kept, the buyer still owes something
     * overdue, so the collector looks at it the day it was judged (the waiting case had no next action); broken, the
     * day it was judged ({@link #actNow}).
     */
    private Uni<Void> backToCollector(String tenantId, UUID caseId, LocalDate judgedOn, String actor, boolean kept) {
        return cases.find(tenantId, caseId).chain(c -> c.state() != CaseState.PROMISE_TO_PAY
                ? Uni.createFrom().voidItem()
                : cases.move(tenantId, caseId, CaseState.IN_PROGRESS, actor, kept ? "promise kept" : "promise broken")
                        .chain(() -> kept ? cases.backToCollector(tenantId, caseId, judgedOn, actor).replaceWithVoid()
                                : Uni.createFrom().voidItem()));
    }

    /**
     * A broken promise: the ladder resumes at once (DOMAIN §3) and so does the collector: the case's next action is the
     * day it was judged broken (today when a past date is reviewed late), not the deadline it may still show, or the
     * tenant's next working day when it does not work that day, as every next action the platform plans
     * ({@link CollectionCases#backToCollector}); a case a payment closed meanwhile is left alone.
     */
    private Uni<Void> actNow(String tenantId, UUID caseId, LocalDate judgedOn, String actor) {
        // an agency holding the case works it (a promise it reported and the buyer broke included): not the collector's yet
        return cases.find(tenantId, caseId).chain(c -> c.state() == CaseState.CLOSED || c.state() == CaseState.WITH_AGENCY
                ? Uni.createFrom().voidItem()
                : cases.backToCollector(tenantId, caseId, judgedOn, actor).replaceWithVoid());
    }

    private static Map<String, Object> madeDetail(PromiseToPay p, String note) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("promiseId", p.id().toString());
        d.put("amount", p.amount().amountText());
        d.put("currency", p.amount().currencyCode());
        d.put("promisedDate", p.promisedDate().toString());
        d.put("deadline", p.deadline().toString());
        if (note != null) {
            d.put("note", note);
        }
        return d;
    }

    private static Map<String, Object> verdictDetail(PromiseToPay p, PromiseToPay.Verdict v) {
        return Map.of("promiseId", p.id().toString(), "amount", p.amount().amountText(), "currency",
                p.amount().currencyCode(), "paid", v.paid().amountText(), "shortfall", v.shortfall().amountText());
    }
}
