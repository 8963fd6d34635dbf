package io.tradecredit.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.e2e.harness.Api;
import io.tradecredit.e2e.harness.Platform;

/**
 * The fault suite's bounded steady flow, sent as a tenant's ERP and the platform operator send it:
 * invoice {@code i} of {@link #total(int)} CNY to buyer {@code i mod buyers}, due between two days
 * before the first dunning date and nine after it; three in four paid (two in full, one 40 %), the
 * fourth left to dunning. A call that finds no one answering, or a 5xx/409/429, is sent again with
 * the same {@code Idempotency-Key}, as an ERP retries: a fault may cut any call, the flow goes on.
 */
final class FaultFlow {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** How long one call is retried before the flow gives up (a fault plus a restart on a loaded machine). */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(15);

    private final Tenant tenant;
    private final List<Tenant.Buyer> buyers;
    private final LocalDate firstDunningDate;
    final AtomicInteger issued = new AtomicInteger();
    final AtomicInteger paid = new AtomicInteger();
    final AtomicLong retries = new AtomicLong();
    private final String operator = Api.operator();

    FaultFlow(Tenant tenant, List<Tenant.Buyer> buyers, LocalDate firstDunningDate) {
        this.tenant = tenant;
        this.buyers = buyers;
        this.firstDunningDate = firstDunningDate;
    }

    static BigDecimal total(int i) {
        return new BigDecimal(1000 + i % 997).add(BigDecimal.valueOf(i % 100, 2));
    }

    /** What invoice {@code i} is paid: in full (i mod 4 = 0 or 2), 40 % (1), nothing (3). */
    static BigDecimal payment(int i) {
        return switch (i % 4) {
            case 0, 2 -> total(i);
            case 1 -> total(i).multiply(new BigDecimal("0.40")).setScale(2, RoundingMode.HALF_UP);
            default -> BigDecimal.ZERO;
        };
    }

    /** Issues invoice {@code i} and pays what {@link #payment(int)} says. */
    void item(int i) {
        Tenant.Buyer buyer = buyers.get(i % buyers.size());
        LocalDate due = firstDunningDate.plusDays(i % 12 - 2);
        Map<String, Object> invoice = Map.of("invoiceNumber", "F-" + i, "issueDate", due.minusDays(30).toString(),
                "shipmentDate", due.minusDays(31).toString(),
                "seller", Map.of("name", "上海精工机械有限公司", "address", "上海市浦东新区港湾路1号",
                        "taxId", "91310000MA1FL8XQ30", "bankAccount", "CN12 3456 7890"),
                "buyer", Map.of("id", buyer.id(), "name", buyer.name(), "address", "深圳市福田区市场街8号",
                        "taxId", "91440300MA5F0XYZ1K"),
                "purchaseOrderNumber", "PO-F-" + i,
                "lines", List.of(Map.of("description", "液压泵", "quantity", "1", "unitPrice", money(total(i)))),
                "tax", money(BigDecimal.ZERO.setScale(2)), "total", money(total(i)), "dueDate", due.toString());
        String id = send("invoice-service", tenant.erp, "/api/v1/invoices", invoice, "invoice-" + tenant.id + "-" + i)
                .get("id").asText();
        issued.incrementAndGet();
        if (payment(i).signum() > 0) {
            send("invoice-service", tenant.erp, "/api/v1/payments", Map.of("buyerId", buyer.id(),
                    "amount", money(payment(i)), "receivedOn", Api.today().toString(), "reference", "F-" + i,
                    "allocations", List.of(Map.of("invoiceId", id, "amount", money(payment(i))))),
                    "payment-" + tenant.id + "-" + i);
            paid.incrementAndGet();
        }
    }

    /** The operator runs collections' dunning for {@code asOf} until its run has completed (a fault may cut a run; the door resumes it). */
    void dunningRun(LocalDate asOf) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = post("collections-service", operator,
                    "/api/v1/admin/jobs/dunning-run?asOf=" + asOf, null, null);
            if (r != null && r.statusCode() == 200 && "COMPLETED".equals(read(r).path("status").asText())) {
                return;
            }
            retries.incrementAndGet();
            Api.sleep(r != null && r.statusCode() == 202 ? 5000 : 2000);
        }
        throw new AssertionError("dunning run of " + asOf + " not completed within " + GIVE_UP_AFTER);
    }

    private JsonNode send(String service, String token, String path, Map<String, Object> body, String key) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = post(service, token, path, body, key);
            if (last != null && last.statusCode() / 100 == 2) {
                return read(last);
            }
            if (last != null && last.statusCode() / 100 == 4 && !List.of(408, 409, 429).contains(last.statusCode())) {
                throw new AssertionError(path + " answered " + last.statusCode() + ": " + last.body());
            }
            retries.incrementAndGet();
            Api.sleep(1000);
        }
        throw new AssertionError(path + " (" + key + ") not accepted within " + GIVE_UP_AFTER + ", last: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }

    /** The answer, or null when nothing answered (the service is down). */
    private static HttpResponse<String> post(String service, String token, String path, Object body, String key) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Platform.harness().url(service) + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + r.body(), e);
        }
    }

    private static Map<String, Object> money(BigDecimal amount) {
        return Map.of("amount", amount.toPlainString(), "currency", "CNY");
    }

}
