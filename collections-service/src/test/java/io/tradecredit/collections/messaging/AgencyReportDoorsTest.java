package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.AgencyFlowTest.placed;
import static io.tradecredit.collections.messaging.AgencyFlowTest.report;
import static io.tradecredit.collections.messaging.AgencyFlowTest.state;
import static io.tradecredit.collections.messaging.AgencyFlowTest.update;
import static io.tradecredit.collections.messaging.AgencyViewApiTest.VIEW;
import static io.tradecredit.collections.messaging.AgencyViewApiTest.agencyToken;
import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.messaging.AgencyFlowTest.Placed;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/** An agency's report through its two doors, the topic and REST, on the real broker, database and tokens. */
@QuarkusTest
class AgencyReportDoorsTest {
    static final Map<String, Object> CNY_3000 = Map.of("amount", "3000.00", "currency", "CNY");

    @Inject
    CollectionCases cases;

    /**
     * The agency reports 3,000.00 CNY paid on its topic (ce_id {@code pay-…}) and again over REST with that id as its
     * Idempotency-Key: REST answers 201 as a replay (Idempotent-Replayed), and the case's log has the payment once. The
     * other way round: a promise of 8,500.00 CNY over REST first, then the same on the topic: skipped, one promise, one
     * hold. Its SETTLED on the topic, then over REST: the answer is the first's (CLOSED, placement ended), not a 404 for a
     * case no longer with it. Until session 35 each report was applied twice (3,000.00 logged paid twice, two promises).
     */
    @Test
    void theSameReportThroughTheTopicAndRestIsAppliedOnce() {
        Placed p = placed(cases);
        String token = agencyToken(p);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> paid = update("PAYMENT_REPORTED", "amount", CNY_3000, "note", "wire seen");
        report(p.tenant(), p.agency(), p.caseId(), "pay-" + suffix, paid);
        await("the payment logged", () -> reportsLogged(p, "PAYMENT_REPORTED") == 1);
        post(token, p, "pay-" + suffix, paid).statusCode(201).header("Idempotent-Replayed", "true")
                .body("caseState", equalTo("WITH_AGENCY"), "placementEnded", equalTo(false));
        assertEquals(1, reportsLogged(p, "PAYMENT_REPORTED"), "3,000.00 logged paid once");

        Map<String, Object> promise = update("PROMISE", "amount", Map.of("amount", "8500.00", "currency", "CNY"),
                "promisedFor", today().plusDays(14).toString());
        post(token, p, "promise-" + suffix, promise).statusCode(201).header("Idempotent-Replayed", nullValue());
        report(p.tenant(), p.agency(), p.caseId(), "promise-" + suffix, promise);
        // the topic is read in order per case: once the next report is logged, the promise's second coming was read
        report(p.tenant(), p.agency(), p.caseId(), "contact-" + suffix, update("CONTACT_MADE"));
        await("the contact logged", () -> reportsLogged(p, "CONTACT_MADE") == 1);
        assertEquals(1, reportsLogged(p, "PROMISE"));
        assertEquals(1, Database.count("select count(*) from promise_to_pay where tenant_id = ? and case_id = ?::uuid",
                p.tenant(), p.caseId().toString()), "one promise");
        assertEquals(1, Database.count("select count(*) from dunning_hold where tenant_id = ?", p.tenant()), "one hold");

        Map<String, Object> settled = update("SETTLED", "amount", Map.of("amount", "8000.00", "currency", "CNY"));
        report(p.tenant(), p.agency(), p.caseId(), "settled-" + suffix, settled);
        await("the case closed", () -> state(cases, p) == CaseState.CLOSED);
        post(token, p, "settled-" + suffix, settled).statusCode(201).header("Idempotent-Replayed", "true")
                .body("caseState", equalTo("CLOSED"), "placementEnded", equalTo(true));
        assertEquals(1, reportsLogged(p, "SETTLED"));
    }

    /**
     * Another report under an id the agency used already is refused through either door, nothing logged: over REST 422
     * {@code agency-report.id-reused} (the topic had it first), on the topic its DLQ with the reason (REST had it first).
     */
    @Test
    void anotherReportUnderAUsedIdIsRefusedThroughEitherDoor() {
        Placed p = placed(cases);
        String token = agencyToken(p);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        report(p.tenant(), p.agency(), p.caseId(), "r1-" + suffix, update("PAYMENT_REPORTED", "amount", CNY_3000));
        await("the payment logged", () -> reportsLogged(p, "PAYMENT_REPORTED") == 1);
        post(token, p, "r1-" + suffix, update("CONTACT_MADE")).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("agency-report.id-reused"));
        post(token, p, "r2-" + suffix, update("CONTACT_MADE", "note", "spoke to the CFO")).statusCode(201);
        String sent = report(p.tenant(), p.agency(), p.caseId(), "r2-" + suffix, update("CONTACT_MADE", "note", "other"));
        String reason = deadLetterReason(p, sent);
        assertTrue(reason.contains("agency-report.id-reused") || reason.contains("already given to another report"), reason);
        assertEquals(1, reportsLogged(p, "CONTACT_MADE"));
    }

    /**
     * The tenant's bound for promises is the default 30 days: the agency's PROMISE reported today for 1 January 2031, or
     * for today + 31, is refused, 400 naming promisedFor with the bound over REST, its DLQ with the reason on the topic;
     * nothing logged, no hold. For today + 30 it is a promise. Until session 35 the 2031 promise held the buyer for years.
     */
    @Test
    void anAgencysPromiseAfterTheTenantsBoundIsRefusedOnBothDoors() {
        Placed p = placed(cases);
        String token = agencyToken(p);
        for (String tooFar : List.of("2031-01-01", today().plusDays(31).toString())) {
            post(token, p, null, promiseFor(tooFar)).statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("agency-update.invalid"), "errors.field", contains("promisedFor"),
                            "errors[0].message", org.hamcrest.Matchers.startsWith("must not be after " + today().plusDays(30)));
        }
        String sent = report(p.tenant(), p.agency(), p.caseId(), promiseFor("2031-01-01"));
        String reason = deadLetterReason(p, sent);
        assertTrue(reason.contains("promisedFor"), reason);
        assertEquals(0, reportsLogged(p, "PROMISE"));
        assertEquals(0, Database.count("select count(*) from dunning_hold where tenant_id = ?", p.tenant()));
        post(token, p, null, promiseFor(today().plusDays(30).toString())).statusCode(201);
        assertEquals(1, reportsLogged(p, "PROMISE"));
    }

    static Map<String, Object> promiseFor(String day) {
        return update("PROMISE", "amount", Map.of("amount", "8500.00", "currency", "CNY"), "promisedFor", day);
    }

    static io.restassured.response.ValidatableResponse post(String token, Placed p, String id, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        return (id == null ? request : request.header("Idempotency-Key", id)).post(VIEW + "/" + p.caseId() + "/updates")
                .then();
    }

    /** The reason the report {@code sent} on the agency's topic was refused, waiting for it on the agency's DLQ. */
    static String deadLetterReason(Placed p, String sent) {
        var dead = Topics.read(TopicNames.agencyUpdates(p.agency()) + ".dlq.collections-service", Duration.ofSeconds(60),
                r -> r.stream().anyMatch(x -> sent.equals(Topics.header(x, "ce_id"))));
        return AgencyFlowTest.reason(dead, sent);
    }

    long reportsLogged(Placed p, String kind) {
        return AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("agency-update") && kind.equals(a.detail().get("kind"))).count();
    }
}
