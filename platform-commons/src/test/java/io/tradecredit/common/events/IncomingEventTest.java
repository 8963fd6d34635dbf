package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A consumer knows an event by its name among one producer's version-1 types, and skips the rest. */
class IncomingEventTest {
    static IncomingEvent ofType(String type) {
        return new IncomingEvent("e1", type, "/tradecredit/x", "acme", "s", null, "t", "k", null);
    }

    @Test
    void theNameIsBetweenTheProducerAndTheVersion() {
        assertEquals("issued", ofType("io.tradecredit.invoice.issued.v1").nameFrom("invoice"));
        assertEquals("payment-received", ofType("io.tradecredit.invoice.payment-received.v1").nameFrom("invoice"));
    }

    @Test
    void anotherProducersOrVersionsTypeHasNoName() {
        assertNull(ofType("io.tradecredit.credit.issued.v1").nameFrom("invoice"));
        assertNull(ofType("io.tradecredit.invoice.issued.v2").nameFrom("invoice"));
        assertNull(ofType("io.tradecredit.invoice..v1").nameFrom("invoice"));
        assertNull(ofType("io.tradecredit.invoice.v1").nameFrom("invoice"));
        assertNull(ofType(null).nameFrom("invoice"));
    }
}
