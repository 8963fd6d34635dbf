package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CreditNoteTest {
    @Test
    void numbersArePaddedToSixDigitsAndGrowBeyond() {
        assertEquals("CN-000001", CreditNote.number(1));
        assertEquals("CN-000042", CreditNote.number(42));
        assertEquals("CN-1000000", CreditNote.number(1_000_000));
    }

    @Test
    void thereIsNoCreditNoteZero() {
        assertThrows(IllegalArgumentException.class, () -> CreditNote.number(0));
    }
}
