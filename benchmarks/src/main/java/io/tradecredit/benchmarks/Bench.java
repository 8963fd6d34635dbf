package io.tradecredit.benchmarks;

import java.util.UUID;
import java.util.List;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.devstack.PlatformZone;

/** What the load drivers share: tokens from Keycloak, a look at how busy the machine is, a count. */
final class Bench {
    static final ObjectMapper JSON = new ObjectMapper();

    private Bench() {
    }

    /**
     * The platform's today: the services' business day is UTC's date (their clock), not the host's; a driver run east
     * of UTC before 08:00 local time asked the jobs for tomorrow, which they refuse.
     */
    static LocalDate today() {
        return PlatformZone.today();
    }

    static final String TOKEN_URL = System.getProperty("bench.tokenUrl",
            "http://127.0.0.1:8180/realms/tradecredit/protocol/openid-connect/token");

    /** A client-credentials token (default acme-integration: roles finance and credit-manager, tenant acme). */
    static String clientToken(HttpClient http) throws Exception {
        return token(http, "grant_type=client_credentials&client_id="
                + enc(System.getProperty("bench.clientId", "acme-integration")) + "&client_secret="
                + enc(System.getProperty("bench.clientSecret", "acme-integration-secret")));
    }

    /** A user's token by password grant (default platform-operator: role platform-ops, no tenant). */
    static String userToken(HttpClient http, String user, String password) throws Exception {
        return token(http, "grant_type=password&client_id=tradecredit-cli&username=" + enc(user) + "&password="
                + enc(password));
    }

    private static String token(HttpClient http, String form) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token from " + TOKEN_URL + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Busy share of all CPUs since the previous sample, from /proc/stat (Linux); the driver, the
     * services, PostgreSQL, Kafka and Keycloak all share them, so this says how contended a phase was.
     */
    static final class CpuMeter {
        private long busy;
        private long total;

        CpuMeter() {
            sample();
        }

        /** Busy fraction since construction or the previous call; NaN where /proc/stat is missing. */
        double sample() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long t = 0;
                for (int i = 1; i < f.length; i++) {
                    t += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                long b = t - idle;
                double share = total == 0 || t == total ? Double.NaN : (double) (b - busy) / (t - total);
                busy = b;
                total = t;
                return share;
            } catch (Exception e) {
                return Double.NaN;
            }
        }
    }

    /**
     * CPU seconds (user + system) a process has used so far, from /proc/&lt;pid&gt;/stat, assuming
     * 100 clock ticks per second; NaN when the pid is not set or not readable.
     */
    static double processCpuSeconds(String pid) {
        if (pid == null || pid.isBlank()) {
            return Double.NaN;
        }
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc", pid.strip(), "stat")));
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a /proc stat line (a process's or a thread's), in seconds at 100 ticks a second. */
    private static double cpuSecondsOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /**
     * CPU seconds the JIT compiler threads of process {@code pid} have used ({@code C1/C2 CompilerThread},
     * from /proc/&lt;pid&gt;/task); NaN without a pid. A service still compiling its hot paths spends a large
     * share of its CPU there (issue 13: half of notification-service's in its third 2,000 emails), so this is
     * how a run tells a warmed service from one still warming up.
     */
    static double jitCpuSeconds(String pid) {
        if (pid == null || pid.isBlank()) {
            return Double.NaN;
        }
        double seconds = 0;
        try (var tasks = Files.list(Path.of("/proc", pid.strip(), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        seconds += cpuSecondsOf(stat);
                    }
                } catch (Exception e) {
                    // a thread that ended while listed
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return seconds;
    }

    /** {@link #jitCpuSeconds} of each service of this checkout's platform, by name. */
    static Map<String, Double> jitByService() {
        Map<String, Double> seconds = new TreeMap<>();
        platformProcesses().forEach((pid, name) -> {
            if (name.endsWith("-service")) {
                double jit = jitCpuSeconds(pid);
                if (!Double.isNaN(jit)) {
                    seconds.put(name, jit);
                }
            }
        });
        return seconds;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d CPUs, load average %s (driver, services, PostgreSQL, Kafka and Keycloak "
                + "all share these CPUs)", Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /**
     * CPU seconds per component of the platform (this driver, each service, PostgreSQL, Kafka,
     * Keycloak, the rest), from /proc/&lt;pid&gt;/stat of every process: this checkout's platform by its
     * pid files ({@link #platformProcesses}), everything else "outside this platform" (without pid
     * files: told apart by command line). The difference of two snapshots says who used the shared CPUs during a phase.
     */
    static Map<String, Double> cpuByComponent() {
        Map<String, Double> seconds = new TreeMap<>();
        String self = Long.toString(ProcessHandle.current().pid());
        Map<String, String> platform = platformProcesses();
        String postmaster = platform.entrySet().stream().filter(e -> e.getValue().equals("postgresql"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String pid = proc.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                double cpu = processCpuSeconds(pid);
                if (Double.isNaN(cpu) || cpu == 0) {
                    continue;
                }
                String name = pid.equals(self) ? "driver"
                        : platform.isEmpty() ? component(proc)
                        : platform.containsKey(pid) ? platform.get(pid)
                        : postmaster != null && postmaster.equals(parentOf(pid)) ? "postgresql"
                        : "outside this platform";
                seconds.merge(name, cpu, Double::sum);
            }
        } catch (Exception e) {
            return Map.of();
        }
        return seconds;
    }

    /**
     * The processes {@code ./platform up} started from this checkout, by pid: each component's pid
     * file under {@code .platform/run}, and PostgreSQL's server process (its backends are its
     * children). Empty without them. On a machine shared with other checkouts' services and test
     * databases, telling them apart by command line would count theirs too.
     */
    private static Map<String, String> platformProcesses() {
        Path root = Path.of(System.getProperty("bench.platformRoot", "")).toAbsolutePath();
        if (!Files.isDirectory(root.resolve(".platform/run")) && root.getParent() != null) {
            root = root.getParent(); // run from benchmarks/
        }
        Map<String, String> pids = new TreeMap<>();
        try (var files = Files.list(root.resolve(".platform/run"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pid")) {
                    String component = name.substring(0, name.length() - 4);
                    pids.put(Files.readString(f).strip(), component.equals("postgres") ? "postgresql wrapper" : component);
                }
            }
            Path postmaster = root.resolve(".platform/data/postgres/postmaster.pid");
            if (Files.exists(postmaster)) {
                pids.put(Files.readAllLines(postmaster).get(0).strip(), "postgresql");
            }
        } catch (Exception e) {
            return Map.of();
        }
        return pids;
    }

    /**
     * Sends {@code signal} ({@code STOP}, {@code CONT}) to this checkout's processes of {@code components}
     * (their pid files); answers the components signalled.
     */
    static List<String> signal(String signal, List<String> components) throws Exception {
        List<String> done = new java.util.ArrayList<>();
        for (Map.Entry<String, String> p : platformProcesses().entrySet()) {
            if (components.contains(p.getValue())) {
                Process kill = new ProcessBuilder("kill", "-" + signal, p.getKey()).inheritIO().start();
                if (kill.waitFor() == 0) {
                    done.add(p.getValue());
                }
            }
        }
        return done;
    }

    private static String parentOf(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split("\\s+")[1];
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code after - before} per component, as "name 1.23 s" sorted by use, largest first. */
    static String cpuUsed(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder out = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(out.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue())));
        return out.toString();
    }

    private static String component(Path proc) {
        String cmd;
        try {
            cmd = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
        } catch (Exception e) {
            return "other";
        }
        for (String service : new String[] {"invoice-service", "credit-service", "collections-service",
                "insurance-claims-service", "notification-service"}) {
            if (cmd.contains("/" + service + "/")) {
                return service;
            }
        }
        if (cmd.startsWith("postgres") || cmd.contains("/bin/postgres ")) {
            return "postgresql";
        }
        if (cmd.contains("KafkaNode")) {
            return "kafka";
        }
        if (cmd.contains("keycloak") || cmd.contains("kc.home.dir")) {
            return "keycloak";
        }
        return cmd.contains("greenmail") ? "greenmail" : "other";
    }

    /** The one number a {@code select count(*)} statement answers. */
    static long count(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * An invoice of 1,243.00 CNY (two lines and 13 % tax) as the ERP posts it to invoice-service's batch
     * endpoint, the seller Acme, the buyer {@code buyerParty} without its id.
     */
    static Map<String, Object> invoice(String number, UUID buyer, Map<String, String> buyerParty, LocalDate issued,
            LocalDate due) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("invoiceNumber", number);
        invoice.put("issueDate", issued.toString());
        invoice.put("shipmentDate", issued.minusDays(1).toString());
        invoice.put("seller", Map.of("name", "Acme Machinery Co.", "address", "1 Harbour Rd, Shanghai",
                "taxId", "91310000MA1FL8XQ30", "bankAccount", "CN12 3456 7890"));
        Map<String, String> party = new LinkedHashMap<>(buyerParty);
        party.put("id", buyer.toString());
        invoice.put("buyer", party);
        invoice.put("purchaseOrderNumber", "PO-77");
        invoice.put("lines", List.of(
                Map.of("description", "Pump", "quantity", "10", "unitPrice", Map.of("amount", "100.00", "currency", "CNY")),
                Map.of("description", "Valve", "quantity", "2.5", "unitPrice", Map.of("amount", "40.00", "currency", "CNY"))));
        invoice.put("tax", Map.of("amount", "143.00", "currency", "CNY"));
        invoice.put("total", Map.of("amount", "1243.00", "currency", "CNY"));
        invoice.put("dueDate", due.toString());
        invoice.put("paymentTerms", "30 days net");
        return invoice;
    }

    /**
     * Waits (at most {@code bench.quietSeconds}, else {@code defaultSeconds}) until the outboxes of
     * {@code databases} are published and {@code components} together have used less than
     * {@code cpuSecondsPerWindow} of CPU in each of two 2-second windows in a row; returns the seconds waited.
     */
    static double awaitQuiet(List<Connection> databases, List<String> components, double cpuSecondsPerWindow,
            int defaultSeconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Integer.getInteger("bench.quietSeconds", defaultSeconds) * 1_000_000_000L;
        while (System.nanoTime() < deadline && unsent(databases)) {
            Thread.sleep(1000);
        }
        int quietWindows = 0;
        Map<String, Double> before = cpuByComponent();
        while (quietWindows < 2 && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            Map<String, Double> after = cpuByComponent();
            double busy = 0;
            for (String component : components) {
                busy += after.getOrDefault(component, 0.0) - before.getOrDefault(component, 0.0);
            }
            quietWindows = busy < cpuSecondsPerWindow ? quietWindows + 1 : 0;
            before = after;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean unsent(List<Connection> databases) throws Exception {
        for (Connection c : databases) {
            if (count(c, "select count(*) from outbox where sent_at is null") > 0) {
                return true;
            }
        }
        return false;
    }
}
