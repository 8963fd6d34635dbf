package io.tradecredit.notification.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static io.tradecredit.notification.Requests.sendBehind;
import static io.tradecredit.notification.Requests.statuses;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/** Requests on the real {@code notification-requests} topic become message records and status events. */
@QuarkusTest
class IntakeFlowTest {

    static void awaitRecorded(UUID requestId) {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", requestId) == 1);
    }

    @Test
    void aRequestIsQueuedRenderedInTheContactsLanguageAndPublishedOnce() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        addContact(tenant, buyer, contact("Li Wei", "li@globex.example", "zh-CN"));
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.friendly-reminder", "EMAIL", false, dunningData(buyer)));
        awaitRecorded(id);

        given().auth().oauth2(token(tenant, "collector")).get("/api/v1/messages/" + id).then().statusCode(200)
                .body("status", equalTo("QUEUED"), "channel", equalTo("EMAIL"), "address", equalTo("li@globex.example"),
                        "language", equalTo("zh-CN"), "attempts", equalTo(0), "reason", nullValue(),
                        "subject", containsString("付款提醒"), "text", containsString("INV-2026-0042"),
                        "text", containsString("12500.00 CNY"), "html", containsString("<p>尊敬的Li Wei："));

        List<ConsumerRecord<String, String>> events = statuses(id, r -> !r.isEmpty());
        assertEquals(1, events.size());
        JsonNode queued = Contracts.assertValid(events.get(0));
        assertEquals("QUEUED", queued.get("status").asText());
        assertEquals("EMAIL", queued.get("channel").asText());
        assertEquals(buyer.toString(), queued.get("recipient").get("buyerId").asText());
        assertEquals(tenant, Topics.header(events.get(0), "ce_tenantid"));
        assertEquals("io.tradecredit.notification.status-changed.v1", Topics.header(events.get(0), "ce_type"));
    }

    @Test
    void aSecondRequestWithTheSameIdIsANoOp() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        addContact(tenant, buyer, contact("Anna Berg", "anna@globex.example", "en"));
        UUID id = UUID.randomUUID();
        Map<String, Object> first = request(id, buyer, "dunning.friendly-reminder", "EMAIL", false, dunningData(buyer));
        send(tenant, first);
        awaitRecorded(id);
        Map<String, Object> again = request(id, buyer, "dunning.payment-request", "LETTER", true, dunningData(buyer));
        send(tenant, again);
        // a later request behind the repeated one (on its key, so its partition) shows the repeat was consumed
        UUID later = UUID.randomUUID();
        sendBehind(tenant, id, request(later, buyer, "dunning.friendly-reminder", "EMAIL", false,
                dunningData(buyer)));
        awaitRecorded(later);

        assertEquals(1, Database.count("select count(*) from message where request_id = ?", id));
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then()
                .body("templateKey", equalTo("dunning.friendly-reminder"), "channel", equalTo("EMAIL"));
        assertEquals(1, statuses(id, r -> true).size(), "one status event for the request");
    }

    @Test
    void aBuyerWithoutUsableContactFailsWithTheReasonPublished() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String li = addContact(tenant, buyer, contact("Li Wei", "li@globex.example", "zh-CN"));
        given().auth().oauth2(token(tenant, "credit-manager")).put("/api/v1/contacts/" + li + "/opt-outs/EMAIL")
                .then().statusCode(200);
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.friendly-reminder", "EMAIL", false, dunningData(buyer)));
        awaitRecorded(id);

        // the email cannot go, and the tenant's order (email, SMS, letter) has nowhere else to reach Li Wei
        String reason = "no usable contact on EMAIL: every contact with an address opted out; then no usable contact on"
                + " SMS: no contact has an address; LETTER: no contact has an address";
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then()
                .body("status", equalTo("FAILED"), "reason", equalTo(reason), "text", nullValue());
        JsonNode failed = Contracts.assertValid(statuses(id, r -> !r.isEmpty()).get(0));
        assertEquals("FAILED", failed.get("status").asText());
        assertEquals(reason, failed.get("reason").asText());
    }

    @Test
    void aTemplateNeedingAValueTheDataLacksFailsTheMessageNamingIt() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        addContact(tenant, buyer, contact("Anna Berg", "anna@globex.example", "en"));
        UUID id = UUID.randomUUID();
        // the formal demand states a final payment deadline: this data has none
        send(tenant, request(id, buyer, "dunning.formal-demand", "EMAIL", false, dunningData(buyer)));
        awaitRecorded(id);

        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then()
                .body("status", equalTo("FAILED"), "reason", containsString("paymentDeadline"),
                        "reason", containsString("dunning.formal-demand (EMAIL, en, platform default)"),
                        "text", nullValue(), "html", nullValue());
    }

    @Test
    void aRequestThatCannotBeReadGoesToTheDeadLetterTopic() {
        String tenant = freshTenant();
        String id = UUID.randomUUID().toString();
        // no critical flag: a producer bug, not something a retry mends
        String body = "{\"requestId\":\"" + id + "\",\"purpose\":\"dunning\",\"templateKey\":\"dunning.reminder\","
                + "\"recipient\":{\"kind\":\"BUYER\",\"buyerId\":\"" + UUID.randomUUID() + "\"},\"data\":{}}";
        Topics.send("notification-requests", id, body, Topics.cloudEventHeaders(tenant, "/tradecredit/test",
                "io.tradecredit.notification.message-requested.v1", id, id));
        List<ConsumerRecord<String, String>> dead = Topics.read("notification-requests.dlq.notification-service",
                Duration.ofSeconds(20), all -> all.stream().anyMatch(r -> id.equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> id.equals(r.key())));
        assertEquals(0, Database.count("select count(*) from message where request_id = ?::uuid", id));
    }

    @Test
    void aWithdrawalThatCannotBeReadGoesToTheDeadLetterTopicAndChangesNothing() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        addContact(tenant, buyer, contact("Anna Berg", "anna@globex.example", "en"));
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.friendly-reminder", "EMAIL", false, dunningData(buyer)));
        awaitRecorded(id);
        // no reason: a producer bug, not something a retry mends
        String eventId = UUID.randomUUID().toString();
        Topics.send("notification-requests", id.toString(), "{\"requestId\":\"" + id + "\",\"requestedBy\":\"collections-service\"}",
                Topics.cloudEventHeaders(tenant, "/tradecredit/collections-service",
                        "io.tradecredit.notification.withdrawal-requested.v1", id.toString(), eventId));
        List<ConsumerRecord<String, String>> dead = Topics.read("notification-requests.dlq.notification-service",
                Duration.ofSeconds(20), all -> all.stream().anyMatch(r -> eventId.equals(Topics.header(r, "ce_id"))));
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> eventId.equals(Topics.header(r, "ce_id")))
                .findFirst().orElseThrow();
        assertTrue(Topics.header(poison, "dead-letter-reason").contains("reason: missing"),
                Topics.header(poison, "dead-letter-reason"));
        assertEquals(0, Database.count("select count(*) from message_withdrawal where request_id = ?", id));
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then()
                .body("status", equalTo("QUEUED"));
    }
}
