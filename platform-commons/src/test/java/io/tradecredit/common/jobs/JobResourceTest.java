package io.tradecredit.common.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class JobResourceTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();

    @Test
    void operatorListsTheJobs() {
        given().auth().oauth2(OPS).get("/api/v1/admin/jobs")
                .then().statusCode(200).body("jobs", hasItem("outbox-cleanup"));
    }

    @Test
    void aDateRunsOnceAndARepeatAnswersTheFirstResult() {
        String summary = given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2031-01-15")
                .then().statusCode(200)
                .body("job", equalTo("outbox-cleanup"), "asOf", equalTo("2031-01-15"),
                        "status", equalTo("COMPLETED"), "firstRun", equalTo(true))
                .extract().path("summary");
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2031-01-15")
                .then().statusCode(200)
                .body("firstRun", equalTo(false), "summary", equalTo(summary), "status", equalTo("COMPLETED"));
        assertEquals(1, Database.count("select count(*) from job_run where job = 'outbox-cleanup' and as_of = '2031-01-15'"));
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
        // as of "today" nothing sent is older than the 7-day retention
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=" + java.time.LocalDate.now())
                .then().statusCode(200);
        assertEquals(sent, Database.count("select count(*) from outbox where sent_at is not null"));
        // eight days on, all of it is
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=" + java.time.LocalDate.now().plusDays(8))
                .then().statusCode(200).body("summary", containsString("removed " + sent + " sent outbox rows"));
        assertEquals(0, Database.count("select count(*) from outbox where sent_at is not null"));
    }

    @Test
    void otherRolesMayNotRunJobs() {
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint())
                .post("/api/v1/admin/jobs/outbox-cleanup?asOf=2031-01-16")
                .then().statusCode(403).contentType("application/problem+json");
        given().post("/api/v1/admin/jobs/outbox-cleanup?asOf=2031-01-16").then().statusCode(401);
    }

    @Test
    void unknownJobAnswers404AndBadDate400() {
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/no-such-job?asOf=2031-01-15")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("outbox-cleanup"));
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=15/01/2031")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }
}
