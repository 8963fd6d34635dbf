package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.tradecredit.deployment.Manifests.Manifest;

/**
 * kafka.topicPrefix scopes a release's topics and consumer groups (docs/deployment.md, "Two releases
 * and one Kafka cluster"): its KafkaTopics, its KafkaUsers' ACLs and the services' TC_TOPIC_PREFIX
 * agree, and two releases with different prefixes share no topic or group.
 */
class TopicPrefixTest {

    /** The demo (it has agencies) as release {@code name} with its own prefix and KafkaUser names. */
    private static List<Manifest> release(String name, String prefix) {
        return Manifests.parse(Repository.CHART.render(List.of(Rendering.CI.resolve("demo-values.yaml")),
                Map.of("kafka.topicPrefix", prefix, "fullnameOverride", name)));
    }

    private static Set<String> topics(List<Manifest> manifests) {
        Set<String> names = new TreeSet<>();
        for (Manifest t : Manifests.ofKind(manifests, "KafkaTopic")) {
            assertEquals(t.tree().path("metadata").path("name").asText(), t.tree().path("spec").path("topicName").asText());
            names.add(t.tree().path("spec").path("topicName").asText());
        }
        return names;
    }

    /** Every ACL resource of the release's KafkaUsers, as "type:patternType:name". */
    private static Set<String> aclResources(List<Manifest> manifests) {
        Set<String> resources = new TreeSet<>();
        for (Manifest user : Manifests.ofKind(manifests, "KafkaUser")) {
            for (JsonNode acl : user.tree().path("spec").path("authorization").path("acls")) {
                JsonNode r = acl.path("resource");
                resources.add(r.path("type").asText() + ":" + r.path("patternType").asText() + ":" + r.path("name").asText());
            }
        }
        return resources;
    }

    @Test
    void aPrefixedReleasesTopicsAclsAndEnvironmentAgree() {
        List<Manifest> manifests = release("tradecredit", "prod.");
        Set<String> topics = topics(manifests);
        assertTrue(topics.contains("prod.invoice-events"), topics.toString());
        assertTrue(topics.contains("prod.invoice-events.dlq.credit-service"), topics.toString());
        assertTrue(topics.stream().anyMatch(t -> t.matches("prod\\.agency\\..+\\.updates")), topics.toString());
        topics.forEach(t -> assertTrue(t.startsWith("prod."), t));

        for (String resource : aclResources(manifests)) {
            String[] parts = resource.split(":", 3);
            assertTrue(parts[2].startsWith("prod."), "ACL on another release's names: " + resource);
            if (parts[0].equals("topic")) {
                assertEquals("literal", parts[1], resource);
                assertTrue(topics.contains(parts[2]), "ACL on a topic the release does not create: " + resource);
            }
        }
        Set<String> groups = new TreeSet<>();
        aclResources(manifests).stream().filter(r -> r.startsWith("group:literal:")).forEach(r -> groups.add(r.substring(14)));
        for (Map.Entry<String, Deployment> entry : RenderedManifestsTest.deployments(manifests).entrySet()) {
            Map<String, String> env = new java.util.HashMap<>();
            for (EnvVar e : entry.getValue().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                env.put(e.getName(), e.getValue());
            }
            assertEquals("prod.", env.get("TC_TOPIC_PREFIX"), entry.getKey());
            // the chassis' group.id is ${tradecredit.kafka.topic-prefix:}${quarkus.application.name}
            assertTrue(groups.contains("prod." + entry.getKey()), entry.getKey() + "'s group in " + groups);
        }
    }

    @Test
    void twoReleasesWithDifferentPrefixesShareNoTopicOrGroup() {
        List<Manifest> prod = release("tc-prod", "prod.");
        List<Manifest> staging = release("tc-staging", "staging-");
        Set<String> shared = new HashSet<>(topics(prod));
        shared.retainAll(topics(staging));
        assertEquals(Set.of(), shared, "topics of both releases");

        Set<String> prodNames = names(aclResources(prod));
        for (String resource : aclResources(staging)) {
            String name = resource.split(":", 3)[2];
            for (String other : prodNames) {
                assertFalse(other.startsWith(name) || name.startsWith(other),
                        "staging's " + resource + " and prod's " + other + " overlap");
            }
        }
        Set<String> users = new HashSet<>(names(Manifests.ofKind(prod, "KafkaUser")));
        users.retainAll(names(Manifests.ofKind(staging, "KafkaUser")));
        assertEquals(Set.of(), users, "KafkaUsers of both releases");
    }

    @Test
    void withoutAPrefixTheNamesAreTheCodesAndTheEnvironmentIsEmpty() {
        List<Manifest> manifests = Rendering.DEFAULTS.manifests();
        assertTrue(topics(manifests).contains("invoice-events"));
        RenderedManifestsTest.deployments(manifests).values().forEach(d -> assertTrue(d.getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().stream()
                .anyMatch(e -> e.getName().equals("TC_TOPIC_PREFIX") && "".equals(e.getValue()))));
    }

    @Test
    void theSchemaRefusesAPrefixThatIsNotAKafkaTopicsAndResourcesNameStart() {
        for (String bad : List.of("Prod.", "prod", "prod_", ".prod.", "prod/")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Repository.CHART.render(List.of(), Map.of("kafka.topicPrefix", bad)), bad);
            assertTrue(refused.getMessage().contains("topicPrefix"), refused.getMessage());
        }
    }

    @Test
    void everyChannelsTopicDeadLetterTopicAndGroupOfEveryServiceCarriesThePrefix() {
        List<String> unprefixed = new java.util.ArrayList<>();
        for (Map.Entry<String, java.nio.file.Path> service : Repository.services().entrySet()) {
            String properties = Repository.read(service.getValue().resolve("src/main/resources/application.properties"));
            properties.lines().filter(l -> l.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic|group\\.id)=.*"))
                    .filter(l -> !l.contains("${tradecredit.kafka.topic-prefix:}"))
                    .forEach(l -> unprefixed.add(service.getKey() + ": " + l));
        }
        assertEquals(List.of(), unprefixed, "topics and groups another release would share");
        assertTrue(Repository.read(Repository.CHASSIS_CONFIG).contains(
                "mp.messaging.connector.smallrye-kafka.group.id=${tradecredit.kafka.topic-prefix:}${quarkus.application.name}"));
    }

    private static Set<String> names(Set<String> resources) {
        Set<String> names = new TreeSet<>();
        resources.forEach(r -> names.add(r.split(":", 3)[2]));
        return names;
    }

    private static Set<String> names(List<Manifest> manifests) {
        Set<String> names = new TreeSet<>();
        manifests.forEach(m -> names.add(m.tree().path("metadata").path("name").asText()));
        return names;
    }
}
