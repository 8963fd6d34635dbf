package io.tradecredit.collections.messaging;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.testing.Topics;

/**
 * contracts/schemas/io.tradecredit.agency.case-update.v1.json says what the service accepts: an amount more than zero.
 * Until session 34 its pattern let {@code -1.00} and {@code 0.00} through, which collections-service refuses (DLQ), so an
 * agency validating against the schema learnt of it only from the dead-letter topic.
 */
class AgencyUpdateSchemaTest {
    static void send(String amount) {
        String caseId = UUID.randomUUID().toString();
        Topics.event("agency.huaxin.updates", "acme", "agency", "case-update", caseId, UUID.randomUUID().toString(),
                Map.of("caseId", caseId, "kind", "PAYMENT_REPORTED", "reportedOn", "2026-12-07",
                        "amount", Map.of("amount", amount, "currency", "CNY")));
    }

    @Test
    void anAmountIsMoreThanZero() {
        for (String accepted : List.of("8500.00", "0.50", "1", "10", "0.01")) {
            send(accepted);
        }
        for (String refused : List.of("-1.00", "0.00", "0", "00.0", "-0.50", "1.", ".5")) {
            assertThrows(AssertionError.class, () -> send(refused), refused);
        }
    }
}
