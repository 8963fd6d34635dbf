package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        String broken = DEPLOYMENT.replace(original.replace("\\n", "\n"), mistake.replace("\\n", "\n"));
        assertTrue(!broken.equals(DEPLOYMENT), "the mistake applies: " + what);
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
        String broken = USER.replace(original.replace("\\n", "\n"), mistake.replace("\\n", "\n"));
        assertTrue(!broken.equals(USER), "the mistake applies: " + what);
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

    @Test
    void strimziVersionRanges() {
        assertTrue(StrimziModel.within("v1", "v1+"));
        assertTrue(StrimziModel.within("v1beta2", "v1alpha1-v1beta2"));
        assertFalse(StrimziModel.within("v1", "v1alpha1-v1beta2"));
        assertFalse(StrimziModel.within("v1beta2", "v1+"));
    }
}
