package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.dunningData;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.Pdfs;
import io.tradecredit.notification.PrintProviderResource;

/**
 * Which letters carry the company seal is each tenant's choice, the platform's list its default
 * (docs/notification-service.md, "Letters"): tenant A's choice changes only A's letters.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(PrintProviderResource.class)
class SealedTemplatesTest {
    static final String SEALED = "/api/v1/sealed-templates";

    @Inject
    Deliveries deliveries;

    @Test
    void tenantAsChoiceSealsItsPaymentRequestInsteadOfItsFinanceDemandAndChangesNothingForB() throws Throwable {
        UUID buyerA = UUID.randomUUID();
        UUID buyerB = UUID.randomUUID();
        String a = LetterDeliveryTest.tenant(buyerA, "zh-CN", true);
        String b = LetterDeliveryTest.tenant(buyerB, "zh-CN", true);
        given().auth().oauth2(token(a, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("templateKeys", List.of("dunning.payment-request"))).put(SEALED).then().statusCode(200)
                .body("templateKeys", equalTo(List.of("dunning.payment-request")), "source", equalTo("TENANT"));

        UUID aRequest = LetterDeliveryTest.requested(a, buyerA, "dunning.payment-request", "LETTER", dunningData(buyerA), false);
        UUID aDemand = LetterDeliveryTest.requested(a, buyerA, "dunning.finance-demand", "LETTER",
                LetterDeliveryTest.demandData(buyerA), false);
        UUID bRequest = LetterDeliveryTest.requested(b, buyerB, "dunning.payment-request", "LETTER", dunningData(buyerB), false);
        UUID bDemand = LetterDeliveryTest.requested(b, buyerB, "dunning.finance-demand", "LETTER",
                LetterDeliveryTest.demandData(buyerB), false);
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(Instant.now()));

        assertEquals(1, seals(a, aRequest), "A chose to seal its payment request");
        assertEquals(0, seals(a, aDemand), "A's finance demand is no longer sealed");
        assertEquals(0, seals(b, bRequest), "B keeps the platform's list");
        assertEquals(1, seals(b, bDemand), "B's finance demand is sealed as the platform says");
        given().auth().oauth2(token(b, "viewer")).get(SEALED).then().statusCode(200)
                .body("templateKeys", equalTo(List.of("dunning.finance-demand")), "source", equalTo("PLATFORM"));
    }

    @Test
    void anEmptyChoiceSealsNothingAndABadOneIsRefusedNamingEachKeyChangingNothing() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("templateKeys", Arrays.asList("dunning.finance-demand", "Not A Key", "dunning.finance-demand")))
                .put(SEALED).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("templateKeys[1]", "templateKeys[2]")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of()).put(SEALED).then().statusCode(400)
                .body("errors.field", equalTo(List.of("templateKeys")));
        given().auth().oauth2(admin).get(SEALED).then().statusCode(200).body("source", equalTo("PLATFORM"));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("templateKeys", List.of())).put(SEALED).then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("templateKeys", List.of()))
                .put(SEALED).then().statusCode(200).body("templateKeys", equalTo(List.of()), "source", equalTo("TENANT"));
        given().auth().oauth2(token(tenant, "viewer")).get(SEALED).then().statusCode(200)
                .body("templateKeys", equalTo(List.of()), "source", equalTo("TENANT"));
    }

    /** The images on the letter's last page: the seal (these tenants have no logo). */
    private static int seals(String tenant, UUID id) throws Exception {
        assertEquals("SENT", LetterDeliveryTest.message(tenant, id).getString("status"));
        Pdfs.Read read = Pdfs.read(LetterDeliveryTest.content(tenant, id).then().statusCode(200).extract().asByteArray());
        return read.imagesPerPage().get(read.pages() - 1);
    }
}
