package io.tradecredit.common.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class JobResourceTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();
    /** A tenant's user who was also given platform-ops: still not a platform operator. */
    static final String TENANT_OPS = Tokens.tenant("acme").roles("platform-ops").mint();

    @Test
    void operatorListsTheJobs() {
        given().auth().oauth2(OPS).get("/api/v1/admin/jobs")
                .then().statusCode(200).body("jobs", hasItem("outbox-cleanup"));
    }

    @Test
    void aDateRunsOnceAndARepeatAnswersTheFirstResult() {
        String summary = given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2021-01-15")
                .then().statusCode(200)
                .body("job", equalTo("outbox-cleanup"), "asOf", equalTo("2021-01-15"),
                        "status", equalTo("COMPLETED"), "firstRun", equalTo(true))
                .extract().path("summary");
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2021-01-15")
                .then().statusCode(200)
                .body("firstRun", equalTo(false), "summary", equalTo(summary), "status", equalTo("COMPLETED"));
        assertEquals(1, Database.count("select count(*) from job_run where job = 'outbox-cleanup' and as_of = '2021-01-15'"));
    }

    @Test
    void cleanupRemovesOnlySentRowsOlderThanRetention() {
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint())
                .contentType("application/json").body("{\"name\":\"to-clean\",\"quantity\":1}")
                .post("/api/v1/widgets").then().statusCode(201);
        long deadline = System.currentTimeMillis() + 15_000;
        while (Database.count("select count(*) from outbox where sent_at is null") > 0
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        long sent = Database.count("select count(*) from outbox where sent_at is not null");
        LocalDate today = PlatformZone.today();
        // as of yesterday nothing sent is older than the 7-day retention
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=" + today.minusDays(1))
                .then().statusCode(200);
        assertEquals(sent, Database.count("select count(*) from outbox where sent_at is not null"));
        // sent eight days ago, as of today all of it is (a job runs for no date after today)
        Database.execute("update outbox set sent_at = sent_at - interval '8 days' where sent_at is not null");
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=" + today)
                .then().statusCode(200).body("summary", containsString("removed " + sent + " sent outbox rows"));
        assertEquals(0, Database.count("select count(*) from outbox where sent_at is not null"));
    }

    @Test
    void otherRolesMayNotRunJobs() {
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint())
                .post("/api/v1/admin/jobs/outbox-cleanup?asOf=2021-01-16")
                .then().statusCode(403).contentType("application/problem+json");
        given().post("/api/v1/admin/jobs/outbox-cleanup?asOf=2021-01-16").then().statusCode(401);
    }

    @Test
    void aTenantBoundOperatorMayNeitherRunNorListNorReadJobs() {
        given().auth().oauth2(TENANT_OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2021-01-17")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403), "detail", containsString("platform-wide"));
        assertEquals(0, Database.count("select count(*) from job_run where as_of = '2021-01-17'"));
        given().auth().oauth2(TENANT_OPS).get("/api/v1/admin/jobs")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TENANT_OPS).get("/api/v1/admin/jobs/outbox-cleanup/runs")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aDateAfterTodayIsRefused422NamingAsOf() {
        LocalDate tomorrow = PlatformZone.today().plusDays(1);
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=" + tomorrow)
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422), "errors.field", contains("asOf"),
                        "errors[0].message", containsString("after today"));
        assertEquals(0, Database.count("select count(*) from job_run where as_of = ?", tomorrow));
    }

    @Test
    void runsAreListedNewestFirstBetweenTwoDatesAPageAtATime() {
        for (String date : new String[] {"2021-02-01", "2021-02-02", "2021-02-03", "2021-02-04"}) {
            given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=" + date).then().statusCode(200);
        }
        given().auth().oauth2(OPS)
                .get("/api/v1/admin/jobs/outbox-cleanup/runs?from=2021-02-01&to=2021-02-03")
                .then().statusCode(200)
                .body("items.asOf", contains("2021-02-03", "2021-02-02", "2021-02-01"), "total", equalTo(3),
                        "items[0].status", equalTo("COMPLETED"), "items[0].attempts", equalTo(1),
                        "items[0].firstRun", equalTo(false), "items[0].startedAt", notNullValue(),
                        "items[0].finishedAt", notNullValue(), "items[0].summary", containsString("removed"));
        given().auth().oauth2(OPS)
                .get("/api/v1/admin/jobs/outbox-cleanup/runs?from=2021-02-01&to=2021-02-03&page=1&size=2")
                .then().statusCode(200)
                .body("items.asOf", contains("2021-02-01"), "page", equalTo(1), "size", equalTo(2), "total", equalTo(3));
        given().auth().oauth2(OPS).get("/api/v1/admin/jobs/outbox-cleanup/runs?from=2021-02-04")
                .then().statusCode(200).body("items.asOf", hasItem("2021-02-04"));
    }

    @Test
    void runsOfAnUnknownJobAnswer404AndReversedDates400() {
        given().auth().oauth2(OPS).get("/api/v1/admin/jobs/no-such-job/runs")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(OPS).get("/api/v1/admin/jobs/outbox-cleanup/runs?from=2021-03-02&to=2021-03-01")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("from"));
        given().auth().oauth2(OPS).get("/api/v1/admin/jobs/outbox-cleanup/runs?size=0")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("size"));
    }

    @Test
    void unknownJobAnswers404AndBadDate400() {
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/no-such-job?asOf=2021-01-15")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("outbox-cleanup"));
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=15/01/2031")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }
}
