package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/** {@code helm lint --strict}: warnings fail too. */
class ChartLintTest {

    @Test
    void defaultValuesPassStrictLint() {
        assertLintClean(Repository.CHART.directory(), "default values");
    }

    @Test
    void productionValuesPassStrictLint(@TempDir Path work) throws IOException {
        assertLintClean(chartWithValues(work, Rendering.CI.resolve("production-values.yaml")), "production values");
    }

    @Test
    void demoValuesPassStrictLint(@TempDir Path work) throws IOException {
        assertLintClean(chartWithValues(work, Rendering.CI.resolve("demo-values.yaml")), "demo values");
    }

    private static void assertLintClean(Path chart, String what) {
        LintResult result = new Helm(chart).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict with " + what + ":\n"
                + String.join("\n", result.getMessages()));
    }

    /**
     * A copy of the chart whose values.yaml is the chart's merged with {@code values} (Helm's
     * merge: maps deep, everything else replaced), because lint reads the chart's own values.
     */
    static Path chartWithValues(Path work, Path values) throws IOException {
        Path source = Repository.CHART.directory();
        Path copy = work.resolve("tradecredit");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target); // follows the realm link, as helm does
                }
            }
        }
        JsonNode merged = merge(Manifests.YAML.readTree(source.resolve("values.yaml").toFile()),
                Manifests.YAML.readTree(values.toFile()));
        Manifests.YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
        return copy;
    }

    static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode baseObject) || !override.isObject()) {
            return override;
        }
        ObjectNode result = baseObject.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                JsonNode current = result.get(field.getKey());
                result.set(field.getKey(), current == null ? field.getValue() : merge(current, field.getValue()));
            }
        }
        return result;
    }
}
