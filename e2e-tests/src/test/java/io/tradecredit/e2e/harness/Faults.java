package io.tradecredit.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.tradecredit.testing.KafkaTestResource;

/**
 * The faults the fault suite (FaultsIT, docs/reliability.md) puts on the harness's platform: a
 * service killed with SIGKILL and started again on its port and database, the broker killed and
 * started again on its port and data, PostgreSQL killed and started again on its data directory
 * and port. Each returns the {@link Outage}: when the fault began, when the thing was started
 * again, when every service it took out of readiness was ready again.
 */
public final class Faults {
    /** How long a restarted service may take to be ready on a loaded machine (the first start's bound). */
    private static final Duration READY_WITHIN = Duration.ofSeconds(300);
    private final Harness harness;

    public Faults(Harness harness) {
        this.harness = harness;
    }

    /** One fault: what was hit, the services whose readiness it touched, and its times. */
    public record Outage(String what, List<String> services, Instant from, Instant restarted, Instant ready) {
        public Duration restartTook() {
            return Duration.between(restarted, ready);
        }
    }

    /** kill -9 of {@code service} (the JVM and anything it started), then the same command again. */
    public Outage killService(String service) {
        ChildProcess old = harness.child(service);
        Instant from = Instant.now();
        old.kill();
        ChildProcess fresh = old.again();
        harness.replaced(old, fresh);
        Instant restarted = Instant.now();
        fresh.awaitHttpOk(harness.url(service) + "/q/health/ready", READY_WITHIN);
        return new Outage("kill -9 " + service, List.of(service), from, restarted, Instant.now());
    }

    /** kill -9 of the broker, {@code down} without one, then the broker again on its port and data. */
    public Outage crashBroker(Duration down) {
        Instant from = Instant.now();
        Instant[] restarted = new Instant[1];
        try {
            KafkaTestResource.crashAndRestart(down, () -> restarted[0] = Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("broker not back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // the services keep their readiness through a broker outage (ADR 7): nothing to wait for
        return new Outage("kill -9 Kafka broker", List.copyOf(Harness.services().keySet()), from, restarted[0],
                Instant.now());
    }

    /**
     * kill -9 of PostgreSQL (its launcher JVM, the postmaster and every backend: a crash, so the
     * restart replays the WAL), {@code down} without it, then the server again on its data and port;
     * waits until every service is ready again.
     */
    public Outage crashPostgres(Duration down) {
        ChildProcess old = harness.child("postgres");
        int readyBefore = old.occurrences("databases ready");
        Instant from = Instant.now();
        // pg_ctl detaches the postmaster from its launcher: it is found by its pid file, not among the launcher's children
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().completeOnTimeout(postmaster, 30, java.util.concurrent.TimeUnit.SECONDS).join();
        old.kill();
        ChildProcess.sleep(down.toMillis());
        ChildProcess fresh = old.again();
        harness.replaced(old, fresh);
        Instant restarted = Instant.now();
        fresh.awaitLog("databases ready", readyBefore + 1, Duration.ofSeconds(120));
        List<String> services = List.copyOf(Harness.services().keySet());
        try {
            CompletableFuture.allOf(services.stream().map(s -> CompletableFuture.runAsync(
                    () -> harness.child(s).awaitHttpOk(harness.url(s) + "/q/health/ready", READY_WITHIN)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return new Outage("kill -9 PostgreSQL", services, from, restarted, Instant.now());
    }

    private ProcessHandle postmaster() {
        java.nio.file.Path pid = harness.logs().getParent().resolve("e2e-data/postgres/postmaster.pid");
        try {
            long id = Long.parseLong(java.nio.file.Files.readAllLines(pid).get(0).trim());
            return ProcessHandle.of(id).orElseThrow(() -> new IllegalStateException("no postmaster " + id + " running"));
        } catch (IOException e) {
            throw new UncheckedIOException("no " + pid, e);
        }
    }

    /** The reference (the request id) of every SMS the sink received, one per SMS as it arrived. */
    public List<String> smsReferences() {
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(harness.smsUrl() + "/messages")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            List<String> references = new java.util.ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())
                    .forEach(m -> references.add(m.path("reference").asText()));
            return references;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
