package io.tradecredit.invoice.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.invoice.domain.LateChargePolicy;
import io.tradecredit.invoice.domain.LateChargeTerms;

/** Late-charge terms on the wire; rates are fractions ("0.0005" = 0.05% per day), read as numbers or strings. */
public final class LateChargeTermsJson {
    private LateChargeTermsJson() {
    }

    /**
     * The bounds catch a percentage typed as a fraction (5 instead of 0.05) rather than judge a
     * contract: up to 1% a day and a 50% fee.
     */
    public record Request(
            @NotNull @DecimalMin("0") @DecimalMax("0.01") @Digits(integer = 1, fraction = 8) BigDecimal dailyRate,
            @NotNull @Min(1) @Max(3650) Integer feeAfterDays,
            @NotNull @DecimalMin("0") @DecimalMax("0.5") @Digits(integer = 1, fraction = 8) BigDecimal feeRate,
            @Schema(description = LEGAL_BASIS + "; optional, blank or left out: none")
            @Size(max = LateChargePolicy.MAX_LEGAL_BASIS) String legalBasis) {

        LateChargePolicy toPolicy() {
            return new LateChargePolicy(dailyRate.stripTrailingZeros(), feeAfterDays, feeRate.stripTrailingZeros(),
                    legalBasis);
        }
    }

    static final String LEGAL_BASIS = "what entitles the creditor to these charges (contract clause, statute), quoted"
            + " by the +30 demand letter, e.g. \"Contract §7.2; PRC Civil Code arts. 577, 579\"";

    public record View(String dailyRate, int feeAfterDays, String feeRate,
            @Schema(description = LEGAL_BASIS + "; null: none stated") String legalBasis) {
        static View of(LateChargePolicy p) {
            return new View(p.dailyRate().toPlainString(), p.feeAfterDays(), p.feeRate().toPlainString(),
                    p.legalBasis());
        }
    }

    /** The terms applied, and whether they are the buyer's own or the tenant's. */
    public record Applied(LateChargeTerms.Source source, String dailyRate, int feeAfterDays, String feeRate,
            @Schema(description = LEGAL_BASIS + "; null: none stated") String legalBasis) {
        static Applied of(LateChargeTerms t) {
            View v = View.of(t.policy());
            return new Applied(t.source(), v.dailyRate(), v.feeAfterDays(), v.feeRate(), v.legalBasis());
        }
    }
}
