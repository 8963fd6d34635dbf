package io.tradecredit.benchmarks;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Invoice ingestion: the invoice-service batch endpoint (HTTP, token, validation, one
 * transaction with outbox events) against a plain JDBC batch insert of the same rows into the
 * same PostgreSQL, in one run. Needs the platform running ({@code ./platform up}).
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dbench.batches=20</pre>
 *
 * Order: the JDBC phase, then the service phase twice: first with the services that read its
 * events running (on a machine of two CPUs they take a share of them while the batches are posted),
 * then with those services paused (SIGSTOP from the first batch to the last answer, found by this
 * checkout's pid files): the service's own ingestion, as the raw insert, which nothing reads. Before
 * each phase the driver waits until the invoice outbox has no unsent rows and the platform's
 * processes are idle (so the relay's publishing of an earlier phase or run, and its consumers, do
 * not run inside the measurement); after each service phase it reports how long the relay took to
 * publish what was ingested. Each phase prints how busy the machine's CPUs were, and each service
 * phase the CPU every component of the platform used in it (and while the relay drained after it).
 *
 * Settings (system properties): bench.batches (measured batches, 20), bench.warmup (20),
 * bench.batchSize (1000), bench.settleSeconds (120), bench.serviceUrl, bench.tokenUrl,
 * bench.clientId, bench.clientSecret, bench.jdbcUrl, bench.dbUser, bench.dbPassword, bench.servicePid
 * (the invoice-service's pid, e.g. {@code $(cat .platform/run/invoice-service.pid)}: then the
 * service's own CPU time per 1,000 invoices is printed too, a figure less sensitive than the rate
 * to whatever else the machine runs).
 */
public final class InvoiceIngestionBenchmark {
    private static final ObjectMapper JSON = Bench.JSON;

    private InvoiceIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batches = Integer.getInteger("bench.batches", 20);
        int warmup = Integer.getInteger("bench.warmup", 20);
        int size = Integer.getInteger("bench.batchSize", 1000);
        int settleSeconds = Integer.getInteger("bench.settleSeconds", 120);
        String service = System.getProperty("bench.serviceUrl", "http://127.0.0.1:8081");
        String jdbcUrl = System.getProperty("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/invoice");
        String dbUser = System.getProperty("bench.dbUser", "invoice");
        String dbPassword = System.getProperty("bench.dbPassword", "invoice");
        String servicePid = System.getProperty("bench.servicePid");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = Bench.clientToken(http);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Bench.CpuMeter cpu = new Bench.CpuMeter();
        System.out.printf("machine: %s%n", Bench.machine());

        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            // --- plain JDBC batch insert into a copy of the invoice table ---
            quiet(c, settleSeconds);
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_invoice");
                st.execute("create table bench_invoice (like invoice including all)");
            }
            c.setAutoCommit(false);
            for (int b = 0; b < warmup; b++) {
                jdbcBatch(c, run + "-jw" + b, size);
            }
            cpu.sample();
            long start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                jdbcBatch(c, run + "-j" + b, size);
            }
            long jdbcNanos = System.nanoTime() - start;
            double jdbcCpu = cpu.sample();
            try (Statement st = c.createStatement()) {
                st.execute("drop table bench_invoice");
            }
            c.commit();
            c.setAutoCommit(true);

            // --- the service's batch endpoint, with the other services reading its events, then without ---
            quiet(c, settleSeconds);
            for (int b = 0; b < warmup; b++) {
                postBatch(http, service, token, batch(run + "-w" + b, size));
            }
            long invoices = (long) batches * size;
            double jdbcRate = invoices / (jdbcNanos / 1e9);
            System.out.printf("invoices per phase: %d (%d batches of %d, after %d warm-up batches)%n", invoices,
                    batches, size, warmup);
            System.out.printf("plain JDBC batch insert: %.0f invoices/s   (machine CPU busy %s)%n", jdbcRate,
                    Bench.pct(jdbcCpu));
            Phase running = new Phase(http, service, token, c, servicePid, batches, size, settleSeconds, cpu);
            running.run(run + "-s", List.of());
            running.print("the consumers running", invoices, jdbcRate);
            Phase paused = new Phase(http, service, token, c, servicePid, batches, size, settleSeconds, cpu);
            paused.run(run + "-p", CONSUMERS);
            paused.print("the consumers paused", invoices, jdbcRate);
        }
    }

    /** The services that read invoice-service's events (and notification-service its receipt requests). */
    private static final List<String> CONSUMERS = List.of("credit-service", "collections-service",
            "insurance-claims-service", "notification-service");

    /** One measured service phase: the batches, what they took, and who used the CPUs meanwhile. */
    private static final class Phase {
        private final HttpClient http;
        private final String service;
        private final String token;
        private final Connection c;
        private final String servicePid;
        private final int settleSeconds;
        private final int size;
        private final Bench.CpuMeter cpu;
        private final long[] batchNanos;
        private long serviceNanos;
        private double machineBusy;
        private double serviceCpuSeconds;
        private long phaseStart;
        private long phaseEnd;
        private long drainedAt;
        private Map<String, Double> before;
        private Map<String, Double> after;
        private Map<String, Double> drained;

        Phase(HttpClient http, String service, String token, Connection c, String servicePid, int batches, int size,
                int settleSeconds, Bench.CpuMeter cpu) {
            this.http = http;
            this.service = service;
            this.token = token;
            this.c = c;
            this.servicePid = servicePid;
            this.size = size;
            this.settleSeconds = settleSeconds;
            this.cpu = cpu;
            this.batchNanos = new long[batches];
        }

        /** Posts the batches, with {@code paused} stopped (SIGSTOP) from the first batch to the last answer. */
        void run(String prefix, List<String> paused) throws Exception {
            quiet(c, settleSeconds);
            cpu.sample();
            before = Bench.cpuByComponent();
            double serviceCpuBefore = Bench.processCpuSeconds(servicePid);
            List<String> stopped = paused.isEmpty() ? List.of() : Bench.signal("STOP", paused);
            try {
                phaseStart = System.nanoTime();
                for (int b = 0; b < batchNanos.length; b++) {
                    String body = batch(prefix + b, size);
                    long t0 = System.nanoTime();
                    postBatch(http, service, token, body);
                    batchNanos[b] = System.nanoTime() - t0;
                    serviceNanos += batchNanos[b];
                }
                phaseEnd = System.nanoTime();
            } finally {
                if (!stopped.isEmpty()) {
                    Bench.signal("CONT", stopped);
                }
            }
            machineBusy = cpu.sample();
            serviceCpuSeconds = Bench.processCpuSeconds(servicePid) - serviceCpuBefore;
            after = Bench.cpuByComponent();
            drainedAt = settle(c, settleSeconds);
            drained = Bench.cpuByComponent();
        }

        void print(String label, long invoices, double jdbcRate) {
            double rate = invoices / (serviceNanos / 1e9);
            int batches = batchNanos.length;
            Arrays.sort(batchNanos);
            System.out.printf("service batch endpoint, %s: %.0f invoices/s, %.1f%% of the JDBC insert   (machine CPU "
                    + "busy %s; per batch of %d: p50 %d ms, max %d ms)%n", label, rate, 100 * rate / jdbcRate,
                    Bench.pct(machineBusy), size, batchNanos[batches / 2] / 1_000_000,
                    batchNanos[batches - 1] / 1_000_000);
            if (!Double.isNaN(serviceCpuSeconds)) {
                System.out.printf("  invoice-service process CPU: %.2f s per 1,000 invoices (%.1f s in the phase, "
                        + "includes its outbox relay)%n", serviceCpuSeconds * 1000 / invoices, serviceCpuSeconds);
            }
            System.out.printf("  CPU in the phase: %s%n", Bench.cpuUsed(before, after));
            System.out.printf("  CPU from then until the outbox was empty: %s%n", Bench.cpuUsed(after, drained));
            if (drainedAt > 0) {
                System.out.printf("  outbox relay: every event published %.1f s after the last batch returned "
                        + "(ingested and published: %.0f invoices/s)%n", (drainedAt - phaseEnd) / 1e9,
                        invoices / ((drainedAt - phaseStart) / 1e9));
            }
        }
    }

    /**
     * Waits until the invoice outbox is published and the consumers of what it published are done with it: a
     * phase measured while the services still read the last phase's events shares the CPUs with them.
     */
    private static void quiet(Connection c, int seconds) throws Exception {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            Bench.awaitQuiet(List.of(c), List.of("invoice-service", "credit-service", "collections-service",
                    "insurance-claims-service", "notification-service", "postgresql", "kafka"), 0.3, seconds);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Waits until the invoice outbox has no unsent rows; returns when that was seen (nanoTime),
     * or -1 after {@code seconds}.
     */
    private static long settle(Connection c, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            while (true) {
                try (ResultSet rs = st.executeQuery("select count(*) from outbox where sent_at is null")) {
                    rs.next();
                    long unsent = rs.getLong(1);
                    if (unsent == 0) {
                        return System.nanoTime();
                    }
                    if (System.nanoTime() > deadline) {
                        System.out.printf("warning: %d outbox rows still unsent after %d s%n", unsent, seconds);
                        return -1;
                    }
                }
                Thread.sleep(100);
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void postBatch(HttpClient http, String service, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/invoices/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode result = JSON.readTree(r.body());
        if (r.statusCode() != 200 || result.get("refused").asInt() != 0) {
            throw new IllegalStateException("batch refused: " + r.statusCode() + " " + r.body());
        }
    }

    /** The same invoice, numbered, as the ERP would send it: 1,243.00 CNY with two lines. */
    private static String batch(String prefix, int size) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>(size);
        UUID buyer = UUID.randomUUID();
        for (int i = 0; i < size; i++) {
            Map<String, Object> invoice = new LinkedHashMap<>();
            invoice.put("invoiceNumber", prefix + "-" + i);
            invoice.put("issueDate", "2026-11-02");
            invoice.put("shipmentDate", "2026-11-01");
            invoice.put("seller", Map.of("name", "Acme Machinery Co.", "address", "1 Harbour Rd, Shanghai",
                    "taxId", "91310000MA1FL8XQ30", "bankAccount", "CN12 3456 7890"));
            invoice.put("buyer", Map.of("id", buyer.toString(), "name", "Globex Trading Ltd.",
                    "address", "8 Market St, Shenzhen", "taxId", "91440300MA5F0XYZ1K"));
            invoice.put("purchaseOrderNumber", "PO-77");
            invoice.put("lines", List.of(Map.of("description", "Pump", "quantity", "10", "unitPrice", money("100.00")),
                    Map.of("description", "Valve", "quantity", "2.5", "unitPrice", money("40.00"))));
            invoice.put("tax", money("143.00"));
            invoice.put("total", money("1243.00"));
            invoice.put("dueDate", "2026-12-02");
            invoice.put("paymentTerms", "30 days net");
            items.add(invoice);
        }
        return JSON.writeValueAsString(Map.of("invoices", items));
    }

    private static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** The same rows straight into a copy of the invoice table: the floor nothing can beat. */
    private static void jdbcBatch(Connection c, String prefix, int size) throws Exception {
        String lines = "[{\"description\":\"Pump\",\"quantity\":10,\"unitPrice\":{\"amount\":\"100.00\",\"currency\":\"CNY\"},"
                + "\"amount\":{\"amount\":\"1000.00\",\"currency\":\"CNY\"}},{\"description\":\"Valve\",\"quantity\":2.5,"
                + "\"unitPrice\":{\"amount\":\"40.00\",\"currency\":\"CNY\"},\"amount\":{\"amount\":\"100.00\",\"currency\":\"CNY\"}}]";
        UUID buyer = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into bench_invoice (id, tenant_id, invoice_number, issue_date, shipment_date, issued_late,
                    seller_name, seller_address, seller_tax_id, seller_bank_account, buyer_id, buyer_name, buyer_address,
                    buyer_tax_id, po_number, currency, lines, tax_amount, total_amount, due_date, payment_terms, status,
                    created_at, late_daily_rate, late_fee_after_days, late_fee_rate, late_charge_terms_source)
                    values (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, 'OPEN', ?,
                    0.0005, 30, 0.03, 'TENANT')""")) {
            for (int i = 0; i < size; i++) {
                int p = 1;
                ps.setObject(p++, UUID.randomUUID());
                ps.setString(p++, "acme");
                ps.setString(p++, prefix + "-" + i);
                ps.setObject(p++, LocalDate.of(2026, 11, 2));
                ps.setObject(p++, LocalDate.of(2026, 11, 1));
                ps.setString(p++, "Acme Machinery Co.");
                ps.setString(p++, "1 Harbour Rd, Shanghai");
                ps.setString(p++, "91310000MA1FL8XQ30");
                ps.setString(p++, "CN12 3456 7890");
                ps.setObject(p++, buyer);
                ps.setString(p++, "Globex Trading Ltd.");
                ps.setString(p++, "8 Market St, Shenzhen");
                ps.setString(p++, "91440300MA5F0XYZ1K");
                ps.setString(p++, "PO-77");
                ps.setString(p++, lines);
                ps.setBigDecimal(p++, new BigDecimal("143.00"));
                ps.setBigDecimal(p++, new BigDecimal("1243.00"));
                ps.setObject(p++, LocalDate.of(2026, 12, 2));
                ps.setString(p++, "30 days net");
                ps.setObject(p, OffsetDateTime.now());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
    }
}
