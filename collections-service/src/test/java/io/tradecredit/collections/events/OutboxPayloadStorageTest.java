package io.tradecredit.collections.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Database;

/**
 * A large outbox payload (a consolidated letter's request lists every invoice) is kept as written,
 * not compressed on insert (V20): the run's PostgreSQL work per request is the write, not pglz.
 */
@QuarkusTest
class OutboxPayloadStorageTest {

    @Test
    void aLargePayloadIsStoredWholeAndUncompressed() {
        // 200 invoices of a letter: ~30 kB of very compressible JSON, well over the 2 kB at which PostgreSQL toasts
        String payload = IntStream.range(0, 200).mapToObj(i -> "{\"invoiceId\":\"" + UUID.randomUUID()
                + "\",\"invoiceNumber\":\"INV-" + i + "\",\"open\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"}}")
                .collect(Collectors.joining(",", "{\"invoices\":[", "]}"));
        UUID id = UUID.randomUUID();
        // already sent: the relay leaves it alone; the column's storage is what is under test
        Database.execute("insert into outbox (event_id, tenant_id, topic, aggregate_type, aggregate_id, event_type, payload,"
                + " occurred_at, sent_at) values (?, 'acme', 'notification-requests', 'buyer', 'b1',"
                + " 'io.tradecredit.collections.notification-requested.v1', ?, now(), now())", id, payload);

        assertEquals(1, Database.count("select count(*) from outbox where event_id = ? and payload = ?", id, payload),
                "read back as written");
        assertEquals(0, Database.count("select count(*) from outbox where event_id = ?"
                + " and pg_column_compression(payload) is not null", id), "not compressed");
    }
}
