package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Chart, images and compose file are released with the Maven project and its image settings. */
class ReleaseTest {

    @Test
    void chartVersionAndAppVersionAreTheProjectVersion() {
        JsonNode chart = Repository.yaml(Repository.CHART.directory().resolve("Chart.yaml"));
        assertEquals(Repository.projectVersion(), chart.path("version").asText());
        assertEquals(Repository.projectVersion(), chart.path("appVersion").asText());
    }

    @Test
    void defaultImagesAreTheOnesJibBuilds() {
        Properties chassis = Repository.properties(Repository.CHASSIS_CONFIG);
        String registry = chassis.getProperty("quarkus.container-image.registry");
        String group = chassis.getProperty("quarkus.container-image.group");
        assertEquals("${quarkus.application.name}", chassis.getProperty("quarkus.container-image.name"));
        assertEquals("${quarkus.application.version}", chassis.getProperty("quarkus.container-image.tag"));
        JsonNode values = Repository.yaml(Repository.CHART.directory().resolve("values.yaml"));
        assertEquals(registry, values.path("image").path("registry").asText(), "image.registry");
        assertEquals(group, values.path("image").path("group").asText(), "image.group");
        for (Deployment deployment : RenderedManifestsTest.deployments(Rendering.DEFAULTS.manifests()).values()) {
            String service = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
            assertEquals(registry + "/" + group + "/" + service + ":" + Repository.projectVersion(),
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        }
    }
}
