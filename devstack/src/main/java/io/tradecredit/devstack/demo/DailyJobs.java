package io.tradecredit.devstack.demo;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * the order it lists them, the services side by side. Housekeeping (outbox cleanup, pruning) only
 * matters once, so it runs for the last date only.
 */
final class DailyJobs implements AutoCloseable {
    static final String OPERATOR = "platform-operator";

    private final PlatformApi api;
    private final Map<String, List<String>> jobs = new LinkedHashMap<>();
    /** one caller per service: the services run their jobs side by side */
    private final ExecutorService callers = Executors.newFixedThreadPool(PlatformApi.PORTS.size());

    DailyJobs(PlatformApi api) {
        this.api = api;
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

    /** Runs every job for the date (housekeeping too when {@code last}); returns how many ran. */
    int run(LocalDate asOf, boolean last) {
        List<CompletableFuture<Integer>> services = new ArrayList<>();
        jobs.forEach((service, names) -> services.add(CompletableFuture.supplyAsync(() -> {
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
