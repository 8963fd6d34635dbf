package io.tradecredit.collections.jobs;

import static io.tradecredit.collections.jobs.RunFixtures.REQUESTS;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.issue;
import static io.tradecredit.collections.jobs.RunFixtures.records;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * A dunning message notification-service may still hold is withdrawn through the real
 * {@code notification-requests} topic when a payment, credit note, dispute or plan leaves nothing
 * collectible in what it concerned; a message still true stays. Each test runs dates of its own year.
 */
@QuarkusTest
class WithdrawalRunTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUESTED = "io.tradecredit.notification.message-requested.v1";
    static final String WITHDRAWAL = "io.tradecredit.notification.withdrawal-requested.v1";

    @Inject
    CollectionCases cases;

    static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream().filter(r -> type.equals(Topics.header(r, "ce_type"))).toList();
    }

    static void awaitInvoice(String tenant, String invoice, String condition) {
        ReadModelEvents.await("invoice " + invoice + " " + condition, () -> Database.count("select count(*) from"
                + " open_invoice where tenant_id = ? and invoice_id = ?::uuid and " + condition, tenant, invoice) == 1);
    }

    static void payInFull(String tenant, String buyer, String invoice, String amount, LocalDate due) {
        ReadModelEvents.invoice(tenant, buyer, "payment-received", ReadModelEvents.payment("payment-received", buyer,
                invoice, amount, "0.00"));
        ReadModelEvents.invoice(tenant, buyer, "paid", ReadModelEvents.paid(buyer, invoice, amount, due));
        awaitInvoice(tenant, invoice, "state = 'PAID'");
    }

    @Test
    void aPaymentInFullWithdrawsTheReminderOnceAndLogsItInTheCase() throws Exception {
        LocalDate due = LocalDate.of(2041, 3, 14);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "3000.00", due);
        runCompleted(due.minusDays(7));
        String request = records(REQUESTS, tenant, 1).get(0).key();
        // the run wrote the request's row itself, with its invoice, in the batch that requested it
        assertEquals(1, Database.count("select count(*) from dunning_request where tenant_id = ? and request_id = ?::uuid"
                + " and buyer_id = ?::uuid and invoice_ids = array[?::uuid] and not about_instalments"
                + " and withdrawn_at is null", tenant, request, buyer, invoice));
        CaseView open = run(() -> cases.openFor(tenant, UUID.fromString(buyer), due, "lena"));

        payInFull(tenant, buyer, invoice, "3000.00", due);
        List<ConsumerRecord<String, String>> sent = records(REQUESTS, tenant, 2);

        List<ConsumerRecord<String, String>> withdrawals = ofType(sent, WITHDRAWAL);
        assertEquals(1, withdrawals.size(), "two ledger events, one withdrawal");
        ConsumerRecord<String, String> w = withdrawals.get(0);
        JsonNode body = Contracts.assertValid(w);
        assertEquals(request, w.key(), "keyed by the request: it follows it on the same partition");
        assertEquals(request, body.get("requestId").asText());
        assertEquals("nothing collectible left: " + ReadModelEvents.number(invoice) + " settled",
                body.get("reason").asText(), "the payment left it at zero open before the paid event");
        assertEquals("collections-service", body.get("requestedBy").asText());
        assertEquals(UUID.nameUUIDFromBytes(("withdrawal/" + tenant + "/" + request).getBytes(StandardCharsets.UTF_8))
                .toString(), Topics.header(w, "ce_id"), "derived: withdrawn once whatever repeats");
        assertEquals(1, Database.count("select count(*) from dunning_request where tenant_id = ? and request_id = ?::uuid"
                + " and withdrawn_at is not null", tenant, request));

        Activity logged = run(() -> cases.activities(tenant, open.id())).stream()
                .filter(a -> a.kind().equals("message-withdrawn")).findFirst().orElseThrow();
        assertEquals(Map.of("requestId", request, "reason", body.get("reason").asText()), logged.detail());
        assertEquals("invoice-service", logged.actor());
    }

    @Test
    void aPartPaymentLeavesTheMessageStanding() {
        LocalDate due = LocalDate.of(2042, 3, 14);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "3000.00", due);
        runCompleted(due.minusDays(7));
        records(REQUESTS, tenant, 1);

        ReadModelEvents.invoice(tenant, buyer, "payment-received", ReadModelEvents.payment("payment-received", buyer,
                invoice, "1000.00", "2000.00"));
        awaitInvoice(tenant, invoice, "open_amount = 2000");

        assertEquals(List.of(REQUESTED), records(REQUESTS, tenant, 0).stream()
                .map(r -> Topics.header(r, "ce_type")).toList(), "2,000.00 still owed: the reminder is still true");
    }

    @Test
    void aMessageOnTwoInvoicesIsWithdrawnOnlyWhenNeitherHasAnythingCollectibleLeft() throws Exception {
        LocalDate due = LocalDate.of(2043, 3, 16); // the reminder's day, due - 7, a Monday
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String paid = issue(tenant, buyer, "3000.00", due);
        String disputed = issue(tenant, buyer, "1200.00", due);
        runCompleted(due.minusDays(7));
        ConsumerRecord<String, String> reminder = records(REQUESTS, tenant, 1).get(0);
        assertEquals(2, JSON.readTree(reminder.value()).at("/data/invoices").size(), "one consolidated reminder");

        payInFull(tenant, buyer, paid, "3000.00", due);
        assertEquals(List.of(REQUESTED), records(REQUESTS, tenant, 0).stream()
                .map(r -> Topics.header(r, "ce_type")).toList(), "1,200.00 still asked for");

        ReadModelEvents.invoice(tenant, buyer, "dispute-opened", ReadModelEvents.disputeOpened(buyer, disputed,
                UUID.randomUUID().toString(), "1200.00", "1200.00", "0.00", due));
        awaitInvoice(tenant, disputed, "collectible_amount = 0");
        List<ConsumerRecord<String, String>> withdrawals = ofType(records(REQUESTS, tenant, 2), WITHDRAWAL);

        assertEquals(1, withdrawals.size());
        JsonNode body = Contracts.assertValid(withdrawals.get(0));
        assertEquals(reminder.key(), body.get("requestId").asText());
        String reason = body.get("reason").asText();
        assertTrue(reason.equals("nothing collectible left: " + ReadModelEvents.number(paid) + " paid, "
                + ReadModelEvents.number(disputed) + " disputed") || reason.equals("nothing collectible left: "
                + ReadModelEvents.number(disputed) + " disputed, " + ReadModelEvents.number(paid) + " paid"), reason);
    }

    @Test
    void anAgreedPaymentPlanWithdrawsTheDemandItReplaces() throws Exception {
        LocalDate due = LocalDate.of(2044, 3, 14);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "3000.00", due);
        runCompleted(due.minusDays(7));
        String request = records(REQUESTS, tenant, 1).get(0).key();

        ReadModelEvents.invoice(tenant, buyer, "payment-plan-agreed", ReadModelEvents.planAgreed(buyer,
                UUID.randomUUID().toString(), invoice, due.plusMonths(1)));
        JsonNode body = Contracts.assertValid(ofType(records(REQUESTS, tenant, 2), WITHDRAWAL).get(0));

        assertEquals(request, body.get("requestId").asText());
        assertEquals("nothing collectible left: " + ReadModelEvents.number(invoice) + " under a payment plan",
                body.get("reason").asText());
    }

    @Test
    void aMessageOlderThanTheWithdrawalWindowIsLeftAlone() {
        LocalDate due = LocalDate.of(2045, 3, 14);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "3000.00", due);
        runCompleted(due.minusDays(7));
        records(REQUESTS, tenant, 1);
        // requested fifteen days ago: long sent, notification-service holds nothing to withdraw
        Database.execute("update dunning_request set requested_at = now() - interval '15 days' where tenant_id = ?", tenant);

        payInFull(tenant, buyer, invoice, "3000.00", due);

        assertEquals(List.of(REQUESTED), records(REQUESTS, tenant, 0).stream()
                .map(r -> Topics.header(r, "ce_type")).toList());
    }

    @Test
    void aWithdrawnMessageIsNotQuotedAsSentByTheNextLetter() throws Exception {
        LocalDate due = LocalDate.of(2046, 3, 14);
        LocalDate later = due.plusDays(21);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String paid = issue(tenant, buyer, "3000.00", due);
        runCompleted(due.minusDays(7));
        records(REQUESTS, tenant, 1);
        // paid before notification-service sent it: the reminder is withdrawn
        payInFull(tenant, buyer, paid, "3000.00", due);
        assertEquals(1, ofType(records(REQUESTS, tenant, 2), WITHDRAWAL).size());

        issue(tenant, buyer, "5000.00", later);
        runCompleted(later.minusDays(7));
        List<ConsumerRecord<String, String>> reminders = ofType(records(REQUESTS, tenant, 3), REQUESTED);
        assertEquals(2, reminders.size());
        // keyed by request id, the two may sit on different partitions: the later one by its run date
        JsonNode next = null;
        for (ConsumerRecord<String, String> r : reminders) {
            JsonNode body = JSON.readTree(r.value());
            next = later.minusDays(7).toString().equals(body.at("/data/runDate").asText()) ? body : next;
        }
        assertTrue(next != null, "the second invoice's reminder");
        assertEquals(0, next.at("/data/priorMessages").size(), "the withdrawn reminder never reached the buyer: "
                + next.at("/data/priorMessages"));
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
