package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

class SealedTemplatesTest {
    @Test
    void thePlatformsListSealsTheFinanceDemandUntilTheTenantChooses() {
        SealedTemplates platform = SealedTemplates.platform(List.of("dunning.finance-demand"));
        assertTrue(platform.seals("dunning.finance-demand"));
        assertFalse(platform.seals("dunning.payment-request"));
        assertFalse(platform.tenantsOwn());
    }

    @Test
    void aTenantsChoiceReplacesTheListAndAnEmptyOneSealsNothing() {
        SealedTemplates own = SealedTemplates.chosen(List.of("dunning.payment-request", "dunning.formal-demand"));
        assertTrue(own.tenantsOwn());
        assertTrue(own.seals("dunning.formal-demand"));
        assertFalse(own.seals("dunning.finance-demand"));
        assertFalse(SealedTemplates.chosen(List.of()).seals("dunning.finance-demand"));
    }

    @Test
    void everyWrongKeyIsNamedByItsIndex() {
        DomainError e = assertThrows(DomainError.class, () -> SealedTemplates.chosen(Arrays.asList("dunning.finance-demand",
                null, "Finance Demand", "dunning.finance-demand", "x".repeat(101), "a".repeat(100))));
        assertEquals(List.of("templateKeys[1]", "templateKeys[2]", "templateKeys[3]", "templateKeys[4]"),
                e.violations().stream().map(Violation::field).toList());
        assertEquals("dunning.finance-demand is listed twice", e.violations().get(2).message());
        assertEquals(List.of("templateKeys"), assertThrows(DomainError.class, () -> SealedTemplates.chosen(null))
                .violations().stream().map(Violation::field).toList());
    }
}
