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
 * A service whose heap runs out exits at once (and is restarted) instead of staying up answering
 * nothing with its readiness still 200: every way of running the services sets
 * {@code -XX:+ExitOnOutOfMemoryError}.
 */
class OutOfMemoryExitTest {
    static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceContainerOfTheChartExitsOnOutOfMemory(Rendering rendering) {
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
    void everyComposeServiceExitsOnOutOfMemoryAndIsRestarted() {
        Map<String, Object> compose = new Yaml().load(Repository.read(Repository.ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (String service : Repository.services().keySet()) {
            Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
            assertTrue(String.valueOf(environment.get("JAVA_TOOL_OPTIONS")).contains(FLAG), service);
            assertEquals("on-failure", services.get(service).get("restart"), service + " restarts when it exits");
        }
    }

    @Test
    void platformUpStartsTheServicesWithIt() {
        Matcher options = Pattern.compile("(?m)^SERVICE_JAVA_OPTS=\"(.*)\"$")
                .matcher(Repository.read(Repository.ROOT.resolve("platform")));
        assertTrue(options.find(), "SERVICE_JAVA_OPTS in ./platform");
        assertTrue(options.group(1).startsWith(FLAG + " "), "always set, whatever TC_SERVICE_JAVA_OPTS: " + options.group(1));
    }
}
