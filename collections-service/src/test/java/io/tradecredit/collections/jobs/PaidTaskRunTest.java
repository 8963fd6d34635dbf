package io.tradecredit.collections.jobs;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.issue;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * A payment acts at once on the ladder's tasks: the +3 call to confirm the reason leaves the
 * worklist when the buyer paid everything (docs/domain.md §3 "Payments act at once").
 */
@QuarkusTest
class PaidTaskRunTest {
    // a year of its own: every date of this test is run only here
    static final LocalDate DUE = LocalDate.of(2039, 3, 2);
    static final String WORKLIST = "/api/v1/collections/worklist";

    @Test
    void aPaymentOfEverythingCancelsTheReasonCallAndTheBuyerLeavesTheWorklist() {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "12000.00", DUE);
        issue(tenant, other, "3000.00", DUE);
        // +15: the catch-up takes the +3 call and opens the case
        runCompleted(DUE.plusDays(15));
        String viewer = Tokens.tenant(tenant).roles("viewer").mint();
        given().auth().oauth2(viewer).get(WORKLIST).then().statusCode(200).body("total", equalTo(2),
                "items.find { it.buyerId == '" + buyer + "' }.openTasks", hasSize(1),
                "items.find { it.buyerId == '" + buyer + "' }.openTasks[0].stepKey", equalTo("reason-call"));

        ReadModelEvents.invoice(tenant, buyer, "payment-received",
                ReadModelEvents.payment("payment-received", buyer, invoice, "12000.00", "0.00"));
        ReadModelEvents.await("the task cancelled", () -> Database.count("select count(*) from collector_task"
                + " where tenant_id = ? and buyer_id = ?::uuid and done_on is not null", tenant, buyer) == 1);
        assertEquals(1, Database.count("select count(*) from collector_task where tenant_id = ? and buyer_id = ?::uuid"
                + " and done_by = 'invoice-service' and cancelled_because = ?", tenant, buyer,
                "nothing owed any more on " + ReadModelEvents.number(invoice)));
        // the case logged it before it closed; the buyer, owing nothing, is off the worklist
        assertEquals(1, Database.count("select count(*) from case_activity a join collection_case c on c.tenant_id = a.tenant_id"
                + " and c.id = a.case_id where c.tenant_id = ? and c.buyer_id = ?::uuid and a.kind = 'task-cancelled'",
                tenant, buyer));
        given().auth().oauth2(viewer).get(WORKLIST).then().statusCode(200).body("total", equalTo(1),
                "items.buyerId", hasItem(other));
    }

    /**
     * The +3 call about an invoice of 3,000.00 (due 1 June 2039, taken with the case's opening at +15) is moot once
     * the buyer agrees a plan over it (1,500.00 on 1 July and 1 August): the invoice is no longer overdue, the
     * instalments are what the ladder duns. Until session 30 the task stayed on the worklist, telling the collector
     * to call about an invoice the buyer was keeping a plan for.
     */
    @Test
    void anAgreedPlanCancelsTheReasonCallAboutItsInvoiceAndTheCaseLogsIt() {
        LocalDate due = LocalDate.of(2039, 6, 1);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "3000.00", due);
        runCompleted(due.plusDays(15));
        String viewer = Tokens.tenant(tenant).roles("viewer").mint();
        given().auth().oauth2(viewer).get(WORKLIST).then().statusCode(200).body("total", equalTo(1),
                "items[0].openTasks", hasSize(1), "items[0].openTasks[0].stepKey", equalTo("reason-call"));

        ReadModelEvents.invoice(tenant, buyer, "payment-plan-agreed",
                ReadModelEvents.planAgreed(buyer, UUID.randomUUID().toString(), invoice, due.plusMonths(1)));
        ReadModelEvents.await("the task cancelled", () -> Database.count("select count(*) from collector_task"
                + " where tenant_id = ? and buyer_id = ?::uuid and done_on is not null", tenant, buyer) == 1);
        assertEquals(1, Database.count("select count(*) from collector_task where tenant_id = ? and buyer_id = ?::uuid"
                + " and done_by = 'invoice-service' and cancelled_because = ?", tenant, buyer,
                "under an agreed payment plan: " + ReadModelEvents.number(invoice)));
        // the case, waiting on the plan, stays on the worklist without the task; its log says why the task went
        given().auth().oauth2(viewer).get(WORKLIST).then().statusCode(200).body("total", equalTo(1),
                "items[0].openTasks", hasSize(0), "items[0].caseFile.state", equalTo("PAYMENT_PLAN"));
        assertEquals(1, Database.count("select count(*) from case_activity a join collection_case c on c.tenant_id = a.tenant_id"
                + " and c.id = a.case_id where c.tenant_id = ? and c.buyer_id = ?::uuid and a.kind = 'task-cancelled'",
                tenant, buyer));
    }
}
