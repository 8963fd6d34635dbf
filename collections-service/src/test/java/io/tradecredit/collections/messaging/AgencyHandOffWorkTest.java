package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.AgencyFlowTest.event;
import static io.tradecredit.collections.messaging.AgencyFlowTest.fresh;
import static io.tradecredit.collections.messaging.AgencyFlowTest.run;
import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.collections.app.AgencyHandOffWork;
import io.tradecredit.collections.app.AgencyPlacements;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CaseWork;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.app.StepWork;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * The ladder's agency hand-off steps as the daily run hands them over ({@link StepWork}, in one
 * transaction): the contract's rule decides whether and to whom; a case already with an agency
 * gets the step's instruction.
 */
@QuarkusTest
class AgencyHandOffWorkTest {
    @Inject
    AgencyHandOffWork work;

    @Inject
    CollectionCases cases;

    @Inject
    CaseWork caseWork;

    @Inject
    AgencyPlacements placements;

    static void contract(String tenant, String agency, String fee, Map<String, Object> handOff) {
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", fee, "currencies", List.of("CNY"), "handOff", handOff))
                .put("/api/v1/agencies/" + agency).then().statusCode(200);
    }

    /** A buyer owing 8,000.00 CNY, {@code daysPastDue} days past due. */
    static UUID buyerOverdue(String tenant, int daysPastDue) {
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, inv, "8000.00", today().minusDays(daysPastDue)));
        await("the invoice", () -> Database.count("select count(*) from open_invoice where tenant_id = ? and invoice_id = ?::uuid",
                tenant, inv) == 1);
        return UUID.fromString(buyer);
    }

    void take(String tenant, UUID buyer, String stepKey, String actionKey) {
        take(tenant, buyer, stepKey, actionKey, today());
    }

    void take(String tenant, UUID buyer, String stepKey, String actionKey, LocalDate runDate) {
        StepWork.Order order = new StepWork.Order(tenant, buyer, runDate, UUID.randomUUID().toString(), stepKey,
                DunningAction.work(DunningAction.Kind.AGENCY_HANDOFF, actionKey));
        run(() -> CurrentTransaction.run(() -> work.take(List.of(order))).replaceWith(true));
    }

    /** The buyer's case once the run of {@code runDate} handed it to {@code agency} (contracted from 30 days past due). */
    CaseView handedOver(String tenant, String agency, UUID buyer, LocalDate runDate) {
        contract(tenant, agency, "15", Map.of("mode", "DAYS_PAST_DUE", "daysPastDue", 30));
        take(tenant, buyer, "agency-step", "agency.hand-off", runDate);
        return run(() -> cases.openCaseOf(tenant, buyer)).orElseThrow();
    }

    @Test
    void theRunHandsTheBuyerToTheCheapestAgencyWhoseRuleItMeetsThenPassesTheLaterStepOn() {
        String tenant = fresh("t-");
        String from30 = fresh("ag-");
        String from60 = fresh("ag-");
        contract(tenant, from30, "15", Map.of("mode", "DAYS_PAST_DUE", "daysPastDue", 30));
        contract(tenant, from60, "10", Map.of("mode", "DAYS_PAST_DUE", "daysPastDue", 60));
        contract(tenant, fresh("manual-"), "1", Map.of("mode", "MANUAL"));
        UUID buyer = buyerOverdue(tenant, 45);

        take(tenant, buyer, "agency-step", "agency.hand-off");
        CaseView c = run(() -> cases.openCaseOf(tenant, buyer)).orElseThrow();
        assertEquals(CaseState.WITH_AGENCY, c.state());
        JsonNode file = event(TopicNames.agencyCases(from30), c.id(), "io.tradecredit.collections.agency-case-placed.v1");
        assertEquals("agency.hand-off", file.get("instruction").asText());
        JsonNode handed = event(TopicNames.COLLECTION_CASES, c.id(), "io.tradecredit.collections.handed-to-agency.v1");
        assertEquals("dunning-run", handed.get("by").asText());
        assertEquals("agency-step", handed.get("stepKey").asText());

        take(tenant, buyer, "agency-legal-action", "agency.may-take-legal-action");
        JsonNode told = event(TopicNames.agencyCases(from30), c.id(), "io.tradecredit.collections.agency-case-instructed.v1");
        assertEquals("agency.may-take-legal-action", told.get("instruction").asText());
        assertEquals(1, Database.count("select count(*) from agency_placement where tenant_id = ?", tenant),
                "still the one placement");
    }

    /**
     * A catch-up today of the run of three days ago hands the buyer over as of that run: the move to the agency
     * (case-state-changed's on) and the placement (handed-to-agency's handedOn) are of the run's date. Until session 35
     * both said the day of processing.
     */
    @Test
    void aPastDatesRunHandsTheBuyerOverOnTheRunDate() {
        String tenant = fresh("t-");
        String agency = fresh("ag-");
        UUID buyer = buyerOverdue(tenant, 45);
        LocalDate runDate = today().minusDays(3);

        CaseView c = handedOver(tenant, agency, buyer, runDate);
        assertEquals(CaseState.WITH_AGENCY, c.state());
        assertEquals(runDate.toString(), event(TopicNames.COLLECTION_CASES, c.id(),
                "io.tradecredit.collections.case-state-changed.v1").get("on").asText());
        assertEquals(runDate.toString(), event(TopicNames.COLLECTION_CASES, c.id(),
                "io.tradecredit.collections.handed-to-agency.v1").get("handedOn").asText());
    }

    /**
     * The default +60 legal preparation on a case an agency holds: logged, the case stays with the
     * agency, and the tenant can still recall it. It was moved to legal with the placement still
     * running, and the recall (and the agency's "returned") were refused with 409.
     */
    @Test
    void legalPreparationLeavesACaseWithItsAgencyWhichTheTenantCanStillRecall() {
        String tenant = fresh("t-");
        String agency = fresh("ag-");
        UUID buyer = buyerOverdue(tenant, 60);
        CaseView c = handedOver(tenant, agency, buyer, today());
        assertEquals(CaseState.WITH_AGENCY, c.state());

        StepWork.Order legal = new StepWork.Order(tenant, buyer, today(), UUID.randomUUID().toString(),
                "legal-preparation", DunningAction.work(DunningAction.Kind.LEGAL_PREPARATION, "legal.prepare-procedure"));
        run(() -> CurrentTransaction.run(() -> caseWork.take(List.of(legal))).replaceWith(true));
        assertEquals(CaseState.WITH_AGENCY, run(() -> cases.find(tenant, c.id())).state());
        assertTrue(run(() -> cases.activities(tenant, c.id())).stream().anyMatch(a -> a.kind().equals("legal-preparation")
                && "the case is with an agency: it stays there".equals(a.detail().get("note"))));

        assertEquals(CaseState.IN_PROGRESS, run(() -> placements.recall(tenant, c.id(), "lena", "we sue ourselves")
                .chain(p -> cases.find(tenant, c.id()))).state());
    }

    @Test
    void noContractTakesTheBuyerSoTheStepIsOnlyLogged() {
        String tenant = fresh("t-");
        contract(tenant, fresh("ag-"), "15", Map.of("mode", "MINIMUM_AMOUNT",
                "minimumOverdue", List.of(Map.of("amount", "50000.00", "currency", "CNY"))));
        UUID noCase = buyerOverdue(tenant, 100);
        take(tenant, noCase, "agency-step", "agency.hand-off");
        assertTrue(run(() -> cases.openCaseOf(tenant, noCase)).isEmpty(), "no case opened for nothing");

        UUID withCase = buyerOverdue(tenant, 100);
        CaseView c = run(() -> cases.openFor(tenant, withCase, today(), "lena"));
        take(tenant, withCase, "agency-step", "agency.hand-off");
        assertEquals(CaseState.OPEN, run(() -> cases.find(tenant, c.id())).state());
        assertTrue(run(() -> cases.activities(tenant, c.id())).stream()
                .anyMatch(a -> a.kind().equals("agency-hand-off-skipped")
                        && "no agency contract takes the buyer".equals(a.detail().get("reason"))));
        assertEquals(0, Database.count("select count(*) from agency_placement where tenant_id = ?", tenant));
    }
}
