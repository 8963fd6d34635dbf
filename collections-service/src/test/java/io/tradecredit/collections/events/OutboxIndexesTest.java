package io.tradecredit.collections.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.common.events.OutboxRelay;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * The outbox keeps only the indexes its relay and cleanup need (V21): each of a run's events costs an entry in
 * every index on insert, and in every index keyed on {@code sent_at} again when it is marked sent. Without
 * {@code outbox_unsent_by_aggregate} the relay still publishes a backlog larger than a round (500) with each
 * aggregate's events in order.
 */
@QuarkusTest
class OutboxIndexesTest {
    private static final String TOPIC = "notification-requests";

    @Inject
    OutboxRelay relay;

    @Test
    void onlyTheKeyTheEventIdAndTheUnsentRowsAreIndexed() {
        assertEquals(3, Database.count("select count(*) from pg_indexes where tablename = 'outbox'"));
        assertEquals(3, Database.count("select count(*) from pg_indexes where tablename = 'outbox'"
                + " and indexname in ('outbox_pkey', 'outbox_event_id_key', 'outbox_unsent_by_seq')"));
    }

    @Test
    void aBacklogOfSeveralRoundsIsPublishedInOrderPerAggregate() {
        String tenant = "outbox-" + UUID.randomUUID();
        relay.pause();
        try {
            // 1,200 events of three buyers interleaved: more than two rounds, each buyer's spread over all of them
            Database.execute("insert into outbox (event_id, tenant_id, topic, aggregate_type, aggregate_id, event_type,"
                    + " payload, occurred_at) select gen_random_uuid(), ?, ?, 'buyer', ? || (n % 3),"
                    + " 'io.tradecredit.collections.test-event.v1', '{\"n\":' || n || '}', now()"
                    + " from generate_series(0, 1199) n order by n", tenant, TOPIC, tenant + "/b");
        } finally {
            relay.resume();
        }

        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        Topics.read(TOPIC, Duration.ofSeconds(60), rs -> {
            mine.clear();
            rs.stream().filter(r -> tenant.equals(Topics.header(r, "ce_tenantid"))).forEach(mine::add);
            return mine.size() >= 1_200;
        });
        assertEquals(1_200, mine.size(), "every event published once");
        Map<String, List<Integer>> byBuyer = mine.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> Integer.valueOf(r.value().replaceAll("\\D", "")), Collectors.toList())));
        assertEquals(3, byBuyer.size());
        byBuyer.forEach((buyer, numbers) -> assertEquals(numbers.stream().sorted(Comparator.naturalOrder()).toList(),
                numbers, buyer + "'s events in the order they were recorded"));
        assertEquals(0, Database.count("select count(*) from outbox where tenant_id = ? and sent_at is null", tenant),
                "every row marked sent");
    }
}
