package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict parsing the other tests rely on really refuses what the API server would refuse. */
class StrictParsingTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: example
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: example
              template:
                metadata:
                  labels:
                    app: example
                spec:
                  containers:
                    - name: example
                      image: registry.example.com/example:1.0.0
                      env:
                        - name: DB_PORT
                          value: "5432"
                      resources:
                        limits:
                          memory: 512Mi
            """;

    @Test
    void aValidDeploymentParses() {
        assertDoesNotThrow(() -> Manifests.parse("deployment.yaml", DEPLOYMENT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown field        | 'replicas: 2'    | 'replica: 2'",
        "a misspelt nested field | 'template:'      | 'templates:'",
        "a number for a string   | 'value: \"5432\"' | 'value: 5432'",
        "a string for an integer | 'replicas: 2'    | 'replicas: \"2\"'",
        "a list for an object    | 'matchLabels:'   | 'matchLabels: []\n          matchLabelz:'",
    })
    void aMistakeFails(String what, String original, String mistake) {
        String broken = withMistake(DEPLOYMENT, what, original, mistake);
        assertThrows(AssertionError.class, () -> Manifests.parse("deployment.yaml", broken), what);
    }

    @Test
    void aDuplicateKeyFails() {
        String duplicate = DEPLOYMENT.replace("  replicas: 2\n", "  replicas: 2\n  replicas: 3\n");
        assertThrows(AssertionError.class, () -> Manifests.parse("deployment.yaml", duplicate));
    }

    @Test
    void anUnknownKindFails() {
        assertThrows(AssertionError.class, () -> Manifests.parse("x.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n"));
    }

    private static final String USER = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaUser
            metadata:
              name: invoice-service
              labels:
                strimzi.io/cluster: tradecredit
            spec:
              authentication:
                type: scram-sha-512
              authorization:
                type: simple
                acls:
                  - resource:
                      type: topic
                      name: invoice-events
                      patternType: literal
                    operations: [Describe, Write]
                    host: "*"
            """;

    @Test
    void aValidStrimziV1UserParsesIntoStrimzisModel() {
        assertDoesNotThrow(() -> Manifests.parse("kafka-users.yaml", USER));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown field                    | 'host: \"*\"'                 | 'hosts: \"*\"'",
        "an unknown authentication type      | 'type: scram-sha-512'          | 'type: scram-sha-256'",
        "an unknown ACL operation            | 'operations: [Describe, Write]' | 'operations: [Describe, Writ]'",
        "the v1beta2-only single operation   | 'operations: [Describe, Write]' | 'operation: Write'",
        "the deprecated v1beta2 API version  | 'kafka.strimzi.io/v1'          | 'kafka.strimzi.io/v1beta2'",
        "a string for an integer quota       | 'authorization:'               | 'quotas:\n    producerByteRate: \"1024\"\n  authorization:'",
    })
    void aStrimziResourceOutsideStrimzisV1ModelFails(String what, String original, String mistake) {
        String broken = withMistake(USER, what, original, mistake);
        assertThrows(AssertionError.class, () -> Manifests.parse("kafka-users.yaml", broken), what);
    }

    @Test
    void aKafkaTopicWithoutItsSpecFailsInV1() {
        AssertionError error = assertThrows(AssertionError.class, () -> Manifests.parse("kafka-topics.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: invoice-events
                """));
        assertTrue(error.getMessage().contains("KafkaTopic invoice-events.spec: required in v1"), error.getMessage());
    }

    private static final String CNPG = """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: tradecredit-invoice-db
            spec:
              instances: 3
              storage:
                size: 10Gi
              resources:
                requests:
                  cpu: 500m
                  memory: 1Gi
              plugins:
                - name: barman-cloud.cloudnative-pg.io
                  isWALArchiver: true
                  parameters:
                    barmanObjectName: tradecredit-backups
            ---
            apiVersion: barmancloud.cnpg.io/v1
            kind: ObjectStore
            metadata:
              name: tradecredit-backups
            spec:
              retentionPolicy: 30d
              configuration:
                destinationPath: s3://backups/tradecredit
                s3Credentials:
                  accessKeyId:
                    name: backup-s3
                    key: ACCESS_KEY_ID
                  inheritFromIAMRole: false
                wal:
                  compression: zstd
                data:
                  compression: gzip
                  jobs: 2
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: ScheduledBackup
            metadata:
              name: tradecredit-invoice-db
            spec:
              schedule: "0 0 2 * * *"
              cluster:
                name: tradecredit-invoice-db
              method: plugin
              pluginConfiguration:
                name: barman-cloud.cloudnative-pg.io
            """;

    private static java.util.List<String> cnpgProblems(String rendered) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (String document : rendered.split("(?m)^---$")) {
            problems.addAll(CustomResources.problems(Manifests.parse("postgres-clusters.yaml", document)));
        }
        return problems;
    }

    @Test
    void validCloudNativePgResourcesFitTheirShapes() {
        assertEquals(java.util.List.of(), cnpgProblems(CNPG));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown Cluster field                  | 'instances: 3'                 | 'instances: 3\n  instance: 3'",
        "the deprecated enablePodMonitor           | 'instances: 3'                 | 'instances: 3\n  monitoring:\n    enablePodMonitor: true'",
        "the removed in-tree barmanObjectStore     | 'instances: 3'                 | 'instances: 3\n  backup:\n    barmanObjectStore: {}'",
        "a quantity that is none                   | 'cpu: 500m'                    | 'cpu: half'",
        "a plugin without its object store         | 'barmanObjectName: tradecredit-backups\n---' | 'barmanObjectNam: tradecredit-backups\n---'",
        "a misspelt credential field               | 'accessKeyId:'                 | 'accessKeyID:'",
        "a credential without its key              | '    key: ACCESS_KEY_ID\n'     | '\n'",
        "serverName in the object store            | 'destinationPath: s3://backups/tradecredit' | 'destinationPath: s3://backups/tradecredit\n    serverName: invoice'",
        "a base backup compression the plugin lacks | 'compression: gzip'           | 'compression: zstd'",
        "a backup method that is not the plugin    | 'method: plugin'               | 'method: barmanObjectStore'",
        "a backup without its cluster              | '  cluster:\n    name: tradecredit-invoice-db\n  method' | '  method'",
        "a string for an integer                   | 'jobs: 2'                      | 'jobs: \"2\"'",
    })
    void aCloudNativePgResourceOutsideItsCrdFails(String what, String original, String mistake) {
        String broken = withMistake(CNPG, what, original, mistake);
        assertFalse(cnpgProblems(broken).isEmpty(), what);
    }

    @Test
    void strimziVersionRanges() {
        assertTrue(StrimziModel.within("v1", "v1+"));
        assertTrue(StrimziModel.within("v1beta2", "v1alpha1-v1beta2"));
        assertFalse(StrimziModel.within("v1", "v1alpha1-v1beta2"));
        assertFalse(StrimziModel.within("v1beta2", "v1+"));
    }

    /** {@code text} with {@code original} replaced by {@code mistake} ({@code \\n} for a line break). */
    private static String withMistake(String text, String what, String original, String mistake) {
        String broken = text.replace(original.replace("\\n", "\n"), mistake.replace("\\n", "\n"));
        assertNotEquals(text, broken, "the mistake applies: " + what);
        return broken;
    }
}
