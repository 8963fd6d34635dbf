package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;

/**
 * The dashboard and the alert rules query metrics that exist (the chassis' meters, read from its
 * code, and the named framework and cluster metrics), and every alert has its runbook section.
 */
class ObservabilityTest {
    private static final Path DASHBOARD = Repository.CHART.directory().resolve("files/dashboards/tradecredit-overview.json");
    private static final Pattern METER = Pattern.compile("\\.(counter|timer|gauge)\\(\\s*\"([a-z0-9.]+)\"");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
    private static final Pattern HEADING = Pattern.compile("(?m)^### (Tradecredit[A-Za-z]+)\\s*$");

    /** Metrics of the framework and the cluster, by where they come from. */
    private static final Map<String, String> FRAMEWORK_METRICS = Map.ofEntries(
            Map.entry("http_server_requests_seconds_count", "Quarkus Micrometer HTTP server binder"),
            Map.entry("http_server_requests_seconds_sum", "Quarkus Micrometer HTTP server binder"),
            Map.entry("http_server_requests_seconds_max", "Quarkus Micrometer HTTP server binder"),
            Map.entry("http_server_requests_seconds_bucket", "Quarkus Micrometer HTTP server binder, the chassis' LatencyHistogram"),
            Map.entry("kafka_consumergroup_lag", "Strimzi Kafka Exporter"),
            Map.entry("cnpg_collector_up", "CloudNativePG exporter"),
            Map.entry("kafka_consumer_fetch_manager_records_lag_max", "Micrometer Kafka client metrics"),
            Map.entry("kafka_producer_topic_record_send_total", "Micrometer Kafka client metrics"),
            Map.entry("kafka_topic_partition_current_offset", "Strimzi Kafka Exporter"),
            Map.entry("kafka_topic_partition_oldest_offset", "Strimzi Kafka Exporter"),
            Map.entry("kube_deployment_status_replicas_available", "kube-state-metrics"),
            Map.entry("kube_deployment_status_replicas_unavailable", "kube-state-metrics"),
            Map.entry("up", "Prometheus"),
            Map.entry("barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp", "CloudNativePG barman-cloud plugin"),
            Map.entry("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp", "CloudNativePG barman-cloud plugin"),
            Map.entry("cnpg_pg_stat_archiver_last_failed_time", "CloudNativePG instance exporter"),
            Map.entry("cnpg_pg_stat_archiver_last_archived_time", "CloudNativePG instance exporter"));

    @Test
    void theDashboardQueriesKnownMetricsAndCoversWhatOperatorsWatch() throws IOException {
        JsonNode dashboard = Manifests.YAML.readTree(DASHBOARD.toFile());
        assertFalse(dashboard.path("uid").asText().isEmpty());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
                assertEquals("${datasource}", target.path("datasource").path("uid").asText());
            }
        }
        assertUsesKnownMetrics(expressions, "dashboard");
        Set<String> used = metrics(expressions);
        for (String metric : List.of("http_server_requests_seconds_count", "kafka_consumer_fetch_manager_records_lag_max",
                "tradecredit_outbox_unsent", "tradecredit_outbox_published_total", "kafka_producer_topic_record_send_total",
                "tradecredit_job_duration_seconds_max", "tradecredit_job_failures_total")) {
            assertTrue(used.contains(metric), "the dashboard shows " + metric);
        }
    }

    @Test
    void theAlertRulesQueryKnownMetricsAndEachHasARunbookSection() {
        List<RuleGroup> groups = Manifests.ofKind(Rendering.PRODUCTION.manifests(), "PrometheusRule").stream()
                .flatMap(m -> m.as(PrometheusRule.class).getSpec().getGroups().stream()).toList();
        List<String> expressions = new ArrayList<>();
        Map<String, Rule> alerts = new TreeMap<>();
        for (RuleGroup group : groups) {
            for (Rule alert : group.getRules()) {
                expressions.add(alert.getExpr().getStrVal());
                alerts.put(alert.getAlert(), alert);
            }
        }
        assertUsesKnownMetrics(expressions, "alert rules");

        String runbook = Repository.read(Repository.ROOT.resolve("docs/runbook.md"));
        Set<String> sections = new TreeSet<>();
        Matcher heading = HEADING.matcher(runbook);
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        assertEquals(alerts.keySet(), sections, "docs/runbook.md has a '### <alert>' section per alert, no more");
        alerts.forEach((name, alert) -> {
            assertTrue(alert.getAnnotations().get("runbook_url").endsWith("#" + name.toLowerCase(Locale.ROOT)),
                    name + " runbook_url points to its section");
            assertTrue(Set.of("warning", "critical").contains(alert.getLabels().get("severity")), name + " severity");
            assertFalse(alert.getAnnotations().getOrDefault("summary", "").isEmpty(), name + " summary");
        });
        for (String issueAlert : List.of("TradecreditOutboxBacklogGrowing", "TradecreditDeadLetterTopicNotEmpty",
                "TradecreditConsumerLagHigh", "TradecreditJobFailed", "TradecreditServiceDown")) {
            assertTrue(alerts.containsKey(issueAlert), issueAlert);
        }
    }

    @Test
    void theChartShipsTheDashboardFile() {
        ConfigMap dashboard = Manifests.ofKind(Rendering.PRODUCTION.manifests(), "ConfigMap").get(0).as(ConfigMap.class);
        assertEquals(Repository.read(DASHBOARD).replace("__TOPIC_PREFIX__", "").strip(),
                dashboard.getData().get("tradecredit-overview.json").strip());
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
    }

    /** Two releases on one cluster: the dashboard's dead letters are the release's own topics. */
    @Test
    void aPrefixedReleasesDashboardCountsItsOwnDeadLettersOnly() throws IOException {
        List<Manifests.Manifest> manifests = Manifests.parse(Repository.CHART.render(
                List.of(Rendering.CI.resolve("production-values.yaml")), Map.of("kafka.topicPrefix", "prod.")));
        ConfigMap configMap = Manifests.ofKind(manifests, "ConfigMap").get(0).as(ConfigMap.class);
        JsonNode dashboard = Manifests.YAML.readTree(configMap.getData().get("tradecredit-overview.json"));
        List<String> deadLetterQueries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                if (expr.contains("kafka_topic_partition_current_offset")) {
                    deadLetterQueries.add(expr);
                }
            }
        }
        assertEquals(1, deadLetterQueries.size(), deadLetterQueries.toString());
        String expr = deadLetterQueries.get(0);
        assertFalse(expr.contains("__TOPIC_PREFIX__"), expr);
        // the PromQL string literal "prod\\..+\\.dlq\\..+" is the regex prod\..+\.dlq\..+
        Matcher literal = Pattern.compile("topic=~\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(expr);
        int selectors = 0;
        while (literal.find()) {
            Pattern topics = Pattern.compile(literal.group(1).replace("\\\\", "\\"));
            assertTrue(topics.matcher("prod.invoice-events.dlq.collections-service").matches(), expr);
            assertFalse(topics.matcher("staging.invoice-events.dlq.collections-service").matches(), expr);
            assertFalse(topics.matcher("prodXinvoice-events.dlq.collections-service").matches(), expr);
            selectors++;
        }
        assertEquals(2, selectors, expr);
    }

    /** The chassis' meters in Prometheus' names (Micrometer's naming: counters _total, timers _seconds_*). */
    static Set<String> chassisMetrics() {
        Set<String> metrics = new TreeSet<>();
        List<String> sources = new ArrayList<>(Repository.javaSources(Repository.ROOT.resolve("platform-commons")));
        Repository.services().values().forEach(module -> sources.addAll(Repository.javaSources(module)));
        for (String source : sources) {
            Matcher meter = METER.matcher(source);
            while (meter.find()) {
                String name = meter.group(2).replace('.', '_');
                switch (meter.group(1)) {
                    case "counter" -> metrics.add(name + "_total");
                    case "timer" -> List.of("_count", "_sum", "_max", "_bucket")
                            .forEach(suffix -> metrics.add(name + "_seconds" + suffix));
                    default -> metrics.add(name);
                }
            }
        }
        return metrics;
    }

    private static void assertUsesKnownMetrics(List<String> expressions, String where) {
        Set<String> known = new TreeSet<>(chassisMetrics());
        known.addAll(FRAMEWORK_METRICS.keySet());
        Set<String> unknown = new TreeSet<>(metrics(expressions));
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, where + " query metrics nothing exposes; chassis meters: " + chassisMetrics());
        for (String expression : expressions) {
            if (expression.contains("tradecredit_job_")) {
                // the chassis tags job meters "job_name" (a "job" tag would clash with Prometheus' own)
                assertTrue(expression.contains("job_name") || !expression.contains(" by "), where + ": " + expression);
            }
        }
    }

    private static Set<String> metrics(List<String> expressions) {
        Set<String> metrics = new TreeSet<>();
        for (String expression : expressions) {
            assertFalse(expression.isBlank());
            Matcher m = SELECTOR.matcher(expression);
            while (m.find()) {
                metrics.add(m.group(1));
            }
        }
        return metrics;
    }
}
