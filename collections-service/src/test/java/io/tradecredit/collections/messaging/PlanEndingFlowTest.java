package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.money;
import static io.tradecredit.collections.messaging.ReadModelEvents.payment;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * A buyer's payment plan ending, through the real invoice-events, as a collector reads it (worklist, case, dry run):
 * INV-1 of 10,000.00 CNY 30 days overdue, its case, a plan of 2 x 5,000.00 (docs/collections-service.md, "Payment
 * plans", "What a buyer owes overdue").
 */
@QuarkusTest
class PlanEndingFlowTest {
    static final String WORKLIST = "/api/v1/collections/worklist";

    @Inject
    CollectionCases cases;

    @Test
    void aPlanWhoseInvoiceIsPaidInFullBeforeTheFirstInstalmentLeavesNothingOverdueNoStepAndClosesTheCase() {
        Buyer b = keptBeforeItsFirstInstalment();
        invoice(b.tenant, b.buyer, "payment-received", payment("payment-received", b.buyer, b.invoice, "10000.00", "0.00"));
        invoice(b.tenant, b.buyer, "paid", ReadModelEvents.paid(b.buyer, b.invoice, "10000.00", today().minusDays(30)));
        invoice(b.tenant, b.buyer, "plan-completed", Map.of("planId", b.plan, "buyerId", b.buyer,
                "invoiceIds", List.of(b.invoice), "asOf", today().toString()));
        nothingLeft(b);
    }

    @Test
    void aPlanWhoseInvoiceIsCreditedInFullLeavesNothingOverdueNoStepAndClosesTheCase() {
        Buyer b = keptBeforeItsFirstInstalment();
        invoice(b.tenant, b.buyer, "credit-note-issued", ReadModelEvents.creditNote(b.buyer, b.invoice, null,
                "10000.00", "0.00", today().minusDays(30)));
        invoice(b.tenant, b.buyer, "plan-completed", Map.of("planId", b.plan, "buyerId", b.buyer,
                "invoiceIds", List.of(b.invoice), "asOf", today().toString()));
        nothingLeft(b);
    }

    private void nothingLeft(Buyer b) {
        await("plan completed", () -> Database.count("select count(*) from payment_plan where tenant_id = ?"
                + " and plan_id = ?::uuid and state = 'COMPLETED'", b.tenant, b.plan) == 1);
        await("the case closed", () -> run(() -> cases.find(b.tenant, b.c.id())).state() == CaseState.CLOSED);
        assertEquals(CloseReason.PAID, run(() -> cases.find(b.tenant, b.c.id())).closeReason());
        given().auth().oauth2(viewer(b.tenant)).get(WORKLIST).then().statusCode(200)
                .body("total", equalTo(0), "items", empty());
        for (LocalDate day : List.of(today().plusDays(10), today().plusDays(13), today().plusDays(40), today().plusDays(47))) {
            given().auth().oauth2(viewer(b.tenant)).get("/api/v1/dunning/runs/preview?asOf=" + day + "&buyerId=" + b.buyer)
                    .then().statusCode(200).body("steps.flatten().findAll { it.outcome != 'SKIPPED' }", empty());
        }
    }

    /**
     * Instalment 1 (5 days ago) 3,000.00 paid of 5,000.00: while the plan is kept the buyer owes the 2,000.00 left of it
     * for 5 days, 2 + 5 = 7 points (the case waits on the plan: no action due). invoice-service finds it missed and
     * breaks the plan the next day: the case is back with its collector today, the 7,000.00 left owed from INV-1's own
     * due date, 7 + 30 + 25 = 62 (a day the tenant does not work today: the action is due on its next working day,
     * 37); the case's log names the break and its 7,000.00; the ladder duns the 7,000.00 from the break, as the remainder
     * of the plan, nothing of the instalments any more.
     */
    @Test
    void aMissedInstalmentBreaksThePlanAndTheBuyerOwesWhatIsLeftFromItsInvoicesDueDate() {
        LocalDate today = today();
        Buyer b = underPlan(today.minusDays(5));
        invoice(b.tenant, b.buyer, "payment-received", payment("payment-received", b.buyer, b.invoice, "3000.00", "7000.00"));
        await("instalment 1 owes 2,000.00", () -> Database.count("select count(*) from plan_instalment where tenant_id = ?"
                + " and plan_id = ?::uuid and number = 1 and open_amount = 2000", b.tenant, b.plan) == 1);
        given().auth().oauth2(viewer(b.tenant)).get(WORKLIST).then().statusCode(200)
                .body("items.overdue.flatten().amount", contains("2000.00"), "items.daysPastDue", contains(5),
                        "items.points", contains(7), "items[0].caseFile.state", equalTo("PAYMENT_PLAN"));

        LocalDate broke = today.minusDays(4);
        invoice(b.tenant, b.buyer, "instalment-missed", Map.of("planId", b.plan, "buyerId", b.buyer, "instalmentNumber", 1,
                "dueDate", today.minusDays(5).toString(), "amountDue", money("5000.00"), "amountPaid", money("3000.00"),
                "asOf", broke.toString()));
        invoice(b.tenant, b.buyer, "plan-broken", Map.of("planId", b.plan, "buyerId", b.buyer, "invoiceIds",
                List.of(b.invoice), "reason", "instalment 1 missed", "openAmount", money("7000.00"), "asOf", broke.toString()));
        await("back in progress", () -> run(() -> cases.find(b.tenant, b.c.id())).state() == CaseState.IN_PROGRESS);
        LocalDate next = BusinessCalendar.DEFAULT.nextWorkingDay(today);
        given().auth().oauth2(viewer(b.tenant)).get(WORKLIST).then().statusCode(200)
                .body("items.overdue.flatten().amount", contains("7000.00"), "items.daysPastDue", contains(30),
                        "items.points", contains(next.equals(today) ? 62 : 37),
                        "items[0].caseFile.nextActionOn", equalTo(next.toString()));
        given().auth().oauth2(viewer(b.tenant)).get("/api/v1/collections/cases/" + b.c.id()).then().statusCode(200)
                .body("caseFile.state", equalTo("IN_PROGRESS"),
                        "log.find { it.kind == 'plan-broken' }.detail.openAmount", equalTo("7000.00"),
                        "log.find { it.kind == 'plan-broken' }.detail.asOf", equalTo(broke.toString()));
        given().auth().oauth2(viewer(b.tenant)).get("/api/v1/dunning/runs/preview?asOf=" + today + "&buyerId=" + b.buyer)
                .then().statusCode(200)
                .body("[0].steps.findAll { it.outcome != 'SKIPPED' }.itemReference.unique()",
                        contains(b.invoice + "/" + b.plan),
                        "[0].steps.findAll { it.outcome == 'TAKEN' }.stepKey", hasItem("payment-request"));
    }

    /** {@link #underPlan} in 10 and 40 days: nothing overdue under the plan, its first instalment's steps ahead. */
    private Buyer keptBeforeItsFirstInstalment() {
        Buyer b = underPlan(today().plusDays(10));
        given().auth().oauth2(viewer(b.tenant)).get(WORKLIST).then().statusCode(200)
                .body("items.buyerId", contains(b.buyer), "items.points", contains(0), "items[0].overdue", empty());
        given().auth().oauth2(viewer(b.tenant)).get("/api/v1/dunning/runs/preview?asOf=" + today().plusDays(10)
                + "&buyerId=" + b.buyer).then().statusCode(200)
                .body("[0].steps.findAll { it.outcome != 'SKIPPED' }.itemReference", contains(b.plan + "#1",
                        b.plan + "#1", b.plan + "#1"));
        return b;
    }

    /** The buyer of a fresh tenant with INV-1 and its case, the plan agreed over it, instalment 1 on {@code first}. */
    private Buyer underPlan(LocalDate first) {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, inv, "10000.00", today().minusDays(30)));
        await("issued", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, inv) == 1);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));
        invoice(tenant, buyer, "payment-plan-agreed", Map.of("planId", plan, "buyerId", buyer, "invoiceIds", List.of(inv),
                "principal", money("10000.00"), "interest", money("0.00"), "instalments", List.of(
                        Map.of("number", 1, "dueDate", first.toString(), "amount", money("5000.00")),
                        Map.of("number", 2, "dueDate", first.plusDays(30).toString(), "amount", money("5000.00")))));
        await("payment plan", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.PAYMENT_PLAN);
        return new Buyer(tenant, buyer, inv, plan, c);
    }

    private record Buyer(String tenant, String buyer, String invoice, String plan, CaseView c) {
    }

    private static String viewer(String tenant) {
        return Tokens.tenant(tenant).roles("viewer").mint();
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
