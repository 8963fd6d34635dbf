package io.tradecredit.notification.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.messaging.IntakeFlowTest.awaitRecorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.notification.Requests;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * A burst of requests for many buyers of several tenants, read a poll at a time and taken in
 * together (one lookup per kind for the poll): each ends as it would alone.
 */
@QuarkusTest
class IntakePollTest {
    private static final String REMINDER = "dunning.friendly-reminder";

    @Test
    void aBurstForManyBuyersAndTenantsEndsEachRequestWithItsOwnStatusChannelAndContact() {
        String acme = freshTenant();
        String globex = freshTenant();
        // acme writes its own reminder; globex has the platform's
        given().auth().oauth2(token(acme, "tenant-admin")).contentType(ContentType.JSON).body(Map.of("templateKey", REMINDER,
                "channel", "EMAIL", "language", "en", "subject", "Acme: {buyer.name}", "body", "{invoices.size} invoices fall due."))
                .post("/api/v1/templates").then().statusCode(201);
        given().auth().oauth2(token(globex, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://erp.globex.example/hooks", "secret", "whsec_globex_0123456789abcdefghij"))
                .put("/api/v1/webhook-endpoint").then().statusCode(200);
        // one buyer id known to both tenants, each with its own contact
        UUID shared = UUID.randomUUID();
        addContact(acme, shared, contact("Anna Berg", "anna@shared.example", "en"));
        addContact(globex, shared, contact("Li Wei", "li@shared.example", "zh-CN"));
        List<UUID> acmeBuyers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID buyer = UUID.randomUUID();
            addContact(acme, buyer, contact("Buyer " + i, "ap" + i + "@acme-buyers.example", "en"));
            acmeBuyers.add(buyer);
        }
        // a request taken in by an earlier poll, repeated in the burst
        UUID earlier = UUID.randomUUID();
        Requests.send(acme, request(earlier, acmeBuyers.get(0), REMINDER, "EMAIL", true, dunningData(acmeBuyers.get(0))));
        awaitRecorded(earlier);

        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        List<UUID> toAcmeBuyers = new ArrayList<>();
        for (UUID buyer : acmeBuyers) {
            UUID id = UUID.randomUUID();
            toAcmeBuyers.add(id);
            burst.add(requested(acme, request(id, buyer, REMINDER, "EMAIL", true, dunningData(buyer))));
        }
        UUID toAcmeShared = UUID.randomUUID();
        burst.add(requested(acme, request(toAcmeShared, shared, REMINDER, "EMAIL", true, dunningData(shared))));
        UUID toGlobexShared = UUID.randomUUID();
        burst.add(requested(globex, request(toGlobexShared, shared, REMINDER, "EMAIL", true, dunningData(shared))));
        UUID noContact = UUID.randomUUID();
        burst.add(requested(acme, request(noContact, UUID.randomUUID(), REMINDER, "EMAIL", true, dunningData(shared))));
        UUID toGlobexItself = UUID.randomUUID();
        burst.add(requested(globex, toTenant(toGlobexItself)));
        UUID twice = UUID.randomUUID();
        burst.add(requested(acme, request(twice, acmeBuyers.get(1), REMINDER, "EMAIL", true, dunningData(acmeBuyers.get(1)))));
        burst.add(requested(acme, request(twice, acmeBuyers.get(1), "dunning.payment-request", "LETTER", true,
                dunningData(acmeBuyers.get(1)))));
        burst.add(requested(acme, request(earlier, acmeBuyers.get(0), "dunning.payment-request", "LETTER", true,
                dunningData(acmeBuyers.get(0)))));
        UUID withdrawn = UUID.randomUUID();
        burst.add(requested(acme, request(withdrawn, acmeBuyers.get(2), REMINDER, "EMAIL", true, dunningData(acmeBuyers.get(2)))));
        burst.add(withdrawal(acme, withdrawn, "INV-2026-0042 paid"));
        UUID last = UUID.randomUUID();
        burst.add(requested(acme, request(last, acmeBuyers.get(3), REMINDER, "EMAIL", true, dunningData(acmeBuyers.get(3)))));
        Topics.sendAll(burst);
        // each request is keyed by its own id, so the burst lies on every partition: the last one stored tells nothing
        // of the others; each is awaited
        List<UUID> stored = new ArrayList<>(toAcmeBuyers);
        stored.addAll(List.of(toAcmeShared, toGlobexShared, noContact, toGlobexItself, twice, withdrawn, last));
        stored.forEach(IntakeFlowTest::awaitRecorded);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(message(acme, withdrawn).getString("status")));

        for (int i = 0; i < toAcmeBuyers.size(); i++) {
            JsonPath m = message(acme, toAcmeBuyers.get(i));
            assertEquals("QUEUED", m.getString("status"));
            assertEquals("EMAIL", m.getString("channel"));
            assertEquals("ap" + i + "@acme-buyers.example", m.getString("address"));
            assertEquals("Acme: Globex Trading Ltd.", m.getString("subject"), "acme's own template");
        }
        JsonPath acmeShared = message(acme, toAcmeShared);
        assertEquals("anna@shared.example", acmeShared.getString("address"));
        assertEquals("en", acmeShared.getString("language"));
        JsonPath globexShared = message(globex, toGlobexShared);
        assertEquals("li@shared.example", globexShared.getString("address"), "the same buyer id at globex is globex's buyer");
        assertEquals("zh-CN", globexShared.getString("language"));
        assertTrue(globexShared.getString("subject").contains("付款提醒"), "globex has the platform's template");

        JsonPath failed = message(acme, noContact);
        assertEquals("FAILED", failed.getString("status"));
        assertNull(failed.getString("channel"));
        assertEquals("no usable contact: the buyer has no contacts", failed.getString("reason"));

        JsonPath webhook = message(globex, toGlobexItself);
        assertEquals("QUEUED", webhook.getString("status"));
        assertEquals("WEBHOOK", webhook.getString("channel"));

        assertEquals(REMINDER, message(acme, twice).getString("templateKey"), "the first of a repeated id in the poll");
        assertEquals("EMAIL", message(acme, twice).getString("channel"));
        // every status event of these requests: all their outbox holds, on the topic (their changes have committed,
        // so no more will come; a read that waited a fixed time proved no more)
        List<ConsumerRecord<String, String>> published = java.util.stream.Stream.of(twice, earlier, withdrawn)
                .flatMap(id -> Requests.statuses(id, r -> true).stream()).toList();
        assertEquals(1, of(published, twice).size(), "one status event for the request repeated in the poll");
        assertEquals(REMINDER, message(acme, earlier).getString("templateKey"), "a request of an earlier poll stays as it was");
        assertEquals(1, of(published, earlier).size(), "one status event for the request repeated in a later poll");

        assertEquals("INV-2026-0042 paid", message(acme, withdrawn).getString("reason"));
        assertEquals(List.of("QUEUED", "WITHDRAWN"), of(published, withdrawn).stream()
                .map(r -> r.value().contains("\"WITHDRAWN\"") ? "WITHDRAWN" : "QUEUED").toList(),
                "queued by the request, withdrawn by the withdrawal right after it");
        assertEquals(0, Database.count("select count(*) from message where request_id = ? and tenant_id <> ?", toGlobexShared, globex));
    }

    private static List<ConsumerRecord<String, String>> of(List<ConsumerRecord<String, String>> published, UUID requestId) {
        return published.stream().filter(r -> requestId.toString().equals(r.key())).toList();
    }

    private static ProducerRecord<String, String> requested(String tenant, Map<String, Object> body) {
        String id = (String) body.get("requestId");
        return Topics.event(Requests.TOPIC, tenant, "notification", "message-requested", id, id, body);
    }

    private static ProducerRecord<String, String> withdrawal(String tenant, UUID requestId, String reason) {
        String id = requestId.toString();
        String eventId = UUID.nameUUIDFromBytes(("withdrawal/" + tenant + "/" + id).getBytes(StandardCharsets.UTF_8)).toString();
        return Topics.event(Requests.TOPIC, tenant, "notification", "withdrawal-requested", id, eventId,
                Map.of("requestId", id, "reason", reason, "requestedBy", "collections-service"));
    }

    /** A changed limit to the tenant itself, asked for by EMAIL: its webhook endpoint takes it. */
    private static Map<String, Object> toTenant(UUID id) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", id.toString());
        body.put("purpose", "credit-review");
        body.put("templateKey", "credit.limit-changed");
        body.put("channel", "EMAIL");
        body.put("recipient", Map.of("kind", "TENANT"));
        body.put("critical", true);
        body.put("data", Map.of("buyer", Map.of("name", "Globex"), "effectiveFrom", "2026-12-04",
                "previousLimit", Map.of("amount", "400000.00", "currency", "CNY"),
                "newLimit", Map.of("amount", "500000.00", "currency", "CNY")));
        return body;
    }

    private static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200).extract()
                .jsonPath();
    }
}
