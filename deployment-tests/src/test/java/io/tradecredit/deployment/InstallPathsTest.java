package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.tradecredit.deployment.Manifests.Manifest;

/**
 * The documented ways to install come up: Kafka in another namespace, the realm import where
 * Keycloak is, DNS wherever it runs, a tracing collector, an OIDC issuer outside the cluster.
 */
class InstallPathsTest {

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @Test
    void kafkaInAnotherNamespaceKeepsUsersWhereThePodsReadTheirSecretsAndSelectsTheBrokersThere() {
        List<Manifest> manifests = Rendering.MUTUAL_TLS.manifests();
        for (Manifest user : Manifests.ofKind(manifests, "KafkaUser")) {
            assertFalse(user.tree().path("metadata").has("namespace"),
                    user.id() + ": in the release namespace, where Strimzi writes its Secret and the pods read it");
        }
        for (Manifest topic : Manifests.ofKind(manifests, "KafkaTopic")) {
            assertFalse(topic.tree().path("metadata").has("namespace"), topic.id());
        }
        for (Deployment deployment : RenderedManifestsTest.deployments(manifests).values()) {
            Map<String, EnvVar> env = RenderedManifestsTest.env(deployment);
            assertEquals("tradecredit-kafka-bootstrap.kafka.svc:9093", env.get("KAFKA_BOOTSTRAP_SERVERS").getValue());
            assertEquals("kafka-cluster-ca-cert",
                    env.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES").getValueFrom().getSecretKeyRef().getName(),
                    "the copy of the cluster CA in the release namespace");
        }
        for (NetworkPolicy policy : policies(manifests)) {
            NetworkPolicyPeer brokers = egress(policy).stream().flatMap(rule -> peers(rule).stream())
                    .filter(p -> p.getPodSelector() != null && p.getPodSelector().getMatchLabels() != null
                            && "Kafka".equals(p.getPodSelector().getMatchLabels().get("strimzi.io/kind")))
                    .findFirst().orElseThrow(() -> new AssertionError(policy.getMetadata().getName() + " reaches Kafka"));
            assertEquals("kafka", brokers.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"),
                    policy.getMetadata().getName() + " selects the brokers in Kafka's namespace");
        }
    }

    /**
     * The install notes send the SRE to where the chart puts the KafkaTopics (kafka.strimzi.topicNamespace,
     * else the release namespace) and the KafkaUsers (the release namespace), not to Kafka's namespace.
     */
    @Test
    void theInstallNotesLookForTopicsAndUsersWhereTheChartPutsThem() {
        String notes = new com.marcnuri.helm.Helm(Repository.CHART.directory()).install().withName("tradecredit")
                .withNamespace("tradecredit").withKubeVersion(Chart.KUBE_VERSION).clientOnly().withDryRunOption(com.marcnuri.helm.DryRun.CLIENT)
                .set("kafka.strimzi.namespace", "kafka").set("kafka.clusterCaSecret", "kafka-cluster-ca-cert")
                .set("kafka.strimzi.topicNamespace", "kafka-topics").call().getOutput();
        assertTrue(notes.contains("kubectl -n kafka-topics get kafkatopics -l app.kubernetes.io/instance=tradecredit"), notes);
        assertTrue(notes.contains("kubectl -n tradecredit get kafkausers -l app.kubernetes.io/instance=tradecredit"), notes);
    }

    @Test
    void kafkaInAnotherNamespaceWithoutACopyOfTheClusterCaFailsTheRenderSayingWhatToDo() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Repository.CHART.render(List.of(), Map.of("kafka.strimzi.namespace", "kafka")));
        assertTrue(refused.getMessage().contains("Copy it into \"tradecredit\" and set kafka.clusterCaSecret"),
                refused.getMessage());
    }

    @Test
    void topicsGoToTheNamespaceTheTopicOperatorWatches() {
        List<Manifest> manifests = Manifests.parse(Repository.CHART.render(List.of(),
                Map.of("kafka.strimzi.topicNamespace", "kafka")));
        List<Manifest> topics = Manifests.ofKind(manifests, "KafkaTopic");
        assertFalse(topics.isEmpty());
        topics.forEach(t -> assertEquals("kafka", t.tree().path("metadata").path("namespace").asText(), t.id()));
        Manifests.ofKind(manifests, "KafkaUser").forEach(u -> assertFalse(u.tree().path("metadata").has("namespace")));
    }

    @Test
    void theRealmImportGoesToKeycloaksNamespaceInBothKinds() {
        for (String kind : List.of("KeycloakRealmImport", "Secret")) {
            List<Manifest> manifests = Manifests.parse(Repository.CHART.render(List.of(Rendering.CI.resolve("demo-values.yaml")),
                    Map.of("keycloakRealm.kind", kind, "keycloakRealm.namespace", "keycloak")));
            Manifest realm = manifests.stream().filter(m -> m.tree().path("metadata").path("labels")
                    .path("app.kubernetes.io/component").asText().equals("keycloak-realm")).findFirst().orElseThrow();
            assertEquals("keycloak", realm.tree().path("metadata").path("namespace").asText(), kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void dnsIsReachableAtAnyAddressOn53And5353OverUdpAndTcp(Rendering rendering) {
        for (NetworkPolicy policy : policies(rendering.manifests())) {
            List<NetworkPolicyEgressRule> anywhere = egress(policy).stream()
                    .filter(rule -> rule.getTo() == null || rule.getTo().isEmpty())
                    .filter(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 53)).toList();
            assertEquals(1, anywhere.size(), policy.getMetadata().getName() + ": one DNS rule to any address");
            Set<String> ports = anywhere.get(0).getPorts().stream()
                    .map(p -> p.getPort().getIntVal() + "/" + p.getProtocol()).collect(Collectors.toSet());
            assertEquals(Set.of("53/UDP", "53/TCP", "5353/UDP", "5353/TCP"), ports, policy.getMetadata().getName());
        }
    }

    @Test
    void tracingToACollectorOpensEgressToItAndTellsTheServicesWhere(@TempDir Path work) throws IOException {
        List<Manifest> manifests = render(work, """
                tracing:
                  enabled: true
                  endpoint: http://otel-collector.observability.svc:4317
                """);
        for (Deployment deployment : RenderedManifestsTest.deployments(manifests).values()) {
            assertEquals("http://otel-collector.observability.svc:4317",
                    RenderedManifestsTest.env(deployment).get("OTEL_EXPORTER_OTLP_ENDPOINT").getValue());
        }
        for (NetworkPolicy policy : policies(manifests)) {
            assertTrue(egress(policy).stream().anyMatch(rule -> rule.getPorts().stream()
                    .anyMatch(p -> p.getPort().getIntVal() == 4317) && peers(rule).stream()
                    .anyMatch(p -> p.getNamespaceSelector() != null && "observability".equals(
                            p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))),
                    policy.getMetadata().getName() + " reaches the collector");
        }
        for (NetworkPolicy policy : policies(Rendering.DEFAULTS.manifests())) {
            assertFalse(egress(policy).stream().anyMatch(rule -> rule.getPorts().stream()
                    .anyMatch(p -> p.getPort().getIntVal() == 4317)), "no collector egress without tracing");
        }
    }

    @Test
    void anOidcIssuerOutsideTheClusterIsAnIpBlock(@TempDir Path work) throws IOException {
        List<Manifest> manifests = render(work, """
                oidc:
                  authServerUrl: https://login.example.com/realms/tradecredit
                networkPolicy:
                  keycloak:
                    ipBlock:
                      cidr: 203.0.113.0/24
                    ports: [443]
                """);
        for (NetworkPolicy policy : policies(manifests)) {
            NetworkPolicyEgressRule issuer = egress(policy).stream().filter(rule -> rule.getPorts().stream()
                    .anyMatch(p -> p.getPort().getIntVal() == 443) && peers(rule).stream().anyMatch(p -> p.getIpBlock() != null))
                    .findFirst().orElseThrow(() -> new AssertionError(policy.getMetadata().getName() + " reaches the issuer"));
            NetworkPolicyPeer peer = issuer.getTo().get(0);
            assertEquals("203.0.113.0/24", peer.getIpBlock().getCidr());
            assertNull(peer.getPodSelector(), "an ipBlock peer has no selector");
            assertNull(peer.getNamespaceSelector());
        }
    }

    private static List<Manifest> render(Path work, String values) throws IOException {
        Path file = Files.writeString(work.resolve("values.yaml"), values);
        return Manifests.parse(Repository.CHART.render(List.of(file), Map.of()));
    }

    static List<NetworkPolicy> policies(List<Manifest> manifests) {
        return Manifests.ofKind(manifests, "NetworkPolicy").stream().map(m -> m.as(NetworkPolicy.class)).toList();
    }

    private static List<NetworkPolicyEgressRule> egress(NetworkPolicy policy) {
        return policy.getSpec().getEgress();
    }

    private static List<NetworkPolicyPeer> peers(NetworkPolicyEgressRule rule) {
        return rule.getTo() == null ? List.of() : rule.getTo();
    }
}
