package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * collections-service's daily jobs start after invoice-service's: the dunning run for a date quotes the late
 * charges invoice-service's job states for that date (late-charges-stated on invoice-events), so the two at the
 * same minute sent JG-2026-00114's +30 finance demand of 23 Nov with the statement of 16 Nov (interest 134.58,
 * fee 0.00, where 23 Nov's said interest 173.84, fee 336.46). docs/runbook.md, "Catching up a daily job".
 */
class DailyJobOrderTest {
    static final String CRON = "tradecredit.jobs.daily-cron";
    static final String ENV = ServiceSettings.envName(CRON);

    /** The service's cron: its application.properties, else the chassis'. */
    static String cron(String service) {
        String own = Repository.applicationProperties(service).getProperty(CRON);
        return own != null ? own : Repository.properties(Repository.CHASSIS_CONFIG).getProperty(CRON);
    }

    /** The time of day of a once-a-day Quartz cron ("s m h * * ?"). */
    static LocalTime timeOfDay(String cron) {
        String[] fields = cron.trim().split("\\s+");
        assertEquals(6, fields.length, cron);
        assertEquals(List.of("*", "*", "?"), List.of(fields[3], fields[4], fields[5]), "once a day: " + cron);
        return LocalTime.of(Integer.parseInt(fields[2]), Integer.parseInt(fields[1]), Integer.parseInt(fields[0]));
    }

    @Test
    void collectionsDailyJobsStartAnHourAfterInvoiceServicesSoTheDatesStatementsAreRead() {
        LocalTime invoice = timeOfDay(cron("invoice-service"));
        LocalTime collections = timeOfDay(cron("collections-service"));
        assertEquals(LocalTime.of(0, 15), invoice);
        assertEquals(LocalTime.of(1, 15), collections);
        assertTrue(collections.isAfter(invoice), "collections-service " + collections + " after invoice-service " + invoice);
    }

    @Test
    void noDeploymentSetsTheCronOverTheServicesOwn() throws IOException {
        for (Rendering rendering : Rendering.all()) {
            RenderedManifestsTest.deployments(rendering.manifests()).forEach((service, deployment) -> assertFalse(
                    RenderedManifestsTest.env(deployment).containsKey(ENV), rendering.name() + ": " + service));
        }
        for (Path file : List.of(Repository.ROOT.resolve("docker-compose.yml"), Repository.ROOT.resolve("k8s/deployment.yaml"))) {
            assertFalse(Files.readString(file).contains(ENV), file.toString());
        }
    }
}
