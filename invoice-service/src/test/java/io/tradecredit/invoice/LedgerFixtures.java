package io.tradecredit.invoice;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.tradecredit.testing.PostgresTestResource;
import io.tradecredit.testing.Tokens;

/**
 * Invoices of any amount for any tenant, and dated ledger entries for them. Payments and credit
 * notes are built elsewhere; until then a test records their ledger effect directly, as the
 * payment use case does: one dated entry, and the invoice's paid amount raised with it.
 */
public final class LedgerFixtures {
    private LedgerFixtures() {
    }

    /** A tenant of its own, so tenant-wide reports see only the test's invoices. */
    public static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String tenant, String... roles) {
        return Tokens.tenant(tenant).roles(roles).mint();
    }

    /** A complete invoice of one line for {@code total}, no tax. */
    public static Map<String, Object> invoice(UUID buyerId, LocalDate issued, LocalDate due, String total,
            String currency) {
        Map<String, Object> m = new HashMap<>(InvoiceFixtures.invoice(buyerId, issued, due));
        Map<String, Object> amount = Map.of("amount", total, "currency", currency);
        m.put("lines", List.of(Map.of("description", "Hydraulic press", "quantity", "1", "unitPrice", amount)));
        m.put("tax", Map.of("amount", "0", "currency", currency));
        m.put("total", amount);
        return m;
    }

    /** Issues the invoice as finance of {@code tenant}; returns its id. */
    public static String issue(String tenant, Map<String, Object> invoice) {
        return given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON).body(invoice)
                .post("/api/v1/invoices").then().statusCode(201).extract().path("id");
    }

    public static String issue(String tenant, UUID buyer, LocalDate issued, LocalDate due, String total) {
        return issue(tenant, invoice(buyer, issued, due, total, "CNY"));
    }

    /** A payment of {@code amount} on the invoice, effective on {@code on}. */
    public static void pay(String invoiceId, String amount, LocalDate on) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres")) {
            c.setAutoCommit(false);
            try (PreparedStatement entry = c.prepareStatement("""
                    insert into ledger_entry (id, tenant_id, buyer_id, invoice_id, kind, amount, currency, effective_date,
                        reference_id, note, created_at, created_by)
                    select ?, tenant_id, buyer_id, id, 'PAYMENT', ?, currency, ?, ?, 'test payment', ?, 'test'
                    from invoice where id = ?""");
                    PreparedStatement invoice = c.prepareStatement(
                            "update invoice set paid_amount = paid_amount + ? where id = ?")) {
                BigDecimal value = new BigDecimal(amount);
                entry.setObject(1, UUID.randomUUID());
                entry.setBigDecimal(2, value);
                entry.setObject(3, on);
                entry.setObject(4, UUID.randomUUID());
                entry.setTimestamp(5, Timestamp.from(Instant.now()));
                entry.setObject(6, UUID.fromString(invoiceId));
                if (entry.executeUpdate() != 1) {
                    throw new IllegalStateException("no invoice " + invoiceId);
                }
                invoice.setBigDecimal(1, value);
                invoice.setObject(2, UUID.fromString(invoiceId));
                invoice.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the payment", e);
        }
    }
}
