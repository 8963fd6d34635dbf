package io.tradecredit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What PostgreSQL spent a measured phase on, for a platform started with {@code TC_PG_STATEMENT_STATS=on}
 * (devstack PostgresNode): {@link #reset()} before the phase, {@link #report(String)} after it prints per
 * service database the top statements by execution time (pg_stat_statements), and the server-wide counters
 * exec time leaves out: commits per database, WAL written and flushed, checkpoints, autovacuum and autoanalyze;
 * and the server's CPU by process kind (from /proc: client backends per database, checkpointer, WAL writer, ...;
 * processes that ended in between, such as autovacuum workers, as the postmaster's reaped children), since
 * execution time is wall time and counts a backend waiting for a CPU.
 * Reads as the {@code postgres} superuser (resetting the statements and seeing every role's text needs it).
 *
 * Settings: bench.pgAdminUrl (jdbc:postgresql://127.0.0.1:5432/postgres), bench.pgAdminUser (postgres),
 * bench.pgAdminPassword (empty), bench.topStatements (12).
 */
final class StatementStats {
    private static final List<String> DATABASES = List.of("collections", "notification", "claims", "credit", "invoice");
    private static final String COUNTERS = """
            select 'commits ' || datname, xact_commit from pg_stat_database where datname = any(?)
            union all select 'rollbacks ' || datname, xact_rollback from pg_stat_database where datname = any(?)
            union all select 'tuples written ' || datname, tup_inserted + tup_updated + tup_deleted
                from pg_stat_database where datname = any(?)
            union all select 'wal records', wal_records from pg_stat_wal
            union all select 'wal full-page images', wal_fpi from pg_stat_wal
            union all select 'wal MB', wal_bytes / 1048576 from pg_stat_wal
            union all select 'wal writes', wal_write from pg_stat_wal
            union all select 'wal syncs (fsync)', wal_sync from pg_stat_wal
            union all select 'wal buffers full', wal_buffers_full from pg_stat_wal
            union all select 'checkpoints timed+requested', num_timed + num_requested from pg_stat_checkpointer
            union all select 'buffers written by checkpoints', buffers_written from pg_stat_checkpointer
            union all select 'buffers written by bgwriter', buffers_clean from pg_stat_bgwriter
            union all select 'buffers written by backends', sum(writes)::bigint from pg_stat_io
                where backend_type = 'client backend' and object = 'relation'
            """;
    private static final String TABLES = """
            select coalesce(sum(autovacuum_count), 0), coalesce(sum(autoanalyze_count), 0) from pg_stat_user_tables""";
    private static final String TOP = """
            select calls, rows, total_exec_time, total_plan_time, mean_exec_time, shared_blks_hit, shared_blks_read,
                shared_blks_dirtied, wal_bytes, regexp_replace(query, '\\s+', ' ', 'g')
            from pg_stat_statements s join pg_database d on d.oid = s.dbid
            where d.datname = ? and toplevel
            order by total_exec_time desc limit ?""";

    private final String url = System.getProperty("bench.pgAdminUrl", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private final String user = System.getProperty("bench.pgAdminUser", "postgres");
    private final String password = System.getProperty("bench.pgAdminPassword", "");
    private final int top = Integer.getInteger("bench.topStatements", 12);
    private Map<String, Long> before = Map.of();
    private Map<String, Double> cpuBefore = Map.of();
    private final Map<Long, String> kinds = new HashMap<>();

    /** Zero the statements and remember the counters the report subtracts. */
    void reset() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
            before = counters(c);
            cpuBefore = cpu(c);
        }
    }

    void report(String phase) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            Map<String, Long> after = counters(c);
            Map<String, Double> cpuAfter = cpu(c);
            System.out.printf("%nPostgreSQL CPU %s by process kind (/proc, s):%n", phase);
            cpuAfter.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0.0)))
                    .filter(e -> e.getValue() >= 0.05).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %-36s %.1f%n", e.getKey(), e.getValue()));
            System.out.printf("%nPostgreSQL %s (counters since the reset):%n", phase);
            after.forEach((name, value) -> System.out.printf("  %-36s %,d%n", name, value - before.getOrDefault(name, 0L)));
            for (String db : DATABASES) {
                System.out.printf("%n%s: top statements by execution time (toplevel)%n", db);
                System.out.println("| calls | rows | exec s | plan s | mean ms | blks hit | blks read | blks dirtied"
                        + " | WAL MB | statement |");
                System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
                try (var ps = c.prepareStatement(TOP)) {
                    ps.setString(1, db);
                    ps.setInt(2, top);
                    try (ResultSet r = ps.executeQuery()) {
                        while (r.next()) {
                            String query = r.getString(10);
                            System.out.printf(Locale.ROOT, "| %,d | %,d | %.1f | %.1f | %.3f | %,d | %,d | %,d | %.1f | `%s` |%n",
                                    r.getLong(1), r.getLong(2), r.getDouble(3) / 1000, r.getDouble(4) / 1000,
                                    r.getDouble(5), r.getLong(6), r.getLong(7), r.getLong(8),
                                    r.getDouble(9) / 1048576, query.length() > 220 ? query.substring(0, 220) + "…" : query);
                        }
                    }
                }
            }
        }
    }

    /**
     * CPU seconds of the server's processes by kind: "client backend collections", "checkpointer", ..., and the
     * postmaster's reaped children (ended connections, autovacuum workers) under "ended processes". A process
     * seen at the reset keeps its kind; one started since counts whole.
     */
    private Map<String, Double> cpu(Connection c) throws Exception {
        Map<String, Double> seconds = new HashMap<>();
        long postmaster = -1;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select pid, backend_type || coalesce(' ' || datname, ''), pg_backend_pid() from pg_stat_activity")) {
            while (r.next()) {
                long pid = r.getLong(1);
                kinds.putIfAbsent(pid, r.getString(2));
                long[] t = times(pid);
                if (t != null) {
                    seconds.merge(kinds.get(pid), (t[0] + t[1]) / 100.0, Double::sum);
                    postmaster = postmaster < 0 && pid == r.getLong(3) ? t[4] : postmaster;
                }
            }
        }
        long[] pm = postmaster < 0 ? null : times(postmaster);
        if (pm != null) {
            seconds.put("postmaster", (pm[0] + pm[1]) / 100.0);
            seconds.put("ended processes (autovacuum workers, closed connections)", (pm[2] + pm[3]) / 100.0);
        }
        return seconds;
    }

    /** utime, stime, cutime, cstime (clock ticks) and the parent pid of a process, or null once it is gone. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
                Long.parseLong(f[1])};
        } catch (Exception e) {
            return null;
        }
    }

    private Map<String, Long> counters(Connection c) throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        try (var ps = c.prepareStatement(COUNTERS)) {
            var names = c.createArrayOf("text", DATABASES.toArray());
            ps.setArray(1, names);
            ps.setArray(2, names);
            ps.setArray(3, names);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    values.put(r.getString(1), r.getLong(2));
                }
            }
        }
        for (String db : DATABASES) {
            try (Connection d = DriverManager.getConnection(url.replaceFirst("/[^/]*$", "/" + db), user, password);
                    Statement s = d.createStatement(); ResultSet r = s.executeQuery(TABLES)) {
                r.next();
                values.put("autovacuums " + db, r.getLong(1));
                values.put("autoanalyzes " + db, r.getLong(2));
            }
        }
        return values;
    }
}
