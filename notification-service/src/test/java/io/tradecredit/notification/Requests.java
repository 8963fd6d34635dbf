package io.tradecredit.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * Message requests as the collections run sends them (its DunningRequestData: buyer, invoices with
 * numbers, amounts, due dates and days overdue, step, run date, prior messages), schema-checked
 * and put on {@code notification-requests}; and the status events read back.
 */
public final class Requests {
    public static final String TOPIC = "notification-requests";
    public static final String STATUS = "notification-status";

    private Requests() {
    }

    public static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /**
     * {@code data}'s two invoices (as {@link #dunningData} lists them) due on {@code first} and {@code second},
     * {@code firstDays} and {@code secondDays} overdue as the run counted them.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> dueOn(Map<String, Object> data, LocalDate first, int firstDays,
            LocalDate second, int secondDays) {
        List<Map<String, Object>> invoices = (List<Map<String, Object>>) data.get("invoices");
        invoices.get(0).put("dueDate", first.toString());
        invoices.get(0).put("daysOverdue", firstDays);
        invoices.get(1).put("dueDate", second.toString());
        invoices.get(1).put("daysOverdue", secondDays);
        return data;
    }

    /** The data of a dunning message on two invoices of Globex. */
    public static Map<String, Object> dunningData(UUID buyer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buyer", Map.of("buyerId", buyer.toString(), "name", "Globex Trading Ltd."));
        data.put("invoices", List.of(invoice("INV-2026-0042", "2026-11-20", 13, "12500.00"),
                invoice("INV-2026-0057", "2026-11-25", 8, "3400.50")));
        data.put("step", Map.of("key", "formal-demand", "offsetDays", 7));
        data.put("runDate", "2026-12-03");
        data.put("priorMessages", List.of(Map.of("stepKey", "friendly-reminder", "templateKey",
                "dunning.friendly-reminder", "channels", List.of("EMAIL"), "runDate", "2026-11-13")));
        return data;
    }

    public static Map<String, Object> invoice(String number, String due, int daysOverdue, String amount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invoiceId", UUID.randomUUID().toString());
        m.put("invoiceNumber", number);
        m.put("purchaseOrderNumber", "PO-4711");
        m.put("dueDate", due);
        m.put("daysOverdue", daysOverdue);
        m.put("openAmount", money(amount));
        m.put("disputedAmount", money("0.00"));
        m.put("collectibleAmount", money(amount));
        return m;
    }

    /** A request body to the buyer; {@code channel} null leaves the choice to the tenant's order. */
    public static Map<String, Object> request(UUID requestId, UUID buyer, String templateKey, String channel,
            boolean critical, Map<String, Object> data) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", requestId.toString());
        body.put("purpose", "dunning");
        body.put("templateKey", templateKey);
        if (channel != null) {
            body.put("channel", channel);
        }
        body.put("recipient", Map.of("kind", "BUYER", "buyerId", buyer.toString()));
        body.put("critical", critical);
        body.put("data", data);
        return body;
    }

    /**
     * credit-service's "limit changed" to the tenant itself by {@code channel}, put on the topic; returns
     * its request id once the message is stored.
     */
    public static UUID limitChangedToTenant(String tenant, String channel, boolean critical, Map<String, Object> data) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", id.toString());
        body.put("purpose", "credit-review");
        body.put("templateKey", "credit.limit-changed");
        body.put("channel", channel);
        body.put("recipient", Map.of("kind", "TENANT"));
        body.put("critical", critical);
        body.put("data", data);
        send(tenant, body);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        return id;
    }

    /** A burst: {@code count} critical friendly reminders to the buyer by email, put on the topic one after another. */
    public static void reminderBurst(String tenant, UUID buyer, int count) {
        for (int i = 0; i < count; i++) {
            send(tenant, request(UUID.randomUUID(), buyer, "dunning.friendly-reminder", "EMAIL", true, dunningData(buyer)));
        }
    }

    /** Sends the request as collections-service does: CloudEvent id = key = requestId. */
    public static void send(String tenant, Map<String, Object> body) {
        String id = (String) body.get("requestId");
        Topics.sendEvent(TOPIC, tenant, "notification", "message-requested", id, id, body);
    }

    /**
     * The request with the key of another ({@code behind}'s id), so on its partition and read after it: once this one is
     * stored, {@code behind} and any repeat of it sent before have been read (a request is keyed by its own id, so a
     * marker sent with {@link #send} may be read before them, from another partition).
     */
    public static void sendBehind(String tenant, UUID behind, Map<String, Object> body) {
        Topics.sendEvent(TOPIC, tenant, "notification", "message-requested", behind.toString(),
                (String) body.get("requestId"), body);
    }

    /**
     * Withdraws the tenant's request as collections-service does (schema-checked): key = requestId,
     * CloudEvent id derived from tenant and request id, so a repeat carries the same id.
     */
    public static void withdraw(String tenant, UUID requestId, String reason) {
        String id = requestId.toString();
        String eventId = UUID.nameUUIDFromBytes(("withdrawal/" + tenant + "/" + id).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        Topics.sendEvent(TOPIC, tenant, "notification", "withdrawal-requested", id, eventId,
                Map.of("requestId", id, "reason", reason, "requestedBy", "collections-service"));
    }

    /**
     * The status events of a request, waiting until {@code until} holds for them and every one of its status events
     * already in the outbox is on the topic (or 20 s). The second half matters for a caller that waits for "at least
     * two" and then asserts exactly which: a third event its last change wrote, not yet relayed, would go unseen.
     */
    public static List<ConsumerRecord<String, String>> statuses(UUID requestId,
            Predicate<List<ConsumerRecord<String, String>>> until) {
        String id = requestId.toString();
        long written = Database.count("select count(*) from outbox where aggregate_type = 'message' and aggregate_id = ?", id);
        return Topics.read(STATUS, Duration.ofSeconds(20), all -> {
            List<ConsumerRecord<String, String>> mine = ofRequest(all, id);
            return mine.size() >= written && until.test(mine);
        }).stream().filter(r -> id.equals(r.key())).toList();
    }

    static List<ConsumerRecord<String, String>> ofRequest(List<ConsumerRecord<String, String>> all, String id) {
        return all.stream().filter(r -> id.equals(r.key())).toList();
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
