package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DunningItemTest {
    @Test
    void onlyAnAgreedPlanIsBeingKept() {
        assertTrue(DunningItem.planKept("AGREED"));
        assertFalse(DunningItem.planKept("BROKEN"));
        assertFalse(DunningItem.planKept(null), "no plan");
    }
}
