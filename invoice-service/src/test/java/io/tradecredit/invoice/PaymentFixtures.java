package io.tradecredit.invoice;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.testing.Topics;

/** Payments as finance posts them, and the events they leave on {@code invoice-events}. */
public final class PaymentFixtures {
    private PaymentFixtures() {
    }

    /** A payment body; {@code allocations} null means oldest first. */
    public static Map<String, Object> payment(UUID buyer, String amount, String receivedOn,
            List<Map<String, Object>> allocations) {
        Map<String, Object> m = new HashMap<>();
        m.put("buyerId", buyer.toString());
        m.put("amount", InvoiceFixtures.money(amount));
        m.put("receivedOn", receivedOn);
        m.put("reference", "BANK-" + UUID.randomUUID().toString().substring(0, 8));
        if (allocations != null) {
            m.put("allocations", allocations);
        }
        return m;
    }

    public static Map<String, Object> allocation(String invoiceId, String amount) {
        return Map.of("invoiceId", invoiceId, "amount", InvoiceFixtures.money(amount));
    }

    public static ValidatableResponse post(String token, Map<String, Object> payment) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(payment).post("/api/v1/payments").then();
    }

    /**
     * Waits until {@code count} events of the type for the buyer are on the topic, and every one of them already in
     * the outbox (the change under test has committed: a caller asserting exactly which events came must not stop
     * reading before one more its change wrote is relayed); returns them in order.
     */
    public static List<ConsumerRecord<String, String>> events(UUID buyer, String type, int count) {
        long written = io.tradecredit.testing.Database.count("select count(*) from outbox where aggregate_type = 'buyer-ledger'"
                + " and aggregate_id = ? and event_type = ?", buyer.toString(), type);
        List<ConsumerRecord<String, String>> found = Topics.read("invoice-events", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> matches(r, buyer, type)).count() >= Math.max(count, written))
                .stream().filter(r -> matches(r, buyer, type)).toList();
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " " + type + " for buyer " + buyer + ", found " + found.size());
        }
        return found;
    }

    private static boolean matches(ConsumerRecord<String, String> r, UUID buyer, String type) {
        return buyer.toString().equals(r.key()) && type.equals(Topics.header(r, "ce_type"));
    }
}
