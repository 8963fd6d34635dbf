package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.AgencyFlowTest.update;
import static io.tradecredit.collections.messaging.AgencyViewApiTest.VIEW;
import static io.tradecredit.collections.messaging.AgencyViewApiTest.agencyToken;
import static io.tradecredit.collections.messaging.AgencyViewApiTest.owing10000Paid8000;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.WorklistPriority;
import io.tradecredit.collections.messaging.AgencyFlowTest.Placed;
import io.tradecredit.common.money.Money;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * What an agency's settlement leaves behind (docs/collections-service.md, "Agencies", session 34): 10,000.00 CNY owed on
 * one invoice, handed to an agency, 8,000.00 paid, then {@code SETTLED}: 2,000.00 remains, which nobody asks for any
 * more. Each run date here is used by no other test of the module.
 */
@QuarkusTest
class WhatASettlementLeavesTest {
    static final String REQUESTS = "notification-requests";
    static final String WITHDRAWAL = "io.tradecredit.notification.withdrawal-requested.v1";

    @Inject
    CollectionCases cases;

    static void runCompleted(LocalDate asOf) {
        given().auth().oauth2(Tokens.noTenant().roles("platform-ops").expiresIn(3600).mint())
                .post("/api/v1/admin/jobs/dunning-run?asOf=" + asOf).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    /** How many of the tenant's requests asking for the invoice are standing (not withdrawn). */
    static long standing(Placed p) {
        return Database.count("select count(*) from dunning_request where tenant_id = ? and ?::uuid = any(invoice_ids)"
                + " and withdrawn_at is null", p.tenant(), p.invoice());
    }

    /** The tenant's withdrawal on notification-requests, checked against its schema. */
    static JsonNode withdrawal(Placed p) {
        List<ConsumerRecord<String, String>> read = Topics.read(REQUESTS, Duration.ofSeconds(30), rs -> rs.stream()
                .anyMatch(r -> mine(r, p)));
        return Contracts.assertValid(read.stream().filter(r -> mine(r, p)).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no withdrawal for tenant " + p.tenant())));
    }

    /** The agency reports SETTLED over REST: the case closes as settled. */
    static void settle(Placed p) {
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON).body(update("SETTLED"))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(201).body("caseState", equalTo("CLOSED"));
    }

    /** A later invoice of the buyer's and the case a collector opens for it. */
    record LaterCase(String invoiceId, UUID caseId) {
    }

    /** After the settlement: a new invoice of {@code amount} CNY, 10 days overdue, and a new case lena opens for it. */
    LaterCase laterCase(Placed p, String amount) {
        String later = UUID.randomUUID().toString();
        LocalDate today = ReadModelEvents.today();
        ReadModelEvents.invoice(p.tenant(), p.buyer(), "issued", ReadModelEvents.issued(p.buyer(), later, amount,
                today.minusDays(10)));
        ReadModelEvents.await("the new invoice", () -> Database.count("select count(*) from open_invoice where"
                + " tenant_id = ? and invoice_id = ?::uuid", p.tenant(), later) == 1);
        return new LaterCase(later, AgencyFlowTest.run(() -> cases.openFor(p.tenant(), UUID.fromString(p.buyer()), today,
                "lena")).id());
    }

    private static boolean mine(ConsumerRecord<String, String> r, Placed p) {
        return p.tenant().equals(Topics.header(r, "ce_tenantid")) && WITHDRAWAL.equals(Topics.header(r, "ce_type"));
    }

    /**
     * A demand on INV-1 requested by the run before the agency settled (notification-service may hold it for its send
     * window or retries) is withdrawn when the SETTLED report is received, on REST as on the agency's topic: the reason
     * names the invoice and the agency, the withdrawal is logged in the settled case. Until session 34 it stayed standing,
     * so the buyer could still receive a demand for the 2,000.00 after the settlement had ended the debt.
     */
    @Test
    void aDemandRequestedBeforeTheSettlementIsWithdrawnWhenTheSettlementIsReported() {
        Placed byRest = owing10000Paid8000(cases, t -> {
        });
        Placed byTopic = owing10000Paid8000(cases, t -> {
        });
        runCompleted(LocalDate.of(2064, 3, 2));
        assertTrue(standing(byRest) > 0, "the run asked for INV-1");
        assertTrue(standing(byTopic) > 0, "the run asked for INV-1");

        given().auth().oauth2(agencyToken(byRest)).contentType(ContentType.JSON).body(update("SETTLED"))
                .post(VIEW + "/" + byRest.caseId() + "/updates").then().statusCode(201).body("caseState", equalTo("CLOSED"));
        AgencyFlowTest.report(byTopic.tenant(), byTopic.agency(), byTopic.caseId(), update("SETTLED"));

        for (Placed p : List.of(byRest, byTopic)) {
            String reason = "nothing collectible left: " + ReadModelEvents.number(p.invoice()) + " settled by agency "
                    + p.agency();
            assertEquals(reason, withdrawal(p).get("reason").asText());
            assertEquals(0, standing(p), "nothing asks for the 2,000.00 the settlement ended");
            Activity logged = AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                    .filter(a -> a.kind().equals("message-withdrawn")).findFirst().orElseThrow();
            assertEquals(reason, logged.detail().get("reason"));
            assertEquals("agency:" + p.agency(), logged.actor());
        }
    }

    /**
     * In approval mode the run drafted a demand on INV-1 before the agency settled; a collector approves it after: the
     * draft is discarded (200, state DISCARDED), its reason naming the invoice and the agency, and nothing is requested.
     * A draft left with some invoice still owed goes out without the settled one (as for any invoice paid since the
     * run). Decided: discarded, not refused, as a draft whose invoices were all paid since the run is, so the
     * collector's queue empties either way. Until session 34 the draft was approved and the demand for the 2,000.00 sent.
     */
    @Test
    void aDraftOfTheSettledDebtApprovedAfterTheSettlementIsDiscardedAndNothingIsSent() {
        Placed p = owing10000Paid8000(cases, tenant -> given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin")
                .mint()).contentType(ContentType.JSON).body(Map.of("tolerance", List.of(), "consolidation", true,
                        "approvalMode", true)).put("/api/v1/dunning/settings").then().statusCode(200));
        runCompleted(LocalDate.of(2064, 4, 6));
        String collector = Tokens.tenant(p.tenant()).roles("collector").subject("max").mint();
        List<String> drafts = given().auth().oauth2(collector).get("/api/v1/dunning/drafts?state=PENDING").then()
                .statusCode(200).extract().path("items.id");
        assertTrue(!drafts.isEmpty(), "the run drafted a demand on INV-1");

        settle(p);

        for (String draft : drafts) {
            given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + draft + "/approve").then().statusCode(200)
                    .body("state", equalTo("DISCARDED"), "reason", equalTo("nothing left to ask for since the run: "
                            + ReadModelEvents.number(p.invoice()) + " settled by agency " + p.agency()));
        }
        assertEquals(0, Database.count("select count(*) from dunning_request where tenant_id = ?", p.tenant()),
                "nothing requested");
        assertEquals(0, Database.count("select count(*) from outbox where tenant_id = ? and event_type like ?",
                p.tenant(), "%message-requested%"), "nothing sent");
    }

    /**
     * After the settlement, before a collector confirms the write-off, the buyer owes a new invoice of 3,000.00, 10 days
     * overdue, and a collector opens a new case: the worklist shows that case owing 3,000.00 for 10 days, ranked on
     * those, not on 5,000.00 for 40 days with the 2,000.00 the settlement left. Until session 34 the remainder counted in
     * its overdue amount, its days past due and its priority.
     */
    @Test
    void aNewCaseOfTheBuyerCountsOnlyItsNewDebtNotWhatTheSettlementLeft() {
        Placed p = owing10000Paid8000(cases, t -> {
        });
        settle(p);
        LocalDate today = ReadModelEvents.today();
        UUID opened = laterCase(p, "3000.00").caseId();

        String entry = "items.find { it.caseFile.id == '" + opened + "' }.";
        long points = WorklistPriority.DEFAULT.pointsOf(new WorklistPriority.WorkItem(opened, Money.of("3000.00", "CNY"),
                10, null, 0, today), today);
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").subject("max").mint())
                .get("/api/v1/collections/worklist").then().statusCode(200)
                .body(entry + "overdue.amount", equalTo(List.of("3000.00")), entry + "daysPastDue", equalTo(10),
                        entry + "points", equalTo((int) points));
    }

    /**
     * The agency settled: the case is closed as settled and its 2,000.00 proposed for write-off by the agency. Until a
     * collector confirms, the case stays on the worklist with the proposal (writeOffToConfirm: who proposed it, when,
     * why), an action due (25 points; nothing overdue counted, the settlement ended that debt); confirmed, it leaves.
     * Until session 34 a closed case was never on the worklist, so nobody was prompted and the proposal could be
     * forgotten.
     */
    @Test
    void aWriteOffTheSettlementProposedWaitsOnTheWorklistUntilACollectorConfirmsIt() {
        Placed p = owing10000Paid8000(cases, t -> {
        });
        settle(p);
        LocalDate today = ReadModelEvents.today();
        String max = Tokens.tenant(p.tenant()).roles("collector").subject("max").mint();
        long points = WorklistPriority.DEFAULT.pointsOf(new WorklistPriority.WorkItem(p.caseId(), Money.zero("CNY"), 0,
                null, 0, today), today);
        given().auth().oauth2(max).get("/api/v1/collections/worklist").then().statusCode(200)
                .body("total", equalTo(1), "items[0].caseFile.id", equalTo(p.caseId().toString()),
                        "items[0].caseFile.state", equalTo("CLOSED"), "items[0].caseFile.closeReason", equalTo("SETTLED"),
                        "items[0].writeOffToConfirm.proposedBy", equalTo("agency:" + p.agency()),
                        "items[0].writeOffToConfirm.proposedOn", equalTo(today.toString()),
                        "items[0].writeOffToConfirm.reason", equalTo("settled by agency " + p.agency() + " on " + today
                                + "; 2000.00 CNY left"),
                        "items[0].overdue", org.hamcrest.Matchers.empty(), "items[0].points", equalTo((int) points));

        given().auth().oauth2(max).post(AgencyFlowTest.CASES + p.caseId() + "/abandonment/confirm").then().statusCode(200);
        given().auth().oauth2(max).get("/api/v1/collections/worklist").then().statusCode(200)
                .body("total", equalTo(0), "items", org.hamcrest.Matchers.empty());
    }

    /**
     * As above, the buyer then pays its new invoice of 3,000.00 in full: the new case closes as paid, the buyer owing
     * nothing overdue but the 2,000.00 the settlement left, which waits for a collector's write-off on the settled case.
     * Until session 34 the remainder kept the new case open as if still owed overdue.
     */
    @Test
    void aNewCaseClosesWhenItsOwnDebtIsPaidWhateverTheSettlementLeft() {
        Placed p = owing10000Paid8000(cases, t -> {
        });
        settle(p);
        LaterCase laterCase = laterCase(p, "3000.00");
        String later = laterCase.invoiceId();
        UUID opened = laterCase.caseId();

        ReadModelEvents.invoice(p.tenant(), p.buyer(), "payment-received", ReadModelEvents.payment("payment-received",
                p.buyer(), later, "3000.00", "0.00"));
        ReadModelEvents.await("the new case closed", () -> Database.count("select count(*) from collection_case where"
                + " tenant_id = ? and id = ?::uuid and state = 'CLOSED'", p.tenant(), opened.toString()) == 1);
        assertEquals(io.tradecredit.collections.domain.CloseReason.PAID,
                AgencyFlowTest.run(() -> cases.find(p.tenant(), opened)).closeReason());
    }

    /**
     * With costs of 1,000.00 CNY a step, 3 steps (3,000.00 to collect), after the settlement the buyer owes a new invoice
     * of 1,500.00, 10 days overdue, in a new case; a collector proposes abandoning it (the cost rule's) and another
     * confirms: the write-off request ({@code abandonment-confirmed}) lists the new invoice and its 1,500.00 only, not
     * the settled INV-1 (its 2,000.00 is the settlement's own proposal's, confirmed on the settled case). Until session
     * 34 it listed INV-1 as well, so invoice-service was asked to write the 2,000.00 off through the later case.
     */
    @Test
    void confirmingTheWriteOffOfALaterCaseListsOnlyItsOwnInvoicesNotTheSettledOne() {
        Placed p = owing10000Paid8000(cases, tenant -> given().auth().oauth2(Tokens.tenant(tenant).roles("credit-manager")
                .mint()).contentType(ContentType.JSON).body(Map.of("costPerStep", List.of(Map.of("amount", "1000.00",
                        "currency", "CNY")), "stepsToCollect", 3)).put("/api/v1/collections/terms").then().statusCode(200));
        settle(p);
        LaterCase laterCase = laterCase(p, "1500.00");
        String later = laterCase.invoiceId();
        UUID opened = laterCase.caseId();

        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").subject("lena").mint())
                .post(AgencyFlowTest.CASES + opened + "/abandonment").then().statusCode(201);
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").subject("max").mint())
                .post(AgencyFlowTest.CASES + opened + "/abandonment/confirm").then().statusCode(200)
                .body("amounts.overdue.amount", equalTo(List.of("1500.00")));
        JsonNode confirmed = AgencyFlowTest.event(io.tradecredit.common.events.TopicNames.COLLECTION_CASES, opened,
                "io.tradecredit.collections.abandonment-confirmed.v1");
        assertEquals(1, confirmed.get("invoices").size(), confirmed.toString());
        assertEquals(later, confirmed.at("/invoices/0/invoiceId").asText());
        assertEquals("1500.00", confirmed.at("/invoices/0/amount/amount").asText());
    }

    /**
     * The run (a date no other test runs) gave a collector tasks about INV-1 before the agency settled (the +3 call to
     * confirm the reason among them); the SETTLED report cancels each at once, as a payment of everything would: done by
     * the agency, because "settled by agency &lt;code&gt;: INV-1", logged in the settled case ({@code task-cancelled}),
     * so nothing is left open about the 2,000.00 the settlement ended. Until session 34 they stayed open (the buyer on
     * the worklist for them).
     */
    @Test
    void aTaskAboutTheSettledInvoiceCreatedBeforeTheSettlementIsCancelledByIt() {
        Placed p = owing10000Paid8000(cases, t -> {
        });
        runCompleted(LocalDate.of(2064, 5, 4));
        String open = "select count(*) from collector_task where tenant_id = ? and buyer_id = ?::uuid and done_on is null";
        long tasks = Database.count(open, p.tenant(), p.buyer());
        assertTrue(tasks > 0, "the run gave a collector a task about INV-1");

        settle(p);

        String reason = "settled by agency " + p.agency() + ": " + ReadModelEvents.number(p.invoice());
        assertEquals(0, Database.count(open, p.tenant(), p.buyer()), "no task left open about the settled INV-1");
        assertEquals(tasks, Database.count("select count(*) from collector_task where tenant_id = ? and buyer_id = ?::uuid"
                + " and done_by = ? and cancelled_because = ?", p.tenant(), p.buyer(), "agency:" + p.agency(), reason));
        List<Activity> logged = AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("task-cancelled")).toList();
        assertEquals(tasks, logged.size());
        assertEquals(reason, logged.get(0).detail().get("reason"));
        assertEquals("agency:" + p.agency(), logged.get(0).actor());
    }

    /**
     * After the settlement the buyer owes INV-2 (3,000.00, due 2064-07-01, not overdue when the agency settled, so not
     * the settlement's); the run on 2064-07-05 (a date no other test runs) gives the +3 call about it and opens no case.
     * The buyer, with no case open, that task and the settlement's write-off waiting, has one worklist entry: the settled
     * case's, with the task and the write-off to confirm. Once confirmed, the buyer stays listed by its task alone.
     * Until session 34 it had two entries, one for the task and one for the write-off.
     */
    @Test
    void aBuyerWithATaskAndASettlementsWriteOffWaitingHasOneWorklistEntry() {
        Placed p = owing10000Paid8000(cases, t -> {
        });
        settle(p);
        String later = UUID.randomUUID().toString();
        ReadModelEvents.invoice(p.tenant(), p.buyer(), "issued", ReadModelEvents.issued(p.buyer(), later, "3000.00",
                LocalDate.of(2064, 7, 1)));
        ReadModelEvents.await("the new invoice", () -> Database.count("select count(*) from open_invoice where"
                + " tenant_id = ? and invoice_id = ?::uuid", p.tenant(), later) == 1);
        runCompleted(LocalDate.of(2064, 7, 5));
        assertEquals(1, Database.count("select count(*) from collector_task where tenant_id = ? and buyer_id = ?::uuid"
                + " and done_on is null", p.tenant(), p.buyer()), "the +3 call about INV-2");

        String max = Tokens.tenant(p.tenant()).roles("collector").subject("max").mint();
        given().auth().oauth2(max).get("/api/v1/collections/worklist").then().statusCode(200)
                .body("total", equalTo(1), "items", org.hamcrest.Matchers.hasSize(1),
                        "items[0].caseFile.id", equalTo(p.caseId().toString()),
                        "items[0].writeOffToConfirm.proposedBy", equalTo("agency:" + p.agency()),
                        "items[0].openTasks.stepKey", equalTo(List.of("reason-call")));

        given().auth().oauth2(max).post(AgencyFlowTest.CASES + p.caseId() + "/abandonment/confirm").then().statusCode(200);
        given().auth().oauth2(max).get("/api/v1/collections/worklist").then().statusCode(200)
                .body("total", equalTo(1), "items[0].caseFile", org.hamcrest.Matchers.nullValue(),
                        "items[0].buyerId", equalTo(p.buyer()), "items[0].openTasks.stepKey", equalTo(List.of("reason-call")));
    }

    /**
     * The agency settled two cases of the buyer: INV-1 (10,000.00, 8,000.00 paid) and then INV-2 (3,000.00, 2,000.00
     * paid), each write-off waiting. The buyer, with no case open, then owes INV-3 (5,000.00, 20 days overdue) and has
     * the +3 call about it, due today. Its two worklist entries are two confirmations; the call and the debt are listed
     * and counted once, on the first: 5 + 20 + 25 = 50 points, the other 25 (the day it closed). Until session 35 both
     * entries had the call and the 5,000.00, 50 points each.
     */
    @Test
    void aBuyerWithTwoSettlementsWaitingHasItsTaskAndItsDebtOnOneEntryOnly() {
        Placed p = owing10000Paid8000(cases, t -> {
        });
        settle(p);
        LaterCase second = laterCase(p, "3000.00");
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").subject("lena").mint())
                .contentType(ContentType.JSON).body(Map.of("agencyCode", p.agency()))
                .post(AgencyFlowTest.CASES + second.caseId() + "/hand-off").then().statusCode(200);
        ReadModelEvents.invoice(p.tenant(), p.buyer(), "payment-received", ReadModelEvents.payment("payment-received",
                p.buyer(), second.invoiceId(), "2000.00", "1000.00"));
        ReadModelEvents.await("the second payment", () -> Database.count("select count(*) from open_invoice where"
                + " tenant_id = ? and invoice_id = ?::uuid and open_amount = 1000", p.tenant(), second.invoiceId()) == 1);
        settle(new Placed(p.tenant(), p.agency(), p.buyer(), second.invoiceId(), second.caseId()));
        LocalDate today = ReadModelEvents.today();
        String third = UUID.randomUUID().toString();
        ReadModelEvents.invoice(p.tenant(), p.buyer(), "issued", ReadModelEvents.issued(p.buyer(), third, "5000.00",
                today.minusDays(20)));
        ReadModelEvents.await("INV-3", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", p.tenant(), third) == 1);
        Database.execute("insert into collector_task (tenant_id, id, buyer_id, item_reference, step_key, action_key,"
                + " due_on, created_at) values (?, ?, ?::uuid, ?, 'reason-call', 'task.call-to-confirm-reason', ?, now())",
                p.tenant(), UUID.randomUUID(), p.buyer(), third, today);

        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").subject("max").mint())
                .get("/api/v1/collections/worklist").then().statusCode(200)
                .body("total", equalTo(2), "items.caseFile.closeReason", equalTo(List.of("SETTLED", "SETTLED")),
                        "items.writeOffToConfirm.proposedBy", equalTo(List.of("agency:" + p.agency(), "agency:" + p.agency())),
                        "items.openTasks.flatten().stepKey", equalTo(List.of("reason-call")),
                        "items[0].openTasks.stepKey", equalTo(List.of("reason-call")),
                        "items.overdue.flatten().amount", equalTo(List.of("5000.00")),
                        "items.daysPastDue", equalTo(List.of(20, 0)), "items.points", equalTo(List.of(50, 25)));
    }

    /**
     * INV-1 of 10,000.00 CNY, 40 days overdue, under a plan of 2 x 5,000.00 (5 days ago and in 25 days), 3,000.00 paid:
     * the 2,000.00 left of instalment 1 is overdue for 5 days. The case is handed to an agency, which reports SETTLED:
     * the settlement ended INV-1's debt and its plan's instalments with it (the run skips them SETTLED_BY_AGENCY), so the
     * settled case's entry counts nothing overdue, 25 points for the day it closed. Until session 35 the instalment
     * still counted there: 2,000.00 for 5 days, 2 + 5 + 25 = 32.
     */
    @Test
    void whatASettlementLeftUnderAPlanIsNotOverdueOnTheWorklist() {
        String tenant = AgencyFlowTest.fresh("t-");
        String agency = AgencyFlowTest.fresh("ag-");
        given().auth().oauth2(Tokens.tenant(tenant).roles("credit-manager").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/" + agency).then().statusCode(200);
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        LocalDate today = ReadModelEvents.today();
        ReadModelEvents.invoice(tenant, buyer, "issued", ReadModelEvents.issued(buyer, inv, "10000.00", today.minusDays(40)));
        ReadModelEvents.await("INV-1", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, inv) == 1);
        UUID caseId = AgencyFlowTest.run(() -> cases.openFor(tenant, UUID.fromString(buyer), today, "lena")).id();
        ReadModelEvents.invoice(tenant, buyer, "payment-plan-agreed", Map.of("planId", plan, "buyerId", buyer,
                "invoiceIds", List.of(inv), "principal", ReadModelEvents.money("10000.00"), "interest",
                ReadModelEvents.money("0.00"), "instalments", List.of(
                        Map.of("number", 1, "dueDate", today.minusDays(5).toString(), "amount", ReadModelEvents.money("5000.00")),
                        Map.of("number", 2, "dueDate", today.plusDays(25).toString(), "amount", ReadModelEvents.money("5000.00")))));
        ReadModelEvents.invoice(tenant, buyer, "payment-received", ReadModelEvents.payment("payment-received", buyer, inv,
                "3000.00", "7000.00"));
        ReadModelEvents.await("instalment 1 owes 2,000.00", () -> Database.count("select count(*) from plan_instalment"
                + " where tenant_id = ? and plan_id = ?::uuid and number = 1 and open_amount = 2000", tenant, plan) == 1);
        String max = Tokens.tenant(tenant).roles("collector").subject("max").mint();
        given().auth().oauth2(max).get("/api/v1/collections/worklist").then().statusCode(200)
                .body("items[0].overdue.amount", equalTo(List.of("2000.00")), "items[0].daysPastDue", equalTo(5));
        given().auth().oauth2(Tokens.tenant(tenant).roles("collector").subject("lena").mint()).contentType(ContentType.JSON)
                .body(Map.of("agencyCode", agency)).post(AgencyFlowTest.CASES + caseId + "/hand-off").then().statusCode(200);

        settle(new Placed(tenant, agency, buyer, inv, caseId));

        long points = WorklistPriority.DEFAULT.pointsOf(new WorklistPriority.WorkItem(caseId, Money.zero("CNY"), 0, null, 0,
                today), today);
        given().auth().oauth2(max).get("/api/v1/collections/worklist").then().statusCode(200)
                .body("total", equalTo(1), "items[0].caseFile.closeReason", equalTo("SETTLED"),
                        "items[0].overdue", org.hamcrest.Matchers.empty(), "items[0].daysPastDue", equalTo(0),
                        "items[0].points", equalTo((int) points));
    }
}
