package io.tradecredit.e2e;

import static io.tradecredit.e2e.harness.Api.await;
import static io.tradecredit.e2e.harness.Api.call;
import static io.tradecredit.e2e.harness.Api.operator;
import static io.tradecredit.e2e.harness.Api.runJob;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.e2e.harness.Api;
import io.tradecredit.e2e.harness.Platform;
import io.tradecredit.testing.Topics;

/**
 * Issue 15, scenario 5, "catch-up": ten days without daily runs, then the operator runs them date
 * by date. Each step is taken once, and no buyer gets more than one message per channel on a day:
 * the steps missed before the first date are taken together with only the highest message sent,
 * and two invoices of one buyer due on one day on one channel go as one message.
 *
 * <p>Dates: S = today − 60 to S + 9, apart from every other scenario's (a date runs once for every
 * tenant). Buyer A: invoice A1 due S + 2. Buyer B: B1 due S, B2 due S + 14. By hand, with the default
 * ladder (−7 email, −3 SMS, 0 letter, +3 task, +7 email and letter):
 * <pre>
 * S      A: A1 −7 and −3 due together: the SMS only        B: B1 −7, −3, 0 together: the letter only
 * S + 2  A: A1 due: letter
 * S + 3                                                    B: B1 +3: task, no message
 * S + 5  A: A1 +3: task
 * S + 7                                                    B: B1 +7 and B2 −7: one email, one letter
 * S + 9  A: A1 +7: email and letter
 * </pre>
 */
@ExtendWith(Platform.class)
class CatchUpIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String STEP_TAKEN = "io.tradecredit.collections.step-taken.v2";

    final Tenant seller = new Tenant("catchup").worksAndSendsEveryDay();
    final LocalDate s = Api.today().minusDays(60);

    @Test
    void tenDaysCaughtUpDateByDate() {
        Tenant.Buyer a = seller.buyer("广州南方五金有限公司", "100000.00");
        Tenant.Buyer b = seller.buyer("天津北方物流有限公司", "100000.00");
        String a1 = number("A1");
        String b1 = number("B1");
        String b2 = number("B2");
        Map<String, String> invoiceNumbers = new LinkedHashMap<>();
        invoiceNumbers.put(seller.issue(a, a1, s.minusDays(30), s.plusDays(2), "8000.00"), a1);
        invoiceNumbers.put(seller.issue(b, b1, s.minusDays(30), s, "5000.00"), b1);
        invoiceNumbers.put(seller.issue(b, b2, s.minusDays(16), s.plusDays(14), "7000.00"), b2);
        seller.awaitDunnable(a, s);
        seller.awaitDunnable(b, s);

        // message counts per channel after each date, cumulative, by hand (table above)
        Map<Integer, Map<String, Map<String, Integer>>> expected = Map.of(
                0, Map.of(a.id(), Map.of("SMS", 1), b.id(), Map.of("LETTER", 1)),
                2, Map.of(a.id(), Map.of("SMS", 1, "LETTER", 1), b.id(), Map.of("LETTER", 1)),
                7, Map.of(a.id(), Map.of("SMS", 1, "LETTER", 1), b.id(), Map.of("LETTER", 2, "EMAIL", 1)),
                9, Map.of(a.id(), Map.of("SMS", 1, "LETTER", 2, "EMAIL", 1), b.id(), Map.of("LETTER", 2, "EMAIL", 1)));
        Map<String, Map<String, Integer>> sofar = Map.of(a.id(), Map.of(), b.id(), Map.of());
        for (int day = 0; day < 10; day++) {
            runJob("collections-service", "dunning-run", s.plusDays(day));
            sofar = expected.getOrDefault(day, sofar);
            for (Tenant.Buyer buyer : List.of(a, b)) {
                Map<String, Integer> want = new TreeMap<>(sofar.get(buyer.id()));
                String when = "S + " + day;
                await(buyer.name() + "'s messages after " + when + ": " + want,
                        () -> want.equals(channels(seller.messages(buyer))));
            }
        }
        // pressing the door again for a date already run does nothing more
        call("collections-service", operator()).queryParam("asOf", s.plusDays(9).toString())
                .post("/api/v1/admin/jobs/dunning-run").then().statusCode(200).body("firstRun", equalTo(false));

        // each step taken once (taken or superseded), and exactly the steps the table says: step-taken v2
        // counts a buyer's items per step key, so per buyer and step key the counts add up to its invoices
        List<JsonNode> events = stepTakenEvents(7);
        Map<String, Integer> taken = new TreeMap<>();
        for (JsonNode event : events) {
            for (JsonNode step : event.get("steps")) {
                if (!"SKIPPED".equals(step.get("outcome").asText())) {
                    taken.merge(event.get("buyerId").asText() + " " + step.get("stepKey").asText(),
                            step.get("count").asInt(), Integer::sum);
                }
            }
        }
        List<String> ladder = List.of("friendly-reminder", "reminder", "payment-request", "reason-call", "formal-demand");
        Map<String, Integer> want = new TreeMap<>();
        ladder.forEach(k -> want.put(a.id() + " " + k, 1)); // A1
        ladder.forEach(k -> want.put(b.id() + " " + k, 1)); // B1
        want.merge(b.id() + " friendly-reminder", 1, Integer::sum); // B2
        assertEquals(want, taken, "steps taken per buyer and step key");
        // one event per buyer and date with due steps: A on S, S + 2, S + 5, S + 9; B on S, S + 3, S + 7
        List<String> days = new ArrayList<>();
        List.of(0, 2, 5, 9).forEach(d -> days.add(a.id() + " " + s.plusDays(d)));
        List.of(0, 3, 7).forEach(d -> days.add(b.id() + " " + s.plusDays(d)));
        assertEquals(days.stream().sorted().toList(), events.stream().map(e -> e.get("buyerId").asText() + " "
                + e.get("runDate").asText()).sorted().toList());

        // what reached the buyers: A one SMS and one email, B one email naming both invoices, no SMS
        // (the table above is of messages recorded; each is delivered after it, by notification-service's worker)
        await("A's SMS", () -> Platform.harness().sms(a.mobile()).size() == 1);
        assertEquals(0, Platform.harness().sms(b.mobile()).size());
        await("A's email", () -> Tenant.dunningMails(a).size() == 1);
        await("B's email", () -> Tenant.dunningMails(b).size() == 1);
        String bText = Tenant.dunningMails(b).get(0).text();
        // and, the day each invoice was issued, one request to confirm its receipt
        await("A's receipt request", () -> Tenant.receiptRequests(a).size() == 1);
        await("B's receipt requests", () -> Tenant.receiptRequests(b).size() == 2);
        assertTrue(bText.contains(b1) && bText.contains(b2), bText);
    }

    /** The buyer's dunning messages per channel (the requests to confirm an invoice's receipt are not dunning). */
    static Map<String, Integer> channels(List<Map<String, Object>> messages) {
        return new TreeMap<>(messages.stream().filter(m -> ((String) m.get("templateKey")).startsWith("dunning."))
                .collect(Collectors.groupingBy(m -> (String) m.get("channel"), Collectors.summingInt(m -> 1))));
    }

    /** The tenant's step-taken events on collection-cases, read as an outside consumer would. */
    List<JsonNode> stepTakenEvents(int atLeast) {
        String kafka = Platform.harness().kafkaBootstrap();
        Topics.read(kafka, "collection-cases", Duration.ofSeconds(30), seen -> ours(seen).size() >= atLeast);
        // read again for a little longer: an event too many would have come by now
        List<ConsumerRecord<String, String>> records = Topics.read(kafka, "collection-cases", Duration.ofSeconds(3),
                seen -> false);
        return ours(records).stream().map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> STEP_TAKEN.equals(Topics.header(r, "ce_type"))
                && seller.id.equals(Topics.header(r, "ce_tenantid"))).toList();
    }

    static String number(String tag) {
        return "INV-" + tag + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
