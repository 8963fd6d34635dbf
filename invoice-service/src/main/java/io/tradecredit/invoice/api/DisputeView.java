package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.app.Disputes;
import io.tradecredit.invoice.domain.Dispute;
import io.tradecredit.invoice.domain.DisputeStep;

/** A dispute as the API shows it: where it stands and every step so far (who, when, what). */
public record DisputeView(UUID id, UUID invoiceId, UUID buyerId, Dispute.Type type, Dispute.Status status,
        Money disputedAmount, String description, List<String> evidence, LocalDate raisedOn, Assessment assessment,
        Dispute.Stage negotiationStage, Resolution resolution, List<Step> timeline, OffsetDateTime createdAt,
        String createdBy) {

    public record Assessment(Dispute.Party responsibleParty, String findings) {
    }

    public record Resolution(Dispute.Outcome outcome, Money creditedAmount, UUID creditNoteId, String rootCause,
            String creditPolicyAdjustment, LocalDate resolvedOn) {
    }

    public record Step(int seq, DisputeStep.Kind step, Dispute.Stage stage, String summary, OffsetDateTime at,
            String by) {
    }

    public static DisputeView of(Disputes.WithHistory h) {
        Dispute d = h.dispute();
        return new DisputeView(d.id, d.invoiceId, d.buyerId, d.type, d.status, d.disputed(), d.description, d.evidence,
                d.raisedOn, d.responsibleParty == null ? null : new Assessment(d.responsibleParty, d.findings),
                d.negotiationStage,
                d.outcome == null ? null : new Resolution(d.outcome, d.credited(), d.creditNoteId, d.rootCause,
                        d.creditPolicyAdjustment, d.resolvedOn),
                h.history().stream().map(s -> new Step(s.seq(), s.kind(), s.stage(), s.summary(), s.at(), s.by()))
                        .toList(),
                d.createdAt, d.createdBy);
    }
}
