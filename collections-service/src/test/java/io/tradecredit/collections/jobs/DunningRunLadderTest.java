package io.tradecredit.collections.jobs;

import static io.tradecredit.collections.jobs.RunFixtures.CASES;
import static io.tradecredit.collections.jobs.RunFixtures.REQUESTS;
import static io.tradecredit.collections.jobs.RunFixtures.freshTenant;
import static io.tradecredit.collections.jobs.RunFixtures.records;
import static io.tradecredit.collections.jobs.RunFixtures.runCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.DunningLadder;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/** The whole default ladder for one invoice, the job run day by day from due − 7 to due + 180. */
@QuarkusTest
class DunningRunLadderTest {
    static final ObjectMapper JSON = new ObjectMapper();
    // a year of its own: every date of this test is run only here
    static final LocalDate DUE = LocalDate.of(2031, 3, 5);

    @Test
    void everyStepOfTheDefaultLadderIsTakenOnceOnItsDayAndEveryMessageRequestedOnce() throws Exception {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String invoice = UUID.randomUUID().toString();
        ReadModelEvents.invoice(tenant, buyer, "issued", ReadModelEvents.issuedWithParties(buyer, invoice, "12000.00",
                DUE, "1 Bund Rd, Shanghai"));
        ReadModelEvents.await("the invoice", () -> Database.count("select count(*) from open_invoice where tenant_id = ?",
                tenant) == 1);

        for (LocalDate day = DUE.minusDays(7); !day.isAfter(DUE.plusDays(180)); day = day.plusDays(1)) {
            if (day.equals(DUE.plusDays(30))) {
                // invoice-service states the late charges the finance demand quotes
                ReadModelEvents.invoice(tenant, buyer, "late-charges-stated", ReadModelEvents.lateChargesStated(buyer,
                        invoice, DUE, DUE.plusDays(29), "12000.00", "174.00", "360.00"));
                ReadModelEvents.await("the late charges", () -> Database.count("select count(*) from open_invoice"
                        + " where tenant_id = ? and late_interest is not null", tenant) == 1);
            }
            runCompleted(day);
        }

        // each step once, on its day (weekends move it to the Monday), all taken, none skipped or superseded
        for (DunningStep step : DunningLadder.DEFAULT.steps()) {
            LocalDate day = BusinessCalendar.DEFAULT.stepDay(DUE, step.offsetDays(), BusinessCalendar.DayCount.CALENDAR_DAYS);
            assertEquals(1, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                    + " and step_key = ? and outcome = 'TAKEN' and run_date = ?", tenant, invoice, step.key(), day), step.key());
        }
        assertEquals(10, Database.count("select count(*) from dunning_step_log where tenant_id = ?", tenant));

        // seven requests: email, SMS, letter, formal and finance demands each by email (the letter attached) and by letter
        List<ConsumerRecord<String, String>> requests = records(REQUESTS, tenant, 7);
        List<String> sent = new ArrayList<>();
        for (ConsumerRecord<String, String> r : requests) {
            JsonNode body = JSON.readTree(r.value());
            assertEquals(body.get("requestId").asText(), Topics.header(r, "ce_id"), "request id = CloudEvent id");
            assertEquals(body.get("requestId").asText(), r.key());
            assertEquals(buyer, body.at("/recipient/buyerId").asText());
            assertEquals(invoice, body.at("/data/invoices/0/invoiceId").asText());
            assertEquals("12000.00", body.at("/data/invoices/0/collectibleAmount/amount").asText());
            sent.add(body.get("templateKey").asText() + "/" + body.get("channel").asText() + "/"
                    + body.get("legallyRequired").asBoolean() + (body.get("attachLetter").asBoolean() ? "/with letter" : ""));
        }
        // keyed by request id, the requests may sit on different partitions: compared as sets
        assertEquals(List.of("dunning.finance-demand/EMAIL/false/with letter", "dunning.finance-demand/LETTER/true",
                "dunning.formal-demand/EMAIL/false/with letter", "dunning.formal-demand/LETTER/true", "dunning.friendly-reminder/EMAIL/false",
                "dunning.payment-request/LETTER/false", "dunning.reminder/SMS/false"), sent.stream().sorted().toList());
        // the finance demand quotes the four messages sent before it
        JsonNode finance = request(requests, "dunning.finance-demand");
        assertEquals(4, finance.at("/data/priorMessages").size());
        assertEquals(30, finance.at("/data/step/offsetDays").asInt());
        assertEquals("174.00", finance.at("/data/invoices/0/lateCharges/interest/amount").asText());
        assertEquals("360.00", finance.at("/data/invoices/0/lateCharges/fee/amount").asText());
        assertEquals("534.00", finance.at("/data/invoices/0/lateCharges/total/amount").asText());
        assertEquals(DUE.plusDays(29).toString(), finance.at("/data/invoices/0/lateCharges/asOf").asText());
        assertEquals("0.03", finance.at("/data/invoices/0/lateCharges/feeRate").asText());
        assertEquals("Acme Machinery Co.", finance.at("/data/seller/name").asText());
        assertEquals("CN12 3456 7890", finance.at("/data/seller/bankAccount").asText());
        assertEquals("8 Market St, Shenzhen", finance.at("/data/buyer/address").asText());
        // each demand states the final payment date: seven days after its letter (platform default, calendar days)
        assertEquals("2031-03-19", request(requests, "dunning.formal-demand").at("/data/paymentDeadline").asText());
        assertEquals("2031-04-11", finance.at("/data/paymentDeadline").asText());
        // the payment request before them had no late charges stated yet
        JsonNode letter = request(requests, "dunning.payment-request");
        assertEquals(true, letter.at("/data/invoices/0/lateCharges/interest").isMissingNode(), letter.toString());

        // one step-taken event per day a step fell due, each listing the step with its actions
        // (the cases' own events, case-opened at +15 and the move to LEGAL at +60, share the topic)
        List<ConsumerRecord<String, String>> events = records(CASES, tenant, 10).stream()
                .filter(r -> "io.tradecredit.collections.step-taken.v2".equals(Topics.header(r, "ce_type"))).toList();
        assertEquals(10, events.size());
        JsonNode ninety = events.stream().map(r -> read(r.value())).filter(e -> e.at("/steps/0/stepKey").asText()
                .equals("payment-order")).findFirst().orElseThrow();
        assertEquals("TAKEN", ninety.at("/steps/0/outcome").asText());
        assertEquals(1, ninety.at("/steps/0/count").asInt());
        assertEquals(1, ninety.get("stepCount").asInt());
        assertEquals("CLAIM_TRIGGER", ninety.at("/steps/0/actions/2/kind").asText());
        assertEquals(buyer, events.get(0).key());
    }

    /** The request of a template (a later one quotes earlier templates among its prior messages). */
    private static JsonNode request(List<ConsumerRecord<String, String>> requests, String templateKey) {
        return requests.stream().map(r -> read(r.value())).filter(r -> r.get("templateKey").asText().equals(templateKey))
                .findFirst().orElseThrow();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
