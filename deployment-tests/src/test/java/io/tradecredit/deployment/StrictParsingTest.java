package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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

    @Test
    void aCustomResourceWithAnUnknownOrMistypedFieldHasProblems() {
        Manifests.Manifest topic = Manifests.parse("kafka-topics.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: invoice-events
                spec:
                  partitions: "6"
                  replica: 3
                """);
        assertEquals(List.of(
                "KafkaTopic invoice-events.spec.replicas: required",
                "KafkaTopic invoice-events.spec.partitions: expected integer, got STRING \"6\"",
                "KafkaTopic invoice-events.spec.replica: unknown field"), CustomResources.problems(topic));
    }
}
