package io.tradecredit.claims.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.claims.domain.Deductible;
import io.tradecredit.claims.domain.PolicyTerms;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.common.money.Money;

/** The policy as requests give it and answers show it. */
final class PolicyJson {
    private PolicyJson() {
    }

    public record DeductibleJson(@Schema(description = "NONE, PER_CLAIM or ANNUAL_FIRST_LOSS") Deductible.Kind kind,
            @Schema(description = "per claim, or the first losses of each policy year; absent for NONE") Money amount) {
    }

    public record Request(@Size(max = 200) @Schema(description = "the insurer's name") String insurer,
            @Size(max = 100) String policyNumber,
            @Schema(description = "ISO 4217 code of the policy's currency; a revision (PUT) keeps it, else 400 naming currency") String currency,
            @Schema(description = "share of the insured loss the insurer pays, above 0 and at most 90 (the insured keeps a retention); 90 when left out") BigDecimal insuredPercent,
            DeductibleJson deductible,
            @Schema(description = "maximum extension period (MEP): days past the original due date the tenant may wait before notifying the insurer; every deadline counts from its end, 1 to 3650") Integer maximumExtensionDays,
            @Schema(description = "days after the MEP's end to notify the overdue account, 0 to 3650") Integer notificationDays,
            @Schema(description = "days after the MEP's end to file the claim, 1 to 3650, at least notificationDays + waitingPeriodDays (notified on the last day allowed, a protracted default must still be claimable in time; else 400 naming the three)") Integer claimFilingDays,
            @Schema(description = "protracted default: days after the overdue notification before a claim, 0 to 3650") Integer waitingPeriodDays,
            @Size(max = 200) @Schema(description = "the insurer's named collector") String collectorName,
            @Schema(description = "the named collector's partner-agency code in collections-service (e.g. huaxin-recovery), optional: a hand-over of the buyer's case to it meets the transfer deadline") String collectorAgencyCode,
            @Schema(description = "days after the MEP's end to transfer the case to the named collector, 0 to 3650") Integer transferDays,
            @Schema(description = "days before each deadline the tenant is warned, 0 to 365; 5 when absent") Integer warningLeadDays,
            @Schema(description = "the first day these terms apply; today when absent") LocalDate effectiveFrom) {

        PolicyTerms toTerms() {
            DeductibleJson d = deductible;
            return PolicyTerms.of(insurer, policyNumber, currency, insuredPercent, d == null ? null : d.kind(),
                    d == null ? null : d.amount(), maximumExtensionDays, notificationDays, claimFilingDays,
                    waitingPeriodDays, collectorName, collectorAgencyCode, transferDays, warningLeadDays);
        }
    }

    public record View(UUID id, int version, LocalDate effectiveFrom, String insurer, String policyNumber,
            String currency, BigDecimal insuredPercent, DeductibleJson deductible, int maximumExtensionDays,
            int notificationDays, int claimFilingDays, int waitingPeriodDays, String collectorName,
            String collectorAgencyCode, int transferDays,
            int warningLeadDays, OffsetDateTime recordedAt, String recordedBy) {

        static View of(PolicyVersion v) {
            PolicyTerms t = v.terms();
            Deductible d = t.deductible();
            return new View(v.policyId(), v.version(), v.effectiveFrom(), t.insurer(), t.policyNumber(), t.currency(),
                    t.insuredPercent(), new DeductibleJson(d.kind(), d.kind() == Deductible.Kind.NONE ? null : d.amount()),
                    t.maximumExtensionDays(), t.notificationDays(), t.claimFilingDays(), t.waitingPeriodDays(),
                    t.collectorName(), t.collectorAgencyCode(), t.transferDays(), t.warningLeadDays(), v.recordedAt(), v.recordedBy());
        }
    }

    public record SecretRequest(@Size(max = 200) @Schema(description = "32 to 200 characters; write-only, never shown") String secret) {
    }
}
