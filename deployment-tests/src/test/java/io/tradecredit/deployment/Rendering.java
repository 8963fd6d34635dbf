package io.tradecredit.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A way to install the chart: values files and --set values, and what it must produce.
 *
 * @param agencies the partner agencies it configures
 * @param realmImport whether it imports the demo realm (which holds demo credentials)
 */
record Rendering(String name, List<Path> valuesFiles, Map<String, Object> sets, List<String> agencies,
        boolean realmImport) {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    static final Path CI = Repository.CHART.directory().resolve("ci");

    static final Rendering DEFAULTS = new Rendering("defaults", List.of(), Map.of(), List.of(), false);
    static final Rendering PRODUCTION = new Rendering("production", List.of(CI.resolve("production-values.yaml")),
            Map.of(), List.of("swiftcollect", "northcredit"), false);
    static final Rendering DEMO = new Rendering("demo", List.of(CI.resolve("demo-values.yaml")), Map.of(),
            List.of("swiftcollect"), true);
    static final Rendering MUTUAL_TLS = new Rendering("mutual TLS to Kafka in another namespace",
            List.of(), sets("kafka.authentication", "tls", "kafka.strimzi.namespace", "kafka",
                    "kafka.clusterCaSecret", "kafka-cluster-ca-cert",
                    "agencies[0].code", "swiftcollect", "agencies[0].authentication", "tls"),
            List.of("swiftcollect"), false);
    static final Rendering REALM_SECRET = new Rendering("demo with the realm as a Secret",
            List.of(CI.resolve("demo-values.yaml")), sets("keycloakRealm.kind", "Secret"), List.of("swiftcollect"),
            true);

    /** Production restoring invoice-service's database to a point in time (docs/runbook.md, "Restore a database"). */
    static final Rendering RESTORE = new Rendering("production restoring invoice-service's database",
            List.of(CI.resolve("production-values.yaml")), sets(
                    "services.invoice-service.database.recovery.name", "r1",
                    "services.invoice-service.database.recovery.targetTime", "2026-12-01T09:30:00Z"),
            List.of("swiftcollect", "northcredit"), false);

    static List<Rendering> all() {
        return List.of(DEFAULTS, PRODUCTION, DEMO, MUTUAL_TLS, REALM_SECRET, RESTORE);
    }

    /** The rendered manifests (rendered once per test run). */
    String render() {
        return CACHE.computeIfAbsent(name, n -> Repository.CHART.render(valuesFiles, sets));
    }

    List<Manifests.Manifest> manifests() {
        return Manifests.parse(render());
    }

    @Override
    public String toString() {
        return name;
    }

    private static Map<String, Object> sets(Object... keyValues) {
        Map<String, Object> sets = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            sets.put((String) keyValues[i], keyValues[i + 1]);
        }
        return sets;
    }
}
