package io.tradecredit.credit;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;


import io.restassured.http.ContentType;
import io.tradecredit.credit.domain.UnifiedSocialCreditCode;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/** Buyers, statements and invoice events as tests need them, and the calls tests make with them. */
public final class CreditFixtures {
    /**
     * These tokens are minted once, when the class loads, and shared by the whole suite: they must outlive it.
     * The default 5 minutes did not on a loaded machine (a module's suite then runs for over 15 minutes), and
     * every call after that answered 401.
     */
    private static final long SUITE_SECONDS = 3 * 3600;
    public static final String MANAGER_ACME = Tokens.tenant("acme").roles("credit-manager").subject("cm-1")
            .expiresIn(SUITE_SECONDS).mint();
    public static final String FINANCE_ACME = Tokens.tenant("acme").roles("finance").expiresIn(SUITE_SECONDS).mint();
    public static final String VIEWER_ACME = Tokens.tenant("acme").roles("viewer").expiresIn(SUITE_SECONDS).mint();
    public static final String MANAGER_GLOBEX = Tokens.tenant("globex").roles("credit-manager")
            .expiresIn(SUITE_SECONDS).mint();
    public static final String OPS = Tokens.noTenant().roles("platform-ops").expiresIn(SUITE_SECONDS).mint();
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditFixtures() {
    }

    public static LocalDate today() {
        return PlatformZone.today();
    }

    /** A fresh, valid unified social credit code: 17 random characters and the one check character that fits. */
    public static String uscc() {
        StringBuilder body = new StringBuilder("9144");
        while (body.length() < 17) {
            body.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        for (char c : ALPHABET.toCharArray()) {
            if (UnifiedSocialCreditCode.isValid(body.toString() + c)) {
                return body.toString() + c;
            }
        }
        throw new IllegalStateException("no check character fits " + body);
    }

    public static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** A Chinese buyer founded in 2000 (age factor 100). */
    public static Map<String, Object> buyer() {
        Map<String, Object> b = new HashMap<>();
        b.put("name", "Globex Trading Ltd.");
        b.put("country", "CN");
        b.put("registrationNumber", uscc());
        b.put("taxId", "91440300MA5F0XYZ1K");
        b.put("address", "8 Market St, Shenzhen");
        b.put("industry", "wholesale");
        b.put("foundedOn", "2000-01-01");
        return b;
    }

    public static String register(String token, Map<String, Object> buyer) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(buyer).post("/api/v1/buyers")
                .then().statusCode(201).extract().path("id");
    }

    /** Balanced: TA 10m = TL 4m + equity 6m; Z'' 4.87 (safe); revenue 15m, net worth 6m. */
    public static Map<String, Object> healthyStatement() {
        Map<String, Object> s = new HashMap<>();
        s.put("fiscalYear", 2025);
        s.put("currency", "CNY");
        s.put("totalAssets", "10000000");
        s.put("currentAssets", "4000000");
        s.put("currentLiabilities", "2000000");
        s.put("totalLiabilities", "4000000");
        s.put("retainedEarnings", "3000000");
        s.put("ebit", "1500000");
        s.put("equity", "6000000");
        s.put("revenue", "15000000");
        s.put("netWorth", "6000000");
        return s;
    }

    public static void setLimit(String buyerId, String amount) {
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("limit", money(amount), "reason", "first review"))
                .put("/api/v1/buyers/" + buyerId + "/credit-limit").then().statusCode(200);
    }

    /** Sends an invoice event as invoice-service would, after checking its body against the invoice schema. */
    public static String sendInvoiceEvent(String tenant, String buyerId, String name, String eventId,
            Map<String, Object> body) {
        return Topics.sendEvent("invoice-events", tenant, "invoice", name, buyerId, eventId, body);
    }

    public static Map<String, Object> issued(String buyerId, String invoiceId, String amount, LocalDate due) {
        Map<String, Object> m = new HashMap<>();
        m.put("invoiceId", invoiceId);
        m.put("invoiceNumber", "INV-" + invoiceId.substring(0, 8));
        m.put("buyerId", buyerId);
        m.put("buyerName", "Globex Trading Ltd.");
        m.put("issueDate", due.minusDays(30).toString());
        m.put("dueDate", due.toString());
        m.put("total", money(amount));
        m.put("tax", money("0.00"));
        m.put("openAmount", money(amount));
        m.put("issuedLate", false);
        m.put("purchaseOrderNumber", "PO-1");
        m.put("paymentTerms", "30 days net");
        return m;
    }

    public static Map<String, Object> becameOverdue(String buyerId, String invoiceId, String open, LocalDate due) {
        return Map.of("invoiceId", invoiceId, "invoiceNumber", "INV-" + invoiceId.substring(0, 8), "buyerId", buyerId,
                "dueDate", due.toString(), "asOf", due.plusDays(1).toString(), "openAmount", money(open),
                "collectibleAmount", money(open));
    }

    public static Map<String, Object> disputeOpened(String buyerId, String invoiceId, String disputed, String open,
            LocalDate due) {
        Map<String, Object> m = new HashMap<>();
        m.put("disputeId", UUID.randomUUID().toString());
        m.put("invoiceId", invoiceId);
        m.put("invoiceNumber", "INV-" + invoiceId.substring(0, 8));
        m.put("buyerId", buyerId);
        m.put("type", "QUALITY");
        m.put("disputedAmount", money(disputed));
        m.put("dueDate", due.toString());
        m.put("openAmount", money(open));
        m.put("collectibleAmount", money(open));
        return m;
    }

    public static Map<String, Object> paymentReceived(String buyerId, String invoiceId, String amount, String openAfter) {
        return Map.of("paymentId", UUID.randomUUID().toString(), "buyerId", buyerId, "amount", money(amount),
                "receivedOn", today().toString(), "reference", "wire",
                "allocations", List.of(Map.of("invoiceId", invoiceId, "invoiceNumber", "INV-" + invoiceId.substring(0, 8),
                        "amount", money(amount), "openAmount", money(openAfter))),
                "unallocated", money("0.00"), "buyerCreditBalance", money("0.00"));
    }

    /** Waits up to 20 s for a condition the consumer makes true. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** The events of {@code type} on credit-events for one buyer, each checked against its schema. */
    public static List<ConsumerRecord<String, String>> creditEvents(String buyerId, String type, int atLeast) {
        String fullType = "io.tradecredit.credit." + type + ".v1";
        List<ConsumerRecord<String, String>> found = Topics.read("credit-events", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> buyerId.equals(r.key()) && fullType.equals(Topics.header(r, "ce_type")))
                        .count() >= atLeast)
                .stream().filter(r -> buyerId.equals(r.key()) && fullType.equals(Topics.header(r, "ce_type"))).toList();
        found.forEach(Contracts::assertValid);
        return found;
    }
}
