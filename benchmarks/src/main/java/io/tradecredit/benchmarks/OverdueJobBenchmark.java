package io.tradecredit.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The daily overdue run at scale (issue 10): bulk-loads open invoices that fell due, straight
 * into invoice-service's database with one {@code generate_series} statement per 100,000, spread
 * over several tenants and 10,000 buyers, then runs {@code invoice-daily} through the operator
 * endpoint and watches the service while it runs: heap used (its own metrics), resident memory
 * (/proc), readiness, and the run's progress ({@code job_run}). Needs the platform running
 * ({@code ./platform up}).
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=io.tradecredit.benchmarks.OverdueJobBenchmark \
 *     -Dbench.servicePid=$(cat .platform/run/invoice-service.pid)</pre>
 *
 * Settings (system properties): bench.invoices (1,000,000), bench.tenants (10), bench.asOf (today,
 * or the day after the latest date invoice-daily already ran for), bench.relaySeconds (how long to
 * wait afterwards for the outbox relay to publish the events, 0 to skip; 1800), bench.serviceUrl,
 * bench.tokenUrl, bench.opsUser / bench.opsPassword (platform-operator), bench.jdbcUrl,
 * bench.dbUser, bench.dbPassword, bench.servicePid (for resident memory and CPU time).
 */
public final class OverdueJobBenchmark {
    private static final String OVERDUE = "io.tradecredit.invoice.became-overdue.v1";
    private static final String LINES = "[{\"description\":\"Pump\",\"quantity\":10,\"unitPrice\":{\"amount\":\"100.00\","
            + "\"currency\":\"CNY\"},\"amount\":{\"amount\":\"1000.00\",\"currency\":\"CNY\"}},{\"description\":\"Valve\","
            + "\"quantity\":2.5,\"unitPrice\":{\"amount\":\"40.00\",\"currency\":\"CNY\"},\"amount\":{\"amount\":\"100.00\","
            + "\"currency\":\"CNY\"}}]";

    private OverdueJobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int invoices = Integer.getInteger("bench.invoices", 1_000_000);
        int tenants = Integer.getInteger("bench.tenants", 10);
        int relaySeconds = Integer.getInteger("bench.relaySeconds", 1800);
        String service = System.getProperty("bench.serviceUrl", "http://127.0.0.1:8081");
        String jdbcUrl = System.getProperty("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/invoice");
        String dbUser = System.getProperty("bench.dbUser", "invoice");
        String dbPassword = System.getProperty("bench.dbPassword", "invoice");
        String pid = System.getProperty("bench.servicePid");
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("machine: %s%n", Bench.machine());

        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            LocalDate asOf = asOf(c);
            System.out.printf("run %s: %,d open invoices due before %s, %d tenants (bench-%s-0..%d), 10,000 buyers%n",
                    run, invoices, asOf, tenants, run, tenants - 1);
            long loadStart = System.nanoTime();
            load(c, run, invoices, tenants, asOf);
            System.out.printf("loaded in %.1f s (then analyze)%n", (System.nanoTime() - loadStart) / 1e9);

            ServiceWatch watch = new ServiceWatch(http, service, pid, jdbcUrl, dbUser, dbPassword, "invoice-daily", asOf);
            Thread watcher = new Thread(watch, "watch");
            watcher.setDaemon(true);
            double cpuBefore = Bench.processCpuSeconds(pid);
            Map<String, Double> cpuByComponent = Bench.cpuByComponent();
            String token = Bench.userToken(http, System.getProperty("bench.opsUser", "platform-operator"),
                    System.getProperty("bench.opsPassword", "platform-operator"));
            watcher.start();
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(service + "/api/v1/admin/jobs/invoice-daily?asOf=" + asOf))
                    .timeout(Duration.ofHours(3)).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = Bench.processCpuSeconds(pid) - cpuBefore;
            String cpuUsed = Bench.cpuUsed(cpuByComponent, Bench.cpuByComponent());
            System.out.printf("answer %d after %.1f s: %s%n", answer.statusCode(), seconds, answer.body());
            System.out.printf("invoice-service CPU during the run: %.1f s; all components: %s%n", cpu, cpuUsed);

            long stillOpen = Bench.count(c, "select count(*) from invoice where tenant_id like ? and status = 'OPEN'"
                    + " and due_date < ?", "bench-" + run + "-%", asOf);
            long overdue = Bench.count(c, "select count(*) from invoice where tenant_id like ? and status = 'OVERDUE'",
                    "bench-" + run + "-%");
            long events = Bench.count(c, "select count(*) from outbox where tenant_id like ? and event_type = ?",
                    "bench-" + run + "-%", OVERDUE);
            System.out.printf("after the run: %,d overdue, %,d still open and due, %,d became-overdue events%n",
                    overdue, stillOpen, events);
            watch.report("during the run");

            if (relaySeconds > 0) {
                long relayStart = System.nanoTime();
                long deadline = relayStart + relaySeconds * 1_000_000_000L;
                long unsent;
                while ((unsent = Bench.count(c, "select count(*) from outbox where sent_at is null")) > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(2000);
                }
                System.out.printf("outbox relay: %s after %.0f s more%n", unsent == 0 ? "all events published"
                        : String.format(Locale.ROOT, "%,d events still unsent", unsent),
                        (System.nanoTime() - relayStart) / 1e9);
                watch.report("run and relay");
            }
            watch.stop.set(true);
            System.out.printf("service ready at the end: %s; machine: %s%n", watch.ready(), Bench.machine());
        }
    }

    /** Today, unless invoice-daily ran for today (or later) already: then the day after the latest. */
    private static LocalDate asOf(Connection c) throws Exception {
        String given = System.getProperty("bench.asOf");
        if (given != null) {
            return LocalDate.parse(given);
        }
        LocalDate today = Bench.today();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select max(as_of) from job_run where job = 'invoice-daily'")) {
            rs.next();
            java.sql.Date latest = rs.getDate(1);
            return latest == null || latest.toLocalDate().isBefore(today) ? today : latest.toLocalDate().plusDays(1);
        }
    }

    private static void load(Connection c, String run, int invoices, int tenants, LocalDate asOf) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into invoice (id, tenant_id, invoice_number, issue_date, shipment_date, issued_late, seller_name,
                    seller_address, seller_tax_id, seller_bank_account, buyer_id, buyer_name, buyer_address, buyer_tax_id,
                    po_number, currency, lines, tax_amount, total_amount, due_date, payment_terms, status, created_at,
                    late_daily_rate, late_fee_after_days, late_fee_rate, late_charge_terms_source)
                select gen_random_uuid(), ? || (g % ?), 'BENCH-' || g, ?::date - 60, ?::date - 61, false,
                    'Acme Machinery Co.', '1 Harbour Rd, Shanghai', '91310000MA1FL8XQ30', 'CN12 3456 7890',
                    md5(? || (g % 10000))::uuid, 'Globex Trading Ltd.', '8 Market St, Shenzhen', '91440300MA5F0XYZ1K',
                    'PO-77', 'CNY', ?, 143.00, 1243.00, ?::date - 1 - (g % 30), '30 days net', 'OPEN', now(),
                    0.0005, 30, 0.03, 'TENANT'
                from generate_series(?, ?) g""")) {
            for (int first = 1; first <= invoices; first += 100_000) {
                int p = 1;
                ps.setString(p++, "bench-" + run + "-");
                ps.setInt(p++, tenants);
                ps.setObject(p++, asOf);
                ps.setObject(p++, asOf);
                ps.setString(p++, run);
                ps.setString(p++, LINES);
                ps.setObject(p++, asOf);
                ps.setInt(p++, first);
                ps.setInt(p, Math.min(invoices, first + 99_999));
                ps.executeUpdate();
                c.commit();
            }
        }
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("analyze invoice");
        }
    }
}
