package io.tradecredit.collections.messaging;

import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.buyerAssessed;
import static io.tradecredit.collections.messaging.ReadModelEvents.buyerBlocked;
import static io.tradecredit.collections.messaging.ReadModelEvents.buyerRegistered;
import static io.tradecredit.collections.messaging.ReadModelEvents.creditNote;
import static io.tradecredit.collections.messaging.ReadModelEvents.disputeOpened;
import static io.tradecredit.collections.messaging.ReadModelEvents.disputeResolved;
import static io.tradecredit.collections.messaging.ReadModelEvents.instalmentMissed;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.issuedWithParties;
import static io.tradecredit.collections.messaging.ReadModelEvents.lateChargesStated;
import static io.tradecredit.collections.messaging.ReadModelEvents.paid;
import static io.tradecredit.collections.messaging.ReadModelEvents.payment;
import static io.tradecredit.collections.messaging.ReadModelEvents.planAgreed;
import static io.tradecredit.collections.messaging.ReadModelEvents.planBroken;
import static io.tradecredit.collections.messaging.ReadModelEvents.send;
import static io.tradecredit.collections.messaging.ReadModelEvents.sendUnchecked;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Letters;
import io.tradecredit.collections.app.OpenItems;
import io.tradecredit.collections.domain.DunningItem;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.common.money.Money;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.PostgresTestResource;
import io.tradecredit.testing.Topics;

/**
 * The read model built from real {@code invoice-events} and {@code credit-events} on the embedded
 * Kafka, into the embedded PostgreSQL, through the chassis inbox; and what {@link OpenItems}
 * hands the domain from it.
 */
@QuarkusTest
class ReadModelFlowTest {
    private static final String ACME = "acme";
    private static final String GLOBEX = "globex";

    @Inject
    OpenItems openItems;

    @Inject
    Letters letters;

    @Test
    void anInvoiceFollowsItsEventsFromIssueToPaidWithTheAmountsTheyState() {
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(5);

        invoice(ACME, buyer, "issued", issued(buyer, inv, "10000.00", due));
        awaitRow(ACME, inv, "OPEN open=10000.00 disputed=0.00 collectible=10000.00 due=" + due);
        assertEquals("INV-" + inv.substring(0, 8) + " PO-4711 Globex Trading Ltd. CNY total=10000.00 issued="
                + due.minusDays(30) + " terms=30 days net", text("select invoice_number || ' ' || purchase_order_number"
                        + " || ' ' || buyer_name || ' ' || currency || ' total=' || total::numeric(19,2) || ' issued='"
                        + " || issue_date || ' terms=' || payment_terms from open_invoice where tenant_id = ?"
                        + " and invoice_id = ?::uuid", ACME, inv));
        OpenItems.OfBuyer items = openItemsOf(ACME, buyer);
        DunningItem item = only(items.items());
        assertEquals(inv, item.reference());
        assertEquals(due, item.dueDate());
        assertEquals(cny("10000.00"), item.collectible());
        assertFalse(item.underKeptPlan());
        assertEquals(cny("10000.00"), items.standing().overdueIn(Money.currencyOf("CNY")));

        invoice(ACME, buyer, "payment-received", payment("payment-received", buyer, inv, "4000.00", "6000.00"));
        awaitRow(ACME, inv, "OPEN open=6000.00 disputed=0.00 collectible=6000.00 due=" + due);

        String dispute = UUID.randomUUID().toString();
        invoice(ACME, buyer, "dispute-opened", disputeOpened(buyer, inv, dispute, "1500.00", "6000.00", "4500.00", due));
        awaitRow(ACME, inv, "OPEN open=6000.00 disputed=1500.00 collectible=4500.00 due=" + due);
        item = only(openItemsOf(ACME, buyer).items());
        assertEquals(cny("1500.00"), item.disputed());
        assertEquals(cny("4500.00"), item.collectible());
        assertEquals(cny("4500.00"), openItemsOf(ACME, buyer).standing().overdueIn(Money.currencyOf("CNY")));

        // the upheld dispute's credit note, then the resolution that releases the frozen part
        invoice(ACME, buyer, "credit-note-issued", creditNote(buyer, inv, dispute, "1500.00", "4500.00", due));
        awaitRow(ACME, inv, "OPEN open=4500.00 disputed=1500.00 collectible=3000.00 due=" + due);
        // the stored collectible part where the event states none is the one the domain reads
        assertEquals(cny("3000.00"), only(openItemsOf(ACME, buyer).items()).collectible());
        invoice(ACME, buyer, "dispute-resolved",
                disputeResolved(buyer, inv, dispute, "1500.00", "1500.00", "4500.00", "4500.00", due));
        awaitRow(ACME, inv, "OPEN open=4500.00 disputed=0.00 collectible=4500.00 due=" + due);

        invoice(ACME, buyer, "payment-received", payment("payment-received", buyer, inv, "4500.00", "0.00"));
        awaitRow(ACME, inv, "OPEN open=0.00 disputed=0.00 collectible=0.00 due=" + due);
        invoice(ACME, buyer, "paid", paid(buyer, inv, "10000.00", due));
        awaitRow(ACME, inv, "PAID open=0.00 disputed=0.00 collectible=0.00 due=" + due);
        assertTrue(openItemsOf(ACME, buyer).items().isEmpty(), "a paid invoice is not open");

        // a payment reversed after the invoice was paid opens it again
        invoice(ACME, buyer, "payment-reversed", payment("payment-reversed", buyer, inv, "4500.00", "4500.00"));
        awaitRow(ACME, inv, "OPEN open=4500.00 disputed=0.00 collectible=4500.00 due=" + due);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        LocalDate due = today().plusDays(20);
        invoice(ACME, buyer, "issued", issued(buyer, inv, "8000.00", due));
        String first = invoice(ACME, buyer, "payment-received",
                payment("payment-received", buyer, inv, "2000.00", "6000.00"));
        invoice(ACME, buyer, "payment-received", payment("payment-received", buyer, inv, "1000.00", "5000.00"));
        awaitRow(ACME, inv, "OPEN open=5000.00 disputed=0.00 collectible=5000.00 due=" + due);

        // the first payment again, same event id: applied again it would set the open amount back to 6,000
        send(ACME, buyer, "invoice", "payment-received", first,
                payment("payment-received", buyer, inv, "2000.00", "6000.00"));
        // a later event on the buyer's partition proves the redelivery was read before it
        String marker = UUID.randomUUID().toString();
        invoice(ACME, buyer, "issued", issued(buyer, marker, "1.00", due));
        awaitRow(ACME, marker, "OPEN open=1.00 disputed=0.00 collectible=1.00 due=" + due);
        assertEquals("OPEN open=5000.00 disputed=0.00 collectible=5000.00 due=" + due, row(ACME, inv));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'collections-service'"
                + " and event_id = ?", first));
    }

    @Test
    void anotherTenantsInvoiceOfTheSameIdsIsKeptApart() {
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(2);
        invoice(ACME, buyer, "issued", issued(buyer, inv, "3000.00", due));
        invoice(GLOBEX, buyer, "issued", issued(buyer, inv, "700.00", due));
        invoice(GLOBEX, buyer, "payment-received", payment("payment-received", buyer, inv, "200.00", "500.00"));
        awaitRow(GLOBEX, inv, "OPEN open=500.00 disputed=0.00 collectible=500.00 due=" + due);
        assertEquals("OPEN open=3000.00 disputed=0.00 collectible=3000.00 due=" + due, row(ACME, inv));

        assertEquals(cny("3000.00"), only(openItemsOf(ACME, buyer).items()).open());
        assertEquals(cny("500.00"), only(openItemsOf(GLOBEX, buyer).items()).open());
        assertTrue(openItemsOf("initech", buyer).items().isEmpty());
    }

    @Test
    void aKeptPlanCoversItsInvoiceUntilItBreaksAndItsInstalmentsAreKept() {
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(40);
        LocalDate first = today().minusDays(3);
        invoice(ACME, buyer, "issued", issued(buyer, inv, "3000.00", due));
        invoice(ACME, buyer, "payment-plan-agreed", planAgreed(buyer, plan, inv, first));
        await("plan agreed", () -> Database.count("select count(*) from open_invoice i join payment_plan p"
                + " on p.tenant_id = i.tenant_id and p.plan_id = i.plan_id where i.invoice_id = ?::uuid"
                + " and p.state = 'AGREED'", inv) == 1);
        assertEquals(first + " 1500.00 CNY; " + first.plusMonths(1) + " 1500.00 CNY", text("select string_agg("
                + "due_date || ' ' || amount::numeric(19,2) || ' ' || currency, '; ' order by number)"
                + " from plan_instalment where tenant_id = ? and plan_id = ?::uuid", ACME, plan));
        assertTrue(only(openItemsOf(ACME, buyer).items()).underKeptPlan());
        assertEquals(1, Database.count("select count(*) from payment_plan where tenant_id = ? and plan_id = ?::uuid"
                + " and principal = 3000 and ended_on is null", ACME, plan), "what the plan spread");
        assertEquals(2, Database.count("select count(*) from plan_instalment where plan_id = ?::uuid and"
                + " (number = 1 and principal = 1500 or number = 2 and principal is null)", plan),
                "an instalment's principal when the event states it");

        invoice(ACME, buyer, "instalment-missed", instalmentMissed(buyer, plan, first));
        await("instalment 1 missed", () -> Database.count("select count(*) from plan_instalment where plan_id = ?::uuid"
                + " and number = 1 and missed", plan) == 1);
        assertTrue(only(openItemsOf(ACME, buyer).items()).underKeptPlan(), "missed is not yet broken");

        invoice(ACME, buyer, "plan-broken", planBroken(buyer, plan, inv));
        await("plan broken", () -> Database.count("select count(*) from payment_plan where plan_id = ?::uuid"
                + " and state = 'BROKEN'", plan) == 1);
        assertEquals(1, Database.count("select count(*) from payment_plan where plan_id = ?::uuid and ended_on = ?",
                plan, today()), "the day it broke: the event's asOf");
        assertFalse(only(openItemsOf(ACME, buyer).items()).underKeptPlan());
        assertEquals(0, Database.count("select count(*) from plan_instalment where plan_id = ?::uuid and number = 2"
                + " and missed", plan));
    }

    @Test
    void creditEventsGiveTheBuyersNameIdentityGradeAndBlock() {
        String buyer = UUID.randomUUID().toString();
        send(ACME, buyer, "credit", "buyer-registered", UUID.randomUUID().toString(),
                buyerRegistered(buyer, "Shenzhen Globex Electronics Co., Ltd."));
        send(ACME, buyer, "credit", "buyer-assessed", UUID.randomUUID().toString(), buyerAssessed(buyer, 4));
        await("graded", () -> Database.count("select count(*) from buyer where buyer_id = ?::uuid and grade = 4",
                buyer) == 1);
        assertEquals("Shenzhen Globex Electronics Co., Ltd. CN 91310000MA1FL8XQ30 91310000MA1FL8XQ30 false",
                text("select name || ' ' || country || ' ' || registration_number || ' ' || tax_id || ' ' || blocked"
                        + " from buyer where tenant_id = ? and buyer_id = ?::uuid", ACME, buyer));

        send(ACME, buyer, "credit", "buyer-blocked", UUID.randomUUID().toString(),
                buyerBlocked(buyer, "Shenzhen Globex Electronics Co., Ltd."));
        await("blocked", () -> Database.count("select count(*) from buyer where buyer_id = ?::uuid and blocked"
                + " and block_reason = 'insolvency filing'", buyer) == 1);
        assertEquals(0, Database.count("select count(*) from buyer where tenant_id = ? and buyer_id = ?::uuid",
                GLOBEX, buyer));
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicUnknownOnesAreSkipped() {
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        LocalDate due = today().plusDays(10);
        String notJson = "poison-" + UUID.randomUUID();
        sendUnchecked("invoice-events", ACME, notJson, "io.tradecredit.invoice.issued.v1", notJson, "{ not json");
        String noDueDate = UUID.randomUUID().toString();
        var lacking = issued(buyer, inv, "900.00", due);
        lacking.remove("dueDate");
        sendUnchecked("invoice-events", ACME, noDueDate, "io.tradecredit.invoice.issued.v1", noDueDate,
                ReadModelEvents.json(lacking));
        String newer = UUID.randomUUID().toString();
        sendUnchecked("invoice-events", ACME, newer, "io.tradecredit.invoice.reminder-fee-charged.v1", newer,
                "{\"invoiceId\":\"" + inv + "\"}");
        String badGrade = UUID.randomUUID().toString();
        sendUnchecked("credit-events", ACME, badGrade, "io.tradecredit.credit.buyer-assessed.v1", badGrade,
                "{\"buyerId\":\"" + buyer + "\",\"grade\":\"excellent\"}");
        invoice(ACME, buyer, "issued", issued(buyer, inv, "900.00", due));
        awaitRow(ACME, inv, "OPEN open=900.00 disputed=0.00 collectible=900.00 due=" + due);
        // the unknown type is on its own key (another partition than the ones above): read once its own id is in the
        // inbox, not merely once the others are parked (a "not parked" check before it was read proved nothing)
        await("the unknown type read", () -> Database.count("select count(*) from inbox where consumer = 'collections-service'"
                + " and event_id = ?", newer) == 1);

        List<ConsumerRecord<String, String>> dead = Topics.read("invoice-events.dlq.collections-service",
                Duration.ofSeconds(30), rs -> ids(rs).containsAll(List.of(notJson, noDueDate)));
        assertTrue(ids(dead).containsAll(List.of(notJson, noDueDate)), "both unreadable events parked");
        ConsumerRecord<String, String> parked = dead.stream()
                .filter(r -> noDueDate.equals(r.key())).findFirst().orElseThrow();
        assertTrue(Topics.header(parked, "dead-letter-reason").contains("lacks dueDate"), "the DLQ says why");
        assertFalse(ids(dead).contains(newer), "an unknown type is skipped, not parked");
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'collections-service'"
                + " and event_id = ?", newer));
        List<ConsumerRecord<String, String>> deadCredit = Topics.read("credit-events.dlq.collections-service",
                Duration.ofSeconds(30), rs -> ids(rs).contains(badGrade));
        assertTrue(ids(deadCredit).contains(badGrade), "an unreadable credit event parked");
        assertEquals(0, Database.count("select count(*) from buyer where buyer_id = ?::uuid", buyer));
    }

    @Test
    void aLettersPartiesAndLateChargesComeFromTheEventsAndOlderEventsLeaveThemUnknown() {
        String buyer = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        String beforeParties = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(40);

        invoice(ACME, buyer, "issued", issuedWithParties(buyer, older, "2000.00", due.minusDays(10), "Old Rd 1"));
        invoice(ACME, buyer, "issued", issuedWithParties(buyer, newer, "10000.00", due, "1 Harbour Rd, Shanghai"));
        // an issued event published before invoice-service carried the parties
        invoice(ACME, buyer, "issued", issued(buyer, beforeParties, "500.00", due.plusDays(20)));
        awaitRow(ACME, beforeParties, "OPEN open=500.00 disputed=0.00 collectible=500.00 due=" + due.plusDays(20));
        assertEquals("null null", text("select coalesce(seller_name, 'null') || ' ' || coalesce(buyer_address, 'null')"
                + " from open_invoice where tenant_id = ? and invoice_id = ?::uuid", ACME, beforeParties));

        invoice(ACME, buyer, "late-charges-stated",
                lateChargesStated(buyer, newer, due, due.plusDays(30), "10000.00", "150.00", "300.00"));
        // a statement as of an earlier date, delivered late, does not replace the later one
        String stale = invoice(ACME, buyer, "late-charges-stated",
                lateChargesStated(buyer, newer, due, due.plusDays(29), "10000.00", "145.00", "0.00"));
        await("the stale statement read", () -> Database.count("select count(*) from inbox"
                + " where consumer = 'collections-service' and event_id = ?", stale) == 1);

        LetterFacts facts = subscribeAndAwait(() -> letters.factsOf(ACME, UUID.fromString(buyer)));
        assertEquals(new LetterFacts.Party("Acme Machinery Co.", "1 Harbour Rd, Shanghai", "91310000MA1FL8XQ30",
                "CN12 3456 7890"), facts.seller(), "the seller as the newest invoice prints it");
        assertEquals("Globex Trading Ltd.", facts.buyerName());
        assertEquals("8 Market St, Shenzhen", facts.buyerAddress());
        assertEquals(List.of(older, newer, beforeParties),
                facts.invoices().stream().map(i -> i.invoiceId().toString()).toList(), "oldest due first");
        LetterFacts.Invoice quoted = facts.invoices().get(1);
        assertEquals("INV-" + newer.substring(0, 8), quoted.invoiceNumber());
        assertEquals("PO-4711", quoted.purchaseOrderNumber());
        assertEquals(cny("10000.00"), quoted.open());
        assertEquals(new LetterFacts.LateCharges(due.plusDays(30), cny("150.00"), cny("300.00"), cny("450.00"),
                new BigDecimal("0.0005"), 30, new BigDecimal("0.03"), null), quoted.lateCharges());
        assertNull(facts.invoices().get(0).lateCharges(), "no charges stated for it");

        // the name credit-service registered is the letter's
        send(ACME, buyer, "credit", "buyer-registered", UUID.randomUUID().toString(),
                buyerRegistered(buyer, "Globex Trading (Shenzhen) Co., Ltd."));
        await("the registered name", () -> "Globex Trading (Shenzhen) Co., Ltd.".equals(
                subscribeAndAwait(() -> letters.factsOf(ACME, UUID.fromString(buyer))).buyerName()));
        // another tenant sees none of it
        assertTrue(subscribeAndAwait(() -> letters.factsOf(GLOBEX, UUID.fromString(buyer))).invoices().isEmpty());
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        // each message of this test is keyed by its own event id
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private OpenItems.OfBuyer openItemsOf(String tenant, String buyer) {
        return subscribeAndAwait(() -> openItems.openItemsOf(tenant, UUID.fromString(buyer)));
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), () -> "one item expected: " + items);
        return items.get(0);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static void awaitRow(String tenant, String invoiceId, String expected) {
        try {
            await(expected, () -> expected.equals(row(tenant, invoiceId)));
        } catch (AssertionError e) {
            assertEquals(expected, row(tenant, invoiceId));
            throw e;
        }
    }

    /** The state and amounts of one invoice in the read model, as one line (null: no row). */
    private static String row(String tenant, String invoiceId) {
        return text("select state || ' open=' || open_amount::numeric(19,2) || ' disputed='"
                + " || disputed_amount::numeric(19,2) || ' collectible=' || collectible_amount::numeric(19,2)"
                + " || ' due=' || due_date from open_invoice where tenant_id = ? and invoice_id = ?::uuid",
                tenant, invoiceId);
    }

    private static String text(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    private static <T> T subscribeAndAwait(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
