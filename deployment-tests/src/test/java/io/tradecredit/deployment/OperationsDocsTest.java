package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** What the runbook and deployment.md promise an operator stays true to the chart and the code. */
class OperationsDocsTest {

    @Test
    void theRotationProcedureCoversEverySecretKeyThePodsRead() {
        String runbook = Repository.read(Repository.ROOT.resolve("docs/runbook.md"));
        String rotation = runbook.substring(runbook.indexOf("## Rotating secrets"),
                runbook.indexOf("## A leaked token or a withdrawn signing key"));
        Set<String> keys = new TreeSet<>();
        for (Rendering rendering : List.of(Rendering.PRODUCTION, Rendering.MUTUAL_TLS, Rendering.DEMO)) {
            for (Deployment deployment : RenderedManifestsTest.deployments(rendering.manifests()).values()) {
                for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        keys.add(env.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (!rotation.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "secret keys the pods read that docs/runbook.md \"Rotating secrets\" does not cover");
    }

    @Test
    void sharingAKafkaClusterBetweenReleasesIsDocumentedWithThePrefixTheChassisReads() {
        String chassis = Repository.read(Repository.CHASSIS_CONFIG);
        assertTrue(chassis.contains("tradecredit.kafka.topic-prefix=${TC_TOPIC_PREFIX:}"), "the chassis reads TC_TOPIC_PREFIX");
        String deployment = Repository.read(Repository.ROOT.resolve("docs/deployment.md"));
        assertTrue(deployment.contains("### Two releases and one Kafka cluster\n"), "docs/deployment.md's section");
        for (String named : List.of("`kafka.topicPrefix`", "`TC_TOPIC_PREFIX`", "`${tradecredit.kafka.topic-prefix:}<topic>`")) {
            assertTrue(deployment.contains(named), "docs/deployment.md names " + named);
        }
    }
}
