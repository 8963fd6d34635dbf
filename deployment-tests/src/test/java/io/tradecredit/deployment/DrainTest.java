package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;

/**
 * A pod leaves cleanly: its preStop hook sleeps while the endpoint is removed from the Service,
 * then the chassis finishes the requests in flight (quarkus.shutdown.timeout), all within the
 * grace period, so Kubernetes never kills it half-way (docs/adr/0007-kafka-outside-readiness.md).
 */
class DrainTest {
    /** Time for the JVM to exit after Quarkus' shutdown (consumers commit, pools close). */
    private static final long EXIT_MARGIN_SECONDS = 5;

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyPodSleepsBeforeSigtermAndItsGracePeriodCoversTheDrain(Rendering rendering) {
        long shutdown = Duration.parse("PT" + Repository.read(Repository.CHASSIS_CONFIG).lines()
                .filter(line -> line.startsWith("quarkus.shutdown.timeout="))
                .map(line -> line.substring(line.indexOf('=') + 1).trim().toUpperCase()).findFirst()
                .orElseThrow(() -> new AssertionError("the chassis sets no quarkus.shutdown.timeout"))).toSeconds();
        assertTrue(shutdown > 0);
        RenderedManifestsTest.deployments(rendering.manifests()).forEach((service, deployment) -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            List<String> command = container.getLifecycle().getPreStop().getExec().getCommand();
            assertEquals("sleep", command.get(0), service);
            long sleep = Long.parseLong(command.get(1));
            assertTrue(sleep >= 5, service + ": endpoints take a few seconds to leave kube-proxy and the ingress");
            assertTrue(pod.getTerminationGracePeriodSeconds() >= sleep + shutdown + EXIT_MARGIN_SECONDS,
                    service + ": grace period " + pod.getTerminationGracePeriodSeconds() + " s < preStop " + sleep
                            + " s + shutdown " + shutdown + " s + " + EXIT_MARGIN_SECONDS + " s");
        });
    }
}
