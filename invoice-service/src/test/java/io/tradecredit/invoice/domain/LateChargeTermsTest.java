package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Late charges are a term of the invoice's contract: it is issued under the terms that apply to its buyer that
 * day and keeps them, so a later change of the tenant's or the buyer's terms applies to later invoices only.
 */
class LateChargeTermsTest {
    static final LateChargeTerms TENANTS_DEFAULTS = new LateChargeTerms(LateChargePolicy.DEFAULT,
            LateChargeTerms.Source.TENANT);
    /** The tenant's terms after its change: 0.1% a day, 5% at 30 days. */
    static final LateChargePolicy RAISED = new LateChargePolicy(new BigDecimal("0.001"), 30, new BigDecimal("0.05"));
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 30, 9, 0, 0, 0, ZoneOffset.UTC);

    /** 100,000.00 CNY, no tax, issued 30 days before it is due, under {@code terms}. */
    static Invoice hundredThousand(LocalDate due, LateChargeTerms terms) {
        LocalDate issued = due.minusDays(30);
        var d = new InvoiceDraft("INV-" + due, issued, issued, new Party("Acme", "Shanghai", "9131", "CN12"),
                UUID.randomUUID(), new Party("Globex", "Shenzhen", "9144", null), "PO-1",
                List.of(new InvoiceDraft.Line("Presses", BigDecimal.ONE, cny("100000.00"))), cny("0.00"),
                cny("100000.00"), due, "30 days net");
        return Invoice.issue("acme", UUID.randomUUID(), d, InvoicingPolicy.DEFAULT, terms, AT);
    }

    static LateCharges accruedOn(Invoice invoice, LocalDate asOf) {
        return LateChargeAccount.of(invoice, BalanceHistory.of(invoice, List.of(), List.of()), List.of(), asOf)
                .accrued();
    }

    @Test
    void aBuyersOwnTermsComeBeforeTheTenants() {
        var keyCustomer = new LateChargePolicy(new BigDecimal("0.0002"), 60, new BigDecimal("0.01"));
        assertEquals(new LateChargeTerms(keyCustomer, LateChargeTerms.Source.BUYER),
                LateChargeTerms.applying(keyCustomer, LateChargePolicy.DEFAULT));
        assertEquals(TENANTS_DEFAULTS, LateChargeTerms.applying(null, LateChargePolicy.DEFAULT));
    }

    @Test
    void anInvoiceIsChargedUnderTheTermsInForceWhenItWasIssuedNotTheTenantsLaterOnes() {
        // due 2026-03-01, unpaid: 60 days past due on 2026-04-30 under 0.05% a day and 3% at 30 days
        Invoice before = hundredThousand(LocalDate.of(2026, 3, 1), LateChargeTerms.applying(null, LateChargePolicy.DEFAULT));
        LocalDate day60 = LocalDate.of(2026, 4, 30);
        assertEquals(new LateCharges(cny("3000.00"), cny("3000.00")), accruedOn(before, day60));

        // the tenant raises its terms to 0.1% a day and 5%: an invoice issued now gets them
        Invoice after = hundredThousand(LocalDate.of(2026, 6, 1), LateChargeTerms.applying(null, RAISED));

        // the earlier invoice keeps its own: still 3,000 + 3,000 on day 60, and 0.05% a day after (70 days: 3,500)
        assertEquals(TENANTS_DEFAULTS, before.lateChargeTerms());
        assertEquals(new LateCharges(cny("3000.00"), cny("3000.00")), accruedOn(before, day60));
        assertEquals(new LateCharges(cny("3500.00"), cny("3000.00")), accruedOn(before, LocalDate.of(2026, 5, 10)));
        // the later one, due 2026-06-01, 60 days past due on 2026-07-31: 100,000 x 60 x 0.1% and 5%
        assertEquals(new LateChargeTerms(RAISED, LateChargeTerms.Source.TENANT), after.lateChargeTerms());
        assertEquals(new LateCharges(cny("6000.00"), cny("5000.00")), accruedOn(after, LocalDate.of(2026, 7, 31)));
    }

    @Test
    void aWaiverRecordsTheTermsTheInvoiceWasIssuedUnder() {
        var keyCustomer = new LateChargePolicy(new BigDecimal("0.0002"), 60, new BigDecimal("0.01"));
        Invoice invoice = hundredThousand(LocalDate.of(2026, 3, 1), LateChargeTerms.applying(keyCustomer, RAISED));
        LocalDate day60 = LocalDate.of(2026, 4, 30);
        var account = LateChargeAccount.of(invoice, BalanceHistory.of(invoice, List.of(), List.of()), List.of(), day60);
        // 100,000 x 60 x 0.02% = 1,200.00 and 1% at 60 days = 1,000.00
        var waiver = LateChargeWaiver.waive(invoice, LateChargeWaiver.Scope.ALL, "key customer", account, AT, "anna");
        assertEquals(new LateCharges(cny("1200.00"), cny("1000.00")), waiver.waived());
        assertEquals(keyCustomer, waiver.policy());
    }

    @Test
    void termsReadBackFromTheInvoicesColumnsLoseTheZerosOfTheColumnsScale() {
        Invoice invoice = hundredThousand(LocalDate.of(2026, 3, 1), TENANTS_DEFAULTS);
        // numeric(12,8) gives the rates back with eight decimals
        invoice.lateDailyRate = new BigDecimal("0.00050000");
        invoice.lateFeeRate = new BigDecimal("0.03000000");
        assertEquals(TENANTS_DEFAULTS, invoice.lateChargeTerms());
        assertEquals("0.0005", invoice.lateChargeTerms().policy().dailyRate().toPlainString());
    }
}
