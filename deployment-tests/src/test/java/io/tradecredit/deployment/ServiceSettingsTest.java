package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The chart sets only settings the services read, and what it fixes (ports, databases, topics)
 * is what the services' code says: renaming a setting or a topic in a service breaks this test.
 */
class ServiceSettingsTest {
    private static final Pattern CHANNEL = Pattern.compile(
            "^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(connector|topic|pattern|dead-letter-queue\\.topic|group\\.id|failure-strategy)$");
    /** The chassis' defaults for every channel of the Kafka connector (its microprofile-config.properties). */
    private static final Pattern KAFKA_CONNECTOR = Pattern.compile(
            "^mp\\.messaging\\.connector\\.smallrye-kafka\\.(dead-letter-queue\\.topic|group\\.id|failure-strategy)$");

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyEnvironmentVariableOfTheChartIsASettingTheServiceReads(Rendering rendering) {
        List<String> unread = new ArrayList<>();
        for (Map.Entry<String, Deployment> entry : RenderedManifestsTest.deployments(rendering.manifests()).entrySet()) {
            ServiceSettings settings = ServiceSettings.of(entry.getKey());
            for (Container container : entry.getValue().getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (!settings.reads(env.getName())) {
                        unread.add(entry.getKey() + ": " + env.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), unread, "environment variables no service setting reads");
    }

    @Test
    void theChassisSettingsTheChartReliesOnExist() {
        // the names the chart sets for every service, each one a ${...} of the chassis or a Kafka client setting
        for (String service : Repository.services().keySet()) {
            ServiceSettings settings = ServiceSettings.of(service);
            for (String name : List.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS", "OIDC_AUTH_SERVER_URL", "OTEL_SDK_DISABLED", "KAFKA_SASL_JAAS_CONFIG",
                    "KAFKA_SSL_TRUSTSTORE_CERTIFICATES", "KAFKA_SSL_KEYSTORE_KEY")) {
                assertTrue(settings.reads(name), service + " reads " + name);
            }
            assertFalse(settings.reads("KAFKA_SASL_JAAS_CONFIGURATION"), "not a Kafka client setting");
            assertFalse(settings.reads("QUARKUS_CONTAINER_IMAGE_TAG"), "image settings are build time only");
        }
    }

    @Test
    void theTopologyHasTheServicesPortsAndDatabases() {
        JsonNode topology = Repository.topology();
        Set<String> chartServices = new TreeSet<>();
        topology.path("services").fieldNames().forEachRemaining(chartServices::add);
        assertEquals(Repository.services().keySet(), chartServices, "services of helm/tradecredit/files/topology.yaml");
        for (String service : chartServices) {
            Properties properties = Repository.applicationProperties(service);
            JsonNode code = topology.path("services").path(service);
            assertEquals(properties.getProperty("quarkus.http.port"), code.path("port").asText(), service + " port");
            assertEquals(properties.getProperty("tradecredit.db.name"), code.path("database").asText(),
                    service + " database");
        }
    }

    @Test
    void deploymentsListenOnTheServicesPorts() {
        RenderedManifestsTest.deployments(Rendering.DEFAULTS.manifests()).forEach((service, deployment) -> assertEquals(
                Integer.valueOf(Repository.applicationProperties(service).getProperty("quarkus.http.port")),
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort(),
                service));
    }

    @Test
    void theTopologyHasEveryTopicOfTheContracts() {
        JsonNode topology = Repository.topology();
        Set<String> chartAddresses = new TreeSet<>();
        topology.path("topics").fieldNames().forEachRemaining(chartAddresses::add);
        topology.path("agencyTopics").fieldNames().forEachRemaining(kind -> chartAddresses.add("agency.{agencyCode}." + kind));
        assertEquals(Repository.asyncApiAddresses(), chartAddresses, "topics of contracts/asyncapi.yaml");
        topology.path("topics").forEach(topic -> {
            // an external topic (warning-signals) is written by outside providers, not by a service
            assertFalse(topic.path("producers").isEmpty() && !topic.path("external").asBoolean(),
                    "every topic has a producer");
            topic.path("producers").forEach(p -> assertTrue(Repository.services().containsKey(p.asText()), p.asText()));
            topic.path("consumers").forEach(c -> assertTrue(Repository.services().containsKey(c.asText()), c.asText()));
        });
    }

    /**
     * The messaging channels of each service's application.properties: what it consumes is in the
     * topology as its topic, with the dead-letter topic the chart creates; what it sends too.
     */
    @Test
    void theServicesMessagingChannelsMatchTheTopology() {
        JsonNode topology = Repository.topology();
        List<String> problems = new ArrayList<>();
        Map<String, String> kafkaDefaults = new TreeMap<>();
        Repository.properties(Repository.CHASSIS_CONFIG).forEach((key, value) -> {
            Matcher m = KAFKA_CONNECTOR.matcher(key.toString());
            if (m.matches()) {
                kafkaDefaults.put(m.group(1), value.toString());
            }
        });
        for (String service : Repository.services().keySet()) {
            Map<String, Map<String, String>> channels = new TreeMap<>();
            Repository.applicationProperties(service).forEach((key, value) -> {
                Matcher m = CHANNEL.matcher(key.toString());
                if (m.matches()) {
                    channels.computeIfAbsent(m.group(1) + " " + m.group(2), c -> new TreeMap<>())
                            .put(m.group(3), value.toString());
                }
            });
            channels.values().stream().filter(settings -> "smallrye-kafka".equals(settings.get("connector")))
                    .forEach(settings -> kafkaDefaults.forEach((name, value) -> settings.putIfAbsent(name,
                            value.replace("${quarkus.application.name}", service))));
            // names as the code has them: the release's prefix (empty by default) is TopicPrefixTest's
            channels.values().forEach(settings -> settings.replaceAll((name, value) ->
                    value.replace("${tradecredit.kafka.topic-prefix:}", "")));
            channels.forEach((channel, settings) -> {
                boolean incoming = channel.startsWith("incoming");
                String topic = settings.getOrDefault("topic", channel.substring(channel.indexOf(' ') + 1));
                String role = incoming ? "consumers" : "producers";
                boolean known;
                if ("true".equals(settings.get("pattern"))) {
                    // one channel for every agency's topic of a kind, e.g. agency\..+\.updates
                    known = List.of("cases", "updates").stream().anyMatch(kind -> Pattern.matches(topic,
                            "agency.example." + kind)
                            && contains(topology.path("agencyTopics").path(kind).path(role), service));
                } else if (topic.startsWith("agency.")) {
                    known = contains(topology.path("agencyTopics").path(topic.substring(topic.lastIndexOf('.') + 1))
                            .path(role), service);
                } else {
                    known = contains(topology.path("topics").path(topic).path(role), service);
                }
                if (!known) {
                    problems.add(service + " " + channel + ": topic " + topic + " is not among its " + role
                            + " in helm/tradecredit/files/topology.yaml");
                }
                if (incoming) {
                    String groupId = settings.get("group.id");
                    if (groupId != null && !groupId.equals(service)) {
                        problems.add(service + " " + channel + ": group.id " + groupId
                                + " is not the service name its KafkaUser may use");
                    }
                    if (!"true".equals(settings.get("pattern"))
                            && "dead-letter-queue".equals(settings.get("failure-strategy"))
                            && !(topic + ".dlq." + service).equals(settings.get("dead-letter-queue.topic"))) {
                        problems.add(service + " " + channel + ": dead-letter topic must be " + topic + ".dlq." + service);
                    }
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
