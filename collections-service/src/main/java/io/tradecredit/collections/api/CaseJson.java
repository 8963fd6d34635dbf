package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.domain.PromiseToPay;
import io.tradecredit.collections.domain.RecordedPromise;
import io.tradecredit.collections.domain.CollectorTask;
import io.tradecredit.common.money.Money;

/** The JSON shapes of cases, their log, promises and tasks. */
final class CaseJson {
    private CaseJson() {
    }

    public record Case(UUID id, UUID buyerId, CaseState state, CloseReason closeReason, String owner,
            LocalDate nextActionOn, LocalDate openedOn, LocalDate closedOn,
            @Schema(description = "changes with every write of the case") int version) {
        static Case of(CaseView v) {
            var c = v.current();
            return new Case(c.id(), c.buyerId(), c.state(), c.closeReason(), c.owner(), c.nextActionOn(), c.openedOn(),
                    c.closedOn(), v.version());
        }
    }

    public record Entry(UUID id, OffsetDateTime at, String kind, String actor, Map<String, Object> detail) {
        static Entry of(Activity a) {
            return new Entry(a.id(), a.at(), a.kind(), a.actor(), a.detail());
        }
    }

    public record Promise(UUID id, Money amount, LocalDate madeOn, LocalDate promisedDate, LocalDate deadline,
            UUID holdId, PromiseToPay.Outcome outcome, String madeBy) {
        static Promise of(RecordedPromise s) {
            PromiseToPay p = s.promise();
            return new Promise(p.id(), p.amount(), p.madeOn(), p.promisedDate(), p.deadline(), s.holdId(), s.outcome(),
                    s.madeBy());
        }
    }

    public record TaskJson(UUID id, UUID buyerId, String itemReference, String stepKey, String actionKey,
            LocalDate dueOn, LocalDate doneOn, String doneBy) {
        static TaskJson of(CollectorTask t) {
            return new TaskJson(t.id(), t.buyerId(), t.itemReference(), t.stepKey(), t.actionKey(), t.dueOn(),
                    t.doneOn(), t.doneBy());
        }
    }

    public record Detail(Case caseFile, List<Promise> promises, List<Entry> log) {
    }
}
