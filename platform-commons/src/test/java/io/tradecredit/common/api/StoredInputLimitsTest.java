package io.tradecredit.common.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Tokens;

/** What PostgreSQL could not store is a 400 naming the field, read before anything runs. */
@QuarkusTest
class StoredInputLimitsTest {
    static String token() {
        return Tokens.tenant("acme").roles("tenant-admin").mint();
    }

    @Test
    void fifteenDigitsBeforeThePointAreStoredAsSent() {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"note\":\"ok\",\"amount\":{\"amount\":\"999999999999999.99\",\"currency\":\"CNY\"},"
                        + "\"ratio\":999999999999999.9999}")
                .post("/api/v1/stored-input").then().statusCode(200)
                .body("amount.amount", equalTo("999999999999999.99"), "note", equalTo("ok"));
    }

    @Test
    void anAmountOfSixteenDigitsIsRefusedNamingIt() {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"note\":\"ok\",\"amount\":{\"amount\":\"1e30\",\"currency\":\"CNY\"}}")
                .post("/api/v1/stored-input").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("amount"));
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"amount\":{\"amount\":\"1000000000000000\",\"currency\":\"CNY\"}}")
                .post("/api/v1/stored-input").then().statusCode(400).body("errors.field", contains("amount"));
    }

    @Test
    void aPlainNumberOfSixteenDigitsIsRefusedNamingIt() {
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"ratio\":1e30}")
                .post("/api/v1/stored-input").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("ratio"));
    }

    @Test
    void textWithTheNulCharacterIsRefusedNamingIt() {
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"note\":\"a\\u0000b\"}")
                .post("/api/v1/stored-input").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("note"),
                        "errors.message", contains(StoredInputLimits.NUL_REFUSED));
    }

    @Test
    void nulInAPathSegmentOrSeveralParametersIsRefusedNamingEach() {
        given().auth().oauth2(token()).urlEncodingEnabled(false)
                .get("/api/v1/widgets?name=%00&status=x%00y&page=1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "status"));
    }
}
