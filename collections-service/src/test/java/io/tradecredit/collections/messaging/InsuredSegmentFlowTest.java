package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.money;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * A buyer becomes insured from insurance-claims-service's insured-limit-schedule-changed on claim-events,
 * and the tenant's "insured" segment then chooses its ladder, in the dry run as in the run
 * (docs/collections-service.md, "Insured buyers").
 */
@QuarkusTest
class InsuredSegmentFlowTest {
    static final String POLICY = UUID.randomUUID().toString();

    @Test
    void aBuyerTheInsurerCoversGetsTheInsuredSegmentsLadderUntilTheCoverIsCancelled() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String buyer = UUID.randomUUID().toString();
        String admin = Tokens.tenant(tenant).roles("tenant-admin").mint();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("steps", List.of(Map.of("key",
                "insured-call", "offsetDays", 5, "actions", List.of(Map.of("kind", "COLLECTOR_TASK", "key", "task.call"))))))
                .put("/api/v1/dunning/ladders/covered").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("defaultLadderKey", "default",
                "segmentRules", List.of(Map.of("name", "insured buyers", "ladderKey", "covered", "insured", true))))
                .put("/api/v1/dunning/assignments").then().statusCode(200);
        String inv = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, inv, "8000.00", today().minusDays(20)));
        await("the invoice", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, inv) == 1);
        preview(tenant, buyer, today()).body("[0].ladderKey", equalTo("default"));

        // another tenant's cover of the same buyer id insures nothing here
        String elsewhere = "t-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        scheduleChanged(elsewhere, buyer, first, period("100000.00", today().minusDays(60), null));
        // a schedule without periods (every limit refused so far) insures nothing
        scheduleChanged(tenant, buyer, first);
        await("the empty schedule kept", () -> kept(tenant, buyer, first));
        preview(tenant, buyer, today()).body("[0].ladderKey", equalTo("default"));
        OffsetDateTime granted = first.plusSeconds(1);
        scheduleChanged(tenant, buyer, granted, period("100000.00", today().minusDays(30), null));
        await("the schedule kept", () -> kept(tenant, buyer, granted));

        preview(tenant, buyer, today()).body("[0].ladderKey", equalTo("covered"), "[0].steps[0].stepKey", equalTo("insured-call"));
        String viewer = Tokens.tenant(tenant).roles("viewer").mint();
        given().auth().oauth2(viewer).get("/api/v1/dunning/buyers/" + buyer + "/ladder").then().statusCode(200)
                .body("insured", equalTo(true), "ladderKey", equalTo("covered"), "source", equalTo("SEGMENT"),
                        "segmentRule", equalTo("insured buyers"));
        // before the cover was effective the buyer was not insured
        given().auth().oauth2(viewer).queryParam("asOf", today().minusDays(31).toString())
                .get("/api/v1/dunning/buyers/" + buyer + "/ladder").then().statusCode(200)
                .body("insured", equalTo(false), "ladderKey", equalTo("default"));
        // the caller may still ask "what if not insured"
        given().auth().oauth2(viewer).queryParam("insured", false).get("/api/v1/dunning/buyers/" + buyer + "/ladder")
                .then().statusCode(200).body("insured", equalTo(false), "ladderKey", equalTo("default"));

        // the insurer cancels the limit from tomorrow: covered today, back on the default ladder tomorrow
        OffsetDateTime cancelled = granted.plusSeconds(1);
        scheduleChanged(tenant, buyer, cancelled, period("100000.00", today().minusDays(30), today()));
        await("the cancellation kept", () -> kept(tenant, buyer, cancelled));
        given().auth().oauth2(viewer).queryParam("asOf", today().plusDays(1).toString())
                .get("/api/v1/dunning/buyers/" + buyer + "/ladder").then().statusCode(200)
                .body("insured", equalTo(false), "ladderKey", equalTo("default"));
        preview(tenant, buyer, today()).body("[0].ladderKey", equalTo("covered"));
    }

    private static ValidatableResponse preview(String tenant, String buyer, LocalDate asOf) {
        return given().auth().oauth2(Tokens.tenant(tenant).roles("viewer").mint())
                .get("/api/v1/dunning/runs/preview?asOf=" + asOf + "&buyerId=" + buyer).then().statusCode(200);
    }

    private static Map<String, Object> period(String amount, LocalDate from, LocalDate until) {
        Map<String, Object> m = new HashMap<>();
        m.put("from", from.toString());
        m.put("until", until == null ? null : until.toString());
        m.put("amount", money(amount));
        m.put("policyId", POLICY);
        return m;
    }

    /** insured-limit-schedule-changed as insurance-claims-service publishes it (checked against its schema). */
    @SafeVarargs
    private static void scheduleChanged(String tenant, String buyer, OffsetDateTime computedAt,
            Map<String, Object>... periods) {
        Topics.sendEvent("claim-events", tenant, "claims", "insured-limit-schedule-changed", buyer,
                UUID.randomUUID().toString(), Map.of("buyerId", buyer, "periods", List.of(periods), "computedAt",
                        computedAt.toString(), "cause", "DECISION"));
    }

    private static boolean kept(String tenant, String buyer, OffsetDateTime at) {
        return Database.count("select count(*) from insured_limit_schedule where tenant_id = ? and buyer_id = ?::uuid"
                + " and computed_at = ?", tenant, buyer, at) == 1;
    }
}
