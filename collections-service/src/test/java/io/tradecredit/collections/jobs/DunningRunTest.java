package io.tradecredit.collections.jobs;

import static io.tradecredit.collections.jobs.RunFixtures.REQUESTS;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.issue;
import static io.tradecredit.collections.jobs.RunFixtures.records;
import static io.tradecredit.collections.jobs.RunFixtures.run;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.tradecredit.collections.app.AgencyPlacements;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.testing.Database;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * The daily run through the job door on the embedded PostgreSQL and Kafka. Each test runs dates
 * of its own year: a date is run once for good.
 */
@QuarkusTest
class DunningRunTest {
    @Inject
    CollectionCases cases;

    @Inject
    AgencyPlacements placements;

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRunKilledInTheMiddleAndRunAgainTakesNothingTwiceAndAfterTenDaysDownSendsOneMessagePerChannel()
            throws Exception {
        LocalDate due = LocalDate.of(2032, 6, 7);
        LocalDate asOf = due.plusDays(10);
        String tenant = freshTenant();
        List<String> buyers = Stream.generate(() -> UUID.randomUUID().toString()).limit(5).sorted().toList();
        buyers.forEach(b -> issue(tenant, b, "8000.00", due));
        // the last buyer's work fails: its batch rolls back, the batches before it stay committed
        RecordingStepWork.FAIL_FOR.add(UUID.fromString(buyers.get(4)));
        try {
            run(asOf).statusCode(500);
        } finally {
            RecordingStepWork.FAIL_FOR.clear();
        }
        assertEquals(1, Database.count("select count(*) from job_run where job = 'dunning-run' and as_of = ?"
                + " and status = 'FAILED'", asOf));
        long doneBefore = Database.count("select count(distinct buyer_id) from dunning_step_log where tenant_id = ?", tenant);
        assertTrue(doneBefore >= 2 && doneBefore < 5, "the batches before the failure committed: " + doneBefore);

        run(asOf).statusCode(200).body("status", equalTo("COMPLETED"), "attempts", equalTo(2));

        // every buyer: five steps once each; the three lower messages superseded by the formal demand
        for (String b : buyers) {
            assertEquals(5, Database.count("select count(*) from dunning_step_log where tenant_id = ? and buyer_id = ?::uuid",
                    tenant, b), b);
            assertEquals(3, Database.count("select count(*) from dunning_step_log where tenant_id = ? and buyer_id = ?::uuid"
                    + " and outcome = 'SUPERSEDED' and superseded_by = 'formal-demand'", tenant, b));
        }
        assertEquals(10, RunFixtures.logged(tenant, "TAKEN"));
        // one message per buyer and channel: the formal demand by email and by letter, ten in all, once each
        List<ConsumerRecord<String, String>> requests = records(REQUESTS, tenant, 10);
        assertEquals(10, requests.size());
        Map<String, List<String>> byBuyer = requests.stream().map(r -> read(r.value())).collect(Collectors.groupingBy(
                r -> r.at("/recipient/buyerId").asText(), Collectors.mapping(r -> r.get("templateKey").asText() + "/"
                        + r.get("channel").asText(), Collectors.toList())));
        for (String b : buyers) {
            assertEquals(List.of("dunning.formal-demand/EMAIL", "dunning.formal-demand/LETTER"),
                    byBuyer.get(b).stream().sorted().toList(), b);
        }
        // the collector's call of +3 handed to the work beans, for every buyer
        for (String b : buyers) {
            assertTrue(RecordingStepWork.TAKEN.stream().anyMatch(o -> o.buyerId().toString().equals(b)
                    && o.stepKey().equals("reason-call") && o.action().kind() == DunningAction.Kind.COLLECTOR_TASK
                    && o.runDate().equals(asOf)), b);
        }
    }

    @Test
    void aPaymentBetweenTwoRunsCancelsTheNextReminder() {
        LocalDate due = LocalDate.of(2033, 4, 6);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "3000.00", due);
        runCompleted(due.minusDays(7));
        assertEquals(1, records(REQUESTS, tenant, 1).size(), "the friendly reminder");

        ReadModelEvents.invoice(tenant, buyer, "payment-received", ReadModelEvents.payment("payment-received", buyer,
                invoice, "3000.00", "0.00"));
        ReadModelEvents.invoice(tenant, buyer, "paid", ReadModelEvents.paid(buyer, invoice, "3000.00", due));
        ReadModelEvents.await("the invoice paid", () -> Database.count("select count(*) from open_invoice where"
                + " tenant_id = ? and state = 'PAID'", tenant) == 1);
        runCompleted(due.minusDays(3));

        List<ConsumerRecord<String, String>> sent = records(REQUESTS, tenant, 0);
        assertEquals(List.of("io.tradecredit.notification.message-requested.v1",
                "io.tradecredit.notification.withdrawal-requested.v1"), sent.stream()
                .map(r -> io.tradecredit.testing.Topics.header(r, "ce_type")).toList(),
                "no SMS reminder for a paid invoice; the friendly reminder withdrawn (WithdrawalRunTest)");
        assertEquals(0, Database.count("select count(*) from dunning_step_log where tenant_id = ? and step_key = 'reminder'",
                tenant));
    }

    @Test
    void theDisputedPartIsNotDunnedWhileTheUndisputedPartIsAndTwoInvoicesMakeOneLetterAtTheHigherStep() throws Exception {
        LocalDate due = LocalDate.of(2034, 5, 3);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String partly = issue(tenant, buyer, "10000.00", due);
        String wholly = issue(tenant, buyer, "5000.00", due);
        // a week older: at its formal demand when the others are at their payment request
        String other = issue(tenant, buyer, "2500.00", due.minusDays(7));
        ReadModelEvents.invoice(tenant, buyer, "dispute-opened", ReadModelEvents.disputeOpened(buyer, partly,
                UUID.randomUUID().toString(), "4000.00", "10000.00", "6000.00", due));
        ReadModelEvents.invoice(tenant, buyer, "dispute-opened", ReadModelEvents.disputeOpened(buyer, wholly,
                UUID.randomUUID().toString(), "5000.00", "5000.00", "0.00", due));
        ReadModelEvents.await("both disputes", () -> Database.count("select count(*) from open_invoice where"
                + " tenant_id = ? and disputed_amount > 0", tenant) == 2);

        runCompleted(due);

        // one letter at the highest step, listing the undisputed part and the other invoice, not the disputed one
        List<ConsumerRecord<String, String>> requests = records(REQUESTS, tenant, 2);
        assertEquals(2, requests.size(), "the formal demand by email (the older invoice) and one letter");
        List<JsonNode> letters = requests.stream().map(r -> read(r.value()))
                .filter(r -> r.get("channel").asText().equals("LETTER")).toList();
        assertEquals(1, letters.size());
        JsonNode letter = letters.get(0);
        assertEquals("dunning.formal-demand", letter.get("templateKey").asText());
        Map<String, String> listed = Stream.of(letter.at("/data/invoices/0"), letter.at("/data/invoices/1"))
                .collect(Collectors.toMap(i -> i.get("invoiceId").asText(), i -> i.at("/collectibleAmount/amount").asText()
                        + " of " + i.at("/openAmount/amount").asText()));
        assertEquals(Map.of(partly, "6000.00 of 10000.00", other, "2500.00 of 2500.00"), listed);
        assertEquals(2, letter.at("/data/invoices").size());
        // the payment request went out in that letter: the log keeps it as the prior message it was
        assertEquals(1, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and step_key = 'payment-request' and outcome = 'TAKEN' and template_key = 'dunning.formal-demand'"
                + " and channels = 'LETTER'", tenant, partly));
        assertEquals(3, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and outcome = 'SKIPPED' and skip_reason = 'DISPUTED'", tenant, wholly));
        List<ConsumerRecord<String, String>> events = records(RunFixtures.CASES, tenant, 1);
        assertEquals(1, events.size(), "one step-taken event for the buyer's run");
        JsonNode step = java.util.stream.StreamSupport.stream(read(events.get(0).value()).get("steps").spliterator(), false)
                .filter(st -> st.get("stepKey").asText().equals("payment-request") && st.get("outcome").asText().equals("TAKEN"))
                .findFirst().orElseThrow();
        // counted, not listed per invoice (v2): the taken payment request went out as the letter
        assertEquals(1, step.get("count").asInt(), step.toString());
        assertEquals(letter.get("requestId").asText(), step.at("/messageRequestIds/0").asText());
        assertEquals("io.tradecredit.collections.step-taken.v2", Topics.header(events.get(0), "ce_type"));
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tradecredit_dunning_steps_total{")
                && l.contains("outcome=\"skipped\"") && l.contains("reason=\"disputed\"")), "skips counted by reason");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tradecredit_dunning_items_scanned_total")));
    }

    /**
     * A catch-up after downtime runs a past date today: the run's move of a case to legal is dated by the run's date,
     * on the topic and in the case's log (until session 35 case-state-changed said the day of processing, so a claim
     * dossier showed OPEN → LEGAL on 2026-12-08 for the run of 2026-11-24 whose legal preparation it logged beside it).
     */
    @Test
    void aPastDatesRunDatesItsMoveToLegalOnTheRunDateNotTheDayItRan() throws Exception {
        LocalDate due = LocalDate.of(2024, 9, 2);
        LocalDate legal = BusinessCalendar.DEFAULT.stepDay(due, 60, BusinessCalendar.DayCount.CALENDAR_DAYS);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        issue(tenant, buyer, "9000.00", due);

        runCompleted(legal);

        List<JsonNode> moves = records(RunFixtures.CASES, tenant, 2).stream().filter(r -> Topics.header(r, "ce_type")
                .equals("io.tradecredit.collections.case-state-changed.v1")).map(r -> read(r.value())).toList();
        assertEquals(1, moves.size(), moves.toString());
        assertEquals("OPEN → LEGAL on " + legal + " by dunning-run", moves.get(0).get("from").asText() + " → "
                + moves.get(0).get("to").asText() + " on " + moves.get(0).get("on").asText() + " by "
                + moves.get(0).get("by").asText());
        assertEquals(1, Database.count("select count(*) from case_activity where tenant_id = ? and kind = 'state-changed'"
                + " and detail->>'to' = 'LEGAL' and detail->>'runDate' = ?", tenant, legal.toString()));
    }

    /**
     * The run of a past date's +180 step, the buyer's case with an agency: the agency is told it may take legal action
     * on the run's date (agency-case-instructed's on, on the agency's topic), and the case log's agency-instructed
     * says that date (until session 35 both were of the day the run was processed).
     */
    @Test
    void aPastDatesRunInstructsTheAgencyHoldingTheCaseOnTheRunDate() throws Throwable {
        LocalDate due = LocalDate.of(2024, 9, 2);
        LocalDate step180 = BusinessCalendar.DEFAULT.stepDay(due, 180, BusinessCalendar.DayCount.CALENDAR_DAYS);
        String tenant = freshTenant();
        String agency = "ag-" + UUID.randomUUID().toString().substring(0, 8);
        String buyer = UUID.randomUUID().toString();
        issue(tenant, buyer, "9000.00", due);
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/" + agency).then().statusCode(200);
        UUID caseId = VertxContextSupport.subscribeAndAwait(() -> cases.openFor(tenant, UUID.fromString(buyer), due, "lena")
                .chain(c -> placements.handOff(tenant, c.id(), agency, "lena", null, null).replaceWith(c.id())));

        runCompleted(step180);

        List<JsonNode> told = records(TopicNames.agencyCases(agency), tenant, 2).stream().filter(r -> Topics.header(r,
                "ce_type").equals("io.tradecredit.collections.agency-case-instructed.v1")).map(r -> read(r.value())).toList();
        assertEquals(1, told.size(), told.toString());
        assertEquals("agency.may-take-legal-action on " + step180, told.get(0).get("instruction").asText() + " on "
                + told.get(0).get("on").asText());
        assertEquals(1, Database.count("select count(*) from case_activity where tenant_id = ? and case_id = ?::uuid"
                + " and kind = 'agency-instructed' and detail->>'runDate' = ?", tenant, caseId.toString(), step180.toString()));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
