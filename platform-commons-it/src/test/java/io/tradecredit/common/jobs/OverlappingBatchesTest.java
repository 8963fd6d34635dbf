package io.tradecredit.common.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradecredit.common.InOrderStampJob;
import io.tradecredit.common.StampItems;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * An {@link OverlappingBatchedDailyJob} ({@link InOrderStampJob}, 7 rows a batch): the next batch
 * takes its rows while the one before it still works, each commits after the one before it, and a
 * failed batch takes the one after it down with it, so a rerun finds no gap; a batch never waits
 * forever for a row the batch after it locked.
 */
@QuarkusTest
class OverlappingBatchesTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();
    static final String JOB = "/api/v1/admin/jobs/stamp-in-order?asOf=";

    @BeforeEach
    void noItems() {
        Database.execute("delete from stamp_item");
        InOrderStampJob.took.clear();
        InOrderStampJob.lockedToo.clear();
    }

    @AfterEach
    void reset() {
        InOrderStampJob.failOn = null;
        InOrderStampJob.lockToo = null;
        CompletableFuture<Void> hold = InOrderStampJob.hold;
        if (hold != null) {
            hold.complete(null);
        }
        InOrderStampJob.hold = null;
        InOrderStampJob.holdFrom = null;
    }

    @Test
    void theNextBatchTakesItsRowsWhileTheOneBeforeItStillWorksAndCommitsAfterIt() throws Exception {
        LocalDate asOf = LocalDate.parse("2022-04-10");
        items(5000, 30, asOf.minusDays(1));
        InOrderStampJob.holdFrom = 5000;
        InOrderStampJob.hold = new CompletableFuture<>();

        CompletableFuture<Response> run = CompletableFuture.supplyAsync(() -> given().auth().oauth2(OPS).post(JOB + asOf)
                .andReturn());
        awaitTook("5007-5013"); // the second batch, while the first holds
        assertEquals(List.of("5000-5006", "5007-5013"), List.copyOf(InOrderStampJob.took),
                "two batches under way at most: the third waits for the first to commit");
        assertEquals(0, stamped(5000, 30), "the second batch waits for the first to commit before it does");

        InOrderStampJob.hold.complete(null);
        run.get(30, TimeUnit.SECONDS).then().statusCode(200).body("status", equalTo("COMPLETED"), "rows", equalTo(30),
                "batches", equalTo(5), "summary", equalTo("30 item(s) stamped in order as of " + asOf));
        assertEquals(List.of("5000-5006", "5007-5013", "5014-5020", "5021-5027", "5028-5029"),
                List.copyOf(InOrderStampJob.took));
        assertEquals(30, stamped(5000, 30));
        assertEquals(30, events(5000, 30));
    }

    @Test
    void aFailedBatchRollsBackTheOneAfterItSoARerunFindsNoGap() {
        LocalDate asOf = LocalDate.parse("2022-04-11");
        items(6000, 30, asOf.minusDays(1));
        InOrderStampJob.failOn = 6016; // the third batch (6014-6020) fails once the fourth took 6021-6027

        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(500);
        assertTrue(InOrderStampJob.took.contains("6021-6027"), "the fourth batch was under way: " + InOrderStampJob.took);
        assertEquals(14, stamped(6000, 30), "batches 1 and 2 committed; 3 failed, and 4 after it rolled back");
        assertEquals(14, events(6000, 30));
        assertEquals(1, Database.count("select count(*) from job_run where job = 'stamp-in-order' and as_of = ?"
                + " and status = 'FAILED' and batches = 2 and done = 14 and error like '%failing on purpose%'", asOf));

        InOrderStampJob.failOn = null;
        given().auth().oauth2(OPS).post(JOB + asOf).then().statusCode(200).body("status", equalTo("COMPLETED"),
                "attempts", equalTo(2), "rows", equalTo(30), "batches", equalTo(5));
        assertEquals(30, stamped(6000, 30), "the rerun started after item 6013, the last committed");
        assertEquals(30, events(6000, 30), "one event per item: nothing done twice");
    }

    @Test
    void aBatchWaitingForARowTheBatchAfterItLockedFailsAfterTheLockTimeoutInsteadOfWaitingForever() throws Exception {
        LocalDate asOf = LocalDate.parse("2022-04-12");
        items(7000, 30, asOf.minusDays(1));
        InOrderStampJob.holdFrom = 7000;
        InOrderStampJob.hold = new CompletableFuture<>();
        Database.execute("insert into stamp_item (id, due_on) values (7500, ?)", asOf.plusDays(30));
        InOrderStampJob.lockToo = 7500; // a row (not due) both batches lock: the second gets it first

        CompletableFuture<Response> run = CompletableFuture.supplyAsync(() -> given().auth().oauth2(OPS).post(JOB + asOf)
                .andReturn());
        awaitTook("7007-7013"); // the second batch, which then locks the row first
        // before the first batch goes on: released earlier, it could lock the row first, and nobody wait for anybody
        awaitLocked(7007);
        InOrderStampJob.hold.complete(null);

        // the first batch waits for the second's lock, the second for the first's commit: 1 s here, then both fail
        run.get(20, TimeUnit.SECONDS).then().statusCode(500);
        assertEquals(0, stamped(7000, 30));
        assertEquals(1, Database.count("select count(*) from job_run where job = 'stamp-in-order' and as_of = ?"
                + " and status = 'FAILED' and done = 0 and error like '%lock timeout%'", asOf));
    }

    /**
     * Waits until a batch took {@code items} ("first-last"), at most 60 s (15 s ran out on a loaded machine), then a
     * little more for what follows it.
     */
    private static void awaitTook(String items) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!InOrderStampJob.took.contains(items)) {
            assertTrue(System.currentTimeMillis() < deadline, "no batch took " + items + ": " + InOrderStampJob.took);
            Thread.sleep(20);
        }
        Thread.sleep(300);
    }

    /** Waits until the batch from item {@code first} holds {@link InOrderStampJob#lockToo}'s row, at most 60 s. */
    private static void awaitLocked(int first) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!InOrderStampJob.lockedToo.contains(first)) {
            assertTrue(System.currentTimeMillis() < deadline, "no batch from " + first + " locked the row: "
                    + InOrderStampJob.lockedToo);
            Thread.sleep(20);
        }
    }

    private static void items(int first, int count, LocalDate dueOn) {
        StampItems.add(first, count, dueOn);
    }

    private static long stamped(int first, int count) {
        return StampItems.stamped(first, count);
    }

    private static long events(int first, int count) {
        return StampItems.events(InOrderStampJob.TYPE, first, count);
    }
}
