package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.cny;
import static io.tradecredit.invoice.LedgerFixtures.lateCharges;
import static io.tradecredit.invoice.LedgerFixtures.post;
import static io.tradecredit.invoice.LedgerFixtures.raiseDispute;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.LedgerFixtures;
import io.tradecredit.testing.Tokens;

/**
 * The one-off late fee (3 % at 30 days past due) of an invoice on which nothing was collectible on its 30th day past
 * due, disputed in full or under a kept payment plan, is charged once when something becomes collectible again: on
 * what is collectible then, never on an upheld part (until session 30 it was never charged).
 */
@QuarkusTest
class LateFeeBecomesDueAgainApiTest {
    static final LocalDate TODAY = PlatformZone.today();
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();

    /** 10,000 due 40 days ago, disputed in full on day 25, partly upheld today (day 40) for 4,000: 180.00 from today. */
    @Test
    void aFeeDisputedAwayOnItsDayIsChargedOnWhatIsLeftWhenTheDisputeIsPartlyUpheld() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(40);
        String id = LedgerFixtures.issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        String collector = LedgerFixtures.token(tenant, "collector");
        String disputes = "/api/v1/invoices/" + id + "/disputes";
        String disputeId = raiseDispute(collector, id, "QUALITY", "10000.00", "the whole lot arrived damaged",
                "photos DOC-31", due.plusDays(25));
        String viewer = LedgerFixtures.token(tenant, "viewer");
        // disputed in full on day 30: no fee then; 25 days of interest on 10,000 before the dispute = 125.00
        lateCharges(viewer, id, TODAY).body("interest.amount", equalTo("125.00"), "fee.amount", equalTo("0.00"));

        post(collector, disputes + "/" + disputeId + "/assessment",
                Map.of("responsibleParty", "SELLER", "findings", "4 of 10 units damaged")).statusCode(200);
        post(LedgerFixtures.token(tenant, "finance"), disputes + "/" + disputeId + "/resolution",
                Map.of("outcome", "PARTIALLY_UPHELD", "creditedAmount", cny("4000.00"), "rootCause", "packing"))
                .statusCode(200);
        // the 6,000 left is collectible again from today (day 40): 3 % of it, 180.00, not on the upheld 4,000
        lateCharges(viewer, id, TODAY.minusDays(1)).body("fee.amount", equalTo("0.00"));
        lateCharges(viewer, id, TODAY).body("collectible.amount", equalTo("6000.00"), "fee.amount", equalTo("180.00"));
        // once: 20 days later still 180.00; the upheld 4,000 was never owed (session 32), so the 25 days before the
        // dispute were on 6,000: 75.00 + 20 x 3.00 = 135.00 (it was 125.00 + 60.00 = 185.00)
        lateCharges(viewer, id, TODAY.plusDays(20)).body("fee.amount", equalTo("180.00"),
                "interest.amount", equalTo("135.00"));
    }

    /**
     * 10,000 due 40 days ago, 9,999 disputed on day 25, rejected today (day 40): 0.03 on the 1 collectible on day 30,
     * then 300.00 from today, as if the 9,999 had been collectible on day 30 (until session 31 the fee stayed 0.03).
     */
    @Test
    void aFeeOnAPartDisputedOnItsDayIsRaisedWhenTheDisputeIsRejected() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(40);
        String id = LedgerFixtures.issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        String collector = LedgerFixtures.token(tenant, "collector");
        String disputes = "/api/v1/invoices/" + id + "/disputes";
        String disputeId = raiseDispute(collector, id, "PRICE", "9999.00", "price not as agreed", "order PO-31",
                due.plusDays(25));
        String viewer = LedgerFixtures.token(tenant, "viewer");
        lateCharges(viewer, id, TODAY).body("collectible.amount", equalTo("1.00"), "fee.amount", equalTo("0.03"));

        post(collector, disputes + "/" + disputeId + "/assessment",
                Map.of("responsibleParty", "BUYER", "findings", "the price is the order's")).statusCode(200);
        post(LedgerFixtures.token(tenant, "finance"), disputes + "/" + disputeId + "/resolution",
                Map.of("outcome", "REJECTED", "rootCause", "buyer misread the order")).statusCode(200);
        lateCharges(viewer, id, TODAY.minusDays(1)).body("fee.amount", equalTo("0.03"));
        lateCharges(viewer, id, TODAY).body("collectible.amount", equalTo("10000.00"), "fee.amount", equalTo("300.00"));
        lateCharges(viewer, id, TODAY.plusDays(20)).body("fee.amount", equalTo("300.00"));
    }

    /**
     * As above, with the fee (0.03) waived before the rejection: the waiver gave up the late fee, so the 300.00 it
     * becomes is waived too and none is due (until session 32 the waiver kept its 0.03 and 299.97 fell due).
     */
    @Test
    void aWaivedFeeStaysWaivedWhenTheDisputeIsRejectedAndItGrows() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(40);
        String id = LedgerFixtures.issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        String collector = LedgerFixtures.token(tenant, "collector");
        String finance = LedgerFixtures.token(tenant, "finance");
        String disputes = "/api/v1/invoices/" + id + "/disputes";
        String disputeId = raiseDispute(collector, id, "PRICE", "9999.00", "price not as agreed", "order PO-32",
                due.plusDays(25));
        post(finance, "/api/v1/invoices/" + id + "/late-charges/waivers",
                Map.of("scope", "FEE", "reason", "key customer")).statusCode(201).body("feeWaived.amount", equalTo("0.03"));

        post(collector, disputes + "/" + disputeId + "/assessment",
                Map.of("responsibleParty", "BUYER", "findings", "the price is the order's")).statusCode(200);
        post(finance, disputes + "/" + disputeId + "/resolution",
                Map.of("outcome", "REJECTED", "rootCause", "buyer misread the order")).statusCode(200);
        String viewer = LedgerFixtures.token(tenant, "viewer");
        lateCharges(viewer, id, TODAY.plusDays(20)).body("fee.amount", equalTo("300.00"),
                "waived.fee.amount", equalTo("300.00"), "due.fee.amount", equalTo("0.00"));
    }

    /**
     * 10,000 due 20 days ago under a plan agreed today, first instalment in 25 days (day 45) missed: the daily run the
     * day after breaks the plan, and the fee its 30th day fell under (300.00) is charged from then (day 46), once.
     */
    @Test
    void aFeeWhoseDayFellUnderAKeptPlanIsChargedOnceWhenThePlanBreaks() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(20);
        String id = LedgerFixtures.issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        LocalDate first = TODAY.plusDays(25); // first + 1: a date no other test runs the daily job for
        PaymentPlanApiTest.agree(LedgerFixtures.token(tenant, "finance"), buyer, List.of(id), 2, first).then()
                .statusCode(201);
        String viewer = LedgerFixtures.token(tenant, "viewer");
        // kept on day 30 and after: 20 days of interest before the plan (100.00), no fee
        lateCharges(viewer, id, first.plusDays(1)).body("interest.amount", equalTo("100.00"), "fee.amount", equalTo("0.00"));

        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(1)).then()
                .statusCode(200);
        lateCharges(viewer, id, first).body("fee.amount", equalTo("0.00"));
        lateCharges(viewer, id, first.plusDays(1)).body("fee.amount", equalTo("300.00"), "interest.amount", equalTo("100.00"));
        // once: 10 days later still 300.00; interest 100.00 + 10 x 5.00 = 150.00
        lateCharges(viewer, id, first.plusDays(11)).body("fee.amount", equalTo("300.00"),
                "interest.amount", equalTo("150.00"));
    }
}
