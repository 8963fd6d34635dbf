package io.tradecredit.deployment;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code k8s/} from the chart's default rendering. Run from the repository root:
 * {@code ./mvnw -B -q -pl deployment-tests -Pregenerate-k8s process-classes}
 * (argument: the repository root; default: the system property {@code tradecredit.root}).
 */
public final class RegenerateK8s {
    private RegenerateK8s() {
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : Chart.repositoryRoot();
        Chart chart = new Chart(root);
        Path k8s = chart.root().resolve("k8s");
        List<String> written = K8sManifests.write(chart, k8s);
        System.out.println("k8s/: wrote " + String.join(", ", written));
    }
}
