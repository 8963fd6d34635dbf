package io.tradecredit.collections.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.api.DunningFixtures.freshTenant;
import static io.tradecredit.collections.api.DunningFixtures.ladder;
import static io.tradecredit.collections.api.DunningFixtures.message;
import static io.tradecredit.collections.api.DunningFixtures.money;
import static io.tradecredit.collections.api.DunningFixtures.step;
import static io.tradecredit.collections.api.DunningFixtures.today;
import static io.tradecredit.collections.api.DunningFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DunningLadderApiTest {
    static final String LADDERS = "/api/v1/dunning/ladders/";

    @Test
    void aTenantWithoutLaddersGetsTheDefaultLadderOfTheDomainTable() {
        given().auth().oauth2(token(freshTenant(), "viewer")).get(LADDERS + "default").then().statusCode(200)
                .body("key", equalTo("default"), "version", equalTo(0), "source", equalTo("PLATFORM"),
                        "steps", hasSize(10), "steps[0].key", equalTo("friendly-reminder"),
                        "steps[0].offsetDays", equalTo(-7), "steps[0].actions[0].kind", equalTo("MESSAGE"),
                        "steps[0].actions[0].channels", contains("EMAIL"),
                        "steps[0].actions[0].key", equalTo("dunning.friendly-reminder"),
                        "steps[9].key", equalTo("agency-legal-action"), "steps[9].offsetDays", equalTo(180),
                        "steps[9].actions[0].kind", equalTo("AGENCY_HANDOFF"));
    }

    @Test
    void eachPutIsANewVersionInForceFromItsDateAndEveryVersionStaysReadable() {
        String tenant = freshTenant();
        String manager = token(tenant, "credit-manager");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(ladder(null)).put(LADDERS + "big-buyers")
                .then().statusCode(200).body("version", equalTo(1), "effectiveFrom", equalTo(today().toString()),
                        "source", equalTo("TENANT"), "recordedBy", equalTo(subjectOf(manager)),
                        "steps[0].actions[0].channels", containsInAnyOrder("EMAIL", "SMS"),
                        "steps[1].minimumAmount[0].amount", equalTo("5000.00"));
        Map<String, Object> later = new HashMap<>(ladder(today().plusDays(10)));
        later.put("steps", List.of(step("due-reminder", 0, message("dunning.payment-request", "LETTER"))));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(later)
                .put(LADDERS + "big-buyers").then().statusCode(200).body("version", equalTo(2));

        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(LADDERS + "big-buyers").then().statusCode(200)
                .body("version", equalTo(1), "steps", hasSize(3));
        given().auth().oauth2(viewer).queryParam("asOf", today().plusDays(10).toString()).get(LADDERS + "big-buyers")
                .then().statusCode(200).body("version", equalTo(2), "steps", hasSize(1),
                        "steps[0].actions[0].channels", contains("LETTER"));
        given().auth().oauth2(viewer).queryParam("version", 1).get(LADDERS + "big-buyers").then().statusCode(200)
                .body("steps[2].key", equalTo("agency"));
        given().auth().oauth2(viewer).queryParam("version", 3).get(LADDERS + "big-buyers").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(viewer).queryParam("asOf", today().minusDays(1).toString()).get(LADDERS + "big-buyers")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void changesMadeAtOnceGetOneVersionEach() throws Exception {
        String tenant = freshTenant();
        String manager = token(tenant, "credit-manager");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(manager).contentType(ContentType.JSON)
                        .body(ladder(null)).put(LADDERS + "busy").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(manager).get(LADDERS + "busy").then().body("version", equalTo(6));
        for (int v = 1; v <= 6; v++) {
            given().auth().oauth2(manager).queryParam("version", v).get(LADDERS + "busy").then().statusCode(200);
        }
    }

    @Test
    void theTenantsOwnDefaultLadderReplacesThePlatformsFromItsDate() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(ladder(today().plusDays(1))).put(LADDERS + "default").then().statusCode(200)
                .body("version", equalTo(1));
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(LADDERS + "default").then().body("version", equalTo(0), "steps", hasSize(10));
        given().auth().oauth2(viewer).queryParam("asOf", today().plusDays(1).toString()).get(LADDERS + "default")
                .then().body("version", equalTo(1), "steps", hasSize(3), "recordedBy", equalTo(subjectOf(token(tenant, "tenant-admin"))));
    }

    /** A tenant whose formal demand goes at + 5 says its letter is legally required (by default only from + 7). */
    @Test
    void aLetterStepSaysWhetherItsLetterIsLegallyRequiredAndOnlyALetterMay() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        Map<String, Object> body = Map.of("steps", List.of(Map.of("key", "formal-demand", "offsetDays", 5, "actions",
                List.of(Map.of("kind", "MESSAGE", "channels", List.of("LETTER"), "key", "dunning.formal-demand",
                        "legallyRequired", true)))));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(LADDERS + "early").then()
                .statusCode(200).body("steps[0].actions[0].legallyRequired", equalTo(true));
        given().auth().oauth2(token(tenant, "viewer")).get(LADDERS + "early").then().statusCode(200)
                .body("steps[0].actions[0].legallyRequired", equalTo(true));
        given().auth().oauth2(token(tenant, "viewer")).get(LADDERS + "default").then().statusCode(200)
                .body("steps[4].key", equalTo("formal-demand"), "steps[4].actions[0].legallyRequired", nullValue());
        Map<String, Object> byEmail = Map.of("steps", List.of(Map.of("key", "mail", "offsetDays", 5, "actions",
                List.of(Map.of("kind", "MESSAGE", "channels", List.of("EMAIL"), "key", "dunning.formal-demand",
                        "legallyRequired", true)))));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(byEmail).put(LADDERS + "mail").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("steps[0].actions[0].legallyRequired"));
    }

    @Test
    void everyWrongFieldIsNamedByItsPathAndNothingIsSaved() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        Map<String, Object> wrong = Map.of("effectiveFrom", today().minusDays(1).toString(), "steps", List.of(
                Map.of("key", "Bad Key", "offsetDays", 5, "actions", List.of(Map.of("kind", "MESSAGE", "key", "dunning.x"))),
                Map.of("key", "second", "offsetDays", 3, "actions", List.of(Map.of("kind", "COLLECTOR_TASK",
                        "channels", List.of("EMAIL"), "key", "task.x"))),
                Map.of("key", "second", "actions", List.of(),
                        "minimumAmount", List.of(money("-1.00", "CNY"), money("2.00", "CNY")))));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(wrong).put(LADDERS + "strict").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("effectiveFrom", "steps[0].key", "steps[0].actions[0].channels",
                        "steps[1].offsetDays", "steps[1].actions[0].channels", "steps[2].offsetDays", "steps[2].key",
                        "steps[2].actions", "steps[2].minimumAmount[0].amount", "steps[2].minimumAmount[1].currency"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("steps", List.of()))
                .put(LADDERS + "strict").then().statusCode(400).body("errors.field", contains("steps"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(ladder(null)).put(LADDERS + "No_Such")
                .then().statusCode(400).body("errors.field", contains("key"));
        // an unknown kind is named with every other wrong field (until session 29: alone)
        Map<String, Object> badKind = Map.of("effectiveFrom", today().minusDays(1).toString(), "steps", List.of(
                Map.of("key", "a", "offsetDays", 0, "actions", List.of(Map.of("kind", "FAX", "key", "x"))),
                Map.of("key", "Bad Key", "offsetDays", 3, "actions", List.of(Map.of("kind", "COLLECTOR_TASK", "key", "task.x")))));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(badKind).put(LADDERS + "strict").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("effectiveFrom", "steps[0].actions[0].kind", "steps[1].key"));
        given().auth().oauth2(admin).get(LADDERS + "strict").then().statusCode(404);
    }

    @Test
    void onlyTenantAdminAndCreditManagerChangeLadders() {
        String tenant = freshTenant();
        for (String role : new String[] {"viewer", "collector", "finance"}) {
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON).body(ladder(null))
                    .put(LADDERS + "big-buyers").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(ladder(null)).put(LADDERS + "big-buyers").then().statusCode(401);
        given().auth().oauth2(token(tenant, "viewer")).get(LADDERS + "big-buyers").then().statusCode(404);
    }

    @Test
    void anotherTenantsLadderIsNotFound() {
        String owner = freshTenant();
        given().auth().oauth2(token(owner, "tenant-admin")).contentType(ContentType.JSON).body(ladder(null))
                .put(LADDERS + "big-buyers").then().statusCode(200);
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).get(LADDERS + "big-buyers").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).queryParam("version", 1).get(LADDERS + "big-buyers")
                .then().statusCode(404);
    }

    /** The token's subject, as the service records who changed what. */
    static String subjectOf(String token) {
        return given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("subject");
    }

}
