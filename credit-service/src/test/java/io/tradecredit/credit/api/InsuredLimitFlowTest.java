package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.FINANCE_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.VIEWER_ACME;
import static io.tradecredit.credit.CreditFixtures.await;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.issued;
import static io.tradecredit.credit.CreditFixtures.money;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.sendInvoiceEvent;
import static io.tradecredit.credit.CreditFixtures.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import io.tradecredit.testing.Topics;

/**
 * insurance-claims-service's insured-limit-schedule-changed, read from the real claim-events topic (payload valid
 * against its schema): the credit check splits the buyer's exposure plus the order into insured and uninsured parts
 * each invoice by the limit the schedule had in force on its issue day and the order by today's, following reductions
 * and expiry; another tenant's schedule changes
 * nothing; a schedule computed before the one kept changes nothing either.
 */
@QuarkusTest
class InsuredLimitFlowTest {
    final String policy = UUID.randomUUID().toString();

    Map<String, Object> period(String amount, LocalDate from, LocalDate until) {
        Map<String, Object> m = new HashMap<>();
        m.put("from", from.toString());
        m.put("until", until == null ? null : until.toString());
        m.put("amount", money(amount));
        m.put("policyId", policy);
        return m;
    }

    @SafeVarargs
    static Map<String, Object> schedule(String buyerId, OffsetDateTime computedAt, Map<String, Object>... periods) {
        return Map.of("buyerId", buyerId, "periods", List.of(periods), "computedAt", computedAt.toString(),
                "cause", "DECISION");
    }

    static String send(String tenant, String buyerId, Map<String, Object> body) {
        return Topics.sendEvent("claim-events", tenant, "claims", "insured-limit-schedule-changed", buyerId,
                UUID.randomUUID().toString(), body);
    }

    /** Whether the schedule computed at {@code at} is the one kept for the buyer. */
    static boolean kept(String tenant, String buyerId, OffsetDateTime at) {
        return Database.count("select count(*) from insured_limit_schedule where tenant_id = ? and buyer_id = ?::uuid"
                + " and computed_at = ?", tenant, buyerId, at) == 1;
    }

    static ValidatableResponse check(String buyerId, String order) {
        return given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyerId, "orderAmount", money(order))).post("/api/v1/credit-checks").then()
                .statusCode(201);
    }

    /** Exposure of 130,000: two invoices issued today (due in 30 days), so under a limit effective yesterday. */
    static void exposureOf130000(String buyerId) {
        for (String amount : new String[] {"80000.00", "50000.00"}) {
            sendInvoiceEvent("acme", buyerId, "issued", UUID.randomUUID().toString(),
                    issued(buyerId, UUID.randomUUID().toString(), amount, today().plusDays(30)));
        }
        await("exposure of 130,000", () -> Database.count("select count(*) from invoice_position where tenant_id ="
                + " 'acme' and buyer_id = ?::uuid and issue_date = ?", buyerId, today()) == 2);
    }

    @Test
    void limit100000EffectiveYesterdayInsures100000Of130000PlusTheOrderThenLessAfterAReduction() {
        String buyer = register(MANAGER_ACME, buyer());
        exposureOf130000(buyer);
        check(buyer, "20000.00").body("insurance", nullValue());

        // another tenant's schedule naming acme's buyer changes nothing at acme; acme's own, same key, comes after
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        send("globex", buyer, schedule(buyer, first, period("500000.00", today().minusDays(1), null)));
        send("acme", buyer, schedule(buyer, first, period("100000.00", today().minusDays(1), null)));
        await("acme's schedule", () -> kept("acme", buyer, first));

        String id = check(buyer, "20000.00").body("exposure.amount", equalTo("130000.00"),
                "insurance.insuredLimit.amount", equalTo("100000.00"),
                "insurance.insuredExposure.amount", equalTo("100000.00"),
                "insurance.uninsuredExposure.amount", equalTo("50000.00"),
                "insurance.orderInsured.amount", equalTo("0.00"), "insurance.insured", equalTo(false),
                "insurance.reason", equalTo("insured limit 100000.00 CNY taken by older invoices"),
                "insurance.stopDeliveriesFrom", nullValue()).extract().path("id");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/credit-checks/" + id).then().statusCode(200)
                .body("insurance.insuredExposure.amount", equalTo("100000.00"),
                        "insurance.uninsuredExposure.amount", equalTo("50000.00"),
                        "insurance.insuredLimit.amount", equalTo("100000.00"),
                        "insurance.orderInsured.amount", equalTo("0.00"), "insurance.insured", equalTo(false),
                        "insurance.reason", equalTo("insured limit 100000.00 CNY taken by older invoices"));

        // the insurer cuts the limit to 60,000 from today: claims publishes the whole schedule again
        OffsetDateTime cut = first.plusSeconds(1);
        send("acme", buyer, schedule(buyer, cut, period("100000.00", today().minusDays(1), today().minusDays(1)),
                period("60000.00", today(), null)));
        await("the cut", () -> kept("acme", buyer, cut));
        // a schedule computed before it, arriving late (a republish racing a decision), changes nothing
        String late = send("acme", buyer, schedule(buyer, first.minusSeconds(1),
                period("900000.00", today().minusDays(1), null)));
        await("the late one read", () -> Database.count("select count(*) from inbox where event_id = ?", late) == 1);
        assertTrue(kept("acme", buyer, cut));
        check(buyer, "20000.00").body("insurance.insuredLimit.amount", equalTo("60000.00"),
                "insurance.insuredExposure.amount", equalTo("60000.00"),
                "insurance.uninsuredExposure.amount", equalTo("90000.00"));
        assertTrue(kept("globex", buyer, first));
    }

    @Test
    void aReductionLeavesTheInvoicesDeliveredUnderTheHigherLimitInsuredAndTheOrderNot() {
        // docs' worked example in days before today: 80,000 until 11 days ago, 50,000 from 10 days ago; still open
        // A 30,000 issued 70 days ago, B 40,000 40 days ago (both under 80,000), C 20,000 5 days ago (under 50,000)
        String buyer = register(MANAGER_ACME, buyer());
        String[][] invoices = {{"30000.00", "70"}, {"40000.00", "40"}, {"20000.00", "5"}};
        for (String[] i : invoices) {
            sendInvoiceEvent("acme", buyer, "issued", UUID.randomUUID().toString(), issued(buyer,
                    UUID.randomUUID().toString(), i[0], today().minusDays(Long.parseLong(i[1])).plusDays(30)));
        }
        await("A, B and C", () -> Database.count("select count(*) from invoice_position where tenant_id = 'acme'"
                + " and buyer_id = ?::uuid", buyer) == 3);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        send("acme", buyer, schedule(buyer, at, period("80000.00", today().minusDays(100), today().minusDays(11)),
                period("50000.00", today().minusDays(10), null)));
        await("the reduced limit", () -> kept("acme", buyer, at));
        // A and B stay insured (70,000, above today's 50,000), C and the order are not
        check(buyer, "10000.00").body("exposure.amount", equalTo("90000.00"),
                "insurance.insuredLimit.amount", equalTo("50000.00"),
                "insurance.insuredExposure.amount", equalTo("70000.00"),
                "insurance.uninsuredExposure.amount", equalTo("30000.00"),
                "insurance.orderInsured.amount", equalTo("0.00"), "insurance.insured", equalTo(false),
                "insurance.reason", equalTo("insured limit 50000.00 CNY taken by older invoices"));
    }

    @Test
    void afterItsExpiryTheLimitInsuresNothingAndTheCheckSaysSo() {
        String buyer = register(MANAGER_ACME, buyer());
        exposureOf130000(buyer);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        send("acme", buyer, schedule(buyer, at, period("100000.00", today().minusDays(10), today().minusDays(1))));
        await("the expired limit", () -> kept("acme", buyer, at));
        check(buyer, "20000.00").body("insurance.insuredLimit.amount", equalTo("0.00"),
                "insurance.insuredExposure.amount", equalTo("0.00"),
                "insurance.uninsuredExposure.amount", equalTo("150000.00"), "insurance.insured", equalTo(false),
                "insurance.reason", equalTo("no insured limit"));
    }

    @Test
    void anOrderWithinTheLimitIsInsured() {
        String buyer = register(MANAGER_ACME, buyer());
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        send("acme", buyer, schedule(buyer, at, period("100000.00", today().minusDays(1), null)));
        await("the limit", () -> kept("acme", buyer, at));
        check(buyer, "20000.00").body("insurance.insured", equalTo(true),
                "insurance.orderInsured.amount", equalTo("20000.00"),
                "insurance.insuredExposure.amount", equalTo("20000.00"),
                "insurance.uninsuredExposure.amount", equalTo("0.00"),
                "insurance.reason", equalTo("insured within the limit of 100000.00 CNY"));
    }

    @Test
    void anUnreadableScheduleGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String buyer = register(MANAGER_ACME, buyer());
        String poison = UUID.randomUUID().toString();
        Topics.send("claim-events", buyer, "{\"buyerId\":\"" + buyer + "\"}", Topics.cloudEventHeaders("acme",
                "/tradecredit/insurance-claims-service", "io.tradecredit.claims.insured-limit-schedule-changed.v1", buyer,
                poison));
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        send("acme", buyer, schedule(buyer, at, period("100000.00", today(), null)));
        await("the good event after the poison one", () -> kept("acme", buyer, at));
        Topics.awaitParked("claim-events.dlq.credit-service", poison, Duration.ofSeconds(20)); // the poison event
    }
}
