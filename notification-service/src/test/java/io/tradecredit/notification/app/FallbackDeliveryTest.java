package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static io.tradecredit.notification.Requests.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.devstack.SmsSink;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.SmsSinkResource;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;

/**
 * A channel that fails a message for good hands it to the next channel of the tenant's order: an
 * email that cannot go (no address, SMTP down past its last retry) arrives as an SMS in the sink.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(SmsSinkResource.class)
class FallbackDeliveryTest {
    @Inject
    Deliveries deliveries;

    @AfterEach
    void smtpUp() {
        GreenMailResource.up();
    }

    void deliverAt(Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));
    }

    static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static String mobile() {
        return "+86 137 " + (1000 + (int) (Math.random() * 8999)) + " " + (1000 + (int) (Math.random() * 8999));
    }

    /** A tenant whose friendly reminder also exists as an SMS (its own template), and a buyer's contact. */
    static String tenantWithSmsReminder(UUID buyer, String email, String mobile) {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("templateKey", "dunning.friendly-reminder", "channel", "SMS", "language", "en", "body",
                        "{buyer.name}: {invoices.size} invoices fall due soon, first {invoices.0.invoiceNumber}."))
                .post("/api/v1/templates").then().statusCode(201);
        Map<String, Object> c = new HashMap<>(contact("Li Wei", email, "en"));
        c.put("mobile", mobile);
        if (email == null) {
            c.remove("email");
        }
        addContact(tenant, buyer, c);
        return tenant;
    }

    static UUID requestedEmail(String tenant, UUID buyer) {
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.friendly-reminder", "EMAIL", true, dunningData(buyer)));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        return id;
    }

    @Test
    void anEmailRefusedPastItsLastRetryGoesOnAsAnSmsWithTheSameIdAndTheReason() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String mobile = mobile();
        String tenant = tenantWithSmsReminder(buyer, "li-" + buyer + "@globex.example", mobile);
        UUID id = requestedEmail(tenant, buyer);
        Instant t = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        GreenMailResource.down();
        deliverAt(t);
        deliverAt(t.plus(Duration.ofHours(1)));
        deliverAt(t.plus(Duration.ofHours(2)));

        JsonPath queued = message(tenant, id);
        assertEquals("QUEUED", queued.getString("status"));
        assertEquals("SMS", queued.getString("channel"));
        assertEquals(mobile, queued.getString("address"));
        assertEquals("EMAIL: connection refused by 127.0.0.1:" + GreenMailResource.port() + " after 3 attempts; falling back"
                + " to SMS", queued.getString("reason"));
        assertEquals(List.of("RETRY", "RETRY", "FALLBACK"), queued.getList("attemptLog.outcome"));

        deliverAt(t.plus(Duration.ofHours(2)));

        SmsSink.Sms sms = SmsSinkResource.SINK.messages(mobile).stream().filter(s -> id.toString().equals(s.reference()))
                .findFirst().orElseThrow();
        assertEquals("Globex Trading Ltd.: 2 invoices fall due soon, first INV-2026-0042.", sms.text());
        JsonPath sent = message(tenant, id);
        assertEquals("SENT", sent.getString("status"));
        assertEquals(4, sent.getInt("attempts"));
        assertEquals(sms.text(), sent.getString("text").strip());
        GreenMailResource.up();
        assertEquals(0, GreenMailResource.to("li-" + buyer).size(), "no email went out");
        List<JsonNode> events = statuses(id, r -> r.size() >= 3).stream().map(Contracts::assertValid).toList();
        assertEquals(List.of("QUEUED/EMAIL", "QUEUED/SMS", "SENT/SMS"),
                events.stream().map(e -> e.get("status").asText() + "/" + e.get("channel").asText()).toList());
        assertTrue(events.get(1).get("reason").asText().contains("falling back to SMS"));
    }

    /**
     * A buyer's mail server that answers "550 5.1.1 ... User unknown" refuses the email for good (RFC 5321: a 5xx reply
     * is permanent): it was tried again and again as if the server were down (three attempts over the retry schedule,
     * each in the send window), and the SMS went out only after them. Now the refusal is a permanent failure: the
     * message goes on by SMS at once, the reason quoting the server's reply, and the email is not tried again.
     */
    @Test
    void anEmailWhoseRecipientTheMailServerRefusesForGoodGoesOnAsAnSmsAtOnce() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String mobile = mobile();
        String tenant = tenantWithSmsReminder(buyer, "gone-" + buyer + "@globex.example", mobile);
        UUID id = requestedEmail(tenant, buyer);
        Instant t = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        GreenMailResource.down();
        JsonPath queued;
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(GreenMailResource.port())) {
            deliverAt(t);
            queued = message(tenant, id);
            assertEquals(1, refusing.recipientsRefused.stream().filter(r -> r.contains("gone-" + buyer)).count(),
                    "asked once: " + refusing.recipientsRefused);
        }
        GreenMailResource.up();
        assertEquals("QUEUED", queued.getString("status"));
        assertEquals("SMS", queued.getString("channel"), queued.getString("reason"));
        assertTrue(queued.getString("reason").startsWith("EMAIL refused the message for good on attempt 1: "), queued.getString("reason"));
        assertTrue(queued.getString("reason").contains("550 5.1.1"), queued.getString("reason"));
        assertEquals(List.of("FALLBACK"), queued.getList("attemptLog.outcome"));

        deliverAt(t);

        assertEquals(1, SmsSinkResource.SINK.messages(mobile).stream().filter(s -> id.toString().equals(s.reference())).count());
        assertEquals("SENT", message(tenant, id).getString("status"));
    }

    /**
     * The reviewer's case: the email carrying the formal demand to Anna (email only) made and kept its
     * PDF, addressed to her, at its first attempt; SMTP stayed down, it fell back to a letter to Bo
     * (postal address only), and that stale PDF was printed and kept as the proof.
     */
    @Test
    void anEmailCarryingTheLetterThatFallsBackToALetterPrintsTheLetterMadeForItsContact() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = freshTenant();
        Map<String, Object> anna = new HashMap<>(contact("Anna Berg", "anna-" + buyer + "@globex.example", "en"));
        addContact(tenant, buyer, anna);
        Map<String, Object> bo = new HashMap<>(contact("Bo Chen", null, "en"));
        bo.remove("email");
        bo.put("postalAddress", "1 Nanjing Road East, Shanghai");
        addContact(tenant, buyer, bo);
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>(dunningData(buyer));
        data.put("paymentDeadline", "2026-12-20");
        Map<String, Object> body = new HashMap<>(request(id, buyer, "dunning.formal-demand", "EMAIL", true, data));
        body.put("attachLetter", true);
        send(tenant, body);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        Instant t = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        GreenMailResource.down();
        deliverAt(t);
        deliverAt(t.plus(Duration.ofHours(1)));
        deliverAt(t.plus(Duration.ofHours(2)));
        assertEquals("LETTER", message(tenant, id).getString("channel"));

        deliverAt(t.plus(Duration.ofHours(2)));

        JsonPath sent = message(tenant, id);
        assertEquals("SENT", sent.getString("status"));
        byte[] pdf = given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id + "/content").then()
                .statusCode(200).extract().asByteArray();
        String printed = io.tradecredit.notification.Pdfs.read(pdf).text();
        assertTrue(printed.contains("Bo Chen") && !printed.contains("Anna Berg"), printed);
        assertEquals(io.tradecredit.notification.domain.Proof.sha256(pdf), sent.getString("sha256"), "the proof is what was printed");
    }

    @Test
    void anEmailToAContactWithoutAnEmailAddressGoesBySmsFromTheStart() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String mobile = mobile();
        String tenant = tenantWithSmsReminder(buyer, null, mobile);
        UUID id = requestedEmail(tenant, buyer);

        JsonPath queued = message(tenant, id);
        assertEquals("QUEUED", queued.getString("status"));
        assertEquals("SMS", queued.getString("channel"));
        deliverAt(Instant.parse(queued.getString("nextAttemptAt")));

        assertEquals(1, SmsSinkResource.SINK.messages(mobile).stream().filter(s -> id.toString().equals(s.reference())).count());
        assertEquals("SENT", message(tenant, id).getString("status"));
    }

    @Test
    void whenNoChannelIsLeftTheMessageFailsNamingEveryStep() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = freshTenant();
        addContact(tenant, buyer, contact("Li Wei", "li-" + buyer + "@globex.example", "en"));
        UUID id = requestedEmail(tenant, buyer);
        Instant t = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        GreenMailResource.down();
        deliverAt(t);
        deliverAt(t.plus(Duration.ofHours(1)));
        deliverAt(t.plus(Duration.ofHours(2)));

        JsonPath failed = message(tenant, id);
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("reason").endsWith(
                "; then no usable contact on SMS: no contact has an address; LETTER: no contact has an address"),
                failed.getString("reason"));
    }
}
