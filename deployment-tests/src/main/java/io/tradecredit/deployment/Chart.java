package io.tradecredit.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/**
 * Renders the umbrella chart {@code helm/tradecredit} with helm-java (Helm's own code, no helm
 * binary): release {@value #RELEASE} in namespace {@value #NAMESPACE}, for Kubernetes
 * {@value #KUBE_VERSION}.
 */
public final class Chart {
    public static final String RELEASE = "tradecredit";
    public static final String NAMESPACE = "tradecredit";
    public static final String KUBE_VERSION = "1.30.0";

    private static final Pattern SOURCE = Pattern.compile("^# Source: [^/]+/templates/(\\S+)$", Pattern.MULTILINE);

    private final Path root;

    /** @param root the repository's top directory */
    public Chart(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path directory() {
        return root.resolve("helm/tradecredit");
    }

    /** {@code helm template} with the chart's own values plus {@code valuesFiles}, then {@code sets}. */
    public String render(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand template = new Helm(directory()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file.toAbsolutePath());
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    /** {@code helm template} with the chart's default values only. */
    public String renderDefaults() {
        return render(List.of(), Map.of());
    }

    /**
     * Splits a rendering into its YAML documents by the template that produced them:
     * template file name (e.g. {@code deployment.yaml}) to its documents, in rendering order.
     */
    public static Map<String, List<String>> documentsByTemplate(String rendered) {
        Map<String, List<String>> byTemplate = new LinkedHashMap<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Matcher source = SOURCE.matcher(document);
            String template = source.find() ? source.group(1) : "unknown.yaml";
            String body = SOURCE.matcher(document).replaceAll("").strip();
            if (!body.isEmpty()) {
                byTemplate.computeIfAbsent(template, t -> new ArrayList<>()).add(body + "\n");
            }
        }
        return byTemplate;
    }

    /** Every YAML document of a rendering, without the Source comments. */
    public static List<String> documents(String rendered) {
        List<String> all = new ArrayList<>();
        documentsByTemplate(rendered).values().forEach(all::addAll);
        return all;
    }

    /** The repository root from the system property {@code tradecredit.root}, or the working directory's parent. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("tradecredit.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("helm/tradecredit"))) {
            throw new IllegalStateException("No helm/tradecredit under " + root + "; set -Dtradecredit.root");
        }
        return root.toAbsolutePath().normalize();
    }
}
