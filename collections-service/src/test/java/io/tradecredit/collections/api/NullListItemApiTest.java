package io.tradecredit.collections.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.api.DunningFixtures.freshTenant;
import static io.tradecredit.collections.api.DunningFixtures.token;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A null inside a list of a request body (JSON {@code [null]}) is named by its index with every other wrong field,
 * as a 400, and nothing changes: every request body of the API that takes a list.
 */
@QuarkusTest
class NullListItemApiTest {

    private static void refused(String token, String path, String json, String... fields) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(json).put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder(fields));
    }

    @Test
    void aNullToleranceIsNamedWithTheOtherWrongFieldsAndNothingChanges() {
        String admin = token(freshTenant(), "tenant-admin");
        refused(admin, DunningSettingsApiTest.SETTINGS, """
                {"tolerance": [{"amount": "-1.00", "currency": "CNY"}, null, {"amount": "5.00", "currency": "CNY"}],
                 "consolidation": true, "paymentDeadlineDays": 0}""",
                "tolerance[0].amount", "tolerance[1]", "tolerance[2].currency", "approvalMode", "paymentDeadlineDays");
        given().auth().oauth2(admin).get(DunningSettingsApiTest.SETTINGS).then().statusCode(200)
                .body("tolerance", empty(), "paymentDeadlineDays", equalTo(7));
    }

    @Test
    void aNullDayOfTheCalendarIsNamedWithTheOtherWrongFieldsAndNothingChanges() {
        String admin = token(freshTenant(), "credit-manager");
        refused(admin, DunningSettingsApiTest.CALENDAR, """
                {"weekend": ["SATURDAY", null], "holidays": [null, "2026-10-01"],
                 "makeUpWorkingDays": ["2026-10-10", null, "2026-10-10"]}""",
                "weekend[1]", "holidays[0]", "makeUpWorkingDays[1]", "makeUpWorkingDays[2]", "dayCount");
        given().auth().oauth2(admin).get(DunningSettingsApiTest.CALENDAR).then().statusCode(200)
                .body("holidays", empty(), "makeUpWorkingDays", empty(), "dayCount", equalTo("CALENDAR_DAYS"));
    }

    @Test
    void aNullChannelOrMinimumAmountOfALadderStepIsNamedWithTheOtherWrongFieldsAndNothingIsSaved() {
        String admin = token(freshTenant(), "tenant-admin");
        refused(admin, DunningLadderApiTest.LADDERS + "nulls", """
                {"steps": [
                  {"key": "reminder", "offsetDays": 3, "actions": [{"kind": "MESSAGE", "key": "dunning.x", "channels": ["EMAIL", null]}],
                   "minimumAmount": [null, {"amount": "-1.00", "currency": "CNY"}]},
                  null,
                  {"key": "Bad Key", "offsetDays": 10, "actions": [null]}]}""",
                "steps[0].actions[0].channels[1]", "steps[0].minimumAmount[0]", "steps[0].minimumAmount[1].amount",
                "steps[1]", "steps[2].key", "steps[2].actions[0].kind", "steps[2].actions[0].key");
        given().auth().oauth2(admin).get(DunningLadderApiTest.LADDERS + "nulls").then().statusCode(404);
    }

    @Test
    void aNullSegmentRuleOrBuyerLadderIsNamedWithTheOtherWrongFieldsAndNothingIsSaved() {
        String admin = token(freshTenant(), "tenant-admin");
        refused(admin, DunningAssignmentApiTest.ASSIGNMENTS, """
                {"segmentRules": [null], "buyerLadders": [null]}""",
                "defaultLadderKey", "segmentRules[0]", "buyerLadders[0].buyerId");
        given().auth().oauth2(admin).get(DunningAssignmentApiTest.ASSIGNMENTS).then().body("version", equalTo(0));
    }

    @Test
    void aNullCurrencyOrMinimumOverdueOfAnAgencyContractIsNamedWithTheOtherWrongFieldsAndNothingIsSaved() {
        String admin = token(freshTenant(), "tenant-admin");
        refused(admin, AgencyContractApiTest.AGENCIES + "/huaxin", """
                {"successFeePercent": "101", "currencies": ["CNY", null],
                 "handOff": {"mode": "MINIMUM_AMOUNT", "minimumOverdue": [{"amount": "5.00", "currency": "CNY"}, null]}}""",
                "successFeePercent", "currencies[1]", "handOff.minimumOverdue[1]");
        given().auth().oauth2(admin).get(AgencyContractApiTest.AGENCIES).then().statusCode(200).body("$", empty());
    }

    @Test
    void aNullCostPerStepOrAmountPerPointIsNamedWithTheOtherWrongFieldsAndNothingChanges() {
        String manager = token(freshTenant(), "credit-manager");
        refused(manager, CollectorDayApiTest.TERMS, """
                {"promiseGraceDays": 5, "agencyFeePercent": "101", "costPerStep": [null, {"amount": "-1.00", "currency": "CNY"}],
                 "worklist": {"pointsPerGrade": -5, "amountPerPoint": [{"amount": "100.00", "currency": "CNY"}, null]}}""",
                "agencyFeePercent", "costPerStep[0]", "costPerStep[1].amount", "worklist.pointsPerGrade",
                "worklist.amountPerPoint[1]");
        given().auth().oauth2(manager).get(CollectorDayApiTest.TERMS).then().statusCode(200)
                .body("promiseGraceDays", equalTo(3), "costPerStep", hasSize(0));
    }
}
