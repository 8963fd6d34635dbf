package io.tradecredit.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tradecredit.e2e.harness.Api;
import io.tradecredit.e2e.harness.Faults;
import io.tradecredit.e2e.harness.Harness;
import io.tradecredit.e2e.harness.Platform;
import io.tradecredit.e2e.harness.Readiness;
import io.tradecredit.testing.Topics;

/**
 * Issue 15, "faults survived" (docs/reliability.md): under a bounded steady flow of invoices,
 * payments and their dunning, each service is killed with SIGKILL in turn and started again, then
 * the broker, then PostgreSQL, each while the flow runs. Afterwards {@link FaultVerdict} checks
 * that nothing was lost or done twice and prints the table docs/reliability.md shows (also written
 * to {@code e2e-tests/target/faults-report.md}). Its own command: {@code ./mvnw verify -pl e2e-tests
 * -Pfaults} ({@code -Dtradecredit.faults.invoices=N}, default 10,000); not in the default run.
 */
@ExtendWith(Platform.class)
class FaultsIT {
    static final int INVOICES = Integer.getInteger("tradecredit.faults.invoices", 10_000);
    static final int BUYERS = Integer.getInteger("tradecredit.faults.buyers", 50);
    static final int THREADS = Integer.getInteger("tradecredit.faults.threads", 4);
    /** Dunning dates run one after the other while the flow runs, the first {@link #FIRST_DUNNING_DAYS_AGO} days ago. */
    static final int DUNNING_DATES = 8;
    static final int FIRST_DUNNING_DAYS_AGO = 120;

    @Test
    void nothingLostNothingTwiceThroughEveryFault() throws Exception {
        Harness harness = Platform.harness();
        long t0 = System.nanoTime();
        Tenant seller = new Tenant("faults").worksAndSendsEveryDay();
        List<Tenant.Buyer> buyers = new ArrayList<>();
        for (int b = 0; b < BUYERS; b++) {
            buyers.add(seller.buyer("深圳市第" + b + "贸易有限公司", "100000000.00"));
        }
        LocalDate firstDunning = Api.today().minusDays(FIRST_DUNNING_DAYS_AGO);
        FaultFlow flow = new FaultFlow(seller, buyers, firstDunning);
        String poison = plantPoison(seller.id);

        Faults faults = new Faults(harness);
        List<Supplier<Faults.Outage>> plan = new ArrayList<>();
        Harness.services().keySet().forEach(s -> plan.add(() -> faults.killService(s)));
        plan.add(() -> faults.crashBroker(Duration.ofSeconds(15)));
        plan.add(() -> faults.crashPostgres(Duration.ofSeconds(15)));

        // the flow runs in segments: fault k starts as segment k ends and the flow goes on into
        // segment k + 1 during it, so every fault hits the flow mid-way, however fast either goes
        int segments = plan.size() + 1;
        AtomicInteger gate = new AtomicInteger(INVOICES / segments);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < INVOICES; i = next.getAndIncrement()) {
                    while (i >= gate.get()) {
                        Api.sleep(100);
                    }
                    flow.item(i);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        List<Future<?>> items = List.copyOf(work);
        work.add(pool.submit(() -> {
            for (int d = 0; d < DUNNING_DATES; d++) {
                awaitProgress(done, (d + 1) * INVOICES / (DUNNING_DATES + 1), items);
                flow.dunningRun(firstDunning.plusDays(d));
            }
            return null;
        }));

        List<Faults.Outage> outages = new ArrayList<>();
        long flowStart = System.nanoTime();
        try (Readiness readiness = new Readiness(harness)) {
            for (int k = 0; k < plan.size(); k++) {
                awaitProgress(done, (k + 1) * INVOICES / segments, work);
                gate.set(k + 2 == segments ? INVOICES : (k + 2) * INVOICES / segments);
                System.out.printf("faults: %d of %d items done, %s%n", done.get(), INVOICES, k);
                Faults.Outage outage = plan.get(k).get();
                System.out.printf("faults: %s, back and ready %d s after the restart%n", outage.what(),
                        outage.restartTook().toSeconds());
                outages.add(outage);
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            long flowSeconds = seconds(flowStart);
            System.out.printf("faults: flow of %d invoices and %d payments done in %d s (%d calls retried)%n",
                    flow.issued.get(), flow.paid.get(), flowSeconds, flow.retries.get());

            FaultVerdict verdict = new FaultVerdict(harness, seller, buyers, INVOICES, poison);
            Instant settled = verdict.awaitSettled(Duration.ofMinutes(15));
            FaultChecks checks = verdict.checks(readiness, outages);
            String report = String.format("""
                    Flow: %d invoices and %d payments of %d buyers, %d dunning dates, %d client threads; \
                    %d s with the faults (%d calls retried), settled %s; the whole test %d s.

                    %s""", flow.issued.get(), flow.paid.get(), BUYERS, DUNNING_DATES, THREADS, flowSeconds,
                    flow.retries.get(), settled, seconds(t0), checks.table());
            System.out.println(report);
            Path file = harness.logs().getParent().resolve("faults-report.md");
            Files.writeString(file, report);
            assertTrue(checks.failed().isEmpty(), "failed checks: " + checks.failed() + "\n" + report);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One message that can never be applied, planted on invoice-events before the faults: an
     * invoice-issued CloudEvent of the tenant without the invoice. Each reader of the topic must
     * park exactly it on its dead-letter topic, and nothing else.
     */
    private static String plantPoison(String tenant) {
        String id = UUID.randomUUID().toString();
        Topics.send("invoice-events", "poison", "{\"poison\":\"no invoice in here\"}", Topics.cloudEventHeaders(tenant,
                "/tradecredit/invoice-service", "io.tradecredit.invoice.issued.v1", "poison", id));
        return id;
    }

    private static void awaitProgress(AtomicInteger done, int target, List<Future<?>> work) throws Exception {
        while (done.get() < target) {
            for (Future<?> f : work) {
                if (f.isDone()) {
                    f.get(); // a failed worker fails the test here
                }
            }
            Api.sleep(200);
        }
    }


    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }
}
