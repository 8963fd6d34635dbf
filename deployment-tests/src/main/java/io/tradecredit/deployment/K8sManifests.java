package io.tradecredit.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The plain manifests of {@code k8s/}: the chart's default rendering, one file per chart
 * template, plus a {@code kustomization.yaml} listing them.
 */
public final class K8sManifests {
    static final String HEADER = """
            # Generated from helm/tradecredit with its default values (release "%s"): do not edit.
            # Change the chart, then regenerate with
            #   ./mvnw -B -q -pl deployment-tests -Pregenerate-k8s process-classes
            # deployment-tests fails while this file differs from the chart's rendering.
            """.formatted(Chart.RELEASE);

    private K8sManifests() {
    }

    /** File name in k8s/ to its expected content. */
    public static Map<String, String> expected(Chart chart) {
        Map<String, String> files = new TreeMap<>();
        Chart.documentsByTemplate(chart.renderDefaults()).forEach((template, documents) -> files.put(template,
                HEADER + documents.stream().map(d -> "---\n" + d).collect(Collectors.joining())));
        StringBuilder kustomization = new StringBuilder(HEADER)
                .append("# kubectl -n <namespace> apply -k k8s/   (docs/deployment.md, \"Without Helm\")\n")
                .append("apiVersion: kustomize.config.k8s.io/v1beta1\n")
                .append("kind: Kustomization\n")
                .append("resources:\n");
        files.keySet().forEach(name -> kustomization.append("  - ").append(name).append('\n'));
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put("kustomization.yaml", kustomization.toString());
        return all;
    }

    /** What k8s/ holds now: every YAML file by name. */
    public static Map<String, String> actual(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Rewrites k8s/: writes every expected file and deletes YAML files the chart no longer renders. */
    public static List<String> write(Chart chart, Path directory) throws IOException {
        Map<String, String> expected = expected(chart);
        Files.createDirectories(directory);
        for (String stale : actual(directory).keySet()) {
            if (!expected.containsKey(stale)) {
                Files.delete(directory.resolve(stale));
            }
        }
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return List.copyOf(expected.keySet());
    }
}
