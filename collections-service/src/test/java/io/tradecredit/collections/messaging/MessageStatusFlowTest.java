package io.tradecredit.collections.messaging;

import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.sendUnchecked;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * notification-service's status-changed events through the real {@code notification-status} topic:
 * a dunning message's status in the buyer's case log, a failed one bringing the case up today.
 */
@QuarkusTest
class MessageStatusFlowTest {
    @Inject
    CollectionCases cases;

    @Test
    void aDeliveredDunningMessageIsLoggedOnTheBuyersCaseAndLeavesItsPlanAlone() {
        String tenant = "acme";
        UUID buyer = UUID.randomUUID();
        CaseView c = caseOf(tenant, buyer);
        String request = UUID.randomUUID().toString();
        status(tenant, buyer, request, "dunning", "DELIVERED", "EMAIL", null, 1);

        Activity logged = awaitStatus(tenant, c, request);
        assertEquals("notification-service", logged.actor());
        assertEquals(Map.of("requestId", request, "templateKey", "dunning.reminder-1", "channel", "EMAIL",
                "status", "DELIVERED", "attempts", 1), logged.detail());
        assertEquals(today().plusDays(5), run(() -> cases.find(tenant, c.id())).current().nextActionOn());
    }

    @Test
    void aFailedMessageOfTheRunIsLoggedWithItsReasonAndPutsTheCaseOnTodaysWorklist() {
        String tenant = "acme";
        UUID buyer = UUID.randomUUID();
        CaseView c = caseOf(tenant, buyer);
        String request = UUID.randomUUID().toString();
        // the run sends its purpose in capitals
        status(tenant, buyer, request, "DUNNING", "FAILED", null, "no usable contact", 0);

        Activity logged = awaitStatus(tenant, c, request);
        assertEquals("FAILED", logged.detail().get("status"));
        assertEquals("no usable contact", logged.detail().get("reason"));
        assertEquals(0, logged.detail().get("attempts"));
        assertFalse(logged.detail().containsKey("channel"), "no channel could be chosen");
        assertEquals(io.tradecredit.collections.domain.BusinessCalendar.DEFAULT.nextWorkingDay(today()), run(() -> cases.find(tenant, c.id())).current().nextActionOn());
    }

    /**
     * A tenant that does not work today nor tomorrow (a two-day holiday): a failed message puts the case on its collectors' worklist on the next working day. Until session 31 it was today, a day
     * nobody works, while a case opened or given back that day is planned on the next working day.
     */
    @Test
    void aFailedMessageOnADayTheTenantDoesNotWorkComesUpOnItsNextWorkingDay() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        java.time.LocalDate back = ReadModelEvents.offTodayAndTomorrow(tenant);
        UUID buyer = UUID.randomUUID();
        CaseView c = caseOf(tenant, buyer);
        String request = UUID.randomUUID().toString();
        status(tenant, buyer, request, "DUNNING", "FAILED", null, "no usable contact", 0);
        awaitStatus(tenant, c, request);
        java.time.LocalDate expected = back;
        await("planned", () -> expected.equals(run(() -> cases.find(tenant, c.id())).current().nextActionOn()));
        assertEquals(back, run(() -> cases.find(tenant, c.id())).current().nextActionOn());
    }

    @Test
    void anUnknownStatusAlsoComesUpToday() {
        String tenant = "acme";
        UUID buyer = UUID.randomUUID();
        CaseView c = caseOf(tenant, buyer);
        String request = UUID.randomUUID().toString();
        status(tenant, buyer, request, "dunning", "UNKNOWN", "SMS", "stopped while handing over", 1);
        awaitStatus(tenant, c, request);
        assertEquals(io.tradecredit.collections.domain.BusinessCalendar.DEFAULT.nextWorkingDay(today()), run(() -> cases.find(tenant, c.id())).current().nextActionOn());
    }

    @Test
    void aWithdrawnMessageIsLoggedWithItsReasonAndNeedsNoCollector() {
        String tenant = "acme";
        UUID buyer = UUID.randomUUID();
        CaseView c = caseOf(tenant, buyer);
        String request = UUID.randomUUID().toString();
        status(tenant, buyer, request, "dunning", "WITHDRAWN", "EMAIL", "nothing collectible left: INV-7 paid", 0);

        Activity logged = awaitStatus(tenant, c, request);
        assertEquals("WITHDRAWN", logged.detail().get("status"));
        assertEquals("nothing collectible left: INV-7 paid", logged.detail().get("reason"));
        assertEquals(today().plusDays(5), run(() -> cases.find(tenant, c.id())).current().nextActionOn());
    }

    @Test
    void messagesOfOtherPurposesOrToTheTenantAreNotTheCasesBusiness() {
        String tenant = "acme";
        UUID buyer = UUID.randomUUID();
        CaseView c = caseOf(tenant, buyer);
        status(tenant, buyer, UUID.randomUUID().toString(), "invoice-issued", "FAILED", "EMAIL", "bounced", 3);
        Map<String, Object> toTenant = body(buyer, UUID.randomUUID().toString(), "dunning", "FAILED", "EMAIL",
                "bounced", 3);
        toTenant.put("recipient", Map.of("kind", "TENANT"));
        Topics.sendEvent("notification-status", tenant, "notification", "status-changed",
                (String) toTenant.get("requestId"), UUID.randomUUID().toString(), toTenant);
        String last = UUID.randomUUID().toString();
        status(tenant, buyer, last, "dunning", "SENT", "EMAIL", null, 1);

        awaitStatus(tenant, c, last);
        assertEquals(1, run(() -> cases.activities(tenant, c.id())).stream()
                .filter(a -> a.kind().equals("message-status")).count(), "only the buyer's dunning message");
        assertEquals(today().plusDays(5), run(() -> cases.find(tenant, c.id())).current().nextActionOn());
    }

    @Test
    void anUnreadableStatusGoesToTheDeadLetterTopic() {
        String tenant = "acme";
        UUID buyer = UUID.randomUUID();
        String bad = UUID.randomUUID().toString();
        Map<String, Object> body = body(buyer, bad, "dunning", "BOUNCED", "EMAIL", null, 1);
        sendUnchecked("notification-status", tenant, bad, "io.tradecredit.notification.status-changed.v1", bad,
                ReadModelEvents.json(body));
        List<ConsumerRecord<String, String>> dead = Topics.read("notification-status.dlq.collections-service",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> bad.equals(r.key())));
        ConsumerRecord<String, String> parked = dead.stream().filter(r -> bad.equals(r.key())).findFirst()
                .orElseThrow();
        assertTrue(Topics.header(parked, "dead-letter-reason").contains("status"), "the DLQ says which field");
    }

    @Test
    void aRunsBurstOfStatusesIsLoggedOnceEachOnTheBuyersCases() {
        String tenant = "acme";
        List<CaseView> opened = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID buyer = UUID.randomUUID();
            opened.add(caseOf(tenant, buyer));
            String request = UUID.randomUUID().toString();
            requests.add(request);
            eventIds.add(UUID.randomUUID().toString());
            burst.add(Topics.event("notification-status", tenant, "notification", "status-changed", request,
                    eventIds.get(i), body(buyer, request, "DUNNING", "DELIVERED", "EMAIL", null, 1)));
        }
        // every status of the run's messages at once, the first one again at the end: read a poll at a time
        List<ProducerRecord<String, String>> sent = new ArrayList<>(burst);
        sent.add(burst.get(0));
        Topics.sendAll(sent);

        for (int i = 0; i < opened.size(); i++) {
            awaitStatus(tenant, opened.get(i), requests.get(i));
        }
        CaseView first = opened.get(0);
        assertEquals(1, run(() -> cases.activities(tenant, first.id())).stream()
                .filter(a -> a.kind().equals("message-status")).count(), "a redelivered status is logged once");
        assertEquals(40, Database.count("select count(*) from inbox where consumer = 'collections-service'"
                + " and event_id = any(?)", (Object) eventIds.toArray(String[]::new)), "each status claimed once");
    }

    @Test
    void eachMessagesStatusesArrivingInOnePollAreLoggedInTheOrderTheyHappened() {
        String tenant = "acme";
        UUID buyer = UUID.randomUUID();
        CaseView c = caseOf(tenant, buyer);
        List<String> requests = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        List<String> happened = List.of("QUEUED", "SENT", "DELIVERED");
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (String status : happened) {
            for (String request : requests) {
                burst.add(Topics.event("notification-status", tenant, "notification", "status-changed", request,
                        UUID.randomUUID().toString(), body(buyer, request, "DUNNING", status, "EMAIL", null, 1)));
            }
        }
        Topics.sendAll(burst);

        // a message's statuses share its key and so their order on the topic; the log keeps it
        await("nine statuses logged", () -> statusesLogged(tenant, c).size() == burst.size());
        for (String request : requests) {
            assertEquals(happened, statusesLogged(tenant, c).stream().filter(s -> s.startsWith(request))
                    .map(s -> s.substring(request.length() + 1)).toList(), "the case log reads as " + request + " went");
        }
    }

    private List<String> statusesLogged(String tenant, CaseView c) {
        return run(() -> cases.activities(tenant, c.id())).stream().filter(a -> a.kind().equals("message-status"))
                .map(a -> a.detail().get("requestId") + " " + a.detail().get("status")).toList();
    }

    @Test
    void aPollOfStatusesForBuyersWithAndWithoutACaseLogsOnlyOnOpenCasesOfTheRightTenant() {
        String tenant = "acme";
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        List<CaseView> withCase = new ArrayList<>();
        List<String> logged = new ArrayList<>();
        List<UUID> withoutCase = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID buyer = UUID.randomUUID();
            withCase.add(caseOf(tenant, buyer));
            logged.add(UUID.randomUUID().toString());
            burst.add(Topics.event("notification-status", tenant, "notification", "status-changed", logged.get(i),
                    UUID.randomUUID().toString(), body(buyer, logged.get(i), "DUNNING", "SENT", "EMAIL", null, 1)));
            // most of a run's buyers have no case: their statuses leave nothing
            UUID noCase = UUID.randomUUID();
            withoutCase.add(noCase);
            String request = UUID.randomUUID().toString();
            burst.add(Topics.event("notification-status", tenant, "notification", "status-changed", request,
                    UUID.randomUUID().toString(), body(noCase, request, "DUNNING", "SENT", "EMAIL", null, 1)));
        }
        // the same buyer id at another tenant is another buyer: nothing on acme's case
        CaseView shared = withCase.get(1);
        String otherTenants = UUID.randomUUID().toString();
        burst.add(Topics.event("notification-status", "globex", "notification", "status-changed", otherTenants,
                UUID.randomUUID().toString(), body(shared.current().buyerId(), otherTenants, "DUNNING", "FAILED", null,
                        "no usable contact", 0)));
        // a failed one in the middle of the poll brings its case up today
        CaseView failing = withCase.get(2);
        String failed = UUID.randomUUID().toString();
        burst.add(Topics.event("notification-status", tenant, "notification", "status-changed", failed,
                UUID.randomUUID().toString(), body(failing.current().buyerId(), failed, "DUNNING", "FAILED", null,
                        "no usable contact", 0)));
        burst.add(burst.get(0));
        Topics.sendAll(burst);

        for (int i = 0; i < withCase.size(); i++) {
            awaitStatus(tenant, withCase.get(i), logged.get(i));
        }
        awaitStatus(tenant, failing, failed);
        assertEquals(1, run(() -> cases.activities(tenant, withCase.get(0).id())).stream()
                .filter(a -> a.kind().equals("message-status")).count(), "the repeated status is logged once");
        assertEquals(io.tradecredit.collections.domain.BusinessCalendar.DEFAULT.nextWorkingDay(today()), run(() -> cases.find(tenant, failing.id())).current().nextActionOn());
        assertEquals(today().plusDays(5), run(() -> cases.find(tenant, withCase.get(3).id())).current().nextActionOn(),
                "a sent message leaves the plan alone");
        assertEquals(today().plusDays(5), run(() -> cases.find(tenant, shared.id())).current().nextActionOn(),
                "another tenant's failed message does not move acme's case");
        assertTrue(run(() -> cases.activities(tenant, shared.id())).stream()
                .noneMatch(a -> otherTenants.equals(a.detail().get("requestId"))), "nor is it in acme's log");
        assertEquals(0, Database.count("select count(*) from collection_case where buyer_id::text = any(?)",
                (Object) withoutCase.stream().map(UUID::toString).toArray(String[]::new)), "a status opens no case");
    }

    private CaseView caseOf(String tenant, UUID buyer) {
        CaseView c = run(() -> cases.openFor(tenant, buyer, today(), "dunning-run"));
        return run(() -> cases.planNextAction(tenant, c.id(), today().plusDays(5), "lena"));
    }

    private Activity awaitStatus(String tenant, CaseView c, String request) {
        await("status of " + request, () -> logged(tenant, c, request) != null);
        return logged(tenant, c, request);
    }

    private Activity logged(String tenant, CaseView c, String request) {
        return run(() -> cases.activities(tenant, c.id())).stream()
                .filter(a -> a.kind().equals("message-status") && request.equals(a.detail().get("requestId")))
                .findFirst().orElse(null);
    }

    private static void status(String tenant, UUID buyer, String request, String purpose, String status,
            String channel, String reason, int attempts) {
        Topics.sendEvent("notification-status", tenant, "notification", "status-changed", request,
                UUID.randomUUID().toString(), body(buyer, request, purpose, status, channel, reason, attempts));
    }

    private static Map<String, Object> body(UUID buyer, String request, String purpose, String status,
            String channel, String reason, int attempts) {
        Map<String, Object> m = new HashMap<>();
        m.put("requestId", request);
        m.put("purpose", purpose);
        m.put("templateKey", "dunning.reminder-1");
        m.put("recipient", Map.of("kind", "BUYER", "buyerId", buyer.toString()));
        m.put("status", status);
        if (channel != null) {
            m.put("channel", channel);
        }
        if (reason != null) {
            m.put("reason", reason);
        }
        m.put("attempts", attempts);
        m.put("at", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return m;
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
