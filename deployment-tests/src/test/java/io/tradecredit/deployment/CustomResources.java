package io.tradecredit.deployment;

import static io.tradecredit.deployment.Shape.ANY_OBJECT;
import static io.tradecredit.deployment.Shape.BOOLEAN;
import static io.tradecredit.deployment.Shape.INTEGER;
import static io.tradecredit.deployment.Shape.QUANTITY;
import static io.tradecredit.deployment.Shape.STRING;
import static io.tradecredit.deployment.Shape.arrayOf;
import static io.tradecredit.deployment.Shape.mapOf;
import static io.tradecredit.deployment.Shape.obj;
import static io.tradecredit.deployment.Shape.oneOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of the operators' CRDs the chart uses, for operators without a Java model on Maven
 * Central (none models CloudNativePG's CRDs, and their YAML cannot be fetched at build time):
 * CloudNativePG's Cluster and ScheduledBackup (postgresql.cnpg.io/v1), the barman-cloud plugin's
 * ObjectStore (barmancloud.cnpg.io/v1) and the Keycloak Operator's KeycloakRealmImport
 * (k8s.keycloak.org/v2alpha1). Strict: a field a shape does not name fails, as does a missing
 * required field, a wrong type or a value outside an enum.
 *
 * <p>The fields, types, enums and required fields are those of the CRDs' openAPIV3Schema as
 * CloudNativePG (1.26 or later, which archives WAL through plugins;
 * {@code config/crd/bases/postgresql.cnpg.io_clusters.yaml},
 * {@code postgresql.cnpg.io_scheduledbackups.yaml}) and plugin-barman-cloud
 * ({@code config/crd/bases/barmancloud.cnpg.io_objectstores.yaml}) define them on their main
 * branches in December 2026, restricted to what the chart
 * renders (a shape may require what the chart always sets, e.g. {@code storage.size}). Each
 * shape names its CRD path; keep them in step when the chart uses a new field or the operators
 * are upgraded.
 */
final class CustomResources {
    private static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    /** Kubernetes' ResourceRequirements as the CRDs embed it: requests and limits by resource name. */
    private static final Shape RESOURCES = obj(Map.of("requests", mapOf(QUANTITY), "limits", mapOf(QUANTITY)));

    /** CloudNativePG's PluginConfiguration (Cluster .spec.plugins[], .spec.externalClusters[].plugin). */
    private static Shape plugin(Map<String, Shape> parameters, String... requiredParameters) {
        return obj(Map.of("name", oneOf(BARMAN_CLOUD), "enabled", BOOLEAN, "isWALArchiver", BOOLEAN,
                "parameters", obj(parameters, requiredParameters)), "name", "parameters");
    }

    /** Cluster .spec (postgresql.cnpg.io_clusters.yaml); no monitoring.enablePodMonitor
     * (deprecated: a PodMonitor instead) and no backup.barmanObjectStore (removed: the plugin). */
    private static final Shape CLUSTER_SPEC = obj(Map.ofEntries(
            Map.entry("instances", INTEGER),
            Map.entry("imageName", STRING),
            Map.entry("primaryUpdateStrategy", oneOf("unsupervised", "supervised")),
            Map.entry("enableSuperuserAccess", BOOLEAN),
            Map.entry("enablePDB", BOOLEAN),
            // .spec.bootstrap.initdb, .spec.bootstrap.recovery (recoveryTarget: a point in time)
            Map.entry("bootstrap", obj(Map.of(
                    "initdb", obj(Map.of("database", STRING, "owner", STRING), "database", "owner"),
                    "recovery", obj(Map.of("source", STRING, "database", STRING, "owner", STRING,
                            "recoveryTarget", obj(Map.of("targetTime", STRING), "targetTime")), "source")))),
            // .spec.externalClusters[]: name required; the source of a recovery through the plugin
            Map.entry("externalClusters", arrayOf(obj(Map.of("name", STRING,
                    "plugin", plugin(Map.of("barmanObjectName", STRING, "serverName", STRING),
                            "barmanObjectName", "serverName")), "name", "plugin"))),
            Map.entry("storage", obj(Map.of("size", STRING, "storageClass", STRING), "size")),
            Map.entry("resources", RESOURCES),
            // .spec.postgresql.parameters: additionalProperties string
            Map.entry("postgresql", obj(Map.of("parameters", mapOf(STRING)))),
            Map.entry("affinity", obj(Map.of("enablePodAntiAffinity", BOOLEAN, "topologyKey", STRING))),
            Map.entry("plugins", arrayOf(plugin(Map.of("barmanObjectName", STRING), "barmanObjectName")))),
            "instances", "storage");

    /** ScheduledBackup .spec (postgresql.cnpg.io_scheduledbackups.yaml): cluster and schedule required. */
    private static final Shape SCHEDULED_BACKUP_SPEC = obj(Map.of(
            "schedule", STRING,
            "immediate", BOOLEAN,
            "suspend", BOOLEAN,
            "backupOwnerReference", oneOf("none", "self", "cluster"),
            "cluster", obj(Map.of("name", STRING), "name"),
            // barmanObjectStore (the removed in-tree way) and volumeSnapshot are not the chart's
            "method", oneOf("plugin"),
            "target", oneOf("primary", "prefer-standby"),
            "pluginConfiguration", obj(Map.of("name", oneOf(BARMAN_CLOUD), "parameters", mapOf(STRING)), "name")),
            "schedule", "cluster", "method", "pluginConfiguration");

    /** A key of a Secret (the plugin's SecretKeySelector: name and key required). */
    private static final Shape SECRET_KEY = obj(Map.of("name", STRING, "key", STRING), "name", "key");

    /** ObjectStore .spec (barmancloud.cnpg.io_objectstores.yaml): configuration required. */
    private static final Shape OBJECT_STORE_SPEC = obj(Map.of(
            "retentionPolicy", STRING,
            // .spec.configuration: destinationPath required; serverName is refused there (a
            // parameter of the Cluster's plugin instead), so it is not in the shape
            "configuration", obj(Map.of(
                    "destinationPath", STRING,
                    "endpointURL", STRING,
                    "endpointCA", SECRET_KEY,
                    "s3Credentials", obj(Map.of("accessKeyId", SECRET_KEY, "secretAccessKey", SECRET_KEY,
                            "region", SECRET_KEY, "sessionToken", SECRET_KEY, "inheritFromIAMRole", BOOLEAN)),
                    "azureCredentials", obj(Map.of("connectionString", SECRET_KEY, "storageAccount", SECRET_KEY,
                            "storageKey", SECRET_KEY, "storageSasToken", SECRET_KEY, "inheritFromAzureAD", BOOLEAN,
                            "useDefaultAzureCredentials", BOOLEAN)),
                    "googleCredentials", obj(Map.of("applicationCredentials", SECRET_KEY, "gkeEnvironment", BOOLEAN)),
                    "wal", obj(Map.of("compression", oneOf("bzip2", "gzip", "lz4", "snappy", "xz", "zstd"),
                            "encryption", oneOf("AES256", "aws:kms"), "maxParallel", INTEGER,
                            "archiveAdditionalCommandArgs", arrayOf(STRING),
                            "restoreAdditionalCommandArgs", arrayOf(STRING))),
                    // base backups know fewer compressions than the WAL
                    "data", obj(Map.of("compression", oneOf("bzip2", "gzip", "snappy"),
                            "encryption", oneOf("AES256", "aws:kms"), "immediateCheckpoint", BOOLEAN,
                            "jobs", INTEGER, "additionalCommandArgs", arrayOf(STRING))),
                    "tags", mapOf(STRING),
                    "historyTags", mapOf(STRING)), "destinationPath")), "configuration");

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
