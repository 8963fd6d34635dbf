package io.tradecredit.e2e;

import static io.tradecredit.e2e.harness.Api.await;
import static io.tradecredit.e2e.harness.Api.call;
import static io.tradecredit.e2e.harness.Api.money;
import static io.tradecredit.e2e.harness.Api.runJob;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tradecredit.e2e.harness.Api;
import io.tradecredit.e2e.harness.Platform;
import io.tradecredit.testing.Topics;

/**
 * Issue 15, scenario 2, "dispute": 4,000 of a 10,000 invoice disputed before its due date; only the
 * undisputed 6,000 is dunned (the letter's amount) and charged (interest on 6,000 only); the
 * dispute upheld, its credit note issued; the 6,000 paid; the case closed as paid.
 *
 * <p>Dates: due date D = today − 40 (run on D and D + 15), apart from every other scenario's.
 */
@ExtendWith(Platform.class)
class DisputeIT {
    final Tenant seller = new Tenant("dispute").worksAndSendsEveryDay();
    final LocalDate due = Api.today().minusDays(40);

    @Test
    void onlyTheUndisputedPartIsDunnedAndChargedUntilTheUpheldDisputeAndThePaymentCloseTheCase() throws IOException {
        Tenant.Buyer buyer = seller.buyer("杭州东方纺织有限公司", "50000.00");
        String number = "INV-DSP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String invoice = seller.issue(buyer, number, due.minusDays(30), due, "10000.00");
        String disputes = "/api/v1/invoices/" + invoice + "/disputes";
        String dispute = call("invoice-service", seller.collector).body(Map.of("type", "QUALITY",
                "disputedAmount", money("4000.00"), "description", "4 of 10 pumps arrived damaged",
                "evidence", List.of("photos DOC-17"), "raisedOn", due.minusDays(10).toString()))
                .post(disputes).then().statusCode(201).extract().path("id");
        // collections learns the dispute from invoice-events (its publication is not instant: the outbox relays it)
        Topics.read(Platform.harness().kafkaBootstrap(), "invoice-events", java.time.Duration.ofSeconds(60),
                seen -> seen.stream().anyMatch(r -> seller.id.equals(Topics.header(r, "ce_tenantid"))
                        && "io.tradecredit.invoice.dispute-opened.v1".equals(Topics.header(r, "ce_type"))));
        Api.awaitRead("collections-service", "invoice-events");

        // due date (−7 and −3 caught up): the letter asks for the undisputed 6,000 only
        runJob("collections-service", "dunning-run", due);
        String letter = seller.awaitMessage(buyer, "dunning.payment-request", "LETTER");
        byte[] pdf = call("notification-service", seller.admin).accept("application/pdf")
                .get("/api/v1/messages/" + letter + "/content").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(number) && text.contains("6000.00"), text);
            assertFalse(text.contains("10000.00"), text);
        }

        // charged on the undisputed part only: 6,000 x 0.05% a day x 10 days = 30.00 (on 10,000 it would be 50.00)
        call("invoice-service", seller.erp).queryParam("asOf", due.plusDays(10).toString())
                .get("/api/v1/invoices/" + invoice + "/late-charges").then().statusCode(200)
                .body("daysPastDue", equalTo(10), "collectible.amount", equalTo("6000.00"),
                        "interest.amount", equalTo("30.00"));

        // + 15: the case is opened; the formal demand (caught up with the + 3 task) asks for 6,000
        runJob("collections-service", "dunning-run", due.plusDays(15));
        String caseId = seller.worklistEntry(buyer).getString("caseFile.id");
        await("the demand email", () -> Tenant.dunningMails(buyer).size() == 1);
        String demand = Tenant.dunningMails(buyer).get(0).text();
        assertTrue(demand.contains("6000.00") && !demand.contains("10000.00"), demand);

        // upheld: the disputed 4,000 credited by a credit note; 6,000 still overdue, the case stays open
        call("invoice-service", seller.collector).body(Map.of("responsibleParty", "SELLER",
                "findings", "packing was insufficient")).post(disputes + "/" + dispute + "/assessment")
                .then().statusCode(200);
        call("invoice-service", seller.erp).body(Map.of("outcome", "UPHELD", "rootCause", "packing",
                "creditPolicyAdjustment", "none")).post(disputes + "/" + dispute + "/resolution").then()
                .statusCode(200).body("resolution.outcome", equalTo("UPHELD"));
        call("invoice-service", seller.erp).get("/api/v1/invoices/" + invoice + "/credit-notes").then()
                .statusCode(200).body("size()", equalTo(1), "[0].amount.amount", equalTo("4000.00"));
        call("invoice-service", seller.erp).get("/api/v1/invoices/" + invoice).then().statusCode(200)
                .body("amounts.credited.amount", equalTo("4000.00"), "amounts.open.amount", equalTo("6000.00"));
        assertEquals("OPEN", seller.caseOf(caseId).getString("caseFile.state"));

        // the undisputed 6,000 paid: nothing left, the case closed as paid
        seller.pay(buyer, invoice, "6000.00");
        await("case closed", () -> "CLOSED".equals(seller.caseOf(caseId).getString("caseFile.state")));
        assertEquals("PAID", seller.caseOf(caseId).getString("caseFile.closeReason"));
        call("invoice-service", seller.erp).get("/api/v1/invoices/" + invoice).then().statusCode(200)
                .body("amounts.open.amount", equalTo("0.00"));
    }
}
