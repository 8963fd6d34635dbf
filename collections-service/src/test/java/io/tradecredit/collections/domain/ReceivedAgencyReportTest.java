package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.AgencyUpdate.Kind;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

class ReceivedAgencyReportTest {
    static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final LocalDate DEC_7 = LocalDate.of(2026, 12, 7);
    static final AgencyUpdate PAID = new AgencyUpdate(Kind.PAYMENT_REPORTED, DEC_7, Money.of("3000.00", "CNY"), null,
            "wire seen");

    /** 3,000.00 CNY reported paid on 7 December, as its id keeps it: every field and the case, in one line. */
    @Test
    void aReportSaysItsCaseAndEveryField() {
        assertEquals(CASE + "|PAYMENT_REPORTED|2026-12-07|CNY 3000.00|null|wire seen", PAID.said(CASE));
        assertEquals(CASE + "|PROMISE|2026-12-07|CNY 8500.00|2026-12-21|", new AgencyUpdate(Kind.PROMISE, DEC_7,
                Money.of("8500.00", "CNY"), DEC_7.plusDays(14), null).said(CASE));
        assertEquals(CASE + "|CONTACT_MADE|2026-12-07||null|", new AgencyUpdate(Kind.CONTACT_MADE, DEC_7, null, null, null)
                .said(CASE));
    }

    /**
     * The payment came on the topic first (case in WITH_AGENCY after it); the same report over REST is its replay and
     * answers what the first did.
     */
    @Test
    void theSameReportIsAReplayOfTheFirst() {
        ReceivedAgencyReport first = new ReceivedAgencyReport("pay-42", PAID.said(CASE), "topic", CaseState.WITH_AGENCY, false);
        assertSame(first, first.replayOf(new AgencyUpdate(Kind.PAYMENT_REPORTED, DEC_7, Money.of("3000.00", "CNY"), null,
                "wire seen").said(CASE)));
    }

    /** Under the id pay-42 of the 3,000.00 payment: 3,000.01, another day, note or case is another report, refused (422). */
    @Test
    void anotherReportUnderTheSameIdIsRefused() {
        ReceivedAgencyReport first = new ReceivedAgencyReport("pay-42", PAID.said(CASE), "topic", CaseState.WITH_AGENCY, false);
        for (String other : java.util.List.of(
                new AgencyUpdate(Kind.PAYMENT_REPORTED, DEC_7, Money.of("3000.01", "CNY"), null, "wire seen").said(CASE),
                new AgencyUpdate(Kind.PAYMENT_REPORTED, DEC_7.minusDays(1), Money.of("3000.00", "CNY"), null, "wire seen")
                        .said(CASE),
                new AgencyUpdate(Kind.PAYMENT_REPORTED, DEC_7, Money.of("3000.00", "CNY"), null, "wire").said(CASE),
                PAID.said(UUID.randomUUID()))) {
            assertNotEquals(PAID.said(CASE), other);
            DomainError e = assertThrows(DomainError.class, () -> first.replayOf(other));
            assertEquals(DomainError.Kind.UNPROCESSABLE, e.kind());
            assertEquals("agency-report.id-reused", e.code());
            assertEquals("Report id 'pay-42' was already given to another report (received via topic): give each report its"
                    + " own id, and send the same id only with the very same report", e.getMessage());
        }
    }
}
