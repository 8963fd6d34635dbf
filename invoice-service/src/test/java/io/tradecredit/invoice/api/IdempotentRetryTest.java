package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.VIEWER_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.invoice;
import static io.tradecredit.invoice.InvoiceFixtures.issue;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;

/** An ERP that times out and retries a POST with the same Idempotency-Key must not create twice. */
@QuarkusTest
class IdempotentRetryTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);

    @Test
    void retriedInvoiceIsIssuedOnce() {
        Map<String, Object> inv = invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30));
        String key = UUID.randomUUID().toString();
        String first = post("/api/v1/invoices", inv, key).then().statusCode(201).extract().path("id");
        post("/api/v1/invoices", inv, key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/invoices/" + first))
                .body("id", equalTo(first));
        assertEquals(1, Database.count("select count(*) from invoice where invoice_number = ?", inv.get("invoiceNumber")));
        // without the key the same request is a duplicate invoice number
        post("/api/v1/invoices", inv, null).then().statusCode(409);
    }

    @Test
    void retriedBatchIssuesOnce() {
        UUID buyer = UUID.randomUUID();
        var batch = Map.of("invoices", List.of(invoice(buyer, ISSUED, ISSUED.plusDays(30)),
                invoice(buyer, ISSUED, ISSUED.plusDays(30))));
        String key = UUID.randomUUID().toString();
        post("/api/v1/invoices/batch", batch, key).then().statusCode(200).body("created", equalTo(2));
        post("/api/v1/invoices/batch", batch, key).then().statusCode(200).body("created", equalTo(2));
        assertEquals(2, Database.count("select count(*) from invoice where buyer_id = ?", buyer));
    }

    @Test
    void retriedPaymentIsPostedOnce() {
        UUID buyer = UUID.randomUUID();
        String invoiceId = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30)));
        var payment = Map.of("buyerId", buyer.toString(), "amount", Map.of("amount", "500.00", "currency", "CNY"),
                "receivedOn", ISSUED.plusDays(5).toString(), "reference", "bank ref 42");
        String key = UUID.randomUUID().toString();
        String first = post("/api/v1/payments", payment, key).then().statusCode(201).extract().path("id");
        post("/api/v1/payments", payment, key).then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + invoiceId).then()
                .body("amounts.paid.amount", equalTo("500.00"), "amounts.open.amount", equalTo("743.00"));
        assertEquals(1, Database.count("select count(*) from payment where buyer_id = ?", buyer));
        // the same key for a different payment is a client error, and changes nothing
        var other = Map.of("buyerId", buyer.toString(), "amount", Map.of("amount", "600.00", "currency", "CNY"),
                "receivedOn", ISSUED.plusDays(5).toString());
        post("/api/v1/payments", other, key).then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, Database.count("select count(*) from payment where buyer_id = ?", buyer));
    }

    static io.restassured.response.Response post(String path, Object body, String key) {
        var request = given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(path);
    }
}
