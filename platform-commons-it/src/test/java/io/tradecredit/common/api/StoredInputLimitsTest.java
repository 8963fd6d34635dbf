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

    /**
     * {@code 1e-10000000} is ten characters for a number of ten million digits: refused from what was read, before a
     * rule rounds it or a message writes it out (a 10 MB answer before), as is a number's text over 64 characters.
     */
    @Test
    void numbersOfMillionsOfDigitsAreRefusedNamingThemInAShortAnswer() {
        String body = given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"ratio\":\"1e-10000000\",\"amount\":{\"amount\":\"1e-10000000\",\"currency\":\"CNY\"}}")
                .post("/api/v1/stored-input").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("amount", "ratio"),
                        "errors.message", contains("1E-10000000 has more decimals than CNY allows (2)",
                                StoredInputLimits.TOO_PRECISE))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(body.length() < 1000, body.length() + " characters");
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"ratio\":\"" + "1".repeat(100) + "\"}")
                .post("/api/v1/stored-input").then().statusCode(400)
                .body("errors.field", contains("ratio"), "errors.message", contains(StoredInputLimits.TOO_LONG));
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"ratio\":0.123456789012345678}")
                .post("/api/v1/stored-input").then().statusCode(200);
    }

    /**
     * A date of a four-digit year: {@code +999999999-12-31} was stored as 466210-05-14 (an invoice due on another
     * date than sent), {@code -999999999-01-01} answered 500.
     */
    @Test
    void aDateBeyondFourDigitYearsIsRefusedNamingIt() {
        for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31"}) {
            given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"on\":\"" + date + "\"}")
                    .post("/api/v1/stored-input").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("on"), "errors.message", contains(StoredInputLimits.DATE_OUT_OF_RANGE));
        }
        for (String date : new String[] {"0001-01-01", "9999-12-31", "2026-12-05"}) {
            given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"on\":\"" + date + "\"}")
                    .post("/api/v1/stored-input").then().statusCode(200).body("on", equalTo(date));
        }
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
