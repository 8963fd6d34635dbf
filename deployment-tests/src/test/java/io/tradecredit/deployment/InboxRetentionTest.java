package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.EnvVar;

/**
 * Every service keeps the ids of applied events (its inbox) longer than any topic keeps a record,
 * dead-letter topics included: a replayed dead letter, or a topic re-read after an offset reset,
 * is then never applied twice.
 */
class InboxRetentionTest {
    private static final long DAY_MS = 86_400_000L;

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theInboxOutlastsEveryTopicsRetention(Rendering rendering) {
        assertInboxOutlastsTopics(rendering.manifests());
    }

    @Test
    void aLongerDeadLetterRetentionLengthensTheInbox() {
        List<Manifests.Manifest> manifests = Manifests.parse(Repository.CHART.render(List.of(),
                Map.of("kafka.deadLetterTopics.retentionMs", 90 * DAY_MS)));
        assertInboxOutlastsTopics(manifests);
        RenderedManifestsTest.deployments(manifests).forEach((service, deployment) -> assertEquals("91",
                RenderedManifestsTest.env(deployment).get("TRADECREDIT_INBOX_RETENTION_DAYS").getValue(), service));
    }

    @Test
    void aTopicKeptForeverIsRefused() {
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Repository.CHART.render(List.of(), Map.of("kafka.topics.overrides.invoice-events.retentionMs", -1)));
        assertTrue(refused.getMessage().contains("retentionMs -1"), refused.getMessage());
    }

    private static void assertInboxOutlastsTopics(List<Manifests.Manifest> manifests) {
        long longest = Manifests.ofKind(manifests, "KafkaTopic").stream()
                .mapToLong(t -> t.tree().path("spec").path("config").path("retention.ms").asLong()).max().orElse(0);
        assertFalse(RenderedManifestsTest.deployments(manifests).isEmpty());
        RenderedManifestsTest.deployments(manifests).forEach((service, deployment) -> {
            EnvVar days = RenderedManifestsTest.env(deployment).get("TRADECREDIT_INBOX_RETENTION_DAYS");
            assertTrue(days != null, service + " sets no inbox retention");
            assertTrue(Long.parseLong(days.getValue()) * DAY_MS > longest,
                    service + ": inbox " + days.getValue() + " days, a topic keeps records " + longest + " ms");
        });
    }
}
