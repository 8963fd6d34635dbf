package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;

/**
 * Migrations run in a Helm hook Job per service, not in every pod: the Job runs the service's
 * image in its migrate-only mode with retries, a deadline and a lock timeout; the pods only
 * validate, except on the first install of a database the release creates itself.
 */
class MigrationJobTest {
    private static final String FLYWAY_MIGRATE = "QUARKUS_FLYWAY_MIGRATE_AT_START";
    private static final String FLYWAY_VALIDATE = "QUARKUS_FLYWAY_VALIDATE_AT_START";

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    /** The rendering's manifests with its hooks (helm-java's template leaves hooks out). */
    static List<Manifests.Manifest> withHooks(Rendering rendering) {
        return HookRendering.manifests(rendering.valuesFiles(), rendering.sets());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceHasAMigrationJobWithRetriesADeadlineAndALockTimeout(Rendering rendering) {
        Map<String, Job> jobs = jobs(withHooks(rendering));
        Map<String, Deployment> deployments = RenderedManifestsTest.deployments(rendering.manifests());
        assertEquals(deployments.keySet(), jobs.keySet(), "one migration Job per service");
        jobs.forEach((service, job) -> {
            assertEquals(3, job.getSpec().getBackoffLimit(), service);
            assertEquals(900L, job.getSpec().getActiveDeadlineSeconds(), service);
            assertEquals("before-hook-creation,hook-succeeded",
                    HookRendering.hookAnnotation(job, "hook-delete-policy"), service);
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            assertEquals("Never", pod.getRestartPolicy(), service);
            Container container = pod.getContainers().get(0);
            Container app = deployments.get(service).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(app.getImage(), container.getImage(), service + ": the service's own image");
            Map<String, EnvVar> env = env(container);
            assertEquals("true", env.get("TRADECREDIT_MIGRATE_ONLY").getValue(), service);
            assertEquals("true", env.get(FLYWAY_MIGRATE).getValue(), service);
            assertEquals("30s", env.get("TRADECREDIT_MIGRATIONS_LOCK_TIMEOUT").getValue(), service);
            assertEquals("10", env.get("QUARKUS_FLYWAY_CONNECT_RETRIES").getValue(), service);
            assertEquals("false", env.get("TRADECREDIT_OUTBOX_RELAY_ENABLED").getValue(), service);
            // the same database and login as the pods
            for (String name : List.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD")) {
                assertEquals(RenderedManifestsTest.env(deployments.get(service)).get(name), env.get(name),
                        service + " " + name);
            }
            // it needs no Kafka: at pre-install the KafkaUser's Secret does not exist yet
            assertTrue(env.keySet().stream().noneMatch(name -> name.startsWith("KAFKA_")), service + ": " + env.keySet());
            assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), service);
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), service);
            assertFalse(pod.getAutomountServiceAccountToken(), service);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theJobsPodsAreNotTheServicesPods(Rendering rendering) {
        jobs(withHooks(rendering)).forEach((service, job) -> {
            Map<String, String> labels = job.getSpec().getTemplate().getMetadata().getLabels();
            // the Service, PodDisruptionBudget and NetworkPolicy select app.kubernetes.io/name=<service>
            assertEquals(service + "-migrate", labels.get("app.kubernetes.io/name"));
            assertEquals("migration", labels.get("app.kubernetes.io/component"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void eachJobHasItsOwnNetworkPolicyAllowingDnsAndItsDatabaseAndNothingElse(Rendering rendering) {
        List<Manifests.Manifest> manifests = withHooks(rendering);
        Map<String, NetworkPolicy> jobPolicies = migrationPolicies(manifests);
        Map<String, NetworkPolicy> servicePolicies = new TreeMap<>();
        InstallPathsTest.policies(manifests).stream().filter(p -> !isMigration(p)).forEach(p -> servicePolicies.put(
                p.getMetadata().getLabels().get("app.kubernetes.io/name"), p));
        Map<String, Job> jobs = jobs(manifests);
        assertEquals(jobs.keySet(), jobPolicies.keySet(), "one NetworkPolicy per migration Job");
        jobs.forEach((service, job) -> {
            NetworkPolicy policy = jobPolicies.get(service);
            // a hook of the same events, created before the Job (default-deny would block it at pre-install)
            assertEquals(HookRendering.hookAnnotation(job, "hook"), HookRendering.hookAnnotation(policy, "hook"), service);
            assertTrue(Integer.parseInt(HookRendering.hookAnnotation(policy, "hook-weight"))
                    < Integer.parseInt(HookRendering.hookAnnotation(job, "hook-weight")), service + ": before the Job");
            assertEquals("before-hook-creation,hook-succeeded", HookRendering.hookAnnotation(policy, "hook-delete-policy"));
            // it selects the Job's pods, and not the service's
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            Map<String, String> jobPod = job.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(jobPod.entrySet().containsAll(selector.entrySet()), service + ": " + selector + " selects " + jobPod);
            Map<String, String> servicePod = RenderedManifestsTest.deployments(manifests).get(service).getSpec().getTemplate()
                    .getMetadata().getLabels();
            assertFalse(servicePod.entrySet().containsAll(selector.entrySet()), service + ": not the service's pods");
            // nothing connects to it; it connects to DNS and the service's database, exactly as the service does
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), service);
            assertTrue(policy.getSpec().getIngress() == null || policy.getSpec().getIngress().isEmpty(), service);
            List<NetworkPolicyEgressRule> serviceEgress = servicePolicies.get(service).getSpec().getEgress();
            NetworkPolicyEgressRule dns = serviceEgress.stream().filter(MigrationJobTest::isDns).findFirst().orElseThrow();
            NetworkPolicyEgressRule database = serviceEgress.stream().filter(r -> isDatabase(r, job)).findFirst()
                    .orElseThrow(() -> new AssertionError(service + ": the service reaches its database"));
            assertEquals(List.of(dns, database), policy.getSpec().getEgress(), service + ": DNS and the database only");
        });
    }

    @Test
    void withoutNetworkPoliciesTheJobsHaveNone() {
        List<Manifests.Manifest> manifests = HookRendering.manifests(
                List.of(Rendering.CI.resolve("production-values.yaml")), Map.of("networkPolicy.enabled", false));
        assertEquals(5, jobs(manifests).size());
        assertEquals(List.of(), InstallPathsTest.policies(manifests));
    }

    @Test
    void theJobRunsBeforeTheInstallOnlyWhereTheDatabaseExistsBeforeTheRelease() {
        // production: insurance-claims-service on an external server, the others on CloudNativePG
        Map<String, String> hooks = new TreeMap<>();
        jobs(withHooks(Rendering.PRODUCTION)).forEach((service, job) -> hooks.put(service,
                HookRendering.hookAnnotation(job, "hook")));
        assertEquals(Map.of(
                "collections-service", "pre-upgrade",
                "credit-service", "pre-upgrade",
                "insurance-claims-service", "pre-install,pre-upgrade",
                "invoice-service", "pre-upgrade",
                "notification-service", "pre-upgrade"), hooks);
    }

    @Test
    void podsValidateOnlyWhereTheJobMigratedBeforeThem() {
        // helm template renders an install: CloudNativePG databases are new and empty, so their
        // pods migrate; the external one was migrated by the pre-install Job, so its pods validate
        Map<String, String> modes = new TreeMap<>();
        RenderedManifestsTest.deployments(Rendering.PRODUCTION.manifests()).forEach((service, deployment) -> {
            Map<String, EnvVar> env = RenderedManifestsTest.env(deployment);
            modes.put(service, "migrate=" + env.get(FLYWAY_MIGRATE).getValue() + " validate="
                    + env.get(FLYWAY_VALIDATE).getValue());
        });
        assertEquals(Map.of(
                "collections-service", "migrate=true validate=false",
                "credit-service", "migrate=true validate=false",
                "insurance-claims-service", "migrate=false validate=true",
                "invoice-service", "migrate=true validate=false",
                "notification-service", "migrate=true validate=false"), modes);
    }

    @Test
    void withoutTheJobEveryPodMigrates() {
        List<Manifests.Manifest> manifests = HookRendering.manifests(
                List.of(Rendering.CI.resolve("production-values.yaml")), Map.of("migrations.job.enabled", false));
        assertEquals(Map.of(), jobs(manifests));
        RenderedManifestsTest.deployments(manifests).forEach((service, deployment) -> assertEquals("true",
                RenderedManifestsTest.env(deployment).get(FLYWAY_MIGRATE).getValue(), service));
    }

    @Test
    void theMigrationSettingsAreSettingsTheServicesRead() {
        Set<String> unread = new java.util.TreeSet<>();
        jobs(withHooks(Rendering.PRODUCTION)).forEach((service, job) -> {
            ServiceSettings settings = ServiceSettings.of(service);
            env(job.getSpec().getTemplate().getSpec().getContainers().get(0)).keySet().stream()
                    .filter(name -> !settings.reads(name)).forEach(name -> unread.add(service + ": " + name));
        });
        assertEquals(Set.of(), unread);
    }

    static Map<String, Job> jobs(List<Manifests.Manifest> manifests) {
        return Manifests.ofKind(manifests, "Job").stream().map(m -> m.as(Job.class)).collect(Collectors.toMap(
                job -> job.getMetadata().getLabels().get("app.kubernetes.io/name").replaceFirst("-migrate$", ""),
                job -> job, (a, b) -> a, TreeMap::new));
    }

    static Map<String, NetworkPolicy> migrationPolicies(List<Manifests.Manifest> manifests) {
        return InstallPathsTest.policies(manifests).stream().filter(MigrationJobTest::isMigration).collect(Collectors.toMap(
                p -> p.getMetadata().getLabels().get("app.kubernetes.io/name").replaceFirst("-migrate$", ""),
                p -> p, (a, b) -> a, TreeMap::new));
    }

    private static boolean isMigration(NetworkPolicy policy) {
        return "migration".equals(policy.getMetadata().getLabels().get("app.kubernetes.io/component"));
    }

    private static boolean isDns(NetworkPolicyEgressRule rule) {
        return (rule.getTo() == null || rule.getTo().isEmpty())
                && rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 53);
    }

    /** The rule to the database the Job's DB_HOST and DB_PORT name: the CloudNativePG cluster's pods or the external port. */
    private static boolean isDatabase(NetworkPolicyEgressRule rule, Job job) {
        Map<String, EnvVar> env = env(job.getSpec().getTemplate().getSpec().getContainers().get(0));
        int port = Integer.parseInt(env.get("DB_PORT").getValue());
        String host = env.get("DB_HOST").getValue();
        boolean onPort = rule.getPorts().size() == 1 && rule.getPorts().get(0).getPort().getIntVal() == port;
        boolean toCluster = rule.getTo() != null && rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() != null
                && peer.getPodSelector().getMatchLabels() != null
                && (peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster") + "-rw").equals(host));
        boolean external = !host.endsWith("-rw");
        return onPort && (toCluster || external);
    }

    private static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }
}
