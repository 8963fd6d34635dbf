package io.tradecredit.collections.jobs;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.jobs.RunFixtures.OPS;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.issue;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Database;

/** The run's progress rows go once their run completed and the retention (7 days) passed. Dates of 2042, run only here. */
@QuarkusTest
class RunProgressCleanupTest {
    static final String PROGRESS = "select count(*) from dunning_run_buyer where tenant_id = ? and run_date = ?";

    @Test
    void progressRowsOfACompletedRunGoAfterSevenDaysAndThoseOfAnUnfinishedRunStay() {
        LocalDate day = LocalDate.of(2042, 3, 3);
        String tenant = freshTenant();
        issue(tenant, UUID.randomUUID().toString(), "8000.00", day);
        issue(tenant, UUID.randomUUID().toString(), "9000.00", day);
        runCompleted(day);
        runCompleted(day.plusDays(1));
        // a date whose run never completed (killed, not yet run again): its rows let it resume
        LocalDate unfinished = LocalDate.of(2042, 2, 2);
        Database.execute("insert into dunning_run_buyer (run_date, tenant_id, buyer_id, done_at) values (?, ?, ?, ?)",
                unfinished, tenant, UUID.randomUUID(), OffsetDateTime.now());
        assertEquals(2, Database.count(PROGRESS, tenant, day));
        long logged = Database.count("select count(*) from dunning_step_log where tenant_id = ?", tenant);

        // seven days after: still kept (older completed runs of other tests go)
        cleanup(day.plusDays(7)).body("summary", containsString("progress row(s) of completed dunning runs removed as of 2042-03-10"));
        assertEquals(2, Database.count(PROGRESS, tenant, day));

        // eight days after: the run of that day is past its retention, the next day's is not
        cleanup(day.plusDays(8));
        assertEquals(0, Database.count(PROGRESS, tenant, day));
        assertEquals(2, Database.count(PROGRESS, tenant, day.plusDays(1)));
        assertEquals(1, Database.count(PROGRESS, tenant, unfinished), "an unfinished run keeps its rows");
        assertEquals(logged, Database.count("select count(*) from dunning_step_log where tenant_id = ?", tenant),
                "the log of steps is kept");
    }

    private static io.restassured.response.ValidatableResponse cleanup(LocalDate asOf) {
        return given().auth().oauth2(OPS).post("/api/v1/admin/jobs/dunning-progress-cleanup?asOf=" + asOf).then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
    }
}
