package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.money;
import static io.tradecredit.collections.messaging.ReadModelEvents.number;
import static io.tradecredit.collections.messaging.ReadModelEvents.sendUnchecked;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * A buyer's dunning and case following real claim-events (docs/collections-service.md, "Claims"):
 * a claim holds the claimed invoices, a paid indemnity closes the case as CLAIMED, a rejected
 * claim lets dunning resume and gives the case back to the collector.
 */
@QuarkusTest
class ClaimFlowTest {
    @Inject
    CollectionCases cases;

    @Test
    void anOpenedClaimHoldsTheClaimedInvoicesSoTheRunSkipsThemAndTheCaseLogSaysSo() {
        TwoInvoices b = TwoInvoices.issued();
        String claim = UUID.randomUUID().toString();

        // a claim for protracted default: the buyer is not insolvent, its other invoice is still dunned
        Map<String, Object> protracted = opened(claim, b.buyer(), b.claimed(), "8000.00");
        protracted.put("cause", "PROTRACTED_DEFAULT");
        protracted.put("trigger", "PROTRACTED_DEFAULT");
        claimEvent(b.tenant(), claim, "claim-opened", protracted);
        await("the claim hold", () -> Database.count("select count(*) from dunning_hold where tenant_id = ?"
                + " and buyer_id = ?::uuid and invoice_id = ?::uuid and reason = 'CLAIM' and released_on is null",
                b.tenant(), b.buyer(), b.claimed()) == 1);
        assertEquals(1, Database.count("select count(*) from dunning_hold where tenant_id = ?", b.tenant()),
                "only the claimed invoice is held, not the buyer");

        CaseView c = run(() -> cases.openCaseOf(b.tenant(), UUID.fromString(b.buyer()))).orElseThrow();
        Activity logged = entry(b.tenant(), c, "claim-opened");
        assertEquals(claim, logged.detail().get("claimId"));
        assertEquals("PROTRACTED_DEFAULT", logged.detail().get("trigger"));
        assertEquals(List.of(number(b.claimed())), logged.detail().get("invoices"));
        assertEquals("insurance-claims-service", logged.actor());

        preview(b.tenant(), b.buyer())
                .body("[0].steps.findAll { it.itemReference == '" + b.claimed() + "' }.skipReason",
                        everyItem(equalTo("INVOICE_ON_HOLD")))
                .body("[0].steps.findAll { it.itemReference == '" + b.claimed() + "' }.outcome", hasItem("SKIPPED"))
                .body("[0].messages.invoices.flatten()", not(hasItem(b.claimed())))
                .body("[0].messages.invoices.flatten()", hasItem(b.other()));
    }

    /**
     * The demo's 厦门鹭岛工贸: an insolvency claim opened, and the run went on demanding its other invoice. Now no message
     * goes to a buyer with an insolvency claim open, whatever the claim holds; a rejected claim lets it be dunned again.
     */
    @Test
    void anInsolvencyClaimStopsEveryMessageToTheBuyerUntilItIsRejected() {
        TwoInvoices b = TwoInvoices.issued();
        String claim = UUID.randomUUID().toString();
        claimEvent(b.tenant(), claim, "claim-opened", opened(claim, b.buyer(), b.claimed(), "8000.00"));
        await("the insolvency claim", () -> Database.count("select count(*) from insolvency_claim where tenant_id = ?"
                + " and buyer_id = ?::uuid", b.tenant(), b.buyer()) == 1);
        preview(b.tenant(), b.buyer())
                .body("[0].steps.findAll { it.itemReference == '" + b.other() + "' && it.outcome == 'SKIPPED' }.skipReason",
                        everyItem(equalTo("BUYER_INSOLVENT")))
                .body("[0].steps.findAll { it.itemReference == '" + b.other() + "' }.skipReason", hasItem("BUYER_INSOLVENT"))
                .body("[0].messages", org.hamcrest.Matchers.empty());

        claimEvent(b.tenant(), claim, "claim-rejected", rejected(claim, b.buyer()));
        await("the claim ended", () -> Database.count("select count(*) from insolvency_claim where tenant_id = ?",
                b.tenant()) == 0);
        preview(b.tenant(), b.buyer())
                .body("[0].steps.skipReason", not(hasItem("BUYER_INSOLVENT")))
                .body("[0].messages.invoices.flatten()", hasItem(b.other()));
    }

    @Test
    void aPaidIndemnityClosesTheCaseAsClaimedAndAClosedCaseStaysClosed() {
        String tenant = fresh();
        String buyer = UUID.randomUUID().toString();
        String inv = issue(tenant, buyer, "8000.00");
        String claim = UUID.randomUUID().toString();
        claimEvent(tenant, claim, "claim-opened", opened(claim, buyer, inv, "8000.00"));
        await("the case with the claim", () -> Database.count("select count(*) from collection_case where tenant_id = ?"
                + " and buyer_id = ?::uuid", tenant, buyer) == 1);
        CaseView c = run(() -> cases.openCaseOf(tenant, UUID.fromString(buyer))).orElseThrow();

        claimEvent(tenant, claim, "indemnity-paid", indemnityPaid(claim, buyer, inv));
        await("the case closed", () -> run(() -> cases.find(tenant, c.id())).state() == CaseState.CLOSED);
        CaseView closed = run(() -> cases.find(tenant, c.id()));
        assertEquals(CloseReason.CLAIMED, closed.closeReason());
        assertEquals("CLAIMED", event(c.id(), "case-closed").get("closeReason").asText());

        // a second instalment of the indemnity finds the case closed and leaves it so
        String again = claimEvent(tenant, claim, "indemnity-paid", indemnityPaid(claim, buyer, inv));
        await("the second payment read", () -> Database.count("select count(*) from inbox where"
                + " consumer = 'collections-service' and event_id = ?", again) == 1);
        CaseView still = run(() -> cases.find(tenant, c.id()));
        assertEquals(CaseState.CLOSED, still.state());
        assertEquals(closed.version(), still.version(), "nothing written on the closed case");
    }

    @Test
    void aRejectedClaimEndsTheHoldSoDunningResumesAndTheCaseGoesBackToTheCollectorToday() {
        String tenant = fresh();
        String buyer = UUID.randomUUID().toString();
        String inv = issue(tenant, buyer, "8000.00");
        String claim = UUID.randomUUID().toString();
        claimEvent(tenant, claim, "claim-opened", opened(claim, buyer, inv, "8000.00"));
        await("the claim hold", () -> Database.count("select count(*) from dunning_hold where tenant_id = ?"
                + " and reason = 'CLAIM'", tenant) == 1);

        // the claim opened the case, due for a first look; the collector then planned a call in 10 days
        CaseView planned = run(() -> cases.openCaseOf(tenant, UUID.fromString(buyer))).orElseThrow();
        run(() -> cases.planNextAction(tenant, planned.id(), today().plusDays(10), "lena"));
        claimEvent(tenant, claim, "claim-rejected", rejected(claim, buyer));
        await("the hold ended", () -> Database.count("select count(*) from dunning_hold where tenant_id = ?"
                + " and reason = 'CLAIM' and released_on = ?", tenant, today()) == 1);
        CaseView c = run(() -> cases.openCaseOf(tenant, UUID.fromString(buyer))).orElseThrow();
        await("the case back with the collector", () -> io.tradecredit.collections.domain.BusinessCalendar.DEFAULT
                .nextWorkingDay(today()).equals(run(() -> cases.find(tenant, c.id())).nextActionOn()));
        Activity logged = entry(tenant, c, "claim-rejected");
        assertEquals("the buyer's insolvency was known when the invoice was issued", logged.detail().get("reason"));

        preview(tenant, buyer)
                .body("[0].steps.skipReason", not(hasItem("INVOICE_ON_HOLD")))
                .body("[0].messages.invoices.flatten()", hasItem(inv));
    }

    /**
     * A tenant that does not work today nor tomorrow (a two-day holiday): a rejected claim gives the case back to its collector on the next working day. Until session 31 it was today, a day
     * nobody works, while a case opened or given back that day is planned on the next working day.
     */
    @Test
    void aClaimRejectedOnADayTheTenantDoesNotWorkGivesTheCaseBackOnItsNextWorkingDay() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        java.time.LocalDate back = ReadModelEvents.offTodayAndTomorrow(tenant);
        String buyer = UUID.randomUUID().toString();
        String inv = issue(tenant, buyer, "8000.00");
        String claim = UUID.randomUUID().toString();
        claimEvent(tenant, claim, "claim-opened", opened(claim, buyer, inv, "8000.00"));
        await("the claim hold", () -> Database.count("select count(*) from dunning_hold where tenant_id = ?"
                + " and reason = 'CLAIM'", tenant) == 1);
        claimEvent(tenant, claim, "claim-rejected", rejected(claim, buyer));
        CaseView c = run(() -> cases.openCaseOf(tenant, UUID.fromString(buyer))).orElseThrow();
        await("logged", () -> run(() -> cases.activities(tenant, c.id())).stream()
                .anyMatch(a -> a.kind().equals("claim-rejected")));
        assertEquals(back, run(() -> cases.find(tenant, c.id())).nextActionOn());
    }

    /** A draft the tenant withdraws (the dunning ladder's, say) ends its holds as a rejection does: dunning resumes. */
    @Test
    void aWithdrawnDraftEndsTheHoldAndIsLoggedOnTheCase() {
        String tenant = fresh();
        String buyer = UUID.randomUUID().toString();
        String inv = issue(tenant, buyer, "8000.00");
        String claim = UUID.randomUUID().toString();
        claimEvent(tenant, claim, "claim-opened", opened(claim, buyer, inv, "8000.00"));
        await("the claim hold", () -> Database.count("select count(*) from dunning_hold where tenant_id = ?"
                + " and reason = 'CLAIM'", tenant) == 1);

        Map<String, Object> withdrawn = common(claim, buyer);
        withdrawn.put("reason", "the buyer agreed a payment plan");
        withdrawn.put("withdrawnOn", today().toString());
        withdrawn.put("withdrawnBy", "manager@acme");
        claimEvent(tenant, claim, "claim-withdrawn", withdrawn);
        await("the hold ended", () -> Database.count("select count(*) from dunning_hold where tenant_id = ?"
                + " and reason = 'CLAIM' and released_on = ?", tenant, today()) == 1);
        CaseView c = run(() -> cases.openCaseOf(tenant, UUID.fromString(buyer))).orElseThrow();
        await("logged", () -> run(() -> cases.activities(tenant, c.id())).stream()
                .anyMatch(a -> a.kind().equals("claim-withdrawn")));
        assertEquals("the buyer agreed a payment plan", entry(tenant, c, "claim-withdrawn").detail().get("reason"));
    }

    @Test
    void anUnreadableClaimEventGoesToTheDlqAndAnotherTenantsClaimTouchesNothing() {
        String tenant = fresh();
        String buyer = UUID.randomUUID().toString();
        String inv = issue(tenant, buyer, "8000.00");
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "dunning-run"));

        String poison = UUID.randomUUID().toString();
        sendUnchecked("claim-events", tenant, poison, "io.tradecredit.claims.indemnity-paid.v1", poison,
                "{\"claimId\":\"not-a-uuid\",\"buyerId\":\"" + buyer + "\"}");
        String claim = UUID.randomUUID().toString();
        String elsewhere = claimEvent(fresh(), claim, "indemnity-paid", indemnityPaid(claim, buyer, inv));
        String skipped = claimEvent(tenant, claim, "claim-approved", approved(claim, buyer));

        List<ConsumerRecord<String, String>> dead = Topics.read("claim-events.dlq.collections-service",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> poison.equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> poison.equals(r.key())), "the unreadable event parked");
        await("the other events read", () -> Database.count("select count(*) from inbox where"
                + " consumer = 'collections-service' and event_id in (?, ?)", elsewhere, skipped) == 2);
        CaseView same = run(() -> cases.find(tenant, c.id()));
        assertEquals(CaseState.OPEN, same.state(), "another tenant's indemnity does not close this tenant's case");
        assertEquals(c.version(), same.version());
        assertEquals(0, Database.count("select count(*) from dunning_hold where tenant_id = ?", tenant));
    }

    /** A fresh tenant's buyer with an invoice of 8,000.00 the claim names and one of 500.00 it does not. */
    private record TwoInvoices(String tenant, String buyer, String claimed, String other) {
        static TwoInvoices issued() {
            String tenant = fresh();
            String buyer = UUID.randomUUID().toString();
            return new TwoInvoices(tenant, buyer, issue(tenant, buyer, "8000.00"), issue(tenant, buyer, "500.00"));
        }
    }

    private static String fresh() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String issue(String tenant, String buyer, String amount) {
        String inv = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, inv, amount, today().minusDays(20)));
        await("invoice " + inv, () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, inv) == 1);
        return inv;
    }

    private static String claimEvent(String tenant, String claim, String name, Map<String, Object> body) {
        return Topics.sendEvent("claim-events", tenant, "claims", name, claim, UUID.randomUUID().toString(), body);
    }

    private static Map<String, Object> common(String claim, String buyer) {
        Map<String, Object> m = new HashMap<>();
        m.put("claimId", claim);
        m.put("policyId", UUID.randomUUID().toString());
        m.put("policyNumber", "POL-2026-001");
        m.put("insurer", "Sinosure");
        m.put("buyerId", buyer);
        m.put("buyerName", "Globex Trading Ltd.");
        return m;
    }

    private static List<Map<String, Object>> invoices(String inv, String amount) {
        return List.of(Map.of("invoiceNumber", number(inv), "invoiceId", inv, "unpaidAmount", money(amount)));
    }

    private static Map<String, Object> opened(String claim, String buyer, String inv, String amount) {
        Map<String, Object> m = common(claim, buyer);
        m.put("cause", "INSOLVENCY");
        m.put("trigger", "INSOLVENCY");
        m.put("invoices", invoices(inv, amount));
        m.put("unpaidAmount", money(amount));
        m.put("openedOn", today().toString());
        m.put("openedBy", "claims-job");
        return m;
    }

    private static Map<String, Object> indemnityPaid(String claim, String buyer, String inv) {
        Map<String, Object> m = common(claim, buyer);
        m.put("invoices", invoices(inv, "8000.00"));
        m.put("amount", money("5400.00"));
        m.put("indemnityPaid", money("5400.00"));
        m.put("indemnity", money("5400.00"));
        m.put("fullyPaid", true);
        m.put("paidOn", today().toString());
        m.put("recordedBy", "finance@acme");
        return m;
    }

    private static Map<String, Object> rejected(String claim, String buyer) {
        Map<String, Object> m = common(claim, buyer);
        m.put("reason", "the buyer's insolvency was known when the invoice was issued");
        m.put("rejectedOn", today().toString());
        m.put("rejectedBy", "finance@acme");
        return m;
    }

    private static Map<String, Object> approved(String claim, String buyer) {
        Map<String, Object> m = common(claim, buyer);
        m.put("unpaidAmount", money("8000.00"));
        m.put("insuredLimit", money("10000.00"));
        m.put("deductible", money("1000.00"));
        m.put("insuredLoss", money("7000.00"));
        m.put("insuredPercent", "90");
        m.put("indemnity", money("6300.00"));
        m.put("tenantBears", money("1700.00"));
        m.put("approvedOn", today().toString());
        m.put("approvedBy", "finance@acme");
        return m;
    }

    private static io.restassured.response.ValidatableResponse preview(String tenant, String buyer) {
        return given().auth().oauth2(Tokens.tenant(tenant).roles("viewer").mint())
                .get("/api/v1/dunning/runs/preview?asOf=" + today() + "&buyerId=" + buyer).then().statusCode(200);
    }

    private Activity entry(String tenant, CaseView c, String kind) {
        return run(() -> cases.activities(tenant, c.id())).stream().filter(a -> kind.equals(a.kind())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the case log"));
    }

    private static JsonNode event(UUID caseId, String name) {
        String type = "io.tradecredit.collections." + name + ".v1";
        Predicate<ConsumerRecord<String, String>> match =
                r -> caseId.toString().equals(r.key()) && type.equals(Topics.header(r, "ce_type"));
        return Contracts.assertValid(Topics.read("collection-cases", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(match)).stream().filter(match).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " for case " + caseId)));
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
