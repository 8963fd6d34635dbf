package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.AgencyFlowTest.update;
import static io.tradecredit.collections.messaging.AgencyViewApiTest.VIEW;
import static io.tradecredit.collections.messaging.AgencyViewApiTest.agencyToken;
import static io.tradecredit.collections.messaging.AgencyViewApiTest.owing10000Paid8000;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.collections.app.Activity;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.messaging.AgencyFlowTest.Placed;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * What an agency's settlement leaves behind (docs/collections-service.md, "Agencies", session 34): 10,000.00 CNY owed on
 * one invoice, handed to an agency, 8,000.00 paid, then {@code SETTLED}: 2,000.00 remains, which nobody asks for any
 * more. Each run date here is used by no other test of the module.
 */
@QuarkusTest
class WhatASettlementLeavesTest {
    static final String REQUESTS = "notification-requests";
    static final String WITHDRAWAL = "io.tradecredit.notification.withdrawal-requested.v1";

    @Inject
    CollectionCases cases;

    static void runCompleted(LocalDate asOf) {
        given().auth().oauth2(Tokens.noTenant().roles("platform-ops").expiresIn(3600).mint())
                .post("/api/v1/admin/jobs/dunning-run?asOf=" + asOf).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    /** How many of the tenant's requests asking for the invoice are standing (not withdrawn). */
    static long standing(Placed p) {
        return Database.count("select count(*) from dunning_request where tenant_id = ? and ?::uuid = any(invoice_ids)"
                + " and withdrawn_at is null", p.tenant(), p.invoice());
    }

    /** The tenant's withdrawal on notification-requests, checked against its schema. */
    static JsonNode withdrawal(Placed p) {
        List<ConsumerRecord<String, String>> read = Topics.read(REQUESTS, Duration.ofSeconds(30), rs -> rs.stream()
                .anyMatch(r -> mine(r, p)));
        return Contracts.assertValid(read.stream().filter(r -> mine(r, p)).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no withdrawal for tenant " + p.tenant())));
    }

    private static boolean mine(ConsumerRecord<String, String> r, Placed p) {
        return p.tenant().equals(Topics.header(r, "ce_tenantid")) && WITHDRAWAL.equals(Topics.header(r, "ce_type"));
    }

    /**
     * A demand on INV-1 requested by the run before the agency settled (notification-service may hold it for its send
     * window or retries) is withdrawn when the SETTLED report is received, on REST as on the agency's topic: the reason
     * names the invoice and the agency, the withdrawal is logged in the settled case. Until session 34 it stayed standing,
     * so the buyer could still receive a demand for the 2,000.00 after the settlement had ended the debt.
     */
    @Test
    void aDemandRequestedBeforeTheSettlementIsWithdrawnWhenTheSettlementIsReported() {
        Placed byRest = owing10000Paid8000(cases, t -> {
        });
        Placed byTopic = owing10000Paid8000(cases, t -> {
        });
        runCompleted(LocalDate.of(2064, 3, 2));
        assertTrue(standing(byRest) > 0, "the run asked for INV-1");
        assertTrue(standing(byTopic) > 0, "the run asked for INV-1");

        given().auth().oauth2(agencyToken(byRest)).contentType(ContentType.JSON).body(update("SETTLED"))
                .post(VIEW + "/" + byRest.caseId() + "/updates").then().statusCode(201).body("caseState", equalTo("CLOSED"));
        AgencyFlowTest.report(byTopic.tenant(), byTopic.agency(), byTopic.caseId(), update("SETTLED"));

        for (Placed p : List.of(byRest, byTopic)) {
            String reason = "nothing collectible left: " + ReadModelEvents.number(p.invoice()) + " settled by agency "
                    + p.agency();
            assertEquals(reason, withdrawal(p).get("reason").asText());
            assertEquals(0, standing(p), "nothing asks for the 2,000.00 the settlement ended");
            Activity logged = AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                    .filter(a -> a.kind().equals("message-withdrawn")).findFirst().orElseThrow();
            assertEquals(reason, logged.detail().get("reason"));
            assertEquals("agency:" + p.agency(), logged.actor());
        }
    }
}
