package io.tradecredit.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The order of a date's daily jobs in the demo: invoice-service states the date's late charges
 * (JG-2026-00114 on 23 Nov: interest 173.84, fee 336.46) before collections-service's dunning run
 * quotes them, where side by side the +30 letter quoted the week-old statement (interest 134.58, fee 0.00).
 */
class DailyJobsTest {

    @Test
    void invoiceServiceRunsAloneFirstThenTheOthersSideBySide() {
        assertEquals(List.of(List.of("invoice-service"), List.of("collections-service", "credit-service",
                "insurance-claims-service", "notification-service")), DailyJobs.phases(PlatformApi.PORTS.keySet()));
    }

    @Test
    void withoutInvoiceServiceOnePhaseAndInvoiceServiceAloneOnePhase() {
        assertEquals(List.of(List.of("collections-service", "credit-service")),
                DailyJobs.phases(Set.of("credit-service", "collections-service")));
        assertEquals(List.of(List.of("invoice-service")), DailyJobs.phases(Set.of("invoice-service")));
    }
}
