package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** k8s/ is the chart's default rendering, so users without Helm install the same thing. */
class K8sManifestsTest {

    @Test
    void k8sDirectoryEqualsTheDefaultRendering() throws IOException {
        Map<String, String> expected = K8sManifests.expected(Repository.CHART);
        Map<String, String> actual = K8sManifests.actual(Repository.ROOT.resolve("k8s"));
        String hint = "k8s/ differs from helm/tradecredit's default rendering; regenerate it with\n"
                + "  ./mvnw -B -q -pl deployment-tests -Pregenerate-k8s process-classes";
        assertEquals(expected.keySet(), actual.keySet(), hint);
        expected.forEach((file, content) -> assertEquals(content, actual.get(file), file + ": " + hint));
    }

    @Test
    void k8sManifestsParseStrictly() throws IOException {
        K8sManifests.actual(Repository.ROOT.resolve("k8s")).forEach((file, content) -> {
            if (!file.equals("kustomization.yaml")) {
                for (String document : content.split("(?m)^---\\s*$")) {
                    if (!document.replaceAll("(?m)^#.*$", "").isBlank()) {
                        Manifests.Manifest manifest = Manifests.parse(file, document);
                        if (manifest.custom()) {
                            assertEquals(List.of(),
                                    CustomResources.problems(manifest), file);
                        }
                    }
                }
            }
        });
    }
}
