package io.tradecredit.benchmarks;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * Settings (system properties): bench.batches (measured batches, 20), bench.warmup (5),
 * bench.batchSize (1000), bench.serviceUrl, bench.tokenUrl, bench.clientId, bench.clientSecret,
 * bench.jdbcUrl, bench.dbUser, bench.dbPassword.
 */
public final class InvoiceIngestionBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InvoiceIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batches = Integer.getInteger("bench.batches", 20);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int size = Integer.getInteger("bench.batchSize", 1000);
        String service = System.getProperty("bench.serviceUrl", "http://127.0.0.1:8081");
        String jdbcUrl = System.getProperty("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/invoice");
        String dbUser = System.getProperty("bench.dbUser", "invoice");
        String dbPassword = System.getProperty("bench.dbPassword", "invoice");

        HttpClient http = HttpClient.newHttpClient();
        String token = token(http);
        String run = UUID.randomUUID().toString().substring(0, 8);

        for (int b = 0; b < warmup; b++) {
            postBatch(http, service, token, batch(run + "-w" + b, size));
        }
        long serviceNanos = 0;
        for (int b = 0; b < batches; b++) {
            String body = batch(run + "-s" + b, size);
            long start = System.nanoTime();
            postBatch(http, service, token, body);
            serviceNanos += System.nanoTime() - start;
        }

        long jdbcNanos;
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_invoice");
                st.execute("create table bench_invoice (like invoice including all)");
            }
            c.setAutoCommit(false);
            for (int b = 0; b < warmup; b++) {
                jdbcBatch(c, run + "-jw" + b, size);
            }
            long start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                jdbcBatch(c, run + "-j" + b, size);
            }
            jdbcNanos = System.nanoTime() - start;
            try (Statement st = c.createStatement()) {
                st.execute("drop table bench_invoice");
            }
            c.commit();
        }

        long invoices = (long) batches * size;
        double serviceRate = invoices / (serviceNanos / 1e9);
        double jdbcRate = invoices / (jdbcNanos / 1e9);
        System.out.printf("invoices per run: %d (%d batches of %d, after %d warm-up batches)%n", invoices, batches, size,
                warmup);
        System.out.printf("service batch endpoint: %.0f invoices/s%n", serviceRate);
        System.out.printf("plain JDBC batch insert: %.0f invoices/s%n", jdbcRate);
        System.out.printf("ratio service/JDBC: %.1f%%%n", 100 * serviceRate / jdbcRate);
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
                    created_at) values (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, 'OPEN', ?)""")) {
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

    private static String token(HttpClient http) throws Exception {
        String url = System.getProperty("bench.tokenUrl",
                "http://127.0.0.1:8180/realms/tradecredit/protocol/openid-connect/token");
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(System.getProperty("bench.clientId", "acme-integration"), StandardCharsets.UTF_8)
                + "&client_secret="
                + URLEncoder.encode(System.getProperty("bench.clientSecret", "acme-integration-secret"), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token from " + url + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }
}
