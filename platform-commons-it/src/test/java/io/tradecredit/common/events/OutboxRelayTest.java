package io.tradecredit.common.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.restassured.http.ContentType;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.testing.Database;
import io.vertx.mutiny.sqlclient.Pool;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

@QuarkusTest
class OutboxRelayTest {
    static final String ADMIN = Tokens.tenant("acme").roles("tenant-admin").mint();

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @ConfigProperty(name = "tradecredit.outbox.relay.connections")
    int relayConnections;

    @AfterEach
    void relayRunsAgain() {
        relay.resume();
    }

    @Test
    void eventWrittenWithStateChangeReachesKafkaOnceAsCloudEvent() {
        String id = createWidget("gear-" + UUID.randomUUID().toString().substring(0, 8), false).extract().path("id");

        List<ConsumerRecord<String, String>> mine = recordsFor(id, Duration.ofSeconds(15), 1);
        // keep reading a little: a second copy would show up now
        mine = recordsFor(id, Duration.ofSeconds(2), Integer.MAX_VALUE);
        assertEquals(1, mine.size(), "exactly one record for the widget");
        ConsumerRecord<String, String> r = mine.get(0);
        assertEquals(id, r.key(), "key is the aggregate id");
        assertEquals("1.0", Topics.header(r, "ce_specversion"));
        assertEquals("io.tradecredit.test.widget-created.v1", Topics.header(r, "ce_type"));
        assertEquals("acme", Topics.header(r, "ce_tenantid"));
        assertEquals("/tradecredit/commons-test", Topics.header(r, "ce_source"));
        assertEquals("application/json", Topics.header(r, "content-type"));
        assertTrue(r.value().contains("\"widgetId\":\"" + id + "\""), r.value());
        assertEquals(0, Database.count("select count(*) from outbox where aggregate_id = ? and sent_at is null", id));
    }

    /** An SRE tells the relay's connections from the service's own pool by the client name. */
    @Test
    void theRelaysConnectionsAreMeasuredUnderTheirOwnName() {
        createWidget("nut-" + UUID.randomUUID().toString().substring(0, 8), false);
        await().atMost(Duration.ofSeconds(15)).until(() -> relayQueries("outbox-relay") > 0);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().noneMatch(l -> l.startsWith("m__")), "no unnamed SQL client meters");
        assertTrue(relayQueries("<default>") > 0, "the service's own pool keeps its name");
    }

    private static double relayQueries(String client) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("postgresql_processing_seconds_count{")
                && l.contains("clientName=\"" + client + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void eventCommittedWhileRelayIsStoppedIsPublishedOnceAfterRestart() {
        relay.pause();
        String id = createWidget("sprocket", false).extract().path("id");
        assertEquals(1, Database.count("select count(*) from widget where id = ?::uuid", id), "state committed");
        assertEquals(1, Database.count("select count(*) from outbox where aggregate_id = ? and sent_at is null", id));
        assertTrue(recordsFor(id, Duration.ofSeconds(2), Integer.MAX_VALUE).isEmpty(), "nothing published while stopped");
        assertTrue(unsentGauge() >= 1, "the backlog gauge shows the waiting event");

        relay.resume();

        recordsFor(id, Duration.ofSeconds(15), 1);
        assertEquals(1, recordsFor(id, Duration.ofSeconds(2), Integer.MAX_VALUE).size());
        assertEquals(0, Database.count("select count(*) from outbox where aggregate_id = ? and sent_at is null", id));
    }

    /**
     * A round of the relay's drain under way when the relay is paused (here: run by hand after the pause) publishes nothing it locks: CI once
     * saw the event above published while the relay was paused, by a round that had started before the pause and locked
     * the row committed after it.
     */
    @Test
    void aRoundUnderWayWhenTheRelayIsPausedPublishesNothing() {
        relay.pause();
        String id = createWidget("cog", false).extract().path("id");
        assertEquals(0, relay.relayRound().await().atMost(Duration.ofSeconds(15)));
        assertEquals(1, Database.count("select count(*) from outbox where aggregate_id = ? and sent_at is null", id));
        assertTrue(recordsFor(id, Duration.ofSeconds(2), Integer.MAX_VALUE).isEmpty(), "nothing published while paused");
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String name = "rollback-" + UUID.randomUUID().toString().substring(0, 8);
        createWidget(name, true).statusCode(409);
        assertEquals(0, Database.count("select count(*) from widget where name = ?", name));
        assertEquals(0, Database.count("select count(*) from outbox where payload like ?", "%" + name + "%"));
        List<ConsumerRecord<String, String>> all = Topics.readFor("widget-events", Duration.ofSeconds(3));
        assertTrue(all.stream().noneMatch(r -> r.value().contains(name)), "no record of the rolled-back widget");
    }

    @Test
    void concurrentRelaysPublishEachRowOnceAndInOrderPerAggregate() throws Throwable {
        // two relay rounds racing stand for two replicas; 5 aggregates x 20 events each
        String run = UUID.randomUUID().toString().substring(0, 8);
        relay.pause();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int n = 0; n < 20; n++) {
                for (int a = 0; a < 5; a++) {
                    int step = n;
                    String aggregate = run + "-agg-" + a;
                    chain = chain.chain(() -> outbox.record(new OutgoingEvent("ordered-events",
                            "io.tradecredit.test.step.v1", "thing", aggregate, "acme", Map.of("step", step)))
                            .replaceWithVoid());
                }
            }
            return chain;
        }));

        VertxContextSupport.subscribeAndAwait(() -> Uni.combine().all().unis(drainAll(), drainAll()).discardItems());

        Topics.read("ordered-events", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> r.key().startsWith(run)).count() >= 100);
        Map<String, List<Integer>> steps = new HashMap<>();
        Topics.readFor("ordered-events", Duration.ofSeconds(1)).stream()
                .filter(r -> r.key().startsWith(run))
                .forEach(r -> steps.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(Integer.parseInt(r.value().replaceAll("\\D", ""))));
        assertEquals(5, steps.size());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        steps.forEach((aggregate, seen) -> assertEquals(expected, seen, aggregate + ": in order, once each"));
    }

    @Test
    void eventsArePublishedOnlyWhenTheirTransactionCommits() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<OutgoingEvent> committed = List.of(step(run + "-kept", 1), step(run + "-kept", 2), step(run + "-kept", 3));
        VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> outbox.record(committed)));
        Throwable undone = assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> CurrentTransaction.run(() -> outbox.record(List.of(step(run + "-lost", 1)))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("undo"))))));
        assertEquals("undo", undone.getMessage());
        Throwable outside = assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> outbox.record(List.of(step(run + "-loose", 1))))));
        assertTrue(outside.getMessage().contains("inside the transaction"), outside.getMessage());

        Topics.read("ordered-events", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> r.key().equals(run + "-kept")).count() >= 3);
        List<ConsumerRecord<String, String>> mine = Topics.readFor("ordered-events", Duration.ofSeconds(2)).stream()
                .filter(r -> r.key().startsWith(run)).toList();
        assertEquals(List.of("{\"step\":1}", "{\"step\":2}", "{\"step\":3}"),
                mine.stream().map(ConsumerRecord::value).toList(), "the committed events, once each, in order");
        assertEquals("acme", Topics.header(mine.get(0), "ce_tenantid"));
        assertEquals(0, Database.count("select count(*) from outbox where aggregate_id like ?", run + "-l%"));
    }

    @Test
    void aPayloadIsStoredAndPublishedAsTheJsonItsDataWrites() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8) + "-utf8";
        String facts = "{\"buyer\":\"Łódź Trading Sp. z o.o.\",\"city\":\"Zürich\",\"note\":\"東京 — ✓\"}";
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("step", 1);
        data.put("name", "Ørsted Ålesund");
        // a part written once as UTF-8 (as a dunning request's letter facts are), embedded as it is
        data.put("facts", RawJson.value(facts.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> outbox.record(new OutgoingEvent(
                "ordered-events", "io.tradecredit.test.step.v1", "thing", run, "acme", data))));

        String expected = "{\"step\":1,\"name\":\"Ørsted Ålesund\",\"facts\":" + facts + "}";
        assertEquals(1, Database.count("select count(*) from outbox where aggregate_id = ? and payload = ?", run, expected),
                "stored as the text it encodes");
        Topics.read("ordered-events", Duration.ofSeconds(20), rs -> rs.stream().anyMatch(r -> r.key().equals(run)));
        List<ConsumerRecord<String, String>> mine = Topics.readFor("ordered-events", Duration.ofSeconds(2)).stream()
                .filter(r -> r.key().equals(run)).toList();
        assertEquals(List.of(expected), mine.stream().map(ConsumerRecord::value).toList(), "published as stored");
    }

    @Test
    void anEventWithAFixedIdIsPublishedUnderThatIdAndRecordedOnlyOnce() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8) + "-fixed";
        UUID fixed = UUID.nameUUIDFromBytes(run.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> outbox.record(step(run, 1).withId(fixed))));
        // the same event again (a re-run of the day) cannot be recorded a second time
        assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> CurrentTransaction.run(() -> outbox.record(step(run, 1).withId(fixed)))));

        Topics.read("ordered-events", Duration.ofSeconds(20), rs -> rs.stream().anyMatch(r -> r.key().equals(run)));
        List<ConsumerRecord<String, String>> mine = Topics.readFor("ordered-events", Duration.ofSeconds(2)).stream()
                .filter(r -> r.key().equals(run)).toList();
        assertEquals(1, mine.size(), "published once");
        assertEquals(fixed.toString(), Topics.header(mine.get(0), "ce_id"), "the CloudEvent id is the fixed one");
    }

    @Test
    void anEventIsPublishedWhileRequestsHoldEveryPooledConnection() throws Throwable {
        int size = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.reactive.max-size", Integer.class).orElse(20);
        List<io.vertx.mutiny.sqlclient.SqlConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(pool.getConnection().await().atMost(Duration.ofSeconds(10)));
            }
            // the application's pool is exhausted: a relay on it would wait for the first request to finish
            String aggregate = UUID.randomUUID().toString().substring(0, 8) + "-starved";
            Database.execute("insert into outbox (event_id, tenant_id, topic, aggregate_type, aggregate_id, event_type,"
                    + " payload, occurred_at) values (?::uuid, 'acme', 'ordered-events', 'thing', ?,"
                    + " 'io.tradecredit.test.step.v1', '{\"step\":1}', now())", UUID.randomUUID().toString(), aggregate);

            List<ConsumerRecord<String, String>> seen = Topics.read("ordered-events", Duration.ofSeconds(15),
                    rs -> rs.stream().anyMatch(r -> aggregate.equals(r.key())));
            assertTrue(seen.stream().anyMatch(r -> aggregate.equals(r.key())), "published on the relay's own connections");
            assertEquals(0, Database.count("select count(*) from outbox where aggregate_id = ? and sent_at is null", aggregate));
        } finally {
            held.forEach(c -> c.closeAndAwait());
        }
    }

    @Test
    void theRelayPlansItsRoundOncePerConnectionNotOncePerRound() throws Throwable {
        for (int i = 0; i < 3; i++) {
            String id = createWidget("cog-" + UUID.randomUUID().toString().substring(0, 8), false).extract().path("id");
            recordsFor(id, Duration.ofSeconds(15), 1);
        }
        // every relay connection at once, each asked what it keeps prepared: a statement prepared per round
        // is closed after it, one cached stays for the connection's life
        List<Long> claimsKept = VertxContextSupport.subscribeAndAwait(() -> kept(new ArrayList<>()));
        assertEquals(relayConnections, claimsKept.size());
        assertTrue(claimsKept.stream().mapToLong(Long::longValue).sum() >= 1, "a round's claim kept prepared: " + claimsKept);
        assertTrue(claimsKept.stream().allMatch(n -> n <= 1), "and only once per connection: " + claimsKept);
    }

    @Test
    void theRelaysRoundKeepsOnePlanInsteadOfPlanningEveryRound() throws Throwable {
        // more rounds than PostgreSQL's five custom plans before it settles on a generic one per connection
        for (int i = 0; i < 6 * relayConnections; i++) {
            VertxContextSupport.subscribeAndAwait(() -> relay.publishBatch());
        }
        List<Long> generic = VertxContextSupport.subscribeAndAwait(() -> onEveryRelayConnection(new ArrayList<>(),
                "select coalesce(sum(generic_plans), 0) as n from pg_prepared_statements where statement like '%for update skip locked%'"));
        List<Long> custom = VertxContextSupport.subscribeAndAwait(() -> onEveryRelayConnection(new ArrayList<>(),
                "select coalesce(sum(custom_plans), 0) as n from pg_prepared_statements where statement like '%for update skip locked%'"));
        assertTrue(generic.stream().mapToLong(Long::longValue).sum() >= 6, "rounds run on the one plan: " + generic);
        // a bound limit ("limit $1") was planned for its value on every round: five custom plans at least
        assertEquals(0, custom.stream().mapToLong(Long::longValue).sum(), "no round planned anew: " + custom);
    }

    private Uni<List<Long>> kept(List<io.vertx.mutiny.sqlclient.SqlConnection> held) {
        return onEveryRelayConnection(held,
                "select count(*) as n from pg_prepared_statements where statement like '%for update skip locked%'");
    }

    /** {@code sql} (answering one number, n) on each of the relay's connections, all held at once. */
    private Uni<List<Long>> onEveryRelayConnection(List<io.vertx.mutiny.sqlclient.SqlConnection> held, String sql) {
        if (held.size() == relayConnections) {
            return io.smallrye.mutiny.Multi.createFrom().iterable(held).onItem().transformToUniAndConcatenate(c -> c
                    .query(sql).execute().map(rows -> rows.iterator().next().getLong("n"))).collect().asList()
                    .eventually(() -> held.forEach(io.vertx.mutiny.sqlclient.SqlConnection::closeAndForget));
        }
        return relay.relayPool().getConnection().chain(c -> {
            held.add(c);
            return onEveryRelayConnection(held, sql);
        });
    }

    private static OutgoingEvent step(String aggregate, int step) {
        return new OutgoingEvent("ordered-events", "io.tradecredit.test.step.v1", "thing", aggregate, "acme",
                Map.of("step", step));
    }

    private static double unsentGauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("tradecredit_outbox_unsent"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private Uni<Void> drainAll() {
        return relay.publishBatch().repeat().until(published -> published == 0).collect().last().replaceWithVoid();
    }

    private List<ConsumerRecord<String, String>> recordsFor(String aggregateId, Duration wait, int enough) {
        return Topics.read("widget-events", wait,
                rs -> rs.stream().filter(r -> aggregateId.equals(r.key())).count() >= enough)
                .stream().filter(r -> aggregateId.equals(r.key())).toList();
    }

    private io.restassured.response.ValidatableResponse createWidget(String name, boolean failAfterEvent) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .queryParam("failAfterEvent", failAfterEvent)
                .body("{\"name\":\"" + name + "\",\"quantity\":3}")
                .post("/api/v1/widgets").then();
    }

}
