package io.tradecredit.common.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The daily jobs start at 00:15 of the date they run for in the business time zone (Shanghai), wherever the host's
 * clock is set (this JVM: Los Angeles).
 */
@QuarkusTest
class DailyJobSchedulerTest {
    @Inject
    Scheduler scheduler;

    @Test
    void theDailyJobsStartAtQuarterPastMidnightInShanghaiWhateverTheHostsZone() {
        assertEquals(ZoneId.of("America/Los_Angeles"), ZoneId.systemDefault(), "the module's tests run west of UTC (pom)");
        Trigger daily = scheduler.getScheduledJobs().stream()
                .filter(t -> t.getMethodDescription().contains("DailyJobScheduler#runToday")).findFirst().orElseThrow();
        assertEquals(LocalTime.of(0, 15), daily.getNextFireTime().atZone(ZoneId.of("Asia/Shanghai")).toLocalTime(),
                "next start " + daily.getNextFireTime());
    }
}
