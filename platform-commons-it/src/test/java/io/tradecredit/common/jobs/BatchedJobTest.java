package io.tradecredit.common.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.tradecredit.common.StampItems;
import io.tradecredit.common.StampJob;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * A batched job ({@link StampJob}, 7 rows a batch here) through the operator endpoint: batch by
 * batch, resumable after a failure or a crash, and run once however many callers ask.
 */
@QuarkusTest
class BatchedJobTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();
    static final String JOB = "/api/v1/admin/jobs/stamp-items?asOf=";

    @Inject
    DailyJobScheduler scheduler;

    @BeforeEach
    void noItems() {
        Database.execute("delete from stamp_item");
        StampJob.failOn = null;
        StampJob.gate = null;
    }

    @AfterEach
    void reset() {
        StampJob.failOn = null;
        CompletableFuture<Void> gate = StampJob.gate;
        if (gate != null) {
            gate.complete(null);
        }
        StampJob.gate = null;
    }

    @Test
    void aFailedBatchLeavesTheEarlierOnesCommittedAndARerunFinishesTheRestOnce() {
        LocalDate asOf = LocalDate.parse("2022-03-10");
        items(1000, 30, asOf.minusDays(1));
        StampJob.failOn = 1016; // in the third batch (1014-1020)

        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(500);
        assertEquals(14, stamped(1000, 30), "batches 1 and 2 committed, batch 3 rolled back");
        assertEquals(14, events(1000, 30));
        assertEquals(1, Database.count("select count(*) from job_run where job = 'stamp-items' and as_of = ?"
                + " and status = 'FAILED' and batches = 2 and done = 14 and error like '%failing on purpose%'"
                + " and lease_until is null", asOf));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tradecredit_job_failures_total{job_name=\"stamp-items\""));

        StampJob.failOn = null;
        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(200)
                .body("status", equalTo("COMPLETED"), "firstRun", equalTo(true), "attempts", equalTo(2),
                        "rows", equalTo(30), "batches", equalTo(5), "summary", equalTo("30 item(s) stamped as of " + asOf));
        assertEquals(30, stamped(1000, 30));
        assertEquals(30, events(1000, 30), "one event per item: batches 1 and 2 were not done again");
        assertEquals(30, Database.count("select count(distinct aggregate_id) from outbox where event_type = ?"
                + " and aggregate_id in (select g::text from generate_series(1000, 1029) g)", StampJob.TYPE));

        // the date is done: a repeat does nothing
        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(200)
                .body("status", equalTo("COMPLETED"), "firstRun", equalTo(false), "rows", equalTo(30));
        assertEquals(30, events(1000, 30));
    }

    @Test
    void aSecondCallerWhileTheRunIsUnderWayGetsItsStateAndDoesNotRunItAgain() throws Exception {
        LocalDate asOf = LocalDate.parse("2022-03-11");
        items(2000, 30, asOf.minusDays(1));
        StampJob.gate = new CompletableFuture<>();

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> given().auth().oauth2(OPS).post(JOB + asOf).andReturn());
        long deadline = System.currentTimeMillis() + 15_000;
        while (Database.count("select count(*) from job_run where job = 'stamp-items' and as_of = ?"
                + " and status = 'RUNNING'", asOf) == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the first call never claimed the run");
            Thread.sleep(20);
        }
        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(202)
                .body("status", equalTo("RUNNING"), "firstRun", equalTo(false));
        assertEquals(0, stamped(2000, 30));

        StampJob.gate.complete(null);
        first.get(30, TimeUnit.SECONDS).then().statusCode(200)
                .body("status", equalTo("COMPLETED"), "firstRun", equalTo(true), "attempts", equalTo(1),
                        "rows", equalTo(30));
        assertEquals(30, stamped(2000, 30));
        assertEquals(30, events(2000, 30));
        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(200).body("firstRun", equalTo(false));
    }

    @Test
    void aRunWhoseProcessDiedIsResumedOnceItsLeaseExpired() {
        LocalDate asOf = LocalDate.parse("2022-03-12");
        items(3000, 30, asOf.minusDays(1));
        // a process stamped two batches (14 items) and died: its run is RUNNING, its lease expired
        Database.execute("update stamp_item set stamped_on = ? where id < 3014", asOf);
        abandonedRun(asOf, OffsetDateTime.now().minusSeconds(1));

        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(200)
                .body("status", equalTo("COMPLETED"), "firstRun", equalTo(true), "attempts", equalTo(2),
                        "rows", equalTo(30), "batches", equalTo(5), "summary", equalTo("30 item(s) stamped as of " + asOf));
        assertEquals(30, stamped(3000, 30));
        assertEquals(16, events(3000, 30), "only the 16 items the dead process had not done");
    }

    @Test
    void aRunUnderALiveLeaseIsLeftAloneAndTheSchedulerResumesItWhenTheLeaseExpires() {
        LocalDate asOf = LocalDate.parse("2022-03-13");
        items(4000, 20, asOf.minusDays(1));
        Database.execute("update stamp_item set stamped_on = ? where id < 4014", asOf);
        UUID owner = abandonedRun(asOf, OffsetDateTime.now().plusMinutes(1));

        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(202)
                .body("status", equalTo("RUNNING"), "firstRun", equalTo(false));
        VertxContextSupportAwait.run(scheduler);
        assertEquals(14, stamped(4000, 20), "a live run is nobody else's to take over");
        assertEquals(1, Database.count("select count(*) from job_run where job = 'stamp-items' and as_of = ?"
                + " and owner = ?", asOf, owner));

        Database.execute("update job_run set lease_until = now() - interval '1 second' where job = 'stamp-items'"
                + " and as_of = ?", asOf);
        VertxContextSupportAwait.run(scheduler);
        assertEquals(20, stamped(4000, 20));
        assertEquals(6, events(4000, 20));
        assertEquals(1, Database.count("select count(*) from job_run where job = 'stamp-items' and as_of = ?"
                + " and status = 'COMPLETED' and attempts = 2 and done = 20", asOf));
    }

    /** Calls the scheduler's resume check as its timer would, on a Vert.x context. */
    static final class VertxContextSupportAwait {
        static void run(DailyJobScheduler scheduler) {
            try {
                VertxContextSupport.subscribeAndAwait(scheduler::resumeAbandoned);
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        }
    }

    private static UUID abandonedRun(LocalDate asOf, OffsetDateTime leaseUntil) {
        UUID owner = UUID.randomUUID();
        Database.execute("insert into job_run (job, as_of, status, started_at, owner, lease_until, heartbeat_at,"
                + " attempts, batches, done, counts) values ('stamp-items', ?, 'RUNNING', ?, ?, ?, ?, 1, 2, 14,"
                + " '{\"stamped\": 14}')", asOf, OffsetDateTime.now().minusMinutes(10), owner, leaseUntil,
                OffsetDateTime.now().minusMinutes(3));
        return owner;
    }

    private static void items(int first, int count, LocalDate dueOn) {
        StampItems.add(first, count, dueOn);
        // one not due yet: never stamped
        StampItems.add(first + 500, 1, dueOn.plusDays(30));
    }

    private static long stamped(int first, int count) {
        return StampItems.stamped(first, count);
    }

    private static long events(int first, int count) {
        return StampItems.events(StampJob.TYPE, first, count);
    }
}
