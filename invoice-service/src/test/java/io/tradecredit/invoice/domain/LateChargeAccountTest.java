package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

class LateChargeAccountTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);
    static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    static final OffsetDateTime AT = OffsetDateTime.of(2027, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    /** An invoice of 10,000.00 CNY issued on 1 Nov 2026, due on 1 Dec 2026. */
    static Invoice tenThousand() {
        var d = new InvoiceDraft("INV-10K", ISSUED, ISSUED, new Party("Acme", "Shanghai", "9131", "CN12"),
                UUID.randomUUID(), new Party("Globex", "Shenzhen", "9144", null), "PO-1",
                List.of(new InvoiceDraft.Line("Press", BigDecimal.ONE, cny("10000.00"))), cny("0.00"),
                cny("10000.00"), DUE, "30 days net");
        return Invoice.issue("acme", UUID.randomUUID(), d, InvoicingPolicy.DEFAULT, LateChargeTermsTest.TENANTS_DEFAULTS,
                AT);
    }

    static LateChargeAccount account(Invoice invoice, List<LateChargeWaiver> waivers, LocalDate asOf) {
        return LateChargeAccount.of(invoice, BalanceHistory.of(invoice, List.of(), List.of()), waivers, asOf);
    }

    static LateChargeWaiver waive(Invoice invoice, LateChargeWaiver.Scope scope, List<LateChargeWaiver> earlier,
            LocalDate on) {
        return LateChargeWaiver.waive(invoice, scope, "key customer", account(invoice, earlier, on), AT, "anna");
    }

    @Test
    void totalDueIsTheOpenAmountPlusCharges() {
        var a = account(tenThousand(), List.of(), DUE.plusDays(30));
        assertEquals(30, a.daysPastDue());
        assertEquals(cny("450.00"), a.due().total());
        assertEquals(cny("10450.00"), a.totalDue());
    }

    @Test
    void interestWaiverGivesUpWhatAccruedAndLaterInterestIsChargedAgain() {
        Invoice invoice = tenThousand();
        LateChargeWaiver w = waive(invoice, LateChargeWaiver.Scope.INTEREST, List.of(), DUE.plusDays(10));
        assertEquals(cny("50.00"), w.waived().interest());
        assertEquals(cny("0.00"), w.waived().fee());
        // 20 days: 100.00 accrued, 50.00 waived, 50.00 due
        var a = account(invoice, List.of(w), DUE.plusDays(20));
        assertEquals(cny("100.00"), a.accrued().interest());
        assertEquals(cny("50.00"), a.waived().interest());
        assertEquals(cny("50.00"), a.due().interest());
    }

    @Test
    void waiverDoesNotShowBeforeItsDate() {
        Invoice invoice = tenThousand();
        LateChargeWaiver w = waive(invoice, LateChargeWaiver.Scope.INTEREST, List.of(), DUE.plusDays(10));
        assertEquals(cny("0.00"), account(invoice, List.of(w), DUE.plusDays(9)).waived().total());
    }

    @Test
    void allWaiverAtThirtyDaysGivesUpInterestAndFee() {
        Invoice invoice = tenThousand();
        LateChargeWaiver w = waive(invoice, LateChargeWaiver.Scope.ALL, List.of(), DUE.plusDays(30));
        assertEquals(cny("150.00"), w.waived().interest());
        assertEquals(cny("300.00"), w.waived().fee());
        assertEquals(cny("10000.00"), account(invoice, List.of(w), DUE.plusDays(30)).totalDue());
    }

    @Test
    void secondWaiverOnlyGivesUpWhatAccruedSinceTheFirst() {
        Invoice invoice = tenThousand();
        List<LateChargeWaiver> waivers = new ArrayList<>();
        waivers.add(waive(invoice, LateChargeWaiver.Scope.INTEREST, waivers, DUE.plusDays(10)));
        LateChargeWaiver second = waive(invoice, LateChargeWaiver.Scope.INTEREST, waivers, DUE.plusDays(16));
        // 16 days = 80.00 accrued, 50.00 already waived
        assertEquals(cny("30.00"), second.waived().interest());
    }

    @Test
    void feeWaiverBeforeTheFeeFallsDueIsRefused() {
        Invoice invoice = tenThousand();
        var e = assertThrows(DomainError.class,
                () -> waive(invoice, LateChargeWaiver.Scope.FEE, List.of(), DUE.plusDays(29)));
        assertEquals(DomainError.Kind.UNPROCESSABLE, e.kind());
    }

    @Test
    void cancelledInvoiceOwesNothingFromItsCancellation() {
        Invoice invoice = tenThousand();
        invoice.cancel("wrong buyer", DUE.plusDays(5));
        var after = account(invoice, List.of(), DUE.plusDays(10));
        assertEquals(cny("0.00"), after.open());
        assertEquals(cny("0.00"), after.accrued().total());
        // before the cancellation it was owed: 4 days on 10,000 = 20.00
        var before = account(invoice, List.of(), DUE.plusDays(4));
        assertEquals(cny("10000.00"), before.open());
        assertEquals(cny("20.00"), before.accrued().interest());
    }

    @Test
    void invoiceIsNotOwedBeforeItsIssueDate() {
        assertEquals(cny("0.00"), account(tenThousand(), List.of(), ISSUED.minusDays(1)).open());
    }
}
