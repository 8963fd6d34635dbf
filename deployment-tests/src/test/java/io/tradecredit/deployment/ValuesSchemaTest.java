package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json turns bad values away at install time (helm template/install validate them). */
class ValuesSchemaTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("the image tag latest", "image:\n  tag: latest\n"),
                Arguments.of("an image digest that is not a sha256",
                        "services:\n  invoice-service:\n    imageDigest: md5:0123\n"),
                Arguments.of("a writable root file system",
                        "serviceDefaults:\n  securityContext:\n    readOnlyRootFilesystem: false\n"),
                Arguments.of("running as root",
                        "serviceDefaults:\n  podSecurityContext:\n    runAsNonRoot: false\n"),
                Arguments.of("privilege escalation",
                        "services:\n  invoice-service:\n    securityContext:\n      allowPrivilegeEscalation: true\n"),
                Arguments.of("added capabilities",
                        "serviceDefaults:\n  securityContext:\n    capabilities:\n      drop: [ALL]\n      add: [NET_ADMIN]\n"),
                Arguments.of("no memory limit",
                        "serviceDefaults:\n  resources:\n    limits:\n      memory: null\n"),
                Arguments.of("zero replicas", "services:\n  credit-service:\n    replicas: 0\n"),
                Arguments.of("a replica count as text", "serviceDefaults:\n  replicas: \"two\"\n"),
                Arguments.of("an unknown setting", "replicaCount: 3\n"),
                Arguments.of("an unknown service", "services:\n  billing-service: {}\n"),
                Arguments.of("an unknown per-service setting",
                        "services:\n  invoice-service:\n    replicaCount: 3\n"),
                Arguments.of("an agency code that cannot be a topic part",
                        "agencies:\n  - code: Swift_Collect\n"),
                Arguments.of("an agency without a code", "agencies:\n  - authentication: tls\n"),
                Arguments.of("mutual TLS to Kafka without TLS",
                        "kafka:\n  tls: false\n  authentication: tls\n"),
                Arguments.of("an unknown Kafka authentication", "kafka:\n  authentication: plain\n"),
                Arguments.of("zero partitions", "kafka:\n  topics:\n    partitions: 0\n"),
                Arguments.of("an external database without its login secret",
                        "services:\n  insurance-claims-service:\n    database:\n      external:\n"
                                + "        host: claims-db.example.com\n"),
                Arguments.of("an OIDC URL that is not a realm URL", "oidc:\n  authServerUrl: keycloak\n"),
                Arguments.of("a password as a plain environment value",
                        "serviceDefaults:\n  env:\n    DB_PASSWORD: secret\n"),
                Arguments.of("an environment name that is not one",
                        "serviceDefaults:\n  env:\n    db.host: x\n"),
                Arguments.of("a PostgreSQL image without a pinned tag",
                        "postgresql:\n  imageName: ghcr.io/cloudnative-pg/postgresql:latest\n"),
                Arguments.of("an error ratio above 1",
                        "monitoring:\n  prometheusRule:\n    errorRatioThreshold: 5\n"),
                Arguments.of("a relative runbook URL",
                        "monitoring:\n  prometheusRule:\n    runbookUrl: docs/runbook.md\n"),
                Arguments.of("a runbook URL with its own anchor",
                        "monitoring:\n  prometheusRule:\n    runbookUrl: https://wiki.example.com/runbook.md#alerts\n"),
                Arguments.of("an unknown realm import kind", "keycloakRealm:\n  kind: ConfigMap\n"),
                Arguments.of("the removed in-tree barmanObjectStore",
                        "postgresql:\n  backup:\n    barmanObjectStore:\n      destinationPath: s3://b/p\n"),
                Arguments.of("backups without an object store", "postgresql:\n  backup:\n    enabled: true\n"),
                Arguments.of("an object store credential as plain text",
                        "postgresql:\n  backup:\n    objectStore:\n      configuration:\n"
                                + "        destinationPath: s3://b/p\n        s3Credentials:\n          accessKeyId: AKIA\n"),
                Arguments.of("a base backup compression the barman-cloud plugin does not know",
                        "postgresql:\n  backup:\n    objectStore:\n      configuration:\n"
                                + "        destinationPath: s3://b/p\n        data:\n          compression: zstd\n"),
                Arguments.of("a five-field backup schedule", "postgresql:\n  backup:\n    schedule: \"0 2 * * *\"\n"),
                Arguments.of("a retention that is no duration", "postgresql:\n  backup:\n    retentionPolicy: forever\n"),
                Arguments.of("the deprecated enablePodMonitor", "postgresql:\n  enablePodMonitor: true\n"),
                Arguments.of("a recovery point in time without its offset",
                        "services:\n  invoice-service:\n    database:\n      recovery:\n        name: r1\n"
                                + "        targetTime: \"2026-12-01 09:30:00\"\n"),
                Arguments.of("a tracing endpoint that is not a URL", "tracing:\n  endpoint: otel-collector:4317\n"),
                Arguments.of("an OIDC issuer ipBlock that is no CIDR",
                        "networkPolicy:\n  keycloak:\n    ipBlock:\n      cidr: login.example.com\n"),
                Arguments.of("the removed DNS peer (DNS is reachable anywhere)",
                        "networkPolicy:\n  dns:\n    podSelector: {}\n"),
                Arguments.of("a database pool of zero", "serviceDefaults:\n  databasePoolSize: 0\n"),
                Arguments.of("a realm import namespace that is no DNS label", "keycloakRealm:\n  namespace: Key_Cloak\n"),
                Arguments.of("a recovery without the restored cluster's name",
                        "services:\n  invoice-service:\n    database:\n      recovery:\n"
                                + "        targetTime: \"2026-12-01T09:30:00Z\"\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValuesAreRejected(String what, String values, @TempDir Path work) throws IOException {
        Path file = Files.writeString(work.resolve("bad-values.yaml"), values);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Repository.CHART.render(List.of(file), Map.of()), () -> what + " was accepted");
        assertTrue(refused.getMessage().contains("schema"), () -> what + " failed, but not by the schema: "
                + refused.getMessage());
    }
}
