package io.tradecredit.common.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** A request body with a property the operation does not know is refused, naming it; nothing changes. */
@QuarkusTest
class UnknownFieldsTest {
    static final String ADMIN = Tokens.tenant("acme").roles("tenant-admin").mint();

    @Test
    void anUnknownTopLevelFieldIsRefusedNamingItAndNothingIsStored() {
        long before = Database.count("select count(*) from widget where name = 'colourful'");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"colourful\",\"quantity\":1,\"colour\":\"red\"}")
                .post("/api/v1/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400), "detail", containsString("colour"),
                        "errors.field", contains("colour"), "errors.message", contains("unknown field"));
        assertEquals(before, Database.count("select count(*) from widget where name = 'colourful'"));
    }

    @Test
    void anUnknownFieldInAListItemIsNamedByItsPath() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"note\":\"n\",\"lines\":[{\"item\":\"a\",\"quantity\":1},{\"item\":\"b\",\"colour\":\"red\"}]}")
                .post("/api/v1/stored-input").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("lines[1].colour"));
    }

    @Test
    void anUnknownFieldInsideAnAmountIsNamedByItsPath() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\",\"rate\":\"7.1\"}}")
                .post("/api/v1/stored-input").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("amount.rate"));
    }

    /** A misspelt name is reported as what it is, not as the missing part the constructor then refuses. */
    @Test
    void anUnknownFieldIsNamedEvenWhenTheRecordWouldRefuseWhatIsMissing() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"lines\":[{\"itme\":\"a\",\"quantity\":1}]}")
                .post("/api/v1/stored-input").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("lines[0].itme"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"colour\":\"red\"}")
                .post("/api/v1/widgets").then().statusCode(400).body("errors.field", contains("colour"));
    }

    @Test
    void aBodyOfKnownFieldsIsStillRead() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"note\":\"n\",\"lines\":[{\"item\":\"a\",\"quantity\":2}]}")
                .post("/api/v1/stored-input").then().statusCode(200).body("lines[0].quantity", equalTo(2));
    }
}
