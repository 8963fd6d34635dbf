package io.tradecredit.collections.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.api.DunningFixtures.freshTenant;
import static io.tradecredit.collections.api.DunningFixtures.money;
import static io.tradecredit.collections.api.DunningFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DunningSettingsApiTest {
    static final String CALENDAR = "/api/v1/dunning/calendar";
    static final String SETTINGS = "/api/v1/dunning/settings";

    /** National Day 2026: 1 to 7 October off, Saturday 10 October worked. */
    static final Map<String, Object> NATIONAL_DAY = Map.of("holidays", List.of("2026-10-01", "2026-10-02", "2026-10-05",
            "2026-10-06", "2026-10-07"), "makeUpWorkingDays", List.of("2026-10-10"), "dayCount", "BUSINESS_DAYS");

    @Test
    void aTenantWithoutSettingsHasTheDefaults() {
        String viewer = token(freshTenant(), "viewer");
        given().auth().oauth2(viewer).get(CALENDAR).then().statusCode(200)
                .body("weekend", contains("SATURDAY", "SUNDAY"), "holidays", empty(), "makeUpWorkingDays", empty(),
                        "dayCount", equalTo("CALENDAR_DAYS"));
        given().auth().oauth2(viewer).get(SETTINGS).then().statusCode(200)
                .body("tolerance", empty(), "consolidation", equalTo(true), "approvalMode", equalTo(false),
                        "paymentDeadlineDays", equalTo(7));
    }

    @Test
    void aTenantSetsItsPaymentDeadlineAndLeavingItOutGivesTheSevenDaysBack() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", false, "paymentDeadlineDays", 10))
                .put(SETTINGS).then().statusCode(200).body("paymentDeadlineDays", equalTo(10));
        given().auth().oauth2(token(tenant, "viewer")).get(SETTINGS).then().body("paymentDeadlineDays", equalTo(10));
        // the calendar's door leaves it as it is
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(NATIONAL_DAY).put(CALENDAR).then().statusCode(200);
        given().auth().oauth2(admin).get(SETTINGS).then().body("paymentDeadlineDays", equalTo(10));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", false))
                .put(SETTINGS).then().statusCode(200).body("paymentDeadlineDays", equalTo(7));
        for (int wrong : new int[] {0, 91}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("tolerance", List.of(), "consolidation", false, "approvalMode", true, "paymentDeadlineDays", wrong))
                    .put(SETTINGS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("paymentDeadlineDays"));
        }
        given().auth().oauth2(admin).get(SETTINGS).then().body("paymentDeadlineDays", equalTo(7),
                "consolidation", equalTo(true), "approvalMode", equalTo(false));
    }

    @Test
    void calendarAndRunSettingsAreSavedEachWithoutTouchingTheOther() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(NATIONAL_DAY)
                .put(CALENDAR).then().statusCode(200).body("dayCount", equalTo("BUSINESS_DAYS"),
                        "makeUpWorkingDays", contains("2026-10-10"), "weekend", contains("SATURDAY", "SUNDAY"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(money("50.00", "CNY"), money("10.00", "USD")), "consolidation", false,
                        "approvalMode", true))
                .put(SETTINGS).then().statusCode(200).body("tolerance[0].amount", equalTo("50.00"),
                        "tolerance[1].currency", equalTo("USD"), "consolidation", equalTo(false), "approvalMode", equalTo(true));
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(CALENDAR).then().body("dayCount", equalTo("BUSINESS_DAYS"),
                "holidays", contains("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"));
        given().auth().oauth2(viewer).get(SETTINGS).then().body("tolerance.amount", contains("50.00", "10.00"),
                "approvalMode", equalTo(true));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("weekend", List.of("SUNDAY"), "dayCount", "CALENDAR_DAYS")).put(CALENDAR).then()
                .statusCode(200).body("holidays", empty());
        given().auth().oauth2(viewer).get(SETTINGS).then().body("consolidation", equalTo(false), "approvalMode", equalTo(true));
    }

    /**
     * A calendar set is shared with notification-service (its send windows keep to the tenant's business
     * days), as a schema-valid business-days-set on notification-requests keyed by the tenant; run settings
     * are not. A migration (V22) shares the calendars set before: its statement, run again here, writes one
     * such event per tenant with a calendar, as the service writes it.
     */
    @Test
    void aCalendarSetIsSharedWithNotificationServiceAndV22SharesThoseSetBefore() throws Exception {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(NATIONAL_DAY)
                .put(CALENDAR).then().statusCode(200);
        com.fasterxml.jackson.databind.JsonNode shared = sharedCalendars(tenant, 1).get(0);
        assertEquals(List.of("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"),
                texts(shared.get("holidays")));
        assertEquals(List.of("2026-10-10"), texts(shared.get("makeUpWorkingDays")));
        assertEquals(List.of("SATURDAY", "SUNDAY"), texts(shared.get("weekend")));
        String migration = new String(getClass().getClassLoader()
                .getResourceAsStream("db/migration/V22__share_business_calendars.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        io.tradecredit.testing.Database.execute(migration.replace("from dunning_tenant_settings",
                "from dunning_tenant_settings where tenant_id = '" + tenant + "'"));
        List<com.fasterxml.jackson.databind.JsonNode> both = sharedCalendars(tenant, 2);
        assertEquals(shared.get("holidays"), both.get(1).get("holidays"));
        assertEquals(shared.get("makeUpWorkingDays"), both.get(1).get("makeUpWorkingDays"));
        assertEquals(java.time.OffsetDateTime.parse(shared.get("setAt").asText()).toInstant().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS), java.time.OffsetDateTime.parse(both.get(1).get("setAt").asText())
                .toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(money("50.00", "CNY")), "consolidation", false, "approvalMode", false))
                .put(SETTINGS).then().statusCode(200);
        assertEquals(2, io.tradecredit.testing.Database.count("select count(*) from outbox where tenant_id = ?"
                + " and event_type = 'io.tradecredit.notification.business-days-set.v1'", tenant), "run settings are not shared");
    }

    /** The tenant's business-days-set events on notification-requests, oldest first, each checked against its schema. */
    static List<com.fasterxml.jackson.databind.JsonNode> sharedCalendars(String tenant, int count) {
        String type = "io.tradecredit.notification.business-days-set.v1";
        var read = io.tradecredit.testing.Topics.read("notification-requests", java.time.Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> tenant.equals(r.key()) && type.equals(io.tradecredit.testing.Topics.header(r,
                        "ce_type"))).count() >= count);
        List<com.fasterxml.jackson.databind.JsonNode> found = read.stream().filter(r -> tenant.equals(r.key())
                && type.equals(io.tradecredit.testing.Topics.header(r, "ce_type")))
                .map(io.tradecredit.testing.Contracts::assertValid).toList();
        assertEquals(count, found.size());
        return found;
    }

    static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void everyWrongFieldIsNamedAndNothingChanges() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        // Thursday 8 October is already a working day; 10 October is listed twice and also a holiday
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("holidays", List.of("2026-10-10"), "makeUpWorkingDays", List.of("2026-10-08", "2026-10-10", "2026-10-10")))
                .put(CALENDAR).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("makeUpWorkingDays[2]", "makeUpWorkingDays[0]", "makeUpWorkingDays[1]",
                        "makeUpWorkingDays[2]", "dayCount"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("weekend", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        "dayCount", "WEEKS"))
                // the unknown dayCount with the weekend that leaves no working day (until session 29: alone)
                .put(CALENDAR).then().statusCode(400).body("errors.field", containsInAnyOrder("dayCount", "weekend"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("weekend", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        "dayCount", "CALENDAR_DAYS"))
                .put(CALENDAR).then().statusCode(400).body("errors.field", contains("weekend"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(money("-1.00", "CNY"), money("5.00", "CNY")), "paymentDeadlineDays", -3))
                .put(SETTINGS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("tolerance[0].amount", "tolerance[1].currency", "consolidation",
                        "approvalMode", "paymentDeadlineDays"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(money("1.001", "CNY")), "consolidation", true, "approvalMode", false))
                .put(SETTINGS).then().statusCode(400).body("errors[0].field", equalTo("tolerance[0]"));
        given().auth().oauth2(admin).get(CALENDAR).then().body("dayCount", equalTo("CALENDAR_DAYS"), "holidays", empty());
        given().auth().oauth2(admin).get(SETTINGS).then().body("tolerance", empty());
    }

    @Test
    void onlyTenantAdminAndCreditManagerChangeThemAndEachTenantHasItsOwn() {
        String tenant = freshTenant();
        for (String role : new String[] {"viewer", "collector", "finance"}) {
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON).body(NATIONAL_DAY).put(CALENDAR)
                    .then().statusCode(403);
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON)
                    .body(Map.of("consolidation", true, "approvalMode", true)).put(SETTINGS).then().statusCode(403);
        }
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(NATIONAL_DAY).put(CALENDAR)
                .then().statusCode(200);
        given().auth().oauth2(token(freshTenant(), "viewer")).get(CALENDAR).then().body("holidays", empty(),
                "dayCount", equalTo("CALENDAR_DAYS"));
    }
}
