package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.notification.Requests;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.HttpStandIn;

/**
 * An SMS provider, a print-and-mail provider and a tenant's webhook receiver in trouble: one
 * {@link HttpStandIn} answering 503, or slower than the channels' timeouts (half a second here).
 * DOMAIN §5: messages to people go out in their send window, and a message is never sent twice;
 * after an unclear hand-over an SMS or letter is UNKNOWN, a webhook is resent with the same id.
 */
@QuarkusTest
@TestProfile(ProviderTroubleTest.Trouble.class)
class ProviderTroubleTest {
    static final HttpStandIn PROVIDER = new HttpStandIn();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static class Trouble implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradecredit.notification.sms.url", PROVIDER.url("/sms"),
                    "tradecredit.notification.sms.timeout", "PT0.5S",
                    "tradecredit.notification.letter.print-url", PROVIDER.url("/letters"),
                    "tradecredit.notification.letter.print-timeout", "PT0.5S",
                    "tradecredit.notification.webhook.timeout", "PT0.5S",
                    "tradecredit.notification.webhook.allow-plain-http", "true");
        }
    }

    @Inject
    Deliveries deliveries;

    Deliveries.Run deliverAt(Instant at) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));
    }

    static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** A request to a new buyer's contact (mobile and postal address, Shanghai's time zone) on {@code channel}. */
    static UUID requested(String tenant, String templateKey, String channel, boolean critical) {
        UUID buyer = UUID.randomUUID();
        Map<String, Object> c = new java.util.HashMap<>(contact("Li Wei", "li-" + buyer + "@globex.example", "en"));
        c.put("mobile", "+86 138 " + (1000 + (int) (Math.random() * 8999)) + " " + (1000 + (int) (Math.random() * 8999)));
        c.put("postalAddress", "1 Nanjing Road East, Shanghai");
        addContact(tenant, buyer, c);
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, templateKey, channel, critical, dunningData(buyer)));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        return id;
    }

    static List<HttpStandIn.Received> posted(String path, UUID id) {
        return PROVIDER.at(path).stream().filter(r -> r.body().contains(id.toString())).toList();
    }

    static Instant nextAttemptAt(String tenant, UUID id) {
        return Instant.parse(message(tenant, id).getString("nextAttemptAt"));
    }

    /** Reviewer's case: an SMS at the end of the day, the provider answering 503; the retry fell after 18:00. */
    @Test
    void anSmsRetryDueAfterTheWindowClosedWaitsUntilItOpensAgain() throws Throwable {
        PROVIDER.answerAfter(Duration.ZERO);
        String tenant = freshTenant();
        UUID id = requested(tenant, "dunning.reminder", "SMS", false);
        // a week after its first opening: the same weekday, a working day of the default window
        LocalDate day = nextAttemptAt(tenant, id).atZone(SHANGHAI).toLocalDate().plusDays(7);
        Instant lateAfternoon = day.atTime(17, 59, 40).atZone(SHANGHAI).toInstant();
        PROVIDER.answer("/sms", 503);

        // (a run hands over every message due, of any tenant: this one is retried)
        assertTrue(deliverAt(lateAfternoon).retried() >= 1);

        LocalDate nextWorkingDay = day.plusDays(1);
        while (nextWorkingDay.getDayOfWeek() == DayOfWeek.SATURDAY || nextWorkingDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            nextWorkingDay = nextWorkingDay.plusDays(1);
        }
        JsonPath m = message(tenant, id);
        assertEquals("QUEUED", m.getString("status"));
        // 30 s and its jitter after 17:59:40 is past 18:00: the retry waits for 09:00 of the next working day
        assertEquals(nextWorkingDay.atTime(9, 0).atZone(SHANGHAI).toInstant(), Instant.parse(m.getString("nextAttemptAt")));
        deliverAt(lateAfternoon.plus(Duration.ofMinutes(5)));
        assertEquals(1, posted("/sms", id).size(), "nothing after the window closed");

        deliverAt(nextWorkingDay.atTime(9, 0).atZone(SHANGHAI).toInstant());
        assertEquals(2, posted("/sms", id).size());
        assertEquals("SENT", message(tenant, id).getString("status"));
    }

    /** Runs {@code test} while the stand-in answers after 2 s, past every channel's timeout here; then it answers at once again. */
    static void whileTheProviderAnswersTooLate(Executable test) throws Throwable {
        PROVIDER.answerAfter(Duration.ofSeconds(2));
        try {
            test.execute();
        } finally {
            PROVIDER.answerAfter(Duration.ZERO);
        }
    }

    /**
     * A new tenant's critical request on {@code channel}, handed over to the stand-in answering too late (an
     * UNKNOWN counted by the run), and the delivery run of two hours later; its tenant and id.
     */
    record HandedOver(String tenant, UUID id) {
    }

    HandedOver handedOverToTheLateProvider(String templateKey, String channel) throws Throwable {
        String tenant = freshTenant();
        UUID id = requested(tenant, templateKey, channel, true);
        Instant due = nextAttemptAt(tenant, id);
        assertTrue(deliverAt(due).unknown() >= 1);
        deliverAt(due.plus(Duration.ofHours(2)));
        return new HandedOver(tenant, id);
    }

    @Test
    void anSmsWhoseProviderAnswersTooLateIsUnknownPublishedAndNeverSentAgain() throws Throwable {
        whileTheProviderAnswersTooLate(() -> {
            HandedOver sms = handedOverToTheLateProvider("dunning.reminder", "SMS");

            assertEquals(1, posted("/sms", sms.id()).size(), "handed over once");
            JsonPath m = message(sms.tenant(), sms.id());
            assertEquals("UNKNOWN", m.getString("status"));
            assertTrue(m.getString("reason").startsWith("SMS hand-over unclear: no answer within the timeout"), m.getString("reason"));
            assertTrue(m.getString("reason").endsWith("so it is not sent again"), m.getString("reason"));
            var events = Requests.statuses(sms.id(), all -> all.stream().anyMatch(r -> r.value().contains("\"UNKNOWN\"")));
            assertTrue(events.stream().anyMatch(r -> r.value().contains("\"UNKNOWN\"")), events.toString());
        });
    }

    /**
     * An SMS dated the day it goes out (its deadline moved by the days it waited) whose provider answered too late:
     * the buyer may have the text handed over, but its record (and what a tenant shows as the message) kept the text
     * as at intake, the intake's date and deadline. Now an UNKNOWN message's record is the text attempted.
     */
    @Test
    void anSmsWhoseProviderAnswersTooLateKeepsInItsRecordTheTextHandedOverNotTheIntakes() throws Throwable {
        whileTheProviderAnswersTooLate(() -> {
            String tenant = freshTenant();
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("templateKey", "dunning.reminder", "channel", "SMS", "language", "en",
                            "body", "{buyer.name}: please pay by {paymentDeadline} (as of {letterDate})."))
                    .post("/api/v1/templates").then().statusCode(201);
            UUID buyer = UUID.randomUUID();
            Map<String, Object> c = new java.util.HashMap<>(contact("Li Wei", "li-" + buyer + "@globex.example", "en"));
            c.put("mobile", "+86 139 " + (1000 + (int) (Math.random() * 8999)) + " " + (1000 + (int) (Math.random() * 8999)));
            addContact(tenant, buyer, c);
            LocalDate intake = LocalDate.now(SHANGHAI);
            Map<String, Object> data = dunningData(buyer);
            data.put("paymentDeadline", intake.plusDays(7).toString());
            UUID id = UUID.randomUUID();
            send(tenant, request(id, buyer, "dunning.reminder", "SMS", false, data));
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);

            LocalDate sentOn = intake.plusDays(3);
            while (sentOn.getDayOfWeek() == DayOfWeek.SATURDAY || sentOn.getDayOfWeek() == DayOfWeek.SUNDAY) {
                sentOn = sentOn.plusDays(1);
            }
            assertTrue(deliverAt(sentOn.atTime(10, 0).atZone(SHANGHAI).toInstant()).unknown() >= 1);

            LocalDate moved = intake.plusDays(7).plusDays(java.time.temporal.ChronoUnit.DAYS.between(intake, sentOn));
            while (moved.getDayOfWeek() == DayOfWeek.SATURDAY || moved.getDayOfWeek() == DayOfWeek.SUNDAY) {
                moved = moved.plusDays(1);
            }
            String attempted = "Globex Trading Ltd.: please pay by " + moved + " (as of " + sentOn + ").";
            List<HttpStandIn.Received> got = posted("/sms", id);
            assertEquals(1, got.size());
            assertTrue(got.get(0).body().contains(attempted), got.get(0).body());
            JsonPath m = message(tenant, id);
            assertEquals("UNKNOWN", m.getString("status"));
            assertEquals(attempted, m.getString("text").strip(), "what the provider may have, not the intake's "
                    + intake + " and " + intake.plusDays(7));
        });
    }

    @Test
    void aLetterWhosePrintProviderAnswersTooLateIsUnknownAndNeverPrintedAgain() throws Throwable {
        whileTheProviderAnswersTooLate(() -> {
            HandedOver letter = handedOverToTheLateProvider("dunning.payment-request", "LETTER");

            assertEquals(1, PROVIDER.at("/letters").stream().filter(r -> letter.id().toString().equals(r.messageId())).count());
            assertEquals("UNKNOWN", message(letter.tenant(), letter.id()).getString("status"));
        });
    }

    @Test
    void aWebhookWhoseReceiverAnswersTooLateIsResentWithTheSameId() throws Throwable {
        whileTheProviderAnswersTooLate(() -> {
            String tenant = freshTenant();
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("url", PROVIDER.url("/hooks/" + tenant), "secret", "whsec_trouble_0123456789abcdef"))
                    .put("/api/v1/webhook-endpoint").then().statusCode(200);
            UUID id = Requests.limitChangedToTenant(tenant, "WEBHOOK", false, Map.of("buyer", Map.of("name", "Globex"),
                    "newLimit", Map.of("amount", "500000.00", "currency", "CNY")));
            Instant due = nextAttemptAt(tenant, id);

            assertTrue(deliverAt(due).retried() >= 1);
            assertEquals("QUEUED", message(tenant, id).getString("status"));
            deliverAt(due.plus(Duration.ofHours(1)));

            List<HttpStandIn.Received> got = PROVIDER.at("/hooks/" + tenant);
            assertEquals(2, got.size());
            assertEquals(List.of(id.toString(), id.toString()), got.stream().map(HttpStandIn.Received::messageId).toList());
            PROVIDER.answerAfter(Duration.ZERO);
            deliverAt(due.plus(Duration.ofHours(2)));
            assertEquals("SENT", message(tenant, id).getString("status"));
        });
    }

    /**
     * A webhook whose post got no answer in time waits for its resend (same id); withdrawn meanwhile it ended WITHDRAWN,
     * published as never sent, though the receiver may have the first post. Now it is UNKNOWN, saying why, and not resent.
     */
    @Test
    void aWebhookWaitingForItsResendAfterAnUnclearPostIsUnknownWhenWithdrawnNotWithdrawn() throws Throwable {
        String tenant = freshTenant();
        whileTheProviderAnswersTooLate(() -> {
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("url", PROVIDER.url("/hooks/" + tenant), "secret", "whsec_trouble_0123456789abcdef"))
                    .put("/api/v1/webhook-endpoint").then().statusCode(200);
            UUID id = Requests.limitChangedToTenant(tenant, "WEBHOOK", false, Map.of("buyer", Map.of("name", "Globex"),
                    "newLimit", Map.of("amount", "500000.00", "currency", "CNY")));
            Instant due = nextAttemptAt(tenant, id);
            assertTrue(deliverAt(due).retried() >= 1);
            assertEquals("QUEUED", message(tenant, id).getString("status"));

            Requests.withdraw(tenant, id, "the limit change was undone");
            WithdrawalDeliveryTest.awaitStatus(tenant, id, "UNKNOWN");
            PROVIDER.answerAfter(Duration.ZERO);
            deliverAt(due.plus(Duration.ofHours(1)));

            assertEquals(1, PROVIDER.at("/hooks/" + tenant).size());
            JsonPath m = message(tenant, id);
            assertEquals("UNKNOWN", m.getString("status"));
            assertEquals(io.tradecredit.notification.domain.Withdrawal.MAY_HAVE_BEEN_RECEIVED + "the limit change was undone",
                    m.getString("reason"));
            assertEquals(List.of("QUEUED", "UNKNOWN"), Requests.statuses(id, e -> e.size() >= 2).stream()
                    .map(e -> io.tradecredit.testing.Contracts.assertValid(e).get("status").asText()).toList());
        });
    }
}
