package io.tradecredit.collections.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.PostgresTestResource;
import io.tradecredit.testing.Topics;

/** {@link CollectionCases} on the embedded PostgreSQL and Kafka: the use cases the run, REST and agencies share. */
@QuarkusTest
class CollectionCasesTest {
    @Inject
    CollectionCases cases;

    static LocalDate today() {
        return PlatformZone.today();
    }

    static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aBuyerHasOneOpenCaseWhoeverOpensItAndItIsLoggedAndPublished() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        assertTrue(await(() -> cases.openCaseOf(tenant, buyer)).isEmpty());

        CaseView opened = await(() -> cases.openFor(tenant, buyer, today(), "dunning-run"));
        assertEquals(CaseState.OPEN, opened.state());
        assertEquals(buyer, opened.buyerId());
        CaseView again = await(() -> cases.openFor(tenant, buyer, today().plusDays(1), "lena"));
        assertEquals(opened.id(), again.id());
        assertEquals(opened.id(), await(() -> cases.openCaseOf(tenant, buyer)).orElseThrow().id());
        assertEquals(today(), await(() -> cases.find(tenant, opened.id())).current().openedOn());

        List<Activity> log = await(() -> cases.activities(tenant, opened.id()));
        assertEquals(1, log.size());
        assertEquals("case-opened", log.get(0).kind());
        assertEquals("dunning-run", log.get(0).actor());

        JsonNode event = eventOf(opened.id(), "io.tradecredit.collections.case-opened.v1");
        assertEquals(buyer.toString(), event.get("buyerId").asText());
        assertEquals("dunning-run", event.get("openedBy").asText());
    }

    @Test
    void aMoveFollowsTheCaseRulesIsLoggedAndPublishedAndAClosedCaseMakesWayForANewOne() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        CaseView opened = await(() -> cases.openFor(tenant, buyer, today(), "dunning-run"));

        CaseView moved = await(() -> cases.move(tenant, opened.id(), CaseState.IN_PROGRESS, "lena", "called twice"));
        assertEquals(CaseState.IN_PROGRESS, moved.state());
        assertEquals(CaseState.IN_PROGRESS, await(() -> cases.find(tenant, opened.id())).state());
        DomainError refused = assertThrows(DomainError.class,
                () -> await(() -> cases.move(tenant, opened.id(), CaseState.OPEN, "lena", null)));
        assertEquals("case.move-not-allowed", refused.code());

        Activity change = await(() -> cases.activities(tenant, opened.id())).get(1);
        assertEquals("state-changed", change.kind());
        assertEquals(Map.of("from", "OPEN", "to", "IN_PROGRESS", "note", "called twice"), change.detail());
        JsonNode event = eventOf(opened.id(), "io.tradecredit.collections.case-state-changed.v1");
        assertEquals("OPEN", event.get("from").asText());
        assertEquals("IN_PROGRESS", event.get("to").asText());
        assertEquals("lena", event.get("by").asText());

        // nothing is overdue in the read model for this buyer, so it may close as paid
        CaseView closed = await(() -> cases.close(tenant, opened.id(), CloseReason.PAID, "lena", null));
        assertEquals(CloseReason.PAID, closed.closeReason());
        assertEquals("PAID", eventOf(opened.id(), "io.tradecredit.collections.case-closed.v1").get("closeReason").asText());
        assertTrue(await(() -> cases.openCaseOf(tenant, buyer)).isEmpty());
        CaseView next = await(() -> cases.openFor(tenant, buyer, today(), "dunning-run"));
        assertTrue(!next.id().equals(opened.id()), "a buyer overdue again gets a new case");
    }

    @Test
    void ownerNextActionAndNotesAreLoggedInOrder() {
        String tenant = freshTenant();
        CaseView opened = await(() -> cases.openFor(tenant, UUID.randomUUID(), today(), "dunning-run"));
        assertEquals("lena", await(() -> cases.assign(tenant, opened.id(), "lena", "boss")).owner());
        assertEquals(today().plusDays(2),
                await(() -> cases.planNextAction(tenant, opened.id(), today().plusDays(2), "lena")).nextActionOn());
        await(() -> cases.log(tenant, opened.id(), "note", "lena", Map.of("text", "buyer on holiday")));
        List<Activity> log = await(() -> cases.activities(tenant, opened.id()));
        assertEquals(List.of("case-opened", "owner-assigned", "next-action-planned", "note"),
                log.stream().map(Activity::kind).toList());
        assertEquals(Map.of("text", "buyer on holiday"), log.get(3).detail());
        assertEquals(2, await(() -> cases.find(tenant, opened.id())).version());
    }

    /**
     * A consumer's change of a case (a failed message's status plans the next action) that commits
     * while a collector's move is under way: the move waits for it and is made on the case as it
     * then stands. It was refused (409 case.changed-meanwhile): the move read the case before the
     * other change committed and found its version gone when it wrote.
     */
    @Test
    void aMoveWaitsForAChangeMadeMeanwhileAndKeepsIt() throws Exception {
        String tenant = freshTenant();
        CaseView opened = await(() -> cases.openFor(tenant, UUID.randomUUID(), today(), "dunning-run"));
        try (Connection other = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres")) {
            other.setAutoCommit(false);
            try (PreparedStatement planned = other.prepareStatement("update collection_case set next_action_on = ?,"
                    + " version = version + 1 where tenant_id = ? and id = ?")) {
                planned.setObject(1, today().plusDays(3));
                planned.setString(2, tenant);
                planned.setObject(3, opened.id());
                assertEquals(1, planned.executeUpdate());
            }
            long otherPid;
            try (var pid = other.createStatement().executeQuery("select pg_backend_pid()")) {
                pid.next();
                otherPid = pid.getLong(1);
            }
            CompletableFuture<CaseView> move = CompletableFuture.supplyAsync(
                    () -> await(() -> cases.move(tenant, opened.id(), CaseState.IN_PROGRESS, "lena", "called")));
            // the move has reached the case and waits on the other change's lock: only now is its commit "meanwhile"
            // (after a fixed pause, a move slower to start read the case after the commit and proved nothing)
            ReadModelEvents.await("the move blocked by the other change", () -> Database.count(
                    "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))", (int) otherPid) == 1);
            assertFalse(move.isDone(), "the move waits for the other change");
            other.commit();
            CaseView moved = move.get(30, TimeUnit.SECONDS);
            assertEquals(CaseState.IN_PROGRESS, moved.state());
            assertEquals(today().plusDays(3), moved.nextActionOn(), "the other change is kept");
            assertEquals(2, await(() -> cases.find(tenant, opened.id())).version());
        }
    }

    @Test
    void anotherTenantsCaseIsNotFound() {
        String owner = freshTenant();
        CaseView opened = await(() -> cases.openFor(owner, UUID.randomUUID(), today(), "dunning-run"));
        String other = freshTenant();
        for (Supplier<Uni<?>> call : List.<Supplier<Uni<?>>>of(() -> cases.find(other, opened.id()),
                () -> cases.move(other, opened.id(), CaseState.IN_PROGRESS, "x", null),
                () -> cases.log(other, opened.id(), "note", "x", Map.of()),
                () -> cases.activities(other, opened.id()))) {
            DomainError e = assertThrows(DomainError.class, () -> await(call));
            assertEquals(DomainError.Kind.NOT_FOUND, e.kind());
        }
        assertTrue(await(() -> cases.openCaseOf(other, opened.buyerId())).isEmpty());
        assertEquals(1, await(() -> cases.activities(owner, opened.id())).size());
    }

    static JsonNode eventOf(UUID caseId, String type) {
        List<ConsumerRecord<String, String>> read = Topics.read("collection-cases", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> matches(r, caseId, type)));
        return Contracts.assertValid(read.stream().filter(r -> matches(r, caseId, type)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " for case " + caseId)));
    }

    private static boolean matches(ConsumerRecord<String, String> r, UUID caseId, String type) {
        return caseId.toString().equals(r.key()) && type.equals(Topics.header(r, "ce_type"));
    }

    @SuppressWarnings("unchecked")
    static <T> T await(Supplier<? extends Uni<? extends T>> work) {
        try {
            return (T) VertxContextSupport.subscribeAndAwait(() -> (Uni<T>) work.get());
        } catch (DomainError e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
