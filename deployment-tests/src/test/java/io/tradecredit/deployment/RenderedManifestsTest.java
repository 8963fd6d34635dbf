package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.tradecredit.deployment.Manifests.Manifest;

/**
 * Every rendering of the chart parses strictly into the Kubernetes model, and holds what the
 * issue asks of a cluster deployment.
 */
class RenderedManifestsTest {
    private static final Pattern PINNED_IMAGE = Pattern.compile(
            "^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$");
    private static final Pattern SECRET_ENV = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL|_KEY)$");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)password|passwd|secret|token|apiKey|accessKey|secretKey|clientSecret|privateKey");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyManifestFitsTheKubernetesModelStrictly(Rendering rendering) {
        List<Manifest> manifests = rendering.manifests(); // parse fails on unknown fields, wrong types, duplicates
        assertFalse(manifests.isEmpty());
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (manifest.custom()) {
                problems.addAll(CustomResources.problems(manifest));
            }
        }
        assertEquals(List.of(), problems, "custom resources that do not fit their CRD");
        Set<String> ids = new HashSet<>();
        for (Manifest manifest : manifests) {
            assertTrue(ids.add(manifest.kind() + "/" + manifest.tree().path("metadata").path("namespace").asText()
                    + "/" + manifest.name()), () -> "rendered twice: " + manifest.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceHasItsDeploymentServiceAccountServiceAndPolicies(Rendering rendering) {
        List<Manifest> manifests = rendering.manifests();
        Set<String> services = Repository.services().keySet();
        Map<String, Deployment> deployments = deployments(manifests);
        assertEquals(services, deployments.keySet(), "a Deployment per service");
        Set<String> serviceAccounts = names(manifests, "ServiceAccount");
        for (Manifest sa : Manifests.ofKind(manifests, "ServiceAccount")) {
            assertEquals(Boolean.FALSE, sa.as(ServiceAccount.class).getAutomountServiceAccountToken(), sa.id());
        }
        Map<String, Service> kubeServices = Manifests.ofKind(manifests, "Service").stream()
                .collect(Collectors.toMap(Manifest::name, m -> m.as(Service.class)));
        for (Map.Entry<String, Deployment> entry : deployments.entrySet()) {
            Deployment deployment = entry.getValue();
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertTrue(DNS_LABEL.matcher(name).matches() && name.length() <= 63, name);
            assertTrue(selects(deployment.getSpec().getSelector().getMatchLabels(), podLabels), name + " selector");

            assertEquals(name, pod.getServiceAccountName(), name + " runs under its own ServiceAccount");
            assertTrue(serviceAccounts.contains(pod.getServiceAccountName()), name + " ServiceAccount rendered");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name + " mounts no API token");

            Service service = kubeServices.get(name);
            assertNotNull(service, name + " has a Service");
            assertTrue(selects(service.getSpec().getSelector(), podLabels), name + ": its Service selects its pods");
            assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());

            boolean autoscaled = Manifests.ofKind(manifests, "HorizontalPodAutoscaler").stream()
                    .map(m -> m.as(HorizontalPodAutoscaler.class))
                    .anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(name)
                            && h.getSpec().getScaleTargetRef().getKind().equals("Deployment"));
            assertTrue(autoscaled || deployment.getSpec().getReplicas() != null,
                    name + ": replicas or an autoscaler");
            assertFalse(autoscaled && deployment.getSpec().getReplicas() != null,
                    name + ": replicas are the autoscaler's");

            for (Manifest pdb : Manifests.ofKind(manifests, "PodDisruptionBudget")) {
                if (pdb.name().equals(name)) {
                    assertTrue(selects(pdb.as(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(),
                            podLabels), pdb.id());
                }
            }
            List<NetworkPolicy> policies = Manifests.ofKind(manifests, "NetworkPolicy").stream()
                    .map(m -> m.as(NetworkPolicy.class))
                    .filter(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), podLabels)).toList();
            assertEquals(1, policies.size(), name + ": one NetworkPolicy");
            assertEquals(List.of("Ingress", "Egress"), policies.get(0).getSpec().getPolicyTypes(), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyContainerHasProbesResourcesANonRootReadOnlyContextAndAPinnedImage(Rendering rendering) {
        for (Deployment deployment : deployments(rendering.manifests()).values()) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name + " pod runAsNonRoot");
            assertTrue(pod.getSecurityContext().getRunAsUser() == null || pod.getSecurityContext().getRunAsUser() > 0,
                    name + " pod runAsUser");
            assertFalse(pod.getContainers().isEmpty());
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) {
                containers.addAll(pod.getInitContainers());
            }
            for (Container container : containers) {
                String where = name + "/" + container.getName();
                assertProbe(container.getLivenessProbe(), "/q/health/live", where + " liveness");
                assertProbe(container.getReadinessProbe(), "/q/health/ready", where + " readiness");
                assertProbe(container.getStartupProbe(), "/q/health/started", where + " startup");

                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                assertTrue(requests != null && requests.containsKey("cpu") && requests.containsKey("memory"),
                        where + " requests cpu and memory");
                assertTrue(limits != null && limits.containsKey("memory"), where + " limits memory");

                SecurityContext security = container.getSecurityContext();
                assertNotNull(security, where + " securityContext");
                assertEquals(Boolean.TRUE, security.getRunAsNonRoot(), where + " runAsNonRoot");
                assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), where + " readOnlyRootFilesystem");
                assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), where + " allowPrivilegeEscalation");
                assertTrue(security.getCapabilities().getDrop().contains("ALL"), where + " drops all capabilities");
                assertTrue(security.getCapabilities().getAdd() == null || security.getCapabilities().getAdd().isEmpty(),
                        where + " adds no capability");
                assertTrue(security.getPrivileged() == null || !security.getPrivileged(), where + " not privileged");

                VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst().orElseThrow(() -> new AssertionError(where + " mounts a writable /tmp"));
                Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                        .orElseThrow();
                assertNotNull(volume.getEmptyDir(), where + " /tmp is an emptyDir");

                String image = container.getImage();
                assertTrue(PINNED_IMAGE.matcher(image).matches(), where + " image pinned by tag or digest: " + image);
                assertFalse(image.endsWith(":latest"), where + " image is not latest: " + image);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void noSecretValueInPlainText(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : rendering.manifests()) {
            boolean realm = manifest.tree().path("metadata").path("labels").path("app.kubernetes.io/component")
                    .asText().equals("keycloak-realm");
            if (realm) {
                if (!rendering.realmImport()) {
                    problems.add(manifest.id() + ": the demo realm (demo credentials) is imported");
                }
                continue; // the demo realm, checked against devstack's file in KeycloakRealmTest
            }
            if (manifest.kind().equals("Secret")) {
                problems.add(manifest.id() + ": a Secret in the chart; secrets come from the operators or existing Secrets");
            }
            walk(manifest.tree(), manifest.id(), problems);
        }
        for (Deployment deployment : deployments(rendering.manifests()).values()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (SECRET_ENV.matcher(env.getName()).matches()) {
                        if (env.getValue() != null || env.getValueFrom() == null
                                || env.getValueFrom().getSecretKeyRef() == null) {
                            problems.add(deployment.getMetadata().getName() + " env " + env.getName()
                                    + " is not taken from a Secret");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyTopicOfTheDesignIsAKafkaTopicWithItsDeadLetterTopics(Rendering rendering) {
        List<Manifest> manifests = rendering.manifests();
        Map<String, JsonNode> topics = new TreeMap<>();
        for (Manifest topic : Manifests.ofKind(manifests, "KafkaTopic")) {
            topics.put(topic.tree().path("spec").path("topicName").asText(topic.name()), topic.tree());
            assertFalse(topic.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText().isEmpty(),
                    topic.id() + " names its Strimzi cluster");
        }
        assertEquals(Repository.expectedTopics(rendering.agencies()), topics.keySet());
        topics.forEach((name, topic) -> {
            JsonNode spec = topic.path("spec");
            assertTrue(spec.path("partitions").asInt() >= 1 && spec.path("replicas").asInt() >= 1, name);
            assertTrue(spec.path("config").has("retention.ms"), name + " retention");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceHasAKafkaUserWithAclsOnExactlyItsTopics(Rendering rendering) {
        List<Manifest> manifests = rendering.manifests();
        JsonNode topology = Repository.topology();
        Map<String, Manifest> users = Manifests.ofKind(manifests, "KafkaUser").stream()
                .collect(Collectors.toMap(Manifest::name, m -> m));
        Map<String, Deployment> deployments = deployments(manifests);
        for (String service : Repository.services().keySet()) {
            Set<String> expected = new TreeSet<>();
            topology.path("topics").fields().forEachRemaining(topic -> {
                if (contains(topic.getValue().path("consumers"), service)) {
                    expected.add("topic:" + topic.getKey() + ":literal:Describe,Read");
                    expected.add("topic:" + topic.getKey() + ".dlq." + service + ":literal:Describe,Write");
                }
                if (contains(topic.getValue().path("producers"), service)) {
                    expected.add("topic:" + topic.getKey() + ":literal:Describe,Write");
                }
            });
            for (String agency : rendering.agencies()) {
                topology.path("agencyTopics").fields().forEachRemaining(kind -> {
                    String topic = "agency." + agency + "." + kind.getKey();
                    if (contains(kind.getValue().path("consumers"), service)) {
                        expected.add("topic:" + topic + ":literal:Describe,Read");
                        expected.add("topic:" + topic + ".dlq." + service + ":literal:Describe,Write");
                    }
                    if (contains(kind.getValue().path("producers"), service)) {
                        expected.add("topic:" + topic + ":literal:Describe,Write");
                    }
                });
            }
            expected.add("group:" + service + ":literal:Read");

            Deployment deployment = deployments.get(service);
            String userName = deployment.getMetadata().getName();
            Manifest user = users.get(userName);
            assertNotNull(user, service + " has KafkaUser " + userName);
            assertEquals(expected, acls(user), service + " ACLs");
            String authentication = user.tree().path("spec").path("authentication").path("type").asText();
            Set<String> credentialSecrets = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                    .stream().filter(e -> e.getName().startsWith("KAFKA_") && e.getValueFrom() != null)
                    .map(e -> e.getValueFrom().getSecretKeyRef().getName())
                    .filter(secret -> !secret.endsWith("-cluster-ca-cert")).collect(Collectors.toSet());
            assertEquals(authentication.isEmpty() ? Set.of() : Set.of(userName), credentialSecrets,
                    service + " takes its Kafka credentials from its KafkaUser's Secret");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void anAgencyMayReadOnlyItsCasesAndWriteOnlyItsUpdates(Rendering rendering) {
        Map<String, Manifest> agencyUsers = Manifests.ofKind(rendering.manifests(), "KafkaUser").stream()
                .filter(m -> m.tree().path("metadata").path("labels").has("tradecredit.io/agency"))
                .collect(Collectors.toMap(m -> m.tree().path("metadata").path("labels").path("tradecredit.io/agency")
                        .asText(), m -> m));
        assertEquals(new TreeSet<>(rendering.agencies()), new TreeSet<>(agencyUsers.keySet()));
        agencyUsers.forEach((code, user) -> assertEquals(Set.of(
                "topic:agency." + code + ".cases:literal:Describe,Read",
                "topic:agency." + code + ".updates:literal:Describe,Write",
                "group:agency." + code + ":prefix:Read"), acls(user), "agency " + code));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceDatabaseIsACloudNativePgClusterUnlessExternal(Rendering rendering) {
        List<Manifest> manifests = rendering.manifests();
        Map<String, Manifest> clusters = Manifests.ofKind(manifests, "Cluster").stream()
                .collect(Collectors.toMap(m -> m.tree().path("metadata").path("labels").path("tradecredit.io/service")
                        .asText(), m -> m));
        for (Map.Entry<String, Deployment> entry : deployments(manifests).entrySet()) {
            String service = entry.getKey();
            Map<String, EnvVar> env = env(entry.getValue());
            String database = Repository.applicationProperties(service).getProperty("tradecredit.db.name");
            Manifest cluster = clusters.get(service);
            if (cluster == null) {
                // an external server: its login from an existing Secret
                assertNotNull(env.get("DB_HOST").getValue(), service + " DB_HOST");
                assertNotNull(env.get("DB_USER").getValueFrom().getSecretKeyRef(), service + " DB_USER");
                continue;
            }
            JsonNode bootstrap = cluster.tree().path("spec").path("bootstrap");
            JsonNode initdb = bootstrap.has("initdb") ? bootstrap.path("initdb") : bootstrap.path("recovery");
            assertEquals(database, initdb.path("database").asText(), service + " database");
            assertEquals(database, env.get("DB_NAME").getValue(), service + " DB_NAME");
            assertEquals(cluster.name() + "-rw", env.get("DB_HOST").getValue(), service + " connects to the primary");
            assertEquals(cluster.name() + "-app", env.get("DB_USER").getValueFrom().getSecretKeyRef().getName());
            assertEquals(cluster.name() + "-app", env.get("DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void realmImportAppearsOnlyWhenAskedFor(Rendering rendering) {
        long realms = rendering.manifests().stream().filter(m -> m.tree().path("metadata").path("labels")
                .path("app.kubernetes.io/component").asText().equals("keycloak-realm")).count();
        assertEquals(rendering.realmImport() ? 1 : 0, realms);
    }

    static Map<String, Deployment> deployments(List<Manifest> manifests) {
        Map<String, Deployment> deployments = new TreeMap<>();
        for (Manifest manifest : Manifests.ofKind(manifests, "Deployment")) {
            Deployment deployment = manifest.as(Deployment.class);
            deployments.put(deployment.getMetadata().getLabels().get("app.kubernetes.io/name"), deployment);
        }
        return deployments;
    }

    static Map<String, EnvVar> env(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    static Set<String> acls(Manifest user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.tree().path("spec").path("authorization").path("acls")) {
            List<String> operations = new ArrayList<>();
            acl.path("operations").forEach(o -> operations.add(o.asText()));
            operations.sort(null);
            JsonNode resource = acl.path("resource");
            String entry = resource.path("type").asText() + ":" + resource.path("name").asText() + ":"
                    + resource.path("patternType").asText() + ":" + String.join(",", operations);
            assertTrue(acls.add(entry), () -> user.id() + " repeats " + entry);
            assertEquals("*", acl.path("host").asText("*"));
        }
        return acls;
    }

    private static Set<String> names(List<Manifest> manifests, String kind) {
        return Manifests.ofKind(manifests, kind).stream().map(Manifest::name).collect(Collectors.toSet());
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static void assertProbe(Probe probe, String path, String what) {
        assertNotNull(probe, what + " probe");
        assertNotNull(probe.getHttpGet(), what + " is an HTTP probe");
        assertEquals(path, probe.getHttpGet().getPath(), what + " path");
        assertEquals("http", probe.getHttpGet().getPort().getStrVal(), what + " port");
    }

    private static void walk(JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (SECRET_FIELD.matcher(field.getKey()).matches() && field.getValue().isTextual()
                        && !field.getValue().asText().isEmpty()) {
                    problems.add(where + ": " + field.getKey() + " has a literal value");
                }
                walk(field.getValue(), where, problems);
            });
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, where, problems));
        } else if (node.isTextual() && looksLikeEncodedSecret(node.asText())) {
            problems.add(where + ": a value that decodes to a credential");
        }
    }

    private static boolean looksLikeEncodedSecret(String value) {
        if (value.length() < 16 || !value.matches("[A-Za-z0-9+/=]+")) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value));
            return decoded.contains("password") || decoded.contains("secret");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
