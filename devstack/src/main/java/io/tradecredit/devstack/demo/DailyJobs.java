package io.tradecredit.devstack.demo;

import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The services' daily jobs run for a date through the operator's door
 * ({@code POST /api/v1/admin/jobs/{job}?asOf=}, user {@code platform-operator}): each service's jobs in
 * the order it lists them, in the phases of {@link #phases}: invoice-service's first, then, once its
 * events (overdue invoices, the late charges stated for the date) have been read, the other services
 * side by side. So collections-service's dunning run quotes the date's late charges, not the last
 * week's (as production does with its later cron, docs/runbook.md "Daily jobs"). Housekeeping (outbox
 * cleanup, pruning) only matters once, so it runs for the last date only.
 */
final class DailyJobs implements AutoCloseable {
    static final String OPERATOR = "platform-operator";
    /** the service whose daily jobs state what the others' jobs read (late charges, overdue invoices) */
    static final String FIRST = "invoice-service";
    /** how long a phase's events may take to reach the topics from the outbox (the relay polls every second) */
    static final Duration RELAY_QUIET = Duration.ofSeconds(2);

    private final PlatformApi api;
    private final EventsSettled events;
    private final Map<String, List<String>> jobs = new LinkedHashMap<>();
    /** one caller per service: the services run their jobs side by side */
    private final ExecutorService callers = Executors.newFixedThreadPool(PlatformApi.PORTS.size());

    DailyJobs(PlatformApi api, EventsSettled events) {
        this.api = api;
        this.events = events;
        for (String service : PlatformApi.PORTS.keySet().stream().sorted().toList()) {
            List<String> names = new ArrayList<>();
            api.expectGet(OPERATOR, service, "/api/v1/admin/jobs").get("jobs").forEach(j -> names.add(j.asText()));
            jobs.put(service, names);
        }
    }

    Map<String, List<String>> jobs() {
        return jobs;
    }

    static boolean housekeeping(String job) {
        return job.endsWith("-cleanup") || job.endsWith("-pruning");
    }

    /**
     * The order the services' jobs run in for a date: invoice-service alone first (its late-charge
     * statements and overdue invoices are what collections-service's dunning run reads), then every
     * other service side by side, sorted by name.
     */
    static List<List<String>> phases(Collection<String> services) {
        List<String> others = services.stream().filter(s -> !FIRST.equals(s)).sorted().toList();
        List<List<String>> phases = new ArrayList<>();
        if (services.contains(FIRST)) {
            phases.add(List.of(FIRST));
        }
        if (!others.isEmpty()) {
            phases.add(others);
        }
        return phases;
    }

    /**
     * Runs every job for the date (housekeeping too when {@code last}), phase by phase, waiting between
     * phases until the consumers have read what the earlier phase published; returns how many ran.
     */
    int run(LocalDate asOf, boolean last) {
        int ran = 0;
        List<List<String>> phases = phases(jobs.keySet());
        for (int i = 0; i < phases.size(); i++) {
            long before = events.published();
            ran += runSideBySide(phases.get(i), asOf, last);
            if (i < phases.size() - 1) {
                events.settle(before, RELAY_QUIET);
            }
        }
        return ran;
    }

    private int runSideBySide(List<String> phase, LocalDate asOf, boolean last) {
        List<CompletableFuture<Integer>> services = new ArrayList<>();
        phase.forEach(service -> services.add(CompletableFuture.supplyAsync(() -> {
            List<String> names = jobs.get(service);
            int ran = 0;
            for (String job : names) {
                if (last || !housekeeping(job)) {
                    runOne(service, job, asOf);
                    ran++;
                }
            }
            return ran;
        }, callers)));
        return services.stream().mapToInt(CompletableFuture::join).sum();
    }

    @Override
    public void close() {
        callers.shutdownNow();
    }

    /** 200 is the date's run done (now or before); 202 means another caller runs it now: ask again. */
    private void runOne(String service, String job, LocalDate asOf) {
        String path = "/api/v1/admin/jobs/" + job + "?asOf=" + asOf;
        for (int attempt = 0; attempt < 600; attempt++) {
            PlatformApi.Answer answer = api.post(OPERATOR, service, path, "");
            if (answer.status() == 200) {
                JsonNode status = answer.body().get("status");
                if (!"COMPLETED".equals(status.asText())) {
                    System.out.println("  " + service + " " + job + " " + asOf + ": " + answer.text());
                }
                return;
            }
            if (answer.status() != 202) {
                throw new IllegalStateException("POST " + service + path + " answered " + answer.status() + ": "
                        + answer.text());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(service + " " + job + " " + asOf + " still running after 5 minutes");
    }
}
