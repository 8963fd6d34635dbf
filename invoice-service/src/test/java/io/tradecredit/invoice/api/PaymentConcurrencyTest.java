package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.VIEWER_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.invoice;
import static io.tradecredit.invoice.InvoiceFixtures.issue;
import static io.tradecredit.invoice.PaymentFixtures.allocation;
import static io.tradecredit.invoice.PaymentFixtures.payment;
import static io.tradecredit.invoice.PaymentFixtures.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Database;

/** Payments racing for the same invoices: the invoice locks make them take turns. */
@QuarkusTest
class PaymentConcurrencyTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 9, 15);
    static final String RECEIVED = "2026-11-20";

    /** Runs the calls all at once (released together) and returns their HTTP statuses. */
    static List<Integer> race(int n, Supplier<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenConcurrentPaymentsOf300AgainstOneInvoiceOf1243NeverOverAllocate() throws Exception {
        UUID buyer = UUID.randomUUID();
        String inv = issue(invoice(buyer, ISSUED, LocalDate.of(2026, 10, 15)));
        Map<String, Object> pay300 = payment(buyer, "300.00", RECEIVED, List.of(allocation(inv, "300.00")));

        List<Integer> statuses = race(10, () -> post(FINANCE_ACME, pay300).extract().statusCode());

        // 4 x 300.00 = 1,200.00 fit into 1,243.00; a fifth would need 1,500.00
        assertEquals(4, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(6, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + inv).then()
                .body("amounts.paid.amount", equalTo("1200.00"), "amounts.open.amount", equalTo("43.00"));
        assertEquals(1200, Database.count("select sum(amount) from allocation where invoice_id = ?::uuid", inv));
        assertEquals(1200, Database.count("select sum(amount) from ledger_entry where invoice_id = ?::uuid", inv));
        assertEquals(4, Database.count("select count(*) from payment where buyer_id = ?", buyer));
    }

    @Test
    void concurrentOldestFirstPaymentsNeverPayMoreThanTheTotalAndKeepTheExcessAsCredit() throws Exception {
        UUID buyer = UUID.randomUUID();
        String a = issue(invoice(buyer, ISSUED, LocalDate.of(2026, 10, 15)));
        String b = issue(invoice(buyer, ISSUED, LocalDate.of(2026, 11, 15)));
        Map<String, Object> pay400 = payment(buyer, "400.00", RECEIVED, null);

        List<Integer> statuses = race(8, () -> post(FINANCE_ACME, pay400).extract().statusCode());

        // 8 x 400.00 = 3,200.00 against 2 x 1,243.00 = 2,486.00: 714.00 becomes credit
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
        for (String inv : List.of(a, b)) {
            given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + inv).then()
                    .body("status", equalTo("PAID"), "amounts.paid.amount", equalTo("1243.00"));
        }
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then()
                .body("balances[0].amount", equalTo("714.00"));
        assertEquals(2486, Database.count("select sum(a.amount) from allocation a join payment p on p.id = a.source_id"
                + " where p.buyer_id = ?", buyer));
        assertEquals(714, Database.count("select sum(credit_remaining) from payment where buyer_id = ?", buyer));
    }
}
