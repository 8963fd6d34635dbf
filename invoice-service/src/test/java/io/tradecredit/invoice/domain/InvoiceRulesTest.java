package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class InvoiceRulesTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);

    static InvoiceDraft complete() {
        return new InvoiceDraft("INV-1", ISSUED, ISSUED.minusDays(1),
                new Party("Acme Machinery Co.", "1 Harbour Rd, Shanghai", "91310000MA1FL8XQ30", "CN12 3456 7890"),
                UUID.randomUUID(), new Party("Globex Trading Ltd.", "8 Market St, Shenzhen", "91440300MA5F0XYZ1K", null),
                "PO-77", List.of(new InvoiceDraft.Line("Pump", new BigDecimal("10"), Money.of("100.00", "CNY")),
                        new InvoiceDraft.Line("Valve", new BigDecimal("2.5"), Money.of("40.00", "CNY"))),
                Money.of("143.00", "CNY"), Money.of("1243.00", "CNY"), ISSUED.plusDays(30), "30 days net");
    }

    @Test
    void completeInvoiceHasNoViolations() {
        assertEquals(List.of(), InvoiceRules.violations(complete()));
    }

    @Test
    void emptyInvoiceNamesEveryMandatoryItem() {
        var empty = new InvoiceDraft(null, null, null, null, null, null, null, null, null, null, null, null);
        List<String> fields = InvoiceRules.violations(empty).stream().map(Violation::field).toList();
        assertEquals(List.of("invoiceNumber", "issueDate", "seller", "buyer.id", "buyer", "purchaseOrderNumber",
                "dueDate", "total", "tax", "lines"), fields);
    }

    @Test
    void missingPartyDetailsAreNamedOneByOne() {
        var d = complete();
        var noDetails = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, new Party("Acme", " ", null, null),
                d.buyerId(), new Party(null, "x", "y", null), d.purchaseOrderNumber(), d.lines(), d.tax(), d.total(),
                d.dueDate(), null);
        List<String> fields = InvoiceRules.violations(noDetails).stream().map(Violation::field).toList();
        assertEquals(List.of("seller.address", "seller.taxId", "seller.bankAccount", "buyer.name"), fields);
    }

    @Test
    void totalMustBeLinesPlusTax() {
        var d = complete();
        var wrong = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), d.lines(), d.tax(), Money.of("1250.00", "CNY"), d.dueDate(), null);
        List<Violation> errors = InvoiceRules.violations(wrong);
        assertEquals(1, errors.size());
        assertEquals("total", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("1100.00"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("1243.00"), errors.get(0).message());
    }

    @Test
    void everyAmountIsInTheInvoiceCurrency() {
        var d = complete();
        var mixed = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), List.of(new InvoiceDraft.Line("Pump", BigDecimal.ONE, Money.of("100.00", "EUR"))),
                Money.of("0.00", "USD"), Money.of("100.00", "CNY"), d.dueDate(), null);
        List<String> fields = InvoiceRules.violations(mixed).stream().map(Violation::field).toList();
        assertEquals(List.of("tax.currency", "lines[0].unitPrice.currency"), fields);
    }

    @Test
    void linesNeedPositiveQuantityAndADescription() {
        var d = complete();
        var bad = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), List.of(new InvoiceDraft.Line("", BigDecimal.ZERO, Money.of("-1.00", "CNY"))),
                d.tax(), d.total(), d.dueDate(), null);
        List<String> fields = InvoiceRules.violations(bad).stream().map(Violation::field).toList();
        assertEquals(List.of("lines[0].description", "lines[0].quantity", "lines[0].unitPrice"), fields);
    }

    @Test
    void dueDateMayNotPrecedeTheIssueDate() {
        var d = complete();
        var early = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), d.lines(), d.tax(), d.total(), ISSUED.minusDays(1), null);
        assertEquals("dueDate", InvoiceRules.violations(early).get(0).field());
    }

    @Test
    void issuingMoreThan48HoursAfterShipmentIsFlagged() {
        var policy = InvoicingPolicy.DEFAULT;
        assertFalse(InvoiceRules.issuedLate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3), policy));
        assertTrue(InvoiceRules.issuedLate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 4), policy));
        var strict = new InvoicingPolicy(24, LateChargePolicy.DEFAULT, 90);
        assertTrue(InvoiceRules.issuedLate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3), strict));
        assertFalse(InvoiceRules.issuedLate(null, LocalDate.of(2026, 11, 3), policy));
    }

    /**
     * A wrong total is named with everything else wrong, at once: an invoice without its PO number whose total reads
     * 1,250.00 where the lines (1,100.00) and tax (143.00) make 1,243.00 names purchaseOrderNumber and total (it named
     * the PO number alone, and the total only on the next try); a line without a description does not keep the total
     * from being compared. A line whose amount cannot be read (quantity 0) is named without the total: its sum is not
     * known.
     */
    @Test
    void aWrongTotalIsNamedBesideTheOtherGaps() {
        var d = complete();
        var noPo = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, d.seller(), d.buyerId(), d.buyer(), null,
                d.lines(), d.tax(), Money.of("1250.00", "CNY"), d.dueDate(), null);
        assertEquals(List.of(new Violation("purchaseOrderNumber", "is required"), new Violation("total",
                "must equal the lines (1100.00) plus tax (143.00) = 1243.00, not 1250.00")),
                InvoiceRules.violations(noPo));
        var noDescription = withLines(List.of(new InvoiceDraft.Line(" ", new BigDecimal("10"),
                Money.of("100.00", "CNY"))), "143.00", "1250.00");
        assertEquals(List.of("lines[0].description", "total"),
                InvoiceRules.violations(noDescription).stream().map(Violation::field).toList());
        var zeroQuantity = withLines(List.of(new InvoiceDraft.Line("Pump", BigDecimal.ZERO,
                Money.of("100.00", "CNY"))), "143.00", "1250.00");
        assertEquals(List.of("lines[0].quantity"),
                InvoiceRules.violations(zeroQuantity).stream().map(Violation::field).toList());
    }

    static InvoiceDraft withNumberAndTerms(String invoiceNumber, String paymentTerms) {
        var d = complete();
        return new InvoiceDraft(invoiceNumber, d.issueDate(), d.shipmentDate(), d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), d.lines(), d.tax(), d.total(), d.dueDate(), paymentTerms);
    }

    static InvoiceDraft withLines(List<InvoiceDraft.Line> lines, String tax, String total) {
        var d = complete();
        return new InvoiceDraft(d.invoiceNumber(), d.issueDate(), d.shipmentDate(), d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), lines, Money.of(tax, "CNY"), Money.of(total, "CNY"), d.dueDate(),
                d.paymentTerms());
    }

    @Test
    void textExactlyAtItsLimitIsAcceptedOneCharacterMoreIsNamed() {
        // invoice number up to 64 characters, payment terms up to 500
        assertEquals(List.of(), InvoiceRules.violations(withNumberAndTerms("N".repeat(64), "t".repeat(500))));
        assertEquals(List.of(new Violation("invoiceNumber", "must be at most 64 characters"),
                new Violation("paymentTerms", "must be at most 500 characters")),
                InvoiceRules.violations(withNumberAndTerms("N".repeat(65), "t".repeat(501))));
    }

    @Test
    void thousandLinesAreAcceptedOneMoreIsRefused() {
        // 1,000 lines of 1 x 1.00 = 1,000.00, no tax
        var line = new InvoiceDraft.Line("Bolt M8", BigDecimal.ONE, Money.of("1.00", "CNY"));
        assertEquals(List.of(), InvoiceRules.violations(withLines(Collections.nCopies(1000, line), "0.00", "1000.00")));
        assertEquals(List.of(new Violation("lines", "at most 1000 lines per invoice")),
                InvoiceRules.violations(withLines(Collections.nCopies(1001, line), "0.00", "1001.00")));
    }

    @Test
    void quantityWithSixDecimalsIsPricedToTheCentHalfUpSevenAreRefused() {
        // 1.234567 kg x 10.00 = 12.34567 -> 12.35; + tax 1.61 = 13.96
        var sixDecimals = new InvoiceDraft.Line("Saffron", new BigDecimal("1.234567"), Money.of("10.00", "CNY"));
        assertEquals(List.of(), InvoiceRules.violations(withLines(List.of(sixDecimals), "1.61", "13.96")));
        assertEquals(List.of(new Violation("total", "must equal the lines (12.35) plus tax (1.61) = 13.96, not 13.95")),
                InvoiceRules.violations(withLines(List.of(sixDecimals), "1.61", "13.95")));
        var sevenDecimals = new InvoiceDraft.Line("Saffron", new BigDecimal("1.2345678"), Money.of("10.00", "CNY"));
        assertEquals(List.of(new Violation("lines[0].quantity", "has more than 6 decimals")),
                InvoiceRules.violations(withLines(List.of(sevenDecimals), "1.61", "13.96")));
    }

    @Test
    void unitPricesMayHaveMoreDecimalsThanTheCurrencyEachLineIsRoundedHalfUpToTheCent() {
        // 10,000 bolts at 0.0125 = 125.00; 3 washers at 0.0125 = 0.0375 -> 0.04; lines 125.04 + tax 16.26 = 141.30
        var bolts = new InvoiceDraft.Line("Bolt M8", new BigDecimal("10000"), UnitPrice.of("0.0125", "CNY"));
        var washers = new InvoiceDraft.Line("Washer M8", new BigDecimal("3"), UnitPrice.of("0.0125", "CNY"));
        assertEquals(List.of(), InvoiceRules.violations(withLines(List.of(bolts, washers), "16.26", "141.30")));
        // rounded line by line, not once over the lines: two lines of 1 at 0.0125 are 0.01 + 0.01 = 0.02, not 0.03
        var one = new InvoiceDraft.Line("Washer M8", BigDecimal.ONE, UnitPrice.of("0.0125", "CNY"));
        assertEquals(List.of(new Violation("total", "must equal the lines (0.02) plus tax (0.00) = 0.02, not 0.03")),
                InvoiceRules.violations(withLines(List.of(one, one), "0.00", "0.03")));
        assertEquals(List.of(new InvoiceLine("Bolt M8", new BigDecimal("10000"), UnitPrice.of("0.0125", "CNY"),
                Money.of("125.00", "CNY"))), InvoiceRules.linesOf(withLines(List.of(bolts), "0.00", "125.00")));
        // a yen price list: 3 at 33.5 JPY = 100.5 -> 101 JPY
        assertEquals(Money.of("101", "JPY"), UnitPrice.of("33.5", "JPY").times(new BigDecimal("3")));
        // up to 8 decimals; a 9th is refused where the price is read (the request names lines[i].unitPrice)
        assertEquals(new BigDecimal("0.01250001"), UnitPrice.of("0.01250001", "CNY").amount());
        assertThrows(IllegalArgumentException.class, () -> UnitPrice.of("0.012500001", "CNY"));
        assertEquals("12.50", UnitPrice.of("12.5", "CNY").amountText());
        assertEquals("12.50", UnitPrice.of("12.500000", "CNY").amountText());
        assertEquals("CNY", UnitPrice.of("12.5", "CNY").currencyCode());
        assertFalse(UnitPrice.of("0", "CNY").isNegative()); // a free line is allowed
        assertTrue(UnitPrice.of("-0.0001", "CNY").isNegative());
    }

    @Test
    void aUnitPriceIsReadFromJsonAsMoneyIsWithUpTo8Decimals() {
        assertEquals(UnitPrice.of("0.0125", "CNY"), UnitPrice.fromJson(" 0.0125 ", "CNY"));
        assertEquals(UnitPrice.of("999999999999999.5", "CNY"), UnitPrice.fromJson("999999999999999.5", "CNY"));
        var refused = List.of(
                assertThrows(IllegalArgumentException.class, () -> UnitPrice.fromJson(null, "CNY")),
                assertThrows(IllegalArgumentException.class, () -> UnitPrice.fromJson("1.00", null)),
                assertThrows(IllegalArgumentException.class, () -> UnitPrice.fromJson("1" + "0".repeat(64), "CNY")),
                assertThrows(IllegalArgumentException.class, () -> UnitPrice.fromJson("1,25", "CNY")),
                assertThrows(IllegalArgumentException.class, () -> UnitPrice.fromJson("1000000000000000", "CNY")),
                assertThrows(IllegalArgumentException.class, () -> UnitPrice.fromJson("0.012500001", "CNY")));
        assertEquals(List.of("a unit price needs both amount and currency", "a unit price needs both amount and currency",
                "amount is not a number of at most 64 characters", "cannot read '1,25' as an amount",
                "1000000000000000 is too large: at most 15 digits before the decimal point",
                "0.012500001 has more than 8 decimals (a unit price may have up to 8)"),
                refused.stream().map(Throwable::getMessage).toList());
        // 64 characters is still a number: sixty leading zeros and 1.25
        assertEquals(UnitPrice.of("1.25", "CNY"), UnitPrice.fromJson("0".repeat(60) + "1.25", "CNY"));
    }

    @Test
    void missingSellerIsAskedForItsBankAccountTooMissingBuyerIsNot() {
        var d = complete();
        var noParties = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, null, d.buyerId(), null,
                d.purchaseOrderNumber(), d.lines(), d.tax(), d.total(), d.dueDate(), null);
        assertEquals(List.of(new Violation("seller", "is required (name, address, taxId, bankAccount)"),
                new Violation("buyer", "is required (name, address, taxId)")), InvoiceRules.violations(noParties));
    }

    @Test
    void dueOnTheIssueDateIsAccepted() {
        var d = complete();
        var cashOnDelivery = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), d.lines(), d.tax(), d.total(), ISSUED, "cash on delivery");
        assertEquals(List.of(), InvoiceRules.violations(cashOnDelivery));
    }

    @Test
    void zeroHourDeadlineMeansIssueOnTheShipmentDay() {
        var sameDay = new InvoicingPolicy(0, LateChargePolicy.DEFAULT, 1);
        assertFalse(InvoiceRules.issuedLate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), sameDay));
        assertTrue(InvoiceRules.issuedLate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), sameDay));
        assertFalse(InvoiceRules.issuedLate(LocalDate.of(2026, 11, 1), null, sameDay));
    }

    @Test
    void negativeDeadlineOrAnEmptyDsoPeriodIsRefused() {
        var negative = assertThrows(RuntimeException.class, () -> new InvoicingPolicy(-1, LateChargePolicy.DEFAULT, 90));
        assertEquals("issueDeadlineHours must not be negative", negative.getMessage());
        var noPeriod = assertThrows(RuntimeException.class, () -> new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 0));
        assertEquals("dsoPeriodDays must be at least 1", noPeriod.getMessage());
    }

    static InvoiceDraft issuedOn(LocalDate issueDate) {
        var d = complete();
        return new InvoiceDraft(d.invoiceNumber(), issueDate, null, d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), d.lines(), d.tax(), d.total(), issueDate.plusDays(30), null);
    }

    static InvoicingPolicy tolerating(int days, InvoicingPolicy.UnknownBuyers unknownBuyers) {
        return new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 90, days, unknownBuyers);
    }

    @Test
    void issueDateSixMonthsAheadIsRefusedBeyondTheDefaultDayOfTolerance() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        List<Violation> errors = InvoiceRules.violations(issuedOn(LocalDate.of(2027, 6, 1)), InvoicingPolicy.DEFAULT, today);
        assertEquals(List.of(new Violation("issueDate",
                "must not be after 2026-12-04 (today, 2026-12-03, plus the tenant's tolerance of 1 day)")), errors);
        // tomorrow is within the day of tolerance (a seller east of Shanghai is already there), today and earlier too
        assertEquals(List.of(), InvoiceRules.violations(issuedOn(LocalDate.of(2026, 12, 4)), InvoicingPolicy.DEFAULT, today));
        assertEquals(List.of(), InvoiceRules.violations(issuedOn(today), InvoicingPolicy.DEFAULT, today));
        assertEquals(List.of(), InvoiceRules.violations(issuedOn(LocalDate.of(2026, 1, 5)), InvoicingPolicy.DEFAULT, today));
        assertEquals("issueDate", InvoiceRules.violations(issuedOn(LocalDate.of(2026, 12, 5)), InvoicingPolicy.DEFAULT,
                today).get(0).field());
    }

    @Test
    void toleranceIsTheTenantsNumberOfDays() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        var none = tolerating(0, InvoicingPolicy.UnknownBuyers.ACCEPT);
        assertEquals(List.of(), InvoiceRules.violations(issuedOn(today), none, today));
        assertEquals(List.of(new Violation("issueDate",
                "must not be after 2026-12-03 (today, 2026-12-03, plus the tenant's tolerance of 0 days)")),
                InvoiceRules.violations(issuedOn(LocalDate.of(2026, 12, 4)), none, today));
        var week = tolerating(7, InvoicingPolicy.UnknownBuyers.ACCEPT);
        assertEquals(List.of(), InvoiceRules.violations(issuedOn(LocalDate.of(2026, 12, 10)), week, today));
        assertEquals(List.of(new Violation("issueDate",
                "must not be after 2026-12-10 (today, 2026-12-03, plus the tenant's tolerance of 7 days)")),
                InvoiceRules.violations(issuedOn(LocalDate.of(2026, 12, 11)), week, today));
    }

    @Test
    void futureIssueDateIsNamedWithTheOtherGaps() {
        var d = issuedOn(LocalDate.of(2027, 6, 1));
        var noPo = new InvoiceDraft(d.invoiceNumber(), d.issueDate(), null, d.seller(), d.buyerId(), d.buyer(), null,
                d.lines(), d.tax(), d.total(), d.dueDate(), null);
        List<String> fields = InvoiceRules.violations(noPo, InvoicingPolicy.DEFAULT, LocalDate.of(2026, 12, 3)).stream()
                .map(Violation::field).toList();
        assertEquals(List.of("purchaseOrderNumber", "issueDate"), fields);
        // without an issue date only its absence is named
        var none = new InvoiceDraft(d.invoiceNumber(), null, null, d.seller(), d.buyerId(), d.buyer(),
                d.purchaseOrderNumber(), d.lines(), d.tax(), d.total(), d.dueDate(), null);
        assertEquals(List.of(new Violation("issueDate", "is required")),
                InvoiceRules.violations(none, InvoicingPolicy.DEFAULT, LocalDate.of(2026, 12, 3)));
    }

    @Test
    void anInvoiceBeyondTheAgreedTermsIsRefusedOnlyWhereThePolicySaysSo() {
        UUID buyer = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001");
        Violation beyond = new Violation("dueDate", "must not be after 2026-12-02: the terms agreed with the buyer are 30 days");
        InvoicingPolicy refusing = new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 90, 1,
                InvoicingPolicy.UnknownBuyers.ACCEPT, 7, true, InvoicingPolicy.BeyondAgreedTerms.REFUSE);
        var refusal = InvoiceRules.termsRefusal(buyer, beyond, refusing).orElseThrow();
        assertEquals(DomainError.Kind.UNPROCESSABLE, refusal.kind());
        assertEquals("invoice.beyond-agreed-terms", refusal.code());
        assertEquals(List.of(beyond), refusal.violations());
        assertEquals("The invoice is due later than the terms agreed with buyer 6f1c2a4e-0000-4000-8000-000000000001"
                + " allow, and this tenant's invoicing policy refuses such invoices.", refusal.detail());
        assertTrue(InvoiceRules.termsRefusal(buyer, beyond, InvoicingPolicy.DEFAULT).isEmpty(), "flagged, not refused");
    }

    @Test
    void unknownBuyerIsRefusedOnlyWhereThePolicySaysSo() {
        UUID buyer = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001");
        var refusing = tolerating(1, InvoicingPolicy.UnknownBuyers.REFUSE);
        var refusal = InvoiceRules.buyerRefusal(buyer, false, refusing).orElseThrow();
        assertEquals(DomainError.Kind.UNPROCESSABLE, refusal.kind());
        assertEquals("invoice.buyer-unknown", refusal.code());
        assertEquals(List.of(new Violation("buyer.id", "is not a buyer registered with credit-service")),
                refusal.violations());
        assertEquals("Buyer 6f1c2a4e-0000-4000-8000-000000000001 is not registered with credit-service, and this"
                + " tenant's invoicing policy refuses invoices to unknown buyers.", refusal.detail());
        assertTrue(InvoiceRules.buyerRefusal(buyer, true, refusing).isEmpty());
        assertTrue(InvoiceRules.buyerRefusal(buyer, false, InvoicingPolicy.DEFAULT).isEmpty());
        assertTrue(InvoiceRules.buyerRefusal(buyer, true, InvoicingPolicy.DEFAULT).isEmpty());
    }

    @Test
    void defaultsAcceptUnknownBuyersWithADayOfTolerance() {
        assertEquals(1, InvoicingPolicy.DEFAULT.issueDateToleranceDays());
        assertEquals(InvoicingPolicy.UnknownBuyers.ACCEPT, InvoicingPolicy.DEFAULT.unknownBuyers());
        var older = new InvoicingPolicy(24, LateChargePolicy.DEFAULT, 60);
        assertEquals(1, older.issueDateToleranceDays());
        assertEquals(InvoicingPolicy.UnknownBuyers.ACCEPT, older.unknownBuyers());
        assertEquals(LocalDate.of(2027, 1, 1), InvoicingPolicy.DEFAULT.latestIssueDate(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void negativeToleranceOrNoUnknownBuyerSettingIsRefused() {
        var negative = assertThrows(RuntimeException.class,
                () -> new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 90, -1, InvoicingPolicy.UnknownBuyers.ACCEPT));
        assertEquals("issueDateToleranceDays must not be negative", negative.getMessage());
        var none = assertThrows(RuntimeException.class,
                () -> new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 90, 1, null));
        assertEquals("unknownBuyers is required", none.getMessage());
        assertEquals(0, tolerating(0, InvoicingPolicy.UnknownBuyers.REFUSE).issueDateToleranceDays());
    }
}
