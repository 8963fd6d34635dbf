package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.RenderedMessage;

/**
 * What the platform's default {@code invoice.receipt-requested} email asks the buyer, rendered with
 * the engine the service renders with, in both languages, from the data invoice-service sends on
 * issuing invoices INV-2026-0042 of 11,300.00 CNY and INV-2026-0043 of 500.00 CNY (PO-1) together from
 * Acme Machinery Co. to Globex Trading Ltd. (one request per buyer, seller and bank account of a batch).
 *
 * <p>DOMAIN §2 "Issuing an invoice": ask the buyer to confirm receipt; questions on the invoice cause
 * about 30% of late payments, so the email lists what the invoice says and asks for any question now.
 * The payment terms are optional in each invoice: without them the line has none.
 */
@QuarkusTest
class DefaultReceiptRequestTemplatesTest {
    static final String KEY = "invoice.receipt-requested";

    @Inject
    Templates templates;

    @Inject
    ObjectMapper json;

    @Test
    void theReceiptRequestListsTheInvoicesAndAsksToConfirmReceiptInBothLanguages() {
        List<RenderedMessage> rendered = rendered(data(invoice("INV-2026-0042", "11300.00", "2027-01-04", true),
                invoice("INV-2026-0043", "500.00", "2027-01-19", false)));
        RenderedMessage en = rendered.get(Language.EN.ordinal());
        RenderedMessage zh = rendered.get(Language.ZH_CN.ordinal());

        assertEquals("Please confirm receipt of our invoices from Acme Machinery Co.", en.subject());
        assertEquals("请确认收到Acme Machinery Co.的发票", zh.subject());
        for (RenderedMessage m : rendered) {
            String text = m.text();
            for (String fact : List.of("INV-2026-0042", "11300.00 CNY", "2026-12-05", "2027-01-04", "PO-1",
                    "INV-2026-0043", "500.00 CNY", "2027-01-19", "CN12 3456 7890", "Globex Trading Ltd.")) {
                assertTrue(text.contains(fact), fact + " in:\n" + text);
            }
        }
        assertTrue(en.text().contains("- Invoice INV-2026-0042 of 2026-12-05, purchase order PO-1: 11300.00 CNY, due on"
                + " 2027-01-04 (30 days net)\n- Invoice INV-2026-0043 of 2026-12-05, purchase order PO-1: 500.00 CNY,"
                + " due on 2027-01-19\n"), en.text());
        assertTrue(en.text().contains("Please confirm that you have received these invoices by replying to this email."),
                en.text());
        assertTrue(en.text().contains("If anything on them is wrong or unclear"), en.text());
        assertTrue(zh.text().contains("- 发票号 INV-2026-0042，开票日期 2026-12-05，采购订单号 PO-1：11300.00 CNY，到期日"
                + " 2027-01-04（付款条件：30 days net）\n- 发票号 INV-2026-0043，开票日期 2026-12-05，采购订单号 PO-1："
                + "500.00 CNY，到期日 2027-01-19\n"), zh.text());
        assertTrue(zh.text().contains("请直接回复本邮件，确认贵司已收到上述发票。"), zh.text());
        assertTrue(zh.text().contains("如发票内容（数量、价格、交货或付款条件）有任何错误或不明之处"), zh.text());
    }

    @Test
    void oneInvoiceWithoutPaymentTermsRendersWithoutThem() {
        List<RenderedMessage> rendered = rendered(data(invoice("INV-2026-0042", "11300.00", "2027-01-04", false)));
        String en = rendered.get(Language.EN.ordinal()).text();
        String zh = rendered.get(Language.ZH_CN.ordinal()).text();

        assertTrue(en.contains("11300.00 CNY, due on 2027-01-04\n\nPayment to bank account: CN12 3456 7890\n"), en);
        assertFalse(zh.contains("（付款条件："), zh);
        assertTrue(zh.contains("到期日 2027-01-04\n\n收款账号：CN12 3456 7890\n"), zh);
    }

    /**
     * A tenant without a sender identity writes and signs as the seller: the receipt request signed "Acme Machinery Co."
     * twice, the signatory and the company both the seller's name. Now once, in both languages.
     */
    @Test
    void withoutASenderIdentityTheSellerSignsOnce() {
        List<RenderedMessage> rendered = rendered(data(invoice("INV-2026-0042", "11300.00", "2027-01-04", false)));
        String en = rendered.get(Language.EN.ordinal()).text().strip();
        String zh = rendered.get(Language.ZH_CN.ordinal()).text().strip();
        assertTrue(en.endsWith("\nThank you, and kind regards,\nAcme Machinery Co."), en);
        assertTrue(zh.endsWith("\n此致\n敬礼\n\nAcme Machinery Co."), zh);
    }

    /** Each language's rendering, in {@link Language} order; fails on a failed one. */
    private List<RenderedMessage> rendered(ObjectNode data) {
        return DefaultTemplatePreviews.rendered(templates, KEY, ChannelType.EMAIL, data);
    }

    /** One invoice as invoice-service writes it; {@code paymentTerms} left out, not null, when absent. */
    private static Map<String, Object> invoice(String number, String total, String due, boolean withPaymentTerms) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", UUID.randomUUID().toString());
        invoice.put("invoiceNumber", number);
        invoice.put("issueDate", "2026-12-05");
        invoice.put("dueDate", due);
        invoice.put("total", Map.of("amount", total, "currency", "CNY"));
        invoice.put("purchaseOrderNumber", "PO-1");
        if (withPaymentTerms) {
            invoice.put("paymentTerms", "30 days net");
        }
        return invoice;
    }

    /** The request's data: the buyer, the seller and its invoices issued together. */
    @SafeVarargs
    private ObjectNode data(Map<String, Object>... invoices) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buyer", Map.of("id", UUID.randomUUID().toString(), "name", "Globex Trading Ltd."));
        data.put("seller", Map.of("name", "Acme Machinery Co.", "bankAccount", "CN12 3456 7890"));
        data.put("invoices", List.of(invoices));
        // a tenant without settings writes as the platform (its configured name: Tradecredit)
        return json.valueToTree(data);
    }
}
