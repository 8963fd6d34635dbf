package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.BuyerFixtures;
import io.tradecredit.invoice.LedgerFixtures;
import io.tradecredit.invoice.PaymentFixtures;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * The terms credit-service agreed with a buyer, learned from {@code credit-events} (schema-checked as credit-service
 * writes them), hold its invoices (docs/domain.md §1): the first to its first-order term, later ones to the buyer's
 * term, which a limit change may move. Beyond them an invoice is flagged, or refused when the tenant says so.
 * Before, the terms were advice in the credit check only: a new buyer's first invoice on 90 days went through.
 */
@QuarkusTest
class AgreedTermsFlowTest {
    static final LocalDate TODAY = PlatformZone.today();

    static void registered(String tenant, UUID buyer, int termDays, int firstOrderTermDays) {
        BuyerFixtures.sendBuyerRegistered(tenant, buyer, UUID.randomUUID().toString(), termDays, firstOrderTermDays);
        awaitTerm(tenant, buyer, termDays);
    }

    static void awaitTerm(String tenant, UUID buyer, int termDays) {
        Awaitility.await("terms of buyer " + buyer).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Database.count("select count(*) from known_buyer where tenant_id = ? and buyer_id = ?"
                        + " and payment_term_days = ?", tenant, buyer, termDays) == 1);
    }

    static Map<String, Object> invoice(UUID buyer, int termDays) {
        return LedgerFixtures.invoice(buyer, TODAY, TODAY.plusDays(termDays), "1000.00", "CNY");
    }

    static boolean flagged(String tenant, String id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/invoices/" + id).then().statusCode(200)
                .extract().path("beyondAgreedTerms");
    }

    @Test
    void theFirstInvoiceIsHeldToTheFirstOrderTermLaterOnesToTheBuyersAndBeyondIsFlagged() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        registered(tenant, buyer, 30, 15);
        // the first invoice on 30 days: beyond the first-order 15, flagged and announced so
        String first = LedgerFixtures.issue(tenant, invoice(buyer, 30));
        assertEquals(true, flagged(tenant, first));
        JsonNode issued = Contracts.assertValid(PaymentFixtures.events(buyer, "io.tradecredit.invoice.issued.v1", 1)
                .get(0));
        assertEquals(true, issued.get("beyondAgreedTerms").asBoolean());
        // the second on 30 days keeps to the buyer's term; on 45 it does not
        assertEquals(false, flagged(tenant, LedgerFixtures.issue(tenant, invoice(buyer, 30))));
        assertEquals(true, flagged(tenant, LedgerFixtures.issue(tenant, invoice(buyer, 45))));

        // credit-service moved the buyer to 60 days with its limit
        Topics.sendEvent("credit-events", tenant, "credit", "limit-changed", buyer.toString(),
                UUID.randomUUID().toString(), Map.of("buyerId", buyer.toString(),
                        "newLimit", Map.of("amount", "500000.00", "currency", "CNY"), "reason", "annual review",
                        "changedBy", "cm-1", "paymentTermDays", 60));
        awaitTerm(tenant, buyer, 60);
        assertEquals(false, flagged(tenant, LedgerFixtures.issue(tenant, invoice(buyer, 45))));
    }

    @Test
    void aTermACreditManagerCutsOnItsOwnHoldsTheNextInvoices() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        registered(tenant, buyer, 30, 0);
        LedgerFixtures.issue(tenant, invoice(buyer, 0));
        assertEquals(false, flagged(tenant, LedgerFixtures.issue(tenant, invoice(buyer, 30))));
        // credit-service: the term cut from 30 to 15 days through the buyer's details, no limit decision
        Topics.sendEvent("credit-events", tenant, "credit", "payment-term-changed", buyer.toString(),
                UUID.randomUUID().toString(), Map.of("buyerId", buyer.toString(), "oldPaymentTermDays", 30,
                        "paymentTermDays", 15, "changedBy", "cm-1", "changedAt", TODAY + "T09:00:00Z"));
        awaitTerm(tenant, buyer, 15);
        assertEquals(true, flagged(tenant, LedgerFixtures.issue(tenant, invoice(buyer, 30))));
        assertEquals(false, flagged(tenant, LedgerFixtures.issue(tenant, invoice(buyer, 15))));
    }

    @Test
    void aTenantThatRefusesInvoicesBeyondTheTermsGetsA422NamingTheDueDate() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        registered(tenant, buyer, 30, 0);
        Map<String, Object> policy = new HashMap<>(PolicyApiTest.policy(48, "0.0005", 30, "0.03", 90));
        policy.put("beyondAgreedTerms", "REFUSE");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(policy)
                .put(PolicyApiTest.POLICY).then().statusCode(200).body("beyondAgreedTerms", equalTo("REFUSE"));
        Map<String, Object> onTerms = invoice(buyer, 30);
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON).body(onTerms)
                .post("/api/v1/invoices").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("invoice.beyond-agreed-terms"), "errors.size()", equalTo(1),
                        "errors[0].field", equalTo("dueDate"), "errors[0].message", equalTo("must not be after "
                                + TODAY + ": a new buyer's first invoice goes on prepayment (due on the issue date)"));
        assertEquals(0, Database.count("select count(*) from invoice where tenant_id = ?", tenant));
        // prepaid, the first invoice goes through; then 30 days is the buyer's term
        LedgerFixtures.issue(tenant, invoice(buyer, 0));
        LedgerFixtures.issue(tenant, onTerms);
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON).body(invoice(buyer, 31))
                .post("/api/v1/invoices").then().statusCode(422).body("errors[0].field", equalTo("dueDate"));
        assertEquals(2, Database.count("select count(*) from invoice where tenant_id = ?", tenant));
        // a buyer whose terms invoice-service does not know is not held to any
        LedgerFixtures.issue(tenant, invoice(UUID.randomUUID(), 120));
    }
}
