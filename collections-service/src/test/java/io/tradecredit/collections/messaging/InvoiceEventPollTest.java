package io.tradecredit.collections.messaging;

import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.headers;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.payment;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * invoice-events read a poll at a time (issue 15): a burst as a busy invoice-service sends it is
 * applied in one transaction per poll, each event once, and an event that cannot be read still goes
 * to the DLQ alone while its neighbours in the poll are applied.
 */
@QuarkusTest
class InvoiceEventPollTest {
    static final String TOPIC = "invoice-events";
    static final String TENANT = "acme";

    @Inject
    CollectionCases cases;

    @Test
    void aBurstOfInvoicesIsAppliedOnceInATransactionPerPoll() {
        String buyer = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String inv = UUID.randomUUID().toString();
            invoices.add(inv);
            burst.add(event("issued", buyer, UUID.randomUUID().toString(),
                    issued(buyer, inv, "100.00", today().plusDays(10))));
        }
        burst.add(burst.get(0)); // redelivered: the same event id again
        Topics.sendAll(burst);

        await("40 invoices", () -> openInvoices(buyer) == 40);
        assertEquals(40, Database.count("select count(*) from inbox where consumer = 'collections-service'"
                + " and event_id = any(?::text[])", ids(burst)));
        // rows written by one transaction share its xmin: fewer transactions than events means a poll each
        long transactions = Database.count("select count(distinct xmin::text) from inbox"
                + " where consumer = 'collections-service' and event_id = any(?::text[])", ids(burst));
        assertTrue(transactions <= 10, "40 events in " + transactions + " transactions");
    }

    @Test
    void aPoisonRecordInABurstGoesAloneToTheDeadLetterTopicAndThePaymentsStillCloseTheCase() {
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        Topics.sendAll(List.of(event("issued", buyer, UUID.randomUUID().toString(),
                issued(buyer, inv, "10000.00", today().minusDays(20)))));
        await("invoice open", () -> openInvoices(buyer) == 1);
        CaseView c = run(() -> cases.openFor(TENANT, UUID.fromString(buyer), today(), "dunning-run"));

        String notJson = "poison-" + UUID.randomUUID();
        String noDueDate = UUID.randomUUID().toString();
        var lacking = issued(buyer, UUID.randomUUID().toString(), "900.00", today());
        lacking.remove("dueDate");
        ProducerRecord<String, String> first = event("payment-received", buyer, UUID.randomUUID().toString(),
                payment("payment-received", buyer, inv, "4000.00", "6000.00"));
        ProducerRecord<String, String> second = event("payment-received", buyer, UUID.randomUUID().toString(),
                payment("payment-received", buyer, inv, "6000.00", "0.00"));
        // the last record on the buyer's key (its partition, here and on the dead-letter topic), unreadable: a
        // poll parks its unreadable records after its failed ones, so once this one is parked, a payment parked
        // with the others would be on the dead-letter topic before it
        String last = "poison-last-" + UUID.randomUUID();
        // not JSON: refused as it is read; no dueDate: refused by the effect, which fails the poll's transaction
        Topics.sendAll(List.of(unchecked(notJson, notJson, "{ not json"), first,
                unchecked(noDueDate, noDueDate, ReadModelEvents.json(lacking)), first, second,
                unchecked(buyer, last, "{ not json either")));

        await("the case closed", () -> run(() -> cases.find(TENANT, c.id())).state() == CaseState.CLOSED);
        assertEquals(CloseReason.PAID, run(() -> cases.find(TENANT, c.id())).closeReason());
        assertEquals(2, Database.count("select count(*) from received_payment where tenant_id = ? and buyer_id = ?::uuid",
                TENANT, buyer), "each payment once, the repeated one skipped");
        List<ConsumerRecord<String, String>> dead = Topics.read(TOPIC + ".dlq.collections-service", Duration.ofSeconds(30),
                rs -> keys(rs).containsAll(List.of(notJson, noDueDate)) && eventIds(rs).contains(last));
        assertTrue(keys(dead).containsAll(List.of(notJson, noDueDate)), "both unreadable records parked");
        assertEquals(List.of(last), eventIds(dead.stream().filter(r -> buyer.equals(r.key())).toList()),
                "no payment parked with them, only the unreadable record after them");
    }

    private static ProducerRecord<String, String> event(String name, String buyer, String id, Map<String, Object> body) {
        return Topics.event(TOPIC, TENANT, "invoice", name, buyer, id, body);
    }

    /** A record no producer would send (the schema refuses it), keyed by {@code key}. */
    private static ProducerRecord<String, String> unchecked(String key, String id, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, body);
        headers(TENANT, id, "io.tradecredit.invoice.issued.v1", id)
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static long openInvoices(String buyer) {
        return Database.count("select count(*) from open_invoice where tenant_id = ? and buyer_id = ?::uuid", TENANT, buyer);
    }

    private static String ids(List<ProducerRecord<String, String>> records) {
        return "{" + String.join(",", records.stream().map(r -> Topics.header(asRead(r), "ce_id")).toList()) + "}";
    }

    private static ConsumerRecord<String, String> asRead(ProducerRecord<String, String> r) {
        ConsumerRecord<String, String> c = new ConsumerRecord<>(r.topic(), 0, 0L, r.key(), r.value());
        r.headers().forEach(c.headers()::add);
        return c;
    }

    private static List<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> Topics.header(r, "ce_id")).toList();
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
