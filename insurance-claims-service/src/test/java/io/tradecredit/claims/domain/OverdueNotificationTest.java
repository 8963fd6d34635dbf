package io.tradecredit.claims.domain;

import static io.tradecredit.claims.domain.InsuredExposureTest.cny;
import static io.tradecredit.claims.domain.InsuredExposureTest.decision;
import static io.tradecredit.claims.domain.InsuredExposureTest.invoice;
import static io.tradecredit.claims.domain.InsuredExposureTest.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.LimitDecision.Outcome;
import io.tradecredit.common.domain.DomainError;

/** Which invoices an overdue notification concerns, and when the stop-deliveries period starts. */
class OverdueNotificationTest {
    static final UUID POLICY = UUID.randomUUID();
    static final UUID BUYER = InsuredExposureTest.BUYER;

    static OffsetDateTime at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atOffset(ZoneOffset.UTC);
    }

    static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void onlyInsuredInvoicesPastTheirDueDateAreNotifiedAndStopDeliveriesStartsThatDay() {
        // limit 50,000 from 1 March; due dates 60 days after issue; INV-0 issued before cover is not insured
        List<OpenInvoice> open = List.of(invoice("INV-0", "2026-02-15", "10000.00"),
                invoice("INV-1", "2026-03-10", "30000.00"), invoice("INV-2", "2026-04-01", "30000.00"),
                invoice("INV-3", "2026-04-20", "5000.00"));
        InsuredExposure e = on("2026-06-01", open, decision(1, Outcome.APPROVED, "50000.00", "2026-03-01"));
        OverdueNotification n = OverdueNotification.of(POLICY, BUYER, e, "ref", day("2026-06-01"), at("2026-06-01"), "cm");
        // INV-1 due 9 May and INV-2 due 31 May are overdue on 1 June; INV-2 only 20,000 insured; INV-3 (due 19 June) not
        assertEquals(List.of("INV-1", "INV-2"), n.invoices().stream().map(OverdueNotification.Invoice::invoiceNumber).toList());
        assertEquals(List.of(cny("30000.00"), cny("20000.00")),
                n.invoices().stream().map(OverdueNotification.Invoice::insured).toList());
        assertEquals(cny("30000.00"), n.invoices().get(1).openAmount());
        assertEquals(cny("50000.00"), n.insuredOverdue());
        assertEquals(LocalDate.parse("2026-06-01"), n.notifiedOn());
        assertEquals(LocalDate.parse("2026-06-01"), n.stopDeliveriesFrom());
        assertEquals("cm", n.by());
    }

    @Test
    void anInvoiceDueOnTheDayIsNotYetOverdue() {
        // INV-1 issued 1 April is due 31 May: not overdue on 31 May, overdue on 1 June
        InsuredExposure e = on("2026-05-31", List.of(invoice("INV-1", "2026-04-01", "30000.00")),
                decision(1, Outcome.APPROVED, "50000.00", "2026-03-01"));
        DomainError refused = assertThrows(DomainError.class,
                () -> OverdueNotification.of(POLICY, BUYER, e, null, day("2026-05-31"), at("2026-05-31"), "cm"));
        assertEquals("overdue.no-insured-overdue", refused.code());
        assertEquals(1, OverdueNotification.of(POLICY, BUYER, e, null, day("2026-06-01"), at("2026-06-01"), "cm").invoices().size());
    }

    @Test
    void anOverdueButUninsuredBuyerCannotBeNotified() {
        InsuredExposure e = on("2026-08-01", List.of(invoice("INV-1", "2026-02-15", "10000.00")),
                decision(1, Outcome.APPROVED, "50000.00", "2026-03-01"));
        assertThrows(DomainError.class, () -> OverdueNotification.of(POLICY, BUYER, e, null, day("2026-08-01"), at("2026-08-01"), "cm"));
    }

    @Test
    void theDayIsTheBusinessDayNotTheUtcDateOfTheMoment() {
        // 17:00 UTC on 31 May is 01:00 on 1 June in Shanghai: INV-1, due 31 May, is overdue on the business day
        InsuredExposure e = on("2026-06-01", List.of(invoice("INV-1", "2026-04-01", "30000.00")),
                decision(1, Outcome.APPROVED, "50000.00", "2026-03-01"));
        OverdueNotification n = OverdueNotification.of(POLICY, BUYER, e, null, day("2026-06-01"),
                OffsetDateTime.parse("2026-05-31T17:00:00Z"), "cm");
        assertEquals(List.of("INV-1"), n.invoices().stream().map(OverdueNotification.Invoice::invoiceNumber).toList());
        assertEquals(day("2026-06-01"), n.notifiedOn());
    }
}
