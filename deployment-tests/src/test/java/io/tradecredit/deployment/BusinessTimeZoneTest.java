package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every service reads "today" in the same zone, the chart's {@code businessTimeZone}: two services on different
 * days would disagree on what is overdue.
 */
class BusinessTimeZoneTest {
    private static void assertEveryServiceIn(String zone, List<Manifests.Manifest> manifests) {
        assertFalse(RenderedManifestsTest.deployments(manifests).isEmpty());
        RenderedManifestsTest.deployments(manifests).forEach((service, deployment) -> assertEquals(zone,
                RenderedManifestsTest.env(deployment).get("TRADECREDIT_BUSINESS_TIME_ZONE").getValue(), service));
    }

    @Test
    void byDefaultEveryServiceKeepsShanghaisDay() {
        assertEveryServiceIn("Asia/Shanghai", Rendering.DEFAULTS.manifests());
    }

    @Test
    void oneValueSetsTheZoneOfEveryService() {
        assertEveryServiceIn("Europe/Berlin", Manifests.parse(Repository.CHART.render(List.of(),
                Map.of("businessTimeZone", "Europe/Berlin"))));
        assertEveryServiceIn("UTC", Manifests.parse(Repository.CHART.render(List.of(), Map.of("businessTimeZone", "UTC"))));
    }

    @Test
    void aNameThatIsNoZoneIsRefusedAtInstall() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Repository.CHART.render(List.of(), Map.of("businessTimeZone", "Beijing")));
        assertTrue(refused.getMessage().contains("businessTimeZone"), refused.getMessage());
    }
}
