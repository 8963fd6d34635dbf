package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every deadline of an insured overdue invoice counts from the end of the maximum extension period (MEP): DOMAIN §4's
 * "how long past the original due date the tenant may wait before telling the insurer". Terms: MEP 60 days, notify
 * within 10 days, transfer within 30, file the claim within 120.
 */
class InvoiceDeadlinesTest {
    static final LocalDate DUE = LocalDate.parse("2026-09-30");

    static PolicyTerms terms(int maximumExtensionDays, int notificationDays) {
        return PolicyTerms.of("Sinosure", "P-1", "CNY", new BigDecimal("90"), Deductible.Kind.NONE, null,
                maximumExtensionDays, notificationDays, 120, 90, "Huaxin Recovery", 30, 5);
    }

    static Map<DeadlineKind, LocalDate> dates(String notify, String stop, String transfer, String fileClaim) {
        return Map.of(DeadlineKind.NOTIFY_OVERDUE, LocalDate.parse(notify), DeadlineKind.STOP_DELIVERIES,
                LocalDate.parse(stop), DeadlineKind.TRANSFER_TO_COLLECTOR, LocalDate.parse(transfer),
                DeadlineKind.FILE_CLAIM, LocalDate.parse(fileClaim));
    }

    @Test
    void everyDeadlineCountsFromTheEndOfTheMepNotFromTheDueDate() {
        // due 30 September 2026, MEP 60: the tenant may wait until 29 November; notify by 9 December, deliveries
        // uninsured from 10 December, transfer by 29 December, claim by 29 March 2027 (counted from the due date they
        // were 10 October, 11 October, 30 October and 28 January 2027: two months before the policy asks)
        InvoiceDeadlines d = InvoiceDeadlines.of(terms(60, 10), DUE);
        assertEquals(DUE, d.dueDate());
        assertEquals(LocalDate.parse("2026-11-29"), d.extendedTo());
        assertEquals(dates("2026-12-09", "2026-12-10", "2026-12-29", "2027-03-29"), d.dates());
        assertEquals(LocalDate.parse("2026-12-09"), d.of(DeadlineKind.NOTIFY_OVERDUE));
    }

    @Test
    void anInvoiceDueOnTheFirstOfMarchNeedsNoNotificationBeforeMay() {
        // MEP 60 from 1 March 2027 ends 30 April: notify by 10 May, stop from 11 May, transfer 30 May, claim 28 August
        InvoiceDeadlines d = InvoiceDeadlines.of(terms(60, 10), LocalDate.parse("2027-03-01"));
        assertEquals(LocalDate.parse("2027-04-30"), d.extendedTo());
        assertEquals(dates("2027-05-10", "2027-05-11", "2027-05-30", "2027-08-28"), d.dates());
    }

    @Test
    void aLongerMepMovesEveryDeadlineByTheDifference() {
        // MEP 90 from 30 September: 29 December; MEP 1: 1 October
        InvoiceDeadlines ninety = InvoiceDeadlines.of(terms(90, 10), DUE);
        assertEquals(LocalDate.parse("2026-12-29"), ninety.extendedTo());
        assertEquals(dates("2027-01-08", "2027-01-09", "2027-01-28", "2027-04-28"), ninety.dates());
        InvoiceDeadlines one = InvoiceDeadlines.of(terms(1, 10), DUE);
        assertEquals(LocalDate.parse("2026-10-01"), one.extendedTo());
        assertEquals(dates("2026-10-11", "2026-10-12", "2026-10-31", "2027-01-29"), one.dates());
    }

    @Test
    void withoutNotificationDaysTheOverdueIsNotifiedOnTheMepsLastDay() {
        assertEquals(dates("2026-11-29", "2026-11-30", "2026-12-29", "2027-03-29"),
                InvoiceDeadlines.of(terms(60, 0), DUE).dates());
    }
}
