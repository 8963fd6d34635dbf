package io.tradecredit.claims.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static io.tradecredit.claims.api.InsuredLimitApiTest.decision;
import static io.tradecredit.claims.api.InsuredLimitApiTest.newPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * insured-limit-schedule-changed: each decision publishes the buyer's whole schedule across the tenant's
 * policies (highest limit in force), and the buyers decided before the upgrade are published once.
 */
@QuarkusTest
class InsuredLimitScheduleFlowTest {
    static final String TYPE = "io.tradecredit.claims.insured-limit-schedule-changed.v1";

    static void decide(String tenant, String policyId, Map<String, Object> decision) {
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(decision)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
    }

    static List<JsonNode> schedules(String tenant, String buyer, Predicate<List<JsonNode>> until) {
        List<JsonNode> found = new ArrayList<>();
        Topics.read("claim-events", Duration.ofSeconds(30), records -> {
            found.clear();
            records.stream().filter(r -> buyer.equals(r.key()) && TYPE.equals(Topics.header(r, "ce_type"))
                    && tenant.equals(Topics.header(r, "ce_tenantid"))).map(Contracts::assertValid).forEach(found::add);
            return until.test(found);
        });
        return found;
    }

    /** The periods as "from..until amount currency policy" lines. */
    static List<String> periods(JsonNode schedule) {
        List<String> out = new ArrayList<>();
        schedule.get("periods").forEach(p -> out.add(p.get("from").asText() + ".." + p.get("until").asText() + " "
                + p.get("amount").get("amount").asText() + " " + p.get("amount").get("currency").asText() + " "
                + p.get("policyId").asText()));
        return out;
    }

    @Test
    void eachDecisionPublishesTheBuyersWholeScheduleUnderTheHighestPolicyInForce() {
        String tenant = freshTenant();
        String a = newPolicy(tenant);
        String b = newPolicy(tenant);
        String buyer = UUID.randomUUID().toString();
        // another tenant's decision on the same buyer id is not this tenant's cover
        String other = freshTenant();
        decide(other, newPolicy(other), decision("O-1", buyer, "APPROVED", "999999.00", "2026-01-01", null));

        decide(tenant, a, decision("A-1", buyer, "APPROVED", "100000.00", "2026-03-01", "2026-06-30"));
        decide(tenant, b, decision("B-1", buyer, "APPROVED", "60000.00", "2026-04-01", null));
        List<JsonNode> two = schedules(tenant, buyer, s -> s.size() == 2);
        assertEquals(2, two.size(), "one schedule per decision");
        assertEquals(List.of("2026-03-01..2026-06-30 100000.00 CNY " + a), periods(two.get(0)));
        assertEquals(List.of("2026-03-01..2026-06-30 100000.00 CNY " + a, "2026-07-01..null 60000.00 CNY " + b),
                periods(two.get(1)));
        assertEquals("DECISION", two.get(1).get("cause").asText());
        assertEquals(buyer, two.get(1).get("buyerId").asText());

        // a refusal changes nothing but is published all the same; a cancellation of B ends cover from September
        decide(tenant, b, decision("B-2", buyer, "REFUSED", null, "2026-05-01", null));
        decide(tenant, b, decision("B-3", buyer, "CANCELLED", null, "2026-09-01", null));
        List<JsonNode> four = schedules(tenant, buyer, s -> s.size() == 4);
        assertEquals(periods(two.get(1)), periods(four.get(2)));
        assertEquals(List.of("2026-03-01..2026-06-30 100000.00 CNY " + a, "2026-07-01..2026-08-31 60000.00 CNY " + b),
                periods(four.get(3)));
    }

    @Test
    void aBuyerDecidedBeforeTheUpgradeIsRepublishedOnceAfterIt() {
        String tenant = freshTenant();
        String policy = newPolicy(tenant);
        UUID buyer = UUID.randomUUID();
        // as V12 finds it: a decision recorded before the schedule existed (no event), and the buyer due
        Database.execute("""
                insert into limit_decision (tenant_id, policy_id, buyer_id, decision_ref, outcome, amount, currency,
                    effective_from, expires_on, source, recorded_at, recorded_by)
                values (?, ?, ?, 'OLD-1', 'APPROVED', 80000, 'CNY', date '2026-01-01', date '2026-12-31', 'TENANT', now(), 'cm')""",
                tenant, UUID.fromString(policy), buyer);
        Database.execute("insert into insured_limit_schedule_due (tenant_id, buyer_id) values (?, ?)", tenant, buyer);

        List<JsonNode> published = schedules(tenant, buyer.toString(), s -> !s.isEmpty());
        assertEquals("REPUBLISHED", published.get(0).get("cause").asText());
        assertEquals(List.of("2026-01-01..2026-12-31 80000.00 CNY " + policy), periods(published.get(0)));
        assertEquals(0, Database.count("select count(*) from insured_limit_schedule_due where tenant_id = ?", tenant));

        // the job's next look at the table, proven by another buyer made due only now and republished by it: it found
        // nothing more due for this buyer. Published once: one schedule in the outbox (a fixed 3 s read of the topic
        // could end before the relay sent a second one), then all of them on the topic.
        UUID next = UUID.randomUUID();
        Database.execute("insert into insured_limit_schedule_due (tenant_id, buyer_id) values (?, ?)", tenant, next);
        org.awaitility.Awaitility.await("the job's next look at the table").atMost(Duration.ofSeconds(30))
                .until(() -> scheduleRows(tenant, next) == 1);
        assertEquals(1, scheduleRows(tenant, buyer), "the buyer's schedule written once");
        assertEquals(1, schedules(tenant, buyer.toString(), s -> s.size() >= 1).size(), "published once");
    }

    /** The insured-limit-schedule-changed rows the tenant's service wrote to its outbox for the buyer. */
    static long scheduleRows(String tenant, UUID buyer) {
        return Database.count("select count(*) from outbox where tenant_id = ? and aggregate_id = ? and event_type = ?",
                tenant, buyer.toString(), TYPE);
    }
}
