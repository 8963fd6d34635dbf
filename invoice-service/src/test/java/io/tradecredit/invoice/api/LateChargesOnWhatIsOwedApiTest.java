package io.tradecredit.invoice.api;

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

/**
 * Late charges run on what the buyer really owed: what a credit note takes back was never owed (session 32: it was
 * charged until the note), and what a dispute releases beside a kept payment plan is overdue and charged (session 32:
 * it accrued nothing until the plan ended).
 */
@QuarkusTest
class LateChargesOnWhatIsOwedApiTest {
    static final LocalDate TODAY = PlatformZone.today();

    /** 10,000 due 45 days ago, 4,000 credited today (goods returned): on day 60, 180.00 interest and 180.00 fee. */
    @Test
    void aCreditNoteAfterTheFeeDayLeavesChargesOnlyOnWhatWasOwed() {
        String tenant = LedgerFixtures.freshTenant();
        String id = LedgerFixtures.issue(tenant, UUID.randomUUID(), TODAY.minusDays(75), TODAY.minusDays(45), "10000.00");
        String viewer = LedgerFixtures.token(tenant, "viewer");
        // before the note: 45 days on 10,000 and the fee on it
        lateCharges(viewer, id, TODAY).body("interest.amount", equalTo("225.00"), "fee.amount", equalTo("300.00"));

        post(LedgerFixtures.token(tenant, "finance"), "/api/v1/invoices/" + id + "/credit-notes",
                Map.of("amount", cny("4000.00"), "reason", "4 of 10 units returned")).statusCode(201);
        // the buyer owed 6,000 throughout: 45 x 3.00 = 135.00 today, 60 x 3.00 = 180.00 on day 60, fee 3% of 6,000
        // (it was 225.00 + 15 x 3.00 = 270.00 and 300.00)
        lateCharges(viewer, id, TODAY).body("open.amount", equalTo("6000.00"), "interest.amount", equalTo("135.00"),
                "fee.amount", equalTo("180.00"));
        lateCharges(viewer, id, TODAY.plusDays(15)).body("interest.amount", equalTo("180.00"), "fee.amount",
                equalTo("180.00"), "totalDue.amount", equalTo("6360.00"));
    }

    /**
     * 10,000 due 40 days ago, 4,000 disputed on day 10, a plan over the 6,000 collectible agreed today and the dispute
     * rejected today: the 4,000 is overdue beside the plan and charged from today, its fee too.
     */
    @Test
    void whatADisputeReleasesBesideAKeptPlanAccruesAsAnyOverdueAmount() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(40);
        String id = LedgerFixtures.issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        String collector = LedgerFixtures.token(tenant, "collector");
        String finance = LedgerFixtures.token(tenant, "finance");
        String disputes = "/api/v1/invoices/" + id + "/disputes";
        String disputeId = raiseDispute(collector, id, "QUANTITY", "4000.00", "4 units short", "delivery note DN-32",
                due.plusDays(10));
        PaymentPlanApiTest.agree(finance, buyer, List.of(id), 3, TODAY.plusDays(30)).then().statusCode(201)
                .body("principal.amount", equalTo("6000.00"));

        post(collector, disputes + "/" + disputeId + "/assessment",
                Map.of("responsibleParty", "BUYER", "findings", "all units delivered, signed for")).statusCode(200);
        post(finance, disputes + "/" + disputeId + "/resolution",
                Map.of("outcome", "REJECTED", "rootCause", "buyer miscounted")).statusCode(200);
        String viewer = LedgerFixtures.token(tenant, "viewer");
        // 10 days on 10,000, 30 on 6,000, then 20 on the 4,000 beside the plan: 50.00 + 90.00 + 40.00 = 180.00; the
        // fee 3% of the 6,000 on day 30 and of the 4,000 from today: 300.00 (it was 140.00 and 180.00)
        lateCharges(viewer, id, TODAY.plusDays(20)).body("collectible.amount", equalTo("10000.00"),
                "interest.amount", equalTo("180.00"), "fee.amount", equalTo("300.00"));
    }
}
