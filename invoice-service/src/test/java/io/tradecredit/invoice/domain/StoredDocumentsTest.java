package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/**
 * What an invoice's lines and a dispute's evidence are stored as (one JSON document each, read back with the row): a
 * finance user reads back exactly what was issued and registered.
 */
class StoredDocumentsTest {
    static final InvoiceLinesConverter LINES = new InvoiceLinesConverter();
    static final StringListConverter TEXTS = new StringListConverter();

    @Test
    void anInvoicesLinesReadBackAsIssuedUnitPricesKeepingTheirDecimals() {
        // docs/domain.md §2: 10,000 bolts at 0.0125 = 125.00, 3 washers at 0.0125 = 0.0375 -> 0.04
        UnitPrice bolt = new UnitPrice(new BigDecimal("0.0125"), Money.currencyOf("CNY"));
        List<InvoiceLine> issued = List.of(InvoiceLine.of("Bolt M8", new BigDecimal("10000"), bolt),
                InvoiceLine.of("Washer", new BigDecimal("3"), bolt));
        String stored = LINES.convertToDatabaseColumn(issued);
        List<InvoiceLine> read = LINES.convertToEntityAttribute(stored);
        assertEquals(issued, read);
        assertEquals("0.0125", read.get(1).unitPrice().amount().toPlainString());
        assertEquals(Money.of("125.00", "CNY"), read.get(0).amount());
        assertEquals(Money.of("0.04", "CNY"), read.get(1).amount());
    }

    @Test
    void aDisputesEvidenceReadsBackAsRegisteredAndNoneIsAnEmptyList() {
        List<String> evidence = List.of("photo-of-cracked-housing.jpg", "delivery-note-DN-7.pdf");
        String stored = TEXTS.convertToDatabaseColumn(evidence);
        assertEquals("[\"photo-of-cracked-housing.jpg\",\"delivery-note-DN-7.pdf\"]", stored);
        assertEquals(evidence, TEXTS.convertToEntityAttribute(stored));
        // a dispute registered without evidence stores an empty list (the column is not null), never "null"
        assertEquals("[]", TEXTS.convertToDatabaseColumn(null));
        assertEquals(List.of(), TEXTS.convertToEntityAttribute("[]"));
    }
}
