package io.tradecredit.collections.jobs;

import static io.tradecredit.collections.jobs.RunFixtures.CASES;
import static io.tradecredit.collections.jobs.RunFixtures.REQUESTS;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.issue;
import static io.tradecredit.collections.jobs.RunFixtures.records;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * A payment plan through the real read model and the job door: invoice of CNY 3,000.00 due 5
 * January 2049, three interest-free instalments of 1,000.00 due 1 February, 1 March and 1 April.
 * Runs dates of 2049 only (a date is run once for good).
 */
@QuarkusTest
class PaymentPlanRunTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate DUE = LocalDate.of(2049, 1, 5);
    static final LocalDate FIRST = LocalDate.of(2049, 2, 1);
    static final LocalDate SECOND = LocalDate.of(2049, 3, 1);
    static final LocalDate THIRD = LocalDate.of(2049, 4, 1);

    @Test
    void theInstalmentsAreDunnedEachOnItsDateOnceAndABrokenPlanDunsTheRestFromTheBreak() {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "3000.00", DUE);
        String plan = agreed(tenant, buyer, invoice);

        // the dry run shows it first, naming the instalment, and writes nothing
        given().auth().oauth2(Tokens.tenant(tenant).roles("viewer").mint())
                .get("/api/v1/dunning/runs/preview?asOf=" + FIRST.minusDays(3) + "&buyerId=" + buyer).then().statusCode(200)
                .body("[0].steps.itemReference", equalTo(List.of(plan + "#1", plan + "#1")),
                        "[0].steps.instalmentNumber", equalTo(List.of(1, 1)),
                        "[0].steps.stepKey", equalTo(List.of("friendly-reminder", "reminder")),
                        "[0].messages[0].invoices", equalTo(List.of(plan + "#1")));
        assertEquals(0, Database.count("select count(*) from dunning_step_log where tenant_id = ?", tenant));

        // −3 of instalment 1: one SMS reminder about instalment 1 (the −7 superseded), nothing for 2, 3 or the invoice
        runCompleted(FIRST.minusDays(3));
        List<JsonNode> requests = requests(tenant, 1);
        assertEquals(1, requests.size());
        JsonNode reminder = requests.get(0);
        assertEquals("dunning.reminder", reminder.get("templateKey").asText());
        assertEquals(invoice, reminder.at("/data/invoices/0/invoiceId").asText(), "the instalment beside its invoice");
        assertEquals(1, reminder.at("/data/invoices/0/instalment/number").asInt());
        assertEquals(FIRST.toString(), reminder.at("/data/invoices/0/instalment/dueDate").asText());
        assertEquals("1000.00", reminder.at("/data/invoices/0/instalment/amount/amount").asText());
        assertEquals("1000.00", reminder.at("/data/invoices/0/instalment/openAmount/amount").asText());
        assertEquals(2, Database.count("select count(*) from dunning_step_log where tenant_id = ?", tenant));
        assertEquals(2, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?",
                tenant, plan + "#1"), "instalment 1's two steps only");
        assertEquals(1, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and step_key = 'reminder' and outcome = 'TAKEN' and instalment_number = 1", tenant, plan + "#1"));
        JsonNode stepTaken = read(records(CASES, tenant, 1).get(0).value());
        JsonNode step = steps(stepTaken).stream().filter(s -> s.get("stepKey").asText().equals("reminder")).findFirst()
                .orElseThrow();
        // the event counts the step (v2); which instalment it was for is in the log of steps above
        assertEquals("TAKEN", step.get("outcome").asText());
        assertEquals(1, step.get("count").asInt());
        assertEquals(reminder.get("requestId").asText(), step.at("/messageRequestIds/0").asText());

        // on its date the payment request for instalment 1, the reminders not again
        runCompleted(FIRST);
        requests = requests(tenant, 2);
        assertEquals(2, requests.size(), "each step once across the two runs");
        JsonNode request = sentOn(requests, FIRST);
        assertEquals("dunning.payment-request", request.get("templateKey").asText());
        assertEquals(1, request.at("/data/invoices/0/instalment/number").asInt());

        // instalment 1 paid, instalment 2 found missed
        ReadModelEvents.invoice(tenant, buyer, "payment-received", ReadModelEvents.payment("payment-received", buyer,
                invoice, "1000.00", "2000.00"));
        ReadModelEvents.invoice(tenant, buyer, "instalment-missed", Map.of("planId", plan, "buyerId", buyer,
                "instalmentNumber", 2, "dueDate", SECOND.toString(), "amountDue", ReadModelEvents.money("1000.00"),
                "amountPaid", ReadModelEvents.money("1000.00"), "asOf", SECOND.plusDays(1).toString()));
        ReadModelEvents.await("paid and missed", () -> Database.count("select count(*) from open_invoice o join"
                + " plan_instalment i on i.tenant_id = o.tenant_id and i.plan_id = o.plan_id where o.tenant_id = ?"
                + " and o.open_amount = 2000 and i.number = 2 and i.missed", tenant) == 1);

        // +3 of instalment 2: its collector's call with its amount; instalment 1 skipped as paid
        RecordingStepWork.TAKEN.clear();
        runCompleted(SECOND.plusDays(3));
        assertEquals(1, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and step_key = 'reason-call' and outcome = 'TAKEN' and collectible = 1000 and instalment_number = 2",
                tenant, plan + "#2"));
        assertEquals(1, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and step_key = 'reason-call' and outcome = 'SKIPPED' and skip_reason = 'PAID'", tenant, plan + "#1"));
        assertEquals(0, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref <> ?"
                + " and item_ref <> ?", tenant, plan + "#1", plan + "#2"), "nothing for instalment 3 or the invoice");
        assertTrue(RecordingStepWork.TAKEN.stream().anyMatch(o -> o.buyerId().toString().equals(buyer)
                && o.itemReference().equals(plan + "#2") && o.stepKey().equals("reason-call")
                && o.action().kind() == DunningAction.Kind.COLLECTOR_TASK));
        assertFalse(RecordingStepWork.TAKEN.stream().anyMatch(o -> o.buyerId().toString().equals(buyer)
                && !o.itemReference().equals(plan + "#2")), "the call is for instalment 2 only");
        requests = requests(tenant, 3);
        assertEquals(3, requests.size(), "one letter: instalment 2's payment request (its reminders superseded)");
        JsonNode letter = sentOn(requests, SECOND.plusDays(3));
        assertEquals("dunning.payment-request", letter.get("templateKey").asText());
        assertEquals(1, letter.at("/data/invoices").size());
        assertEquals(2, letter.at("/data/invoices/0/instalment/number").asInt());
        assertEquals("1000.00", letter.at("/data/invoices/0/instalment/openAmount/amount").asText());

        // the plan broken on 5 March: what is left of the invoice is due at once, from that day
        LocalDate broke = SECOND.plusDays(4);
        ReadModelEvents.invoice(tenant, buyer, "plan-broken", Map.of("planId", plan, "buyerId", buyer, "invoiceIds",
                List.of(invoice), "reason", "instalment 2 missed", "openAmount", ReadModelEvents.money("2000.00"),
                "asOf", broke.toString()));
        ReadModelEvents.await("plan broken", () -> Database.count("select count(*) from payment_plan where tenant_id = ?"
                + " and state = 'BROKEN' and ended_on = ?", tenant, broke) == 1);
        runCompleted(broke);
        requests = requests(tenant, 4);
        assertEquals(4, requests.size());
        JsonNode rest = sentOn(requests, broke);
        assertEquals("dunning.payment-request", rest.get("templateKey").asText(), "due at once: the payment request");
        assertEquals(invoice, rest.at("/data/invoices/0/invoiceId").asText());
        assertEquals("2000.00", rest.at("/data/invoices/0/collectibleAmount/amount").asText(), "the remaining amount");
        assertTrue(rest.at("/data/invoices/0/instalment").isMissingNode());
        String remainder = invoice + "/" + plan;
        assertEquals(1, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and step_key = 'payment-request' and outcome = 'TAKEN' and step_day = ? and collectible = 2000"
                + " and instalment_number is null", tenant, remainder, broke));
        assertEquals(0, Database.count("select count(*) from dunning_step_log where tenant_id = ? and run_date = ?"
                + " and item_ref like ?", tenant, broke, plan + "#%"), "no instalment is dunned once the plan broke");

        // three days later only the collector's call of the remainder; every step once
        runCompleted(broke.plusDays(3));
        assertEquals(4, requests(tenant, 4).size());
        assertEquals(1, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and step_key = 'reason-call' and outcome = 'TAKEN'", tenant, remainder));
        assertEquals(0, Database.count("select count(*) from (select item_ref, step_key from dunning_step_log"
                + " where tenant_id = ? and outcome <> 'SKIPPED' group by 1, 2 having count(*) > 1) as twice", tenant));
    }

    @Test
    void anInvoiceOfACompletedPlanThatOpensAgainIsDunnedFromTheDayThePlanEndedNotLeftToItsKeptSchedule() {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "3000.00", DUE);
        String plan = agreed(tenant, buyer, invoice);
        // all 3,000.00 paid early, the plan completed on 17 February; the cheque bounces the same day
        LocalDate completed = LocalDate.of(2049, 2, 17);
        ReadModelEvents.invoice(tenant, buyer, "payment-received", ReadModelEvents.payment("payment-received", buyer,
                invoice, "3000.00", "0.00"));
        ReadModelEvents.invoice(tenant, buyer, "paid", ReadModelEvents.paid(buyer, invoice, "3000.00", DUE));
        ReadModelEvents.invoice(tenant, buyer, "plan-completed", Map.of("planId", plan, "buyerId", buyer,
                "invoiceIds", List.of(invoice), "asOf", completed.toString()));
        ReadModelEvents.invoice(tenant, buyer, "payment-reversed", ReadModelEvents.payment("payment-reversed", buyer,
                invoice, "3000.00", "3000.00"));
        ReadModelEvents.await("plan completed, invoice open again", () -> Database.count("select count(*) from"
                + " open_invoice o join payment_plan p on p.tenant_id = o.tenant_id and p.plan_id = o.plan_id"
                + " where o.tenant_id = ? and o.state = 'OPEN' and o.open_amount = 3000 and p.state = 'COMPLETED'"
                + " and p.ended_on = ?", tenant, completed) == 1);

        // the instalments were kept, so the buyer was not late under the plan: the 3,000.00 is due at once from the
        // day the plan ended (before, the plan stayed agreed and its kept instalments held the invoice for good)
        runCompleted(completed);
        List<JsonNode> requests = requests(tenant, 1);
        assertEquals(1, requests.size());
        JsonNode rest = requests.get(0);
        assertEquals("dunning.payment-request", rest.get("templateKey").asText());
        assertEquals("3000.00", rest.at("/data/invoices/0/collectibleAmount/amount").asText());
        assertTrue(rest.at("/data/invoices/0/instalment").isMissingNode());
        assertEquals(1, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and step_key = 'payment-request' and outcome = 'TAKEN' and step_day = ?", tenant,
                invoice + "/" + plan, completed));
    }

    /**
     * Approval mode, a ladder whose payment request asks for 500.00 CNY at least: the run of 2055-06-01 drafts the
     * request for instalment 1 of 1,000.00 (of 3,000.00 in three); the buyer then pays 600.00, which pays instalment
     * 1 down to 400.00. Approving the draft asks for nothing: 400.00 is under the step's minimum, as an invoice owing
     * 400.00 would be (before, the letter went out asking for the instalment's 1,000.00). A second plan's draft whose
     * instalment 1 still owes 700.00 after 300.00 paid goes out, stating 700.00 open.
     */
    @Test
    void approvingAnInstalmentsDraftHoldsItToTheStepsMinimumOnWhatItOwesThatDay() {
        String tenant = freshTenant();
        String admin = Tokens.tenant(tenant).roles("tenant-admin").mint();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", true))
                .put("/api/v1/dunning/settings").then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("steps", List.of(Map.of("key", "payment-request", "offsetDays", 0,
                        "actions", List.of(Map.of("kind", "MESSAGE", "channels", List.of("EMAIL"), "key", "dunning.payment-request")),
                        "minimumAmount", List.of(ReadModelEvents.money("500.00"))))))
                .put("/api/v1/dunning/ladders/default").then().statusCode(200);
        LocalDate first = LocalDate.of(2055, 6, 1);
        String small = UUID.randomUUID().toString();
        String smallInvoice = issue(tenant, small, "3000.00", first.minusDays(27));
        agreedOn(tenant, small, smallInvoice, first);
        String large = UUID.randomUUID().toString();
        String largeInvoice = issue(tenant, large, "3000.00", first.minusDays(27));
        agreedOn(tenant, large, largeInvoice, first);
        runCompleted(first);
        String collector = Tokens.tenant(tenant).roles("collector").mint();
        List<Map<String, Object>> drafts = given().auth().oauth2(collector).get("/api/v1/dunning/drafts?state=PENDING")
                .then().statusCode(200).extract().path("items");
        assertEquals(2, drafts.size(), "one payment request per buyer, each about its instalment 1");
        String smallDraft = draftOf(drafts, small);
        String largeDraft = draftOf(drafts, large);

        ReadModelEvents.invoice(tenant, small, "payment-received", ReadModelEvents.payment("payment-received", small,
                smallInvoice, "600.00", "2400.00"));
        ReadModelEvents.invoice(tenant, large, "payment-received", ReadModelEvents.payment("payment-received", large,
                largeInvoice, "300.00", "2700.00"));
        ReadModelEvents.await("both paid", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and open_amount in (2400, 2700)", tenant) == 2);
        given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + smallDraft + "/approve").then().statusCode(200)
                .body("state", equalTo("DISCARDED"), "reason", equalTo("nothing left to ask for since the run: "
                        + ReadModelEvents.number(smallInvoice) + " instalment 1 under the step's minimum amount"));
        given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + largeDraft + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"), "request.data.invoices[0].instalment.number", equalTo(1),
                        "request.data.invoices[0].instalment.openAmount.amount", equalTo("700.00"),
                        "request.data.invoices[0].openAmount.amount", equalTo("2700.00"));
        List<JsonNode> sent = requests(tenant, 1);
        assertEquals(1, sent.size(), "only the instalment still owing at least the minimum is asked for");
        assertEquals(largeInvoice, sent.get(0).at("/data/invoices/0/invoiceId").asText());
    }

    @Test
    void whatADisputeReleasesBesideAKeptPlanIsDunnedOnTheInvoicesOwnLadderWhileTheInstalmentsStayHeld() {
        // 10,000.00 due 5 January 2057; 4,000.00 disputed on day 10; a plan over the other 6,000.00 agreed on day 20
        // (three instalments of 2,000.00 from 1 February); the dispute rejected on day 40 (14 February)
        LocalDate due = LocalDate.of(2057, 1, 5);
        LocalDate rejected = due.plusDays(40);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "10000.00", due);
        String dispute = UUID.randomUUID().toString();
        ReadModelEvents.invoice(tenant, buyer, "dispute-opened", ReadModelEvents.disputeOpened(buyer, invoice, dispute,
                "4000.00", "10000.00", "6000.00", due));
        String plan = UUID.randomUUID().toString();
        Map<String, Object> twoThousand = Map.of("amount", "2000.00", "currency", "CNY");
        ReadModelEvents.invoice(tenant, buyer, "payment-plan-agreed", Map.of("planId", plan, "buyerId", buyer,
                "invoiceIds", List.of(invoice), "principal", ReadModelEvents.money("6000.00"),
                "interest", ReadModelEvents.money("0.00"), "instalments", List.of(
                        Map.of("number", 1, "dueDate", "2057-02-01", "amount", twoThousand),
                        Map.of("number", 2, "dueDate", "2057-03-01", "amount", twoThousand),
                        Map.of("number", 3, "dueDate", "2057-04-01", "amount", twoThousand))));
        Map<String, Object> resolution = ReadModelEvents.disputeResolved(buyer, invoice, dispute, "4000.00", "0.00",
                "10000.00", "10000.00", due);
        resolution.put("outcome", "REJECTED");
        ReadModelEvents.invoice(tenant, buyer, "dispute-resolved", resolution);
        ReadModelEvents.await("dispute rejected beside the plan", () -> Database.count("select count(*) from open_invoice"
                + " where tenant_id = ? and disputed_amount = 0 and collectible_amount = 10000 and plan_id = ?::uuid",
                tenant, plan) == 1);

        runCompleted(rejected);
        // the released 4,000.00 is owed now, outside the plan: dunned as overdue from the invoice's own due date
        assertTrue(Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and outcome = 'TAKEN' and collectible = 4000 and instalment_number is null", tenant, invoice) > 0,
                "the steps due by day 40 taken for the 4,000.00");
        assertEquals(0, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and outcome = 'SKIPPED'", tenant, invoice), "not skipped as under the kept plan");
        List<JsonNode> asked = requests(tenant, 2).stream()
                .filter(r -> r.at("/data/runDate").asText().equals(rejected.toString()))
                .flatMap(r -> StreamSupport.stream(r.at("/data/invoices").spliterator(), false))
                .filter(i -> i.get("invoiceId").asText().equals(invoice) && !i.has("instalment")).toList();
        assertFalse(asked.isEmpty(), "the invoice itself asked for, beside the instalments");
        asked.forEach(i -> assertEquals("4000.00", i.at("/collectibleAmount/amount").asText(),
                "the released amount, not the plan's 6,000.00 with it"));
        // the plan's instalments stay held as before: instalment 1 owes its 2,000.00, its steps after its date wait
        assertTrue(Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and outcome = 'SKIPPED' and skip_reason = 'KEPT_PLAN' and collectible = 2000", tenant, plan + "#1") > 0,
                "instalment 1 held as kept");
        assertEquals(1, Database.count("select count(*) from plan_instalment where tenant_id = ? and plan_id = ?::uuid"
                + " and number = 1 and open_amount = 2000", tenant, plan), "the plan's payments are the plan's: none yet");
    }

    static String draftOf(List<Map<String, Object>> drafts, String buyer) {
        return drafts.stream().filter(d -> buyer.equals(d.get("buyerId"))).map(d -> (String) d.get("id")).findFirst()
                .orElseThrow();
    }

    /** A plan of 3,000.00 in three monthly instalments of 1,000.00 from {@code first}, agreed over {@code invoice}. */
    static String agreedOn(String tenant, String buyer, String invoice, LocalDate first) {
        String plan = UUID.randomUUID().toString();
        ReadModelEvents.invoice(tenant, buyer, "payment-plan-agreed", Map.of("planId", plan, "buyerId", buyer,
                "invoiceIds", List.of(invoice), "principal", ReadModelEvents.money("3000.00"),
                "interest", ReadModelEvents.money("0.00"), "instalments", List.of(instalment(1, first),
                        instalment(2, first.plusMonths(1)), instalment(3, first.plusMonths(2)))));
        ReadModelEvents.await("plan agreed", () -> Database.count("select count(*) from plan_instalment where tenant_id = ?"
                + " and plan_id = ?::uuid", tenant, plan) == 3);
        return plan;
    }

    /** The plan of the class comment agreed over {@code invoice}, once the read model holds its instalments; its id. */
    static String agreed(String tenant, String buyer, String invoice) {
        String plan = UUID.randomUUID().toString();
        ReadModelEvents.invoice(tenant, buyer, "payment-plan-agreed", planAgreed(buyer, plan, invoice));
        ReadModelEvents.await("plan agreed", () -> Database.count("select count(*) from plan_instalment where tenant_id = ?"
                + " and plan_id = ?::uuid", tenant, plan) == 3);
        return plan;
    }

    static Map<String, Object> planAgreed(String buyer, String plan, String invoice) {
        return Map.of("planId", plan, "buyerId", buyer, "invoiceIds", List.of(invoice),
                "principal", ReadModelEvents.money("3000.00"), "interest", ReadModelEvents.money("0.00"),
                "instalments", List.of(instalment(1, FIRST), instalment(2, SECOND), instalment(3, THIRD)));
    }

    static Map<String, Object> instalment(int number, LocalDate due) {
        return Map.of("number", number, "dueDate", due.toString(), "amount", ReadModelEvents.money("1000.00"));
    }

    /** The tenant's requests so far (each checked against its schema). */
    static List<JsonNode> requests(String tenant, int enough) {
        List<ConsumerRecord<String, String>> records = records(REQUESTS, tenant, enough);
        return records.stream().map(r -> read(r.value())).toList();
    }

    /** The one request of the run of {@code runDate} (topics keep no order across partitions). */
    static JsonNode sentOn(List<JsonNode> requests, LocalDate runDate) {
        List<JsonNode> that = requests.stream().filter(r -> r.at("/data/runDate").asText().equals(runDate.toString()))
                .toList();
        assertEquals(1, that.size(), "one request on " + runDate);
        return that.get(0);
    }

    static List<JsonNode> steps(JsonNode event) {
        return StreamSupport.stream(event.get("steps").spliterator(), false).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
