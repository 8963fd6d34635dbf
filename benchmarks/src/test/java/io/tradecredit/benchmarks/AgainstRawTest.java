package io.tradecredit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgainstRawTest {

    @Test
    void theRatioIsAgainstTheFasterRawWhicheverRunItWas() {
        AgainstRaw before = new AgainstRaw(20, 40, 25);
        AgainstRaw after = new AgainstRaw(20, 25, 40);
        assertEquals(0.5, before.ratio(), 1e-9);
        assertEquals(0.5, after.ratio(), 1e-9);
        assertEquals(0.8, before.ratioToSlowerRaw(), 1e-9);
        assertEquals(0.8, after.ratioToSlowerRaw(), 1e-9);
    }

    @Test
    void anAimMetOnlyAgainstTheSlowerRawIsNotMet() {
        AgainstRaw r = new AgainstRaw(18, 25, 40); // 0.72x the slower, 0.45x the faster
        assertFalse(r.meets(0.5));
        assertTrue(r.meets(0.45));
        assertTrue(r.line("emails", "/s", 0.5).contains("0.45x the faster raw (0.72x the slower)"));
        assertTrue(r.line("emails", "/s", 0.5).endsWith("not met"));
    }

    @Test
    void aRawRateOfNothingIsRefusedRatherThanAnInfiniteRatio() {
        assertThrows(IllegalArgumentException.class, () -> new AgainstRaw(10, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> new AgainstRaw(10, 30, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new AgainstRaw(-1, 30, 30));
    }
}
