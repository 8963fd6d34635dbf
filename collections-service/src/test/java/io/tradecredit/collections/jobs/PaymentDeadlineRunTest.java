package io.tradecredit.collections.jobs;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.jobs.RunFixtures.REQUESTS;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.issue;
import static io.tradecredit.collections.jobs.RunFixtures.records;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.PaymentDeadline;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Tokens;

/**
 * The final payment date the run's requests state, from each tenant's own number of days. Dates of
 * 2041 and 2022, run only here.
 */
@QuarkusTest
class PaymentDeadlineRunTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFormalDemandStatesSevenDaysByDefaultAndTenForATenantThatSetTen() throws Exception {
        // due Monday 4 March 2041; the run of Monday 11 March takes the +7 formal demand
        LocalDate due = LocalDate.of(2041, 3, 4);
        String usual = freshTenant();
        String patient = freshTenant();
        given().auth().oauth2(Tokens.tenant(patient).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", false, "paymentDeadlineDays", 10))
                .put("/api/v1/dunning/settings").then().statusCode(200);
        issue(usual, UUID.randomUUID().toString(), "8000.00", due);
        issue(patient, UUID.randomUUID().toString(), "8000.00", due);

        runCompleted(due.plusDays(7));

        // each request read from notification-requests and checked against its schema (records does)
        assertEquals(List.of("2041-03-18", "2041-03-18"), deadlinesOfFormalDemands(usual), "Monday 11 + 7");
        assertEquals(List.of("2041-03-21", "2041-03-21"), deadlinesOfFormalDemands(patient), "Monday 11 + 10");
    }

    @Test
    void aRunCaughtUpForAPastDateStatesADeadlineCountedFromTheDayItsLettersGoOut() throws Exception {
        // due Monday 7 March 2022; the operator catches up the run of Monday 14 March today: the formal demand goes out
        // today, dated today, and must not ask for payment by 21 March 2022
        LocalDate due = LocalDate.of(2022, 3, 7);
        String tenant = freshTenant();
        issue(tenant, UUID.randomUUID().toString(), "8000.00", due);

        runCompleted(due.plusDays(7));

        LocalDate today = PlatformZone.today();
        String expected = PaymentDeadline.DEFAULT.from(today, BusinessCalendar.DEFAULT, BusinessCalendar.DayCount.CALENDAR_DAYS)
                .toString();
        assertEquals(List.of(expected, expected), deadlinesOfFormalDemands(tenant), "today + 7, on a working day");
    }

    /** The deadline of each formal demand (email and letter) the tenant's run requested. */
    private static List<String> deadlinesOfFormalDemands(String tenant) throws Exception {
        List<ConsumerRecord<String, String>> requests = records(REQUESTS, tenant, 2);
        assertEquals(2, requests.size());
        List<String> deadlines = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : requests) {
            JsonNode body = JSON.readTree(r.value());
            assertEquals("dunning.formal-demand", body.get("templateKey").asText());
            assertEquals(7, body.at("/data/step/offsetDays").asInt());
            deadlines.add(body.at("/data/paymentDeadline").asText());
        }
        return deadlines;
    }
}
