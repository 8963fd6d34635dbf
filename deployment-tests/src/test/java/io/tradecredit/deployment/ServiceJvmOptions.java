package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The JVM options each way of running the services gives them: the chart, the compose file, {@code ./platform}. */
final class ServiceJvmOptions {
    private ServiceJvmOptions() {
    }

    /** Per service container of a rendering ("service/container"), its JAVA_TOOL_OPTIONS. */
    static Map<String, String> chart(Rendering rendering) {
        Map<String, Deployment> deployments = RenderedManifestsTest.deployments(rendering.manifests());
        assertEquals(Repository.services().keySet(), deployments.keySet());
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, Deployment> entry : deployments.entrySet()) {
            for (Container container : entry.getValue().getSpec().getTemplate().getSpec().getContainers()) {
                options.put(entry.getKey() + "/" + container.getName(), container.getEnv().stream()
                        .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS")).map(EnvVar::getValue).findFirst().orElse(""));
            }
        }
        return options;
    }

    /** Per service of docker-compose.yml, its compose definition. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> composeServices() {
        Map<String, Object> compose = new Yaml().load(Repository.read(Repository.ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> all = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        Repository.services().keySet().forEach(s -> services.put(s, all.get(s)));
        return services;
    }

    /** A compose service's JAVA_TOOL_OPTIONS. */
    @SuppressWarnings("unchecked")
    static String compose(Map<String, Object> service) {
        return String.valueOf(((Map<String, Object>) service.get("environment")).get("JAVA_TOOL_OPTIONS"));
    }

    /** {@code ./platform}'s SERVICE_JAVA_OPTS line, as written (with its ${TC_SERVICE_JAVA_OPTS:-...} default). */
    static String platform() {
        Matcher options = Pattern.compile("(?m)^SERVICE_JAVA_OPTS=\"(.*)\"$")
                .matcher(Repository.read(Repository.ROOT.resolve("platform")));
        assertTrue(options.find(), "SERVICE_JAVA_OPTS in ./platform");
        return options.group(1);
    }
}
