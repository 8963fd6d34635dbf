package io.tradecredit.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InsurerSignatureTest {

    /** docs/insurance-claims-service.md, "The insurer's callback": the verification example the service passes. */
    @Test
    void theDocumentedExampleIsSignedAsTheServiceChecksIt() {
        String body = "{\"decisionId\":\"ATR-778\",\"buyerId\":\"5b0f6c1e-3d2a-4c1b-9f8e-2a7d6c5b4a39\","
                + "\"outcome\":\"APPROVED\",\"amount\":{\"amount\":\"50000.00\",\"currency\":\"CNY\"},"
                + "\"effectiveFrom\":\"2026-12-01\"}";
        assertEquals("t=1796342400,v1=20c4cf8dd6aebe7950864fba25da8cbaa6c7a660e089c50df8543c41ddec7873",
                BookSeeder.signature("the-insurers-callback-secret-0123456789", 1796342400L, body));
    }

    /** The seeder's callback answers the credit manager's NEW request: without requestId both requests stayed NEW. */
    @Test
    void theInsurersApprovalNamesTheRequestItAnswers() {
        Map<String, Object> body = BookSeeder.approval("SINOSURE-91350200MA2Y", "5b0f6c1e-3d2a-4c1b-9f8e-2a7d6c5b4a39",
                "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9", new BigDecimal("250000"), LocalDate.of(2026, 1, 1));
        assertEquals(Map.of("decisionId", "SINOSURE-91350200MA2Y", "buyerId", "5b0f6c1e-3d2a-4c1b-9f8e-2a7d6c5b4a39",
                "requestId", "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9", "outcome", "APPROVED",
                "amount", Map.of("amount", "250000.00", "currency", "CNY"), "effectiveFrom", "2026-01-01"), body);
    }
}
