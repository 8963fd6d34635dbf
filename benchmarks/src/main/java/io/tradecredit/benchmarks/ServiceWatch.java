package io.tradecredit.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a service while one of its daily jobs runs, sampling every second: heap used (its own
 * metrics), resident memory ({@code /proc}), readiness, and the run's progress ({@code job_run} of
 * {@code job} for {@code asOf}).
 */
final class ServiceWatch implements Runnable {
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)");
    private static final Pattern HEAP_MAX = Pattern.compile("(?m)^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)");

    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong maxHeap = new AtomicLong();
    final AtomicLong heapMax = new AtomicLong();
    final AtomicLong maxRss = new AtomicLong();
    final AtomicLong samples = new AtomicLong();
    final AtomicLong notReady = new AtomicLong();
    private final HttpClient http;
    private final String service;
    private final String pid;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String job;
    private final LocalDate asOf;

    ServiceWatch(HttpClient http, String service, String pid, String jdbcUrl, String user, String password, String job,
            LocalDate asOf) {
        this.http = http;
        this.service = service;
        this.pid = pid;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.job = job;
        this.asOf = asOf;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long lastPrint = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            while (!stop.get()) {
                String metrics = metrics(); // one scrape a second: it costs the watched service CPU
                long heap = heap(metrics, HEAP);
                maxHeap.accumulateAndGet(heap, Math::max);
                heapMax.set(Math.max(heapMax.get(), heap(metrics, HEAP_MAX)));
                long rss = status("VmRSS");
                maxRss.accumulateAndGet(rss, Math::max);
                boolean ready = ready();
                samples.incrementAndGet();
                if (!ready) {
                    notReady.incrementAndGet();
                }
                long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
                if (elapsed - lastPrint >= 15) {
                    lastPrint = elapsed;
                    System.out.printf("  %4d s: heap %s, RSS %s, ready %s, run %s%n", elapsed, mb(heap), mb(rss),
                            ready, progress(c));
                }
                Thread.sleep(1000);
            }
        } catch (Exception e) {
            System.out.println("watch stopped: " + e);
        }
    }

    void report(String phase) {
        System.out.printf("%s: peak heap used %s of %s (sampled every second), peak RSS %s sampled, %s since start"
                + " (VmHWM); readiness not 200 in %d of %d samples%n", phase, mb(maxHeap.get()), mb(heapMax.get()),
                mb(maxRss.get()), mb(status("VmHWM")), notReady.get(), samples.get());
    }

    boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(service + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private String progress(Connection c) {
        try (PreparedStatement ps = c.prepareStatement(
                "select status, batches, done from job_run where job = ? and as_of = ?")) {
            ps.setString(1, job);
            ps.setObject(2, asOf);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? String.format(Locale.ROOT, "%s, %,d batches, %,d rows", rs.getString(1),
                        rs.getLong(2), rs.getLong(3)) : "not claimed yet";
            }
        } catch (Exception e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    private String metrics() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(service + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private static long heap(String body, Pattern metric) {
        try {
            Matcher m = metric.matcher(body);
            double sum = 0;
            while (m.find()) {
                double v = Double.parseDouble(m.group(1));
                sum += v > 0 ? v : 0;
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        }
    }

    /** A size from /proc/&lt;pid&gt;/status in bytes (VmRSS, VmHWM); 0 without a pid. */
    private long status(String field) {
        if (pid == null || pid.isBlank()) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.strip(), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}
