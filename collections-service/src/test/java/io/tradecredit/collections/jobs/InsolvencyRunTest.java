package io.tradecredit.collections.jobs;

import static io.tradecredit.collections.jobs.RunFixtures.CASES;
import static io.tradecredit.collections.jobs.RunFixtures.REQUESTS;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.issue;
import static io.tradecredit.collections.jobs.RunFixtures.records;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static io.tradecredit.collections.jobs.WithdrawalRunTest.REQUESTED;
import static io.tradecredit.collections.jobs.WithdrawalRunTest.WITHDRAWAL;
import static io.tradecredit.collections.jobs.WithdrawalRunTest.ofType;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * A buyer credit-service blocks for an insolvency filing gets no more dunning messages (docs/collections-service.md,
 * "Insolvency"), through the real credit-events, notification-requests and collection-cases topics. Until session 35
 * the run went on: the demo's 厦门鹭岛工贸 got a formal demand and a friendly reminder after its filing.
 */
@QuarkusTest
class InsolvencyRunTest {
    static final String CREDIT = "credit";

    @Inject
    CollectionCases cases;

    @Test
    void aBlockForInsolvencyWithdrawsTheReminderSkipsTheNextMessagesAndAnUnblockResumesTheLadder() throws Throwable {
        LocalDate due = LocalDate.of(2048, 3, 16); // a Monday, as its friendly reminder's day
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        issue(tenant, buyer, "3000.00", due);
        runCompleted(due.minusDays(7));
        String reminder = records(REQUESTS, tenant, 1).get(0).key();
        CaseView open = VertxContextSupport.subscribeAndAwait(() -> cases.openFor(tenant, UUID.fromString(buyer), due,
                "lena"));

        ReadModelEvents.send(tenant, buyer, CREDIT, "buyer-blocked", UUID.randomUUID().toString(), blocked(buyer));
        List<ConsumerRecord<String, String>> sent = records(REQUESTS, tenant, 2);
        List<ConsumerRecord<String, String>> withdrawals = ofType(sent, WITHDRAWAL);
        assertEquals(1, withdrawals.size());
        assertEquals(reminder, withdrawals.get(0).key());
        assertEquals("buyer in insolvency proceedings",
                WithdrawalRunTest.JSON.readTree(withdrawals.get(0).value()).at("/reason").asText());
        Activity logged = VertxContextSupport.subscribeAndAwait(() -> cases.activities(tenant, open.id())).stream()
                .filter(a -> a.kind().equals("message-withdrawn")).findFirst().orElseThrow();
        assertEquals(Map.of("requestId", reminder, "reason", "buyer in insolvency proceedings"), logged.detail());
        assertEquals("credit-service", logged.actor());

        // on the due date the SMS reminder and the payment request are due: neither is sent
        runCompleted(due);
        assertEquals(1, ofType(records(REQUESTS, tenant, 2), REQUESTED).size(), "no message after the block");
        assertEquals(2, Database.count("select count(*) from dunning_step_log where tenant_id = ? and run_date = ?"
                + " and outcome = 'SKIPPED' and skip_reason = 'BUYER_INSOLVENT'", tenant, due));
        JsonNode steps = WithdrawalRunTest.JSON.readTree(stepTaken(tenant, due).value()).get("steps");
        assertEquals(List.of("reminder SKIPPED BUYER_INSOLVENT", "payment-request SKIPPED BUYER_INSOLVENT"),
                StreamSupport.stream(steps.spliterator(), false).map(s -> s.get("stepKey").asText() + " "
                        + s.get("outcome").asText() + " " + s.get("skipReason").asText()).toList());

        // the filing dismissed: the next run sends one payment request, the reminder superseded by it
        ReadModelEvents.send(tenant, buyer, CREDIT, "buyer-unblocked", UUID.randomUUID().toString(), unblocked(buyer));
        ReadModelEvents.await("unblocked", () -> Database.count("select count(*) from buyer where tenant_id = ?"
                + " and buyer_id = ?::uuid and not insolvent and not blocked", tenant, buyer) == 1);
        runCompleted(due.plusDays(1));
        List<ConsumerRecord<String, String>> requested = ofType(records(REQUESTS, tenant, 3), REQUESTED);
        assertEquals(2, requested.size());
        assertEquals("dunning.payment-request",
                WithdrawalRunTest.JSON.readTree(requested.get(1).value()).at("/templateKey").asText());
    }

    /**
     * Approval mode: the run drafts the due date's messages of 3,000.00; credit-service then blocks the buyer for an
     * insolvency filing; a collector approves each draft: it is discarded, "buyer in insolvency proceedings", logged in
     * the buyer's case, and nothing goes to notification-service. Until session 35 the draft was sent.
     */
    @Test
    void aDraftApprovedAfterTheBuyerEnteredInsolvencyIsDiscardedAndNothingIsSent() throws Throwable {
        LocalDate due = LocalDate.of(2058, 3, 18); // a Monday
        String tenant = freshTenant();
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", true))
                .put("/api/v1/dunning/settings").then().statusCode(200);
        String buyer = UUID.randomUUID().toString();
        issue(tenant, buyer, "3000.00", due);
        runCompleted(due);
        String collector = Tokens.tenant(tenant).roles("collector").subject("max").mint();
        List<String> drafts = given().auth().oauth2(collector).get("/api/v1/dunning/drafts?state=PENDING").then()
                .statusCode(200).extract().path("items.id");
        assertFalse(drafts.isEmpty(), "the run drafted the due date's messages");
        CaseView open = VertxContextSupport.subscribeAndAwait(() -> cases.openFor(tenant, UUID.fromString(buyer), due,
                "lena"));

        ReadModelEvents.send(tenant, buyer, CREDIT, "buyer-blocked", UUID.randomUUID().toString(), blocked(buyer));
        ReadModelEvents.await("blocked for insolvency", () -> Database.count("select count(*) from buyer where tenant_id = ?"
                + " and buyer_id = ?::uuid and insolvent", tenant, buyer) == 1);

        for (String draft : drafts) {
            given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + draft + "/approve").then().statusCode(200)
                    .body("state", equalTo("DISCARDED"), "reason", equalTo("buyer in insolvency proceedings"));
        }
        assertEquals(List.of(), records(REQUESTS, tenant, 0), "nothing on notification-requests");
        assertEquals(0, Database.count("select count(*) from dunning_request where tenant_id = ?", tenant), "nothing requested");
        List<Activity> logged = VertxContextSupport.subscribeAndAwait(() -> cases.activities(tenant, open.id())).stream()
                .filter(a -> a.kind().equals("draft-discarded")).toList();
        assertEquals(drafts.stream().map(d -> Map.of("draftId", d, "reason", "buyer in insolvency proceedings")).toList(),
                logged.stream().map(Activity::detail).toList());
        assertEquals("max", logged.get(0).actor());
    }

    private static ConsumerRecord<String, String> stepTaken(String tenant, LocalDate runDate) {
        return records(CASES, tenant, 2).stream().filter(r -> {
            try {
                return WithdrawalRunTest.JSON.readTree(r.value()).path("runDate").asText().equals(runDate.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
    }

    private static Map<String, Object> blocked(String buyer) {
        Map<String, Object> m = ReadModelEvents.buyerBlocked(buyer, "厦门鹭岛工贸有限公司");
        m.put("cause", "INSOLVENCY");
        return m;
    }

    private static Map<String, Object> unblocked(String buyer) {
        Map<String, Object> m = new HashMap<>();
        m.put("buyerId", buyer);
        m.put("buyerName", "厦门鹭岛工贸有限公司");
        m.put("blockReason", "insolvency filing");
        m.put("reason", "filing dismissed");
        m.put("liftedBy", "credit-manager@acme");
        m.put("liftedAt", OffsetDateTime.now().toString());
        return m;
    }
}
