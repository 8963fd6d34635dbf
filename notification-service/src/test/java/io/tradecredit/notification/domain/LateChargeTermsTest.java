package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LateChargeTermsTest {

    @Test
    void ratesReadAsPercentagesWithoutTrailingZeros() {
        assertEquals(Optional.of("0.05"), LateChargeTerms.percent("0.0005"));
        assertEquals(Optional.of("3"), LateChargeTerms.percent("0.0300"));
        assertEquals(Optional.of("10"), LateChargeTerms.percent("0.1"), "never 1E+1");
        assertEquals(Optional.of("0"), LateChargeTerms.percent("0.0000"));
    }

    @Test
    void aRateMissingOrNotANumberAddsNothing() {
        assertEquals(Optional.empty(), LateChargeTerms.percent(null));
        assertEquals(Optional.empty(), LateChargeTerms.percent("a lot"));
    }

    @Test
    void theStatedChargesKeepTheirFiguresAndGainTheirRatesAsPercentages() {
        Map<String, Object> stated = new HashMap<>();
        stated.put("asOf", "2026-12-02");
        stated.put("dailyRate", "0.0005");
        stated.put("feeRate", "0.03");
        stated.put("feeAfterDays", 30);
        Map<String, Object> readable = LateChargeTerms.readable(stated);
        assertEquals("2026-12-02", readable.get("asOf"));
        assertEquals(30, readable.get("feeAfterDays"));
        assertEquals("0.05", readable.get("dailyRatePercent"));
        assertEquals("3", readable.get("feeRatePercent"));

        Map<String, Object> withoutRates = LateChargeTerms.readable(Map.of("asOf", "2026-12-02"));
        assertFalse(withoutRates.containsKey("dailyRatePercent"));
        assertFalse(withoutRates.containsKey("feeRatePercent"));
    }
}
