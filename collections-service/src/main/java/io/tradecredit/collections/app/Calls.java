package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CallOutcome;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.NextMove;
import io.tradecredit.collections.domain.NonPaymentReason;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A collector's call on a case: the buyer's coded reason for not paying, logged with the next move
 * it suggests under the tenant's {@code CallTerms} ({@link CallOutcome#suggestion}). The move is
 * only suggested, never done; its date becomes the case's next action (logged next-action-planned) unless the case
 * waits on a promise, a plan or an agency ({@link io.tradecredit.collections.domain.CollectionCase#nextActionAfter}).
 * The first call on an open case puts it in progress. The call does the buyer's open +3 task to call and confirm the
 * reason ({@link Tasks#doneByCall}): it leaves the worklist.
 */
@ApplicationScoped
public class Calls {
    @Inject
    CollectionCases cases;

    @Inject
    TenantCaseTerms terms;

    @Inject
    Tasks tasks;

    @Inject
    BusinessTimeZone businessZone;

    /** The tenant's calendar and day count: a suggested date is counted on them. */
    @Inject
    DunningPolicyRepository policies;

    public record Logged(CaseView caseView, CallOutcome call, NextMove suggestion) {
    }

    public Uni<Logged> log(String tenantId, UUID caseId, NonPaymentReason reason, String note, String by) {
        CallOutcome call = new CallOutcome(reason, note, businessZone.today());
        return CurrentTransaction.run(() -> cases.find(tenantId, caseId).chain(c -> {
            if (c.state() == CaseState.CLOSED) {
                throw DomainError.conflict("case.closed", "Case " + caseId + " is closed (" + c.closeReason() + ")");
            }
            return terms.current(tenantId).chain(t -> policies.settings(tenantId).chain(days -> {
                // dated on the tenant's calendar, as its ladder counts days: never a day it does not work
                NextMove move = call.suggestion(t.call(), days.calendar().calendar(), days.run().run().dayCount());
                Uni<CaseView> working = c.state() == CaseState.OPEN
                        ? cases.move(tenantId, caseId, CaseState.IN_PROGRESS, by, "first call")
                        : Uni.createFrom().item(c);
                // the call was the collector's action: the case is next looked at when its suggested move says
                return working.chain(w -> cases.log(tenantId, caseId, "call", by, detail(call, move))
                        // the call confirmed the reason: the ladder's +3 task to call is done, off the worklist
                        .chain(() -> tasks.doneByCall(tenantId, w.buyerId(), caseId, by))
                        .chain(() -> {
                            LocalDate next = w.current().nextActionAfter(move);
                            return next == null || next.equals(w.nextActionOn()) ? Uni.createFrom().item(w)
                                    : cases.planNextAction(tenantId, caseId, next, by);
                        })
                        .map(planned -> new Logged(planned, call, move)));
            }));
        }));
    }

    private static Map<String, Object> detail(CallOutcome call, NextMove move) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reason", call.reason().name());
        if (call.note() != null) {
            d.put("note", call.note());
        }
        d.put("suggestedMove", move.kind().name());
        if (move.holdUntil() != null) {
            d.put("holdUntil", move.holdUntil().toString());
        }
        d.put("nextActionOn", move.nextActionOn().toString());
        return d;
    }
}
