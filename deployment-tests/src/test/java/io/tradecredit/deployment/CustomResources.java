package io.tradecredit.deployment;

import static io.tradecredit.deployment.Shape.ANY_OBJECT;
import static io.tradecredit.deployment.Shape.BOOLEAN;
import static io.tradecredit.deployment.Shape.INTEGER;
import static io.tradecredit.deployment.Shape.NUMBER;
import static io.tradecredit.deployment.Shape.SCALAR;
import static io.tradecredit.deployment.Shape.STRING;
import static io.tradecredit.deployment.Shape.arrayOf;
import static io.tradecredit.deployment.Shape.mapOf;
import static io.tradecredit.deployment.Shape.obj;
import static io.tradecredit.deployment.Shape.oneOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of the operators' CRDs the chart uses, for operators without a Java model here:
 * CloudNativePG's Cluster and ScheduledBackup (postgresql.cnpg.io/v1), the barman-cloud plugin's
 * ObjectStore (barmancloud.cnpg.io/v1) and the Keycloak
 * Operator's KeycloakRealmImport (k8s.keycloak.org/v2alpha1), with their required fields.
 */
final class CustomResources {
    private static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    private static final Shape CLUSTER_SPEC = obj(Map.ofEntries(
            Map.entry("instances", INTEGER),
            Map.entry("imageName", STRING),
            Map.entry("primaryUpdateStrategy", oneOf("unsupervised", "supervised")),
            Map.entry("enableSuperuserAccess", BOOLEAN),
            Map.entry("enablePDB", BOOLEAN),
            Map.entry("bootstrap", obj(Map.of(
                    "initdb", obj(Map.of("database", STRING, "owner", STRING), "database", "owner"),
                    "recovery", obj(Map.of("source", STRING, "database", STRING, "owner", STRING,
                            "recoveryTarget", obj(Map.of("targetTime", STRING), "targetTime")), "source")))),
            Map.entry("externalClusters", arrayOf(obj(Map.of("name", STRING,
                    "plugin", obj(Map.of("name", oneOf(BARMAN_CLOUD), "parameters", obj(Map.of(
                            "barmanObjectName", STRING, "serverName", STRING), "barmanObjectName", "serverName")),
                            "name", "parameters")), "name", "plugin"))),
            Map.entry("storage", obj(Map.of("size", STRING, "storageClass", STRING), "size")),
            Map.entry("resources", obj(Map.of("requests", mapOf(SCALAR), "limits", mapOf(SCALAR)))),
            Map.entry("postgresql", obj(Map.of("parameters", mapOf(STRING)))),
            Map.entry("affinity", obj(Map.of("enablePodAntiAffinity", BOOLEAN, "topologyKey", STRING))),
            // no monitoring.enablePodMonitor (deprecated: PodMonitor) and no backup.barmanObjectStore (removed: plugin)
            Map.entry("plugins", arrayOf(obj(Map.of("name", oneOf(BARMAN_CLOUD), "isWALArchiver", BOOLEAN,
                    "parameters", obj(Map.of("barmanObjectName", STRING), "barmanObjectName")), "name", "parameters")))),
            "instances", "storage");

    private static final Shape SCHEDULED_BACKUP_SPEC = obj(Map.of(
            "schedule", STRING,
            "immediate", BOOLEAN,
            "backupOwnerReference", oneOf("none", "self", "cluster"),
            "cluster", obj(Map.of("name", STRING), "name"),
            "method", oneOf("plugin"),
            "pluginConfiguration", obj(Map.of("name", oneOf(BARMAN_CLOUD)), "name")),
            "schedule", "cluster", "method", "pluginConfiguration");

    private static final Shape OBJECT_STORE_SPEC = obj(Map.of(
            "retentionPolicy", STRING,
            "configuration", obj(Map.of(
                    "destinationPath", STRING,
                    "endpointURL", STRING,
                    "endpointCA", ANY_OBJECT,
                    "s3Credentials", ANY_OBJECT,
                    "azureCredentials", ANY_OBJECT,
                    "googleCredentials", ANY_OBJECT,
                    "wal", ANY_OBJECT,
                    "data", ANY_OBJECT), "destinationPath")), "configuration");

    private static final Shape REALM_IMPORT_SPEC = obj(Map.of(
            "keycloakCRName", STRING,
            "realm", ANY_OBJECT), "keycloakCRName", "realm");

    private static final Map<String, Shape> SPECS = Map.of(
            "Cluster", CLUSTER_SPEC,
            "ScheduledBackup", SCHEDULED_BACKUP_SPEC,
            "ObjectStore", OBJECT_STORE_SPEC,
            "KeycloakRealmImport", REALM_IMPORT_SPEC);

    private CustomResources() {
    }

    /** Problems of one custom resource (empty when it fits its CRD). */
    static List<String> problems(Manifests.Manifest manifest) {
        List<String> problems = new ArrayList<>();
        Shape spec = SPECS.get(manifest.kind());
        if (spec == null) {
            problems.add("no shape for " + manifest.kind());
            return problems;
        }
        Shape resource = obj(Map.of(
                "apiVersion", STRING,
                "kind", STRING,
                "metadata", ANY_OBJECT,
                "spec", spec), "apiVersion", "kind", "metadata", "spec");
        resource.check(manifest.tree(), manifest.kind() + " " + manifest.name(), problems);
        return problems;
    }
}
