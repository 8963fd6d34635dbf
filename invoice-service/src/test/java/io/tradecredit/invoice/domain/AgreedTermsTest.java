package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.Violation;

/** A buyer on 30 days whose first order goes on 15 (the credit policy's default), issued on 1 December 2026. */
class AgreedTermsTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);
    static final AgreedTerms TERMS = new AgreedTerms(30, 15);

    @Test
    void theFirstInvoiceIsHeldToTheFirstOrderTermNeverLongerThanTheBuyersOwn() {
        assertEquals(15, TERMS.termFor(true));
        assertEquals(30, TERMS.termFor(false));
        assertEquals(10, new AgreedTerms(10, 15).termFor(true), "a buyer agreed on 10 days: 10 for its first order too");
        assertEquals(30, new AgreedTerms(30, null).termFor(true), "first-order term not known: the buyer's");
        assertEquals(15, new AgreedTerms(null, 15).termFor(true), "only the first-order term known");
        assertNull(new AgreedTerms(null, 15).termFor(false));
        assertNull(AgreedTerms.UNKNOWN.termFor(true));
    }

    @Test
    void dueOnTheLastDayTheTermsAllowKeepsToThemADayLaterDoesNot() {
        assertTrue(TERMS.beyond(ISSUED, ISSUED.plusDays(30), false).isEmpty());
        assertEquals(Optional.of(new Violation("dueDate",
                "must not be after 2026-12-31: the terms agreed with the buyer are 30 days")),
                TERMS.beyond(ISSUED, ISSUED.plusDays(31), false));
        assertTrue(TERMS.beyond(ISSUED, ISSUED.plusDays(15), true).isEmpty());
        assertEquals(Optional.of(new Violation("dueDate",
                "must not be after 2026-12-16: a new buyer's first invoice goes on 15 days")),
                TERMS.beyond(ISSUED, ISSUED.plusDays(16), true));
        // due before the issue date is the completeness rules' to refuse, not this one's
        assertTrue(TERMS.beyond(ISSUED, ISSUED.minusDays(1), false).isEmpty());
    }

    @Test
    void prepaymentIsDueOnTheIssueDateAndUnknownTermsCheckNothing() {
        AgreedTerms prepaid = new AgreedTerms(30, 0);
        assertTrue(prepaid.beyond(ISSUED, ISSUED, true).isEmpty());
        assertEquals(Optional.of(new Violation("dueDate",
                "must not be after 2026-12-01: a new buyer's first invoice goes on prepayment (due on the issue date)")),
                prepaid.beyond(ISSUED, ISSUED.plusDays(1), true));
        assertEquals(Optional.of(new Violation("dueDate",
                "must not be after 2026-12-02: the terms agreed with the buyer are 1 day")),
                new AgreedTerms(1, null).beyond(ISSUED, ISSUED.plusDays(2), true));
        assertTrue(AgreedTerms.UNKNOWN.beyond(ISSUED, ISSUED.plusDays(365), true).isEmpty());
        assertTrue(TERMS.beyond(null, ISSUED, false).isEmpty());
        assertTrue(TERMS.beyond(ISSUED, null, false).isEmpty());
    }
}
