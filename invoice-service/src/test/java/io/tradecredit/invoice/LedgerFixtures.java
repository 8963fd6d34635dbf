package io.tradecredit.invoice;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.testing.Tokens;

/** Invoices of any amount for any tenant, and payments on them through the API. */
public final class LedgerFixtures {
    private LedgerFixtures() {
    }

    /** A tenant of its own, so tenant-wide reports see only the test's invoices. */
    public static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String tenant, String... roles) {
        return Tokens.tenant(tenant).roles(roles).mint();
    }

    /** A complete invoice of one line for {@code total}, no tax. */
    public static Map<String, Object> invoice(UUID buyerId, LocalDate issued, LocalDate due, String total,
            String currency) {
        Map<String, Object> m = new HashMap<>(InvoiceFixtures.invoice(buyerId, issued, due));
        Map<String, Object> amount = Map.of("amount", total, "currency", currency);
        m.put("lines", List.of(Map.of("description", "Hydraulic press", "quantity", "1", "unitPrice", amount)));
        m.put("tax", Map.of("amount", "0", "currency", currency));
        m.put("total", amount);
        return m;
    }

    /** Issues the invoice as finance of {@code tenant}; returns its id. */
    public static String issue(String tenant, Map<String, Object> invoice) {
        return given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON).body(invoice)
                .post("/api/v1/invoices").then().statusCode(201).extract().path("id");
    }

    public static String issue(String tenant, UUID buyer, LocalDate issued, LocalDate due, String total) {
        return issue(tenant, invoice(buyer, issued, due, total, "CNY"));
    }

    /** Posts a payment of {@code amount} allocated to the invoice, received on {@code on}; returns its id. */
    public static String pay(String tenant, String invoiceId, String amount, LocalDate on) {
        String token = token(tenant, "finance");
        var invoice = given().auth().oauth2(token).get("/api/v1/invoices/" + invoiceId).then().statusCode(200).extract();
        Map<String, Object> money = Map.of("amount", amount, "currency", invoice.path("total.currency"));
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("buyerId", invoice.path("buyer.id"), "amount", money, "receivedOn", on.toString(),
                        "reference", "test payment", "allocations", List.of(Map.of("invoiceId", invoiceId, "amount", money))))
                .post("/api/v1/payments").then().statusCode(201).extract().path("id");
    }

    /** {@code GET /invoices/{id}/late-charges?asOf=}, answered 200. */
    public static ValidatableResponse lateCharges(String token, String invoiceId, LocalDate asOf) {
        return given().auth().oauth2(token).queryParam("asOf", asOf.toString())
                .get("/api/v1/invoices/" + invoiceId + "/late-charges").then().statusCode(200);
    }

    /** A JSON {@code POST} as the token's holder, its answer to check. */
    public static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    public static Map<String, Object> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** Raises a dispute of {@code amount} CNY on the invoice as the collector; answers its id. */
    public static String raiseDispute(String collector, String invoiceId, String type, String amount, String description,
            String evidence, LocalDate raisedOn) {
        Map<String, Object> dispute = Map.of("type", type, "disputedAmount", cny(amount), "description", description,
                "evidence", List.of(evidence), "raisedOn", raisedOn.toString());
        return post(collector, "/api/v1/invoices/" + invoiceId + "/disputes", dispute).statusCode(201).extract()
                .path("id");
    }
}
