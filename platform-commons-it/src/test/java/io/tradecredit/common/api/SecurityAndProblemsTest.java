package io.tradecredit.common.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class SecurityAndProblemsTest {
    static final String ADMIN_ACME = Tokens.tenant("acme").roles("tenant-admin").mint();

    @Test
    void requestWithoutTokenAnswers401Problem() {
        given().get("/api/v1/widgets/00000000-0000-0000-0000-000000000001")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401), "title", equalTo("Unauthorized"));
    }

    @Test
    void forgedTokenAnswers401() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenAnswers401() {
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").expiresIn(-600).mint())
                .get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void wrongRoleAnswers403Problem() {
        given().auth().oauth2(Tokens.tenant("acme").roles("viewer").mint())
                .contentType(ContentType.JSON).body("{\"name\":\"bolt\",\"quantity\":1}")
                .post("/api/v1/widgets")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void tokenWithoutTenantIsRefusedOnTenantApis() {
        given().auth().oauth2(Tokens.noTenant().roles("tenant-admin").mint())
                .contentType(ContentType.JSON).body("{\"name\":\"bolt\",\"quantity\":1}")
                .post("/api/v1/widgets")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("tenant_id"));
    }

    @Test
    void otherTenantsWidgetAnswers404() {
        String id = given().auth().oauth2(ADMIN_ACME).contentType(ContentType.JSON)
                .body("{\"name\":\"acme-only\",\"quantity\":2}").post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN_ACME).get("/api/v1/widgets/" + id)
                .then().statusCode(200).body("name", equalTo("acme-only"));
        given().auth().oauth2(Tokens.tenant("globex").roles("tenant-admin").mint()).get("/api/v1/widgets/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedJsonAnswers400Problem() {
        given().auth().oauth2(ADMIN_ACME).contentType(ContentType.JSON).body("{\"name\": \"bolt\", ")
                .post("/api/v1/widgets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Bad Request"), "detail", containsString("not valid JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().auth().oauth2(ADMIN_ACME).contentType(ContentType.JSON).body("{\"name\":\"bolt\",\"quantity\":\"many\"}")
                .post("/api/v1/widgets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("quantity"));
    }

    @Test
    void validationErrorListsEveryField() {
        given().auth().oauth2(ADMIN_ACME).contentType(ContentType.JSON).body("{\"name\":\"\",\"quantity\":0}")
                .post("/api/v1/widgets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "quantity"))
                .body("detail", containsString("2 invalid fields"))
                .body(not(containsString("at io.")));
    }

    /** A misspelt query parameter would otherwise be dropped: a filter the caller thinks applied, a switch not set. */
    @Test
    void aQueryParameterTheOperationDoesNotTakeAnswers400NamingItAndChangesNothing() {
        given().auth().oauth2(ADMIN_ACME).contentType(ContentType.JSON).body("{\"name\":\"misspelt-switch\",\"quantity\":1}")
                .post("/api/v1/widgets?failAfterEvnt=true&failAfterEvent=false")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("1 invalid query parameter"))
                .body("errors.field", contains("failAfterEvnt"))
                .body("errors.message", contains("is not a query parameter of this operation, which takes failAfterEvent"));
        assertEquals(0, Database.count("select count(*) from widget where name = 'misspelt-switch'"));

        given().auth().oauth2(ADMIN_ACME).get("/api/v1/me?tenant=globex&verbose")
                .then().statusCode(400).body("errors.field", contains("tenant", "verbose"))
                .body("errors.message", everyItem(containsString("which takes none")));
    }

    @Test
    void unknownRouteAnswers404Problem() {
        given().auth().oauth2(ADMIN_ACME).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void meTellsTheCallerHowTheTokenIsRead() {
        given().auth().oauth2(Tokens.tenant("acme").roles("agency").agency("swiftcollect").subject("agent-7").mint())
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("tenantId", equalTo("acme"), "agencyCode", equalTo("swiftcollect"),
                        "subject", equalTo("agent-7"), "roles", hasItems("agency"));
    }

    @Test
    void healthAndMetricsAreOpenAndReadinessCoversTheDatabaseButNotKafka() {
        // docs/adr/0007-kafka-outside-readiness.md: a broker outage must not take the API down
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"))
                .body("checks.name", not(hasItem("kafka")));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void openApiNeedsAToken() {
        given().get("/q/openapi").then().statusCode(401);
        given().auth().oauth2(ADMIN_ACME).get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/widgets"));
    }
}
