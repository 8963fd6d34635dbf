package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;

/**
 * Every alert rule the chart renders (production values), evaluated promtool-style by
 * {@link PromQl} against sample series: each fires on what it is about, for its whole
 * {@code for:}, and stays quiet on a healthy sample. A counter's first increment from 0 fires
 * (the chassis registers job failures at 0; dead letters are counted by the Kafka Exporter, which
 * reports every topic from the start). Series are 1-minute samples from t=0, in promtool's
 * notation ({@code 0+10x180}: 181 values from 0 up by 10; {@code _x9}: 10 missing); the rules are
 * evaluated at 3 hours.
 */
class AlertRulesTest {
    static final long AT = 3 * 3600;
    static final String NS = "namespace=\"tradecredit\"";
    static final String INVOICE = NS + ", service=\"tradecredit-invoice-service\", pod=\"tradecredit-invoice-service-1\"";
    static final String NOTIFICATION = NS + ", service=\"tradecredit-notification-service\", channel=\"EMAIL\"";

    /** Per alert: a firing and a quiet sample. */
    record Case(String alert, List<PromQl.Series> firing, List<PromQl.Series> quiet) {
        @Override
        public String toString() {
            return alert;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("TradecreditServiceDown",
                series("kube_deployment_status_replicas_available{" + NS + ", deployment=\"tradecredit-credit-service\"}", "2x120 0x60"),
                series("kube_deployment_status_replicas_available{" + NS + ", deployment=\"tradecredit-credit-service\"}", "2x180")));
        cases.add(new Case("TradecreditServiceDegraded",
                series("kube_deployment_status_replicas_unavailable{" + NS + ", deployment=\"tradecredit-credit-service\"}", "1x180"),
                series("kube_deployment_status_replicas_unavailable{" + NS + ", deployment=\"tradecredit-credit-service\"}", "0x180")));
        cases.add(new Case("TradecreditMetricsScrapeFailing",
                series("up{" + INVOICE + "}", "1x160 0x20"), series("up{" + INVOICE + "}", "1x180")));
        cases.add(new Case("TradecreditHighErrorRate",
                join(series("http_server_requests_seconds_count{" + INVOICE + ", uri=\"/api/v1/invoices\", status=\"500\"}", "0+10x180"),
                        series("http_server_requests_seconds_count{" + INVOICE + ", uri=\"/api/v1/invoices\", status=\"201\"}", "0+100x180")),
                join(series("http_server_requests_seconds_count{" + INVOICE + ", uri=\"/api/v1/invoices\", status=\"500\"}", "0x180"),
                        series("http_server_requests_seconds_count{" + INVOICE + ", uri=\"/api/v1/invoices\", status=\"201\"}", "0+100x180"),
                        // health checks failing do not count as API errors
                        series("http_server_requests_seconds_count{" + INVOICE + ", uri=\"/q/health/ready\", status=\"503\"}", "0+100x180"))));
        cases.add(new Case("TradecreditHighLatency", latency(2.5), latency(0.05)));
        cases.add(new Case("TradecreditDatabaseDown",
                series("cnpg_collector_up{" + NS + ", cluster=\"tradecredit-invoice-db\", pod=\"tradecredit-invoice-db-1\"}", "1x170 0x10"),
                join(series("cnpg_collector_up{" + NS + ", cluster=\"tradecredit-invoice-db\", pod=\"tradecredit-invoice-db-1\"}", "1x180"),
                        // another application's database in the namespace is none of ours
                        series("cnpg_collector_up{" + NS + ", cluster=\"reporting-db\", pod=\"reporting-db-1\"}", "0x180"))));
        cases.add(new Case("TradecreditOutboxBacklogGrowing",
                series("tradecredit_outbox_unsent{" + INVOICE + "}", "0+10x180"),
                // large but draining
                series("tradecredit_outbox_unsent{" + INVOICE + "}", "2000-10x180")));
        cases.add(new Case("TradecreditOutboxRelayPaused",
                series("tradecredit_outbox_relay_paused{" + INVOICE + "}", "0x160 1x20"),
                series("tradecredit_outbox_relay_paused{" + INVOICE + "}", "0x170 1x5 0x4")));
        cases.add(new Case("TradecreditDeadLetters",
                // the topic's very first dead letter
                series("kafka_topic_partition_current_offset{topic=\"invoice-events.dlq.credit-service\", partition=\"0\"}", "0x175 1x5"),
                series("kafka_topic_partition_current_offset{topic=\"invoice-events.dlq.credit-service\", partition=\"0\"}", "3x180")));
        cases.add(new Case("TradecreditDeadLetterTopicNotEmpty",
                join(series("kafka_topic_partition_current_offset{topic=\"invoice-events.dlq.credit-service\", partition=\"0\"}", "3x180"),
                        series("kafka_topic_partition_oldest_offset{topic=\"invoice-events.dlq.credit-service\", partition=\"0\"}", "0x180")),
                join(series("kafka_topic_partition_current_offset{topic=\"invoice-events.dlq.credit-service\", partition=\"0\"}", "3x180"),
                        series("kafka_topic_partition_oldest_offset{topic=\"invoice-events.dlq.credit-service\", partition=\"0\"}", "3x180"))));
        cases.add(new Case("TradecreditConsumerLagHigh",
                // a dead consumer: its group's lag keeps growing in the exporter
                series("kafka_consumergroup_lag{consumergroup=\"credit-service\", topic=\"invoice-events\", partition=\"0\"}", "0+100x180"),
                join(series("kafka_consumergroup_lag{consumergroup=\"credit-service\", topic=\"invoice-events\", partition=\"0\"}", "10x180"),
                        // another application's group on the same cluster is none of ours
                        series("kafka_consumergroup_lag{consumergroup=\"reporting\", topic=\"invoice-events\", partition=\"0\"}", "90000x180"))));
        cases.add(new Case("TradecreditJobFailed",
                // the first failure ever, from the 0 the chassis registers at start
                series("tradecredit_job_failures_total{" + INVOICE + ", job_name=\"invoice-daily\"}", "0x170 1x10"),
                series("tradecredit_job_failures_total{" + INVOICE + ", job_name=\"invoice-daily\"}", "0x180")));
        cases.add(new Case("TradecreditJobDidNotRun",
                // the last completed date is two days before the evaluation's day
                series("tradecredit_job_last_completed_as_of_seconds{" + INVOICE + ", job_name=\"invoice-daily\"}", "-172800x180"),
                series("tradecredit_job_last_completed_as_of_seconds{" + INVOICE + ", job_name=\"invoice-daily\"}", "0x180")));
        String claims = NS + ", service=\"tradecredit-insurance-claims-service\", tenant=\"acme\", kind=\"CLAIM\"";
        cases.add(new Case("TradecreditInsuranceDeadlineMissed",
                // a tenant's first missed deadline: the series appears with 1
                series("tradecredit_claims_deadlines_missed_total{" + claims + "}", "_x170 1x10"),
                series("tradecredit_claims_deadlines_missed_total{" + claims + "}", "1x180")));
        cases.add(new Case("TradecreditNotificationUnknown",
                series("notification_messages_unknown{" + NOTIFICATION + "}", "0x170 2x10"),
                series("notification_messages_unknown{" + NOTIFICATION + "}", "0x180")));
        cases.add(new Case("TradecreditNotificationFailures",
                join(series("notification_messages_total{" + NOTIFICATION + ", status=\"FAILED\"}", "0+5x180"),
                        series("notification_messages_total{" + NOTIFICATION + ", status=\"SENT\"}", "0+10x180")),
                join(series("notification_messages_total{" + NOTIFICATION + ", status=\"FAILED\"}", "0x180"),
                        series("notification_messages_total{" + NOTIFICATION + ", status=\"SENT\"}", "0+10x180"))));
        cases.add(new Case("TradecreditNotificationBacklog",
                series("notification_messages_oldest_due_seconds{" + NOTIFICATION + "}", "60x150 1200x30"),
                series("notification_messages_oldest_due_seconds{" + NOTIFICATION + "}", "60x180")));
        // the backups (their own PrometheusRule): barman-cloud plugin and CloudNativePG metrics per instance pod
        String db1 = NS + ", pod=\"tradecredit-invoice-db-1\"";
        String db2 = NS + ", pod=\"tradecredit-invoice-db-2\"";
        String other = NS + ", pod=\"reporting-db-1\"";
        cases.add(new Case("TradecreditBackupFailed",
                // the newest attempt (t=2h50) failed after the last good backup (t=1h)
                join(series("barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp{" + db1 + "}", "0x169 10200x11"),
                        series("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{" + db1 + "}", "3600x180")),
                join(series("barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp{" + db1 + "}", "3600x180"),
                        // a later good backup, on another instance of the same cluster
                        series("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{" + db2 + "}", "7200x180"),
                        // another application's database is none of ours
                        series("barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp{" + other + "}", "9000x180"),
                        series("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{" + other + "}", "0x180"))));
        cases.add(new Case("TradecreditBackupTooOld",
                // the last good backup is far older than postgresql.backup.maxAgeHours (26 h)
                series("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{" + db1 + "}", "-200000x180"),
                series("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{" + db1 + "}", "3600x180")));
        cases.add(new Case("TradecreditWalArchivingFailing",
                join(series("cnpg_pg_stat_archiver_last_failed_time{" + db1 + "}", "0x170 10200x10"),
                        series("cnpg_pg_stat_archiver_last_archived_time{" + db1 + "}", "9000x180")),
                join(series("cnpg_pg_stat_archiver_last_failed_time{" + db1 + "}", "5000x180"),
                        series("cnpg_pg_stat_archiver_last_archived_time{" + db1 + "}", "0+60x180"))));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnItsCaseForItsWholeForAndStaysQuietOnAHealthyOne(Case c) {
        Rule rule = rules().get(c.alert());
        assertTrue(rule != null, c.alert() + " is no rule of the chart");
        assertFalse(firing(rule, c.firing()).isEmpty(), c.alert() + " does not fire on " + c.firing());
        assertEquals(List.of(), firing(rule, c.quiet()), c.alert() + " fires on its healthy sample");
    }

    @Test
    void everyAlertHasACase() {
        assertEquals(rules().keySet(), new TreeSet<>(cases().stream().map(Case::alert).toList()));
    }

    @Test
    void theRunbookUrlsAreAbsolute() {
        rules().forEach((name, rule) -> assertTrue(rule.getAnnotations().get("runbook_url").matches(
                "https://[^#]+/docs/runbook\\.md#" + name.toLowerCase(java.util.Locale.ROOT)), name));
    }

    @Test
    void theAlertsDoNotRenderWithoutARunbookUrl() {
        // the chart knows no runbook the on-call can reach: the operator must say where theirs is
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Repository.CHART.render(
                List.of(Rendering.CI.resolve("production-values.yaml")), Map.of("monitoring.prometheusRule.runbookUrl", "")));
        assertTrue(refused.getMessage().contains("monitoring.prometheusRule.runbookUrl: set it to the absolute URL"
                + " where your on-call reads docs/runbook.md"), refused.getMessage());
        // with the alerts off (the default) nothing asks for it
        assertTrue(Manifests.ofKind(Rendering.DEFAULTS.manifests(), "PrometheusRule").isEmpty());
    }

    @Test
    void aPrefixedReleasesKafkaAlertsWatchItsOwnTopicsAndGroupsOnly() {
        Map<String, Rule> rules = new TreeMap<>();
        Manifests.parse(Repository.CHART.render(List.of(Rendering.CI.resolve("production-values.yaml")),
                Map.of("kafka.topicPrefix", "prod."))).stream().filter(m -> m.kind().equals("PrometheusRule"))
                .flatMap(m -> m.as(PrometheusRule.class).getSpec().getGroups().stream())
                .forEach(group -> group.getRules().forEach(r -> rules.put(r.getAlert(), r)));
        String lag = "kafka_consumergroup_lag{topic=\"invoice-events\", partition=\"0\", consumergroup=";
        assertFalse(firing(rules.get("TradecreditConsumerLagHigh"), series(lag + "\"prod.credit-service\"}", "0+100x180")).isEmpty(),
                "its own consumer group, with the prefix");
        for (String group : List.of("staging.credit-service", "credit-service", "prodXcredit-service")) {
            assertEquals(List.of(), firing(rules.get("TradecreditConsumerLagHigh"),
                    series(lag + "\"" + group + "\"}", "0+100x180")), "another release's group " + group);
        }
        String dlq = "kafka_topic_partition_current_offset{partition=\"0\", topic=";
        assertFalse(firing(rules.get("TradecreditDeadLetters"),
                series(dlq + "\"prod.invoice-events.dlq.credit-service\"}", "0x175 1x5")).isEmpty(), "its own dead letter");
        assertEquals(List.of(), firing(rules.get("TradecreditDeadLetters"),
                series(dlq + "\"staging.invoice-events.dlq.credit-service\"}", "0x175 1x5")), "another release's dead letter");
    }

    @Test
    void theEvaluatorReadsWhatItShould() {
        List<PromQl.Series> data = join(series("c{a=\"x\"}", "0+1x10"), series("c{a=\"y\"}", "5x10"));
        assertEquals(4.0, PromQl.evaluate("sum by (a) (increase(c{a=~\"x|z\"}[5m]))", data, 600).get(0).value());
        assertEquals(List.of(), PromQl.evaluate("c{a=\"y\"} > 5", data, 600));
        assertEquals(2, PromQl.evaluate("c > 4", data, 600).size());
        assertEquals(1, PromQl.evaluate("c unless c offset 9m", join(data, series("c{a=\"z\"}", "_x8 1x1")), 600).size());
        assertEquals(1.0 / 60, PromQl.evaluate("deriv(c{a=\"x\"}[5m])", data, 600).get(0).value(), 1e-9);
    }

    /** The alert's labels at {@link #AT} if its expression held at every minute of its {@code for:}. */
    static List<Map<String, String>> firing(Rule rule, List<PromQl.Series> data) {
        long hold = rule.getFor() == null ? 0 : seconds(rule.getFor());
        for (long t = AT - hold; t < AT; t += 60) {
            if (PromQl.evaluate(rule.getExpr().getStrVal(), data, t).isEmpty()) {
                return List.of();
            }
        }
        return PromQl.evaluate(rule.getExpr().getStrVal(), data, AT).stream().map(PromQl.Sample::labels).toList();
    }

    static Map<String, Rule> rules() {
        Map<String, Rule> rules = new TreeMap<>();
        for (var manifest : Manifests.ofKind(Rendering.PRODUCTION.manifests(), "PrometheusRule")) {
            for (RuleGroup group : manifest.as(PrometheusRule.class).getSpec().getGroups()) {
                group.getRules().forEach(r -> rules.put(r.getAlert(), r));
            }
        }
        return rules;
    }

    /** Request durations of one route, every request in the bucket above {@code bound}. */
    private static List<PromQl.Series> latency(double bound) {
        List<PromQl.Series> buckets = new ArrayList<>();
        for (String le : List.of("0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf")) {
            boolean counted = le.equals("+Inf") || Double.parseDouble(le) > bound;
            buckets.addAll(series("http_server_requests_seconds_bucket{" + INVOICE + ", uri=\"/api/v1/invoices\", le=\""
                    + le + "\"}", counted ? "0+60x180" : "0x180"));
        }
        return buckets;
    }

    private static final Pattern SELECTOR = Pattern.compile("([a-z_:]+)\\{(.*)}");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
    private static final Pattern STEP = Pattern.compile("(_|-?[0-9.]+)(?:([+-][0-9.]+))?x([0-9]+)");

    static List<PromQl.Series> series(String selector, String values) {
        Matcher s = SELECTOR.matcher(selector);
        assertTrue(s.matches(), selector);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("__name__", s.group(1));
        Matcher l = LABEL.matcher(s.group(2));
        while (l.find()) {
            labels.put(l.group(1), l.group(2));
        }
        TreeMap<Long, Double> samples = new TreeMap<>();
        long t = 0;
        for (String token : values.trim().split("\\s+")) {
            Matcher m = STEP.matcher(token);
            assertTrue(m.matches(), token);
            double step = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
            for (int i = 0; i <= Integer.parseInt(m.group(3)); i++, t += 60) {
                if (!m.group(1).equals("_")) {
                    samples.put(t, Double.parseDouble(m.group(1)) + i * step);
                }
            }
        }
        return List.of(new PromQl.Series(labels, samples));
    }

    @SafeVarargs
    static List<PromQl.Series> join(List<PromQl.Series>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    private static long seconds(String duration) {
        long n = Long.parseLong(duration.substring(0, duration.length() - 1));
        return n * switch (duration.charAt(duration.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            default -> 3600;
        };
    }
}
