package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyContract;
import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.domain.AgencyUpdate;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.domain.PlacementEnd;
import io.tradecredit.collections.domain.PromiseToPay;
import io.tradecredit.collections.domain.ReceivedAgencyReport;
import io.tradecredit.collections.domain.TextLimits;
import io.tradecredit.collections.events.AgencyEvents;
import io.tradecredit.collections.events.AgencyEvents.CaseFile;
import io.tradecredit.collections.persistence.AgencyContractRepository;
import io.tradecredit.collections.persistence.AgencyPlacementRepository;
import io.tradecredit.collections.persistence.AgencyReportRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.ids.TimeOrderedIds;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Cases handed to partner agencies, taken back, and what the agencies report on them (docs/domain.md
 * §3 "Cases and agencies"). Each change moves the case through {@link CollectionCases}, records
 * the placement, logs it on the case and publishes it, to the agency on {@code agency.<code>.cases}
 * and to the platform on {@code collection-cases}, in one transaction (the current one, or a new one).
 */
@ApplicationScoped
public class AgencyPlacements {
    /**
     * What an accepted update did: the case's state after it, whether it ended the placement; {@code replayed} when it was
     * received before under its id (through either door) and this answer is that first one's, nothing changed now.
     */
    public record Accepted(CaseState caseState, boolean placementEnded, boolean replayed) {
    }

    @Inject
    CollectionCases cases;

    @Inject
    AgencyContractRepository contracts;

    @Inject
    AgencyPlacementRepository placements;

    @Inject
    AgencyCaseFiles files;

    @Inject
    OpenItems openItems;

    @Inject
    TenantCaseTerms caseTerms;

    @Inject
    AgencyReportRepository reports;

    @Inject
    Outbox outbox;

    /** What a settlement leaves is proposed for write-off. */
    @Inject
    Abandonments abandonments;

    /** A message requested before a settlement and asking for what it ended is withdrawn. */
    @Inject
    Withdrawals withdrawals;

    @Inject
    Tasks tasks;

    /** A reported promise is recorded, held and judged as a collector's is. */
    @Inject
    Promises promises;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /**
     * Hands the case to the agency today: 404 for an unknown case or agency, 409 when the case is
     * with an agency already, when a collector hands it to an agency collecting none of the currencies
     * the buyer owes overdue in ({@code agency.nothing-to-collect}, {@link AgencyContract#collectsAnyOf};
     * the run's step hands over only to an agency that takes the buyer, {@link AgencyContract#chooseFor})
     * or its state allows no hand-off (closed, legal).
     *
     * @param stepKey     the ladder step that handed it over; null for a collector's hand-off
     * @param instruction the step action's key (e.g. {@code agency.may-take-legal-action}), told to the agency
     */
    public Uni<CaseFile> handOff(String tenantId, UUID caseId, String agencyCode, String by, String stepKey,
            String instruction) {
        return handOff(tenantId, caseId, agencyCode, by, stepKey, instruction, null);
    }

    /**
     * As {@link #handOff(String, UUID, String, String, String, String)}, made by the run of {@code runDate} (null: a
     * collector's, today): the placement starts, the contract is read and the move to the agency is dated on the run's
     * date, not on the day a catch-up processes it.
     */
    public Uni<CaseFile> handOff(String tenantId, UUID caseId, String agencyCode, String by, String stepKey,
            String instruction, LocalDate runDate) {
        LocalDate today = runDate == null ? businessZone.today() : runDate;
        return CurrentTransaction.run(() -> cases.find(tenantId, caseId)
                .chain(c -> contracts.find(tenantId, agencyCode, today).map(found -> found.orElseThrow(
                        () -> AgencyContracts.notFound(agencyCode))).chain(contract -> placements.currentOf(tenantId, caseId)
                        .chain(current -> openItems.openItemsOf(tenantId, c.buyerId()).map(owed -> {
                            if (current.isPresent()) {
                                throw DomainError.conflict("case.already-with-agency", "Case " + caseId + " is with agency "
                                        + current.get().agencyCode() + " since " + current.get().handedOn() + "; recall it first");
                            }
                            // a collector's hand-off (the run's step chose an agency that takes the buyer on its run date);
                            // a state that allows no hand-off is refused by the move below
                            if (stepKey == null && c.state().canMoveTo(CaseState.WITH_AGENCY)
                                    && !contract.contract().collectsAnyOf(owed.owedOverdue())) {
                                throw DomainError.conflict("agency.nothing-to-collect", "Agency " + agencyCode + " collects "
                                        + contract.contract().currencies().stream().map(Currency::getCurrencyCode).sorted().toList()
                                        + "; the buyer owes nothing overdue in them (overdue: " + owed.owedOverdue().stream()
                                                .filter(Money::isPositive).map(Money::toString).toList() + ")",
                                        List.of(new Violation("agencyCode", "collects none of the currencies the buyer owes"
                                                + " overdue")));
                            }
                            return c;
                        }))))
                .chain(c -> {
                    AgencyPlacement p = AgencyPlacement.start(TimeOrderedIds.at(clock.instant()), caseId, c.buyerId(),
                            agencyCode, today);
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("agencyCode", agencyCode);
                    detail.put("placementId", p.id().toString());
                    if (stepKey != null) {
                        detail.put("stepKey", stepKey);
                    }
                    String moved = "handed to agency " + agencyCode;
                    return (runDate == null ? cases.move(tenantId, caseId, CaseState.WITH_AGENCY, by, moved)
                            : cases.moveByRun(tenantId, caseId, CaseState.WITH_AGENCY, runDate, by, moved))
                            .chain(() -> placements.insert(tenantId, p, by))
                            .chain(() -> cases.log(tenantId, caseId, "handed-to-agency", by, detail))
                            .chain(() -> files.of(tenantId, p, instruction, today))
                            .call(file -> outbox.record(List.of(AgencyEvents.placed(tenantId, file),
                                    AgencyEvents.handedToAgency(tenantId, p, by, stepKey))));
                }));
    }

    /** Takes the case back from its agency today: back to in progress; 409 when it is with none. */
    public Uni<AgencyPlacement> recall(String tenantId, UUID caseId, String by, String note) {
        TextLimits.refuseIfLonger("agency-recall.invalid", "note", note, TextLimits.SHORT_NOTE);
        return CurrentTransaction.run(() -> cases.find(tenantId, caseId).chain(c -> current(tenantId, caseId))
                .chain(p -> {
                    AgencyPlacement ended = p.end(PlacementEnd.RECALLED, businessZone.today());
                    return placements.end(tenantId, ended, by)
                            .chain(() -> cases.move(tenantId, caseId, CaseState.IN_PROGRESS, by,
                                    "recalled from agency " + p.agencyCode()))
                            .chain(() -> cases.backToCollector(tenantId, caseId, businessZone.today(), by))
                            .chain(() -> cases.log(tenantId, caseId, "recalled-from-agency", by,
                                    detail(ended, note)))
                            .chain(() -> outbox.record(List.of(AgencyEvents.recalledToAgency(tenantId, ended, note),
                                    AgencyEvents.recalled(tenantId, ended, by, note))))
                            .replaceWith(ended);
                }));
    }

    /**
     * Tells the agency that holds the case what the run of {@code runDate}'s ladder step says (the default +180 step:
     * it may now take legal action); logged on the case. Both are of the run's date (the case file's {@code on}, the
     * log's {@code runDate}), not of the day a catch-up processes it.
     */
    public Uni<Void> instruct(String tenantId, AgencyPlacement p, String stepKey, String instruction, LocalDate runDate) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("agencyCode", p.agencyCode());
        detail.put("stepKey", stepKey);
        detail.put("instruction", instruction);
        detail.put("runDate", runDate.toString());
        return cases.log(tenantId, p.caseId(), "agency-instructed", "dunning-run", detail)
                .chain(() -> outbox.record(AgencyEvents.instructed(tenantId, p, runDate, stepKey, instruction)));
    }

    /**
     * An agency's report on a case: accepted only when the case, in this tenant, is with this agency
     * now (else 404 {@code agency-case.not-placed}, which the topic's consumer sends to the DLQ). Logged
     * on the case, published, and the case moved as {@link AgencyUpdate.Effect} says. The report is read about its case
     * ({@code report} of {@link AgencyUpdate.Held}): refused naming every wrong field (400 {@code agency-update.invalid}),
     * {@code reportedOn} before the hand-off and {@code amount.currency} outside the agency's contract or the case's
     * invoices among them; nothing changes.
     *
     * <p>A report with an id ({@code reportId}: its {@code ce_id} on the topic, its {@code Idempotency-Key} on REST) is
     * applied once per tenant and agency whichever door it comes through: the same report received before under that id,
     * through either door, is answered as the first was and changes nothing ({@link ReceivedAgencyReport#replayOf}; also
     * when the first ended the placement, so the case is no longer the agency's); another report under a used id is
     * refused (422). Until session 35 a report sent on the topic and over REST was applied twice (a payment reported twice
     * in the case's log, a promise made twice).
     *
     * @param reportId the agency's id of the report; null when it gave none (REST without Idempotency-Key)
     * @param report   the report as sent, read with its case ({@link AgencyUpdate#reported}); with {@code null}, without it
     * @param via      {@code topic} or {@code rest}
     */
    public Uni<Accepted> receive(String tenantId, String agencyCode, UUID caseId, String reportId,
            java.util.function.Function<AgencyUpdate.Held, AgencyUpdate> report, String via) {
        String said = reportId == null ? null : saidOrNull(caseId, report);
        if (said == null) {
            return receive(tenantId, agencyCode, caseId, report, via);
        }
        return CurrentTransaction.run(() -> reports.claim(tenantId, agencyCode, reportId, caseId, said, via,
                OffsetDateTime.now(clock)).chain(earlier -> earlier.isPresent()
                        ? Uni.createFrom().item(answer(earlier.get().replayOf(said)))
                        : receive(tenantId, agencyCode, caseId, report, via).call(a -> reports.answered(tenantId, agencyCode,
                                reportId, a.caseState(), a.placementEnded()))));
    }

    /** What the report says without its case; null when it cannot be read, so it is refused as any ({@link #receive}). */
    private static String saidOrNull(UUID caseId, java.util.function.Function<AgencyUpdate.Held, AgencyUpdate> report) {
        try {
            return report.apply(null).said(caseId);
        } catch (DomainError unreadable) {
            return null;
        }
    }

    private static Accepted answer(ReceivedAgencyReport first) {
        return new Accepted(first.caseState(), first.placementEnded(), true);
    }

    private Uni<Accepted> receive(String tenantId, String agencyCode, UUID caseId,
            java.util.function.Function<AgencyUpdate.Held, AgencyUpdate> report, String via) {
        return CurrentTransaction.run(() -> placements.currentOf(tenantId, caseId).chain(found -> {
            AgencyPlacement p = found.filter(x -> x.agencyCode().equals(agencyCode)).orElseThrow(
                    () -> notPlaced(tenantId, agencyCode, caseId));
            // the report read about its case: every wrong field named at once, the case's own ones (reportedOn before the
            // hand-off, amount.currency outside the contract or the case's invoices) with the rest
            return contracts.versions(tenantId, agencyCode).chain(versions -> openItems.caseCurrencies(tenantId,
                    p.buyerId(), p.handedOn()).chain(owed -> caseTerms.current(tenantId).map(t -> report.apply(
                            new AgencyUpdate.Held(p, versions, owed, t.promise())))))
                    .chain(update -> apply(tenantId, agencyCode, caseId, p, update, via));
        }));
    }

    private Uni<Accepted> apply(String tenantId, String agencyCode, UUID caseId, AgencyPlacement p, AgencyUpdate update,
            String via) {
        String actor = "agency:" + agencyCode;
        Map<String, Object> detail = detail(p, update.summary());
        detail.put("kind", update.kind().name());
        detail.put("via", via);
        // a promise is recorded as a collector's is: it holds the buyer's dunning to its deadline and is judged kept or
        // broken (logged with the update)
        Uni<Void> logged = promiseOf(tenantId, p, update, actor).chain(promise -> {
            if (promise != null) {
                detail.put("promiseId", promise.id().toString());
                if (!promise.deadline().isBefore(businessZone.today())) {
                    detail.put("holdUntil", promise.deadline().toString());
                }
            }
            return cases.log(tenantId, caseId, "agency-update", actor, detail);
        });
        AgencyPlacement ended = update.kind().placementEnd() == null ? p
                : p.end(update.kind().placementEnd(), businessZone.today());
        Uni<CaseView> moved = switch (update.kind().effect()) {
            case LOG -> cases.find(tenantId, caseId);
            // the settlement ends the debt of the case: what it left is no longer dunned, a message still asking for it
            // is withdrawn, a task about it cancelled, and it is proposed for write-off
            case CLOSE_SETTLED -> placements.end(tenantId, ended, actor).chain(() -> cases.close(tenantId, caseId,
                    CloseReason.SETTLED, actor, update.summary())).call(closed -> abandonments.proposeSettled(
                            tenantId, closed, agencyCode, update.reportedOn(), actor))
                    .call(closed -> withdrawals.afterSettlement(tenantId, closed.buyerId(), caseId, actor))
                    .call(closed -> tasks.afterSettlement(tenantId, closed.buyerId(), caseId, actor));
            // back on the collector's worklist today: the next action planned before the hand-off is long past
            case BACK_TO_COLLECTOR -> placements.end(tenantId, ended, actor).chain(() -> cases.move(tenantId,
                    caseId, CaseState.IN_PROGRESS, actor, update.summary()))
                    .chain(() -> cases.backToCollector(tenantId, caseId, businessZone.today(), actor));
        };
        boolean endedNow = ended != p;
        return logged.chain(() -> moved).call(c -> outbox.record(AgencyEvents.updateReceived(tenantId, ended,
                update, via, c.state(), endedNow))).map(c -> new Accepted(c.state(), endedNow, false));
    }

    /** For a reported promise: the promise recorded ({@link Promises#reportedByAgency}); else null. */
    private Uni<PromiseToPay> promiseOf(String tenantId, AgencyPlacement p, AgencyUpdate update, String actor) {
        if (update.kind() != AgencyUpdate.Kind.PROMISE) {
            return Uni.createFrom().nullItem();
        }
        return promises.reportedByAgency(tenantId, p.caseId(), p.buyerId(), update, actor);
    }

    /** The case's current placement with this agency; 404 otherwise (so another agency's case is not found). */
    public Uni<AgencyPlacement> placedWith(String tenantId, String agencyCode, UUID caseId) {
        return CurrentTransaction.run(() -> placements.currentOf(tenantId, caseId)).map(found -> found
                .filter(p -> p.agencyCode().equals(agencyCode)).orElseThrow(() -> notPlaced(tenantId, agencyCode, caseId)));
    }

    /** The agency's cases in this tenant now, oldest hand-off first. */
    public Uni<List<AgencyPlacement>> currentWith(String tenantId, String agencyCode) {
        return CurrentTransaction.run(() -> placements.currentWith(tenantId, agencyCode));
    }

    /** The case's current placement, if any. */
    public Uni<java.util.Optional<AgencyPlacement>> currentOf(String tenantId, UUID caseId) {
        return CurrentTransaction.run(() -> placements.currentOf(tenantId, caseId));
    }

    private Uni<AgencyPlacement> current(String tenantId, UUID caseId) {
        return placements.currentOf(tenantId, caseId).map(found -> found.orElseThrow(() -> DomainError.conflict(
                "case.not-with-agency", "Case " + caseId + " is not with an agency")));
    }

    private static Map<String, Object> detail(AgencyPlacement p, String note) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("agencyCode", p.agencyCode());
        d.put("placementId", p.id().toString());
        if (note != null) {
            d.put("note", note);
        }
        return d;
    }

    static DomainError notPlaced(String tenantId, String agencyCode, UUID caseId) {
        return DomainError.notFound("agency-case.not-placed",
                "Case " + caseId + " of tenant " + tenantId + " is not with agency " + agencyCode);
    }
}
