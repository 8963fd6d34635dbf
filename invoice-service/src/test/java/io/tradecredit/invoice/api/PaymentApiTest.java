package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_GLOBEX;
import static io.tradecredit.invoice.InvoiceFixtures.VIEWER_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.invoice;
import static io.tradecredit.invoice.InvoiceFixtures.issue;
import static io.tradecredit.invoice.PaymentFixtures.allocation;
import static io.tradecredit.invoice.PaymentFixtures.events;
import static io.tradecredit.invoice.PaymentFixtures.payment;
import static io.tradecredit.invoice.PaymentFixtures.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class PaymentApiTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 9, 15);
    static final LocalDate DUE_OCT_15 = LocalDate.of(2026, 10, 15);
    static final LocalDate DUE_NOV_15 = LocalDate.of(2026, 11, 15);
    static final String RECEIVED = "2026-11-20";
    /** The service's clock is UTC. */
    static final String TODAY = PlatformZone.today().toString();

    @Test
    void overpaymentSettlesInvoicesOldestFirstAndKeepsTheRestAsCredit() {
        UUID buyer = UUID.randomUUID();
        String later = issue(invoice(buyer, ISSUED, DUE_NOV_15));
        String older = issue(invoice(buyer, ISSUED, DUE_OCT_15));

        // 3,000.00 = 1,243.00 (due 15 Oct) + 1,243.00 (due 15 Nov) + 514.00 left as credit
        String paymentId = post(FINANCE_ACME, payment(buyer, "3000.00", RECEIVED, null)).statusCode(201)
                .header("Location", containsString("/api/v1/payments/"))
                .body("status", equalTo("POSTED"), "allocations.size()", equalTo(2),
                        "allocations[0].invoiceId", equalTo(older), "allocations[0].amount.amount", equalTo("1243.00"),
                        "allocations[1].invoiceId", equalTo(later), "unallocated.amount", equalTo("514.00"),
                        "creditRemaining.amount", equalTo("514.00"), "reversal", nullValue())
                .extract().path("id");

        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + older).then()
                .body("status", equalTo("PAID"), "amounts.open.amount", equalTo("0.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then().statusCode(200)
                .body("balances[0].amount", equalTo("514.00"), "movements.items[0].kind", equalTo("OVERPAYMENT"),
                        "movements.items[0].referenceId", equalTo(paymentId));
        assertEquals(2, Database.count("select count(*) from ledger_entry where reference_id = ?::uuid and kind = 'PAYMENT'"
                + " and effective_date = ?::date", paymentId, RECEIVED));

        JsonNode received = Contracts.assertValid(events(buyer, "io.tradecredit.invoice.payment-received.v1", 1).get(0));
        assertEquals("514.00", received.get("unallocated").get("amount").asText());
        assertEquals("514.00", received.get("buyerCreditBalance").get("amount").asText());
        assertEquals("0.00", received.get("allocations").get(0).get("openAmount").get("amount").asText());
        var paid = events(buyer, "io.tradecredit.invoice.paid.v1", 2);
        paid.forEach(Contracts::assertValid);
        JsonNode olderPaid = paid.stream().map(Contracts::assertValid)
                .filter(e -> e.get("invoiceId").asText().equals(older)).findFirst().orElseThrow();
        assertEquals(36, olderPaid.get("daysPastDue").asInt()); // 15 Oct to 20 Nov
        assertEquals("PAYMENT", olderPaid.get("settledBy").asText());
    }

    @Test
    void explicitPartialAllocationsLeaveInvoicesOpenAndTheRestAsCredit() {
        UUID buyer = UUID.randomUUID();
        String a = issue(invoice(buyer, ISSUED, DUE_OCT_15));
        String b = issue(invoice(buyer, ISSUED, DUE_NOV_15));
        // 1,300.00 = 1,000.00 on the later invoice + 243.00 on the older + 57.00 credit
        post(FINANCE_ACME, payment(buyer, "1300.00", RECEIVED, List.of(allocation(b, "1000.00"), allocation(a, "243.00"))))
                .statusCode(201).body("allocations.size()", equalTo(2), "unallocated.amount", equalTo("57.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + b).then()
                // past its due date (15 Nov): open and overdue, derived even before the daily job
                .body("status", equalTo("OVERDUE"), "amounts.paid.amount", equalTo("1000.00"),
                        "amounts.open.amount", equalTo("243.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + a).then().body("amounts.open.amount", equalTo("1000.00"));
        JsonNode event = Contracts.assertValid(events(buyer, "io.tradecredit.invoice.payment-received.v1", 1).get(0));
        assertEquals("243.00", event.get("allocations").get(0).get("openAmount").get("amount").asText());
    }

    @Test
    void prepaymentWithNoAllocationsIsKeptWholeAsCredit() {
        UUID newBuyer = UUID.randomUUID();
        post(FINANCE_ACME, payment(newBuyer, "5000.00", RECEIVED, List.of())).statusCode(201)
                .body("allocations.size()", equalTo(0), "unallocated.amount", equalTo("5000.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + newBuyer + "/credit").then()
                .body("balances[0].amount", equalTo("5000.00"));
    }

    @Test
    void badPaymentsAreRefusedNamingTheFieldAndNothingIsStored() {
        UUID buyer = UUID.randomUUID();
        String inv = issue(invoice(buyer, ISSUED, DUE_OCT_15));
        Map<String, Object> empty = Map.of();
        post(FINANCE_ACME, empty).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("buyerId", "amount", "receivedOn")));
        post(FINANCE_ACME, payment(buyer, "100.00", PlatformZone.today().plusDays(3).toString(), null)).statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        post(FINANCE_ACME, payment(buyer, "100.001", RECEIVED, null)).statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        post(FINANCE_ACME, payment(buyer, "100.00", RECEIVED, List.of(allocation(inv, "100.01")))).statusCode(400)
                .body("errors[0].field", equalTo("allocations"), "code", equalTo("allocation.exceeds-payment"));
        // received in three days and allocating 100.01 of 100.00: both named at once (it named receivedOn alone)
        post(FINANCE_ACME, payment(buyer, "100.00", PlatformZone.today().plusDays(3).toString(),
                List.of(allocation(inv, "100.01")))).statusCode(400).body("errors.field",
                        equalTo(List.of("receivedOn", "allocations")), "code", equalTo("payment.incomplete"));
        post(FINANCE_ACME, payment(buyer, "100.00", RECEIVED, List.of(Map.of("invoiceId", inv,
                "amount", Map.of("amount", "50.00", "currency", "EUR"))))).statusCode(400)
                .body("errors[0].field", equalTo("allocations[0].amount"));
        post(FINANCE_ACME, payment(buyer, "100.00", RECEIVED, List.of(allocation(UUID.randomUUID().toString(), "50.00"))))
                .statusCode(404).body("detail", containsString("allocations[0].invoiceId"));
        post(FINANCE_ACME, payment(UUID.randomUUID(), "100.00", RECEIVED, List.of(allocation(inv, "50.00"))))
                .statusCode(400).body("errors[0].field", equalTo("allocations[0].invoiceId"));
        post(FINANCE_ACME, payment(buyer, "2000.00", RECEIVED, List.of(allocation(inv, "1243.01")))).statusCode(409)
                .body("errors[0].field", equalTo("allocations[0].amount"),
                        "errors[0].message", containsString("1243.00 CNY open"));
        // another tenant's invoice does not exist for this one
        post(FINANCE_GLOBEX, payment(buyer, "100.00", RECEIVED, List.of(allocation(inv, "50.00")))).statusCode(404);
        assertEquals(0, Database.count("select count(*) from payment where buyer_id = ?", buyer));
        assertEquals(0, Database.count("select count(*) from ledger_entry where invoice_id = ?::uuid", inv));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + inv).then().body("amounts.paid.amount", equalTo("0.00"));
    }

    @Test
    void paymentsAreReadByIdAndListedPerBuyer() {
        UUID buyer = UUID.randomUUID();
        issue(invoice(buyer, ISSUED, DUE_OCT_15));
        String first = post(FINANCE_ACME, payment(buyer, "100.00", "2026-11-01", null)).statusCode(201).extract().path("id");
        String second = post(FINANCE_ACME, payment(buyer, "200.00", RECEIVED, null)).statusCode(201).extract().path("id");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/payments/" + first).then().statusCode(200)
                .body("amount.amount", equalTo("100.00"), "receivedOn", equalTo("2026-11-01"),
                        "allocations[0].invoiceNumber", containsString("INV-"));
        given().auth().oauth2(VIEWER_ACME).queryParam("buyerId", buyer).get("/api/v1/payments").then().statusCode(200)
                .body("total", equalTo(2), "items[0].id", equalTo(second), "items[1].id", equalTo(first));
        given().auth().oauth2(VIEWER_ACME).queryParam("buyerId", buyer).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/payments").then().body("items.size()", equalTo(1), "items[0].id", equalTo(first));
        given().auth().oauth2(VIEWER_ACME).queryParam("size", 0).get("/api/v1/payments").then().statusCode(400);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/payments/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void reversalUndoesEveryAllocationAndRemovesTheCredit() {
        UUID buyer = UUID.randomUUID();
        String inv = issue(invoice(buyer, ISSUED, DUE_OCT_15));
        String paymentId = post(FINANCE_ACME, payment(buyer, "1500.00", RECEIVED, null)).statusCode(201)
                .body("unallocated.amount", equalTo("257.00")).extract().path("id");
        given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(Map.of("reason", "posted to wrong buyer"))
                .post("/api/v1/payments/" + paymentId + "/reversal").then().statusCode(200)
                .body("status", equalTo("REVERSED"), "reversal.reason", equalTo("posted to wrong buyer"),
                        "reversal.reversedOn", equalTo(TODAY),
                        "creditRemaining.amount", equalTo("0.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + inv).then()
                .body("status", equalTo("OVERDUE"), "amounts.open.amount", equalTo("1243.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then()
                .body("balances[0].amount", equalTo("0.00"), "movements.items[0].kind", equalTo("PAYMENT_REVERSED"),
                        "movements.items[0].amount.amount", equalTo("-257.00"));
        assertEquals(1, Database.count("select count(*) from ledger_entry where reference_id = ?::uuid"
                + " and kind = 'PAYMENT_REVERSAL' and amount = -1243.00 and effective_date = ?::date", paymentId, RECEIVED));
        JsonNode event = Contracts.assertValid(events(buyer, "io.tradecredit.invoice.payment-reversed.v1", 1).get(0));
        assertEquals("posted to wrong buyer", event.get("reason").asText());
        assertEquals("1243.00", event.get("allocations").get(0).get("openAmount").get("amount").asText());
        assertEquals("0.00", event.get("buyerCreditBalance").get("amount").asText());

        given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/payments/" + paymentId + "/reversal").then().statusCode(409)
                .body("detail", containsString("already reversed"));
        given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/payments/" + paymentId + "/reversal").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void otherTenantsPaymentAnswers404() {
        UUID buyer = UUID.randomUUID();
        String id = post(FINANCE_ACME, payment(buyer, "10.00", RECEIVED, List.of())).statusCode(201).extract().path("id");
        given().auth().oauth2(FINANCE_GLOBEX).get("/api/v1/payments/" + id).then().statusCode(404);
        given().auth().oauth2(FINANCE_GLOBEX).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/payments/" + id + "/reversal").then().statusCode(404);
        given().auth().oauth2(FINANCE_GLOBEX).queryParam("buyerId", buyer).get("/api/v1/payments").then()
                .body("total", equalTo(0));
        given().auth().oauth2(FINANCE_GLOBEX).get("/api/v1/buyers/" + buyer + "/credit").then().statusCode(404);
    }

    @Test
    void rolesDecideWhoMayPostReadAndReverse() {
        UUID buyer = UUID.randomUUID();
        String id = post(FINANCE_ACME, payment(buyer, "10.00", RECEIVED, List.of())).statusCode(201).extract().path("id");
        post(VIEWER_ACME, payment(buyer, "10.00", RECEIVED, null)).statusCode(403);
        String collector = Tokens.tenant("acme").roles("collector").mint();
        given().auth().oauth2(collector).get("/api/v1/payments/" + id).then().statusCode(200);
        given().auth().oauth2(collector).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/payments/" + id + "/reversal").then().statusCode(403);
        given().auth().oauth2(Tokens.tenant("acme").roles("agency").agency("swiftcollect").mint())
                .get("/api/v1/payments").then().statusCode(403);
        String admin = Tokens.tenant("acme").roles("tenant-admin").mint();
        post(admin, payment(buyer, "10.00", RECEIVED, List.of())).statusCode(201);
        given().get("/api/v1/payments").then().statusCode(401);
        Set<String> ids = given().auth().oauth2(VIEWER_ACME).queryParam("buyerId", buyer).get("/api/v1/payments")
                .then().extract().<List<String>>path("items.id").stream().collect(Collectors.toSet());
        assertEquals(2, ids.size());
    }
}
