package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CallTerms;
import io.tradecredit.collections.domain.Hold;
import io.tradecredit.collections.domain.RecordedHold;
import io.tradecredit.collections.domain.TextLimits;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.collections.persistence.HoldRepository;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.ids.TimeOrderedIds;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/** Pauses of dunning per buyer or invoice, placed and released by the tenant's staff. */
@ApplicationScoped
public class DunningHolds {
    @Inject
    HoldRepository holds;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** The tenant's call terms: a collector's hold is no longer than the short hold a call suggests. */
    @Inject
    TenantCaseTerms terms;

    /** The tenant's calendar and day count, on which that short hold is counted. */
    @Inject
    DunningPolicyRepository policies;

    /** A new hold from {@code from} (today when null) to {@code until}; refused naming every wrong field. */
    public Uni<RecordedHold> place(String tenantId, UUID buyerId, UUID invoiceId, Hold.Reason reason, LocalDate from,
            LocalDate until, String note, String by) {
        return place(tenantId, buyerId, invoiceId, reason, from, until, note, by, null);
    }

    /**
     * A collector's hold: as {@link #place}, but no longer than the short hold a call suggests under the tenant's call
     * terms and calendar ({@link CallTerms#collectorHoldTooLong}; 400 naming {@code until} with every other wrong field).
     */
    public Uni<RecordedHold> placeByCollector(String tenantId, UUID buyerId, UUID invoiceId, Hold.Reason reason,
            LocalDate from, LocalDate until, String note, String by) {
        return CurrentTransaction.run(() -> terms.current(tenantId).chain(t -> policies.settings(tenantId)
                .map(days -> (Function<LocalDate, Optional<Violation>>) start -> t.call().collectorHoldTooLong(start, until,
                        days.calendar().calendar(), days.run().run().dayCount()))))
                .chain(limit -> place(tenantId, buyerId, invoiceId, reason, from, until, note, by, limit));
    }

    private Uni<RecordedHold> place(String tenantId, UUID buyerId, UUID invoiceId, Hold.Reason reason, LocalDate from,
            LocalDate until, String note, String by, Function<LocalDate, Optional<Violation>> limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate start = from == null ? businessZone.dateOf(now) : from;
        List<Violation> tooLong = new ArrayList<>();
        if (limit != null) {
            limit.apply(start).ifPresent(tooLong::add);
        }
        Hold hold = checked(TimeOrderedIds.at(now.toInstant()), buyerId, invoiceId, reason, start, until, note, tooLong);
        RecordedHold recorded = new RecordedHold(hold, note, now, by, null);
        return Panache.withTransaction(() -> holds.insert(tenantId, recorded)).replaceWith(recorded);
    }

    /** The hold, or one refusal naming every wrong field, the note's length with {@link Hold#place}'s rules. */
    public static Hold checked(UUID id, UUID buyerId, UUID invoiceId, Hold.Reason reason, LocalDate from, LocalDate until,
            String note) {
        return checked(id, buyerId, invoiceId, reason, from, until, note, new ArrayList<>());
    }

    /** As {@link #checked}, with what else is {@code wrong} already (a collector's hold too long) named in the same refusal. */
    static Hold checked(UUID id, UUID buyerId, UUID invoiceId, Hold.Reason reason, LocalDate from, LocalDate until,
            String note, List<Violation> wrong) {
        return TextLimits.together(TextLimits.atMost(wrong, "note", note, TextLimits.SHORT_NOTE),
                "hold.invalid", "The hold is incomplete or inconsistent", () -> Hold.place(id, buyerId, invoiceId, reason, from, until));
    }

    /** Ends the hold today; 404 for a hold of another tenant, 409 if it was released already. */
    public Uni<RecordedHold> release(String tenantId, UUID id, String by) {
        return Panache.withTransaction(() -> holds.find(tenantId, id).chain(found -> {
            RecordedHold r = found.orElseThrow(() -> DomainError.notFound("hold.not-found", "There is no hold " + id));
            RecordedHold released = new RecordedHold(r.hold().release(businessZone.today()), r.note(), r.placedAt(),
                    r.placedBy(), by);
            return holds.update(tenantId, released).replaceWith(released);
        }));
    }

    /**
     * Ends the hold on {@code on} when it would still hold that day or later (a promise judged
     * kept before its deadline); a hold already released or past its end date is left as it is.
     */
    public Uni<Void> endEarly(String tenantId, UUID id, LocalDate on, String by) {
        return Panache.withTransaction(() -> holds.find(tenantId, id).chain(found -> {
            if (found.isEmpty() || found.get().hold().releasedOn() != null || found.get().hold().until().isBefore(on)) {
                return Uni.createFrom().voidItem();
            }
            RecordedHold r = found.get();
            return holds.update(tenantId, new RecordedHold(r.hold().release(on), r.note(), r.placedAt(), r.placedBy(),
                    by));
        }));
    }

    /** The hold released early running again to its end date (a kept promise pending again); one not released is left. */
    public Uni<Void> resume(String tenantId, UUID id, String by) {
        return Panache.withTransaction(() -> holds.find(tenantId, id).chain(found -> {
            if (found.isEmpty() || found.get().hold().releasedOn() == null) {
                return Uni.createFrom().voidItem();
            }
            RecordedHold r = found.get();
            return holds.update(tenantId, new RecordedHold(r.hold().resumed(), r.note(), r.placedAt(), r.placedBy(), null));
        }));
    }

    /** One page of the tenant's holds, newest first; {@code heldOn} keeps those that hold on that day. */
    public Uni<Page<RecordedHold>> list(String tenantId, UUID buyerId, LocalDate heldOn, int page, int size) {
        return Panache.withSession(() -> holds.list(tenantId, buyerId)).map(all -> {
            List<RecordedHold> kept = heldOn == null ? all : all.stream().filter(r -> r.hold().holdsOn(heldOn)).toList();
            List<RecordedHold> items = kept.stream().skip((long) page * size).limit(size).toList();
            return new Page<>(items, page, size, kept.size());
        });
    }
}
