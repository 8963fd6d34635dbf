package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.creditNote;
import static io.tradecredit.collections.messaging.ReadModelEvents.disputeOpened;
import static io.tradecredit.collections.messaging.ReadModelEvents.disputeResolved;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.payment;
import static io.tradecredit.collections.messaging.ReadModelEvents.planAgreed;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static io.tradecredit.collections.messaging.ReadModelEvents.writtenOff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CaseMetricsTest;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.app.Promises;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.common.money.Money;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * A buyer's case following real invoice-events at once (payment closes it, a plan moves it, a
 * payment keeps a promise), and promises judged through the promise-review job door with asOf.
 */
@QuarkusTest
class CaseFlowTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();

    @Inject
    CollectionCases cases;

    @Inject
    Promises promises;

    @Test
    void aPaymentThatLeavesNothingOverdueClosesTheCaseAsPaid() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, inv, "10000.00", today().minusDays(20)));
        awaitOpen(tenant, inv);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));

        invoice(tenant, buyer, "payment-received", payment("payment-received", buyer, inv, "4000.00", "6000.00"));
        await("the first payment applied", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ? and buyer_id = ?::uuid", tenant, buyer) == 1);
        assertEquals(CaseState.OPEN, run(() -> cases.find(tenant, c.id())).state(), "6,000 still overdue");

        invoice(tenant, buyer, "payment-received", payment("payment-received", buyer, inv, "6000.00", "0.00"));
        await("the case closed", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.CLOSED);
        assertEquals(CloseReason.PAID, run(() -> cases.find(tenant, c.id())).closeReason());
        Activity closing = last(run(() -> cases.activities(tenant, c.id())));
        assertEquals("invoice-service", closing.actor());
        assertEquals("PAID", closing.detail().get("closeReason"));
        assertEquals("PAID", event(c.id(), "case-closed").get("closeReason").asText());
    }

    /**
     * 10,000.00 twenty days overdue, paid in full: the case closes as paid. The payment bounces: the buyer owes
     * 10,000.00 overdue again. Until session 30 it had no case (the ladder's case-opening step for the invoice was
     * taken, never again) and was off the worklist; now a new case opens at once, due for its first look today, its
     * log naming the case it follows; the closed case stays closed as paid (its record is history).
     */
    @Test
    void aBouncedPaymentThatHadClosedTheCaseAsPaidOpensANewCaseAtOnce() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, inv, "10000.00", today().minusDays(20)));
        awaitOpen(tenant, inv);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));
        Map<String, Object> paid = payment("payment-received", buyer, inv, "10000.00", "0.00");
        invoice(tenant, buyer, "payment-received", paid);
        await("the case closed", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.CLOSED);

        Map<String, Object> bounced = payment("payment-reversed", buyer, inv, "10000.00", "10000.00");
        bounced.put("paymentId", paid.get("paymentId"));
        invoice(tenant, buyer, "payment-reversed", bounced);
        await("a new case", () -> run(() -> cases.openCaseOf(tenant, UUID.fromString(buyer))).isPresent());
        CaseView again = run(() -> cases.openCaseOf(tenant, UUID.fromString(buyer))).orElseThrow();
        assertEquals(CaseState.OPEN, again.state());
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today()), again.nextActionOn());
        Activity reopened = run(() -> cases.activities(tenant, again.id())).stream()
                .filter(a -> a.kind().equals("reopened-after-reversal")).findFirst().orElseThrow();
        assertEquals(c.id().toString(), reopened.detail().get("closedCaseId"));
        assertEquals("invoice-service", reopened.actor());
        assertEquals(CloseReason.PAID, run(() -> cases.find(tenant, c.id())).closeReason());
        assertEquals("invoice-service", event(again.id(), "case-opened").get("openedBy").asText());
    }

    /**
     * INV-1, 12,000.00 overdue, case opened by the ladder; the buyer disputes all of it: nothing was
     * paid, so the case stays open with the dispute in its log (the disputed part is only not
     * dunned). Rejected, the dispute leaves the same case open; a credit note of the whole invoice
     * then closes it.
     */
    @Test
    void aDisputeOfEverythingOverdueLeavesTheCaseOpenWithTheDisputeInItsLog() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        String dispute = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(18);
        invoice(tenant, buyer, "issued", issued(buyer, inv, "12000.00", due));
        awaitOpen(tenant, inv);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));

        invoice(tenant, buyer, "dispute-opened", disputeOpened(buyer, inv, dispute, "12000.00", "12000.00", "0.00", due));
        Activity opened = awaitLogged(tenant, c, "dispute-opened");
        assertEquals(CaseState.OPEN, run(() -> cases.find(tenant, c.id())).state(), "a dispute pays nothing");
        assertEquals("invoice-service", opened.actor());
        assertEquals("12000.00", opened.detail().get("disputedAmount"));
        assertEquals("0.00", opened.detail().get("collectibleAmount"));
        assertEquals("QUALITY", opened.detail().get("type"));

        Map<String, Object> rejected = disputeResolved(buyer, inv, dispute, "12000.00", "0.00", "12000.00", "12000.00", due);
        rejected.put("outcome", "REJECTED");
        invoice(tenant, buyer, "dispute-resolved", rejected);
        assertEquals("REJECTED", awaitLogged(tenant, c, "dispute-resolved").detail().get("outcome"));
        assertEquals(CaseState.OPEN, run(() -> cases.find(tenant, c.id())).state());

        Map<String, Object> credit = creditNote(buyer, inv, dispute, "12000.00", "0.00", due);
        credit.remove("disputeId");
        credit.put("reason", "goodwill");
        invoice(tenant, buyer, "credit-note-issued", credit);
        await("the case closed", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.CLOSED);
        assertEquals(CloseReason.PAID, run(() -> cases.find(tenant, c.id())).closeReason());
    }

    /** A write-off of what was left overdue closes the case as written off (it closed as paid). */
    @Test
    void aWriteOffThatLeavesNothingOverdueClosesTheCaseAsWrittenOff() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(200);
        invoice(tenant, buyer, "issued", issued(buyer, inv, "10000.00", due));
        awaitOpen(tenant, inv);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));

        invoice(tenant, buyer, "written-off", writtenOff(buyer, inv, "10000.00", due));
        await("the case closed", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.CLOSED);
        assertEquals(CloseReason.WRITTEN_OFF, run(() -> cases.find(tenant, c.id())).closeReason());
        assertEquals("WRITTEN_OFF", event(c.id(), "case-closed").get("closeReason").asText());
    }

    @Test
    void anAgreedPaymentPlanMovesTheCaseToPaymentPlan() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, inv, "3000.00", today().minusDays(10)));
        awaitOpen(tenant, inv);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today()), c.nextActionOn(), "due for a first look");
        invoice(tenant, buyer, "payment-plan-agreed", planAgreed(buyer, UUID.randomUUID().toString(), inv,
                today().plusDays(30)));
        await("payment plan", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.PAYMENT_PLAN);
        assertEquals("PAYMENT_PLAN", event(c.id(), "case-state-changed").get("to").asText());
        // the buyer keeps a plan: nothing is the collector's to do, the case is not due on the worklist
        assertNull(run(() -> cases.find(tenant, c.id())).nextActionOn());
    }

    /**
     * 3,000.00 under a plan and 500.00 overdue beside it: the plan completes, the case waiting on it goes back in
     * progress with its next action today (the tenant's next working day on a weekend), for the 500.00; while it
     * waited it had none. Until session 30 it kept none (or the past date of its first look) and sank on the worklist.
     */
    @Test
    void aCompletedPaymentPlanGivesTheCaseBackToTheCollectorTodayForWhatIsStillOverdue() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, inv, "3000.00", today().minusDays(10)));
        invoice(tenant, buyer, "issued", issued(buyer, other, "500.00", today().minusDays(5)));
        awaitOpen(tenant, inv);
        awaitOpen(tenant, other);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));
        invoice(tenant, buyer, "payment-plan-agreed", planAgreed(buyer, plan, inv, today().plusDays(30)));
        await("payment plan", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.PAYMENT_PLAN);
        assertNull(run(() -> cases.find(tenant, c.id())).nextActionOn());

        invoice(tenant, buyer, "plan-completed", Map.of("planId", plan, "buyerId", buyer, "invoiceIds", List.of(inv),
                "asOf", today().toString()));
        await("back in progress", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.IN_PROGRESS);
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today()), run(() -> cases.find(tenant, c.id())).nextActionOn());
    }

    /**
     * Two invoices of 3,000.00, ten days overdue, each under a plan of its own: the case is in payment plan. Plan A
     * completes: logged, the case keeps waiting on plan B. Plan B breaks ("instalment 1 missed", 3,000.00 open): the
     * case is back in progress (case-state-changed) with its next action today, so it leads its collector's worklist,
     * and the log says why. Before, a broken plan left the case in payment plan for good: the ladder resumed on the
     * remainder while the case still said the buyer was keeping a plan, and nobody was asked to call.
     */
    @Test
    void aBrokenPaymentPlanGivesTheCaseBackToTheCollectorTodayUnlessAnotherPlanIsStillAgreed() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String invA = UUID.randomUUID().toString();
        String invB = UUID.randomUUID().toString();
        String planA = UUID.randomUUID().toString();
        String planB = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, invA, "3000.00", today().minusDays(10)));
        invoice(tenant, buyer, "issued", issued(buyer, invB, "3000.00", today().minusDays(10)));
        awaitOpen(tenant, invA);
        awaitOpen(tenant, invB);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));
        invoice(tenant, buyer, "payment-plan-agreed", planAgreed(buyer, planA, invA, today().plusDays(30)));
        invoice(tenant, buyer, "payment-plan-agreed", planAgreed(buyer, planB, invB, today().plusDays(30)));
        await("payment plan", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.PAYMENT_PLAN);

        invoice(tenant, buyer, "plan-completed", Map.of("planId", planA, "buyerId", buyer, "invoiceIds", List.of(invA),
                "asOf", today().toString()));
        assertEquals(planA, awaitLogged(tenant, c, "plan-completed").detail().get("planId"));
        assertEquals(CaseState.PAYMENT_PLAN, run(() -> cases.find(tenant, c.id())).state(), "plan B is still agreed");
        assertNull(run(() -> cases.find(tenant, c.id())).nextActionOn(), "still waiting on plan B");

        invoice(tenant, buyer, "plan-broken", ReadModelEvents.planBroken(buyer, planB, invB));
        await("back in progress", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.IN_PROGRESS);
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today()), run(() -> cases.find(tenant, c.id())).nextActionOn());
        Activity broken = awaitLogged(tenant, c, "plan-broken");
        assertEquals("invoice-service", broken.actor());
        assertEquals(planB, broken.detail().get("planId"));
        assertEquals("instalment 1 missed", broken.detail().get("reason"));
        assertEquals("3000.00", broken.detail().get("openAmount"));
        // the move into payment plan is a case-state-changed too: wait for the one into IN_PROGRESS
        JsonNode changed = event(c.id(), "case-state-changed", e -> "IN_PROGRESS".equals(e.get("to").asText()));
        assertEquals("PAYMENT_PLAN", changed.get("from").asText());
        assertEquals("IN_PROGRESS", changed.get("to").asText());
    }

    @Test
    void aPaymentOfThePromisedAmountKeepsThePromiseAtOnceAndEndsItsHold() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        CaseView c = promised(tenant, buyer, inv, "5000.00", "2000.00", today().plusDays(3));
        invoice(tenant, buyer, "payment-received", payment("payment-received", buyer, inv, "2000.00", "3000.00"));
        await("promise kept", () -> outcome(tenant, c) .equals("KEPT"));
        assertEquals(1, Database.count("select count(*) from dunning_hold where tenant_id = ? and buyer_id = ?::uuid"
                + " and reason = 'PROMISE_TO_PAY' and released_on = ?", tenant, buyer, today()));
        await("back to the collector", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.IN_PROGRESS);
        // 3,000.00 still overdue: the collector looks at it today (while the promise held, the case had no next action)
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today()), run(() -> cases.find(tenant, c.id())).nextActionOn());
        JsonNode kept = event(c.id(), "promise-kept");
        assertEquals("2000.00", kept.get("paid").get("amount").asText());
    }

    /**
     * Kept at once by a payment of 2,000.00, the promise is pending again when that payment bounces
     * before its deadline: the hold runs again to the deadline, the case waits on the promise, and
     * the review judges it there (broken: nothing stands).
     */
    @Test
    void aReversalBeforeTheDeadlinePutsAKeptPromiseBackToPending() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        CaseView c = promised(tenant, buyer, inv, "5000.00", "2000.00", today().plusDays(3));
        Map<String, Object> paid = payment("payment-received", buyer, inv, "2000.00", "3000.00");
        invoice(tenant, buyer, "payment-received", paid);
        await("promise kept", () -> outcome(tenant, c).equals("KEPT"));
        await("back to the collector", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.IN_PROGRESS);

        Map<String, Object> bounced = payment("payment-reversed", buyer, inv, "2000.00", "5000.00");
        bounced.put("paymentId", paid.get("paymentId"));
        invoice(tenant, buyer, "payment-reversed", bounced);
        await("promise pending again", () -> outcome(tenant, c).equals("PENDING"));
        assertEquals(1, Database.count("select count(*) from dunning_hold where tenant_id = ? and buyer_id = ?::uuid"
                + " and reason = 'PROMISE_TO_PAY' and released_on is null and until_day = ?", tenant, buyer,
                // 3 days of grace, a deadline on a weekend moved to the Monday (the default calendar)
                io.tradecredit.collections.domain.BusinessCalendar.DEFAULT.stepDay(today().plusDays(3), 3,
                        io.tradecredit.collections.domain.BusinessCalendar.DayCount.CALENDAR_DAYS)),
                "held again until the deadline");
        assertEquals(CaseState.PROMISE_TO_PAY, run(() -> cases.find(tenant, c.id())).state());
        Activity reopened = run(() -> cases.activities(tenant, c.id())).stream()
                .filter(a -> a.kind().equals("promise-reopened")).findFirst().orElseThrow();
        assertEquals("2000.00", reopened.detail().get("shortfall"));

        // a date of its own: the job door runs each date once, and the tests below review + 10, + 8 and + 7
        review(today().plusDays(9));
        assertEquals("BROKEN", outcome(tenant, c));
    }

    @Test
    void thePromiseReviewJudgesAPromiseKeptByTheDeadline() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        CaseView c = promised(tenant, buyer, inv, "5000.00", "1000.00", today().plusDays(1));
        // paid on the day after the promised date, within the 3 days of grace: not yet counted today
        Map<String, Object> later = payment("payment-received", buyer, inv, "1000.00", "4000.00");
        later.put("receivedOn", today().plusDays(2).toString());
        invoice(tenant, buyer, "payment-received", later);
        await("the payment recorded", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ? and buyer_id = ?::uuid", tenant, buyer) == 1);
        assertEquals("PENDING", outcome(tenant, c));
        double keptBefore = judged("kept");
        double brokenBefore = judged("broken");

        // after the deadline however the weekend falls: + 4 on a Saturday moves it to the Monday, + 6
        review(today().plusDays(8));
        assertEquals("KEPT", outcome(tenant, c));
        // the run judges every tenant's promises past their deadline, other classes' too (CaseApiTest's): each counted
        assertEquals(keptBefore + judgedBy(today().plusDays(8), "KEPT"), judged("kept"), "counted kept");
        assertEquals(brokenBefore + judgedBy(today().plusDays(8), "BROKEN"), judged("broken"));
        assertEquals(CaseState.IN_PROGRESS, run(() -> cases.find(tenant, c.id())).state());
        // judged kept as of today + 8: the collector looks at the 4,000.00 still overdue that day (a working day)
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today().plusDays(8)), run(() -> cases.find(tenant, c.id())).nextActionOn());
        assertEquals("1000.00", event(c.id(), "promise-kept").get("paid").get("amount").asText());
    }

    @Test
    void thePromiseReviewJudgesAPromiseBrokenAfterTheDeadlineAndGivesTheCaseBack() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        CaseView c = promised(tenant, buyer, inv, "5000.00", "1000.00", today());
        invoice(tenant, buyer, "payment-received", payment("payment-received", buyer, inv, "400.00", "4600.00"));
        await("the payment recorded", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ? and buyer_id = ?::uuid", tenant, buyer) == 1);
        assertEquals("PENDING", outcome(tenant, c));
        double brokenBefore = judged("broken");
        // the collector plans to look again at the deadline
        LocalDate deadline = run(() -> promises.ofCase(tenant, c.id())).get(0).promise().deadline();
        run(() -> cases.planNextAction(tenant, c.id(), deadline, "lena"));

        review(today().plusDays(7));
        assertEquals("BROKEN", outcome(tenant, c));
        assertEquals(brokenBefore + judgedBy(today().plusDays(7), "BROKEN"), judged("broken"), "counted broken");
        CaseView back = run(() -> cases.find(tenant, c.id()));
        assertEquals(CaseState.IN_PROGRESS, back.state());
        // broken: the ladder resumes at once and so does the collector, from the day judged (not the past deadline)
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today().plusDays(7)), back.nextActionOn());
        Activity broken = run(() -> cases.activities(tenant, c.id())).stream()
                .filter(a -> a.kind().equals("promise-broken")).findFirst().orElseThrow();
        assertEquals("600.00", broken.detail().get("shortfall"));
        assertEquals("promise-review", broken.actor());
        JsonNode event = event(c.id(), "promise-broken");
        assertEquals("600.00", event.get("shortfall").get("amount").asText());
        assertEquals(buyer, event.get("buyerId").asText());
    }

    /**
     * A tenant off on the Wednesday the review finds a promise broken and the Thursday after (a two-day holiday):
     * the case's next action is Friday, its next working day, as a case opened or given back that day gets. Until session 31 it was the review day itself, a holiday, so the case was due on a day nobody works and
     * counted as due (+25) before the collectors were back.
     */
    @Test
    void aPromiseBrokenOnADayTheTenantDoesNotWorkIsTheCollectorsOnItsNextWorkingDay() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        // a Wednesday 26 to 32 days from now, a date of its own (each date is reviewed once); off with the Thursday
        LocalDate reviewed = today().plusDays(26);
        while (reviewed.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
            reviewed = reviewed.plusDays(1);
        }
        List<LocalDate> holidays = List.of(reviewed, reviewed.plusDays(1));
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType("application/json")
                .body(Map.of("holidays", holidays.stream().map(LocalDate::toString).toList(), "dayCount", "CALENDAR_DAYS"))
                .put("/api/v1/dunning/calendar").then().statusCode(200);
        String buyer = UUID.randomUUID().toString();
        CaseView c = promised(tenant, buyer, UUID.randomUUID().toString(), "5000.00", "1000.00", today());

        review(reviewed);
        assertEquals("BROKEN", outcome(tenant, c));
        LocalDate back = reviewed.plusDays(2); // the Friday
        CaseView judged = run(() -> cases.find(tenant, c.id()));
        assertEquals(CaseState.IN_PROGRESS, judged.state());
        assertEquals(back, judged.nextActionOn(), "the first working day after " + holidays);
        Activity planned = last(run(() -> cases.activities(tenant, c.id())));
        assertEquals("next-action-planned", planned.kind());
        assertEquals(back.toString(), planned.detail().get("nextActionOn"));
    }

    /**
     * 5,000.00 promised, 3,000.00 paid, the other 2,000.00 then disputed: nothing the promise concerns is asked of
     * the buyer any more, so the review finds it kept with the 3,000.00 paid (it was broken for the disputed 2,000.00,
     * and credit-service told of a broken promise).
     */
    @Test
    void aPromiseWhoseRestIsDisputedIsKeptWithWhatWasPaid() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        CaseView c = promised(tenant, buyer, inv, "5000.00", "5000.00", today());
        invoice(tenant, buyer, "payment-received", payment("payment-received", buyer, inv, "3000.00", "2000.00"));
        invoice(tenant, buyer, "dispute-opened", disputeOpened(buyer, inv, UUID.randomUUID().toString(), "2000.00",
                "2000.00", "0.00", today().minusDays(10)));
        await("paid and disputed", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid and open_amount = 2000 and collectible_amount = 0", tenant, inv) == 1
                && Database.count("select count(*) from received_payment where tenant_id = ? and buyer_id = ?::uuid",
                        tenant, buyer) == 1);
        assertEquals("PENDING", outcome(tenant, c));

        review(today().plusDays(10)); // a date of its own (each date is reviewed once)
        assertEquals("KEPT", outcome(tenant, c));
        JsonNode kept = event(c.id(), "promise-kept");
        assertEquals("3000.00", kept.get("paid").get("amount").asText());
        assertEquals("5000.00", kept.get("amount").get("amount").asText());
    }

    private CaseView promised(String tenant, String buyer, String inv, String invoiced, String promised,
            LocalDate promisedDate) {
        invoice(tenant, buyer, "issued", issued(buyer, inv, invoiced, today().minusDays(10)));
        awaitOpen(tenant, inv);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));
        run(() -> promises.make(tenant, c.id(), Money.of(promised, "CNY"), promisedDate, null, "lena"));
        // waiting on the promise: no longer due for the first look the case opened with
        assertNull(run(() -> cases.find(tenant, c.id())).nextActionOn(), "waiting on the promise");
        return c;
    }

    private String outcome(String tenant, CaseView c) {
        return run(() -> promises.ofCase(tenant, c.id())).get(0).outcome().name();
    }

    private static void review(LocalDate asOf) {
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/promise-review?asOf=" + asOf).then().statusCode(200);
    }

    private static void awaitOpen(String tenant, String inv) {
        await("invoice " + inv, () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, inv) == 1);
    }

    private static double judged(String outcome) {
        return CaseMetricsTest.metric("tradecredit_collections_promises_judged_total", "outcome=\"" + outcome + "\"");
    }

    /**
     * How many promises the review of {@code asOf} judged {@code outcome}, of every tenant (a review judges all promises
     * past their deadline, and these dates are in the future: a payment judges on its own day, today).
     */
    private static long judgedBy(LocalDate asOf, String outcome) {
        return Database.count("select count(*) from promise_to_pay where judged_on = ? and outcome = ?", asOf, outcome);
    }

    private static JsonNode event(UUID caseId, String name) {
        return event(caseId, name, e -> true);
    }

    /** The case's last event {@code name} whose body matches {@code body}, once one is on the topic. */
    private static JsonNode event(UUID caseId, String name, Predicate<JsonNode> body) {
        String type = "io.tradecredit.collections." + name + ".v1";
        Predicate<ConsumerRecord<String, String>> match =
                r -> caseId.toString().equals(r.key()) && type.equals(Topics.header(r, "ce_type"))
                        && body.test(Contracts.assertValid(r));
        return Contracts.assertValid(Topics.read("collection-cases", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(match)).stream().filter(match).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " for case " + caseId)));
    }

    private Activity awaitLogged(String tenant, CaseView c, String kind) {
        await(kind + " logged", () -> run(() -> cases.activities(tenant, c.id())).stream()
                .anyMatch(a -> a.kind().equals(kind)));
        return run(() -> cases.activities(tenant, c.id())).stream().filter(a -> a.kind().equals(kind)).findFirst()
                .orElseThrow();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
