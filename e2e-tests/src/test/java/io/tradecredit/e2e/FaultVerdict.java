package io.tradecredit.e2e;

import static io.tradecredit.e2e.FaultChecks.one;
import static io.tradecredit.e2e.FaultChecks.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.e2e.harness.Faults;
import io.tradecredit.e2e.harness.Harness;
import io.tradecredit.e2e.harness.Readiness;
import io.tradecredit.testing.Topics;
import io.tradecredit.e2e.harness.Api;

/**
 * What the fault suite checks once the flow is over and the platform has settled: the read models
 * against the ledger, steps, deliveries, outboxes, dead letters, readiness (docs/reliability.md).
 */
final class FaultVerdict {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEP_TAKEN = "io.tradecredit.collections.step-taken.v2";
    /** Who reads invoice-events (docs/architecture.md): each parks the poison on its own dead-letter topic. */
    private static final List<String> INVOICE_EVENT_READERS = List.of("credit-service", "collections-service",
            "insurance-claims-service");

    private final Harness harness;
    private final Tenant tenant;
    private final List<Tenant.Buyer> buyers;
    private final int invoices;
    private final String poison;

    FaultVerdict(Harness harness, Tenant tenant, List<Tenant.Buyer> buyers, int invoices, String poison) {
        this.harness = harness;
        this.tenant = tenant;
        this.buyers = buyers;
        this.invoices = invoices;
        this.poison = poison;
    }

    /**
     * Waits until nothing is in flight: no outbox row unsent, every consumer group at the end of
     * what it reads, no message of the tenant queued or being handed over. Returns when, or gives
     * up after {@code atMost} (the checks then show what is left).
     */
    Instant awaitSettled(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (unsentOutbox().values().stream().allMatch(n -> n == 0) && lag() == 0
                        && inFlightMessages() == 0) {
                    return Instant.now();
                }
            } catch (RuntimeException notYet) {
                // a database or the broker still coming back
            }
            Api.sleep(2000);
        }
        return null;
    }

    FaultChecks checks(Readiness readiness, List<Faults.Outage> outages) {
        FaultChecks c = new FaultChecks();
        ledgerAndReadModels(c);
        steps(c);
        deliveries(c);
        unsentOutbox().forEach((db, n) -> c.check("outbox of " + db + ": rows unsent", 0L, n));
        c.check("consumer groups: records not yet read", 0L, lag());
        deadLetters(c);
        readiness(c, readiness, outages);
        return c;
    }

    private void ledgerAndReadModels(FaultChecks c) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        long payments = 0;
        for (int i = 0; i < invoices; i++) {
            total = total.add(FaultFlow.total(i));
            paid = paid.add(FaultFlow.payment(i));
            payments += FaultFlow.payment(i).signum();
        }
        Map<String, Object> ledger = one("invoice", """
                select count(*) as n, coalesce(sum(total_amount), 0) as total,
                       coalesce(sum(total_amount - paid_amount - credited_amount - written_off_amount), 0) as open
                from invoice where tenant_id = ?""", tenant.id);
        c.check("ledger (invoice-service): invoices, total, open", figures(invoices, total, total.subtract(paid)),
                figures(ledger));
        Map<String, Object> pay = one("invoice",
                "select count(*) as n, coalesce(sum(amount), 0) as total from payment where tenant_id = ?", tenant.id);
        c.check("ledger (invoice-service): payments, their sum", payments + " / " + plain(paid),
                pay.get("n") + " / " + plain((BigDecimal) pay.get("total")));
        String readModel = "select count(*) as n, coalesce(sum(total), 0) as total, coalesce(sum(open_amount), 0) as open"
                + " from %s where tenant_id = ?";
        c.check("credit-service invoice_position = ledger", figures(ledger),
                figures(one("credit", readModel.formatted("invoice_position"), tenant.id)));
        c.check("collections-service open_invoice = ledger", figures(ledger),
                figures(one("collections", readModel.formatted("open_invoice"), tenant.id)));
        c.check("insurance-claims-service open_invoice = ledger", figures(ledger),
                figures(one("claims", readModel.formatted("open_invoice"), tenant.id)));
    }

    private void steps(FaultChecks c) {
        long twice = (Long) one("collections", """
                select count(*) as n from (select item_ref, step_key from dunning_step_log
                    where tenant_id = ? and outcome <> 'SKIPPED' group by item_ref, step_key having count(*) > 1) twice""",
                tenant.id).get("n");
        Map<String, Long> logged = new TreeMap<>();
        query("collections", """
                select buyer_id::text || ' ' || step_key as k, count(*) as n from dunning_step_log
                where tenant_id = ? and outcome <> 'SKIPPED' group by 1""", tenant.id)
                .forEach(r -> logged.put((String) r.get("k"), (Long) r.get("n")));
        long taken = logged.values().stream().mapToLong(Long::longValue).sum();
        c.check("dunning steps (invoice and step) taken twice, of " + taken + " taken", "0 (and steps taken > 0)",
                String.valueOf(twice), twice == 0 && taken > 0);

        // as an outside reader of collection-cases sees them: one step-taken per buyer and run date
        Map<String, Set<String>> idsPerBuyerAndDate = new HashMap<>();
        Map<String, Long> announced = new TreeMap<>();
        for (ConsumerRecord<String, String> r : Topics.readAll(harness.kafkaBootstrap(), "collection-cases",
                Duration.ofSeconds(20))) {
            if (!STEP_TAKEN.equals(Topics.header(r, "ce_type")) || !tenant.id.equals(Topics.header(r, "ce_tenantid"))) {
                continue;
            }
            JsonNode e = json(r.value());
            boolean first = idsPerBuyerAndDate.computeIfAbsent(e.get("buyerId").asText() + " " + e.get("runDate").asText(),
                    k -> new HashSet<>()).add(Topics.header(r, "ce_id"));
            if (!first) {
                continue; // the same event delivered again (the relay's at-least-once): one step-taken still
            }
            for (JsonNode step : e.get("steps")) {
                if (!"SKIPPED".equals(step.get("outcome").asText())) {
                    announced.merge(e.get("buyerId").asText() + " " + step.get("stepKey").asText(),
                            step.get("count").asLong(), Long::sum);
                }
            }
        }
        long doubleAnnounced = idsPerBuyerAndDate.values().stream().filter(ids -> ids.size() > 1).count();
        c.check("step-taken events: buyer and run date with two different events", 0L, doubleAnnounced);
        Set<String> differ = new java.util.TreeSet<>(logged.keySet());
        differ.addAll(announced.keySet());
        differ.removeIf(k -> java.util.Objects.equals(logged.get(k), announced.get(k)));
        c.check("step-taken events' counts per buyer and step key = collections' log (" + logged.size() + " pairs)",
                "no pair differs", differ.isEmpty() ? "no pair differs" : differ.stream().limit(5)
                        .map(k -> k + ": log " + logged.get(k) + ", events " + announced.get(k)).toList().toString(),
                differ.isEmpty() && !logged.isEmpty());
    }

    private void deliveries(FaultChecks c) {
        Map<String, Long> byStatus = new TreeMap<>();
        query("notification", "select channel || ' ' || status as k, count(*) as n from message where tenant_id = ? group by 1",
                tenant.id).forEach(r -> byStatus.put(String.valueOf(r.get("k")), (Long) r.get("n")));
        c.check("messages of the tenant queued or being handed over, of " + byStatus, 0L, inFlightMessages());
        List<String> mails = new ArrayList<>();
        for (Tenant.Buyer b : buyers) {
            harness.mail().messageIds(b.email()).forEach(id -> mails.add(id.replaceAll("^<|@.*$", "")));
        }
        delivered(c, "EMAIL", "GreenMail", mails);
        delivered(c, "SMS", "the SMS sink", new Faults(harness).smsReferences());
    }

    /** Each request id handed over at most once, and every message the service counts as sent among them. */
    private void delivered(FaultChecks c, String channel, String where, List<String> requestIds) {
        Set<String> distinct = new HashSet<>(requestIds);
        c.check(channel + " in " + where + ": copies of one request id beyond the first",
                "0 (and " + channel + " delivered > 0)", (requestIds.size() - distinct.size()) + " of " + requestIds.size(),
                requestIds.size() == distinct.size() && !distinct.isEmpty());
        Set<String> sent = query("notification", """
                select request_id::text as id from message where tenant_id = ? and channel = ? and status in ('SENT', 'DELIVERED')""",
                tenant.id, channel).stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());
        Set<String> missing = new HashSet<>(sent);
        missing.removeAll(distinct);
        c.check(channel + " marked sent but not in " + where + ", of " + sent.size(), 0, missing.size());
        Set<String> unknown = query("notification", """
                select request_id::text as id from message where tenant_id = ? and channel = ? and status = 'UNKNOWN'""",
                tenant.id, channel).stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());
        Set<String> extra = new HashSet<>(distinct);
        extra.removeAll(sent);
        extra.removeAll(unknown);
        c.check(channel + " in " + where + " the service never asked for", 0, extra.size());
        long arrived = unknown.stream().filter(distinct::contains).count();
        // a hand-over cut by a kill is UNKNOWN and never repeated (notification-service: at most once)
        c.check(channel + " UNKNOWN (hand-over cut by a kill): how many arrived", "-",
                unknown.size() + " (" + arrived + " arrived)", true);
    }

    private void deadLetters(FaultChecks c) {
        Set<String> topics;
        try (Admin admin = admin()) {
            topics = admin.listTopics().names().get().stream().filter(t -> t.contains(".dlq.")).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        INVOICE_EVENT_READERS.forEach(s -> topics.add("invoice-events.dlq." + s));
        for (String topic : new java.util.TreeSet<>(topics)) {
            List<ConsumerRecord<String, String>> dead = Topics.readAll(harness.kafkaBootstrap(), topic, Duration.ofSeconds(5));
            boolean planted = INVOICE_EVENT_READERS.stream().anyMatch(s -> topic.equals("invoice-events.dlq." + s));
            List<String> expected = planted ? List.of("the poison " + poison) : List.of();
            List<String> ids = dead.stream().map(r -> poison.equals(Topics.header(r, "ce_id")) ? "the poison " + poison
                    : Topics.header(r, "ce_id")).toList();
            // an extra dead letter says what it is and why it was parked, so a failed run can be read from the table
            c.check("dead letters on " + topic, expected.toString(), dead.stream().map(this::deadLetter).toList().toString(),
                    ids.equals(expected));
        }
    }

    /** The poison as such; any other dead letter as its type, key, id and reason. */
    private String deadLetter(ConsumerRecord<String, String> r) {
        String id = Topics.header(r, "ce_id");
        if (poison.equals(id)) {
            return "the poison " + id;
        }
        String type = String.valueOf(Topics.header(r, "ce_type")).replace("io.tradecredit.", "");
        String reason = String.valueOf(Topics.header(r, "dead-letter-reason"));
        return type + " key " + r.key() + " id " + id + " (" + (reason.length() > 120 ? reason.substring(0, 120) + "..." : reason)
                + ")";
    }

    private void readiness(FaultChecks c, Readiness readiness, List<Faults.Outage> outages) {
        for (Faults.Outage o : outages) {
            String when = o.what() + " (ready " + o.restartTook().toSeconds() + " s after the restart)";
            if (o.what().contains("broker")) {
                // ADR 7: a broker outage leaves the APIs up; Kafka's state shows on /q/health/well
                List<Readiness.Sample> notReady = answeredDown(readiness, o.services(), "ready", o);
                c.check(when + ": readiness answers DOWN (ADR 7: stays up)", "0", notReady.size()
                        + downChecks(notReady), notReady.isEmpty());
                List<Readiness.Sample> notLive = answeredDown(readiness, o.services(), "live", o);
                c.check(when + ": liveness answers DOWN", "0", notLive.size() + downChecks(notLive), notLive.isEmpty());
                long wellDown = o.services().stream().flatMap(s -> readiness.between(s, "well", o.from(), o.ready()).stream())
                        .filter(s -> !s.up()).count();
                c.check(when + ": /q/health/well samples DOWN", "> 0", String.valueOf(wellDown), wellDown > 0);
                continue;
            }
            for (String s : o.services()) {
                List<Readiness.Sample> during = readiness.between(s, "ready", o.from(), o.ready());
                long down = during.stream().filter(x -> !x.up()).count();
                boolean upAfter = readiness.between(s, "ready", o.ready(), o.ready().plusSeconds(30)).stream()
                        .anyMatch(Readiness.Sample::up);
                c.check(when + ": " + s + " ready samples down until ready again, up after", "> 0, up",
                        down + " of " + during.size() + ", " + (upAfter ? "up" : "not up"), down > 0 && upAfter);
            }
            if (o.services().size() == 1) {
                List<Readiness.Sample> others = answeredDown(readiness, Harness.services().keySet().stream()
                        .filter(s -> !o.services().contains(s)).toList(), "ready", o);
                c.check(when + ": the other services' readiness answers DOWN", "0", others.size() + downChecks(others),
                        others.isEmpty());
            }
        }
    }

    /** The answers (not the silences of a process gone) that said DOWN during the outage. */
    private static List<Readiness.Sample> answeredDown(Readiness readiness, List<String> services, String probe,
            Faults.Outage o) {
        return services.stream().flatMap(s -> readiness.between(s, probe, o.from(), o.ready()).stream())
                .filter(x -> x.status() != 0 && !x.up()).toList();
    }

    private static String downChecks(List<Readiness.Sample> samples) {
        return samples.isEmpty() ? "" : " (" + samples.stream().map(x -> x.service() + ": " + x.down())
                .distinct().collect(Collectors.joining("; ")) + ")";
    }

    private Map<String, Long> unsentOutbox() {
        Map<String, Long> unsent = new TreeMap<>();
        Harness.services().values().forEach(db -> unsent.put(db,
                (Long) one(db, "select count(*) as n from outbox where sent_at is null").get("n")));
        return unsent;
    }

    private long inFlightMessages() {
        return (Long) one("notification", "select count(*) as n from message where tenant_id = ? and status in ('QUEUED', 'SENDING')",
                tenant.id).get("n");
    }

    /** Records the services' consumer groups have not read yet, over every topic they read. */
    private long lag() {
        try (Admin admin = admin()) {
            long lag = 0;
            for (var g : admin.listConsumerGroups().all().get()) {
                if (g.groupId().startsWith("test-reader-")) {
                    continue;
                }
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get();
                var ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("consumer lag not readable", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", harness.kafkaBootstrap(), "request.timeout.ms", 10000,
                "default.api.timeout.ms", 20000));
    }

    private static String figures(Map<String, Object> row) {
        return figures(((Number) row.get("n")).longValue(), (BigDecimal) row.get("total"), (BigDecimal) row.get("open"));
    }

    private static String figures(long n, BigDecimal total, BigDecimal open) {
        return n + " / " + plain(total) + " / " + plain(open);
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
