package io.tradecredit.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The credit check {@code POST /api/v1/credit-checks} of credit-service at a fixed request rate
 * (open model): request i is due at {@code start + i / rate} and is sent then whether or not
 * earlier ones have answered; its latency runs from that scheduled time to the complete response,
 * so a stall of the service (or of this driver) shows up in the latency of every request it
 * delays instead of lowering the rate (no coordinated omission). The checks go through a Vert.x
 * HTTP client on one event loop, as {@code bench.clients} integrations sending in turn, each with a
 * pool of {@code bench.connections / bench.clients} keep-alive HTTP/1.1 connections, one request in
 * flight on each: a request due while its integration's connections are all busy waits in that
 * pool's queue, and the wait counts in its latency. (One pool alone sends almost everything over
 * its two most recently used connections, so the service's work lands on whichever one or two of
 * its event loops those connections were accepted on: a trait of the driver, not of traffic from
 * many callers.)
 * At the end the driver prints the CPU every component of the platform (this driver included)
 * used during the measured phase. Needs the platform running
 * ({@code ./platform up}).
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=io.tradecredit.benchmarks.CreditCheckBenchmark</pre>
 *
 * Setup through the APIs, as tenant acme with the integration client (roles finance and
 * credit-manager): {@code bench.buyers} buyers registered in credit-service, each with a
 * financial statement (so it is assessed and has a grade), a credit limit set by the credit
 * manager, and {@code bench.invoicesPerBuyer} open invoices issued through invoice-service (one
 * of them overdue for every fifth buyer); the driver waits until credit-service has consumed
 * those invoice events (exposure visible in a check), so every check reads real open positions.
 * Then a warm-up at the target rate, then the measured run. Orders are random between 1,000 and
 * 600,000 CNY against limits of 500,000 CNY, so all three outcomes occur.
 *
 * Settings (system properties): bench.rate (checks/s, 1000), bench.seconds (measured, 60),
 * bench.warmupSeconds (60; it starts
 * with four steps of 5 s at 10, 25, 50 and 75 % of the rate), bench.connections (in flight at most, 32), bench.clients (integrations sharing them, 8), bench.buyers (200), bench.invoicesPerBuyer (10), bench.timeoutMs
 * (per request, 10000), bench.creditUrl, bench.invoiceUrl, bench.tokenUrl, bench.clientId,
 * bench.clientSecret.
 */
public final class CreditCheckBenchmark {
    private static final ObjectMapper JSON = Bench.JSON;

    private CreditCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 1000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 60);
        int buyerCount = Integer.getInteger("bench.buyers", 200);
        int invoicesPerBuyer = Integer.getInteger("bench.invoicesPerBuyer", 10);
        long timeoutMs = Long.getLong("bench.timeoutMs", 10_000);
        int connections = Integer.getInteger("bench.connections", 32);
        int clientCount = Math.max(1, Math.min(connections, Integer.getInteger("bench.clients", 8)));
        String credit = System.getProperty("bench.creditUrl", "http://127.0.0.1:8082");
        String invoice = System.getProperty("bench.invoiceUrl", "http://127.0.0.1:8081");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = Bench.clientToken(http);
        String run = UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("machine: %s%n", Bench.machine());

        long setupStart = System.nanoTime();
        List<UUID> buyers = setUp(http, token, credit, invoice, run, buyerCount, invoicesPerBuyer);
        System.out.printf("setup: %d buyers (statement, limit 500000.00 CNY, %d open invoices each) in %.1f s%n",
                buyers.size(), invoicesPerBuyer, (System.nanoTime() - setupStart) / 1e9);

        URI checks = URI.create(credit + "/api/v1/credit-checks");
        // one event loop for the whole driver; a pool of keep-alive HTTP/1.1 connections
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        List<io.vertx.core.http.HttpClient> client = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            client.add(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(connections / clientCount).setMaxWaitQueueSize(-1)));
        }
        try {
            // a fresh JVM interprets before it compiles: at the full rate from the first second it falls
            // seconds behind and spends the warm-up draining a queue, so the rate climbs in steps first
            int step = Math.max(1, Math.min(5, warmupSeconds / 12));
            for (int stepRate : new int[] {rate / 10, rate / 4, rate / 2, rate * 3 / 4}) {
                if (stepRate > 0 && warmupSeconds > 8 * step) {
                    Phase ramp = new Phase("warm-up at " + stepRate + "/s", stepRate, step);
                    ramp.run(vertx, client, checks, token, buyers, timeoutMs, stepRate);
                    ramp.print(System.out, false);
                }
            }
            Phase warm = new Phase("warm-up", rate, warmupSeconds > 8 * step ? warmupSeconds - 4 * step : warmupSeconds);
            warm.run(vertx, client, checks, token, buyers, timeoutMs, 1);
            warm.print(System.out, false);

            Bench.CpuMeter cpu = new Bench.CpuMeter();
            Map<String, Double> before = Bench.cpuByComponent();
            Phase measured = new Phase("measured", rate, seconds);
            measured.run(vertx, client, checks, token, buyers, timeoutMs, 2);
            double machineCpu = cpu.sample();
            Map<String, Double> after = Bench.cpuByComponent();
            measured.print(System.out, true);
            System.out.printf("machine CPU busy during the measured phase: %s%n", Bench.pct(machineCpu));
            System.out.printf("CPU used during the measured phase, by component: %s%n", Bench.cpuUsed(before, after));
            Double serviceCpu = after.get("credit-service");
            if (serviceCpu != null) {
                serviceCpu -= before.getOrDefault("credit-service", 0.0);
                System.out.printf("credit-service process CPU: %.2f ms per check (%.1f s in the phase)%n",
                        serviceCpu * 1000 / Math.max(1, measured.ok.get()), serviceCpu);
            }
        } finally {
            client.forEach(io.vertx.core.http.HttpClient::close);
            vertx.close();
        }
    }

    /** One stretch of checks at a fixed rate. */
    static final class Phase {
        final String name;
        final int rate;
        final int seconds;
        final int total;
        final long[] latencyNanos;
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        final AtomicLong maxSendLagNanos = new AtomicLong();
        long elapsedNanos;
        long completedNanos;
        long startWallMillis;

        Phase(String name, int rate, int seconds) {
            this.name = name;
            this.rate = rate;
            this.seconds = seconds;
            this.total = rate * seconds;
            this.latencyNanos = new long[total];
        }

        void run(Vertx vertx, List<io.vertx.core.http.HttpClient> clients, URI uri, String token, List<UUID> buyers, long timeoutMs,
                long seed) throws InterruptedException {
            SplittableRandom random = new SplittableRandom(seed);
            CountDownLatch done = new CountDownLatch(total);
            double intervalNanos = 1e9 / rate;
            String authorization = "Bearer " + token;
            // the client is driven from its own event loop only: a request started from this thread could
            // race the loop and was seen, rarely, to get no completion at all, not even its timeout
            io.vertx.core.Context loop = vertx.getOrCreateContext();
            long start = System.nanoTime() + 50_000_000L;
            startWallMillis = System.currentTimeMillis() + 50;
            for (int i = 0; i < total; i++) {
                final int n = i;
                long scheduled = start + (long) (i * intervalNanos);
                // build the request before its time comes; then wait for the time, never for an answer
                UUID buyer = buyers.get(random.nextInt(buyers.size()));
                String amount = (1_000 + random.nextInt(599_001)) + ".00";
                Buffer body = Buffer.buffer("{\"buyerId\":\"" + buyer + "\",\"orderAmount\":{\"amount\":\"" + amount
                        + "\",\"currency\":\"CNY\"}}");
                RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost())
                        .setPort(uri.getPort()).setURI(uri.getPath()).setTimeout(timeoutMs)
                        .putHeader("Authorization", authorization).putHeader("Content-Type", "application/json");
                long now;
                while ((now = System.nanoTime()) < scheduled) {
                    LockSupport.parkNanos(scheduled - now);
                }
                long lag = now - scheduled;
                if (lag > maxSendLagNanos.get()) {
                    maxSendLagNanos.set(lag);
                }
                // with every pooled connection busy, the request waits in the pool's queue: counted in its latency
                io.vertx.core.http.HttpClient http = clients.get(n % clients.size());
                loop.runOnContext(v -> http.request(request).compose(r -> r.send(body)).compose(r -> r.body().map(b -> Map.entry(r.statusCode(), b)))
                        .onComplete(result -> {
                            latencyNanos[n] = System.nanoTime() - scheduled;
                            if (result.failed()) {
                                errors.incrementAndGet();
                                errorKinds.computeIfAbsent(result.cause().getClass().getSimpleName(),
                                        k -> new AtomicInteger()).incrementAndGet();
                            } else if (result.result().getKey() != 201) {
                                errors.incrementAndGet();
                                errorKinds.computeIfAbsent("HTTP " + result.result().getKey(), k -> new AtomicInteger())
                                        .incrementAndGet();
                            } else {
                                ok.incrementAndGet();
                                outcomes.computeIfAbsent(outcomeOf(result.result().getValue().toString()),
                                        k -> new AtomicInteger()).incrementAndGet();
                            }
                            done.countDown();
                        }));
            }
            elapsedNanos = System.nanoTime() - start;
            if (!done.await(timeoutMs + 5_000, TimeUnit.MILLISECONDS)) {
                System.out.printf("warning: %d requests of the %s phase never completed%n", done.getCount(), name);
            }
            completedNanos = System.nanoTime() - start;
        }

        void print(java.io.PrintStream out, boolean detail) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "%s: %d checks scheduled at %d/s over %d s; sent in %.2f s, all answered after "
                    + "%.2f s: achieved %.0f checks/s; ok %d, errors %d %s%n", name, total, rate, seconds,
                    elapsedNanos / 1e9, completedNanos / 1e9, ok.get() / (completedNanos / 1e9), ok.get(),
                    errors.get(), errorKinds.isEmpty() ? "" : new TreeMap<>(errorKinds));
            out.printf(Locale.ROOT, "%s latency from scheduled send (ms): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  "
                    + "max %.2f%n", name, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999),
                    sorted[sorted.length - 1] / 1e6);
            if (detail) {
                out.printf(Locale.ROOT, "outcomes: %s; largest delay of a send behind its schedule (waiting for a free connection, or the "
                        + "driver itself late): %.2f ms%n",
                        new TreeMap<>(outcomes), maxSendLagNanos.get() / 1e6);
                // latency per 10 s window: shows whether the tail is spread out or one stall
                StringBuilder windows = new StringBuilder("p99 per 10 s window (ms):");
                int per = rate * 10;
                for (int from = 0; from < total; from += per) {
                    long[] w = Arrays.copyOfRange(latencyNanos, from, Math.min(total, from + per));
                    Arrays.sort(w);
                    windows.append(String.format(Locale.ROOT, " %.1f", ms(w, 0.99)));
                }
                out.println(windows);
                // the worst seconds by their slowest check, with wall-clock times to line up with GC and
                // database logs: a stall shows as one second, a steady tail as many
                List<long[]> perSecond = new ArrayList<>();
                for (int from = 0, sec = 0; from < total; from += rate, sec++) {
                    long[] w = Arrays.copyOfRange(latencyNanos, from, Math.min(total, from + rate));
                    Arrays.sort(w);
                    perSecond.add(new long[] {sec, w[w.length - 1], (long) (ms(w, 0.99) * 1e6)});
                }
                perSecond.sort((a, b) -> Long.compare(b[1], a[1]));
                StringBuilder worst = new StringBuilder("worst seconds (start + s, wall clock: max / p99 ms):");
                for (long[] w : perSecond.subList(0, Math.min(5, perSecond.size()))) {
                    worst.append(String.format(Locale.ROOT, " +%ds %s: %.1f / %.1f;", w[0],
                            java.time.LocalTime.ofInstant(java.time.Instant.ofEpochMilli(startWallMillis + w[0] * 1000),
                                    java.time.ZoneOffset.UTC).withNano(0), w[1] / 1e6, w[2] / 1e6));
                }
                out.println(worst);
            }
        }

        private static double ms(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        private static String outcomeOf(String body) {
            int i = body.indexOf("\"outcome\":\"");
            return i < 0 ? "?" : body.substring(i + 11, body.indexOf('"', i + 11));
        }
    }

    // ---- setup through the APIs ----------------------------------------------------------------

    private static List<UUID> setUp(HttpClient http, String token, String credit, String invoice, String run,
            int buyerCount, int invoicesPerBuyer) throws Exception {
        List<UUID> buyers = new ArrayList<>(buyerCount);
        LocalDate today = Bench.today();
        for (int b = 0; b < buyerCount; b++) {
            Map<String, Object> buyer = new LinkedHashMap<>();
            buyer.put("name", "Bench Buyer " + run + "-" + b);
            buyer.put("country", "DE");
            buyer.put("registrationNumber", "HRB-" + run + "-" + b);
            buyer.put("taxId", "DE" + (100_000_000 + b));
            buyer.put("address", b + " Hauptstrasse, Hamburg");
            buyer.put("industry", "wholesale");
            buyer.put("foundedOn", "2005-03-01");
            buyer.put("currency", "CNY");
            buyer.put("paymentTermDays", 30);
            JsonNode created = call(http, token, "POST", credit + "/api/v1/buyers", buyer, 201);
            UUID id = UUID.fromString(created.get("id").asText());
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("fiscalYear", today.getYear() - 1);
            statement.put("currency", "CNY");
            statement.put("totalAssets", 10_000_000);
            statement.put("currentAssets", 4_000_000);
            statement.put("currentLiabilities", 2_000_000);
            statement.put("totalLiabilities", 4_000_000);
            statement.put("retainedEarnings", 3_000_000);
            statement.put("ebit", 1_500_000);
            statement.put("equity", 6_000_000);
            statement.put("revenue", 20_000_000);
            statement.put("netWorth", 6_000_000);
            call(http, token, "POST", credit + "/api/v1/buyers/" + id + "/financial-statements", statement, 201);
            call(http, token, "PUT", credit + "/api/v1/buyers/" + id + "/credit-limit", Map.of("limit",
                    Map.of("amount", "500000.00", "currency", "CNY"), "paymentTermDays", 30, "reason", "benchmark"),
                    200);
            buyers.add(id);
        }
        if (invoicesPerBuyer > 0) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (int b = 0; b < buyers.size(); b++) {
                for (int k = 0; k < invoicesPerBuyer; k++) {
                    boolean overdue = k == 0 && b % 5 == 0;
                    LocalDate issued = overdue ? today.minusDays(70) : today.minusDays(5);
                    all.add(Bench.invoice(run + "-cc-" + b + "-" + k, buyers.get(b), Map.of("name", "Bench Buyer", "address", "Hamburg",
                            "taxId", "DE100000000"), issued, issued.plusDays(30)));
                }
            }
            for (int from = 0; from < all.size(); from += 1000) {
                JsonNode r = call(http, token, "POST", invoice + "/api/v1/invoices/batch",
                        Map.of("invoices", all.subList(from, Math.min(all.size(), from + 1000))), 200);
                if (r.get("refused").asInt() != 0) {
                    throw new IllegalStateException("invoices refused: " + r);
                }
            }
            // credit-service learns of them from invoice-events: wait until the last buyer's exposure shows all
            UUID last = buyers.get(buyers.size() - 1);
            String expected = String.format(Locale.ROOT, "%d.00", 1243 * invoicesPerBuyer);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (true) {
                JsonNode check = call(http, token, "POST", credit + "/api/v1/credit-checks",
                        Map.of("buyerId", last.toString(), "orderAmount", Map.of("amount", "1.00", "currency", "CNY")),
                        201);
                if (expected.equals(check.path("exposure").path("amount").asText())) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("credit-service did not see the invoices within 180 s: " + check);
                }
                Thread.sleep(500);
            }
        }
        return buyers;
    }

    private static JsonNode call(HttpClient http, String token, String method, String url, Object body, int expect)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
