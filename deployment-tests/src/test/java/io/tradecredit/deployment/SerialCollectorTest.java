package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Every way of running the services uses the serial collector: what the JVM picks by itself in a pod
 * of one CPU, and on two CPUs 18 % less of invoice-service's CPU per payment than G1 (docs/performance.md,
 * "session 21"). Said explicitly, so a pod given more CPUs or a laptop running the compose file does not
 * switch to G1 unseen.
 */
class SerialCollectorTest {
    static final String FLAG = "-XX:+UseSerialGC";

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceContainerOfTheChartRunsTheSerialCollector(Rendering rendering) {
        Map<String, Deployment> deployments = RenderedManifestsTest.deployments(rendering.manifests());
        assertEquals(Repository.services().keySet(), deployments.keySet());
        for (Map.Entry<String, Deployment> entry : deployments.entrySet()) {
            for (Container container : entry.getValue().getSpec().getTemplate().getSpec().getContainers()) {
                String options = container.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
                        .map(EnvVar::getValue).findFirst().orElse("");
                assertTrue(options.contains(FLAG), entry.getKey() + " JAVA_TOOL_OPTIONS: '" + options + "'");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyComposeServiceRunsTheSerialCollector() {
        Map<String, Object> compose = new Yaml().load(Repository.read(Repository.ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (String service : Repository.services().keySet()) {
            Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
            assertTrue(String.valueOf(environment.get("JAVA_TOOL_OPTIONS")).contains(FLAG), service);
        }
    }

    @Test
    void platformUpStartsTheServicesWithItUnlessToldOtherwise() {
        Matcher options = Pattern.compile("(?m)^SERVICE_JAVA_OPTS=\"(.*)\"$")
                .matcher(Repository.read(Repository.ROOT.resolve("platform")));
        assertTrue(options.find(), "SERVICE_JAVA_OPTS in ./platform");
        Matcher defaults = Pattern.compile("\\$\\{TC_SERVICE_JAVA_OPTS:-([^}]*)}").matcher(options.group(1));
        assertTrue(defaults.find() && defaults.group(1).contains(FLAG), "TC_SERVICE_JAVA_OPTS' default: " + options.group(1));
    }
}
