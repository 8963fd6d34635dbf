package io.tradecredit.e2e.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Samples every service's {@code /q/health/ready} (what Kubernetes routes by), {@code /q/health/live}
 * and {@code /q/health/well} (Kafka's state, ADR 7) every half second while the fault suite runs, as
 * a probe would: an answer's status and the checks that said DOWN, or 0 when nothing answered.
 */
public final class Readiness implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One probe's answer, with the names of the checks that said DOWN. */
    public record Sample(Instant at, String service, String probe, int status, List<String> down) {
        public boolean up() {
            return status == 200;
        }
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<Thread> samplers = new ArrayList<>();
    private volatile boolean running = true;

    /** One sampler per service and probe, so a slow answer of one never thins out the others' samples. */
    public Readiness(Harness harness) {
        for (String service : Harness.services().keySet()) {
            for (String probe : List.of("ready", "well", "live")) {
                Thread t = new Thread(() -> sample(harness, service, probe), "probe-" + service + "-" + probe);
                t.setDaemon(true);
                t.start();
                samplers.add(t);
            }
        }
    }

    private void sample(Harness harness, String service, String probe) {
        while (running) {
            samples.add(probe(service, probe, harness.url(service) + "/q/health/" + probe));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Sample probe(String service, String probe, String url) {
        Instant at = Instant.now();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            List<String> down = new ArrayList<>();
            if (r.statusCode() != 200) {
                try {
                    new ObjectMapper().readTree(r.body()).path("checks").forEach(c -> {
                        if (!"UP".equals(c.path("status").asText())) {
                            down.add(c.path("name").asText());
                        }
                    });
                } catch (IOException notJson) {
                    down.add(r.body());
                }
            }
            return new Sample(at, service, probe, r.statusCode(), down);
        } catch (IOException nothingAnswered) {
            return new Sample(at, service, probe, 0, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample(at, service, probe, 0, List.of());
        }
    }

    /** The samples of {@code service}'s {@code probe} taken between {@code from} and {@code to}. */
    public List<Sample> between(String service, String probe, Instant from, Instant to) {
        return samples.stream().filter(s -> s.service().equals(service) && s.probe().equals(probe)
                && !s.at().isBefore(from) && !s.at().isAfter(to)).toList();
    }

    @Override
    public void close() {
        running = false;
        samplers.forEach(Thread::interrupt);
    }
}
