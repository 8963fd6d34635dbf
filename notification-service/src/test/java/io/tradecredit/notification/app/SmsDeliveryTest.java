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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;


import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.tradecredit.devstack.SmsSink;
import io.tradecredit.notification.Requests;
import io.tradecredit.notification.SmsSinkResource;
import io.tradecredit.notification.domain.SmsLength;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.HttpStandIn;
import io.tradecredit.testing.TestCertificate;

/** Requests on SMS become POSTs to a provider's HTTP API: devstack's SMS sink, recording what it received. */
@QuarkusTest
@QuarkusTestResource(SmsSinkResource.class)
class SmsDeliveryTest {
    @Inject
    Deliveries deliveries;

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/sms/delivery-reports")
    java.net.URL reports;

    static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** A buyer's contact with {@code mobile} (null: email only), and an SMS reminder requested for it. */
    static UUID requested(String tenant, UUID buyer, String mobile) {
        Map<String, Object> c = new java.util.HashMap<>(contact("Li Wei", "li-" + buyer + "@globex.example", "en"));
        if (mobile != null) {
            c.put("mobile", mobile);
        }
        return requested(tenant, buyer, c, dunningData(buyer));
    }

    /** The buyer's contact {@code c}, and an SMS reminder with {@code data} requested for it. */
    static UUID requested(String tenant, UUID buyer, Map<String, Object> c, Map<String, Object> data) {
        addContact(tenant, buyer, c);
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.reminder", "SMS", true, data));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        return id;
    }

    @Test
    void anSmsIsPostedToTheProviderWithTheMobileTheTextAndTheCredentials() throws Throwable {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String mobile = "+86 138 " + (1000 + (int) (Math.random() * 8999)) + " " + (1000 + (int) (Math.random() * 8999));
        UUID id = requested(tenant, buyer, mobile);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));

        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due));

        SmsSink.Sms sms = SmsSinkResource.SINK.messages(mobile).stream().filter(x -> id.toString().equals(x.reference()))
                .findFirst().orElseThrow();
        assertEquals(mobile, sms.to());
        assertEquals("Tradecredit", sms.from());
        JsonPath m = message(tenant, id);
        assertEquals(m.getString("text").strip(), sms.text());
        assertTrue(sms.text().contains("Please arrange payment"), sms.text());
        // the sink's list over HTTP, as an operator of ./platform reads it
        given().baseUri("http://127.0.0.1:" + SmsSinkResource.SINK.port()).queryParam("to", mobile).get("/messages")
                .then().statusCode(200).body("reference", org.hamcrest.Matchers.contains(id.toString()),
                        "text[0]", org.hamcrest.Matchers.equalTo(sms.text()));
        assertEquals("SENT", m.getString("status"));
        assertEquals(mobile, m.getString("address"));
    }

    /** A buyer's reminder of 12 invoices of 1,000.00 CNY each, INV-2026-0101 to INV-2026-0112, requested on SMS. */
    static UUID twelveInvoicesRequested(String tenant, String mobile, String language, boolean emailToo) {
        UUID buyer = UUID.randomUUID();
        Map<String, Object> c = new java.util.HashMap<>(contact("Li Wei", emailToo ? "li-" + buyer + "@globex.example" : null,
                language));
        c.put("mobile", mobile);
        Map<String, Object> data = new java.util.LinkedHashMap<>(dunningData(buyer));
        List<Map<String, Object>> invoices = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            invoices.add(Requests.invoice("INV-2026-01" + (i < 10 ? "0" : "") + i, "2026-11-20", 13, "1000.00"));
        }
        data.put("invoices", invoices);
        return requested(tenant, buyer, c, data);
    }

    /**
     * A reminder listing a buyer's 12 invoices went to the provider whole: 905 characters in English (6 parts of 153),
     * 636 in Chinese (10 parts of 67), billed as such or refused by the provider. Now, within the tenant's 3 parts, it
     * lists the first 4 (2 in Chinese) and ends "; and 8 more invoices totalling 8000.00 CNY" / "；另有10张发票，合计10000.00 CNY".
     */
    @Test
    void aReminderOfTwelveInvoicesListsWhatFitsInThreePartsAndSaysHowManyMoreInEnglishAndInChinese() throws Throwable {
        String tenant = freshTenant();
        for (String language : List.of("en", "zh-CN")) {
            String mobile = mobile();
            UUID id = twelveInvoicesRequested(tenant, mobile, language, true);
            JsonPath queued = message(tenant, id);
            assertEquals("SMS", queued.getString("channel"), queued.prettify());
            VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(Instant.parse(queued.getString("nextAttemptAt"))));

            String text = SmsSinkResource.SINK.messages(mobile).stream().filter(x -> id.toString().equals(x.reference()))
                    .findFirst().orElseThrow().text();
            assertTrue(SmsLength.parts(text) <= 3, SmsLength.parts(text) + " parts: " + text);
            int listed = (int) java.util.regex.Pattern.compile("INV-2026-01\\d\\d").matcher(text).results().count();
            assertTrue(listed >= 1 && listed < 12, text);
            assertTrue(text.contains("INV-2026-0101") && !text.contains("INV-2026-0112"), text);
            int more = 12 - listed;
            assertTrue(text.endsWith("en".equals(language)
                    ? "; and " + more + " more invoices totalling " + more + "000.00 CNY. Please arrange payment. Thank you."
                    : "；另有" + more + "张发票，合计" + more + "000.00 CNY。请及时安排付款。谢谢！"), text);
            // one more invoice would not have fitted: as many as fit are listed
            assertEquals("en".equals(language) ? 4 : 2, listed, text);
            assertEquals("SENT", message(tenant, id).getString("status"));
        }
    }

    /**
     * A tenant's own SMS template listing every invoice, without {@code invoicesNotListed}, under a limit of 1 part:
     * the SMS cannot be made to fit without leaving invoices out unsaid, so it is not sent; nobody can be reached
     * otherwise, and the message is FAILED, published, with the reason. A limit out of 1 to 10 is refused naming it.
     */
    @Test
    void anSmsThatCannotFitTheTenantsPartsIsNotSentAndFailsSayingWhy() throws Throwable {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("smsMaxParts", 11, "language", "de")).put("/api/v1/notification-settings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("smsMaxParts", "language"));
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/notification-settings").then().body("smsMaxParts",
                org.hamcrest.Matchers.equalTo(3));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("smsMaxParts", 1)).put("/api/v1/notification-settings").then().statusCode(200)
                .body("smsMaxParts", org.hamcrest.Matchers.equalTo(1));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("templateKey", "dunning.reminder", "channel", "SMS", "language", "en", "body",
                        "{buyer.name}: {#for inv in invoices}{inv.invoiceNumber} {inv.collectibleAmount.amount}"
                                + "{#if inv_hasNext}, {/if}{/for}. Please pay."))
                .post("/api/v1/templates").then().statusCode(201);
        String mobile = mobile();

        UUID id = twelveInvoicesRequested(tenant, mobile, "en", false);

        JsonPath m = message(tenant, id);
        assertEquals("FAILED", m.getString("status"));
        assertTrue(m.getString("reason").contains("the SMS would be 3 parts (308 GSM-7 characters, 153 a part), "
                + "more than the tenant's limit of 1 (smsMaxParts); its template dunning.reminder does not print"
                        + " invoicesNotListed, so no invoice is left out"), m.getString("reason"));
        var events = Requests.statuses(id, all -> all.stream().anyMatch(r -> r.value().contains("\"FAILED\"")));
        assertTrue(events.stream().anyMatch(r -> r.value().contains("smsMaxParts")), events.toString());
        assertTrue(SmsSinkResource.SINK.messages(mobile).isEmpty());
    }

    /** An SMS requested, handed to the sink, and the sink told where to report delivery. */
    UUID sentSms(String tenant, String mobile) throws Throwable {
        UUID id = requested(tenant, UUID.randomUUID(), mobile);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due));
        assertEquals("SENT", message(tenant, id).getString("status"));
        SmsSinkResource.SINK.reportTo(reports.toString());
        return id;
    }

    static String mobile() {
        return "+86 139 " + (1000 + (int) (Math.random() * 8999)) + " " + (1000 + (int) (Math.random() * 8999));
    }

    @Test
    void theProvidersDeliveryReportMarksTheSmsDeliveredAndPublishesIt() throws Throwable {
        String tenant = freshTenant();
        UUID id = sentSms(tenant, mobile());

        assertEquals(200, SmsSinkResource.SINK.report(id.toString(), "DELIVERED", null));

        JsonPath m = message(tenant, id);
        assertEquals("DELIVERED", m.getString("status"));
        assertEquals(null, m.getString("reason"));
        var events = Requests.statuses(id, all -> all.stream().anyMatch(r -> r.value().contains("\"DELIVERED\"")));
        assertTrue(events.stream().anyMatch(r -> r.value().contains("\"DELIVERED\"")), events.toString());
        // a repeated report changes nothing and is answered as settled
        assertEquals(200, SmsSinkResource.SINK.report(id.toString(), "FAILED", "late"));
        assertEquals("DELIVERED", message(tenant, id).getString("status"));
    }

    /**
     * On {@code ./platform demo} 54 of 69 SMS stayed SENT though the sink's log showed {@code report DELIVERED of <id>: HTTP
     * 200} for each: the provider reported while the batch was still being handed over (its SMS SENDING, recorded SENT
     * only when the whole batch has been), and the report, matching no SENT SMS, was answered 200 and dropped. Here a
     * slow webhook receiver keeps the batch open while the sink reports the SMS delivered: the report is kept, and the
     * SMS ends DELIVERED when its hand-over is recorded, published after SENT.
     */
    @Test
    void aReportArrivingBeforeItsBatchIsRecordedIsKeptAndTheSmsEndsDeliveredPublishedAfterSent() throws Throwable {
        String tenant = freshTenant();
        String mobile = mobile();
        UUID id;
        try (HttpStandIn slow = HttpStandIn.https(TestCertificate.trusted())) {
            slow.answerAfter(Duration.ofSeconds(3));
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("url", slow.url("/slow"), "secret", "whsec_slow_0123456789abcdefghij"))
                    .put("/api/v1/webhook-endpoint").then().statusCode(200);
            UUID hook = Requests.limitChangedToTenant(tenant, "WEBHOOK", false, Map.of("buyer", Map.of("name", "Globex"),
                    "newLimit", Map.of("amount", "500000.00", "currency", "CNY")));
            id = requested(tenant, UUID.randomUUID(), mobile);
            Instant hookDue = Instant.parse(message(tenant, hook).getString("nextAttemptAt"));
            Instant smsDue = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
            Instant due = hookDue.isAfter(smsDue) ? hookDue : smsDue;
            SmsSinkResource.SINK.reportTo(reports.toString());
            UUID sms = id;
            CompletableFuture<Deliveries.Run> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due));
                } catch (Throwable t) {
                    throw new CompletionException(t);
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> SmsSinkResource.SINK.messages(mobile).stream()
                    .anyMatch(x -> sms.toString().equals(x.reference())));
            // the provider has it; the service has not recorded it yet: its batch waits for the webhook's answer
            assertEquals(1, Database.count("select count(*) from message where request_id = ? and status = 'SENDING'", id));

            assertEquals(200, SmsSinkResource.SINK.report(id.toString(), "DELIVERED", null));

            assertEquals(1, Database.count("select count(*) from message where request_id = ? and status = 'SENDING'", id));
            assertTrue(run.get(30, TimeUnit.SECONDS).sent() >= 2);
        }
        JsonPath m = message(tenant, id);
        assertEquals("DELIVERED", m.getString("status"));
        assertEquals(null, m.getString("reason"));
        var events = Requests.statuses(id, all -> all.stream().anyMatch(r -> r.value().contains("\"DELIVERED\"")));
        assertEquals(List.of("QUEUED", "SENT", "DELIVERED"),
                events.stream().map(e -> Contracts.assertValid(e).get("status").asText()).toList());
        // applied once: nothing kept any more, and a late report changes nothing
        assertEquals(0, Database.count("select count(*) from message_kept_report where request_id = ?", id));
        assertEquals(200, SmsSinkResource.SINK.report(id.toString(), "FAILED", "late"));
        assertEquals("DELIVERED", message(tenant, id).getString("status"));
    }

    /** Was aFailedReportFailsTheSmsWithTheProvidersReason: a contact without email or postal address, no channel left. */
    @Test
    void aFailedReportOfAnSmsWithNoChannelLeftFailsItWithTheProvidersReason() throws Throwable {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String mobile = mobile();
        Map<String, Object> c = new java.util.HashMap<>(contact("Li Wei", null, "en"));
        c.put("mobile", mobile);
        addContact(tenant, buyer, c);
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.reminder", "SMS", true, dunningData(buyer)));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due));
        assertEquals("SENT", message(tenant, id).getString("status"));
        SmsSinkResource.SINK.reportTo(reports.toString());

        assertEquals(200, SmsSinkResource.SINK.report(id.toString(), "FAILED", "absent subscriber"));

        JsonPath m = message(tenant, id);
        assertEquals("FAILED", m.getString("status"));
        assertEquals("the SMS provider reported it undelivered: absent subscriber; then no usable contact on EMAIL: no"
                + " contact has an address; LETTER: no contact has an address", m.getString("reason"));
    }

    /**
     * An SMS that states a deadline and went out days after its intake (its send window, a weekend) said the intake
     * day's deadline; now it says the deadline moved by the days it waited, as a letter made that day does, and the
     * record and its proof are of the text the provider got.
     */
    @Test
    void anSmsSentThreeDaysAfterItsIntakeStatesTheDeadlineMovedWithIt() throws Throwable {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType("application/json")
                .body(Map.of("templateKey", "dunning.reminder", "channel", "SMS", "language", "en",
                        "body", "{buyer.name}: please pay by {paymentDeadline} (as of {letterDate})."))
                .post("/api/v1/templates").then().statusCode(201);
        UUID buyer = UUID.randomUUID();
        String mobile = mobile();
        Map<String, Object> c = new java.util.HashMap<>(contact("Li Wei", "li-" + buyer + "@globex.example", "en"));
        c.put("mobile", mobile);
        addContact(tenant, buyer, c);
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate intake = java.time.LocalDate.now(shanghai);
        Map<String, Object> data = dunningData(buyer);
        data.put("paymentDeadline", intake.plusDays(7).toString());
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.reminder", "SMS", false, data));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);

        java.time.LocalDate sentOn = intake.plusDays(3);
        while (sentOn.getDayOfWeek().getValue() > 5) {
            sentOn = sentOn.plusDays(1);
        }
        Instant at = sentOn.atTime(10, 0).atZone(shanghai).toInstant();
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));

        java.time.LocalDate moved = intake.plusDays(7).plusDays(java.time.temporal.ChronoUnit.DAYS.between(intake, sentOn));
        while (moved.getDayOfWeek().getValue() > 5) {
            moved = moved.plusDays(1);
        }
        SmsSink.Sms sms = SmsSinkResource.SINK.messages(mobile).stream().filter(x -> id.toString().equals(x.reference()))
                .findFirst().orElseThrow();
        assertEquals("Globex Trading Ltd.: please pay by " + moved + " (as of " + sentOn + ").", sms.text());
        JsonPath m = message(tenant, id);
        assertEquals("SENT", m.getString("status"));
        assertEquals(sms.text(), m.getString("text").strip());
        assertEquals(io.tradecredit.notification.domain.Proof.sha256(m.getString("subject") + "\n\n" + m.getString("text")
                + "\n\n" + m.getString("html")), m.getString("sha256"));
    }

    /** DOMAIN §5: a permanent failure falls back to the next channel; a provider's report of one is such a failure. */
    @Test
    void aFailedReportFallsBackToTheNextChannelOfTheOrderAsTheSameMessage() throws Throwable {
        String tenant = freshTenant();
        // the reminder's platform default is an SMS only: this tenant words it for email too
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType("application/json")
                .body(Map.of("templateKey", "dunning.reminder", "channel", "EMAIL", "language", "en",
                        "subject", "Invoices of {buyer.name} fall due", "body", "{invoices.size} invoices fall due."))
                .post("/api/v1/templates").then().statusCode(201);
        UUID id = sentSms(tenant, mobile());

        assertEquals(200, SmsSinkResource.SINK.report(id.toString(), "FAILED", "absent subscriber"));

        JsonPath m = message(tenant, id);
        assertEquals("QUEUED", m.getString("status"));
        assertEquals("EMAIL", m.getString("channel"));
        assertEquals("the SMS provider reported it undelivered: absent subscriber; falling back to EMAIL", m.getString("reason"));
        var events = Requests.statuses(id, all -> all.stream().anyMatch(r -> r.value().contains("\"QUEUED\"")
                && r.value().contains("\"EMAIL\"")));
        assertTrue(events.stream().anyMatch(r -> r.value().contains("\"QUEUED\"") && r.value().contains("\"EMAIL\"")),
                events.toString());
        // a repeated report changes nothing more
        assertEquals(200, SmsSinkResource.SINK.report(id.toString(), "FAILED", "absent subscriber"));
        assertEquals("QUEUED", message(tenant, id).getString("status"));
    }

    @Test
    void aReportOfAnUnknownMessageIs404AndAForgedOne401ChangingNothing() throws Throwable {
        String tenant = freshTenant();
        UUID id = sentSms(tenant, mobile());
        assertEquals(404, SmsSinkResource.SINK.report(UUID.randomUUID().toString(), "DELIVERED", null));

        String body = "{\"reference\":\"" + id + "\",\"status\":\"DELIVERED\"}";
        long t = Instant.now().getEpochSecond();
        given().contentType("application/json").header("Tradecredit-Signature",
                io.tradecredit.common.signatures.TimestampedSignature.header("not-the-secret", Instant.ofEpochSecond(t), body))
                .body(body).post(reports).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(body).post(reports).then().statusCode(401);
        String wrong = "{\"reference\":\"sms-1\",\"status\":\"READ\"}";
        given().contentType("application/json").header("Tradecredit-Signature",
                io.tradecredit.common.signatures.TimestampedSignature.header(SmsSinkResource.REPORT_SECRET, Instant.now(), wrong))
                .body(wrong).post(reports).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("reference", "status"));
        assertEquals("SENT", message(tenant, id).getString("status"));
    }

    @Test
    void theSinkRefusesWrongCredentialsAndABodyWithoutRecipient() {
        String url = SmsSinkResource.SINK.sendUrl();
        given().auth().preemptive().basic(SmsSinkResource.USERNAME, "wrong").contentType("application/json")
                .body("{\"to\":\"+86 138 0000 0000\",\"text\":\"hi\"}").post(url).then().statusCode(401);
        given().contentType("application/json").body("{\"to\":\"+86 138 0000 0000\",\"text\":\"hi\"}").post(url)
                .then().statusCode(401);
        given().auth().preemptive().basic(SmsSinkResource.USERNAME, SmsSinkResource.PASSWORD).contentType("application/json")
                .body("{\"text\":\"hi\"}").post(url).then().statusCode(400);
        assertEquals(0, SmsSinkResource.SINK.messages("+86 138 0000 0000").size());
    }

    @Test
    void aContactWithoutAMobileFailsTheSmsSayingSo() {
        String tenant = freshTenant();
        UUID id = requested(tenant, UUID.randomUUID(), null);
        JsonPath m = message(tenant, id);
        assertEquals("FAILED", m.getString("status"));
        // the fallback finds Li Wei's email, but the SMS reminder has no email template, and no postal address
        assertEquals("no usable contact on SMS: no contact has an address; then no template dunning.reminder for EMAIL in en;"
                + " then no usable contact on LETTER: no contact has an address", m.getString("reason"));
    }
}
