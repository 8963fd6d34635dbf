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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * The daily dunning run at scale (issue 12). For each size (100,000 and then 1,000,000 open
 * invoices, ten per buyer) it seeds collections-service's read model straight into its database
 * (one {@code generate_series} statement per 100,000 invoices, spread over several tenants), runs
 * the real job ({@code POST /api/v1/admin/jobs/dunning-run?asOf=}) and then, in the same database,
 * inserts the same step rows with one hand-written statement into a copy of the step log with the
 * same indexes: the raw baseline the run is held to (at most 3x, docs/performance.md). Every
 * invoice falls due seven days after the run's date, so each has exactly one step due, the default
 * ladder's friendly reminder, and each buyer gets one consolidated email request. The previous size's
 * invoices are removed before the next is seeded, so each run sees only its own. Needs the platform
 * running ({@code ./platform up}) whose collections read model holds no other open invoices (the run
 * dunns every tenant): start from {@code ./platform reset}.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=io.tradecredit.benchmarks.DunningRunBenchmark \
 *     -Dbench.servicePid=$(cat .platform/run/collections-service.pid)</pre>
 *
 * The raw statement is timed twice: right after seeding, before the run, and again once the run's events
 * are published and their consumers have gone quiet (at most bench.quietSeconds), so it is timed on the
 * same database but not against the run's aftermath. Both are printed: a gap between them is the
 * machine drifting during the run (the storage moved the baseline 5x within two hours once), and the
 * ratio is given against each.
 *
 * Settings (system properties): bench.sizes (100000,1000000), bench.tenants (10), bench.quietSeconds (600),
 * bench.relaySeconds
 * (how long to wait for the outbox relay after the largest run, 0 to skip; 600), bench.serviceUrl,
 * bench.opsUser / bench.opsPassword (platform-operator), bench.jdbcUrl, bench.dbUser, bench.dbPassword,
 * bench.servicePid (heap, resident memory and CPU time), bench.statementStats (false; true on a platform started
 * with TC_PG_STATEMENT_STATS=on: what PostgreSQL spent each run on, {@link StatementStats}), bench.consumersPaused
 * (false; true stops the services that read the run's events, SIGSTOP, from the POST to the answer and lets them
 * go on after it: the run's own cost, as on a cluster where they have CPUs of their own; the relay and Kafka still
 * publish everything during the run, and the raw statement is still timed once the consumers have drained it).
 */
public final class DunningRunBenchmark {
    private static final String JOB = "dunning-run";
    /** The services that read what the run publishes (requests, step-taken events), on the same CPUs as the run. */
    private static final List<String> CONSUMERS = List.of("notification-service", "insurance-claims-service",
            "credit-service", "invoice-service");
    private static final boolean CONSUMERS_PAUSED = Boolean.getBoolean("bench.consumersPaused");

    private DunningRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("bench.tenants", 10);
        int relaySeconds = Integer.getInteger("bench.relaySeconds", 600);
        String service = System.getProperty("bench.serviceUrl", "http://127.0.0.1:8083");
        String jdbcUrl = System.getProperty("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/collections");
        String dbUser = System.getProperty("bench.dbUser", "collections");
        String dbPassword = System.getProperty("bench.dbPassword", "collections");
        String pid = System.getProperty("bench.servicePid");
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("machine: %s%n", Bench.machine());

        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            String token = Bench.userToken(http, System.getProperty("bench.opsUser", "platform-operator"),
                    System.getProperty("bench.opsPassword", "platform-operator"));
            long others = Bench.count(c, "select count(*) from open_invoice where state = 'OPEN' and tenant_id not like 'bench-%'");
            if (others > 0) {
                // the run dunns every tenant: other open invoices would be in the run and not in the baseline
                System.out.printf("collections' read model holds %,d open invoices of other tenants (e.g. from the"
                        + " ingestion benchmark); start from an empty platform: ./platform reset, ./platform up%n", others);
                System.exit(2);
            }
            String[] sizes = System.getProperty("bench.sizes", "100000,1000000").split(",");
            LocalDate asOf = nextFreeWorkingDay(c);
            for (String size : sizes) {
                int invoices = Integer.parseInt(size.strip());
                String prefix = "bench-" + run + "-" + invoices + "-";
                Phase phase = new Phase(c, http, service, token, pid, jdbcUrl, dbUser, dbPassword, prefix, tenants);
                phase.measure(invoices, asOf);
                asOf = nextWorkingDay(asOf.plusDays(1));
            }
            if (relaySeconds > 0) {
                long start = System.nanoTime();
                long deadline = start + relaySeconds * 1_000_000_000L;
                long unsent;
                while ((unsent = Bench.count(c, "select count(*) from outbox where sent_at is null")) > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(2000);
                }
                System.out.printf("outbox relay: %s %.0f s after the last run answered%n", unsent == 0
                        ? "every event published" : String.format(Locale.ROOT, "%,d events still unsent", unsent),
                        (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("machine at the end: %s%n", Bench.machine());
        }
    }

    /** One size: seed, the real run, the raw statement, and what each wrote. */
    private record Phase(Connection c, HttpClient http, String service, String token, String pid, String jdbcUrl,
            String dbUser, String dbPassword, String prefix, int tenants) {

        void measure(int invoices, LocalDate asOf) throws Exception {
            int buyers = invoices / 10;
            System.out.printf("%n== %,d open invoices of %,d buyers, %d tenants (%s0..%d), run date %s%n", invoices,
                    buyers, tenants, prefix, tenants - 1, asOf);
            long t0 = System.nanoTime();
            seed(invoices, buyers, asOf);
            System.out.printf("seeded in %.1f s (then vacuum analyze)%n", (System.nanoTime() - t0) / 1e9);
            double rawBefore = raw(asOf);
            System.out.printf("raw statement before the run: %.1f s; %s%n", rawBefore, Bench.machine());

            ServiceWatch watch = new ServiceWatch(http, service, pid, jdbcUrl, dbUser, dbPassword, JOB, asOf);
            Thread watcher = new Thread(watch, "watch");
            watcher.setDaemon(true);
            double cpuBefore = Bench.processCpuSeconds(pid);
            double jitBefore = Bench.jitCpuSeconds(pid);
            StatementStats statements = Boolean.getBoolean("bench.statementStats") ? new StatementStats() : null;
            if (statements != null) {
                statements.reset();
            }
            Map<String, Double> cpuByComponent = Bench.cpuByComponent();
            Map<String, Double> jitByService = Bench.jitByService();
            List<String> paused = CONSUMERS_PAUSED ? Bench.signal("STOP", CONSUMERS) : List.of();
            if (!paused.isEmpty()) {
                System.out.printf("paused during the run (bench.consumersPaused): %s%n", paused);
            }
            watcher.start();
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(service + "/api/v1/admin/jobs/" + JOB + "?asOf=" + asOf))
                    .timeout(Duration.ofHours(2)).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            double runSeconds = (System.nanoTime() - start) / 1e9;
            if (!paused.isEmpty()) {
                Bench.signal("CONT", paused);
            }
            double cpu = Bench.processCpuSeconds(pid) - cpuBefore;
            double jit = Bench.jitCpuSeconds(pid) - jitBefore;
            String cpuUsed = Bench.cpuUsed(cpuByComponent, Bench.cpuByComponent());
            String jitUsed = Bench.cpuUsed(jitByService, Bench.jitByService());
            watch.stop.set(true);
            System.out.printf("the run: answer %d after %.1f s: %s%n", answer.statusCode(), runSeconds, answer.body());
            System.out.printf("collections-service CPU during the run: %.1f s (its JIT compiler %.1f s); all components: %s%n",
                    cpu, jit, cpuUsed);
            System.out.printf("the services' JIT compilers during the run: %s%n", jitUsed);
            watch.report("during the run");
            if (statements != null) {
                statements.report("during the run (POST to answer)");
            }

            long taken = Bench.count(c, "select count(*) from dunning_step_log where tenant_id like ? and run_date = ?"
                    + " and outcome = 'TAKEN'", prefix + "%", asOf);
            long requests = Bench.count(c, "select count(*) from outbox where tenant_id like ? and topic = 'notification-requests'",
                    prefix + "%");
            long stepEvents = Bench.count(c, "select count(*) from outbox where tenant_id like ? and topic = 'collection-cases'",
                    prefix + "%");
            System.out.printf("the run wrote: %,d steps taken, %,d notification requests, %,d collection-cases events%n",
                    taken, requests, stepEvents);

            // the raw statement is timed on a quiet machine, not against the run's own aftermath: the run's
            // consumers under 5 % of a CPU for two 2-second windows
            double waited = Bench.awaitQuiet(List.of(c), List.of("notification-service", "credit-service",
                    "insurance-claims-service", "kafka"), 0.1, 600);
            System.out.printf("before the raw statement: waited %.0f s for the outbox relay and the run's consumers to"
                    + " drain; %s%n", waited, Bench.machine());
            double rawSeconds = raw(asOf);
            System.out.printf("raw statement after the run: the same %,d step rows in %.1f s (before the run: %.1f s)%n",
                    Bench.count(c, "select count(*) from bench_step_log where tenant_id like ?", prefix + "%"),
                    rawSeconds, rawBefore);
            System.out.printf("ratio run / raw statement: %.2f against the raw statement after, %.2f against before;"
                    + " invoices per second in the run: %,.0f%n", runSeconds / rawSeconds, runSeconds / rawBefore,
                    invoices / runSeconds);
        }

        /** Buyers and their open invoices, all due seven days after {@code asOf}; earlier benchmark books removed. */
        private void seed(int invoices, int buyers, LocalDate asOf) throws Exception {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("delete from open_invoice where tenant_id like 'bench-%'");
                st.executeUpdate("delete from buyer where tenant_id like 'bench-%'");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into buyer (tenant_id, buyer_id, name, country, registration_number, grade, updated_at)
                    select ? || (g % ?), md5(? || g)::uuid, 'Globex Trading ' || g, 'CN', '91440300MA5F0XYZ1K', 3, now()
                    from generate_series(0, ? - 1) g""")) {
                ps.setString(1, prefix);
                ps.setInt(2, tenants);
                ps.setString(3, prefix);
                ps.setInt(4, buyers);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into open_invoice (tenant_id, invoice_id, buyer_id, invoice_number, purchase_order_number,
                        buyer_name, currency, total, open_amount, disputed_amount, collectible_amount, issue_date,
                        due_date, payment_terms, state, updated_at)
                    select ? || ((g % ?) % ?), gen_random_uuid(), md5(? || (g % ?))::uuid, 'BENCH-' || g, 'PO-77',
                        'Globex Trading ' || (g % ?), 'CNY', 1243.00, 1243.00, 0, 1243.00, ?::date - 23, ?::date + 7,
                        '30 days net', 'OPEN', now()
                    from generate_series(?, ?) g""")) {
                for (int first = 0; first < invoices; first += 100_000) {
                    int p = 1;
                    ps.setString(p++, prefix);
                    ps.setInt(p++, buyers);
                    ps.setInt(p++, tenants);
                    ps.setString(p++, prefix);
                    ps.setInt(p++, buyers);
                    ps.setInt(p++, buyers);
                    ps.setObject(p++, asOf);
                    ps.setObject(p++, asOf);
                    ps.setInt(p++, first);
                    ps.setInt(p, Math.min(invoices, first + 100_000) - 1);
                    ps.executeUpdate();
                    c.commit();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // vacuumed as well as analyzed: a million freshly inserted rows are otherwise autovacuum's first
                // work (visibility map, hint bits) in the middle of the run, a cost of seeding, not of the run
                st.execute("vacuum analyze buyer");
                st.execute("vacuum analyze open_invoice");
            }
        }

        /**
         * The baseline: the same step rows as the run logs (one TAKEN friendly reminder per invoice), by
         * one statement into a copy of the step log with the same indexes, in seconds.
         */
        private double raw(LocalDate asOf) throws Exception {
            try (Statement st = c.createStatement()) {
                st.execute("create table if not exists bench_step_log (like dunning_step_log including all)");
                st.execute("truncate bench_step_log");
            }
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into bench_step_log (tenant_id, buyer_id, item_ref, step_key, run_date, step_day, outcome,
                        ladder_key, ladder_version, template_key, channels, currency, collectible, logged_at)
                    select tenant_id, buyer_id, invoice_id::text, 'friendly-reminder', ?::date, ?::date, 'TAKEN',
                        'default', 0, 'dunning.friendly-reminder', 'EMAIL', currency, collectible_amount, now()
                    from open_invoice where tenant_id like ? and state = 'OPEN'""")) {
                ps.setObject(1, asOf);
                ps.setObject(2, asOf);
                ps.setString(3, prefix + "%");
                ps.executeUpdate();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The first working day (Monday to Friday, the default calendar) after every date the run has claimed, from today. */
    private static LocalDate nextFreeWorkingDay(Connection c) throws Exception {
        LocalDate today = Bench.today();
        try (PreparedStatement ps = c.prepareStatement("select max(as_of) from job_run where job = ?")) {
            ps.setString(1, JOB);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.sql.Date latest = rs.getDate(1);
                return nextWorkingDay(latest == null || latest.toLocalDate().isBefore(today) ? today
                        : latest.toLocalDate().plusDays(1));
            }
        }
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
