package io.tradecredit.notification.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a finance demand shows the late-fee calculation (docs/domain.md §3, the +30 letter): the rates invoice-service
 * charged, as the request carries them ({@code dailyRate} 0.0005, {@code feeRate} 0.03), written as percentages
 * ({@code dailyRatePercent} "0.05", {@code feeRatePercent} "3") beside the stated figures. A rate the request does not
 * carry, or not as a number, adds nothing: the letter then shows the figures without their terms.
 */
public final class LateChargeTerms {
    private LateChargeTerms() {
    }

    /** The stated late charges with their rates as percentages added. */
    public static Map<String, Object> readable(Map<?, ?> stated) {
        Map<String, Object> out = new HashMap<>();
        stated.forEach((k, v) -> out.put(String.valueOf(k), v));
        percent(stated.get("dailyRate")).ifPresent(p -> out.put("dailyRatePercent", p));
        percent(stated.get("feeRate")).ifPresent(p -> out.put("feeRatePercent", p));
        return out;
    }

    /** A rate as a percentage without trailing zeros: 0.0005 → "0.05", 0.03 → "3", 0.1 → "10". */
    static Optional<String> percent(Object rate) {
        try { // a missing rate reads "null", not a number either
            BigDecimal r = new BigDecimal(String.valueOf(rate));
            return Optional.of(r.movePointRight(2).stripTrailingZeros().toPlainString());
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
