package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.domain.CollectionCase;
import io.tradecredit.collections.events.CaseEvents;
import io.tradecredit.collections.persistence.CaseRepository;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.collections.persistence.CaseRepository.ActivityRow;
import io.tradecredit.collections.persistence.CaseRepository.Stored;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.ids.TimeOrderedIds;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A buyer's collection case through its life (docs/domain.md §3 "Cases and agencies"): opened by
 * the ladder or a collector, moved by {@link CollectionCase}'s rules, every change logged and
 * published on {@code collection-cases}. Each method runs in the current transaction or a new one
 * ({@link CurrentTransaction#run}), so the daily run and the event consumers change cases in theirs.
 */
@ApplicationScoped
public class CollectionCases {
    @Inject
    CaseRepository cases;

    @Inject
    OpenItems openItems;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** The tenant's calendar: a new case's first look is on a day the tenant works. */
    @Inject
    DunningPolicyRepository policies;

    /** What else ends with a case (an agency's placement): see {@link CaseClosing}. */
    @Inject
    Instance<CaseClosing> closingWork;

    /** The buyer's open case, or a new one opened on {@code on} (logged and published as case-opened). */
    public Uni<CaseView> openFor(String tenantId, UUID buyerId, LocalDate on, String actor) {
        return CurrentTransaction.run(() -> cases.openOf(tenantId, buyerId).chain(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(view(tenantId, found.get()));
            }
            // due for its collector's first look the day it opened, a working day of the tenant's calendar
            return policies.settings(tenantId).chain(days -> {
                CollectionCase opened = CollectionCase.open(TimeOrderedIds.at(clock.instant()), buyerId, on,
                        days.calendar().calendar());
                return cases.insertIfNoneOpen(tenantId, opened).chain(inserted -> inserted
                        // someone opened one at the same moment: theirs is the buyer's case
                        ? record(tenantId, opened.id(), "case-opened", actor, Map.of("openedOn", on.toString(),
                                "nextActionOn", opened.nextActionOn().toString()))
                                .chain(() -> outbox.record(CaseEvents.opened(tenantId, opened, actor)))
                                .replaceWith(new CaseView(tenantId, opened, 0))
                        : cases.openOf(tenantId, buyerId).map(again -> view(tenantId, again.orElseThrow())));
            });
        }));
    }

    /**
     * After a reversal: a buyer without an open case whose latest case closed as paid and who owes something
     * overdue again ({@link CollectionCase#owedAgainAfterPaid}) gets a new case today, due for its first look,
     * logged {@code reopened-after-reversal} with the case it follows; empty otherwise.
     */
    public Uni<Optional<CaseView>> reopenAfterReversal(String tenantId, UUID buyerId, String actor) {
        return CurrentTransaction.run(() -> cases.openOf(tenantId, buyerId).chain(open -> open.isPresent()
                ? Uni.createFrom().item(Optional.<CaseView>empty())
                : cases.lastClosedOf(tenantId, buyerId).chain(last -> last.isEmpty()
                        ? Uni.createFrom().item(Optional.<CaseView>empty())
                        : openItems.openItemsOf(tenantId, buyerId).chain(items -> {
                            if (!last.get().current().owedAgainAfterPaid(items.owedOverdue())) {
                                return Uni.createFrom().item(Optional.<CaseView>empty());
                            }
                            Map<String, Object> detail = new LinkedHashMap<>();
                            detail.put("closedCaseId", last.get().current().id().toString());
                            detail.put("overdue", items.owedOverdue().stream().filter(m -> m.isPositive())
                                    .map(Object::toString).toList());
                            return openFor(tenantId, buyerId, today(), actor).chain(c -> record(tenantId, c.id(),
                                    "reopened-after-reversal", actor, detail).replaceWith(Optional.of(c)));
                        }))));
    }

    /** The buyer's case that is not closed, if it has one. */
    public Uni<Optional<CaseView>> openCaseOf(String tenantId, UUID buyerId) {
        return CurrentTransaction.run(() -> cases.openOf(tenantId, buyerId))
                .map(found -> found.map(s -> view(tenantId, s)));
    }

    /** A tenant's buyer. */
    public record Buyer(String tenantId, UUID buyerId) {
    }

    /** The open cases of {@code buyers} (those without one are absent), with one query. */
    public Uni<Map<Buyer, CaseView>> openCasesOf(Collection<Buyer> buyers) {
        if (buyers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return CurrentTransaction.run(() -> cases.openOfBuyers(buyers.stream().map(Buyer::tenantId).toArray(String[]::new),
                buyers.stream().map(Buyer::buyerId).toArray(UUID[]::new))).map(found -> {
                    Map<Buyer, CaseView> open = new HashMap<>();
                    found.forEach(c -> open.put(new Buyer(c.tenantId(), c.stored().current().buyerId()),
                            view(c.tenantId(), c.stored())));
                    return open;
                });
    }

    /** An entry for the log of a tenant's case known to exist. */
    public record LogEntry(String tenantId, UUID caseId, String kind, String actor, Map<String, Object> detail) {
    }

    /** Adds {@code entries} to their cases' logs (cases just read, so no 404 here), with one statement. */
    public Uni<Void> logAll(List<LogEntry> entries) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CaseRepository.TenantActivity> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            // a log reads in (at, id) order: a microsecond apart, one message's statuses in one poll keep theirs
            OffsetDateTime at = now.plusNanos(1_000L * i);
            rows.add(new CaseRepository.TenantActivity(e.tenantId(), new ActivityRow(TimeOrderedIds.at(at.toInstant()),
                    e.caseId(), at, e.kind(), e.actor(), e.detail() == null ? Map.of() : e.detail())));
        }
        return CurrentTransaction.run(() -> cases.insertActivities(rows));
    }

    /** The case; 404 when there is none of this tenant's. */
    public Uni<CaseView> find(String tenantId, UUID caseId) {
        return CurrentTransaction.run(() -> stored(tenantId, caseId)).map(s -> view(tenantId, s));
    }

    /** Moves the case to an open state by {@link CollectionCase#moveTo}; logged, published as case-state-changed. */
    public Uni<CaseView> move(String tenantId, UUID caseId, CaseState to, String actor, String note) {
        return change(tenantId, caseId, c -> c.moveTo(to), actor, note);
    }

    /**
     * As {@link #move}, made by the run of {@code runDate}: the move is of that date (case-state-changed's
     * {@code on}, the log's {@code runDate}), not of the day it was processed, which a catch-up after downtime
     * makes later.
     */
    public Uni<CaseView> moveByRun(String tenantId, UUID caseId, CaseState to, LocalDate runDate, String actor,
            String note) {
        return change(tenantId, caseId, c -> c.moveTo(to), runDate, actor, note);
    }

    /**
     * A collector's move (the case's state door): as {@link #move}, but a case goes to an agency only
     * by a hand-off and comes back only by a recall or the agency's report, which record the
     * placement and tell the agency (409 {@code case.agency-move}); closing it is allowed and ends
     * the placement ({@link CaseClosing}). Nor does it go to promise to pay (409 {@code case.promise-move}:
     * POST .../promises records the promise, its hold and deadline, and the review gives the case back) or
     * to payment plan (409 {@code case.plan-move}: invoice-service's agreed plan moves it, and its end gives
     * it back): a state with nothing behind it would never be judged nor left.
     */
    public Uni<CaseView> moveByCollector(String tenantId, UUID caseId, CaseState to, String actor, String note) {
        return change(tenantId, caseId, c -> c.moveByCollector(to), actor, note);
    }

    /**
     * Closes the case with {@code reason}; closing as paid is refused (409) while the buyer still
     * owes anything overdue in the read model, disputed or not. Published as case-state-changed and case-closed.
     */
    public Uni<CaseView> close(String tenantId, UUID caseId, CloseReason reason, String actor, String note) {
        return CurrentTransaction.run(() -> stored(tenantId, caseId)
                .chain(s -> openItems.openItemsOf(tenantId, s.current().buyerId()))
                .chain(items -> change(tenantId, caseId,
                        c -> c.close(reason, items.owedOverdue(), today()), actor, note)));
    }

    /**
     * What a payment, credit note or write-off means for the buyer's case at once: owing nothing
     * overdue any more (a disputed amount is still owed), its open case closes as paid. Empty when
     * the buyer has no open case or still owes.
     */
    public Uni<Optional<CaseView>> closeIfNothingOverdue(String tenantId, UUID buyerId, String actor) {
        return closeIfNothingOverdue(tenantId, buyerId, actor, CloseReason.PAID);
    }

    /** As {@link #closeIfNothingOverdue(String, UUID, String)}, closing with {@code reason}. */
    public Uni<Optional<CaseView>> closeIfNothingOverdue(String tenantId, UUID buyerId, String actor,
            CloseReason reason) {
        return CurrentTransaction.run(() -> cases.openOf(tenantId, buyerId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<CaseView>empty());
            }
            return openItems.openItemsOf(tenantId, buyerId).chain(items -> {
                CollectionCase c = found.get().current();
                if (c.closeIfNothingOverdue(items.owedOverdue(), today(), reason) == c) {
                    return Uni.createFrom().item(Optional.<CaseView>empty());
                }
                return change(tenantId, c.id(),
                        x -> x.closeIfNothingOverdue(items.owedOverdue(), today(), reason), actor,
                        "nothing overdue is left").map(Optional::of);
            });
        }));
    }

    /** Gives the case to a collector; logged as owner-assigned. */
    public Uni<CaseView> assign(String tenantId, UUID caseId, String owner, String actor) {
        return changeQuietly(tenantId, caseId, c -> c.assignTo(owner), actor, "owner-assigned",
                Map.of("owner", owner == null ? "" : owner));
    }

    /** Plans the next action; logged as next-action-planned. */
    public Uni<CaseView> planNextAction(String tenantId, UUID caseId, LocalDate on, String actor) {
        return changeQuietly(tenantId, caseId, c -> c.planNextAction(on, today()), actor, "next-action-planned",
                Map.of("nextActionOn", String.valueOf(on)));
    }

    /**
     * The case is back with its collector from a wait (returned by its agency or recalled, its promise
     * kept, its plan completed): its next action is {@code on} (today when that is past), or the tenant's
     * next working day after it when it does not work that day, as a new case's first look; logged as
     * next-action-planned.
     */
    public Uni<CaseView> backToCollector(String tenantId, UUID caseId, LocalDate on, String actor) {
        LocalDate from = on.isBefore(today()) ? today() : on;
        return CurrentTransaction.run(() -> policies.settings(tenantId).chain(days -> planNextAction(tenantId, caseId,
                days.calendar().calendar().nextWorkingDay(from), actor)));
    }

    /** Adds an entry to the case's log; 404 when there is no such case of this tenant. */
    public Uni<Void> log(String tenantId, UUID caseId, String kind, String actor, Map<String, Object> detail) {
        return CurrentTransaction.run(() -> stored(tenantId, caseId)
                .chain(s -> record(tenantId, caseId, kind, actor, detail)));
    }

    /**
     * A collector's note in the case's log (kind {@code note}, the text as written, who and when):
     * what a call or a state change does not say. Any case, closed ones too (the log is its
     * history); 404 when there is no such case of this tenant.
     */
    public Uni<Activity> note(String tenantId, UUID caseId, String text, String actor) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        Activity note = new Activity(TimeOrderedIds.at(at.toInstant()), caseId, at, "note", actor, Map.of("text", text));
        return CurrentTransaction.run(() -> stored(tenantId, caseId).chain(s -> cases.insertActivity(tenantId,
                new ActivityRow(note.id(), caseId, at, note.kind(), actor, note.detail())))).replaceWith(note);
    }

    /** The case's log, oldest first; 404 when there is no such case of this tenant. */
    public Uni<List<Activity>> activities(String tenantId, UUID caseId) {
        return CurrentTransaction.run(() -> stored(tenantId, caseId).chain(s -> cases.activities(tenantId, caseId)))
                .map(rows -> rows.stream().map(r -> new Activity(r.id(), r.caseId(), r.at(), r.kind(), r.actor(),
                        r.detail())).toList());
    }

    /** A change of state today (a collector's, an event's). */
    private Uni<CaseView> change(String tenantId, UUID caseId, UnaryOperator<CollectionCase> how, String actor,
            String note) {
        return change(tenantId, caseId, how, null, actor, note);
    }

    /**
     * A change of state: made on the case read and locked, logged as state-changed, published; of
     * {@code runDate} when the run makes it (null: today).
     */
    private Uni<CaseView> change(String tenantId, UUID caseId, UnaryOperator<CollectionCase> how, LocalDate runDate,
            String actor, String note) {
        return CurrentTransaction.run(() -> storedForChange(tenantId, caseId).chain(s -> {
            CollectionCase before = s.current();
            CollectionCase after = how.apply(before);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("from", before.state().name());
            detail.put("to", after.state().name());
            if (after.closeReason() != null) {
                detail.put("closeReason", after.closeReason().name());
            }
            if (note != null) {
                detail.put("note", note);
            }
            if (runDate != null) {
                detail.put("runDate", runDate.toString());
            }
            Uni<Void> events = outbox.record(CaseEvents.stateChanged(tenantId, before, after,
                    runDate == null ? today() : runDate, actor, note));
            if (after.state() == CaseState.CLOSED) {
                events = events.chain(() -> outbox.record(CaseEvents.closed(tenantId, after, actor)));
            }
            Uni<Void> published = events;
            Uni<Void> closing = Uni.createFrom().voidItem();
            if (after.state() == CaseState.CLOSED && before.state() != CaseState.CLOSED) {
                for (CaseClosing bean : closingWork) {
                    closing = closing.chain(() -> bean.closing(tenantId, after, actor));
                }
            }
            return closing.chain(() -> write(tenantId, after, s.version()))
                    .chain(() -> record(tenantId, caseId, "state-changed", actor, detail))
                    .chain(() -> published)
                    .replaceWith(new CaseView(tenantId, after, s.version() + 1));
        }));
    }

    /** A change that is not of state (owner, next action): written and logged, not published. */
    private Uni<CaseView> changeQuietly(String tenantId, UUID caseId, UnaryOperator<CollectionCase> how,
            String actor, String kind, Map<String, Object> detail) {
        return CurrentTransaction.run(() -> storedForChange(tenantId, caseId).chain(s -> {
            CollectionCase after = how.apply(s.current());
            return write(tenantId, after, s.version()).chain(() -> record(tenantId, caseId, kind, actor, detail))
                    .replaceWith(new CaseView(tenantId, after, s.version() + 1));
        }));
    }

    private Uni<Void> write(String tenantId, CollectionCase after, int readVersion) {
        return cases.update(tenantId, after, readVersion).invoke(written -> {
            if (!written) {
                throw DomainError.conflict("case.changed-meanwhile",
                        "Case " + after.id() + " was changed by someone else meanwhile; read it again and retry");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> record(String tenantId, UUID caseId, String kind, String actor, Map<String, Object> detail) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        return cases.insertActivity(tenantId, new ActivityRow(TimeOrderedIds.at(at.toInstant()), caseId, at, kind,
                actor, detail == null ? Map.of() : detail));
    }

    private Uni<Stored> stored(String tenantId, UUID caseId) {
        return cases.find(tenantId, caseId).map(found -> found
                .orElseThrow(() -> DomainError.notFound("case.not-found", "There is no collection case " + caseId)));
    }

    /** The case to change, locked: changes of one case wait for each other rather than refuse each other. */
    private Uni<Stored> storedForChange(String tenantId, UUID caseId) {
        return cases.findForChange(tenantId, caseId).map(found -> found
                .orElseThrow(() -> DomainError.notFound("case.not-found", "There is no collection case " + caseId)));
    }

    private static CaseView view(String tenantId, Stored s) {
        return new CaseView(tenantId, s.current(), s.version());
    }

    private LocalDate today() {
        return businessZone.today();
    }
}
