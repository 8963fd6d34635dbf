package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What the credit check says about insurance once stop-deliveries runs. */
class InsuranceCoverTest {
    static final LocalDate DEC_3 = LocalDate.of(2026, 12, 3);

    @Test
    void fromTheStopDeliveriesDayOnANewDeliveryIsNotInsured() {
        InsuranceCover c = InsuranceCover.on(DEC_3, DEC_3);
        assertFalse(c.insured());
        assertEquals("stop-deliveries since 2026-12-03", c.reason());
        assertEquals(DEC_3, c.stopDeliveriesFrom());
        assertEquals("stop-deliveries since 2026-12-01", InsuranceCover.on(DEC_3, DEC_3.minusDays(2)).reason());
    }

    @Test
    void withoutStopDeliveriesOrBeforeItsDayNothingIsSaid() {
        assertNull(InsuranceCover.on(DEC_3, null));
        assertNull(InsuranceCover.on(DEC_3, DEC_3.plusDays(1)));
    }
}
