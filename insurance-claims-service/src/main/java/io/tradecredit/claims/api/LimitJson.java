package io.tradecredit.claims.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.claims.app.InsuredLimits;
import io.tradecredit.claims.domain.InsuredLimit;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.LimitRequest;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/** Limit requests, decisions and the limit in force, as requests give them and answers show them. */
final class LimitJson {
    private LimitJson() {
    }

    public record RequestBody(@Schema(description = "a buyer of the tenant: one this service knows only under another tenant (registered or invoiced there) is 400 naming buyerId, nothing recorded") UUID buyerId,
            @Schema(description = "NEW, INCREASE, REDUCE or CANCEL") LimitRequest.Kind kind,
            @Schema(description = "the limit asked for, in the policy's currency; none for CANCEL") Money amount,
            @Size(max = 2000) String note) {
    }

    public record RequestView(UUID id, UUID policyId, UUID buyerId, LimitRequest.Kind kind, Money amount, String note,
            OffsetDateTime requestedAt, String requestedBy) {
        static RequestView of(LimitRequest r) {
            return new RequestView(r.id(), r.policyId(), r.buyerId(), r.kind(), r.amount(), r.note(), r.requestedAt(),
                    r.requestedBy());
        }
    }

    public record DecisionBody(@Size(max = 100) @Schema(description = "the insurer's reference; a repeat is recorded once") String decisionId,
            @Schema(description = "a buyer of the tenant: one this service knows only under another tenant (registered or invoiced there) is 400 naming buyerId, nothing recorded") UUID buyerId,
            @Schema(description = "APPROVED, PARTLY_APPROVED, REFUSED, PENDING_INVESTIGATION or CANCELLED") LimitDecision.Outcome outcome,
            @Schema(description = "the insured amount, for APPROVED and PARTLY_APPROVED only") Money amount,
            LocalDate effectiveFrom,
            @Schema(description = "the last day insured; open-ended when absent") LocalDate expiresOn,
            @Schema(description = "the tenant's request this decision answers, if any: the decision is on its buyer, and a"
                    + " PARTLY_APPROVED amount is below the amount requested (else 400 naming buyerId or amount)") UUID requestId)
            implements CheckableBody {

        /**
         * The decision's rules on the body as read (domain.LimitDecision#of; the policy's currency is checked once the
         * policy is read), asked when a value could not be read (it is null then), so that one 400 names the unreadable
         * values with every other wrong field: from the tenant, or the insurer's signed callback.
         */
        @Override
        public List<Violation> violations() {
            return CheckableBody.violationsOf(() -> LimitDecision.of(amount == null ? null : amount.currencyCode(),
                    decisionId, buyerId, outcome, amount, effectiveFrom, expiresOn, requestId, LimitDecision.Source.TENANT,
                    null, null));
        }

        InsuredLimits.DecisionInput toInput() {
            return new InsuredLimits.DecisionInput(decisionId, buyerId, outcome, amount, effectiveFrom, expiresOn, requestId);
        }
    }

    public record DecisionView(String decisionId, UUID buyerId, LimitDecision.Outcome outcome, Money amount,
            LocalDate effectiveFrom, LocalDate expiresOn, UUID requestId, LimitDecision.Source source,
            OffsetDateTime recordedAt, String recordedBy) {
        static DecisionView of(LimitDecision d) {
            return new DecisionView(d.decisionId(), d.buyerId(), d.outcome(), d.amount(), d.effectiveFrom(), d.expiresOn(),
                    d.requestId(), d.source(), d.recordedAt(), d.recordedBy());
        }
    }

    public record LimitView(UUID policyId, UUID buyerId, LocalDate asOf,
            @Schema(description = "the insured limit on the day; zero when the buyer is not insured") Money insuredLimit,
            boolean insured,
            @Schema(description = "the decision that sets it; absent before any grant or cancellation") DecisionView decision) {
        static LimitView of(UUID policyId, UUID buyerId, LocalDate asOf, InsuredLimit l) {
            return new LimitView(policyId, buyerId, asOf, l.amount(), l.insured(), l.basis().map(DecisionView::of).orElse(null));
        }
    }
}
