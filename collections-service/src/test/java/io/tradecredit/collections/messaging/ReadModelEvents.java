package io.tradecredit.collections.messaging;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Topics;

/**
 * Publishes the events the read model is built from as invoice-service and credit-service do:
 * CloudEvents in binary mode, keyed by buyer, each body checked against its schema in
 * {@code contracts/} before it is sent.
 */
public final class ReadModelEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadModelEvents() {
    }

    public static LocalDate today() {
        return PlatformZone.today();
    }

    /**
     * Makes today and tomorrow the holidays of {@code tenant}'s dunning calendar (calendar days) and answers the
     * first day it works after them, skipping a weekend: where the platform plans what it would have planned today.
     */
    public static LocalDate offTodayAndTomorrow(String tenant) {
        io.restassured.RestAssured.given().auth().oauth2(io.tradecredit.testing.Tokens.tenant(tenant).roles("tenant-admin")
                .mint()).contentType("application/json").body(Map.of("holidays", List.of(today().toString(),
                        today().plusDays(1).toString()), "dayCount", "CALENDAR_DAYS"))
                .put("/api/v1/dunning/calendar").then().statusCode(200);
        LocalDate back = today().plusDays(2);
        while (back.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || back.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            back = back.plusDays(1);
        }
        return back;
    }

    public static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** Sends a schema-valid event of {@code io.tradecredit.<producer>.<name>.v1}; returns its id. */
    public static String send(String tenant, String buyerId, String producer, String name, String eventId,
            Map<String, Object> body) {
        String topic = producer.equals("invoice") ? "invoice-events" : "credit-events";
        return Topics.sendEvent(topic, tenant, producer, name, buyerId, eventId, body);
    }

    public static String invoice(String tenant, String buyerId, String name, Map<String, Object> body) {
        return send(tenant, buyerId, "invoice", name, UUID.randomUUID().toString(), body);
    }

    /** Sends without the schema check: for events the schema would refuse (poison, newer types). */
    public static void sendUnchecked(String topic, String tenant, String key, String type, String eventId, String body) {
        Topics.send(topic, key, body, headers(tenant, key, type, eventId));
    }

    public static Map<String, String> headers(String tenant, String key, String type, String eventId) {
        return Topics.cloudEventHeaders(tenant, "/tradecredit/test", type, key, eventId);
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> issued(String buyerId, String invoiceId, String amount, LocalDate due) {
        Map<String, Object> m = new HashMap<>();
        m.put("invoiceId", invoiceId);
        m.put("invoiceNumber", number(invoiceId));
        m.put("buyerId", buyerId);
        m.put("buyerName", "Globex Trading Ltd.");
        m.put("issueDate", due.minusDays(30).toString());
        m.put("dueDate", due.toString());
        m.put("total", money(amount));
        m.put("tax", money("0.00"));
        m.put("openAmount", money(amount));
        m.put("issuedLate", false);
        m.put("purchaseOrderNumber", "PO-4711");
        m.put("paymentTerms", "30 days net");
        return m;
    }

    /** An issued event as invoice-service sends it since it carries both parties for letters. */
    public static Map<String, Object> issuedWithParties(String buyerId, String invoiceId, String amount, LocalDate due,
            String sellerAddress) {
        Map<String, Object> m = issued(buyerId, invoiceId, amount, due);
        m.put("sellerName", "Acme Machinery Co.");
        m.put("sellerAddress", sellerAddress);
        m.put("sellerTaxId", "91310000MA1FL8XQ30");
        m.put("sellerBankAccount", "CN12 3456 7890");
        m.put("buyerAddress", "8 Market St, Shenzhen");
        return m;
    }

    /** invoice-service's statement of an invoice's late charges on {@code asOf} under the default terms. */
    public static Map<String, Object> lateChargesStated(String buyerId, String invoiceId, LocalDate due, LocalDate asOf,
            String open, String interest, String fee) {
        Map<String, Object> m = onInvoice(buyerId, invoiceId, due, open);
        java.math.BigDecimal total = new java.math.BigDecimal(interest).add(new java.math.BigDecimal(fee));
        m.put("asOf", asOf.toString());
        m.put("daysPastDue", (int) java.time.temporal.ChronoUnit.DAYS.between(due, asOf));
        m.put("currency", "CNY");
        m.put("collectibleAmount", money(open));
        m.put("interest", money(interest));
        m.put("lateFee", money(fee));
        m.put("totalCharges", money(total.toPlainString()));
        m.put("totalDue", money(total.add(new java.math.BigDecimal(open)).toPlainString()));
        Map<String, Object> terms = new HashMap<>();
        terms.put("dailyRate", "0.0005");
        terms.put("feeAfterDays", 30);
        terms.put("feeRate", "0.03");
        terms.put("source", "TENANT");
        terms.put("legalBasis", null);
        m.put("terms", terms);
        return m;
    }

    public static Map<String, Object> payment(String name, String buyerId, String invoiceId, String amount, String openAfter) {
        Map<String, Object> m = new HashMap<>();
        m.put("paymentId", UUID.randomUUID().toString());
        m.put("buyerId", buyerId);
        m.put("amount", money(amount));
        m.put("allocations", List.of(Map.of("invoiceId", invoiceId, "invoiceNumber", number(invoiceId),
                "amount", money(amount), "openAmount", money(openAfter))));
        m.put("buyerCreditBalance", money("0.00"));
        if (name.equals("payment-received")) {
            m.put("receivedOn", today().toString());
            m.put("reference", "wire");
            m.put("unallocated", money("0.00"));
        } else {
            m.put("reason", "bounced");
        }
        return m;
    }

    public static Map<String, Object> disputeOpened(String buyerId, String invoiceId, String disputeId, String disputed,
            String open, String collectible, LocalDate due) {
        Map<String, Object> m = onInvoice(buyerId, invoiceId, due, open);
        m.put("disputeId", disputeId);
        m.put("type", "QUALITY");
        m.put("disputedAmount", money(disputed));
        m.put("collectibleAmount", money(collectible));
        return m;
    }

    public static Map<String, Object> disputeResolved(String buyerId, String invoiceId, String disputeId, String disputed,
            String credited, String open, String collectible, LocalDate due) {
        Map<String, Object> m = onInvoice(buyerId, invoiceId, due, open);
        m.put("disputeId", disputeId);
        m.put("outcome", "UPHELD");
        m.put("disputedAmount", money(disputed));
        m.put("creditedAmount", money(credited));
        m.put("rootCause", "scratched panels");
        m.put("collectibleAmount", money(collectible));
        return m;
    }

    public static Map<String, Object> creditNote(String buyerId, String invoiceId, String disputeId, String amount,
            String open, LocalDate due) {
        Map<String, Object> m = onInvoice(buyerId, invoiceId, due, open);
        m.put("creditNoteId", UUID.randomUUID().toString());
        m.put("creditNoteNumber", "CN-000001");
        m.put("amount", money(amount));
        m.put("reason", "QUALITY dispute UPHELD");
        m.put("disputeId", disputeId);
        return m;
    }

    public static Map<String, Object> paid(String buyerId, String invoiceId, String total, LocalDate due) {
        Map<String, Object> m = onInvoice(buyerId, invoiceId, due, "0.00");
        m.put("total", money(total));
        m.put("paidOn", today().toString());
        m.put("daysPastDue", 5);
        return m;
    }

    /** invoice-service's write-off of what was open of the invoice ({@code amount}), nothing left open. */
    public static Map<String, Object> writtenOff(String buyerId, String invoiceId, String amount, LocalDate due) {
        Map<String, Object> m = onInvoice(buyerId, invoiceId, due, "0.00");
        m.put("amount", money(amount));
        m.put("reason", "buyer dissolved");
        return m;
    }

    public static Map<String, Object> planAgreed(String buyerId, String planId, String invoiceId, LocalDate first) {
        return Map.of("planId", planId, "buyerId", buyerId, "invoiceIds", List.of(invoiceId),
                "principal", money("3000.00"), "interest", money("0.00"), "instalments", List.of(
                        // the principal is stated by newer events only (interest-free here: the amount)
                        Map.of("number", 1, "dueDate", first.toString(), "amount", money("1500.00"), "principal",
                                money("1500.00")),
                        Map.of("number", 2, "dueDate", first.plusMonths(1).toString(), "amount", money("1500.00"))));
    }

    public static Map<String, Object> instalmentMissed(String buyerId, String planId, LocalDate due) {
        return Map.of("planId", planId, "buyerId", buyerId, "instalmentNumber", 1, "dueDate", due.toString(),
                "amountDue", money("1500.00"), "amountPaid", money("0.00"), "asOf", due.plusDays(1).toString());
    }

    public static Map<String, Object> planBroken(String buyerId, String planId, String invoiceId) {
        return Map.of("planId", planId, "buyerId", buyerId, "invoiceIds", List.of(invoiceId),
                "reason", "instalment 1 missed", "openAmount", money("3000.00"), "asOf", today().toString());
    }

    public static Map<String, Object> buyerRegistered(String buyerId, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("buyerId", buyerId);
        m.put("name", name);
        m.put("country", "CN");
        m.put("registrationNumber", "91310000MA1FL8XQ30");
        m.put("taxId", "91310000MA1FL8XQ30");
        m.put("industry", null);
        m.put("foundedOn", null);
        m.put("currency", "CNY");
        m.put("paymentTermDays", 30);
        return m;
    }

    public static Map<String, Object> buyerAssessed(String buyerId, int grade) {
        Map<String, Object> m = new HashMap<>();
        m.put("buyerId", buyerId);
        m.put("assessmentId", UUID.randomUUID().toString());
        m.put("score", 70);
        m.put("grade", grade);
        m.put("previousGrade", null);
        m.put("factors", List.of());
        m.put("cause", "financial statement");
        m.put("assessedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return m;
    }

    public static Map<String, Object> buyerBlocked(String buyerId, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("buyerId", buyerId);
        m.put("buyerName", name);
        m.put("reason", "insolvency filing");
        m.put("signalId", null);
        m.put("blockedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return m;
    }

    public static String number(String invoiceId) {
        return "INV-" + invoiceId.substring(0, 8);
    }

    private static Map<String, Object> onInvoice(String buyerId, String invoiceId, LocalDate due, String open) {
        Map<String, Object> m = new HashMap<>();
        m.put("invoiceId", invoiceId);
        m.put("invoiceNumber", number(invoiceId));
        m.put("buyerId", buyerId);
        m.put("dueDate", due.toString());
        m.put("openAmount", money(open));
        return m;
    }

    /** Waits up to 30 s for what the consumer makes true. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
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
}
