package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a dunning message asks for in all: the amounts its lines print, summed per currency, and with the late charges
 * the request states (docs/notification-service.md, "Templates").
 */
class InvoiceTotalsTest {

    @Test
    void theUndisputedPartsAndTheInstalmentOpenAreSummedPerCurrencyInTheOrderTheyAppear() {
        List<Map<String, Object>> invoices = List.of(
                invoice("12500.00", "10000.00", "CNY", null),
                instalmentOf(invoice("30000.00", "30000.00", "CNY", null), "2000.00"),
                invoice("500.00", "500.00", "USD", null),
                invoice("0.50", "0.5", "CNY", null));
        assertEquals(List.of(money("12000.50", "CNY"), money("500.00", "USD")), InvoiceTotals.asked(invoices));
    }

    @Test
    void theLateChargesAreAddedByTheirStatedTotalElseInterestAndFee() {
        Map<String, Object> a = invoice("12500.00", "10000.00", "CNY", Map.of("interest", money("160.00", "CNY"), "fee",
                money("375.00", "CNY"), "total", money("535.00", "CNY")));
        Map<String, Object> b = invoice("2000.00", "2000.00", "CNY", Map.of("interest", money("10.00", "CNY"), "fee",
                money("60.00", "CNY")));
        Map<String, Object> c = invoice("100.00", "100.00", "CNY", null);
        // 10,000.00 + 535.00, 2,000.00 + 10.00 + 60.00, 100.00
        assertEquals(List.of(money("12705.00", "CNY")), InvoiceTotals.withLateCharges(List.of(a, b, c)));
        assertEquals(List.of(money("12100.00", "CNY")), InvoiceTotals.asked(List.of(a, b, c)));
        // a stated total is the figure the letter prints: not re-added from its parts
        assertEquals(List.of(money("10535.00", "CNY")), InvoiceTotals.withLateCharges(List.of(a)));
    }

    @Test
    void withoutStatedLateChargesThereIsNoTotalWithThem() {
        assertEquals(List.of(), InvoiceTotals.withLateCharges(List.of(invoice("100.00", "100.00", "CNY", null))));
        assertEquals(List.of(), InvoiceTotals.withLateCharges(List.of()));
        assertEquals(List.of(), InvoiceTotals.asked(List.of()));
    }

    @Test
    void anAmountThatCannotBeReadMakesNoTotalRatherThanAWrongOne() {
        Map<String, Object> good = invoice("100.00", "100.00", "CNY", null);
        Map<String, Object> unknownCurrency = invoice("100.00", "100.00", "XYZ", null);
        Map<String, Object> noAmount = invoice("100.00", "100.00", "CNY", null);
        noAmount.remove("collectibleAmount");
        Map<String, Object> notANumber = invoice("100.00", "abc", "CNY", null);
        Map<String, Object> noCurrency = new HashMap<>(good);
        noCurrency.put("collectibleAmount", Map.of("amount", "1.00"));
        Map<String, Object> badCharges = invoice("100.00", "100.00", "CNY", Map.of("interest", money("1.00", "CNY")));
        for (Object wrong : List.of(unknownCurrency, noAmount, notANumber, noCurrency, "INV-1")) {
            assertEquals(List.of(), InvoiceTotals.asked(List.of(good, wrong)), String.valueOf(wrong));
            assertEquals(List.of(), InvoiceTotals.withLateCharges(List.of(good, wrong)), String.valueOf(wrong));
        }
        assertEquals(List.of(), InvoiceTotals.withLateCharges(List.of(good, badCharges)));
        assertEquals(List.of(money("200.00", "CNY")), InvoiceTotals.asked(List.of(good, badCharges)));
    }

    private static Map<String, Object> invoice(String open, String collectible, String currency, Map<String, Object> charges) {
        Map<String, Object> m = new HashMap<>();
        m.put("invoiceNumber", "INV");
        m.put("openAmount", money(open, currency));
        m.put("collectibleAmount", money(collectible, currency));
        m.put("lateCharges", charges);
        return m;
    }

    private static Map<String, Object> instalmentOf(Map<String, Object> invoice, String open) {
        invoice.put("instalment", Map.of("number", 2, "openAmount", money(open, "CNY"), "amount", money("5000.00", "CNY")));
        return invoice;
    }

    private static Map<String, String> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }
}
