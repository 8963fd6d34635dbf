package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.RenderedMessage;

/**
 * What the platform's default {@code invoice.receipt-requested} email asks the buyer, rendered with
 * the engine the service renders with, in both languages, from the data invoice-service sends on
 * issuing invoice INV-2026-0042 of 11,300.00 CNY (PO-1, due 2027-01-04) from Acme Machinery Co. to
 * Globex Trading Ltd.
 *
 * <p>DOMAIN §2 "Issuing an invoice": ask the buyer to confirm receipt; questions on the invoice cause
 * about 30% of late payments, so the email lists what the invoice says and asks for any question now.
 * The payment terms are optional in the data: without them the email renders, without a terms line.
 */
@QuarkusTest
class DefaultReceiptRequestTemplatesTest {
    static final String KEY = "invoice.receipt-requested";

    @Inject
    Templates templates;

    @Inject
    ObjectMapper json;

    @Test
    void theReceiptRequestListsTheInvoiceAndAsksToConfirmReceiptInBothLanguages() {
        List<RenderedMessage> rendered = rendered(data(true));
        RenderedMessage en = rendered.get(Language.EN.ordinal());
        RenderedMessage zh = rendered.get(Language.ZH_CN.ordinal());

        assertEquals("Please confirm receipt of invoice INV-2026-0042 from Acme Machinery Co.", en.subject());
        assertEquals("请确认收到Acme Machinery Co.的发票 INV-2026-0042", zh.subject());
        for (RenderedMessage m : rendered) {
            String text = m.text();
            for (String fact : List.of("INV-2026-0042", "11300.00 CNY", "2026-12-05", "2027-01-04", "PO-1",
                    "CN12 3456 7890", "Globex Trading Ltd.")) {
                assertTrue(text.contains(fact), fact + " in:\n" + text);
            }
        }
        assertTrue(en.text().contains("Please confirm that you have received this invoice by replying to this email."),
                en.text());
        assertTrue(en.text().contains("If anything on the invoice is wrong or unclear"), en.text());
        assertTrue(en.text().contains("- Payment terms: 30 days net\n"), en.text());
        assertTrue(zh.text().contains("请直接回复本邮件，确认贵司已收到该发票。"), zh.text());
        assertTrue(zh.text().contains("如发票内容（数量、价格、交货或付款条件）有任何错误或不明之处"), zh.text());
        assertTrue(zh.text().contains("- 付款条件：30 days net\n"), zh.text());
    }

    @Test
    void withoutPaymentTermsTheEmailRendersWithoutATermsLine() {
        List<RenderedMessage> rendered = rendered(data(false));
        String en = rendered.get(Language.EN.ordinal()).text();
        String zh = rendered.get(Language.ZH_CN.ordinal()).text();

        assertFalse(en.contains("Payment terms"), en);
        assertTrue(en.contains("- Due date: 2027-01-04\n- Payment to bank account: CN12 3456 7890\n"), en);
        assertFalse(zh.contains("付款条件："), zh);
        assertTrue(zh.contains("- 到期日：2027-01-04\n- 收款账号：CN12 3456 7890\n"), zh);
    }

    /** Each language's rendering, in {@link Language} order; fails on a failed one. */
    private List<RenderedMessage> rendered(ObjectNode data) {
        List<Templates.Preview> previews;
        try {
            previews = VertxContextSupport.subscribeAndAwait(
                    () -> templates.preview(freshTenant(), KEY, ChannelType.EMAIL, data));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        for (Templates.Preview p : previews) {
            assertNull(p.failure(), KEY + " " + p.language());
            assertEquals(0, p.version(), "the platform default");
        }
        return previews.stream().map(Templates.Preview::rendered).toList();
    }

    /** The request's data as invoice-service writes it; {@code paymentTerms} left out, not null, when absent. */
    private ObjectNode data(boolean withPaymentTerms) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", UUID.randomUUID().toString());
        invoice.put("invoiceNumber", "INV-2026-0042");
        invoice.put("issueDate", "2026-12-05");
        invoice.put("dueDate", "2027-01-04");
        invoice.put("total", Map.of("amount", "11300.00", "currency", "CNY"));
        invoice.put("purchaseOrderNumber", "PO-1");
        if (withPaymentTerms) {
            invoice.put("paymentTerms", "30 days net");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buyer", Map.of("id", UUID.randomUUID().toString(), "name", "Globex Trading Ltd."));
        data.put("seller", Map.of("name", "Acme Machinery Co.", "bankAccount", "CN12 3456 7890"));
        data.put("invoice", invoice);
        // a tenant without settings writes as the platform (its configured name: Tradecredit)
        return json.valueToTree(data);
    }

    private static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
