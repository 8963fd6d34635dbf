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
        // together they waive the interest through day 16, 80.00, whichever order they are listed in: on day 20,
        // 100.00 accrued, 20.00 due
        waivers.add(second);
        assertEquals(cny("80.00"), account(invoice, waivers, DUE.plusDays(20)).waived().interest());
        assertEquals(cny("80.00"), account(invoice, List.of(second, waivers.get(0)), DUE.plusDays(20)).waived().interest());
        assertEquals(cny("20.00"), account(invoice, waivers, DUE.plusDays(20)).due().interest());
    }

    @Test
    void aWaivedFeeStaysWaivedWhenItGrowsAfterADisputeIsRejected() {
        // 10,000 due Dec 1, 9,999 disputed from day 25: on day 30 the fee is 3% of the 1 collectible, 0.03; the fee
        // is waived on day 35; the dispute is rejected on day 40 and the fee becomes 300.00: the waiver gave up the
        // fee, so none is due (it stayed 0.03 waived and 299.97 fell due)
        Invoice invoice = tenThousand();
        var balance = BalanceHistory.of(invoice, List.of(), List.of(new BalanceHistory.DisputePeriod(invoice.id,
                new BigDecimal("9999.00"), DUE.plusDays(25), DUE.plusDays(40))));
        LateChargeWaiver w = LateChargeWaiver.waive(invoice, LateChargeWaiver.Scope.FEE, "key customer",
                LateChargeAccount.of(invoice, balance, List.of(), DUE.plusDays(35)), AT, "anna");
        assertEquals(cny("0.03"), w.waived().fee());
        var a = LateChargeAccount.of(invoice, balance, List.of(w), DUE.plusDays(60));
        assertEquals(cny("300.00"), a.accrued().fee());
        assertEquals(cny("300.00"), a.waived().fee());
        assertEquals(cny("0.00"), a.due().fee());
        // the interest was not waived: 25 days on 10,000, 15 on 1, 20 on 10,000 = 225.0075, 225.01
        assertEquals(cny("225.01"), a.due().interest());
    }

    @Test
    void anInterestWaiverGivesUpTheInterestThroughItsDayAsABackdatedPaymentLeavesIt() {
        // 10 days' interest on 10,000 waived on day 10: 50.00; 4,000 paid effective day 5 recorded afterwards: the
        // interest through day 10 is 5 x 5.00 + 5 x 3.00 = 40.00, all waived; on day 20 the 10 days after the
        // waiver on 6,000 are due, 30.00 (a waiver of the sum 50.00 left 70.00 - 50.00 = 20.00 due)
        Invoice invoice = tenThousand();
        LateChargeWaiver w = waive(invoice, LateChargeWaiver.Scope.INTEREST, List.of(), DUE.plusDays(10));
        assertEquals(cny("50.00"), w.waived().interest());
        var paid = BalanceHistory.of(invoice, List.of(LedgerEntry.of(invoice, LedgerEntry.Kind.PAYMENT, cny("4000.00"),
                DUE.plusDays(5), UUID.randomUUID(), null, AT, "anna")), List.of());
        var a = LateChargeAccount.of(invoice, paid, List.of(w), DUE.plusDays(20));
        assertEquals(cny("70.00"), a.accrued().interest());
        assertEquals(cny("40.00"), a.waived().interest());
        assertEquals(cny("30.00"), a.due().interest());
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
