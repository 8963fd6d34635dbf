package io.tradecredit.collections.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.collections.persistence.DunningRunStore;
import io.tradecredit.collections.persistence.RunBatchRows.BuyerKey;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.testing.Database;

/**
 * A batch of the daily run is bounded by open invoices, not buyers (a buyer with thousands of
 * invoices must not take the heap with it): the next buyers in key order whose open invoices fit
 * the batch, a buyer with more than a batch alone, and a buyer never split over two batches.
 */
@QuarkusTest
class DunningRunBatchTest {
    @Inject
    DunningRunStore store;

    @Test
    void aBatchTakesTheNextBuyersWhoseOpenInvoicesFitAndABuyerWithMoreIsABatchAlone() throws Throwable {
        // "0-" sorts before every other test's tenant ("t-...", "acme"): the run's first batches are this tenant's
        String tenant = "0-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> buyers = Stream.generate(() -> UUID.randomUUID().toString()).limit(5).sorted().toList();
        int[] open = {2, 1, 5, 1, 1};
        for (int b = 0; b < buyers.size(); b++) {
            invoices(tenant, buyers.get(b), open[b], "OPEN");
        }
        invoices(tenant, buyers.get(0), 4, "PAID"); // not open: not counted
        LocalDate runDate = LocalDate.of(2045, 1, 2).plusDays((long) (Math.random() * 3000));

        // batches of 3 invoices: 2 + 1; then 5 (more than a batch: alone); then 1 + 1 + whatever follows
        assertEquals(List.of(buyers.get(0), buyers.get(1)), claim(runDate, tenant));
        assertEquals(List.of(buyers.get(2)), claim(runDate, tenant));
        assertEquals(List.of(buyers.get(3), buyers.get(4)), claim(runDate, tenant));
        assertEquals(5, Database.count("select count(*) from dunning_run_buyer where run_date = ? and tenant_id = ?",
                runDate, tenant), "every buyer claimed once");
    }

    @Test
    void aBatchAfterTheLastBuyerOfOneNotYetCommittedTakesTheBuyersAfterItInKeyOrder() throws Throwable {
        String tenant = "0-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> buyers = Stream.generate(() -> UUID.randomUUID().toString()).limit(4).sorted().toList();
        buyers.forEach(b -> invoices(tenant, b, 1, "OPEN"));
        LocalDate runDate = LocalDate.of(2045, 1, 2).plusDays((long) (Math.random() * 3000));

        // the batch before it claimed the first buyer and has not committed (nothing in dunning_run_buyer)
        List<BuyerKey> claimed = VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> store.claimNext(
                runDate, 2, OffsetDateTime.now(), new BuyerKey(tenant, UUID.fromString(buyers.get(0))))));
        assertEquals(List.of(buyers.get(1), buyers.get(2)), claimed.stream().map(k -> k.buyerId().toString()).toList(),
                "the two buyers after it, in key order (the last is where the batch after starts)");
        assertEquals(0, Database.count("select count(*) from dunning_run_buyer where run_date = ? and tenant_id = ?"
                + " and buyer_id = ?::uuid", runDate, tenant, buyers.get(0)), "the buyer before the key is not taken");
    }

    /** The next batch's buyers of {@code tenant} in key order, claimed in a transaction of its own (3 invoices a batch). */
    private List<String> claim(LocalDate runDate, String tenant) throws Throwable {
        List<BuyerKey> claimed = VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(
                () -> store.claimNext(runDate, 3, OffsetDateTime.now())));
        return claimed.stream().filter(k -> k.tenantId().equals(tenant)).map(k -> k.buyerId().toString()).sorted().toList();
    }

    private static void invoices(String tenant, String buyer, int count, String state) {
        Database.execute("""
                insert into open_invoice (tenant_id, invoice_id, buyer_id, invoice_number, purchase_order_number,
                    buyer_name, currency, total, open_amount, disputed_amount, collectible_amount, issue_date,
                    due_date, payment_terms, state, updated_at)
                select ?, gen_random_uuid(), ?::uuid, 'B-' || g || '-' || ?, 'PO-1', 'Globex', 'CNY', 100, 100, 0, 100,
                    date '2045-01-01', date '2045-02-01', '30 days net', ?, now()
                from generate_series(1, ?) g""", tenant, buyer, state, state, count);
    }
}
