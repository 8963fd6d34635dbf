package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.LedgerFixtures;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * Issuing an invoice asks the buyer to confirm its receipt (docs/domain.md §2): a request to notification-service
 * on {@code notification-requests}, template {@code invoice.receipt-requested}, with everything the email names,
 * under an id derived from the tenant and the invoice; a tenant whose policy says not to ask gets none.
 */
@QuarkusTest
class ReceiptRequestTest {
    static final LocalDate TODAY = PlatformZone.today();

    static UUID requestIdOf(String tenant, String invoiceId) {
        return UUID.nameUUIDFromBytes(("receipt-request:" + tenant + ":" + invoiceId).getBytes(StandardCharsets.UTF_8));
    }

    static long outboxRows(UUID requestId) {
        return Database.count("select count(*) from outbox where aggregate_id = ?"
                + " and event_type = 'io.tradecredit.notification.message-requested.v1'", requestId.toString());
    }

    static List<ConsumerRecord<String, String>> requests(UUID requestId) {
        return Topics.read("notification-requests", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> requestId.toString().equals(r.key()))).stream()
                .filter(r -> requestId.toString().equals(r.key())).toList();
    }

    @Test
    void anIssuedInvoiceAsksItsBuyerToConfirmReceiptOnce() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        Map<String, Object> invoice = LedgerFixtures.invoice(buyer, TODAY, TODAY.plusDays(30), "11300.00", "CNY");
        String id = LedgerFixtures.issue(tenant, invoice);
        UUID requestId = requestIdOf(tenant, id);
        List<ConsumerRecord<String, String>> sent = requests(requestId);
        assertEquals(1, sent.size());
        assertEquals(tenant, Topics.header(sent.get(0), "ce_tenantid"));
        assertEquals(requestId.toString(), Topics.header(sent.get(0), "ce_id"));
        JsonNode request = Contracts.assertValid(sent.get(0));
        assertEquals("invoice.receipt-requested", request.get("templateKey").asText());
        assertEquals("invoice-receipt", request.get("purpose").asText());
        assertEquals("EMAIL", request.get("channel").asText());
        assertEquals("BUYER", request.get("recipient").get("kind").asText());
        assertEquals(buyer.toString(), request.get("recipient").get("buyerId").asText());
        assertFalse(request.get("critical").asBoolean());
        JsonNode data = request.get("data");
        assertEquals(1, data.get("invoices").size());
        JsonNode asked = data.get("invoices").get(0);
        assertEquals(id, asked.get("id").asText());
        assertEquals(invoice.get("invoiceNumber"), asked.get("invoiceNumber").asText());
        assertEquals("11300.00", asked.get("total").get("amount").asText());
        assertEquals("CNY", asked.get("total").get("currency").asText());
        assertEquals(TODAY.toString(), asked.get("issueDate").asText());
        assertEquals(TODAY.plusDays(30).toString(), asked.get("dueDate").asText());
        assertEquals(invoice.get("purchaseOrderNumber"), asked.get("purchaseOrderNumber").asText());
        @SuppressWarnings("unchecked")
        Map<String, Object> seller = (Map<String, Object>) invoice.get("seller");
        assertEquals(seller.get("bankAccount"), data.get("seller").get("bankAccount").asText());
        assertEquals(seller.get("name"), data.get("seller").get("name").asText());
        assertEquals(buyer.toString(), data.get("buyer").get("id").asText());
        assertEquals(1, outboxRows(requestId));
    }

    /**
     * A batch asks each buyer once for the invoices it was issued together (per seller and bank account), not once per
     * invoice: a batch import of a thousand invoices to one buyer sent it a thousand emails and cut the ingestion rate
     * to a quarter (docs/performance.md).
     */
    @Test
    void aBatchAsksEachBuyerOnceForItsInvoicesAndATenantThatDoesNotAskGetsNone() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(token(tenant, "viewer")).get(PolicyApiTest.POLICY).then().statusCode(200)
                .body("askForReceipt", equalTo(true));
        UUID buyer = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<String> ids = given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("invoices", List.of(
                        LedgerFixtures.invoice(buyer, TODAY, TODAY.plusDays(30), "100.00", "CNY"),
                        LedgerFixtures.invoice(other, TODAY, TODAY.plusDays(30), "300.00", "CNY"),
                        LedgerFixtures.invoice(buyer, TODAY, TODAY.plusDays(60), "200.00", "CNY"))))
                .post("/api/v1/invoices/batch").then().statusCode(200).body("created", equalTo(3))
                .extract().path("results.invoiceId");
        assertEquals(3, ids.size());
        List<ConsumerRecord<String, String>> toBuyer = requests(requestIdOf(tenant, ids.get(0)));
        assertEquals(1, toBuyer.size());
        JsonNode asked = Contracts.assertValid(toBuyer.get(0)).get("data").get("invoices");
        assertEquals(List.of(ids.get(0), ids.get(2)), List.of(asked.get(0).get("id").asText(), asked.get(1).get("id")
                .asText()), "the buyer's two invoices in one request, in the batch's order");
        assertEquals(1, outboxRows(requestIdOf(tenant, ids.get(1))), "the other buyer's own request");
        assertEquals(0, outboxRows(requestIdOf(tenant, ids.get(2))), "no second request to the first buyer");

        Map<String, Object> dontAsk = new HashMap<>(PolicyApiTest.policy(48, "0.0005", 30, "0.03", 90));
        dontAsk.put("askForReceipt", false);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(dontAsk).put(PolicyApiTest.POLICY).then()
                .statusCode(200).body("askForReceipt", equalTo(false));
        String quiet = LedgerFixtures.issue(tenant, LedgerFixtures.invoice(buyer, TODAY, TODAY.plusDays(30), "300.00",
                "CNY"));
        assertEquals(1, Database.count("select count(*) from outbox where event_type = 'io.tradecredit.invoice.issued.v1'"
                + " and payload::text like ?", "%" + quiet + "%"));
        assertEquals(0, outboxRows(requestIdOf(tenant, quiet)));
        // a PUT written before the setting existed asks again
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(PolicyApiTest.policy(48, "0.0005", 30, "0.03",
                90)).put(PolicyApiTest.POLICY).then().statusCode(200).body("askForReceipt", equalTo(true));
    }

    @Test
    void theInvoicesNotYetConfirmedAreListedToFollowUp() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String confirmed = LedgerFixtures.issue(tenant, LedgerFixtures.invoice(buyer, TODAY, TODAY.plusDays(30),
                "100.00", "CNY"));
        String waiting = LedgerFixtures.issue(tenant, LedgerFixtures.invoice(buyer, TODAY, TODAY.plusDays(30),
                "200.00", "CNY"));
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("confirmedBy", "Wang Fang, accounts payable")).post("/api/v1/invoices/" + confirmed
                        + "/receipt").then().statusCode(200);
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).queryParam("receiptConfirmed", false).get("/api/v1/invoices").then()
                .statusCode(200).body("total", equalTo(1), "items[0].id", equalTo(waiting),
                        "items[0].receiptConfirmedAt", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(viewer).queryParam("receiptConfirmed", true).get("/api/v1/invoices").then()
                .statusCode(200).body("total", equalTo(1), "items[0].id", equalTo(confirmed),
                        "items[0].receiptConfirmedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(viewer).get("/api/v1/invoices").then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(viewer).queryParam("receiptConfirmed", "perhaps").get("/api/v1/invoices").then()
                .statusCode(400);
    }
}
