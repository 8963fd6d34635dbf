package io.tradecredit.devstack.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.tradecredit.devstack.demo.BookEvents.Payment;

/**
 * Enters the demo book into the platform through its REST APIs, as acme's people and systems would:
 * the admin's settings, the credit manager's buyers and limits, the insurer's decisions (its signed
 * callback), the ERP's invoices and payments, the collector's dispute and plan.
 */
final class BookSeeder {
    static final String ADMIN = "acme-admin";
    static final String MANAGER = "acme-credit-manager";
    static final String COLLECTOR = "acme-collector";
    static final String ERP = PlatformApi.ERP;
    /** the demo partner agency of ./platform up (its Kafka user and topics), here with a contract of acme */
    static final String AGENCY = "swiftcollect";
    static final String CALLBACK_SECRET = "demo-insurer-callback-secret-local-only";
    static final Map<String, Object> SELLER = Map.of("name", "上海精工机械有限公司", "address", "上海市浦东新区港湾路1号",
            "taxId", "91310000MA1FL8XQ30", "bankAccount", "中国银行上海分行 4567 8901 2345");

    private final PlatformApi api;
    private final BookPlan book;
    /** credit-service's ids of the buyers, by index; invoice-service's ids of the invoices, by number */
    final Map<Integer, String> buyerIds = new HashMap<>();
    final Map<String, String> invoiceIds = new HashMap<>();
    String policyId;

    BookSeeder(PlatformApi api, BookPlan book) {
        this.api = api;
        this.book = book;
    }

    /**
     * Sending at any hour on every day, so the demo's messages go out while the newcomer watches; the company
     * seal; the demo agency's contract (15 % of what is paid while it holds a case, CNY, hand-off by hand).
     */
    void settings() {
        api.expectPut(ADMIN, "notification-service", "/api/v1/notification-settings", Map.of("sender", Map.of(
                "fromName", "上海精工机械有限公司", "fromAddress", "ar@jinggong.example",
                "letterhead", "上海精工机械有限公司\n上海市浦东新区港湾路1号", "signatory", "财务部 张三",
                "contact", Map.of("name", "张三", "phone", "+86 21 5888 1234", "email", "ar@jinggong.example")),
                "sendWindow", Map.of("opens", "00:00", "closes", "23:59:59", "days", List.of("MONDAY", "TUESDAY",
                        "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"))));
        // the seal the finance department's demand (+30 DPD) carries: without it every such letter failed
        api.expectPut(ADMIN, "notification-service", "/api/v1/letter-images/seal",
                Map.of("png", Base64.getEncoder().encodeToString(DemoSeal.png())));
        // the demo agency's contract, so that the collector can hand it a case (WhereToLook.handOff)
        api.expectPut(MANAGER, "collections-service", "/api/v1/agencies/" + AGENCY, Map.of("name", "SwiftCollect",
                "successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")));
    }

    /** Each buyer registered, given its credit limit, checked for a first order, and its contact entered. */
    void buyers() {
        for (DemoBuyer b : book.buyers()) {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("name", b.name());
            identity.put("country", b.country());
            identity.put("registrationNumber", b.registrationNumber());
            identity.put("taxId", b.registrationNumber());   // in China the code is also the taxpayer's number
            identity.put("address", b.address());
            identity.put("industry", b.industry());
            identity.put("foundedOn", b.foundedOn().toString());
            identity.put("currency", "CNY");
            identity.put("paymentTermDays", b.paymentTermDays());
            String id = api.expectPost(MANAGER, "credit-service", "/api/v1/buyers", identity).get("id").asText();
            buyerIds.put(b.index(), id);
            api.expectPut(MANAGER, "credit-service", "/api/v1/buyers/" + id + "/credit-limit",
                    Map.of("limit", money(b.creditLimit()), "reason", "first review"));
            api.expectPost(ERP, "credit-service", "/api/v1/credit-checks", Map.of("buyerId", id,
                    "orderAmount", money(book.invoicesOf(b).get(0).total())));
            api.expectPost(ADMIN, "notification-service", "/api/v1/buyers/" + id + "/contacts", Map.of(
                    "name", b.contactName(), "function", b.chinese() ? "应付账款" : "Accounts payable",
                    "email", b.email(), "mobile", b.mobile(), "postalAddress", b.address(), "language", b.language()));
        }
    }

    /**
     * The credit insurance: a policy in force from the book's first day, the insured buyers' limits
     * asked for by the credit manager and granted by the insurer's system through its signed callback.
     */
    void insurance() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("insurer", "中国出口信用保险公司 (Sinosure)");
        policy.put("policyNumber", "SINOSURE-DEMO-" + book.start().getYear());
        policy.put("currency", "CNY");
        policy.put("insuredPercent", "90");
        policy.put("deductible", Map.of("kind", "NONE"));
        policy.put("maximumExtensionDays", 60);
        policy.put("notificationDays", 30);
        policy.put("claimFilingDays", 120);
        policy.put("waitingPeriodDays", 90);
        policy.put("collectorName", "SwiftCollect");
        policy.put("collectorAgencyCode", "swiftcollect");
        policy.put("transferDays", 60);
        policy.put("effectiveFrom", book.start().toString());
        policyId = api.expectPost(MANAGER, "insurance-claims-service", "/api/v1/insurance/policies", policy)
                .get("id").asText();
        api.expectPut(ADMIN, "insurance-claims-service", "/api/v1/insurance/policies/" + policyId + "/callback-secret",
                Map.of("secret", CALLBACK_SECRET));
        for (DemoBuyer b : book.buyers()) {
            if (!b.conduct().insured()) {
                continue;
            }
            String buyerId = buyerIds.get(b.index());
            String requestId = api.expectPost(MANAGER, "insurance-claims-service", "/api/v1/insurance/policies/"
                    + policyId + "/limit-requests", Map.of("buyerId", buyerId, "kind", "NEW",
                    "amount", money(b.creditLimit()), "note", "new buyer")).get("id").asText();
            String body = PlatformApi.json(approval("SINOSURE-" + b.registrationNumber(), buyerId, requestId,
                    b.creditLimit(), book.start()));
            PlatformApi.expect(api.postUnsigned("insurance-claims-service", "/api/v1/insurance/callbacks/policies/"
                    + policyId + "/limit-decisions", body, Map.of("Insurer-Signature", signature(body))),
                    "the insurer's callback for " + b.name());
        }
    }

    /**
     * The insurer's approval of the credit manager's request in full from {@code from}: it names the request
     * ({@code requestId}), so the request shows it as its outcome (without it both stayed NEW, unanswered).
     */
    static Map<String, Object> approval(String decisionId, String buyerId, String requestId, BigDecimal amount,
            LocalDate from) {
        return Map.of("decisionId", decisionId, "buyerId", buyerId, "requestId", requestId, "outcome", "APPROVED",
                "amount", money(amount), "effectiveFrom", from.toString());
    }

    /** The insurer's signature of the body, now (the service refuses one more than 5 minutes off its clock). */
    static String signature(String body) {
        return signature(CALLBACK_SECRET, System.currentTimeMillis() / 1000, body);
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} under the policy's callback secret. */
    static String signature(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What happens on the date, in the order a day has it; answers how many of its calls change what the
     * date's jobs do (payments, the dispute, the plan, the filing; a new invoice has no step due on its
     * issue date), so that the jobs wait until the services have read their events.
     */
    int day(LocalDate date) {
        int published = 0;
        for (DemoInvoice invoice : book.invoices()) {
            if (invoice.issued().equals(date)) {
                issue(invoice);
            }
        }
        if (book.dispute().raisedOn().equals(date)) {
            BookEvents.Dispute d = book.dispute();
            api.expectPost(COLLECTOR, "invoice-service", "/api/v1/invoices/" + invoiceIds.get(d.invoice().number())
                    + "/disputes", Map.of("type", "QUALITY", "disputedAmount", money(d.amount()),
                    "description", d.description(), "evidence", List.of("到货照片 / photos DOC-17"),
                    "raisedOn", date.toString()));
            published++;
        }
        for (Payment p : book.payments()) {
            if (p.receivedOn().equals(date)) {
                pay(p);
                published++;
            }
        }
        if (book.plan().agreedOn().equals(date)) {
            BookEvents.Plan plan = book.plan();
            api.expectPost(COLLECTOR, "invoice-service", "/api/v1/payment-plans", Map.of(
                    "buyerId", buyerIds.get(plan.buyer().index()),
                    "invoiceIds", plan.invoices().stream().map(i -> invoiceIds.get(i.number())).toList(),
                    "instalments", plan.instalments(), "frequency", "MONTHLY",
                    "firstDueDate", plan.firstDue().toString()));
            published++;
        }
        if (book.insolvency().filedOn().equals(date)) {
            api.expectPost(MANAGER, "credit-service", "/api/v1/buyers/" + buyerIds.get(book.insolvency().buyer().index())
                    + "/warning-signals", Map.of("type", "INSOLVENCY_FILING", "source", book.insolvency().court(),
                    "observedOn", date.toString()));
            published++;
        }
        return published;
    }

    private void issue(DemoInvoice i) {
        invoiceIds.put(i.number(), api.expectPost(ERP, "invoice-service", "/api/v1/invoices",
                invoiceBody(i, buyerIds.get(i.buyer().index()))).get("id").asText());
    }

    /**
     * The ERP's POST /api/v1/invoices for a book invoice, with its payment terms in words in the buyer's
     * language (until session 33 none: every invoice, and every agency case file, said {@code paymentTerms} null
     * while the book gives each buyer terms of 30, 45 or 60 days).
     */
    static Map<String, Object> invoiceBody(DemoInvoice i, Object buyerId) {
        DemoBuyer b = i.buyer();
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("invoiceNumber", i.number());
        invoice.put("issueDate", i.issued().toString());
        invoice.put("shipmentDate", i.issued().minusDays(1).toString());
        invoice.put("seller", SELLER);
        invoice.put("buyer", Map.of("id", buyerId, "name", b.name(), "address", b.address(),
                "taxId", b.registrationNumber()));
        invoice.put("purchaseOrderNumber", "PO-" + i.number().substring(i.number().lastIndexOf('-') + 1));
        invoice.put("lines", List.of(Map.of("description", i.product(), "quantity", String.valueOf(i.quantity()),
                "unitPrice", money(i.unitPrice()))));
        invoice.put("tax", money(i.tax()));
        invoice.put("total", money(i.total()));
        invoice.put("dueDate", i.due().toString());
        invoice.put("paymentTerms", paymentTerms(i));
        return invoice;
    }

    /** "发票日后 60 天内付款" / "Net 60 days from the invoice date": the days from issue to due. */
    static String paymentTerms(DemoInvoice i) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(i.issued(), i.due());
        return i.buyer().chinese() ? "发票日后 " + days + " 天内付款" : "Net " + days + " days from the invoice date";
    }

    private void pay(Payment p) {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("buyerId", buyerIds.get(p.buyer().index()));
        payment.put("amount", money(p.amount()));
        payment.put("receivedOn", p.receivedOn().toString());
        payment.put("reference", p.buyer().chinese() ? "银行转账" : "bank transfer");
        if (p.invoiceNumber() != null) {
            payment.put("allocations", List.of(Map.of("invoiceId", invoiceIds.get(p.invoiceNumber()),
                    "amount", money(p.amount()))));
        }
        api.expectPost(ERP, "invoice-service", "/api/v1/payments", payment);
    }

    static Map<String, Object> money(BigDecimal amount) {
        return Map.of("amount", amount.setScale(2).toPlainString(), "currency", "CNY");
    }
}
