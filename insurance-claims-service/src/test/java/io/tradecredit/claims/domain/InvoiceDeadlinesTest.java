package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every deadline of an insured overdue invoice, with and without a payment plan. Terms: MEP 60 days,
 * notify within 10 days, transfer within 30, file the claim within 120; invoice due 30 September 2026.
 */
class InvoiceDeadlinesTest {
    static final LocalDate DUE = LocalDate.parse("2026-09-30");

    static PolicyTerms terms(int notificationDays, int warningLeadDays) {
        return PolicyTerms.of("Sinosure", "P-1", "CNY", new BigDecimal("90"), Deductible.Kind.NONE, null, 60,
                notificationDays, 120, 90, "Huaxin Recovery", 30, warningLeadDays);
    }

    static Map<DeadlineKind, LocalDate> dates(String notify, String stop, String transfer, String fileClaim) {
        return Map.of(DeadlineKind.NOTIFY_OVERDUE, LocalDate.parse(notify), DeadlineKind.STOP_DELIVERIES,
                LocalDate.parse(stop), DeadlineKind.TRANSFER_TO_COLLECTOR, LocalDate.parse(transfer),
                DeadlineKind.FILE_CLAIM, LocalDate.parse(fileClaim));
    }

    @Test
    void withoutAPlanEveryDeadlineCountsFromTheOriginalDueDate() {
        InvoiceDeadlines d = InvoiceDeadlines.of(terms(10, 5), DUE, null);
        assertEquals(DUE, d.extendedTo());
        assertEquals(DUE, d.dueDate());
        // notify 10 days after the due date, deliveries uninsured from the day after, transfer +30, claim +120
        assertEquals(dates("2026-10-10", "2026-10-11", "2026-10-30", "2027-01-28"), d.dates());
        assertEquals(LocalDate.parse("2026-10-10"), d.of(DeadlineKind.NOTIFY_OVERDUE));
    }

    @Test
    void aPlanWithinTheMepMovesEveryDeadlineToCountFromItsLastInstalment() {
        InvoiceDeadlines d = InvoiceDeadlines.of(terms(10, 5), DUE, LocalDate.parse("2026-11-15"));
        assertEquals(LocalDate.parse("2026-11-15"), d.extendedTo());
        assertEquals(dates("2026-11-25", "2026-11-26", "2026-12-15", "2027-03-15"), d.dates());
    }

    @Test
    void aPlanBeyondTheMepExtendsOnlyUpToTheMepsLastDay() {
        // MEP 60 days after 30 September: 29 November
        InvoiceDeadlines beyond = InvoiceDeadlines.of(terms(10, 5), DUE, LocalDate.parse("2027-01-20"));
        assertEquals(LocalDate.parse("2026-11-29"), beyond.extendedTo());
        assertEquals(dates("2026-12-09", "2026-12-10", "2026-12-29", "2027-03-29"), beyond.dates());
        InvoiceDeadlines onTheMepsLastDay = InvoiceDeadlines.of(terms(10, 5), DUE, LocalDate.parse("2026-11-29"));
        assertEquals(LocalDate.parse("2026-11-29"), onTheMepsLastDay.extendedTo());
        InvoiceDeadlines dayBefore = InvoiceDeadlines.of(terms(10, 5), DUE, LocalDate.parse("2026-11-28"));
        assertEquals(LocalDate.parse("2026-11-28"), dayBefore.extendedTo());
    }

    @Test
    void aPlanEndingOnOrBeforeTheDueDateExtendsNothing() {
        assertEquals(DUE, InvoiceDeadlines.of(terms(10, 5), DUE, LocalDate.parse("2026-08-31")).extendedTo());
        assertEquals(DUE, InvoiceDeadlines.of(terms(10, 5), DUE, DUE).extendedTo());
        assertEquals(LocalDate.parse("2026-10-01"),
                InvoiceDeadlines.of(terms(10, 5), DUE, DUE.plusDays(1)).extendedTo());
    }

    @Test
    void withoutNotificationDaysTheOverdueIsNotifiedOnTheLastDayOfTheExtension() {
        assertEquals(dates("2026-09-30", "2026-10-01", "2026-10-30", "2027-01-28"),
                InvoiceDeadlines.of(terms(0, 5), DUE, null).dates());
        assertEquals(dates("2026-11-15", "2026-11-16", "2026-12-15", "2027-03-15"),
                InvoiceDeadlines.of(terms(0, 5), DUE, LocalDate.parse("2026-11-15")).dates());
    }
}
