package io.tradecredit.e2e;

import static io.tradecredit.e2e.harness.Api.await;
import static io.tradecredit.e2e.harness.Api.call;
import static io.tradecredit.e2e.harness.Api.runJob;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;
import io.tradecredit.devstack.AgencyClient;
import io.tradecredit.e2e.harness.Api;
import io.tradecredit.e2e.harness.Harness;
import io.tradecredit.e2e.harness.Platform;

/**
 * Issue 15, scenario 3, "agency": at + 30 (the formal demand; "consider a partner agency") the
 * collector hands the buyer's case to agency A, which works it over Kafka with its own credentials
 * on the agencies' SASL listener: its consumer reads the case file from {@code agency.A.cases} and
 * is refused {@code agency.B.cases}; it reports a promise on {@code agency.A.updates}, which the
 * case's log shows; the ERP posts the buyer's payment to invoice-service; the case closes as paid
 * and A's commission for the day is its fee on what was paid.
 *
 * <p>Dates: due date D = today − 30, so + 30 is today, the day of the hand-off and the payment
 * (a commission counts payments from the hand-off day, by the service's clock).
 */
@ExtendWith(Platform.class)
class AgencyIT {
    static final String A = Harness.AGENCY;
    static final String B = Harness.OTHER_AGENCY;
    final Tenant seller = new Tenant("agency").worksAndSendsEveryDay();
    final LocalDate due = Api.today().minusDays(30);

    @Test
    void theAgencyReadsOnlyItsCaseReportsAPromiseAndEarnsItsFeeOnThePaymentThatClosesTheCase() throws Exception {
        call("collections-service", seller.manager).body(Map.of("name", "迅捷商账管理有限公司", "successFeePercent", "12.5",
                "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/" + A).then().statusCode(200);
        Tenant.Buyer buyer = seller.buyer("广州南方五金贸易有限公司", "50000.00");
        String number = "INV-AGY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String invoice = seller.issue(buyer, number, due.minusDays(30), due, "18400.00");
        seller.awaitDunnable(buyer, due.plusDays(30));

        // the ladder to + 30 (the case opened at + 15, the formal demand at + 30); then the collector hands the case over
        runJob("collections-service", "dunning-run", due);
        runJob("collections-service", "dunning-run", due.plusDays(15));
        runJob("collections-service", "dunning-run", due.plusDays(30));
        String caseId = seller.worklistEntry(buyer).getString("caseFile.id");
        call("collections-service", seller.collector).body(Map.of("agencyCode", A))
                .post("/api/v1/collections/cases/" + caseId + "/hand-off").then().statusCode(200)
                .body("agencyCode", equalTo(A), "handedOn", equalTo(Api.today().toString()));
        assertEquals("WITH_AGENCY", seller.caseOf(caseId).getString("caseFile.state"));

        // A's consumer, logged in as A, reads the case file: the invoice, 30 days past due, all of it collectible
        Properties asA = Platform.harness().agencyKafka(A);
        JsonNode caseFile = placedCase(asA, caseId);
        assertEquals(seller.id, caseFile.path("creditor").path("tenantId").asText());
        JsonNode placed = caseFile.path("invoices").get(0);
        assertEquals(number, placed.path("invoiceNumber").asText());
        assertEquals(30, placed.path("daysPastDue").asInt());
        assertEquals("18400.00", placed.path("collectibleAmount").path("amount").asText());
        assertEquals("18400.00", caseFile.path("collectible").get(0).path("amount").asText());

        // ... and is refused another agency's topic
        try (KafkaConsumer<String, String> snoop = consumer(asA, "agency." + A + ".snoop")) {
            snoop.subscribe(List.of("agency." + B + ".cases"));
            TopicAuthorizationException refused = assertThrows(TopicAuthorizationException.class,
                    () -> snoop.poll(Duration.ofSeconds(15)));
            assertEquals(java.util.Set.of("agency." + B + ".cases"), refused.unauthorizedTopics());
        }

        // A reports the buyer's promise on its updates topic; the case's log shows it, the case stays with A
        LocalDate promisedFor = Api.today().plusDays(7);
        AgencyClient.promise(asA, A, seller.id, UUID.fromString(caseId), "18400.00", "CNY", promisedFor,
                "CFO promised the full amount");
        await("the promise in the case's log", () -> logged(seller.caseOf(caseId), "PROMISE"));
        JsonPath promised = seller.caseOf(caseId);
        assertEquals("WITH_AGENCY", promised.getString("caseFile.state"));
        Map<String, Object> entry = promised.<Map<String, Object>>getList("log").stream()
                .filter(e -> "agency-update".equals(e.get("kind"))).findFirst().orElseThrow();
        assertEquals("agency:" + A, entry.get("actor"));
        assertTrue(String.valueOf(entry.get("detail")).contains("promise CNY 18400.00 by " + promisedFor), entry.toString());

        // the buyer pays the seller; the ERP posts it: the ledger is settled, the case closes as paid
        seller.pay(buyer, invoice, "18400.00");
        call("invoice-service", seller.erp).get("/api/v1/invoices/" + invoice).then().statusCode(200)
                .body("amounts.open.amount", equalTo("0.00"));
        await("case closed", () -> "CLOSED".equals(seller.caseOf(caseId).getString("caseFile.state")));
        assertEquals("PAID", seller.caseOf(caseId).getString("caseFile.closeReason"));

        // commission: 12.5% x 18,400.00 paid on the hand-off day while A held the case = 2,300.00
        String today = Api.today().toString();
        JsonPath statement = call("collections-service", seller.manager).queryParam("from", today).queryParam("to", today)
                .get("/api/v1/agencies/" + A + "/commission").then().statusCode(200)
                .body("lines.size()", equalTo(1), "lines[0].collected.amount", equalTo("18400.00"),
                        "lines[0].collected.currency", equalTo("CNY"), "lines[0].commission.amount", equalTo("2300.00"),
                        "lines[0].commission.currency", equalTo("CNY"))
                .extract().jsonPath();
        assertEquals(0, new java.math.BigDecimal("12.5").compareTo(new java.math.BigDecimal(statement.getString("successFeePercent"))));
    }

    /** The agency-case-placed event of the case on A's topic, read as A (the outbox publishes it shortly after the hand-off). */
    private static JsonNode placedCase(Properties asA, String caseId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode[] found = new JsonNode[1];
        await("the case file on agency." + A + ".cases", () -> {
            for (String line : AgencyClient.read(asA, A, Duration.ofSeconds(15))) {
                String[] parts = line.split(" ", 4); // <ce_type> tenant=<tenant> case=<key> <json>
                if (parts[0].equals("io.tradecredit.collections.agency-case-placed.v1") && parts[2].equals("case=" + caseId)) {
                    found[0] = json.readTree(parts[3]);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static boolean logged(JsonPath detail, String agencyReportKind) {
        return detail.<Map<String, Object>>getList("log").stream().anyMatch(e -> "agency-update".equals(e.get("kind"))
                && e.get("detail") instanceof Map<?, ?> d && agencyReportKind.equals(d.get("kind")));
    }

    private static KafkaConsumer<String, String> consumer(Properties connection, String group) {
        Properties p = new Properties();
        p.putAll(connection);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
