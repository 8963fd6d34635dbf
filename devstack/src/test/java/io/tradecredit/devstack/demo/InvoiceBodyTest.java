package io.tradecredit.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What the demo's ERP sends invoice-service for a book invoice: its payment terms in words, which the
 * invoice and the agency's case file (invoices[].paymentTerms, docs/agencies.md) carry. Until session 33
 * the body had none, so the case file of Clyde Marine's JG-2026-00142 (issued 2026-09-29, due 2026-11-28)
 * said paymentTerms null.
 */
class InvoiceBodyTest {
    final BookPlan book = BookPlan.of(BookPlan.DEFAULT_SEED, LocalDate.of(2026, 12, 8));

    @Test
    void everyInvoiceStatesItsTermsInTheBuyersLanguage() {
        for (DemoInvoice i : book.invoices()) {
            Map<String, Object> body = BookSeeder.invoiceBody(i, "buyer-id");
            long days = ChronoUnit.DAYS.between(i.issued(), i.due());
            assertEquals(i.buyer().chinese() ? "发票日后 " + days + " 天内付款" : "Net " + days + " days from the invoice date",
                    body.get("paymentTerms"), i.number());
            assertEquals(i.due().toString(), body.get("dueDate"), i.number());
            assertEquals("buyer-id", ((Map<?, ?>) body.get("buyer")).get("id"), i.number());
        }
        DemoInvoice clyde = book.invoices().stream().filter(i -> i.number().equals("JG-2026-00142")).findFirst().orElseThrow();
        assertEquals("Clyde Marine Equipment Ltd", clyde.buyer().name());
        assertEquals("Net 60 days from the invoice date", BookSeeder.invoiceBody(clyde, "x").get("paymentTerms"));
    }
}
