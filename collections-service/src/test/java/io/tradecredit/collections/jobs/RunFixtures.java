package io.tradecredit.collections.jobs;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.response.ValidatableResponse;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * The daily run driven as an operator drives it: the read model fed through real
 * {@code invoice-events}, the job run through the job door for a date, and what it sent read
 * back from the real topics, each record checked against its schema.
 */
final class RunFixtures {
    /**
     * Minted once when the class loads and used by every job test after it: valid for an hour, not
     * the default five minutes, which a loaded machine's run of the job tests outlasts (401s).
     */
    static final String OPS = Tokens.noTenant().roles("platform-ops").expiresIn(3600).mint();
    static final String REQUESTS = "notification-requests";
    static final String CASES = "collection-cases";

    private RunFixtures() {
    }

    static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Issues an invoice of {@code amount} CNY due {@code due} and waits until the read model has it. */
    static String issue(String tenant, String buyer, String amount, LocalDate due) {
        String invoice = UUID.randomUUID().toString();
        ReadModelEvents.invoice(tenant, buyer, "issued", ReadModelEvents.issued(buyer, invoice, amount, due));
        ReadModelEvents.await("invoice " + invoice + " in the read model", () -> Database.count(
                "select count(*) from open_invoice where tenant_id = ? and invoice_id = ?::uuid", tenant, invoice) == 1);
        return invoice;
    }

    static ValidatableResponse run(LocalDate asOf) {
        return given().auth().oauth2(OPS).post("/api/v1/admin/jobs/dunning-run?asOf=" + asOf).then();
    }

    /** Runs the date and expects it to complete now. */
    static void runCompleted(LocalDate asOf) {
        run(asOf).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));
    }

    /**
     * The tenant's records on {@code topic}, once at least {@code enough} arrived and every one of the tenant's for
     * that topic already in the outbox (a run the door answered has committed all it wrote: a record too many is
     * there, not merely likely to show up, so no fixed wait follows), each checked against its schema. Nothing
     * wanted and nothing in the outbox: what is there after 5 s.
     */
    static List<ConsumerRecord<String, String>> records(String topic, String tenant, int enough) {
        long wanted = Math.max(enough, Database.count("select count(*) from outbox where tenant_id = ? and topic = ?",
                tenant, topic));
        List<ConsumerRecord<String, String>> read = wanted > 0
                ? Topics.read(topic, Duration.ofSeconds(30), rs -> rs.stream().filter(r -> tenant.equals(
                        Topics.header(r, "ce_tenantid"))).count() >= wanted)
                : Topics.readFor(topic, Duration.ofSeconds(5));
        List<ConsumerRecord<String, String>> mine = read.stream()
                .filter(r -> tenant.equals(Topics.header(r, "ce_tenantid"))).toList();
        mine.forEach(Contracts::assertValid);
        return mine;
    }

    static long logged(String tenant, String outcome) {
        return Database.count("select count(*) from dunning_step_log where tenant_id = ? and outcome = ?", tenant, outcome);
    }

    static Map<String, Object> money(String amount) {
        return ReadModelEvents.money(amount).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue));
    }
}
