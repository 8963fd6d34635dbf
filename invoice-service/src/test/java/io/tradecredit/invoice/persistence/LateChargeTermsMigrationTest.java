package io.tradecredit.invoice.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.tradecredit.invoice.domain.LateChargePolicy;
import io.tradecredit.testing.PostgresTestResource;

/**
 * V16 gives the invoices issued before it the late-charge terms that apply to them the day it runs (their
 * buyer's own, else their tenant's, else the defaults), so no figure moves when it runs. A database of its own,
 * given the migrations up to V15, then invoices, then V16.
 */
class LateChargeTermsMigrationTest {
    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    @Test
    void invoicesIssuedBeforeV16KeepTheTermsThatApplyToThemWhenItRuns() throws Exception {
        String db = "v16_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = "jdbc:postgresql://127.0.0.1:" + PostgresTestResource.server().getPort() + "/";
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("create database " + db);
        }
        migrate(server + db, 1, 15);

        UUID keyCustomer = UUID.randomUUID();
        UUID ordinary = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(server + db, "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("insert into invoicing_policy (tenant_id, issue_deadline_hours, late_daily_rate,"
                    + " late_fee_after_days, late_fee_rate, dso_period_days, updated_at, updated_by)"
                    + " values ('acme', 48, 0.001, 45, 0.05, 90, now(), 'admin')");
            st.execute("insert into buyer_late_charge_policy (tenant_id, buyer_id, late_daily_rate, late_fee_after_days,"
                    + " late_fee_rate, updated_at, updated_by) values ('acme', '" + keyCustomer + "', 0.0002, 60, 0.01,"
                    + " now(), 'manager')");
            insert(st, "acme", keyCustomer, "A-1");
            insert(st, "acme", ordinary, "A-2");
            insert(st, "globex", elsewhere, "G-1");
        }

        migrate(server + db, 16, 16);

        try (Connection c = DriverManager.getConnection(server + db, "postgres", "postgres");
                Statement st = c.createStatement()) {
            // the buyer's own terms, the tenant's, and the defaults of a tenant that never saved a policy (the
            // migration's copy of them pinned to the Java defaults)
            assertEquals("0.0002 60 0.01 BUYER", termsOf(st, "A-1"));
            assertEquals("0.001 45 0.05 TENANT", termsOf(st, "A-2"));
            LateChargePolicy defaults = LateChargePolicy.DEFAULT;
            assertEquals(defaults.dailyRate().toPlainString() + " " + defaults.feeAfterDays() + " "
                    + defaults.feeRate().toPlainString() + " TENANT", termsOf(st, "G-1"));
        }
    }

    /** Runs the service's migrations {@code from} to {@code to}, in their order (none uses the chassis' tables). */
    private static void migrate(String url, int from, int to) throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            scripts = files.filter(f -> version(f) >= from && version(f) <= to)
                    .sorted(Comparator.comparingInt(LateChargeTermsMigrationTest::version)).toList();
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement()) {
            for (Path script : scripts) {
                st.execute(Files.readString(script));
            }
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static void insert(Statement st, String tenant, UUID buyer, String number) throws Exception {
        st.execute("insert into invoice (id, tenant_id, invoice_number, issue_date, seller_name, seller_address,"
                + " seller_tax_id, seller_bank_account, buyer_id, buyer_name, buyer_address, buyer_tax_id, po_number,"
                + " currency, lines, tax_amount, total_amount, due_date, status, created_at) values ('"
                + UUID.randomUUID() + "', '" + tenant + "', '" + number + "', '2026-01-30', 'Acme', 'Shanghai', '9131',"
                + " 'CN12', '" + buyer + "', 'Globex', 'Shenzhen', '9144', 'PO-1', 'CNY', '[]', 0, 100000,"
                + " '2026-03-01', 'OVERDUE', now())");
    }

    private static String termsOf(Statement st, String number) throws Exception {
        try (ResultSet rs = st.executeQuery("select late_daily_rate, late_fee_after_days, late_fee_rate,"
                + " late_charge_terms_source from invoice where invoice_number = '" + number + "'")) {
            rs.next();
            return rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + " " + rs.getInt(2) + " "
                    + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + " " + rs.getString(4);
        }
    }
}
