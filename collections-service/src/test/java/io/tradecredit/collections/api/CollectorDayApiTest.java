package io.tradecredit.collections.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.api.CaseFixtures.CASES;
import static io.tradecredit.collections.api.CaseFixtures.await;
import static io.tradecredit.collections.api.CaseFixtures.collector;
import static io.tradecredit.collections.api.CaseFixtures.overdueInvoice;
import static io.tradecredit.collections.api.CaseFixtures.user;
import static io.tradecredit.collections.api.DunningFixtures.freshTenant;
import static io.tradecredit.collections.api.DunningFixtures.money;
import static io.tradecredit.collections.api.DunningFixtures.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.collections.app.CaseWork;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.app.StepWork.Order;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.domain.DunningAction.Kind;
import io.tradecredit.common.persistence.CurrentTransaction;

/** The worklist, the ladder's work on cases, abandonment and the tenant's case terms, through REST. */
@QuarkusTest
class CollectorDayApiTest {
    static final String WORKLIST = "/api/v1/collections/worklist";
    static final String TERMS = "/api/v1/collections/terms";

    @Inject
    CollectionCases cases;

    @Inject
    CaseWork work;

    void take(Order... orders) {
        await(() -> CurrentTransaction.run(() -> work.take(List.of(orders))));
    }

    static Order order(String tenant, UUID buyer, String step, Kind kind, String key) {
        return new Order(tenant, buyer, today(), UUID.randomUUID().toString(), step, DunningAction.work(kind, key));
    }

    @Test
    void theLaddersWorkOpensCasesAddsTasksAndPreparesLegalAndTheWorklistRanksEveryBuyer() {
        String tenant = freshTenant();
        UUID big = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID taskOnly = UUID.randomUUID();
        overdueInvoice(tenant, big, "50000.00", 16);
        overdueInvoice(tenant, old, "1000.00", 61);
        overdueInvoice(tenant, taskOnly, "3000.00", 3);
        take(order(tenant, big, "case-opening", Kind.CASE_OPENING, "case.internal-collection"),
                order(tenant, old, "legal-preparation", Kind.LEGAL_PREPARATION, "legal.prepare-procedure"),
                order(tenant, taskOnly, "reason-call", Kind.COLLECTOR_TASK, "task.call-to-confirm-reason"));
        String viewer = user(tenant, "vic", "viewer");
        // both cases opened today are due for their first look today: 25 points for an action due (until session 30
        // their next action was null and they had none). points: big 50 (amount) + 16 (days) + 25 = 91; old 1 + 61
        // + 25 = 87; task-only (no case) 3 + 3 + 25 = 31, its +3 call due today (6 until session 30). Opened on a
        // Saturday or Sunday, a day the tenant does not work, the first look is Monday, not yet due: 66 and 62.
        LocalDate firstLook = BusinessCalendar.DEFAULT.nextWorkingDay(today());
        int due = firstLook.equals(today()) ? 25 : 0;
        given().auth().oauth2(viewer).get(WORKLIST).then().statusCode(200)
                .body("total", equalTo(3), "items.buyerId", contains(big.toString(), old.toString(), taskOnly.toString()),
                        "items.points", contains(66 + due, 62 + due, 31), "items[0].caseFile.state", equalTo("OPEN"),
                        "items[0].caseFile.nextActionOn", equalTo(firstLook.toString()),
                        "items[1].caseFile.nextActionOn", equalTo(firstLook.toString()),
                        "items[1].caseFile.state", equalTo("LEGAL"), "items[2].caseFile", nullValue(),
                        "items[2].openTasks[0].stepKey", equalTo("reason-call"),
                        "items[2].openTasks[0].actionKey", equalTo("task.call-to-confirm-reason"),
                        "items[2].openTasks[0].dueOn", equalTo(today().toString()),
                        "items[0].overdue[0].amount", equalTo("50000.00"), "items[1].daysPastDue", equalTo(61));
        given().auth().oauth2(viewer).queryParams("page", 1, "size", 1).get(WORKLIST).then()
                .body("total", equalTo(3), "items.buyerId", contains(old.toString()));
        String legalCase = given().auth().oauth2(viewer).get(WORKLIST).then().extract().path("items[1].caseFile.id");
        given().auth().oauth2(viewer).get(CASES + legalCase).then().body("log.kind",
                contains("case-opened", "legal-preparation", "state-changed"),
                "log[1].detail.actionKey", equalTo("legal.prepare-procedure"), "log[2].actor", equalTo("dunning-run"));

        // the collector does the task: it leaves the worklist; doing it twice is refused
        String task = given().auth().oauth2(viewer).get(WORKLIST).then().extract().path("items[2].openTasks[0].id");
        given().auth().oauth2(viewer).post("/api/v1/collections/tasks/" + task + "/done").then().statusCode(403);
        given().auth().oauth2(collector(tenant, "lena")).post("/api/v1/collections/tasks/" + task + "/done").then()
                .statusCode(200).body("doneOn", equalTo(today().toString()), "doneBy", equalTo("lena"));
        given().auth().oauth2(collector(tenant, "lena")).post("/api/v1/collections/tasks/" + task + "/done").then()
                .statusCode(409);
        given().auth().oauth2(collector(freshTenant(), "eve")).post("/api/v1/collections/tasks/" + task + "/done")
                .then().statusCode(404);
        given().auth().oauth2(viewer).get(WORKLIST).then().body("total", equalTo(2));

        // owner filter: only lena's cases
        String bigCase = given().auth().oauth2(viewer).get(WORKLIST).then().extract().path("items[0].caseFile.id");
        given().auth().oauth2(collector(tenant, "lena")).contentType(ContentType.JSON).body(Map.of("owner", "lena"))
                .put(CASES + bigCase + "/owner").then().statusCode(200);
        given().auth().oauth2(viewer).queryParam("owner", "lena").get(WORKLIST).then()
                .body("total", equalTo(1), "items[0].caseFile.id", equalTo(bigCase));
        given().auth().oauth2(viewer).queryParam("size", 0).get(WORKLIST).then().statusCode(400);
    }

    @Test
    void aTaskOnABuyerWithACaseIsLoggedOnItAndARepeatedOrderAddsNothing() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String id = await(() -> cases.openFor(tenant, buyer, today(), "dunning-run")).id().toString();
        Order task = order(tenant, buyer, "finance-demand", Kind.COLLECTOR_TASK, "task.consider-partner-agency");
        take(task);
        take(task);
        given().auth().oauth2(user(tenant, "vic", "viewer")).get(WORKLIST).then()
                .body("total", equalTo(1), "items[0].openTasks", hasSize(1));
        given().auth().oauth2(user(tenant, "vic", "viewer")).get(CASES + id).then()
                .body("log.kind", contains("case-opened", "collector-task"));
    }

    @Test
    void aSmallDebtIsProposedByOneCollectorAndConfirmedByAnotherWhichClosesTheCaseAndAsksForTheWriteOff() {
        String tenant = freshTenant();
        given().auth().oauth2(user(tenant, "m", "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("costPerStep", List.of(money("150.00", "CNY")), "stepsToCollect", 3,
                        "agencyFeePercent", "20"))
                .put(TERMS).then().statusCode(200).body("costPerStep[0].amount", equalTo("150.00"),
                        "promiseGraceDays", equalTo(3), "worklist.pointsPerGrade", equalTo(5));
        UUID buyer = UUID.randomUUID();
        UUID invoice = overdueInvoice(tenant, buyer, "500.00", 40);
        String id = await(() -> cases.openFor(tenant, buyer, today(), "dunning-run")).id().toString();
        String lena = collector(tenant, "lena");

        given().auth().oauth2(lena).post(CASES + id + "/abandonment/confirm").then().statusCode(409)
                .body("code", equalTo("abandonment.not-proposed"));
        given().auth().oauth2(lena).post(CASES + id + "/abandonment").then().statusCode(201)
                .body("amounts[0].overdue.amount", equalTo("500.00"), "amounts[0].expectedCost.amount",
                        equalTo("550.00"), "proposedBy", equalTo("lena"));
        given().auth().oauth2(lena).post(CASES + id + "/abandonment").then().statusCode(409);
        given().auth().oauth2(lena).post(CASES + id + "/abandonment/confirm").then().statusCode(409)
                .body("code", equalTo("abandonment.same-collector"));
        given().auth().oauth2(collector(tenant, "max")).post(CASES + id + "/abandonment/confirm").then()
                .statusCode(200).body("confirmedBy", equalTo("max"), "proposedBy", equalTo("lena"));
        given().auth().oauth2(lena).get(CASES + id).then().body("caseFile.state", equalTo("CLOSED"),
                "caseFile.closeReason", equalTo("ABANDONED"));

        JsonNode confirmed = CaseApiTest.event(id, "io.tradecredit.collections.abandonment-confirmed.v1");
        assertEquals(invoice.toString(), confirmed.get("invoices").get(0).get("invoiceId").asText());
        assertEquals("500.00", confirmed.get("invoices").get(0).get("amount").get("amount").asText());
        assertEquals("max", confirmed.get("confirmedBy").asText());
        CaseApiTest.event(id, "io.tradecredit.collections.abandonment-proposed.v1");
        assertEquals("ABANDONED", CaseApiTest.event(id, "io.tradecredit.collections.case-closed.v1")
                .get("closeReason").asText());
    }

    @Test
    void aDebtWorthCollectingIsNotProposed() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        overdueInvoice(tenant, buyer, "600.00", 40);
        String id = await(() -> cases.openFor(tenant, buyer, today(), "dunning-run")).id().toString();
        // the platform's defaults set no cost per step: nothing is worth abandoning
        given().auth().oauth2(collector(tenant, "lena")).post(CASES + id + "/abandonment").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("abandonment.worth-collecting"),
                        "errors.field", contains("overdue.CNY"));
    }

    /**
     * DOMAIN §3: small debts are proposed for write-off and a collector confirms. The daily
     * abandonment-review job proposes the 500.00 debt (550.00 to collect) by itself and leaves the 600.00
     * one (570.00); any collector may confirm what the review proposed. Collectors had to propose it.
     */
    @Test
    void theDailyReviewProposesASmallDebtForAbandonmentAndACollectorConfirmsIt() {
        String tenant = freshTenant();
        given().auth().oauth2(user(tenant, "m", "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("costPerStep", List.of(money("150.00", "CNY")), "stepsToCollect", 3,
                        "agencyFeePercent", "20"))
                .put(TERMS).then().statusCode(200);
        UUID small = UUID.randomUUID();
        overdueInvoice(tenant, small, "500.00", 40);
        String smallCase = await(() -> cases.openFor(tenant, small, today(), "dunning-run")).id().toString();
        UUID big = UUID.randomUUID();
        overdueInvoice(tenant, big, "600.00", 40);
        String bigCase = await(() -> cases.openFor(tenant, big, today(), "dunning-run")).id().toString();

        given().auth().oauth2(io.tradecredit.testing.Tokens.noTenant().roles("platform-ops").mint())
                .post("/api/v1/admin/jobs/abandonment-review?asOf=" + today()).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        String lena = collector(tenant, "lena");
        given().auth().oauth2(lena).get(CASES + smallCase).then().statusCode(200)
                .body("log.findAll { it.kind == 'abandonment-proposed' }.actor", contains("abandonment-review"));
        JsonNode proposed = CaseApiTest.event(smallCase, "io.tradecredit.collections.abandonment-proposed.v1");
        assertEquals("abandonment-review", proposed.get("proposedBy").asText());
        given().auth().oauth2(lena).post(CASES + bigCase + "/abandonment/confirm").then().statusCode(409)
                .body("code", equalTo("abandonment.not-proposed"));
        given().auth().oauth2(lena).post(CASES + smallCase + "/abandonment/confirm").then().statusCode(200)
                .body("proposedBy", equalTo("abandonment-review"), "confirmedBy", equalTo("lena"));
        given().auth().oauth2(lena).get(CASES + smallCase).then().body("caseFile.closeReason", equalTo("ABANDONED"));
    }

    @Test
    void termsAreTheDefaultsUntilSetAndEveryWrongFieldIsNamed() {
        String tenant = freshTenant();
        String manager = user(tenant, "m", "credit-manager");
        given().auth().oauth2(user(tenant, "v", "viewer")).get(TERMS).then().statusCode(200)
                .body("promiseGraceDays", equalTo(3), "maxPromiseDays", equalTo(30), "shortHoldDays", equalTo(7), "followUpDays", equalTo(3),
                        "costPerStep", hasSize(0), "stepsToCollect", equalTo(3), "worklist.pointsForActionDue",
                        equalTo(25));
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("promiseGraceDays", -1, "maxPromiseDays", 0,
                "shortHoldDays", 0, "costPerStep", List.of(money("-1.00", "CNY")), "agencyFeePercent", "101",
                "worklist", Map.of("pointsPerGrade", -5, "amountPerPoint", List.of(money("100.00", "USD"), money("0.00", "CNY")))))
                .put(TERMS).then().statusCode(400).contentType("application/problem+json")
                // named as the client sent them (until session 29: graceDays and worklist.amountPerPoint.CNY)
                .body("errors.field", containsInAnyOrder("promiseGraceDays", "maxPromiseDays", "shortHoldDays", "costPerStep[0].amount",
                        "agencyFeePercent", "worklist.pointsPerGrade", "worklist.amountPerPoint[1].amount"));
        given().auth().oauth2(collector(tenant, "lena")).contentType(ContentType.JSON).body(Map.of()).put(TERMS)
                .then().statusCode(403);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("promiseGraceDays", 5,
                "worklist", Map.of("amountPerPoint", List.of(money("100.00", "CNY"))))).put(TERMS).then()
                .statusCode(200);
        given().auth().oauth2(manager).get(TERMS).then().body("promiseGraceDays", equalTo(5), "maxPromiseDays", equalTo(30),
                "worklist.amountPerPoint[0].amount", equalTo("100.00"));
        // another tenant still has the defaults
        given().auth().oauth2(user(freshTenant(), "v", "viewer")).get(TERMS).then().body("promiseGraceDays", equalTo(3));
    }
}
