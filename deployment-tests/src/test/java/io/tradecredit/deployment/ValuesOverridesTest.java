package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Values an operator writes mean what the docs say: an override gives only what changes, valid
 * environment names are taken, impossible combinations fail the render saying which, and every
 * value the docs name exists.
 */
class ValuesOverridesTest {
    private static final Pattern VALUE_IN_DOCS = Pattern.compile("`((?:image|kafka|postgresql|serviceDefaults|services"
            + "|monitoring|networkPolicy|ingress|tracing|oidc|keycloakRealm|notification)\\.[^`/]+)`");

    @Test
    void aServiceOverridesOnlyItsMemoryLimitAndKeepsTheDefaultRequests(@TempDir Path work) throws IOException {
        Deployment credit = deployment(render(work, """
                services:
                  credit-service:
                    resources:
                      limits:
                        memory: 1Gi
                """), "credit-service");
        Container container = credit.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("1Gi", container.getResources().getLimits().get("memory").toString());
        assertEquals("1", container.getResources().getLimits().get("cpu").toString(), "the default cpu limit stays");
        assertEquals("768Mi", container.getResources().getRequests().get("memory").toString(), "default requests stay");
    }

    @Test
    void validEnvironmentNamesAreTaken(@TempDir Path work) throws IOException {
        Deployment invoice = deployment(render(work, """
                services:
                  invoice-service:
                    env:
                      QUARKUS_OIDC_TOKEN_ISSUER: https://login.example.com/realms/tradecredit
                      quarkus_log_level: INFO
                """), "invoice-service");
        Map<String, io.fabric8.kubernetes.api.model.EnvVar> env = RenderedManifestsTest.env(invoice);
        assertEquals("https://login.example.com/realms/tradecredit", env.get("QUARKUS_OIDC_TOKEN_ISSUER").getValue());
        assertEquals("INFO", env.get("quarkus_log_level").getValue());
    }

    @Test
    void minReplicasAboveMaxReplicasFailsTheRenderNamingTheService() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Repository.CHART.render(
                List.of(), Map.of("services.credit-service.autoscaling.minReplicas", 5)));
        assertTrue(refused.getMessage().contains("services.credit-service.autoscaling: minReplicas (5) is above maxReplicas (4)"),
                refused.getMessage());
    }

    @Test
    void everyValueTheDocsNameExistsInTheSchema() {
        JsonNode schema = Repository.yaml(Repository.CHART.directory().resolve("values.schema.json"));
        List<String> unknown = new ArrayList<>();
        for (String doc : List.of("docs/deployment.md", "docs/runbook.md", "docs/images.md")) {
            // the table of values an older release had names them on purpose
            String text = Repository.read(Repository.ROOT.resolve(doc))
                    .replaceAll("(?s)Values that changed with the production-readiness work.*?\nRollback:", "");
            Matcher m = VALUE_IN_DOCS.matcher(text);
            while (m.find()) {
                String path = m.group(1).split("[=: ,]")[0].replaceAll("\\.\\*$", "");
                if (!resolves(schema, schema, path.split("\\."), 0)) {
                    unknown.add(doc + ": " + path);
                }
            }
        }
        assertEquals(List.of(), unknown, "values the docs name that the chart does not have");
    }

    /** Whether a dotted values path ({@code <name>} for any key) names a property of the schema. */
    private static boolean resolves(JsonNode root, JsonNode node, String[] parts, int at) {
        if (node.has("$ref")) {
            String[] ref = node.path("$ref").asText().substring(2).split("/");
            JsonNode target = root;
            for (String r : ref) {
                target = target.path(r);
            }
            return resolves(root, target, parts, at);
        }
        if (at == parts.length) {
            return true;
        }
        String part = parts[at];
        JsonNode properties = node.path("properties");
        if (part.startsWith("<") && part.endsWith(">")) {
            for (Iterator<JsonNode> it = properties.elements(); it.hasNext();) {
                if (resolves(root, it.next(), parts, at + 1)) {
                    return true;
                }
            }
        } else if (properties.has(part)) {
            return resolves(root, properties.path(part), parts, at + 1);
        }
        JsonNode additional = node.path("additionalProperties");
        return additional.isObject() && resolves(root, additional, parts, at + 1);
    }

    private static List<Manifests.Manifest> render(Path work, String values) throws IOException {
        Path file = Files.writeString(work.resolve("values.yaml"), values);
        return Manifests.parse(Repository.CHART.render(List.of(file), Map.of()));
    }

    private static Deployment deployment(List<Manifests.Manifest> manifests, String service) {
        return RenderedManifestsTest.deployments(manifests).get(service);
    }
}
