package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_GLOBEX;
import static io.tradecredit.invoice.InvoiceFixtures.VIEWER_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.invoice;
import static io.tradecredit.invoice.InvoiceFixtures.issue;
import static io.tradecredit.invoice.InvoiceFixtures.money;
import static io.tradecredit.invoice.api.DisputeApiTest.ISSUED;
import static io.tradecredit.invoice.api.DisputeApiTest.TODAY;
import static io.tradecredit.invoice.api.DisputeApiTest.amounts;
import static io.tradecredit.invoice.api.DisputeApiTest.openDispute;
import static io.tradecredit.invoice.api.DisputeApiTest.post;
import static io.tradecredit.invoice.api.InvoiceApiTest.eventFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.invoice.PaymentFixtures;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** Credit notes and write-offs on an invoice of 1,243.00 CNY. */
@QuarkusTest
class CreditNoteApiTest {
    static final String COLLECTOR = Tokens.tenant("acme").roles("collector").mint();
    static final String ADMIN = Tokens.tenant("acme").roles("tenant-admin").subject("zhao.admin").mint();

    static String creditNotes(String invoiceId) {
        return "/api/v1/invoices/" + invoiceId + "/credit-notes";
    }

    static String writeOff(String invoiceId) {
        return "/api/v1/invoices/" + invoiceId + "/write-off";
    }

    @Test
    void creditNoteOf243LeavesAThousandOpenAndIsNumberedPerTenant() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30)));
        String first = post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("243.00"), "reason", "price agreed"))
                .statusCode(201).body("amount.amount", equalTo("243.00"), "number", matchesPattern("CN-\\d{6,}"),
                        "issuedOn", equalTo(TODAY.toString()), "createdBy", equalTo("tester"))
                .extract().path("number");
        String second = post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("1.00"), "reason", "rounding"))
                .statusCode(201).extract().path("number");
        assertEquals(Integer.parseInt(first.substring(3)) + 1, Integer.parseInt(second.substring(3)));

        amounts(id).body("amounts.credited.amount", equalTo("244.00"), "amounts.open.amount", equalTo("999.00"));
        given().auth().oauth2(VIEWER_ACME).get(creditNotes(id)).then().statusCode(200)
                .body("number", equalTo(List.of(first, second)));
        assertEquals(2, Database.count("select count(*) from ledger_entry where invoice_id = ? and kind = 'CREDIT_NOTE'",
                UUID.fromString(id)));
        JsonNode event = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.credit-note-issued.v1"));
        assertEquals(first, event.get("creditNoteNumber").asText());
        assertEquals("1000.00", event.get("openAmount").get("amount").asText());

        // numbering is per tenant: another tenant's notes do not take acme's numbers
        String globexInvoice = given().auth().oauth2(FINANCE_GLOBEX).contentType("application/json")
                .body(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30))).post("/api/v1/invoices").then()
                .statusCode(201).extract().path("id");
        String globexNumber = post(FINANCE_GLOBEX, creditNotes(globexInvoice),
                Map.of("amount", money("1.00"), "reason", "x")).statusCode(201).extract().path("number");
        String third = post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("1.00"), "reason", "again"))
                .statusCode(201).extract().path("number");
        assertEquals(Integer.parseInt(second.substring(3)) + 1, Integer.parseInt(third.substring(3)));
        assertTrue(globexNumber.startsWith("CN-"), globexNumber);
    }

    @Test
    void creditNoteBeyondTheOpenAmountOrWithBadInputChangesNothing() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("1243.01"), "reason", "x")).statusCode(409)
                .contentType("application/problem+json");
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("0.00"), "reason", "x")).statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", Map.of("amount", "5.00", "currency", "USD"), "reason", "x"))
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("5.00"))).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post(FINANCE_ACME, creditNotes(id), Map.of("reason", "x")).statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        amounts(id).body("amounts.credited.amount", equalTo("0.00"));
        assertEquals(0, Database.count("select count(*) from credit_note where invoice_id = ?", UUID.fromString(id)));
    }

    @Test
    void aCreditNoteOnTheDisputedPartIsRefusedSoTheUpheldDisputeCreditsTheBuyerNothingUnpaid() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30)));
        String disputeId = openDispute(id, "243.00");
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("1100.00"), "reason", "price agreed"))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("exceeds the 1000.00 CNY open and not under dispute"));
        amounts(id).body("amounts.credited.amount", equalTo("0.00"), "amounts.disputed.amount", equalTo("243.00"));
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("1000.00"), "reason", "price agreed"))
                .statusCode(201);
        DisputeApiTest.assess(id, disputeId);
        post(FINANCE_ACME, DisputeApiTest.disputes(id) + "/" + disputeId + "/resolution",
                Map.of("outcome", "UPHELD", "rootCause", "packing")).statusCode(200);
        amounts(id).body("status", equalTo("CREDITED"), "amounts.credited.amount", equalTo("1243.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then().statusCode(200)
                .body("balances.size()", equalTo(0));
    }

    @Test
    void creditNoteForTheWholeOpenAmountCreditsTheInvoice() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("1243.00"), "reason", "goods returned"))
                .statusCode(201);
        amounts(id).body("status", equalTo("CREDITED"), "amounts.open.amount", equalTo("0.00"));
    }

    @Test
    void aCreditNoteThatSettlesAPartPaidInvoiceTellsThatItWasPaid() {
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(100);
        String id = issue(invoice(buyer, due.minusDays(30), due));
        // 1,000.00 paid 90 days late, then the rest credited
        PaymentFixtures.post(FINANCE_ACME, PaymentFixtures.payment(buyer, "1000.00", due.plusDays(90).toString(),
                List.of(PaymentFixtures.allocation(id, "1000.00")))).statusCode(201);
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("243.00"), "reason", "price agreed"))
                .statusCode(201);

        amounts(id).body("status", equalTo("PAID"), "amounts.open.amount", equalTo("0.00"));
        JsonNode paid = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.paid.v1"));
        assertEquals(id, paid.get("invoiceId").asText());
        assertEquals(TODAY.toString(), paid.get("paidOn").asText());
        // the buyer paid 90 days late; the note 100 days after the due date is not the buyer paying
        assertEquals(90, paid.get("daysPastDue").asInt());
        assertEquals("CREDIT_NOTE", paid.get("settledBy").asText());
        assertEquals("0.00", paid.get("openAmount").get("amount").asText());
    }

    @Test
    void anInvoicePaidOnTimeAndLaterCreditedForTheRestIsToldPaidOnTime() {
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(60);
        String id = issue(invoice(buyer, due.minusDays(30), due));
        // 1,000.00 of 1,243.00 on the due date; a payment of 243.00 bounced; the 243.00 credited 60 days on
        PaymentFixtures.post(FINANCE_ACME, PaymentFixtures.payment(buyer, "1000.00", due.toString(),
                List.of(PaymentFixtures.allocation(id, "1000.00")))).statusCode(201);
        String bounced = PaymentFixtures.post(FINANCE_ACME, PaymentFixtures.payment(buyer, "200.00",
                due.plusDays(20).toString(), List.of(PaymentFixtures.allocation(id, "200.00")))).statusCode(201)
                .extract().path("id");
        post(FINANCE_ACME, "/api/v1/payments/" + bounced + "/reversal", Map.of("reason", "bounced")).statusCode(200);
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("243.00"), "reason", "price agreed"))
                .statusCode(201);

        JsonNode paid = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.paid.v1"));
        assertEquals(TODAY.toString(), paid.get("paidOn").asText());
        assertEquals(0, paid.get("daysPastDue").asInt());
        assertEquals("CREDIT_NOTE", paid.get("settledBy").asText());
    }

    @Test
    void writeOffTakesTheOpenRestIncludingDisputedAndIsRefusedWhenNothingIsOpen() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30)));
        post(FINANCE_ACME, creditNotes(id), Map.of("amount", money("243.00"), "reason", "price agreed")).statusCode(201);
        openDispute(id, "100.00");
        post(ADMIN, writeOff(id), Map.of("reason", "buyer insolvent")).statusCode(200)
                .body("status", equalTo("WRITTEN_OFF"), "amounts.writtenOff.amount", equalTo("1000.00"),
                        "amounts.open.amount", equalTo("0.00"), "amounts.disputed.amount", equalTo("0.00"),
                        "closedReason", equalTo("buyer insolvent"));
        assertEquals(1, Database.count("select count(*) from ledger_entry where invoice_id = ? and kind = 'WRITE_OFF'"
                + " and amount = 1000 and created_by = 'zhao.admin'", UUID.fromString(id)));
        JsonNode event = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.written-off.v1"));
        assertEquals("1000.00", event.get("amount").get("amount").asText());
        assertEquals("buyer insolvent", event.get("reason").asText());
        assertTrue(event.path("paidByBuyer").isNull() || event.path("paidByBuyer").isMissingNode(), "nothing paid: the credit note is not the buyer paying");

        post(ADMIN, writeOff(id), Map.of("reason", "again")).statusCode(409)
                .body("detail", containsString("nothing to write off"));
        assertEquals(1, Database.count("select count(*) from ledger_entry where invoice_id = ? and kind = 'WRITE_OFF'",
                UUID.fromString(id)));
    }

    /**
     * The buyer paid 1,000.00 of 1,243.00 thirty days late (a later 200.00 bounced), the rest was written off: the
     * written-off event tells the 1,000.00, the day and the 30 days past due, so credit-service weighs the part the
     * buyer paid at its lateness and only the 243.00 as never paid. Before, the event told only the 243.00 and the
     * paid part's day was lost.
     */
    @Test
    void aWriteOffTellsWhatTheBuyerHadPaidOfTheInvoiceAndHowLate() {
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(90);
        String id = issue(invoice(buyer, due.minusDays(30), due));
        PaymentFixtures.post(FINANCE_ACME, PaymentFixtures.payment(buyer, "1000.00", due.plusDays(30).toString(),
                List.of(PaymentFixtures.allocation(id, "1000.00")))).statusCode(201);
        String bounced = PaymentFixtures.post(FINANCE_ACME, PaymentFixtures.payment(buyer, "200.00",
                due.plusDays(40).toString(), List.of(PaymentFixtures.allocation(id, "200.00")))).statusCode(201)
                .extract().path("id");
        post(FINANCE_ACME, "/api/v1/payments/" + bounced + "/reversal", Map.of("reason", "bounced")).statusCode(200);
        post(ADMIN, writeOff(id), Map.of("reason", "buyer insolvent")).statusCode(200)
                .body("amounts.writtenOff.amount", equalTo("243.00"), "amounts.paid.amount", equalTo("1000.00"));

        JsonNode event = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.written-off.v1"));
        assertEquals("243.00", event.get("amount").get("amount").asText());
        JsonNode paid = event.get("paidByBuyer");
        assertEquals("1000.00", paid.get("amount").get("amount").asText());
        assertEquals("CNY", paid.get("amount").get("currency").asText());
        assertEquals(due.plusDays(30).toString(), paid.get("lastPaidOn").asText());
        assertEquals(30, paid.get("daysPastDue").asInt());
    }

    @Test
    void writeOffNeedsAReason() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        post(FINANCE_ACME, writeOff(id), Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        amounts(id).body("status", equalTo("OPEN"));
    }

    @Test
    void aWriteOffReasonSentAsPlainTextIsRefusedAndChangesNothing() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        given().auth().oauth2(FINANCE_ACME).contentType("text/plain").body("customer went bankrupt")
                .post(writeOff(id)).then().statusCode(415).contentType("application/problem+json");
        amounts(id).body("status", equalTo("OPEN"));
    }

    @Test
    void otherTenantsInvoiceAnswers404() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        post(FINANCE_GLOBEX, creditNotes(id), Map.of("amount", money("1.00"), "reason", "x")).statusCode(404);
        given().auth().oauth2(FINANCE_GLOBEX).get(creditNotes(id)).then().statusCode(404);
        post(FINANCE_GLOBEX, writeOff(id), Map.of("reason", "x")).statusCode(404);
        amounts(id).body("amounts.open.amount", equalTo("1243.00"), "status", equalTo("OPEN"));
    }

    @Test
    void onlyFinanceAndTenantAdminsCreditOrWriteOff() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        post(COLLECTOR, creditNotes(id), Map.of("amount", money("1.00"), "reason", "x")).statusCode(403);
        post(VIEWER_ACME, creditNotes(id), Map.of("amount", money("1.00"), "reason", "x")).statusCode(403);
        post(COLLECTOR, writeOff(id), Map.of("reason", "x")).statusCode(403);
        given().auth().oauth2(VIEWER_ACME).get(creditNotes(id)).then().statusCode(200);
        amounts(id).body("amounts.open.amount", equalTo("1243.00"));
    }
}
