package io.tradecredit.collections.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.api.DunningFixtures.freshTenant;
import static io.tradecredit.collections.api.DunningFixtures.money;
import static io.tradecredit.collections.api.DunningFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.devstack.PlatformZone;

@QuarkusTest
class AgencyContractApiTest {
    static final String AGENCIES = "/api/v1/agencies";

    static Map<String, Object> huaxin() {
        return Map.of("name", "Huaxin Recovery", "successFeePercent", "15", "currencies", List.of("USD", "CNY"),
                "handOff", Map.of("mode", "DAYS_PAST_DUE", "daysPastDue", 45,
                        "minimumOverdue", List.of(money("20000.00", "CNY"))));
    }

    @Test
    void aContractIsSavedReplacedAndListedWithItsTopics() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(huaxin())
                .put(AGENCIES + "/huaxin").then().statusCode(200)
                .body("agencyCode", equalTo("huaxin"), "successFeePercent", equalTo(15), "currencies", contains("CNY", "USD"),
                        "handOff.mode", equalTo("DAYS_PAST_DUE"), "handOff.daysPastDue", equalTo(45),
                        "handOff.minimumOverdue[0].amount", equalTo("20000.00"),
                        "casesTopic", equalTo("agency.huaxin.cases"), "updatesTopic", equalTo("agency.huaxin.updates"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "12.5", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put(AGENCIES + "/apex").then().statusCode(200).body("handOff.daysPastDue", nullValue(),
                        "handOff.minimumOverdue", empty());
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(AGENCIES).then().statusCode(200)
                .body("agencyCode", contains("apex", "huaxin"), "successFeePercent", contains(12.5f, 15));
        // new terms for the same code: version 2, in force from today; version 1 is kept as it was
        String today = PlatformZone.today().toString();
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "18", "currencies", List.of("CNY"),
                        "handOff", Map.of("mode", "MINIMUM_AMOUNT", "minimumOverdue", List.of(money("50000.00", "CNY")))))
                .put(AGENCIES + "/huaxin").then().statusCode(200).body("version", equalTo(2), "effectiveFrom", equalTo(today));
        given().auth().oauth2(viewer).get(AGENCIES + "/huaxin").then().statusCode(200)
                .body("successFeePercent", equalTo(18), "currencies", contains("CNY"), "handOff.mode", equalTo("MINIMUM_AMOUNT"),
                        "name", nullValue(), "version", equalTo(2));
        given().auth().oauth2(viewer).get(AGENCIES + "/huaxin/versions").then().statusCode(200)
                .body("version", contains(1, 2), "successFeePercent", contains(15, 18), "effectiveFrom", contains(today, today),
                        "currencies[0]", contains("CNY", "USD"));
        given().auth().oauth2(viewer).get(AGENCIES).then().statusCode(200)
                .body("agencyCode", contains("apex", "huaxin"), "version", contains(1, 2));
    }

    /**
     * The partner's case: its contract is 15 % on CNY, manual hand-off; re-sending exactly those terms ("15" as "15.00",
     * the same currencies) answers 200 with version 1 unchanged and records no version 2 (until session 33 it made
     * version 2 from today). A change of the fee still makes version 2.
     */
    @Test
    void reSendingIdenticalTermsMakesNoNewVersion() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        Map<String, Object> terms = Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(terms).put(AGENCIES + "/huaxin")
                .then().statusCode(200).body("version", equalTo(1));
        // as stored (the database keeps microseconds; since session 34 the first answer says the same, see below)
        String updatedAt = given().auth().oauth2(admin).get(AGENCIES + "/huaxin").then().statusCode(200).extract().path("updatedAt");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(terms).put(AGENCIES + "/huaxin").then().statusCode(200)
                .body("version", equalTo(1), "successFeePercent", equalTo(15), "updatedAt", equalTo(updatedAt));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15.00", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put(AGENCIES + "/huaxin").then().statusCode(200).body("version", equalTo(1));
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(AGENCIES + "/huaxin/versions").then().statusCode(200).body("version", contains(1));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "12", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put(AGENCIES + "/huaxin").then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(viewer).get(AGENCIES + "/huaxin/versions").then().statusCode(200)
                .body("version", contains(1, 2), "successFeePercent", contains(15, 12));
    }

    /**
     * An integrator compares what the PUT answered with what a GET answers later: the same version must show the same
     * {@code updatedAt}. Until session 34 the PUT answered the clock's nanoseconds ({@code ...T19:40:12.345678912Z}) and
     * the GET what PostgreSQL keeps, microseconds ({@code ...T19:40:12.345678Z}); now the PUT answers what is stored.
     */
    @Test
    void thePutAnswersTheUpdatedAtTheFollowingGetAnswers() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        for (int version = 1; version <= 3; version++) {
            String put = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("successFeePercent", String.valueOf(10 + version), "currencies", List.of("CNY"),
                            "handOff", Map.of("mode", "MANUAL")))
                    .put(AGENCIES + "/huaxin").then().statusCode(200).body("version", equalTo(version))
                    .extract().path("updatedAt");
            given().auth().oauth2(admin).get(AGENCIES + "/huaxin").then().statusCode(200)
                    .body("version", equalTo(version), "updatedAt", equalTo(put));
            given().auth().oauth2(admin).get(AGENCIES + "/huaxin/versions").then().statusCode(200)
                    .body("updatedAt[" + (version - 1) + "]", equalTo(put));
        }
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsSaved() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "n".repeat(201), "successFeePercent", "101", "currencies", List.of("CNY", "XX", "CNY"),
                        "handOff", Map.of("mode", "DAYS_PAST_DUE", "minimumOverdue", List.of(money("5.00", "EUR")))))
                .put(AGENCIES + "/Hua Xin").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "currencies[1]", "currencies[2]", "agencyCode",
                        "successFeePercent", "handOff.daysPastDue", "handOff.minimumOverdue[0].currency"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "nothing else"))
                .put(AGENCIES + "/huaxin").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("successFeePercent", "currencies", "handOff"));
        given().auth().oauth2(admin).get(AGENCIES).then().statusCode(200).body("$", empty());
        given().auth().oauth2(admin).get(AGENCIES + "/huaxin").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).get(AGENCIES + "/huaxin/versions").then().statusCode(404);
        // a new contract applies from today: a later day dates a change of terms, never a new contract
        LocalDate today = PlatformZone.today();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL"),
                        "effectiveFrom", today.plusDays(3).toString()))
                .put(AGENCIES + "/huaxin").then().statusCode(400).body("errors.field", contains("effectiveFrom"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put(AGENCIES + "/huaxin").then().statusCode(200).body("version", equalTo(1));
        // a change dated in the past is refused with every other wrong field, and changes nothing
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "-1", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL"),
                        "effectiveFrom", today.minusDays(1).toString()))
                .put(AGENCIES + "/huaxin").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("successFeePercent", "effectiveFrom"));
        given().auth().oauth2(admin).get(AGENCIES + "/huaxin/versions").then().statusCode(200)
                .body("version", contains(1), "successFeePercent", contains(15));
    }

    @Test
    void onlyManagersWriteAndAnotherTenantsContractIsNotFound() {
        String tenant = freshTenant();
        for (String role : List.of("collector", "finance", "viewer", "agency")) {
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON).body(huaxin())
                    .put(AGENCIES + "/huaxin").then().statusCode(403);
        }
        given().auth().oauth2(token(tenant, "agency")).get(AGENCIES).then().statusCode(403);
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(huaxin())
                .put(AGENCIES + "/huaxin").then().statusCode(200);
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).get(AGENCIES + "/huaxin").then().statusCode(404);
        given().get(AGENCIES).then().statusCode(401);
    }
}
