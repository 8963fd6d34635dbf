package io.tradecredit.notification.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static org.hamcrest.Matchers.containsInAnyOrder;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The query of a buyer's messages: every wrong parameter named in one 400. */
@QuarkusTest
class MessageQueryTest {
    /**
     * A buyer id that is none beside a page size of 0 or 501 and a page of -1: only the page and size were named (the
     * bean constraints answered before the buyer id was read); fixed, the next try then learnt the buyer id was wrong.
     */
    @Test
    void aMalformedBuyerIdIsNamedWithAPageOrSizeOutOfRange() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "viewer")).queryParam("buyerId", "globex").queryParam("page", -1)
                .queryParam("size", 0).get("/api/v1/messages").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("buyerId", "page", "size"));
        given().auth().oauth2(token(tenant, "viewer")).queryParam("size", 501).get("/api/v1/messages").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("buyerId", "size"));
        given().auth().oauth2(token(tenant, "viewer")).queryParam("buyerId", java.util.UUID.randomUUID())
                .get("/api/v1/messages").then().statusCode(200);
    }
}
