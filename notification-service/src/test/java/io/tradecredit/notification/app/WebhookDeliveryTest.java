package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.limitChangedToTenant;
import static io.tradecredit.notification.Requests.statuses;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.testing.HttpStandIn;
import io.tradecredit.testing.TestCertificate;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;

/** Requests to the tenant become signed POSTs that a real HTTPS server (a self-signed certificate we trust) receives and verifies. */
@QuarkusTest
class WebhookDeliveryTest {
    static final HttpStandIn RECEIVER = HttpStandIn.https(TestCertificate.trusted());
    static final String SECRET = "whsec_acme_0123456789abcdefghij";

    @Inject
    Deliveries deliveries;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    Deliveries.Run deliverAt(Instant at) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));
    }

    /** A tenant whose endpoint is {@code path} on the receiver. */
    static String tenantWithEndpoint(String path) {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER.url(path), "secret", SECRET)).put("/api/v1/webhook-endpoint")
                .then().statusCode(200).body("secretMasked", equalTo("****ghij"));
        return tenant;
    }

    static UUID requested(String tenant) {
        return limitChangedToTenant(tenant, "WEBHOOK", false, Map.of("buyer", Map.of("name", "Globex 环球"),
                "newLimit", Map.of("amount", "500000.00", "currency", "CNY")));
    }

    static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** What the tenant's receiver does (docs/notification-service.md, "Webhooks"): its own HMAC, compared. */
    static void assertVerifies(HttpStandIn.Received r) throws Exception {
        String[] parts = r.signature().split(",");
        assertTrue(parts[0].startsWith("t=") && parts[1].startsWith("v1="), r.signature());
        String t = parts[0].substring(2);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, parts[1].substring(3));
    }

    @Test
    void aWebhookIsPostedAsSignedJsonWithItsIdAndTheReceiverVerifiesIt() throws Exception, Throwable {
        String tenant = tenantWithEndpoint("/acme/ok");
        UUID id = requested(tenant);
        JsonPath queued = message(tenant, id);
        assertEquals("QUEUED", queued.getString("status"));
        assertEquals(RECEIVER.url("/acme/ok"), queued.getString("address"));

        deliverAt(Instant.parse(queued.getString("nextAttemptAt")));

        List<HttpStandIn.Received> got = RECEIVER.at("/acme/ok");
        assertEquals(1, got.size());
        HttpStandIn.Received r = got.get(0);
        assertVerifies(r);
        assertEquals(id.toString(), r.messageId());
        assertEquals("application/json", r.contentType());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals(id.toString(), body.get("id").asText());
        assertEquals(tenant, body.get("tenantId").asText());
        assertEquals("credit-review", body.get("purpose").asText());
        assertEquals("Globex 环球", body.at("/data/buyer/name").asText());
        JsonPath sent = message(tenant, id);
        assertEquals("SENT", sent.getString("status"));
        assertEquals(r.body(), sent.getString("text"));
        var events = statuses(id, e -> e.size() >= 2);
        assertEquals(List.of("QUEUED", "SENT"),
                events.stream().map(e -> Contracts.assertValid(e).get("status").asText()).toList());
    }

    /**
     * A claimed batch's hand-overs overlap: a receiver answering after 400 ms gets several at once,
     * each message once; the one it fails is retried while the others are recorded SENT.
     */
    @Test
    void aBatchIsHandedOverSeveralAtOnceEachOnceAndAFailedOneRetriedAlone() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/slow");
        try (HttpStandIn slow = HttpStandIn.https(TestCertificate.trusted())) {
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("url", slow.url("/acme/slow"), "secret", SECRET)).put("/api/v1/webhook-endpoint")
                    .then().statusCode(200);
            slow.answerAfter(Duration.ofMillis(400));
            slow.answer("/acme/slow", 500);
            List<UUID> ids = java.util.stream.IntStream.range(0, 6).mapToObj(i -> requested(tenant)).toList();
            Instant due = ids.stream().map(id -> Instant.parse(message(tenant, id).getString("nextAttemptAt")))
                    .max(Instant::compareTo).orElseThrow();

            deliverAt(due);

            assertTrue(slow.mostAtOnce() >= 2, "hand-overs at once: " + slow.mostAtOnce());
            List<HttpStandIn.Received> got = slow.at("/acme/slow");
            assertEquals(6, got.size());
            assertEquals(java.util.Set.copyOf(ids.stream().map(UUID::toString).toList()),
                    java.util.Set.copyOf(got.stream().map(HttpStandIn.Received::messageId).toList()), "each message once");
            Map<String, Long> byStatus = ids.stream().collect(java.util.stream.Collectors.groupingBy(
                    id -> message(tenant, id).getString("status"), java.util.stream.Collectors.counting()));
            assertEquals(Map.of("SENT", 5L, "QUEUED", 1L), byStatus);
        }
    }

    /**
     * A batch slower than its claim (the hand-over timeout, five minutes; five seconds here) was still being posted when
     * another replica's run found its messages claimed longer ago than that: it queued the webhooks again and posted
     * each a second time while the first posts were under way (its emails it would have called UNKNOWN though being
     * sent). Two claimants on the one database: A's twelve posts take 3 s each, 8 at once; B runs 5.5 s after A's first
     * post arrived. A run now starts no hand-over once half its claim has passed: the four A had not started go back to
     * the queue and B posts them; every webhook is posted once and recorded SENT.
     */
    @Test
    void aBatchNeverOutlastsItsClaimSoASecondClaimantPostsNothingTwice() throws Throwable {
        String tenant = freshTenant();
        try (HttpStandIn slow = HttpStandIn.https(TestCertificate.trusted())) {
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("url", slow.url("/acme/batch"), "secret", SECRET)).put("/api/v1/webhook-endpoint")
                    .then().statusCode(200);
            slow.answerAfter(Duration.ofSeconds(3));
            List<UUID> ids = java.util.stream.IntStream.range(0, 12).mapToObj(i -> requested(tenant)).toList();
            Instant due = ids.stream().map(id -> Instant.parse(message(tenant, id).getString("nextAttemptAt")))
                    .max(Instant::compareTo).orElseThrow();
            Duration claim = Duration.ofSeconds(5);

            var a = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due, claim));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            // B only once A has claimed its batch and started handing it over (its first post received), 5.5 s after
            // that: a fixed sleep from A's launch let a late A find B had taken everything, the overlap never tested
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> !slow.at("/acme/batch").isEmpty() || a.isDone());
            assertTrue(!slow.at("/acme/batch").isEmpty(), "A ended without posting anything: " + (a.isDone() ? a.join() : null));
            Thread.sleep(5500);
            Deliveries.Run b = VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due.plusMillis(5500), claim));
            Deliveries.Run runA = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
            // what B did not start either (messages other tests left due came first): a later run
            VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due.plusSeconds(60), claim));

            List<HttpStandIn.Received> got = slow.at("/acme/batch");
            Map<String, Long> posts = got.stream().collect(java.util.stream.Collectors.groupingBy(
                    HttpStandIn.Received::messageId, java.util.stream.Collectors.counting()));
            assertEquals(java.util.Set.copyOf(ids.stream().map(UUID::toString).toList()), posts.keySet());
            assertEquals(12, got.size(), "each webhook posted once: " + posts);
            for (UUID id : ids) {
                assertEquals("SENT", message(tenant, id).getString("status"), id.toString());
            }
            assertTrue(runA.sent() >= 1, "A posted part of the batch: " + runA);
            assertTrue(b.sent() >= 1, "B posted what A did not start: " + b);
        }
    }

    /**
     * A batch's hand-overs were all recorded SENT at the run's start: a webhook its receiver accepted 1.5 s into the run
     * (a slow receiver; a batch of letters to a print provider takes minutes) was recorded, logged and published as sent
     * before it was. Each is now recorded at the moment its own hand-over ended.
     */
    @Test
    void eachHandOverIsRecordedSentWhenItEndedNotWhenTheRunStarted() throws Throwable {
        String tenant = freshTenant();
        try (HttpStandIn slow = HttpStandIn.https(TestCertificate.trusted())) {
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("url", slow.url("/acme/late"), "secret", SECRET)).put("/api/v1/webhook-endpoint")
                    .then().statusCode(200);
            slow.answerAfter(Duration.ofMillis(1500));
            UUID id = requested(tenant);
            Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));

            assertEquals(1, deliverAt(due).sent());

            JsonPath m = message(tenant, id);
            assertEquals("SENT", m.getString("status"));
            Instant sentAt = Instant.parse(m.getString("sentAt"));
            assertTrue(!sentAt.isBefore(due.plusMillis(1500)) && sentAt.isBefore(due.plusSeconds(10)),
                    "run at " + due + ", accepted 1.5 s later, recorded sent at " + sentAt);
            assertEquals(sentAt, Instant.parse(m.getString("attemptLog[0].at")));
            var events = statuses(id, e -> e.size() >= 2);
            assertEquals(sentAt, Instant.parse(Contracts.assertValid(events.get(1)).get("at").asText()));
        }
    }

    @Test
    void aServerErrorIsRetriedAndTheSecondPostCarriesTheSameId() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/flaky");
        RECEIVER.answer("/acme/flaky", 500, 200);
        UUID id = requested(tenant);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));

        Deliveries.Run first = deliverAt(due);
        assertEquals(1, first.retried());
        JsonPath waiting = message(tenant, id);
        assertEquals("QUEUED", waiting.getString("status"));
        assertEquals("RETRY", waiting.getString("attemptLog[0].outcome"));
        assertTrue(waiting.getString("attemptLog[0].detail").contains("HTTP 500"), waiting.getString("attemptLog[0].detail"));

        deliverAt(Instant.parse(waiting.getString("nextAttemptAt")));

        List<HttpStandIn.Received> got = RECEIVER.at("/acme/flaky");
        assertEquals(2, got.size());
        assertEquals(id.toString(), got.get(0).messageId());
        assertEquals(id.toString(), got.get(1).messageId());
        assertEquals(got.get(0).body(), got.get(1).body());
        assertEquals("SENT", message(tenant, id).getString("status"));
        assertEquals(2, message(tenant, id).getInt("attempts"));
    }

    /**
     * A tenant whose webhooks failed at a wrong URL corrected it: the messages waiting for their retry still went to the
     * old URL (recorded at intake), signed with the new secret, until their retries were spent an hour later; the new
     * endpoint got none. Now setting the endpoint re-addresses them, and one that was being handed over at that moment
     * (queued again for its retry with the old address) goes to the new endpoint too, its record saying so.
     */
    @Test
    void webhooksWaitingForARetryGoToTheEndpointTheTenantSetSinceSignedWithItsNewSecret() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/typo");
        RECEIVER.answer("/acme/typo", 500, 500);
        UUID waiting = requested(tenant);
        UUID inFlight = requested(tenant);
        Instant due = java.util.stream.Stream.of(waiting, inFlight)
                .map(id -> Instant.parse(message(tenant, id).getString("nextAttemptAt"))).max(Instant::compareTo).orElseThrow();
        assertEquals(2, deliverAt(due).retried());

        String fixedSecret = "whsec_acme_fixed_0123456789abcd";
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER.url("/acme/fixed"), "secret", fixedSecret)).put("/api/v1/webhook-endpoint")
                .then().statusCode(200);
        assertEquals(RECEIVER.url("/acme/fixed"), message(tenant, waiting).getString("address"));
        // what a message being handed over while the endpoint was set leaves: queued for its retry, the old address
        assertEquals(1, Database.execute("update message set address = ? where request_id = ?", RECEIVER.url("/acme/typo"),
                inFlight));

        Instant retry = java.util.stream.Stream.of(waiting, inFlight)
                .map(id -> Instant.parse(message(tenant, id).getString("nextAttemptAt"))).max(Instant::compareTo).orElseThrow();
        assertEquals(2, deliverAt(retry).sent());

        assertEquals(2, RECEIVER.at("/acme/typo").size(), "the first attempts only");
        List<HttpStandIn.Received> got = RECEIVER.at("/acme/fixed");
        assertEquals(java.util.Set.of(waiting.toString(), inFlight.toString()),
                java.util.Set.copyOf(got.stream().map(HttpStandIn.Received::messageId).toList()));
        for (HttpStandIn.Received r : got) {
            String[] parts = r.signature().split(",");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fixedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals(HexFormat.of().formatHex(mac.doFinal((parts[0].substring(2) + "." + r.body())
                    .getBytes(StandardCharsets.UTF_8))), parts[1].substring(3));
        }
        for (UUID id : List.of(waiting, inFlight)) {
            JsonPath m = message(tenant, id);
            assertEquals("SENT", m.getString("status"));
            assertEquals(RECEIVER.url("/acme/fixed"), m.getString("address"));
        }
    }

    @Test
    void aClientErrorFailsAtOnceButTooManyRequestsIsTriedAgain() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/gone");
        RECEIVER.answer("/acme/gone", 429, 404);
        UUID id = requested(tenant);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));

        deliverAt(due);
        JsonPath waiting = message(tenant, id);
        assertEquals("QUEUED", waiting.getString("status"));
        deliverAt(Instant.parse(waiting.getString("nextAttemptAt")));

        JsonPath failed = message(tenant, id);
        assertEquals("FAILED", failed.getString("status"));
        assertEquals(2, failed.getInt("attempts"));
        // a tenant without a sender identity has no email to fall back to (TenantRecipientTest, TenantWebhookTest)
        assertEquals("WEBHOOK refused the message for good on attempt 2: the receiver answered HTTP 404; then no usable"
                + " address: the tenant has set no sender identity to write to", failed.getString("reason"));
        deliverAt(due.plus(Duration.ofHours(3)));
        assertEquals(2, RECEIVER.at("/acme/gone").size());
    }

    @Test
    void aWebhookLeftSendingByACrashIsResentWithTheSameId() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/crash");
        UUID id = requested(tenant);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        // what a run that died after handing the webhook over leaves behind (the receiver had it)
        assertEquals(1, Database.execute("update message set status = 'SENDING', attempts = 1, claimed_at = ?"
                + " where request_id = ?", java.sql.Timestamp.from(due), id));

        Deliveries.Run early = deliverAt(due.plus(Duration.ofMinutes(1)));
        assertEquals(0, RECEIVER.at("/acme/crash").size(), "within the hand-over time the claim is left alone");
        Deliveries.Run run = deliverAt(due.plus(Duration.ofMinutes(6)));

        assertEquals(0, early.sent());
        assertEquals(0, run.unknown());
        List<HttpStandIn.Received> got = RECEIVER.at("/acme/crash");
        assertEquals(1, got.size());
        assertEquals(id.toString(), got.get(0).messageId());
        JsonPath m = message(tenant, id);
        assertEquals("SENT", m.getString("status"));
        assertEquals(2, m.getInt("attempts"));
    }

    /**
     * A receiver down for good: the webhook is posted the channel's limit of times (8), each with the same id and backoff
     * growing, then ends FAILED with the reason; what notification-status says last is what the status query says, and
     * another tenant asking for the message gets 404.
     */
    @Test
    void aWebhookWhoseRetriesAreSpentEndsFailedAsPublishedAndAsQueried() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/down");
        RECEIVER.answer("/acme/down", 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        UUID id = requested(tenant);
        List<Instant> dues = new java.util.ArrayList<>();
        for (int i = 0; i < 12 && "QUEUED".equals(message(tenant, id).getString("status")); i++) {
            Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
            dues.add(due);
            deliverAt(due);
        }
        List<HttpStandIn.Received> got = RECEIVER.at("/acme/down");
        assertEquals(8, got.size());
        assertTrue(got.stream().allMatch(r -> id.toString().equals(r.messageId())));
        assertEquals(8, dues.size());
        for (int attempt = 1; attempt < dues.size(); attempt++) {
            // 30 s doubling, capped at an hour, plus up to half of it; measured from when the attempt ended
            Duration base = Duration.ofSeconds(Math.min(30L << (attempt - 1), 3600));
            Duration delay = Duration.between(dues.get(attempt - 1), dues.get(attempt));
            assertTrue(delay.compareTo(base) >= 0 && delay.compareTo(base.multipliedBy(3).dividedBy(2).plusSeconds(5)) <= 0,
                    "after attempt " + attempt + ": " + delay + ", base " + base);
        }
        JsonPath failed = message(tenant, id);
        assertEquals("FAILED", failed.getString("status"));
        assertEquals(8, failed.getInt("attempts"));
        assertTrue(failed.getString("reason").contains("HTTP 500"), failed.getString("reason"));
        var events = statuses(id, e -> "FAILED".equals(Contracts.assertValid(e.get(e.size() - 1)).get("status").asText()));
        JsonNode last = Contracts.assertValid(events.get(events.size() - 1));
        assertEquals(failed.getString("status"), last.get("status").asText());
        assertEquals(failed.getString("reason"), last.get("reason").asText());
        assertEquals(List.of("QUEUED", "FAILED"), events.stream().map(e -> Contracts.assertValid(e).get("status").asText()).toList(),
                "a retry is no new status: QUEUED once, then FAILED");
        given().auth().oauth2(token(freshTenant(), "viewer")).get("/api/v1/messages/" + id).then().statusCode(404);
        deliverAt(dues.get(dues.size() - 1).plus(Duration.ofHours(3)));
        assertEquals(8, RECEIVER.at("/acme/down").size());
    }

    /** The webhook resent after a crash is signed anew, verifies, and what is published ends as the status query does. */
    @Test
    void aWebhookResentAfterACrashVerifiesAndItsPublishedStatusIsTheQueriedOne() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/crash2");
        UUID id = requested(tenant);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        assertEquals(1, Database.execute("update message set status = 'SENDING', attempts = 1, claimed_at = ?"
                + " where request_id = ?", java.sql.Timestamp.from(due), id));
        deliverAt(due.plus(Duration.ofMinutes(6)));
        List<HttpStandIn.Received> got = RECEIVER.at("/acme/crash2");
        assertEquals(1, got.size());
        assertVerifies(got.get(0));
        JsonPath m = message(tenant, id);
        var events = statuses(id, e -> e.size() >= 2);
        assertEquals(List.of("QUEUED", "SENT"), events.stream().map(e -> Contracts.assertValid(e).get("status").asText()).toList(),
                "the resend is no new status");
        JsonNode last = Contracts.assertValid(events.get(events.size() - 1));
        assertEquals(m.getString("status"), last.get("status").asText());
        assertEquals(m.getInt("attempts"), last.get("attempts").asInt());
    }

    /**
     * A webhook left SENDING by a crash (the receiver may have it) and withdrawn meanwhile was queued again for its
     * resend and then WITHDRAWN by the claim's sweep, published as never sent. Now it is UNKNOWN, as an email would be, and
     * not posted again.
     */
    @Test
    void aWebhookLeftSendingByACrashAndWithdrawnMeanwhileIsUnknownNotWithdrawnAndNotResent() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/crash-withdrawn");
        UUID id = requested(tenant);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));
        assertEquals(1, Database.execute("update message set status = 'SENDING', attempts = 1, claimed_at = ?"
                + " where request_id = ?", java.sql.Timestamp.from(due), id));
        io.tradecredit.notification.Requests.withdraw(tenant, id, "the limit change was undone");
        WithdrawalDeliveryTest.awaitWithdrawalKept(tenant, id);

        deliverAt(due.plus(Duration.ofMinutes(6)));

        assertEquals(0, RECEIVER.at("/acme/crash-withdrawn").size());
        JsonPath m = message(tenant, id);
        assertEquals("UNKNOWN", m.getString("status"));
        assertEquals(Deliveries.UNKNOWN_REASON, m.getString("reason"));
        var events = statuses(id, e -> e.size() >= 2);
        assertEquals(List.of("QUEUED", "UNKNOWN"), events.stream().map(e -> Contracts.assertValid(e).get("status").asText())
                .toList());
        deliverAt(due.plus(Duration.ofHours(2)));
        assertEquals(0, RECEIVER.at("/acme/crash-withdrawn").size());
        assertEquals("UNKNOWN", message(tenant, id).getString("status"));
    }

    /**
     * A webhook withdrawn while its post was under way and the receiver then gave no answer within the timeout (10 s):
     * the receiver may have it, yet it ended WITHDRAWN, published as never sent. Now it is UNKNOWN, saying why, published
     * QUEUED then UNKNOWN, and not posted again.
     */
    @Test
    void aWebhookWithdrawnWhileItsPostGetsNoAnswerIsUnknownNotWithdrawnAndNotResent() throws Throwable {
        String tenant = freshTenant();
        try (HttpStandIn late = HttpStandIn.https(TestCertificate.trusted())) {
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("url", late.url("/acme/late"), "secret", SECRET)).put("/api/v1/webhook-endpoint")
                    .then().statusCode(200);
            late.answerAfter(Duration.ofSeconds(14));
            UUID id = requested(tenant);
            Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));

            var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !late.at("/acme/late").isEmpty()
                    || run.isDone());
            assertEquals(1, late.at("/acme/late").size(), "posted before the withdrawal");
            io.tradecredit.notification.Requests.withdraw(tenant, id, "the limit change was undone");
            WithdrawalDeliveryTest.awaitWithdrawalKept(tenant, id);
            run.get(60, java.util.concurrent.TimeUnit.SECONDS);

            JsonPath m = message(tenant, id);
            assertEquals("UNKNOWN", m.getString("status"));
            assertEquals(io.tradecredit.notification.domain.Withdrawal.MAY_HAVE_BEEN_RECEIVED + "the limit change was undone",
                    m.getString("reason"));
            var events = statuses(id, e -> e.size() >= 2);
            assertEquals(List.of("QUEUED", "UNKNOWN"), events.stream()
                    .map(e -> Contracts.assertValid(e).get("status").asText()).toList());
            late.answerAfter(Duration.ZERO);
            deliverAt(due.plus(Duration.ofHours(2)));
            assertEquals(1, late.at("/acme/late").size(), "not posted again");
            assertEquals("UNKNOWN", message(tenant, id).getString("status"));
        }
    }

    /**
     * The status query showed SENDING while a webhook was being handed over (a slow receiver: up to 10 s), a status the
     * API's documentation and notification-status never name; an integrator polling it met an unknown value. Now it
     * shows QUEUED, as last published, and no schema of the API lists SENDING.
     */
    @Test
    void aWebhookBeingHandedOverIsQueriedQueuedAsPublishedAndTheApiNamesNoSendingStatus() throws Throwable {
        String tenant = tenantWithEndpoint("/acme/being-sent");
        UUID id = requested(tenant);
        // claimed for its hand-over, as the worker's claim leaves it while the post is under way
        assertEquals(1, Database.execute("update message set status = 'SENDING', attempts = 1, claimed_at = now()"
                + " where request_id = ?", id));

        assertEquals("QUEUED", message(tenant, id).getString("status"));
        assertEquals(List.of("QUEUED"), statuses(id, e -> e.size() >= 1).stream()
                .map(e -> Contracts.assertValid(e).get("status").asText()).toList());

        JsonNode spec = new ObjectMapper().readTree(given().auth().oauth2(token(tenant, "viewer")).get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
        List<String> withStatus = new java.util.ArrayList<>();
        spec.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode statusEnum = schema.getValue().path("properties").path("status").path("enum");
            if (statusEnum.isArray() && statusEnum.toString().contains("QUEUED")) {
                withStatus.add(schema.getKey());
                assertTrue(!statusEnum.toString().contains("SENDING"), schema.getKey() + ": " + statusEnum);
            }
        });
        assertTrue(!withStatus.isEmpty(), "the message views name their statuses");
    }

    @Test
    void withoutAnEndpointOrASenderIdentityATenantMessageFailsSayingSo() {
        String tenant = freshTenant();
        UUID id = requested(tenant);
        JsonPath m = message(tenant, id);
        assertEquals("FAILED", m.getString("status"));
        assertEquals("no usable address: the tenant has set no webhook endpoint; the tenant has set no sender identity"
                + " to write to", m.getString("reason"));
    }

    @Test
    void theSecretIsWriteOnlyAndEveryWrongFieldIsNamed() {
        String tenant = tenantWithEndpoint("/acme/api");
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/webhook-endpoint").then().statusCode(200)
                .body("url", equalTo(RECEIVER.url("/acme/api"))).body("secretMasked", equalTo("****ghij"))
                .body(not(containsString(SECRET)));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://erp.acme.example", "secret", "short")).put("/api/v1/webhook-endpoint")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("url", "secret"));
        // a value that cannot be read at all (a list or an object where a string belongs) is named with every other
        // wrong field, not alone (before: only url, and the short secret on the next try)
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"url\": [\"https://erp.acme.example/hooks\"], \"secret\": \"short\"}").put("/api/v1/webhook-endpoint")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request has 2 invalid fields."))
                .body("errors.field", contains("secret", "url"))
                .body("errors.message", contains("must be at least 24 characters", "must be a string, not an array"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"url\": \"ftp://erp.acme.example\", \"secret\": {\"value\": \"x\"}}").put("/api/v1/webhook-endpoint")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("secret", "url"))
                .body("errors.message", contains("must be a string, not an object", "must be an absolute https URL"));
        // a number or a boolean is read as its text (the chassis's reading coerces scalars): refused by the rules, both named
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"url\": 5, \"secret\": true}").put("/api/v1/webhook-endpoint")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("secret", "url"));
        // plain HTTP is refused outside local development (webhook.allow-plain-http, off here)
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://erp.acme.example/hooks", "secret", SECRET)).put("/api/v1/webhook-endpoint")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("url")).body("errors.message", contains("must be an absolute https URL"));
        given().auth().oauth2(token(tenant, "viewer")).contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER.url("/other"), "secret", SECRET)).put("/api/v1/webhook-endpoint")
                .then().statusCode(403);
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/webhook-endpoint").then().statusCode(200)
                .body("url", equalTo(RECEIVER.url("/acme/api")));
        given().auth().oauth2(token(freshTenant(), "viewer")).get("/api/v1/webhook-endpoint").then().statusCode(404);

        given().auth().oauth2(token(tenant, "credit-manager")).delete("/api/v1/webhook-endpoint").then().statusCode(204);
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/webhook-endpoint").then().statusCode(404);
    }
}
