package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.tradecredit.deployment.Manifests.Manifest;

/**
 * What the chart asks of the cluster fits: database connections at the most replicas, the heap
 * docs/performance.md measured, replicas a topic's partitions can feed.
 */
class CapacityTest {
    /** The superuser's reserved connections and CloudNativePG's own (instance manager, exporter). */
    private static final int RESERVED = 10;
    private static final Pattern MEASURED_HEAP = Pattern.compile("-Xms(\\d+)m -Xmx(\\d+)m");

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyPodAtTheMostReplicasFitsItsDatabasesMaxConnections(Rendering rendering) {
        List<Manifest> manifests = rendering.manifests();
        int flyway = Integer.parseInt(Repository.properties(Repository.CHASSIS_CONFIG)
                .getProperty("quarkus.datasource.jdbc.max-size"));
        int listening = 1; // the outbox relay's LISTEN connection
        Map<String, Integer> maxConnections = new HashMap<>();
        for (Manifest cluster : Manifests.ofKind(manifests, "Cluster")) {
            JsonNode parameter = cluster.tree().path("spec").path("postgresql").path("parameters").path("max_connections");
            maxConnections.put(cluster.name() + "-rw", parameter.isMissingNode() ? 100 : Integer.parseInt(parameter.asText()));
        }
        for (Map.Entry<String, Deployment> entry : RenderedManifestsTest.deployments(manifests).entrySet()) {
            var env = RenderedManifestsTest.env(entry.getValue());
            Integer max = maxConnections.get(env.get("DB_HOST").getValue());
            if (max == null) {
                continue; // an external server: its owner sizes it (docs/deployment.md)
            }
            int pool = Integer.parseInt(env.get("DB_POOL_MAX_SIZE").getValue());
            int relay = Integer.parseInt(env.get("OUTBOX_RELAY_CONNECTIONS").getValue()); // the outbox relay's own
            int pods = mostReplicas(manifests, entry.getValue()) + 1; // a rolling update's surge
            int connections = pods * (pool + relay + flyway + listening);
            assertTrue(connections <= max - RESERVED, entry.getKey() + ": " + pods + " pods x (" + pool + " + " + relay + " + " + flyway
                    + " + " + listening + ") = " + connections + " connections, max_connections " + max);
        }
    }

    @Test
    void aPoolTooLargeForMaxConnectionsFailsTheRenderWithTheArithmetic() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Repository.CHART.render(
                List.of(), Map.of("services.credit-service.databasePoolSize", 30)));
        assertTrue(refused.getMessage().contains(
                "services.credit-service: 5 pods x (databasePoolSize 30 + outboxRelayConnections 2 + 3) = 175 connections do not fit max_connections 100"),
                refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceRunsTheHeapPerformanceMdMeasuredWithinItsMemory(Rendering rendering) {
        int heap = measuredHeapMegabytes();
        for (Map.Entry<String, Deployment> entry : RenderedManifestsTest.deployments(rendering.manifests()).entrySet()) {
            var container = entry.getValue().getSpec().getTemplate().getSpec().getContainers().get(0);
            String options = RenderedManifestsTest.env(entry.getValue()).get("JAVA_TOOL_OPTIONS").getValue();
            assertTrue(options.contains("-Xms" + heap + "m") && options.contains("-Xmx" + heap + "m"),
                    entry.getKey() + ": the measured fixed heap, got '" + options + "'");
            ResourceRequirements resources = container.getResources();
            long request = bytes(resources.getRequests().get("memory"));
            long limit = bytes(resources.getLimits().get("memory"));
            assertTrue(request >= 2L * heap * 1024 * 1024, entry.getKey() + ": requests the heap and as much again");
            assertTrue(limit >= request, entry.getKey() + ": limit at least the request");
        }
        JsonNode compose = Repository.yaml(Repository.ROOT.resolve("docker-compose.yml"));
        String composeOptions = compose.findValue("JAVA_TOOL_OPTIONS").asText();
        assertTrue(composeOptions.contains("-Xmx" + heap + "m"), "docker-compose.yml runs the measured heap too");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void noAutoscalerAddsConsumersBeyondThePartitionsOfATopicTheServiceReads(Rendering rendering) {
        List<Manifest> manifests = rendering.manifests();
        Map<String, Integer> partitions = new HashMap<>();
        for (Manifest topic : Manifests.ofKind(manifests, "KafkaTopic")) {
            partitions.put(topic.tree().path("spec").path("topicName").asText(),
                    topic.tree().path("spec").path("partitions").asInt());
        }
        JsonNode topology = Repository.topology();
        for (Manifest hpa : Manifests.ofKind(manifests, "HorizontalPodAutoscaler")) {
            String service = hpa.tree().path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            int maxReplicas = hpa.as(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
            topology.path("topics").fields().forEachRemaining(topic -> {
                for (JsonNode consumer : topic.getValue().path("consumers")) {
                    if (consumer.asText().equals(service)) {
                        int feeding = partitions.get(topic.getKey());
                        assertTrue(maxReplicas <= feeding, service + ": maxReplicas " + maxReplicas + " > " + feeding
                                + " partitions of " + topic.getKey());
                    }
                }
            });
        }
    }

    @Test
    void maxReplicasAboveAConsumedTopicsPartitionsFailsTheRenderNamingTheTopic() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Repository.CHART.render(
                List.of(), Map.of("kafka.topics.overrides.notification-requests.partitions", 3)));
        assertTrue(refused.getMessage().contains(
                "services.notification-service.autoscaling.maxReplicas (4) is above the 3 partitions of notification-requests"),
                refused.getMessage());
    }

    static int measuredHeapMegabytes() {
        Matcher m = MEASURED_HEAP.matcher(Repository.read(Repository.ROOT.resolve("docs/performance.md")));
        String initial = null;
        String heap = null;
        while (m.find()) { // the latest measurement's
            initial = m.group(1);
            heap = m.group(2);
        }
        assertTrue(heap != null, "docs/performance.md names the heap it measured with");
        assertEquals(heap, initial, "measured with a fixed heap");
        return Integer.parseInt(heap);
    }

    private static int mostReplicas(List<Manifest> manifests, Deployment deployment) {
        return Manifests.ofKind(manifests, "HorizontalPodAutoscaler").stream().map(m -> m.as(HorizontalPodAutoscaler.class))
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(deployment.getMetadata().getName()))
                .map(h -> h.getSpec().getMaxReplicas()).findFirst().orElse(deployment.getSpec().getReplicas());
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValue();
    }
}
