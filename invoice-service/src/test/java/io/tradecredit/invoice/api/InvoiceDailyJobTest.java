package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_GLOBEX;
import static io.tradecredit.invoice.InvoiceFixtures.VIEWER_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.invoice;
import static io.tradecredit.invoice.InvoiceFixtures.issue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** The daily job in batches (7 invoices a batch in tests), through the operator endpoint. */
@QuarkusTest
class InvoiceDailyJobTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();
    static final String OVERDUE = "io.tradecredit.invoice.became-overdue.v1";
    // earlier than any other test's invoices: this run's invoices are the only ones due before it
    // (LateChargeStatementJobTest's batch leaves an invoice due 2017-04-30 open: these are before 2017)
    static final LocalDate ISSUED = LocalDate.of(2016, 1, 2);
    static final LocalDate AS_OF = LocalDate.of(2016, 2, 5);

    @Test
    void marksEveryDueInvoiceOfEveryTenantOverdueBatchByBatchAnnouncingEachOnce() {
        UUID acmeBuyer = UUID.randomUUID();
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            due.add(issue(invoice(acmeBuyer, ISSUED, ISSUED.plusDays(30 + i % 3)))); // due Feb 1-3
        }
        String notYetDue = issue(invoice(acmeBuyer, ISSUED, AS_OF));
        UUID globexBuyer = UUID.randomUUID();
        given().auth().oauth2(FINANCE_GLOBEX).contentType(ContentType.JSON)
                .body(invoice(globexBuyer, ISSUED, ISSUED.plusDays(30))).post("/api/v1/invoices").then().statusCode(201);

        // 24 invoices: 4 batches of overdue invoices (7+7+7+3), then the plans
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + AS_OF).then().statusCode(200)
                .body("status", equalTo("COMPLETED"), "firstRun", equalTo(true), "attempts", equalTo(1),
                        "batches", greaterThanOrEqualTo(4),
                        "summary", startsWith("24 invoice(s) became overdue, 0 payment plan(s) broken"));
        for (String id : due) {
            given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + id + "?asOf=" + AS_OF).then()
                    .body("status", equalTo("OVERDUE"));
        }
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + notYetDue + "?asOf=" + AS_OF).then()
                .body("status", equalTo("OPEN"));
        // the job records the status it announced: no row due before the date is left OPEN
        assertEquals(0, Database.count("select count(*) from invoice where status = 'OPEN' and due_date < ?"
                + " and issue_date >= ? and issue_date < ?", AS_OF, ISSUED.minusDays(60), AS_OF));
        assertEquals(23, overdueEvents(acmeBuyer));
        assertEquals(23, Database.count("select count(distinct payload::jsonb ->> 'invoiceId') from outbox"
                + " where event_type = ? and aggregate_id = ?", OVERDUE, acmeBuyer.toString()));
        assertEquals(1, overdueEvents(globexBuyer));

        // the date is done: running it again does nothing
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + AS_OF).then().statusCode(200)
                .body("status", equalTo("COMPLETED"), "firstRun", equalTo(false), "rows", greaterThanOrEqualTo(24));
        assertEquals(23, overdueEvents(acmeBuyer));
        assertEquals(1, overdueEvents(globexBuyer));
    }

    private static long overdueEvents(UUID buyer) {
        return Database.count("select count(*) from outbox where event_type = ? and aggregate_id = ?", OVERDUE,
                buyer.toString());
    }
}
