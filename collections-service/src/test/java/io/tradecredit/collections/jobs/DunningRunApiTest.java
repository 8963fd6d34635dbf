package io.tradecredit.collections.jobs;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.jobs.RunFixtures.REQUESTS;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.issue;
import static io.tradecredit.collections.jobs.RunFixtures.records;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** The tenant's doors to the run: the dry run, the forecast, and the drafts of approval mode. */
@QuarkusTest
class DunningRunApiTest {
    @Inject
    CollectionCases cases;


    static String token(String tenant, String... roles) {
        return Tokens.tenant(tenant).roles(roles).mint();
    }

    @Test
    void theDryRunShowsWhatTheRunWouldDoAndWritesNothingAndTheRunThenDoesExactlyThat() {
        LocalDate due = LocalDate.of(2036, 1, 7);
        LocalDate asOf = due.plusDays(10);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String held = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "8000.00", due);
        issue(tenant, held, "900.00", due);
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("buyerId", held, "reason", "MANUAL", "until", "2036-12-31"))
                .post("/api/v1/dunning/holds").then().statusCode(201);

        String reader = token(tenant, "viewer");
        String requestId = given().auth().oauth2(reader).get("/api/v1/dunning/runs/preview?asOf=" + asOf + "&buyerId=" + buyer)
                .then().statusCode(200).body("", hasSize(1), "[0].buyerId", equalTo(buyer), "[0].ladderKey", equalTo("default"),
                        "[0].messages.templateKey", equalTo(List.of("dunning.formal-demand", "dunning.formal-demand")),
                        "[0].messages.channel", equalTo(List.of("EMAIL", "LETTER")),
                        "[0].messages[0].invoices", equalTo(List.of(invoice)),
                        // Thursday 17 January + 7: the deadline the letters would state
                        "[0].messages.paymentDeadline", equalTo(List.of("2036-01-24", "2036-01-24")),
                        "[0].work", equalTo(List.of(Map.of("itemReference", invoice, "stepKey", "reason-call",
                                "kind", "COLLECTOR_TASK", "key", "task.call-to-confirm-reason"))),
                        "[0].steps.outcome", equalTo(List.of("SUPERSEDED", "SUPERSEDED", "SUPERSEDED", "TAKEN", "TAKEN")),
                        "[0].steps[0].supersededBy", equalTo("formal-demand"))
                .extract().path("[0].messages[0].requestId");
        given().auth().oauth2(reader).get("/api/v1/dunning/runs/preview?asOf=" + asOf).then().statusCode(200)
                .body("", hasSize(2), "find { it.buyerId == '" + held + "' }.steps.skipReason",
                        equalTo(List.of("BUYER_ON_HOLD", "BUYER_ON_HOLD", "BUYER_ON_HOLD", "BUYER_ON_HOLD", "BUYER_ON_HOLD")),
                        "find { it.buyerId == '" + held + "' }.messages", hasSize(0));
        // nothing written, nothing published
        assertEquals(0, Database.count("select count(*) from dunning_step_log where tenant_id = ?", tenant));
        assertEquals(0, Database.count("select count(*) from dunning_run_buyer where tenant_id = ?", tenant));
        assertEquals(0, Database.count("select count(*) from outbox where tenant_id = ?", tenant));
        assertEquals(0, records(REQUESTS, tenant, 0).size());

        // the run of that date does what the dry run showed, with the same request id
        runCompleted(asOf);
        List<String> sent = records(REQUESTS, tenant, 2).stream().map(r -> r.key()).sorted().toList();
        assertEquals(2, sent.size());
        assertEquals(true, sent.contains(requestId));
    }

    @Test
    void theForecastListsWhatFallsDueDayByDayEachStepOnce() {
        LocalDate today = PlatformZone.today();
        LocalDate due = today.plusDays(10);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "4000.00", due);
        LocalDate friendly = BusinessCalendar.DEFAULT.stepDay(due, -7, BusinessCalendar.DayCount.CALENDAR_DAYS);
        LocalDate reminder = BusinessCalendar.DEFAULT.stepDay(due, -3, BusinessCalendar.DayCount.CALENDAR_DAYS);

        given().auth().oauth2(token(tenant, "collector")).get("/api/v1/dunning/forecast?days=10&buyerId=" + buyer)
                .then().statusCode(200).body("from", equalTo(today.toString()), "days", equalTo(10),
                        "items.runDate", equalTo(List.of(friendly.toString(), reminder.toString())),
                        "items.steps.stepKey", equalTo(List.of(List.of("friendly-reminder"), List.of("reminder"))),
                        "items[1].steps[0].itemReference", equalTo(invoice),
                        "items[1].messages[0].channel", equalTo("SMS"));
        assertEquals(0, Database.count("select count(*) from dunning_step_log where tenant_id = ?", tenant));

        given().auth().oauth2(token(tenant, "collector")).get("/api/v1/dunning/forecast?days=0").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("days")));
        given().auth().oauth2(token(tenant, "collector")).get("/api/v1/dunning/forecast").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("days")));
        given().auth().oauth2(token(tenant, "collector")).get("/api/v1/dunning/runs/preview?asOf=tomorrow").then()
                .statusCode(400).body("errors.field", hasItem("asOf"));
    }

    /**
     * One answer holds a bounded number of step outcomes (40 in the tests, 100,000 by default): a forecast of a page
     * of buyers with a thousand open invoices each ran the service out of its heap. Five invoices 200 days past due
     * take, skip or supersede 50 steps on one date: refused naming the page's size; the day after their due date (15
     * steps) is answered. Six due in five days: a forecast of 10 days is answered, one of 92 refused naming its days.
     */
    @Test
    void aDryRunOrForecastOfMoreStepsThanOneAnswerHoldsIsRefusedNamingWhatToAskLess() {
        LocalDate due = LocalDate.of(2036, 1, 7);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            issue(tenant, buyer, "1000.00", due);
        }
        String reader = token(tenant, "viewer");
        given().auth().oauth2(reader).get("/api/v1/dunning/runs/preview?asOf=" + due.plusDays(1)).then().statusCode(200)
                .body("[0].steps", hasSize(15));
        given().auth().oauth2(reader).get("/api/v1/dunning/runs/preview?asOf=" + due.plusDays(200)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("dunning.preview-too-large"), "errors.field", equalTo(List.of("size")),
                        "errors[0].message", org.hamcrest.Matchers.containsString("more than 40 steps"));
        // due in five days: a 10-day forecast holds 4 steps an invoice (24), a 92-day one 8 (48: up to +60)
        String soon = UUID.randomUUID().toString();
        for (int i = 0; i < 6; i++) {
            issue(tenant, soon, "1000.00", PlatformZone.today().plusDays(5));
        }
        given().auth().oauth2(reader).get("/api/v1/dunning/forecast?days=10&buyerId=" + soon).then().statusCode(200)
                .body("items.steps.flatten()", hasSize(24));
        given().auth().oauth2(reader).get("/api/v1/dunning/forecast?days=92&buyerId=" + soon).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("dunning.preview-too-large"), "errors.field", equalTo(List.of("days", "size")));
    }

    @Test
    void anotherTenantSeesNoneOfItAndOnlyReadersMayLook() {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        issue(tenant, buyer, "1000.00", PlatformZone.today());
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).get("/api/v1/dunning/runs/preview?buyerId=" + buyer)
                .then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(token(tenant, "tenant-admin")).get("/api/v1/dunning/runs/preview?buyerId=" + buyer)
                .then().statusCode(200).body("", hasSize(1));
        given().auth().oauth2(Tokens.tenant(tenant).roles("agency").agency("huaxin").mint())
                .get("/api/v1/dunning/runs/preview").then().statusCode(403);
        given().get("/api/v1/dunning/forecast?days=3").then().statusCode(401);
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/dunning/drafts").then().statusCode(403);
        given().auth().oauth2(token(tenant, "finance")).post("/api/v1/dunning/drafts/" + UUID.randomUUID() + "/approve")
                .then().statusCode(403);
    }

    @Test
    void inApprovalModeTheRunDraftsAndApprovingSendsWithTheSameIdOnlyWhatIsStillUnpaid() throws Throwable {
        LocalDate due = LocalDate.of(2037, 2, 4);
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", true))
                .put("/api/v1/dunning/settings").then().statusCode(200);
        String buyer = UUID.randomUUID().toString();
        String paidSince = issue(tenant, buyer, "3000.00", due);
        String unpaid = issue(tenant, buyer, "7000.00", due);
        String other = UUID.randomUUID().toString();
        String otherInvoice = issue(tenant, other, "500.00", due);

        runCompleted(due);
        assertEquals(0, records(REQUESTS, tenant, 0).size(), "nothing requested in approval mode");
        String collector = token(tenant, "collector");
        String draft = given().auth().oauth2(collector).get("/api/v1/dunning/drafts?state=PENDING").then().statusCode(200)
                .body("total", equalTo(2), "items.templateKey", equalTo(List.of("dunning.payment-request",
                        "dunning.payment-request")), "items.request.data.paymentDeadline", equalTo(List.of("2037-02-11",
                        "2037-02-11")))
                .extract().path("items.find { it.buyerId == '" + buyer + "' }.id");
        String otherDraft = given().auth().oauth2(collector).get("/api/v1/dunning/drafts").then()
                .extract().path("items.find { it.buyerId == '" + other + "' }.id");

        pay(tenant, buyer, paidSince, "3000.00", due);
        pay(tenant, other, otherInvoice, "500.00", due);
        ReadModelEvents.await("both paid", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and state = 'PAID'", tenant) == 2);

        given().auth().oauth2(token(freshTenant(), "collector")).post("/api/v1/dunning/drafts/" + draft + "/approve")
                .then().statusCode(404);
        given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + draft + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"), "decidedBy", org.hamcrest.Matchers.notNullValue(),
                        "request.data.invoices.invoiceId", equalTo(List.of(unpaid)),
                        // approved today, it gives the buyer its days from today
                        "request.data.paymentDeadline", equalTo(BusinessCalendar.DEFAULT.stepDay(PlatformZone.today(),
                                7, BusinessCalendar.DayCount.CALENDAR_DAYS).toString()));
        given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + draft + "/approve").then().statusCode(409)
                .body("code", equalTo("dunning-draft.already-decided"));
        // the other buyer's open case logs the discard, as the insolvency discard is (until session 35 it logged nothing)
        UUID otherCase = VertxContextSupport.subscribeAndAwait(() -> cases.openFor(tenant, UUID.fromString(other), due,
                "lena")).id();
        String discarded = given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + otherDraft + "/approve")
                .then().statusCode(200).body("state", equalTo("DISCARDED"), "reason",
                        org.hamcrest.Matchers.containsString("paid")).extract().path("reason");
        assertEquals(List.of(Map.of("draftId", otherDraft, "reason", discarded)), VertxContextSupport.subscribeAndAwait(
                () -> cases.activities(tenant, otherCase)).stream().filter(a -> a.kind().equals("draft-discarded"))
                .map(Activity::detail).toList());

        var sent = records(REQUESTS, tenant, 1);
        assertEquals(1, sent.size(), "only the approved draft, once");
        assertEquals(draft, sent.get(0).key());
        assertEquals(draft, io.tradecredit.testing.Topics.header(sent.get(0), "ce_id"));
        // an approved draft is a request that went out: withdrawable like the run's (WithdrawalRunTest)
        assertEquals(1, Database.count("select count(*) from dunning_request where tenant_id = ? and request_id = ?::uuid"
                + " and invoice_ids = array[?::uuid] and withdrawn_at is null", tenant, draft, unpaid));
    }

    /**
     * Drafted on the due date, approved after the buyers' standing changed: a whole buyer put on hold since
     * (a promise, a pause) gets nothing; of a buyer's three invoices, the one paused on its own and the one
     * now under an agreed payment plan are dropped, the third is asked for alone.
     */
    @Test
    void approvingADraftDropsWhatWasPutOnHoldOrUnderAPlanSinceTheRun() {
        LocalDate due = LocalDate.of(2038, 5, 4);
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", true))
                .put("/api/v1/dunning/settings").then().statusCode(200);
        String paused = UUID.randomUUID().toString();
        issue(tenant, paused, "5000.00", due);
        String buyer = UUID.randomUUID().toString();
        String held = issue(tenant, buyer, "2000.00", due);
        String planned = issue(tenant, buyer, "3000.00", due);
        String dunned = issue(tenant, buyer, "4000.00", due);

        runCompleted(due);
        String collector = token(tenant, "collector");
        var drafts = given().auth().oauth2(collector).get("/api/v1/dunning/drafts?state=PENDING").then().statusCode(200)
                .body("total", equalTo(2));
        String pausedDraft = drafts.extract().path("items.find { it.buyerId == '" + paused + "' }.id");
        String buyerDraft = drafts.extract().path("items.find { it.buyerId == '" + buyer + "' }.id");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("buyerId", paused, "reason", "MANUAL", "until", "2099-12-31"))
                .post("/api/v1/dunning/holds").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "invoiceId", held, "reason", "MANUAL", "until", "2099-12-31"))
                .post("/api/v1/dunning/holds").then().statusCode(201);
        ReadModelEvents.invoice(tenant, buyer, "payment-plan-agreed",
                ReadModelEvents.planAgreed(buyer, UUID.randomUUID().toString(), planned, due.plusMonths(1)));
        ReadModelEvents.await("the plan in the read model", () -> Database.count("select count(*) from open_invoice"
                + " where tenant_id = ? and invoice_id = ?::uuid and plan_id is not null", tenant, planned) == 1);

        given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + pausedDraft + "/approve").then().statusCode(200)
                .body("state", equalTo("DISCARDED"), "reason", org.hamcrest.Matchers.containsString("on hold"));
        given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + buyerDraft + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"), "request.data.invoices.invoiceId", equalTo(List.of(dunned)));
        var sent = records(REQUESTS, tenant, 1);
        assertEquals(1, sent.size(), "only what is still to be dunned goes out");
        assertEquals(buyerDraft, sent.get(0).key());
    }

    /**
     * A formal demand drafted for 5,000.00; the buyer then pays all but 50.00, under the tenant's tolerance of
     * 100.00: approving the draft asks for nothing (before, the letter went out for 50.00, which the run itself would
     * have skipped as BELOW_TOLERANCE). Due in 2021, so the invoice is overdue on the real day the test approves.
     */
    @Test
    void approvingADraftAfterAPaymentThatLeftTheBuyerUnderTheToleranceSendsNothing() {
        LocalDate due = LocalDate.of(2021, 3, 1);
        LocalDate formal = BusinessCalendar.DEFAULT.stepDay(due, 10, BusinessCalendar.DayCount.CALENDAR_DAYS);
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(Map.of("amount", "100.00", "currency", "CNY")), "consolidation", true,
                        "approvalMode", true))
                .put("/api/v1/dunning/settings").then().statusCode(200);
        String buyer = UUID.randomUUID().toString();
        String invoice = issue(tenant, buyer, "5000.00", due);
        runCompleted(formal);
        String collector = token(tenant, "collector");
        String draft = given().auth().oauth2(collector).get("/api/v1/dunning/drafts?state=PENDING").then().statusCode(200)
                .body("items.templateKey", org.hamcrest.Matchers.hasItem("dunning.formal-demand"))
                .extract().path("items.find { it.channel == 'EMAIL' }.id");

        ReadModelEvents.invoice(tenant, buyer, "payment-received", ReadModelEvents.payment("payment-received", buyer,
                invoice, "4950.00", "50.00"));
        ReadModelEvents.await("50.00 left", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and open_amount = 50", tenant) == 1);
        given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + draft + "/approve").then().statusCode(200)
                .body("state", equalTo("DISCARDED"), "reason", org.hamcrest.Matchers.containsString("tolerance"));
        assertEquals(0, records(REQUESTS, tenant, 0).size(), "nothing asked for 50.00");
    }

    @Test
    void aLaterLetterQuotesTheDraftACollectorApprovedAndNeverTheOneDiscarded() throws Exception {
        LocalDate due = LocalDate.of(2047, 3, 4);
        LocalDate formal = BusinessCalendar.DEFAULT.stepDay(due, 10, BusinessCalendar.DayCount.CALENDAR_DAYS);
        LocalDate finance = BusinessCalendar.DEFAULT.stepDay(due, 30, BusinessCalendar.DayCount.CALENDAR_DAYS);
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", true))
                .put("/api/v1/dunning/settings").then().statusCode(200);
        String buyer = UUID.randomUUID().toString();
        issue(tenant, buyer, "12000.00", due);

        // the formal demand is drafted by email and by letter: the letter approved, the email discarded
        runCompleted(formal);
        String collector = token(tenant, "collector");
        var drafts = given().auth().oauth2(collector).get("/api/v1/dunning/drafts?state=PENDING").then().statusCode(200)
                .body("total", equalTo(2), "items.templateKey", equalTo(List.of("dunning.formal-demand",
                        "dunning.formal-demand")));
        String email = drafts.extract().path("items.find { it.channel == 'EMAIL' }.id");
        String letter = drafts.extract().path("items.find { it.channel == 'LETTER' }.id");
        // a reason over its 500 characters: named, the draft stays pending
        given().auth().oauth2(collector).contentType(ContentType.JSON).body(Map.of("reason", "r".repeat(501)))
                .post("/api/v1/dunning/drafts/" + email + "/discard").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("dunning-draft.discard-invalid"),
                        "errors.field", equalTo(List.of("reason")));
        given().auth().oauth2(collector).contentType(ContentType.JSON).body(Map.of("reason", "wrong contact"))
                .post("/api/v1/dunning/drafts/" + email + "/discard").then().statusCode(200).body("state", equalTo("DISCARDED"));
        given().auth().oauth2(collector).post("/api/v1/dunning/drafts/" + letter + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"));

        // the run sends the finance demand itself: it quotes the letter, requested the day it was approved
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("tolerance", List.of(), "consolidation", true, "approvalMode", false))
                .put("/api/v1/dunning/settings").then().statusCode(200);
        runCompleted(finance);
        var requests = records(REQUESTS, tenant, 3);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var demands = requests.stream().map(r -> read(json, r.value()))
                .filter(b -> "dunning.finance-demand".equals(b.get("templateKey").asText())).toList();
        assertEquals(2, demands.size(), "by email and by letter");
        for (var demand : demands) {
            assertEquals(json.readTree("[{\"stepKey\":\"formal-demand\",\"templateKey\":\"dunning.formal-demand\","
                    + "\"channels\":[\"LETTER\"],\"runDate\":\"" + PlatformZone.today() + "\"}]"),
                    demand.at("/data/priorMessages"), demand.at("/data/priorMessages").toString());
        }
    }

    @Test
    void aLetterQuotesOnlyTheMessagesAboutItsOwnInvoicesNeverThoseOfAnotherInvoice() throws Exception {
        // INV-1 due 4 March 2053 gets its formal demand on the 14th, then is held (the buyer says it was never
        // delivered); INV-2 due 1 April gets its own formal demand on 11 April
        LocalDate firstDue = LocalDate.of(2053, 3, 4);
        LocalDate secondDue = LocalDate.of(2053, 4, 1);
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String first = issue(tenant, buyer, "7000.00", firstDue);
        LocalDate firstDemand = BusinessCalendar.DEFAULT.stepDay(firstDue, 10, BusinessCalendar.DayCount.CALENDAR_DAYS);
        runCompleted(firstDemand);
        assertEquals(2, records(REQUESTS, tenant, 2).size(), "INV-1's formal demand by email and letter");
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "invoiceId", first, "reason", "MANUAL", "until", "2054-12-31"))
                .post("/api/v1/dunning/holds").then().statusCode(201);
        String second = issue(tenant, buyer, "9000.00", secondDue);
        LocalDate secondDemand = BusinessCalendar.DEFAULT.stepDay(secondDue, 10, BusinessCalendar.DayCount.CALENDAR_DAYS);
        runCompleted(secondDemand);

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var demands = records(REQUESTS, tenant, 4).stream().map(r -> read(json, r.value()))
                .filter(b -> b.at("/data/runDate").asText().equals(secondDemand.toString())).toList();
        assertEquals(2, demands.size(), "INV-2's formal demand by email and letter");
        for (var demand : demands) {
            assertEquals(second, demand.at("/data/invoices/0/invoiceId").asText());
            // "our previous messages about these invoices": INV-1's demand was not about INV-2
            assertEquals(json.readTree("[]"), demand.at("/data/priorMessages"), demand.at("/data/priorMessages").toString());
            assertEquals(1, demand.at("/data/invoices").size(), "INV-1 is held");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(com.fasterxml.jackson.databind.ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void pay(String tenant, String buyer, String invoice, String amount, LocalDate due) {
        ReadModelEvents.invoice(tenant, buyer, "payment-received", ReadModelEvents.payment("payment-received", buyer,
                invoice, amount, "0.00"));
        ReadModelEvents.invoice(tenant, buyer, "paid", ReadModelEvents.paid(buyer, invoice, amount, due));
    }
}
