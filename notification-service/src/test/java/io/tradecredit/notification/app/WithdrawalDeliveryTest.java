package io.tradecredit.notification.app;

import static io.tradecredit.notification.Fixtures.settings;
import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static io.tradecredit.notification.Requests.statuses;
import static io.tradecredit.notification.Requests.withdraw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * A requester withdraws a message through the real {@code notification-requests} topic: what was not
 * handed to a channel ends WITHDRAWN on {@code notification-status} and never reaches GreenMail; what
 * was, stays as it is; a withdrawal ahead of its request waits for it.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class WithdrawalDeliveryTest {
    static final String PAID = "nothing collectible left: INV-2026-0042 paid";

    @Inject
    Deliveries deliveries;

    @Inject
    MessageRepository messages;

    @AfterEach
    void smtpUp() {
        GreenMailResource.up();
    }

    Deliveries.Run deliverAt(Instant at) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));
    }

    static JsonPath message(String tenant, UUID id) {
        return EmailDeliveryTest.message(tenant, id);
    }

    static void awaitStatus(String tenant, UUID id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Database.count(
                "select count(*) from message where request_id = ? and tenant_id = ? and status = ?", id, tenant, status) == 1);
    }

    static void awaitWithdrawalKept(String tenant, UUID id) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Database.count(
                "select count(*) from message_withdrawal where request_id = ? and tenant_id = ?", id, tenant) == 1);
    }

    /** A tenant whose send window opens on one day only, two days from now: whatever the time, a message waits. */
    static String tenantWaitingTwoDays(UUID buyer, String to) {
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, "en");
        DayOfWeek only = Instant.now().atZone(ZoneId.of("Asia/Shanghai")).getDayOfWeek().plus(2);
        settings(tenant, Map.of("sendWindow", Map.of("opens", "09:00", "closes", "18:00", "days", List.of(only.name()))));
        return tenant;
    }

    /**
     * The status events of the request written to the outbox: once the change that writes them has committed (the
     * message's status, a withdrawal kept), this is all there will be, whereas the topic read by {@link #published}
     * may stop before a later one is relayed.
     */
    static long outboxed(UUID id) {
        return Database.count("select count(*) from outbox where aggregate_type = 'message' and aggregate_id = ?",
                id.toString());
    }

    static List<String> published(UUID id, int atLeast) {
        return statuses(id, r -> r.size() >= atLeast).stream().map(Contracts::assertValid)
                .map(b -> b.get("status").asText()).toList();
    }

    @Test
    void aMessageWaitingForTheSendWindowIsWithdrawnOnceAndNeverReachesTheBuyer() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "withdrawn-" + buyer + "@globex.example";
        String tenant = tenantWaitingTwoDays(buyer, to);
        UUID id = EmailDeliveryTest.requested(tenant, buyer, false);
        Instant opening = EmailDeliveryTest.dueAt(tenant, id);

        withdraw(tenant, id, PAID);
        withdraw(tenant, id, PAID); // redelivered: the inbox drops it
        awaitStatus(tenant, id, "WITHDRAWN");
        // the first withdrawal made it WITHDRAWN; another tenant's withdrawal of the same id (the same key, so the same
        // partition, read after the repeat) proves the repeat was read too
        String other = io.tradecredit.notification.Fixtures.freshTenant();
        withdraw(other, id, PAID);
        awaitWithdrawalKept(other, id);
        assertEquals(2, outboxed(id), "QUEUED and one WITHDRAWN, nothing for the repeated withdrawal");

        List<ConsumerRecord<String, String>> events = statuses(id, r -> r.size() >= 2);
        assertEquals(List.of("QUEUED", "WITHDRAWN"), events.stream().map(Contracts::assertValid)
                .map(b -> b.get("status").asText()).toList());
        JsonNode withdrawn = Contracts.assertValid(events.get(1));
        assertEquals(PAID, withdrawn.get("reason").asText());
        assertEquals("EMAIL", withdrawn.get("channel").asText());
        assertEquals(0, withdrawn.get("attempts").asInt());

        deliverAt(opening);
        deliverAt(opening.plusSeconds(3600));
        assertEquals(0, GreenMailResource.to(to).size(), "never sent");
        JsonPath m = message(tenant, id);
        assertEquals("WITHDRAWN", m.getString("status"));
        assertEquals(PAID, m.getString("reason"));
        assertEquals(0, m.getInt("attempts"));
        assertEquals(2, statuses(id, r -> true).size(), "one WITHDRAWN event for the repeated withdrawal");
    }

    @Test
    void aMessageBetweenRetriesIsWithdrawnAndNotTriedAgain() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "between-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, "en");
        UUID id = EmailDeliveryTest.requested(tenant, buyer, true);
        Instant t = EmailDeliveryTest.dueAt(tenant, id);
        GreenMailResource.down();
        deliverAt(t);
        assertEquals("QUEUED", message(tenant, id).getString("status"), "waiting for its retry");
        GreenMailResource.up();

        withdraw(tenant, id, PAID);
        awaitStatus(tenant, id, "WITHDRAWN");
        deliverAt(t.plus(Duration.ofHours(1)));

        assertEquals(0, GreenMailResource.to(to).size());
        assertEquals("WITHDRAWN", message(tenant, id).getString("status"));
        assertEquals(1, message(tenant, id).getInt("attempts"), "the one failed attempt, no other");
    }

    @Test
    void aWithdrawalAfterSendingChangesNothing() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "sent-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, "en");
        UUID id = EmailDeliveryTest.requested(tenant, buyer, true);
        deliverAt(EmailDeliveryTest.dueAt(tenant, id));
        assertEquals(1, GreenMailResource.to(to).size());

        withdraw(tenant, id, PAID);
        awaitWithdrawalKept(tenant, id);
        assertEquals(2, outboxed(id), "QUEUED and SENT, nothing for the late withdrawal (kept in its transaction)");

        JsonPath m = message(tenant, id);
        assertEquals("SENT", m.getString("status"));
        assertEquals(null, m.getString("reason"));
        assertEquals(List.of("QUEUED", "SENT"), published(id, 2));
        assertEquals(2, statuses(id, r -> true).size(), "nothing published for the late withdrawal");
    }

    @Test
    void aWithdrawalAheadOfItsRequestEndsTheRequestWithdrawnOnArrival() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "early-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, "en");
        UUID id = UUID.randomUUID();
        withdraw(tenant, id, PAID);
        awaitWithdrawalKept(tenant, id);

        send(tenant, request(id, buyer, "dunning.friendly-reminder", "EMAIL", true, dunningData(buyer)));
        awaitStatus(tenant, id, "WITHDRAWN");
        deliverAt(Instant.now().plus(Duration.ofDays(3)));

        assertEquals(0, GreenMailResource.to(to).size());
        assertEquals(1, outboxed(id), "WITHDRAWN only, never QUEUED");
        assertEquals(List.of("WITHDRAWN"), published(id, 1));
        JsonPath m = message(tenant, id);
        assertEquals(PAID, m.getString("reason"));
        assertEquals("dunning.friendly-reminder", m.getString("templateKey"));
    }

    @Test
    void anotherTenantsWithdrawalLeavesTheMessageAlone() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "mine-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, "en");
        UUID id = EmailDeliveryTest.requested(tenant, buyer, true);
        String other = io.tradecredit.notification.Fixtures.freshTenant();

        withdraw(other, id, PAID);
        awaitWithdrawalKept(other, id);
        deliverAt(EmailDeliveryTest.dueAt(tenant, id));

        assertEquals(1, GreenMailResource.to(to).size());
        assertEquals("SENT", message(tenant, id).getString("status"));
    }

    @Test
    void aWithdrawalKeptWhileItsRequestWasTakenInIsHonouredWhenTheMessageWouldBeClaimed() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "race-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, "en");
        UUID id = EmailDeliveryTest.requested(tenant, buyer, true);
        // as if the withdrawal committed while the request's transaction ran: neither saw the other
        Database.execute("insert into message_withdrawal (tenant_id, request_id, reason, requested_by, received_at)"
                + " values (?, ?, ?, 'collections-service', now())", tenant, id, PAID);

        deliverAt(EmailDeliveryTest.dueAt(tenant, id));

        assertEquals(0, GreenMailResource.to(to).size());
        assertEquals("WITHDRAWN", message(tenant, id).getString("status"));
        assertEquals(2, outboxed(id));
        assertEquals(List.of("QUEUED", "WITHDRAWN"), published(id, 2));
    }

    @Test
    void aMessageWithdrawnWhileBeingHandedOverEndsWithdrawnIfTheHandOverFailsAndDoesNotFallBack() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "handing-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, "en");
        UUID id = EmailDeliveryTest.requested(tenant, buyer, true);
        // claimed for sending, as the worker's claim leaves it
        Database.execute("update message set status = 'SENDING', attempts = 1, channel_attempts = 1, claimed_at = now()"
                + " where request_id = ?", id);
        withdraw(tenant, id, PAID);
        awaitWithdrawalKept(tenant, id);
        assertEquals(1, Database.count("select count(*) from message where request_id = ? and status = 'SENDING'", id),
                "it may be on its way: not touched yet");

        Instant now = Instant.now();
        var claimed = VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> messages.find(tenant, id)))
                .orElseThrow();
        // SMTP refused it for good: without the withdrawal it would go on by letter or SMS
        var outcome = VertxContextSupport.subscribeAndAwait(() -> deliveries.failed(claimed,
                new Channel.Refused("550 mailbox unavailable"), now));

        assertEquals("WITHDRAWN", outcome.name());
        JsonPath m = message(tenant, id);
        assertEquals("WITHDRAWN", m.getString("status"));
        assertEquals("EMAIL", m.getString("channel"));
        assertEquals(PAID, m.getString("reason"));
        assertEquals(2, outboxed(id));
        assertEquals(List.of("QUEUED", "WITHDRAWN"), published(id, 2));
        assertTrue(Topics.header(statuses(id, r -> r.size() >= 2).get(1), "ce_type").endsWith("status-changed.v1"));
    }
}
