package io.tradecredit.collections.jobs;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/**
 * The run chooses a buyer's ladder by the tenant's amount bands exactly as the ladder door
 * ({@code GET /api/v1/dunning/buyers/{id}/ladder}) answers: from the buyer's overdue balance in
 * every currency it is overdue in, and in no band when nothing is overdue.
 */
@QuarkusTest
class SegmentLadderRunTest {
    // a year of its own: every date of this test is run only here
    static final LocalDate MARCH_17 = LocalDate.of(2038, 3, 17);

    @Test
    void theRunDunsEachBuyerOnTheLadderTheLadderDoorAnswers() {
        String tenant = freshTenant();
        String admin = Tokens.tenant(tenant).roles("tenant-admin").mint();
        ladder(admin, "strict", "strict-call", 1);
        ladder(admin, "soft", "soft-call", -10);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("defaultLadderKey", "default",
                "segmentRules", List.of(
                        Map.of("name", "big debts", "ladderKey", "strict", "minOverdue", cny("100000.00")),
                        Map.of("name", "small debts", "ladderKey", "soft", "maxOverdue", cny("1000.00")))))
                .put("/api/v1/dunning/assignments").then().statusCode(200);

        // 500 EUR due 03-01 (due first) and 120,000 CNY due 03-10: 120,000 CNY overdue is a big debt
        String twoCurrencies = UUID.randomUUID().toString();
        issue(tenant, twoCurrencies, "500.00", "EUR", LocalDate.of(2038, 3, 1));
        issue(tenant, twoCurrencies, "120000.00", "CNY", LocalDate.of(2038, 3, 10));
        // 500,000 CNY not yet due: nothing overdue is no small debt, the tenant's default applies
        String notYetDue = UUID.randomUUID().toString();
        issue(tenant, notYetDue, "500000.00", "CNY", LocalDate.of(2038, 3, 20));

        String viewer = Tokens.tenant(tenant).roles("viewer").mint();
        for (var expected : Map.of(twoCurrencies, "strict", notYetDue, "default").entrySet()) {
            given().auth().oauth2(viewer).queryParam("asOf", MARCH_17.toString())
                    .get("/api/v1/dunning/buyers/" + expected.getKey() + "/ladder").then().statusCode(200)
                    .body("ladderKey", equalTo(expected.getValue()));
        }

        runCompleted(MARCH_17);

        assertRunOn(tenant, twoCurrencies, "strict");
        assertEquals(2, Database.count("select count(*) from dunning_step_log where tenant_id = ? and buyer_id = ?::uuid"
                + " and step_key = 'strict-call' and outcome = 'TAKEN'", tenant, twoCurrencies), "a call per invoice");
        assertRunOn(tenant, notYetDue, "default");
    }

    /** Every step the run logged for the buyer was of {@code ladder}, and there was one at least. */
    private static void assertRunOn(String tenant, String buyer, String ladder) {
        String logged = "select count(*) from dunning_step_log where tenant_id = ? and buyer_id = ?::uuid";
        assertEquals(0, Database.count(logged + " and ladder_key <> ?", tenant, buyer, ladder), "steps of another ladder");
        assertEquals(true, Database.count(logged + " and ladder_key = ?", tenant, buyer, ladder) > 0, "steps of " + ladder);
    }

    private static void ladder(String admin, String key, String step, int offset) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2038-01-01", "steps",
                List.of(Map.of("key", step, "offsetDays", offset, "actions",
                        List.of(Map.of("kind", "COLLECTOR_TASK", "key", "task.call"))))))
                .put("/api/v1/dunning/ladders/" + key).then().statusCode(200);
    }

    private static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private static void issue(String tenant, String buyer, String amount, String currency, LocalDate due) {
        String invoice = UUID.randomUUID().toString();
        Map<String, Object> issued = ReadModelEvents.issued(buyer, invoice, amount, due);
        Map<String, String> money = Map.of("amount", amount, "currency", currency);
        issued.put("total", money);
        issued.put("openAmount", money);
        issued.put("tax", Map.of("amount", "0.00", "currency", currency));
        ReadModelEvents.invoice(tenant, buyer, "issued", issued);
        ReadModelEvents.await("invoice " + invoice + " in the read model", () -> Database.count(
                "select count(*) from open_invoice where tenant_id = ? and invoice_id = ?::uuid", tenant, invoice) == 1);
    }
}
