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
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;

@QuarkusTest
class BuyerCreditApiTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 9, 15);
    static final String RECEIVED = "2026-11-20";
    static final String TODAY = PlatformZone.today().toString();

    static ValidatableResponse apply(String token, UUID buyer, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/buyers/" + buyer + "/credit/applications").then();
    }

    static Map<String, Object> inCny(List<Map<String, Object>> allocations) {
        Map<String, Object> m = new HashMap<>();
        m.put("currency", "CNY");
        if (allocations != null) {
            m.put("allocations", allocations);
        }
        return m;
    }

    @Test
    void creditFromAnOverpaymentIsAppliedOldestFirstToLaterInvoices() {
        UUID buyer = UUID.randomUUID();
        issue(invoice(buyer, ISSUED, LocalDate.of(2026, 10, 15)));
        // 1,500.00 - 1,243.00 = 257.00 credit
        post(FINANCE_ACME, payment(buyer, "1500.00", RECEIVED, null)).statusCode(201);
        String dueLater = issue(invoice(buyer, ISSUED, LocalDate.of(2026, 12, 20)));
        String dueSooner = issue(invoice(buyer, ISSUED, LocalDate.of(2026, 12, 10)));

        String applicationId = apply(FINANCE_ACME, buyer, inCny(null)).statusCode(201)
                .body("amount.amount", equalTo("257.00"), "appliedOn", equalTo(TODAY),
                        "allocations.size()", equalTo(1), "allocations[0].invoiceId", equalTo(dueSooner),
                        "buyerCreditBalance.amount", equalTo("0.00"))
                .extract().path("id");

        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + dueSooner).then()
                .body("amounts.open.amount", equalTo("986.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + dueLater).then()
                .body("amounts.open.amount", equalTo("1243.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then().statusCode(200)
                .body("balances.size()", equalTo(1), "balances[0].amount", equalTo("0.00"),
                        "movements.total", equalTo(2), "movements.items[0].kind", equalTo("APPLIED"),
                        "movements.items[0].amount.amount", equalTo("-257.00"),
                        "movements.items[0].referenceId", equalTo(applicationId),
                        "movements.items[1].kind", equalTo("OVERPAYMENT"));
        assertEquals(1, Database.count("select count(*) from ledger_entry where reference_id = ?::uuid"
                + " and kind = 'PAYMENT' and amount = 257.00 and invoice_id = ?::uuid", applicationId, dueSooner));

        JsonNode event = Contracts.assertValid(events(buyer, "io.tradecredit.invoice.buyer-credit-applied.v1", 1).get(0));
        assertEquals(applicationId, event.get("applicationId").asText());
        assertEquals("986.00", event.get("allocations").get(0).get("openAmount").get("amount").asText());
    }

    @Test
    void explicitApplicationSettlesTheInvoiceAndAnnouncesItPaid() {
        UUID buyer = UUID.randomUUID();
        post(FINANCE_ACME, payment(buyer, "2000.00", RECEIVED, List.of())).statusCode(201); // prepayment
        String inv = issue(invoice(buyer, ISSUED, LocalDate.of(2026, 12, 10)));
        apply(FINANCE_ACME, buyer, inCny(List.of(allocation(inv, "1243.00")))).statusCode(201)
                .body("amount.amount", equalTo("1243.00"), "buyerCreditBalance.amount", equalTo("757.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + inv).then().body("status", equalTo("PAID"));
        JsonNode paid = Contracts.assertValid(events(buyer, "io.tradecredit.invoice.paid.v1", 1).get(0));
        assertEquals(TODAY, paid.get("paidOn").asText());
    }

    @Test
    void aPaymentWhoseCreditWasAppliedCannotBeReversed() {
        UUID buyer = UUID.randomUUID();
        String first = post(FINANCE_ACME, payment(buyer, "100.00", "2026-11-01", List.of())).statusCode(201)
                .extract().path("id");
        String second = post(FINANCE_ACME, payment(buyer, "100.00", RECEIVED, List.of())).statusCode(201)
                .extract().path("id");
        issue(invoice(buyer, ISSUED, LocalDate.of(2026, 12, 10)));
        // 150.00 of credit used: all of the older payment's, 50.00 of the newer's
        apply(FINANCE_ACME, buyer, inCny(null)).statusCode(201).body("amount.amount", equalTo("200.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/payments/" + first).then()
                .body("creditRemaining.amount", equalTo("0.00"));
        for (String id : List.of(first, second)) {
            given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(Map.of("reason", "wrong buyer"))
                    .post("/api/v1/payments/" + id + "/reversal").then().statusCode(409)
                    .body("detail", containsString("already been applied"));
        }
        // every payment's remaining credit adds up to the balance
        assertEquals(0, Database.count("select coalesce(sum(credit_remaining), 0) from payment where buyer_id = ?"
                + " and status = 'POSTED'", buyer));
    }

    @Test
    void badApplicationsAreRefusedNamingTheField() {
        UUID buyer = UUID.randomUUID();
        post(FINANCE_ACME, payment(buyer, "100.00", RECEIVED, List.of())).statusCode(201);
        String inv = issue(invoice(buyer, ISSUED, LocalDate.of(2026, 12, 10)));
        apply(FINANCE_ACME, buyer, Map.of()).statusCode(400).body("errors[0].field", equalTo("currency"));
        apply(FINANCE_ACME, buyer, Map.of("currency", "XYZ")).statusCode(400).body("errors[0].field", equalTo("currency"));
        apply(FINANCE_ACME, buyer, inCny(List.of())).statusCode(400).body("errors[0].field", equalTo("allocations"));
        apply(FINANCE_ACME, buyer, inCny(List.of(allocation(inv, "0.00")))).statusCode(400)
                .body("errors[0].field", equalTo("allocations[0].amount"));
        apply(FINANCE_ACME, buyer, inCny(List.of(allocation(inv, "100.01")))).statusCode(400)
                .body("errors[0].field", equalTo("allocations"), "errors[0].message", containsString("buyer's credit"));
        apply(FINANCE_ACME, buyer, Map.of("currency", "EUR")).statusCode(409).body("detail", containsString("no credit"));
        apply(FINANCE_ACME, UUID.randomUUID(), inCny(null)).statusCode(404);
        apply(FINANCE_GLOBEX, buyer, inCny(null)).statusCode(404);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then()
                .body("balances[0].amount", equalTo("100.00"), "movements.total", equalTo(1));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + inv).then().body("amounts.paid.amount", equalTo("0.00"));
    }

    @Test
    void creditWithNothingOpenToApplyItToIsAConflict() {
        UUID buyer = UUID.randomUUID();
        post(FINANCE_ACME, payment(buyer, "100.00", RECEIVED, List.of())).statusCode(201);
        apply(FINANCE_ACME, buyer, inCny(null)).statusCode(409).body("detail", containsString("no open invoices"));
    }

    @Test
    void onlyFinanceAndAdminsApplyCreditWhileViewersMayReadIt() {
        UUID buyer = UUID.randomUUID();
        post(FINANCE_ACME, payment(buyer, "100.00", RECEIVED, List.of())).statusCode(201);
        apply(VIEWER_ACME, buyer, inCny(null)).statusCode(403);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then().statusCode(200);
        given().auth().oauth2(io.tradecredit.testing.Tokens.tenant("acme").roles("agency").agency("swiftcollect").mint())
                .get("/api/v1/buyers/" + buyer + "/credit").then().statusCode(403);
    }
}
