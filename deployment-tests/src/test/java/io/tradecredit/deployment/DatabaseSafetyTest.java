package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.tradecredit.deployment.Manifests.Manifest;

/**
 * Nothing is lost by ordinary operations: helm never deletes a database or a topic, every
 * database is backed up through the barman-cloud plugin, and a restore renders a new cluster
 * the service then uses.
 */
class DatabaseSafetyTest {
    private static final String KEEP = "helm.sh/resource-policy";
    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void helmNeverDeletesADatabaseClusterATopicOrTheObjectStore(Rendering rendering) {
        for (Manifest manifest : rendering.manifests()) {
            if (Set.of("Cluster", "KafkaTopic", "ObjectStore").contains(manifest.kind())) {
                assertEquals("keep", manifest.tree().path("metadata").path("annotations").path(KEEP).asText(),
                        manifest.id() + ": an uninstall, or its leaving the rendering, must not delete it");
            }
        }
    }

    @Test
    void switchingADatabaseToExternalDropsItsClusterOnlyFromTheRendering() {
        // the external switch removes the Cluster from the rendering; helm keeps it (keep, above)
        Set<String> before = clusters(Rendering.DEFAULTS).keySet();
        Set<String> after = clusters(Rendering.PRODUCTION).keySet();
        assertTrue(before.contains("insurance-claims-service"));
        assertFalse(after.contains("insurance-claims-service"), "production has claims on an external server");
        assertEquals("keep", clusters(Rendering.DEFAULTS).get("insurance-claims-service").tree().path("metadata")
                .path("annotations").path(KEEP).asText());
    }

    @Test
    void byDefaultEveryDatabaseHasAPrimaryTwoReplicasAndCloudNativePgsDisruptionBudgets() {
        for (Manifest cluster : clusters(Rendering.DEFAULTS).values()) {
            JsonNode spec = cluster.tree().path("spec");
            assertEquals(3, spec.path("instances").asInt(), cluster.id());
            assertTrue(spec.path("enablePDB").asBoolean(), cluster.id() + " enablePDB");
            assertTrue(spec.path("affinity").path("enablePodAntiAffinity").asBoolean(), cluster.id());
        }
    }

    @Test
    void everyDatabaseArchivesToTheObjectStoreAndHasAScheduledBackupThroughThePlugin() {
        List<Manifest> manifests = Rendering.PRODUCTION.manifests();
        List<Manifest> stores = Manifests.ofKind(manifests, "ObjectStore");
        assertEquals(1, stores.size(), "one ObjectStore");
        String store = stores.get(0).name();
        assertEquals("s3://tradecredit-backups/postgres",
                stores.get(0).tree().path("spec").path("configuration").path("destinationPath").asText());
        Map<String, JsonNode> scheduled = Manifests.ofKind(manifests, "ScheduledBackup").stream()
                .collect(Collectors.toMap(m -> m.tree().path("spec").path("cluster").path("name").asText(),
                        Manifest::tree));
        Map<String, Manifest> clusters = clusters(Rendering.PRODUCTION);
        assertEquals(4, clusters.size(), "four in-cluster databases (claims is external)");
        for (Manifest cluster : clusters.values()) {
            JsonNode spec = cluster.tree().path("spec");
            assertFalse(spec.has("backup"), cluster.id() + ": no in-tree barmanObjectStore (removed from CloudNativePG)");
            assertFalse(spec.has("monitoring"), cluster.id() + ": no deprecated enablePodMonitor");
            JsonNode plugin = spec.path("plugins").path(0);
            assertEquals(PLUGIN, plugin.path("name").asText(), cluster.id());
            assertTrue(plugin.path("isWALArchiver").asBoolean(), cluster.id() + " archives its WAL");
            assertEquals(store, plugin.path("parameters").path("barmanObjectName").asText(), cluster.id());

            JsonNode backup = scheduled.get(cluster.name());
            assertTrue(backup != null, cluster.id() + " has a ScheduledBackup");
            assertEquals("plugin", backup.path("spec").path("method").asText());
            assertEquals(PLUGIN, backup.path("spec").path("pluginConfiguration").path("name").asText());
            assertEquals("0 0 2 * * *", backup.path("spec").path("schedule").asText());
        }
        assertEquals(clusters.size(), scheduled.size(), "a ScheduledBackup per database, no more");
    }

    @Test
    void everyDatabaseHasAPodMonitorInsteadOfEnablePodMonitor() {
        List<Manifest> manifests = Rendering.PRODUCTION.manifests();
        Set<String> monitored = Manifests.ofKind(manifests, "PodMonitor").stream()
                .map(m -> m.as(PodMonitor.class).getSpec().getSelector().getMatchLabels().get("cnpg.io/cluster"))
                .collect(Collectors.toSet());
        Set<String> clusterNames = clusters(Rendering.PRODUCTION).values().stream().map(Manifest::name)
                .collect(Collectors.toSet());
        assertEquals(clusterNames, monitored);
        Manifests.ofKind(manifests, "PodMonitor").forEach(m -> assertEquals("metrics",
                m.as(PodMonitor.class).getSpec().getPodMetricsEndpoints().get(0).getPort()));
    }

    @Test
    void backupFailuresAlertInTheirOwnRuleGroup() {
        Map<String, JsonNode> alerts = new TreeMap<>();
        for (Manifest rule : Manifests.ofKind(Rendering.PRODUCTION.manifests(), "PrometheusRule")) {
            for (JsonNode group : rule.tree().path("spec").path("groups")) {
                if (group.path("name").asText().equals("tradecredit.backups")) {
                    group.path("rules").forEach(r -> alerts.put(r.path("alert").asText(), r));
                }
            }
        }
        assertEquals(Set.of("TradecreditBackupFailed", "TradecreditBackupTooOld", "TradecreditWalArchivingFailing"),
                alerts.keySet());
        assertTrue(alerts.get("TradecreditBackupTooOld").path("expr").asText().contains("> 93600"),
                "26 hours by default");
    }

    @Test
    void backupAlertsWithoutTheClustersMetricsFailTheRender() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Repository.CHART.render(
                List.of(Rendering.CI.resolve("production-values.yaml")), Map.of("postgresql.podMonitor.enabled", false)));
        assertTrue(refused.getMessage().contains("postgresql.podMonitor.enabled"), refused.getMessage());
    }

    @Test
    void aRestoreRendersANewClusterRecoveredToThePointInTimeAndTheServiceUsesIt() {
        Map<String, Manifest> clusters = clusters(Rendering.RESTORE);
        Manifest restored = clusters.get("invoice-service");
        assertEquals("tradecredit-invoice-db-r1", restored.name());
        JsonNode spec = restored.tree().path("spec");
        JsonNode recovery = spec.path("bootstrap").path("recovery");
        assertFalse(spec.path("bootstrap").has("initdb"));
        assertEquals("tradecredit-invoice-db", recovery.path("source").asText());
        assertEquals("invoice", recovery.path("database").asText());
        assertEquals("invoice", recovery.path("owner").asText());
        assertEquals("2026-12-01T09:30:00Z", recovery.path("recoveryTarget").path("targetTime").asText());
        JsonNode source = spec.path("externalClusters").path(0);
        assertEquals("tradecredit-invoice-db", source.path("name").asText());
        assertEquals(PLUGIN, source.path("plugin").path("name").asText());
        assertEquals("tradecredit-backups", source.path("plugin").path("parameters").path("barmanObjectName").asText());
        assertEquals("tradecredit-invoice-db", source.path("plugin").path("parameters").path("serverName").asText(),
                "reads the original cluster's backups");
        // it archives under its own name, so the original's archive is never overwritten
        assertEquals("tradecredit-backups", spec.path("plugins").path(0).path("parameters").path("barmanObjectName")
                .asText());
        assertFalse(spec.path("plugins").path(0).path("parameters").has("serverName"));

        List<Manifest> manifests = Rendering.RESTORE.manifests();
        Deployment invoice = RenderedManifestsTest.deployments(manifests).get("invoice-service");
        var env = RenderedManifestsTest.env(invoice);
        assertEquals("tradecredit-invoice-db-r1-rw", env.get("DB_HOST").getValue());
        assertEquals("tradecredit-invoice-db-r1-app", env.get("DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        NetworkPolicy policy = Manifests.ofKind(manifests, "NetworkPolicy").stream().map(m -> m.as(NetworkPolicy.class))
                .filter(p -> p.getMetadata().getName().equals("tradecredit-invoice-service")).findFirst().orElseThrow();
        assertTrue(policy.getSpec().getEgress().stream().flatMap(e -> e.getTo().stream())
                .anyMatch(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null
                        && "tradecredit-invoice-db-r1".equals(peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster"))),
                "the service may reach the restored cluster");
        assertTrue(Manifests.ofKind(manifests, "ScheduledBackup").stream()
                .anyMatch(b -> b.name().equals("tradecredit-invoice-db-r1")), "the restored cluster is backed up");
        assertFalse(Manifests.ofKind(manifests, "Cluster").stream().anyMatch(c -> c.name().equals("tradecredit-invoice-db")),
                "the original leaves the rendering (helm keeps it until an operator deletes it)");
        assertEquals(clusters(Rendering.PRODUCTION).get("credit-service").tree(), clusters.get("credit-service").tree(),
                "other databases are untouched");
    }

    @Test
    void theRunbooksRestoreStepRendersExactlyTheRestoreCheckedHere(@TempDir Path work) throws IOException {
        String runbook = Repository.read(Repository.ROOT.resolve("docs/runbook.md"));
        String restore = runbook.substring(runbook.indexOf("### Restore a database"));
        int start = restore.indexOf("```yaml\n") + "```yaml\n".length();
        String values = restore.substring(start, restore.indexOf("```", start)).stripIndent();
        Path file = Files.writeString(work.resolve("restore-values.yaml"), values);
        List<Manifest> fromRunbook = Manifests.parse(Repository.CHART.render(
                List.of(Rendering.CI.resolve("production-values.yaml"), file), Map.of()));
        assertEquals(Rendering.RESTORE.render(), Repository.CHART.render(
                List.of(Rendering.CI.resolve("production-values.yaml"), file), Map.of()),
                "the runbook's values are the restore this test checks");
        assertTrue(fromRunbook.stream().anyMatch(m -> m.name().equals("tradecredit-invoice-db-r1")));
    }

    @Test
    void aRestoreWithoutBackupsFailsTheRenderSayingWhy() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Repository.CHART.render(
                List.of(), Map.of("services.invoice-service.database.recovery.name", "r1")));
        assertTrue(refused.getMessage().contains("needs postgresql.backup.enabled"), refused.getMessage());
    }

    /** The rendered Clusters by the service they belong to. */
    static Map<String, Manifest> clusters(Rendering rendering) {
        return Manifests.ofKind(rendering.manifests(), "Cluster").stream().collect(Collectors.toMap(
                m -> m.tree().path("metadata").path("labels").path("tradecredit.io/service").asText(), m -> m));
    }
}
