package io.tradecredit.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Renders the chart with its Helm hooks (the migration Jobs). helm-java's {@code template} leaves
 * hooks out, as {@code helm template --no-hooks} would; so the chart is copied and its
 * {@code helm.sh/hook*} annotations renamed to {@code test.helm.sh/hook*}, which Helm renders as
 * any other annotation, values and all.
 */
final class HookRendering {
    static final String PREFIX = "test.helm.sh/";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static Chart copy;

    private HookRendering() {
    }

    static List<Manifests.Manifest> manifests(List<Path> valuesFiles, Map<String, Object> sets) {
        String key = valuesFiles + " " + sets;
        return Manifests.parse(CACHE.computeIfAbsent(key, k -> chart().render(valuesFiles, sets)));
    }

    /** A hook annotation's value ({@code hook}, {@code hook-weight}, {@code hook-delete-policy}). */
    static String hookAnnotation(HasMetadata resource, String name) {
        return resource.getMetadata().getAnnotations().get(PREFIX + name);
    }

    private static synchronized Chart chart() {
        if (copy == null) {
            try {
                Path root = Files.createTempDirectory("chart-with-hooks");
                Path source = Repository.CHART.directory();
                Path target = root.resolve("helm/tradecredit");
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.toList()) {
                        Path to = target.resolve(source.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(to);
                        } else if (file.toString().endsWith(".yaml") && file.getParent().endsWith("templates")) {
                            Files.writeString(to, Files.readString(file, StandardCharsets.UTF_8)
                                    .replace("helm.sh/hook", PREFIX + "hook"), StandardCharsets.UTF_8);
                        } else {
                            Files.copy(file, to); // follows the realm file's link
                        }
                    }
                }
                copy = new Chart(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }
}
