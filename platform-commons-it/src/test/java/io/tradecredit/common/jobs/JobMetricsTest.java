package io.tradecredit.common.jobs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * The meters the alerts rely on exist before anything happened: a job's failure counter at 0 (so
 * {@code increase()} sees its first failure), the latest date each job completed (so a date that
 * did not run alerts), and HTTP latency as histogram buckets (so percentiles can be computed).
 */
@QuarkusTest
class JobMetricsTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();

    @Test
    void everyJobsFailureCounterIsThereAtZeroBeforeItsFirstFailure() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // outbox-cleanup never fails in these tests: without the registration at start it would be absent
        assertTrue(Pattern.compile("(?m)^tradecredit_job_failures_total\\{[^}]*job_name=\"outbox-cleanup\"[^}]*} 0\\.0$")
                .matcher(metrics).find(), metrics);
    }

    @Test
    void theLatestDateAJobCompletedIsExposed() throws InterruptedException {
        LocalDate asOf = PlatformZone.today().minusDays(400);
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=" + asOf).then().statusCode(200);
        // the latest completed date (a later one may have completed in another test), not the process' start day,
        // from its midnight in the business time zone (Shanghai), when the alert's 27 hours start
        long expected = Database.count("select extract(epoch from (max(as_of)::timestamp at time zone 'Asia/Shanghai'))"
                + "::bigint from job_run where job = 'outbox-cleanup' and status = 'COMPLETED'");
        assertTrue(expected >= asOf.atStartOfDay(ZoneId.of("Asia/Shanghai")).toEpochSecond());
        Pattern gauge = Pattern.compile(
                "(?m)^tradecredit_job_last_completed_as_of_seconds\\{[^}]*job_name=\"outbox-cleanup\"[^}]*} (\\S+)$");
        double value = -1;
        for (int i = 0; i < 50 && value != expected; i++) {
            var m = gauge.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
            value = m.find() ? Double.parseDouble(m.group(1)) : -1;
            Thread.sleep(200);
        }
        assertEquals(expected, value, 0.5);
    }

    @Test
    void httpLatencyIsAHistogram() {
        // an application request: /q/ ones are not measured, so alone this test saw no histogram at all
        given().auth().oauth2(OPS).get("/api/v1/admin/jobs").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("(?m)^http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.25\"[^}]*} ")
                .matcher(metrics).find(), "no 250 ms bucket");
    }
}
