package io.tradecredit.common.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Tokens;

/** One answer names every unreadable field and every gap the body's rules find in the rest. */
@QuarkusTest
class WholeBodyReadingTest {
    static String token() {
        return Tokens.tenant("acme").roles("tenant-admin").mint();
    }

    @Test
    void aWholeBodyIsReadAsSent() {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"reference\":\"S-1\",\"shipped\":\"2026-11-30\",\"carrier\":\"RAIL\","
                        + "\"value\":{\"amount\":\"10.00\",\"currency\":\"CNY\"},\"items\":[{\"sku\":\"A\"}]}")
                .post("/api/v1/shipment-notices").then().statusCode(200)
                .body("shipped", equalTo("2026-11-30"), "carrier", equalTo("RAIL"), "value.amount", equalTo("10.00"));
    }

    @Test
    void unreadableValuesDoNotHideTheMissingOnes() {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"shipped\":\"30/11/2026\",\"buyerId\":\"not-a-uuid\",\"carrier\":\"SEA\","
                        + "\"value\":{\"amount\":\"10.00\"},"
                        + "\"items\":[{\"sku\":\"A\",\"price\":{\"amount\":\"1.005\",\"currency\":\"CNY\"}},{\"sku\":null}]}")
                .post("/api/v1/shipment-notices").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request has 7 invalid fields."),
                        "errors.field", contains("buyerId", "carrier", "items[0].price", "items[1].sku", "reference",
                                "shipped", "value"),
                        "errors.message", contains("cannot read 'not-a-uuid' as a UUID",
                                "cannot read 'SEA' as one of ROAD, RAIL",
                                "1.005 has more decimals than CNY allows (2)", "is required", "is required",
                                "cannot read '30/11/2026' as a date (YYYY-MM-DD)",
                                "money needs both amount and currency"));
    }

    @Test
    void aValueOfTheWrongShapeIsNamedAndTheRestStillRead() {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"reference\":{\"nested\":[1,2]},\"shipped\":true,\"value\":\"ten\"}")
                .post("/api/v1/shipment-notices").then().statusCode(400)
                .body("errors.field", contains("reference", "shipped", "value"),
                        "errors.message", contains("must be a string, not an object",
                                "must be a date (YYYY-MM-DD), not a boolean", "must be an object, not a string"));
    }

    @Test
    void storageLimitsAreNamedBesideTheRest() {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"reference\":\"a\\u0000b\",\"value\":{\"amount\":\"1e30\",\"currency\":\"CNY\"}}")
                .post("/api/v1/shipment-notices").then().statusCode(400)
                .body("errors.field", contains("reference", "shipped", "value"));
    }

    @Test
    void aBodyThatIsNotJsonIsStillOneProblem() {
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"reference\":")
                .post("/api/v1/shipment-notices").then().statusCode(400).contentType("application/problem+json");
    }
}
