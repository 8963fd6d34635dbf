package io.tradecredit.claims.jobs;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.money;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.today;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * The daily deadlines job through the operator endpoint, on real invoice-events, PostgreSQL and Kafka: an insured
 * overdue invoice is warned at the lead time (a request to the tenant on notification-requests and deadline-warning
 * on claim-events, both valid against their schemas), once; notified in time it is met; passed unmet it is missed
 * (a critical request, deadline-missed and the metric); paid, its deadlines end; a plan moves none of them.
 * Terms: MEP 60, notify within 10 days, transfer within 30, file within 120, warned 5 days before; every deadline
 * counts from the end of the MEP (domain.InvoiceDeadlines), so an invoice due 65 days ago has its MEP ended 5 days ago.
 * The job runs once per date for every tenant, so each test runs it for dates of its own.
 */
@QuarkusTest
class DeadlinesJobTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();
    static final String WARNING = "io.tradecredit.claims.deadline-warning.v1";
    static final String MISSED = "io.tradecredit.claims.deadline-missed.v1";
    static final String WITHDRAWN = "io.tradecredit.claims.stop-deliveries-withdrawn.v1";
    static final LocalDate T = today();
    /** The policy's maximum extension period, in days. */
    static final int MEP = 60;

    record Insured(String tenant, String policyId, String buyer, String invoiceId) {
    }

    /** A fresh tenant's policy, a 100,000 limit for a new buyer, and a 40,000 invoice of it due {@code due}. */
    static Insured insured(LocalDate due) {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        Map<String, Object> terms = new HashMap<>(policy("P-" + UUID.randomUUID()));
        terms.put("notificationDays", 10);
        terms.put("collectorAgencyCode", "huaxin-recovery");
        terms.put("effectiveFrom", T.minusDays(400).toString());
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(terms).post(POLICIES).then()
                .statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("100000.00", "CNY"), "effectiveFrom", T.minusDays(300).toString()))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        String invoiceId = issue(tenant, buyer, "INV-1", due);
        return new Insured(tenant, policyId, buyer, invoiceId);
    }

    static String issue(String tenant, String buyer, String number, LocalDate due) {
        String invoiceId = UUID.randomUUID().toString();
        Map<String, Object> m = new HashMap<>();
        m.put("invoiceId", invoiceId);
        m.put("invoiceNumber", number);
        m.put("buyerId", buyer);
        m.put("buyerName", "Zhejiang Trading");
        m.put("issueDate", due.minusDays(60).toString());
        m.put("dueDate", due.toString());
        m.put("total", money("40000.00", "CNY"));
        m.put("tax", money("0.00", "CNY"));
        m.put("openAmount", money("40000.00", "CNY"));
        m.put("issuedLate", false);
        m.put("purchaseOrderNumber", "PO-1");
        Topics.sendEvent("invoice-events", tenant, "invoice", "issued", buyer, UUID.randomUUID().toString(), m);
        await("the read model", () -> Database.count("select count(*) from open_invoice where invoice_id = ?::uuid",
                invoiceId) == 1);
        return invoiceId;
    }

    static void await(String what, BooleanSupplier done) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not in time: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void run(LocalDate asOf) {
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/insurance-deadlines?asOf=" + asOf).then().statusCode(200)
                .body("status", equalTo("COMPLETED"), "firstRun", equalTo(true));
    }

    static String deadlines(Insured s) {
        return POLICIES + "/" + s.policyId() + "/buyers/" + s.buyer() + "/deadlines";
    }

    /** How many events of the type the tenant's outbox holds, of one deadline kind or (null) any. */
    static long recorded(String type, String tenant, String kind) {
        return Database.count("select count(*) from outbox where event_type = ? and tenant_id = ?"
                + " and (?::text is null or payload::jsonb ->> 'deadline' = ?)", type, tenant, kind, kind);
    }

    static List<JsonNode> requests(String tenant, String template, int atLeast) {
        return read("notification-requests", tenant, r -> template.equals(body(r).get("templateKey").asText()), atLeast);
    }

    static List<JsonNode> events(String type, String tenant, int atLeast) {
        return read("claim-events", tenant, r -> type.equals(Topics.header(r, "ce_type")), atLeast);
    }

    static List<JsonNode> read(String topic, String tenant, java.util.function.Predicate<ConsumerRecord<String, String>> which,
            int atLeast) {
        java.util.function.Predicate<ConsumerRecord<String, String>> mine = r -> tenant.equals(Topics.header(r,
                "ce_tenantid")) && which.test(r);
        List<ConsumerRecord<String, String>> read = Topics.read(topic, Duration.ofSeconds(20),
                records -> records.stream().filter(mine).count() >= atLeast);
        return read.stream().filter(mine).map(Contracts::assertValid).toList();
    }

    static JsonNode body(ConsumerRecord<String, String> r) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The missed-deadline counter of the tenant and kind as Prometheus scrapes it (0 when absent). */
    static double missedMetric(String tenant, String kind) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith("tradecredit_claims_deadlines_missed_total{")
                && l.contains("tenant=\"" + tenant + "\"") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anInsuredOverdueInvoiceIsWarnedAtTheLeadTimeOnceByARequestToTheTenantAndAnEvent() {
        // due 65 days ago, its MEP ended 5 days ago: notify by T+5, deliveries uninsured from T+6, transfer by T+25,
        // claim by T+115
        Insured s = insured(T.minusDays(MEP + 5));
        run(T.minusDays(1));
        assertEquals(0, recorded(WARNING, s.tenant(), null), "6 days before: no warning yet");

        run(T);
        List<JsonNode> requests = requests(s.tenant(), "claims.deadline-warning", 1);
        assertEquals(1, requests.size());
        JsonNode r = requests.get(0);
        assertEquals("TENANT", r.get("recipient").get("kind").asText());
        assertEquals("claim-deadline", r.get("purpose").asText());
        assertFalse(r.get("critical").asBoolean());
        JsonNode data = r.get("data");
        assertEquals("NOTIFY_OVERDUE", data.get("deadline").asText());
        assertEquals(T.plusDays(5).toString(), data.get("deadlineDate").asText());
        assertEquals(5, data.get("daysLeft").asInt());
        assertEquals("INV-1", data.get("invoiceNumber").asText());
        assertEquals("Zhejiang Trading", data.get("buyerName").asText());
        assertEquals("China Export & Credit Insurance", data.get("insurer").asText());
        List<JsonNode> warned = events(WARNING, s.tenant(), 1);
        assertEquals(1, warned.size());
        assertEquals(s.invoiceId(), warned.get(0).get("invoiceId").asText());
        assertEquals("NOTIFY_OVERDUE", warned.get(0).get("deadline").asText());
        assertEquals(r.get("requestId").asText(), warned.get(0).get("requestId").asText());

        // the same date again does nothing; the next day warns the next deadline, not the first again
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/insurance-deadlines?asOf=" + T).then().statusCode(200)
                .body("firstRun", equalTo(false));
        run(T.plusDays(1));
        assertEquals(1, recorded(WARNING, s.tenant(), "NOTIFY_OVERDUE"), "warned once");
        assertEquals(1, recorded(WARNING, s.tenant(), "STOP_DELIVERIES"));
        assertEquals(2, recorded(WARNING, s.tenant(), null));
        assertEquals(2, requests(s.tenant(), "claims.deadline-warning", 2).size());

        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s)).then().statusCode(200)
                .body("total", equalTo(4),
                        "items.kind", contains("NOTIFY_OVERDUE", "STOP_DELIVERIES", "TRANSFER_TO_COLLECTOR", "FILE_CLAIM"),
                        "items.deadline", contains(T.plusDays(5).toString(), T.plusDays(6).toString(),
                                T.plusDays(25).toString(), T.plusDays(115).toString()),
                        "items.state", contains("WARNED", "WARNED", "UPCOMING", "UPCOMING"),
                        "items.warnedOn", contains(T.toString(), T.plusDays(1).toString(), null, null),
                        "items[0].extendedTo", equalTo(T.minusDays(5).toString()));
    }

    @Test
    void notifiedInTimeTheOverdueAndStopDeliveriesDeadlinesAreMetAndNothingIsMissed() {
        Insured s = insured(T.minusDays(MEP + 5));
        given().auth().oauth2(token(s.tenant(), "credit-manager")).contentType(ContentType.JSON).body(Map.of())
                .post(POLICIES + "/" + s.policyId() + "/buyers/" + s.buyer() + "/overdue-notifications").then()
                .statusCode(201);
        run(T.plusDays(7));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s)).then().statusCode(200)
                .body("items.state", contains("MET", "MET", "UPCOMING", "UPCOMING"),
                        "items.metBy", contains("OVERDUE_NOTIFIED", "STOP_DELIVERIES_STARTED", null, null),
                        "items.metOn", contains(T.toString(), T.toString(), null, null));
        assertEquals(0, recorded(MISSED, s.tenant(), null));
        assertEquals(0.0, missedMetric(s.tenant(), "NOTIFY_OVERDUE"));
    }

    /**
     * Notified today, deliveries from today on are at the tenant's risk: INV-2, issued today and overdue on T+61, is
     * uninsured in the exposure API and so gets no deadline (it got the four, then warnings and a critical "notify
     * overdue missed", the job splitting the exposure without the stop-deliveries date).
     */
    @Test
    void anInvoiceIssuedFromTheStopDeliveriesDateOnGetsNoDeadlines() {
        Insured s = insured(T.minusDays(MEP + 5));
        given().auth().oauth2(token(s.tenant(), "credit-manager")).contentType(ContentType.JSON).body(Map.of())
                .post(POLICIES + "/" + s.policyId() + "/buyers/" + s.buyer() + "/overdue-notifications").then()
                .statusCode(201).body("stopDeliveriesFrom", equalTo(T.toString()));
        String later = issue(s.tenant(), s.buyer(), "INV-2", T.plusDays(60));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(POLICIES + "/" + s.policyId() + "/buyers/" + s.buyer()
                + "/exposure?asOf=" + T.plusDays(61)).then().statusCode(200)
                .body("invoices.find { it.invoiceNumber == 'INV-2' }.afterStopDeliveries", equalTo(true),
                        "invoices.find { it.invoiceNumber == 'INV-2' }.insured.amount", equalTo("0.00"));
        run(T.plusDays(61));
        assertEquals(0, Database.count("select count(*) from insured_deadline where invoice_id = ?::uuid", later));
        assertEquals(4, Database.count("select count(*) from insured_deadline where invoice_id = ?::uuid",
                s.invoiceId()), "INV-1, delivered before the stop, keeps its deadlines");
    }

    /**
     * Never notified: INV-1 due T-80 (its MEP ended T-20) had to be notified by T-10, and deliveries are uninsured from T-9 all the same
     * (domain.StopDeliveries). INV-2, delivered on T-5, is uninsured once the job finds the stop-deliveries deadline
     * missed, and credit-service is told by stop-deliveries-started (cause DEADLINE_MISSED). It stayed insured in the
     * exposure, the credit check and a claim for as long as the tenant did not notify.
     */
    @Test
    void neverNotifiedDeliveriesAreUninsuredFromTheMissedStopDeliveriesDeadline() {
        Insured s = insured(T.minusDays(MEP + 20));
        String later = issue(s.tenant(), s.buyer(), "INV-2", T.plusDays(55));
        String exposure = POLICIES + "/" + s.policyId() + "/buyers/" + s.buyer() + "/exposure?asOf=" + T.plusDays(10);
        given().auth().oauth2(token(s.tenant(), "viewer")).get(exposure).then().statusCode(200)
                .body("insured.amount", equalTo("80000.00"));
        run(T.plusDays(10));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(exposure).then().statusCode(200)
                .body("stopDeliveriesFrom", equalTo(T.minusDays(9).toString()), "insured.amount", equalTo("40000.00"),
                        "invoices.find { it.invoiceId == '" + later + "' }.afterStopDeliveries", equalTo(true));
        List<JsonNode> stops = events("io.tradecredit.claims.stop-deliveries-started.v1", s.tenant(), 1);
        assertEquals(1, stops.size());
        assertEquals("DEADLINE_MISSED", stops.get(0).get("cause").asText());
        assertEquals(T.minusDays(9).toString(), stops.get(0).get("from").asText());
        assertEquals(s.buyer(), stops.get(0).get("buyerId").asText());
        assertEquals(1, Database.count("select count(*) from insured_deadline where id = ?::uuid and kind = 'STOP_DELIVERIES'"
                + " and state = 'MISSED'", stops.get(0).get("notificationId").asText()), "the missed deadline names it");
    }

    /**
     * DOMAIN §4: the MEP is how long past the original due date the tenant may wait before telling the insurer. INV-1
     * due T-30 under MEP 60 need not be notified before the MEP ends on T+30: notify by T+40, deliveries uninsured from
     * T+41, transfer by T+60, claim by T+150. On T+15 nothing is missed and INV-2, delivered on T+10, is insured
     * (counted from the due date, notify T-20, stop T-19 and transfer T were missed on T+15, critical messages went out,
     * and the missed stop made INV-2 uninsured in the exposure and credit-service's check).
     */
    @Test
    void anInvoiceWithinItsMepNeedsNoNotificationYetAndLaterDeliveriesStayInsured() {
        Insured s = insured(T.minusDays(30));
        String later = issue(s.tenant(), s.buyer(), "INV-2", T.plusDays(70));
        run(T.plusDays(15));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s)).then().statusCode(200)
                .body("items.kind", contains("NOTIFY_OVERDUE", "STOP_DELIVERIES", "TRANSFER_TO_COLLECTOR", "FILE_CLAIM"),
                        "items.deadline", contains(T.plusDays(40).toString(), T.plusDays(41).toString(),
                                T.plusDays(60).toString(), T.plusDays(150).toString()),
                        "items.state", contains("UPCOMING", "UPCOMING", "UPCOMING", "UPCOMING"),
                        "items[0].dueDate", equalTo(T.minusDays(30).toString()),
                        "items[0].extendedTo", equalTo(T.plusDays(30).toString()));
        assertEquals(0, recorded(MISSED, s.tenant(), null));
        assertEquals(0, recorded("io.tradecredit.claims.stop-deliveries-started.v1", s.tenant(), null));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(POLICIES + "/" + s.policyId() + "/buyers/" + s.buyer()
                + "/exposure?asOf=" + T.plusDays(15)).then().statusCode(200)
                .body("stopDeliveriesFrom", equalTo(null), "insured.amount", equalTo("80000.00"),
                        "invoices.find { it.invoiceId == '" + later + "' }.afterStopDeliveries", equalTo(false));
    }

    /** A deadline row as the job recorded it before session 30, counted from the due date. */
    static void recordedBeforeV18(Insured s, LocalDate due, DeadlineKindDay d, String state, LocalDate missedOn) {
        Database.execute("""
                insert into insured_deadline (id, tenant_id, policy_id, buyer_id, invoice_id, invoice_number, kind, due_date,
                    extended_to, deadline, state, missed_on)
                values (?::uuid, ?, ?::uuid, ?::uuid, ?::uuid, 'INV-1', ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(),
                s.tenant(), s.policyId(), s.buyer(), s.invoiceId(), d.kind(), due, due, d.day(), state, missedOn);
    }

    record DeadlineKindDay(String kind, LocalDate day) {
    }

    static void migrateV18() {
        try (var in = DeadlinesJobTest.class.getClassLoader().getResourceAsStream("db/migration/V18__deadlines_from_mep.sql")) {
            Database.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * V18 moves the deadlines recorded before from the due date to the MEP's end. INV-1 due T-30 (MEP to T+30): its
     * notify (T-20) and stop-deliveries (T-19) found missed on T+16 were never missed (now T+40, T+41): UPCOMING again,
     * and deliveries from T-19 are insured again. INV-1 of another buyer, due T-100 (MEP to T-40), found missed on
     * T+16: notify T-90 → T-30 still missed, and its stop starts on T-29, not T-89. Run twice, it moves nothing more.
     */
    @Test
    void theMigrationMovesDeadlinesRecordedFromTheDueDateAndReopensThoseNeverMissed() {
        Insured within = insured(T.minusDays(30));
        recordedBeforeV18(within, T.minusDays(30), new DeadlineKindDay("NOTIFY_OVERDUE", T.minusDays(20)), "MISSED",
                T.plusDays(16));
        recordedBeforeV18(within, T.minusDays(30), new DeadlineKindDay("STOP_DELIVERIES", T.minusDays(19)), "MISSED",
                T.plusDays(16));
        recordedBeforeV18(within, T.minusDays(30), new DeadlineKindDay("TRANSFER_TO_COLLECTOR", T), "WARNED", null);
        recordedBeforeV18(within, T.minusDays(30), new DeadlineKindDay("FILE_CLAIM", T.plusDays(90)), "UPCOMING", null);
        Insured past = insured(T.minusDays(100));
        recordedBeforeV18(past, T.minusDays(100), new DeadlineKindDay("NOTIFY_OVERDUE", T.minusDays(90)), "MISSED",
                T.plusDays(16));
        recordedBeforeV18(past, T.minusDays(100), new DeadlineKindDay("STOP_DELIVERIES", T.minusDays(89)), "MISSED",
                T.plusDays(16));
        String exposure = "/exposure?asOf=" + T.plusDays(16);
        given().auth().oauth2(token(within.tenant(), "viewer")).get(POLICIES + "/" + within.policyId() + "/buyers/"
                + within.buyer() + exposure).then().statusCode(200).body("stopDeliveriesFrom", equalTo(T.minusDays(19).toString()));

        migrateV18();
        migrateV18();

        given().auth().oauth2(token(within.tenant(), "viewer")).get(deadlines(within)).then().statusCode(200)
                .body("items.kind", contains("NOTIFY_OVERDUE", "STOP_DELIVERIES", "TRANSFER_TO_COLLECTOR", "FILE_CLAIM"),
                        "items.deadline", contains(T.plusDays(40).toString(), T.plusDays(41).toString(),
                                T.plusDays(60).toString(), T.plusDays(150).toString()),
                        "items.extendedTo", contains(T.plusDays(30).toString(), T.plusDays(30).toString(),
                                T.plusDays(30).toString(), T.plusDays(30).toString()),
                        "items.state", contains("UPCOMING", "UPCOMING", "UPCOMING", "UPCOMING"),
                        "items.missedOn", contains(null, null, null, null));
        given().auth().oauth2(token(within.tenant(), "viewer")).get(POLICIES + "/" + within.policyId() + "/buyers/"
                + within.buyer() + exposure).then().statusCode(200).body("stopDeliveriesFrom", equalTo(null),
                        "insured.amount", equalTo("40000.00"));
        given().auth().oauth2(token(past.tenant(), "viewer")).get(deadlines(past)).then().statusCode(200)
                .body("items.deadline", contains(T.minusDays(30).toString(), T.minusDays(29).toString()),
                        "items.state", contains("MISSED", "MISSED"),
                        "items.missedOn", contains(T.plusDays(16).toString(), T.plusDays(16).toString()));
        given().auth().oauth2(token(past.tenant(), "viewer")).get(POLICIES + "/" + past.policyId() + "/buyers/"
                + past.buyer() + exposure).then().statusCode(200).body("stopDeliveriesFrom", equalTo(T.minusDays(29).toString()));
    }

    static void migrateV19() {
        try (var in = DeadlinesJobTest.class.getClassLoader().getResourceAsStream(
                "db/migration/V19__stop_deliveries_withdrawn.sql")) {
            Database.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Before V18 a stop-deliveries deadline counted from the due date was found missed and published as
     * stop-deliveries-started (cause DEADLINE_MISSED); V18 reopened it or moved it, and credit-service kept the early
     * stop. After V19 each such buyer's stop as it stands now is published once, as stop-deliveries-withdrawn: INV-1 due
     * T-30, stop missed T-19 and reopened (now T+41) → none stands; INV-1 due T-100, stop missed T-89 and still missed
     * on its corrected day T-29 → T-29, DEADLINE_MISSED; INV-1 due T-30, stop T-19 reopened, notified today → today,
     * NOTIFIED. Without it nothing told credit-service, whose check went on saying "stop-deliveries since" T-19 / T-89.
     */
    @Test
    void aStopTheCorrectedDeadlinesNoLongerStandByIsWithdrawnOnceAfterTheUpgrade() {
        Insured reopened = insured(T.minusDays(30));
        recordedBeforeV18(reopened, T.minusDays(30), new DeadlineKindDay("STOP_DELIVERIES", T.minusDays(19)), "MISSED",
                T.plusDays(16));
        Insured moved = insured(T.minusDays(100));
        recordedBeforeV18(moved, T.minusDays(100), new DeadlineKindDay("STOP_DELIVERIES", T.minusDays(89)), "MISSED",
                T.plusDays(16));
        Insured notified = insured(T.minusDays(30));
        recordedBeforeV18(notified, T.minusDays(30), new DeadlineKindDay("STOP_DELIVERIES", T.minusDays(19)), "MISSED",
                T.plusDays(16));
        String notificationId = given().auth().oauth2(token(notified.tenant(), "credit-manager"))
                .contentType(ContentType.JSON).body(Map.of()).post(POLICIES + "/" + notified.policyId() + "/buyers/"
                        + notified.buyer() + "/overdue-notifications").then().statusCode(201).extract().path("id");

        migrateV18();
        migrateV19();

        JsonNode none = events(WITHDRAWN, reopened.tenant(), 1).get(0);
        assertEquals(reopened.policyId(), none.get("policyId").asText());
        assertEquals(reopened.buyer(), none.get("buyerId").asText());
        assertTrue(none.get("from").isNull(), none.toString());
        assertTrue(none.get("notificationId").isNull(), none.toString());
        assertTrue(none.get("cause").isNull(), none.toString());
        assertEquals("DEADLINES_CORRECTED", none.get("reason").asText());
        JsonNode later = events(WITHDRAWN, moved.tenant(), 1).get(0);
        assertEquals(T.minusDays(29).toString(), later.get("from").asText());
        assertEquals("DEADLINE_MISSED", later.get("cause").asText());
        assertEquals(1, Database.count("select count(*) from insured_deadline where id = ?::uuid and kind = 'STOP_DELIVERIES'"
                + " and state = 'MISSED' and deadline = ?", later.get("notificationId").asText(), T.minusDays(29)));
        JsonNode byNotification = events(WITHDRAWN, notified.tenant(), 1).get(0);
        assertEquals(T.toString(), byNotification.get("from").asText());
        assertEquals("NOTIFIED", byNotification.get("cause").asText());
        assertEquals(notificationId, byNotification.get("notificationId").asText());
        await("the due buyers published", () -> Database.count("select count(*) from stop_deliveries_due where tenant_id"
                + " in (?, ?, ?)", reopened.tenant(), moved.tenant(), notified.tenant()) == 0);
        for (Insured s : List.of(reopened, moved, notified)) {
            assertEquals(1, recorded(WITHDRAWN, s.tenant(), null), "published once");
        }
    }

    @Test
    void aDeadlinePassedUnmetIsMissedWithACriticalRequestAnEventAndTheMetricOnce() {
        // due 80 days ago, its MEP ended 20 days ago: notify by T-10, deliveries uninsured from T-9, transfer by T+10
        Insured s = insured(T.minusDays(MEP + 20));
        assertEquals(0.0, missedMetric(s.tenant(), "NOTIFY_OVERDUE"));
        run(T.minusDays(12)); // tracking begins before the deadlines: their misses are told one by one
        run(T.plusDays(3));
        List<JsonNode> requests = requests(s.tenant(), "claims.deadline-missed", 2);
        assertEquals(2, requests.size());
        assertTrue(requests.stream().allMatch(r -> r.get("critical").asBoolean()));
        assertTrue(requests.stream().noneMatch(r -> r.get("data").has("daysLeft")));
        assertEquals(List.of("NOTIFY_OVERDUE", "STOP_DELIVERIES"),
                requests.stream().map(r -> r.get("data").get("deadline").asText()).sorted().toList());
        List<JsonNode> missed = events(MISSED, s.tenant(), 2);
        assertEquals(2, missed.size());
        assertEquals(T.plusDays(3).toString(), missed.get(0).get("missedOn").asText());
        assertEquals(1.0, missedMetric(s.tenant(), "NOTIFY_OVERDUE"));
        assertEquals(1.0, missedMetric(s.tenant(), "STOP_DELIVERIES"));
        assertEquals(0.0, missedMetric(s.tenant(), "TRANSFER_TO_COLLECTOR"));

        run(T.plusDays(4));
        assertEquals(2, recorded(MISSED, s.tenant(), null), "a miss is told once");
        assertEquals(1.0, missedMetric(s.tenant(), "NOTIFY_OVERDUE"));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(POLICIES + "/" + s.policyId() + "/deadlines?state=MISSED")
                .then().statusCode(200).body("total", equalTo(2), "items.kind", contains("NOTIFY_OVERDUE",
                        "STOP_DELIVERIES"), "items.missedOn", contains(T.plusDays(3).toString(), T.plusDays(3).toString()));
    }

    @Test
    void aPaidInvoiceEndsItsDeadlinesAndAPlanWithinTheMepBringsNoneForward() {
        Insured s = insured(T.minusDays(MEP + 5));
        String planned = issue(s.tenant(), s.buyer(), "INV-2", T.minusDays(20));
        Map<String, Object> plan = agreePlanToTPlus20(s, planned);

        run(T.plusDays(2));
        // INV-1: notify by T+5 and stop by T+6 warned; INV-2 due T-20, under a plan to T+20 within its MEP (to T+40):
        // notify by T+50, stop T+51, transfer T+70, claim T+160 (the plan's end made them T+30, T+31, T+50, T+140)
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s) + "?state=WARNED").then().statusCode(200)
                .body("items.invoiceNumber", contains("INV-1", "INV-1"));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s)).then().statusCode(200)
                .body("items.findAll { it.invoiceNumber == 'INV-2' }.deadline", contains(T.plusDays(50).toString(),
                        T.plusDays(51).toString(), T.plusDays(70).toString(), T.plusDays(160).toString()),
                        "items.find { it.invoiceNumber == 'INV-2' }.extendedTo", equalTo(T.plusDays(40).toString()));

        Map<String, Object> payment = new HashMap<>();
        payment.put("paymentId", UUID.randomUUID().toString());
        payment.put("buyerId", s.buyer());
        payment.put("amount", money("40000.00", "CNY"));
        payment.put("receivedOn", T.toString());
        payment.put("allocations", List.of(Map.of("invoiceId", s.invoiceId(), "invoiceNumber", "INV-1", "amount",
                money("40000.00", "CNY"), "openAmount", money("0.00", "CNY"))));
        payment.put("unallocated", money("0.00", "CNY"));
        payment.put("buyerCreditBalance", money("0.00", "CNY"));
        Topics.sendEvent("invoice-events", s.tenant(), "invoice", "payment-received", s.buyer(),
                UUID.randomUUID().toString(), payment);
        await("the payment", () -> Database.count("select count(*) from open_invoice where invoice_id = ?::uuid"
                + " and open_amount = 0", s.invoiceId()) == 1);

        run(T.plusDays(5));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s)).then().statusCode(200)
                .body("items.findAll { it.invoiceNumber == 'INV-1' }.state", contains("MET", "MET", "MET", "MET"),
                        "items.findAll { it.invoiceNumber == 'INV-1' }.metBy", contains("PAID", "PAID", "PAID", "PAID"),
                        "items.findAll { it.invoiceNumber == 'INV-2' }.state", contains("UPCOMING", "UPCOMING",
                                "UPCOMING", "UPCOMING"));
        assertEquals(0, recorded(MISSED, s.tenant(), null));

        // the plan breaks on T+6: the read model keeps the day; the insurer's deadlines still count from the MEP
        Map<String, Object> broken = new HashMap<>();
        broken.put("planId", plan.get("planId"));
        broken.put("buyerId", s.buyer());
        broken.put("invoiceIds", List.of(planned));
        broken.put("reason", "instalment 1 missed");
        broken.put("openAmount", money("40000.00", "CNY"));
        broken.put("asOf", T.plusDays(6).toString());
        Topics.sendEvent("invoice-events", s.tenant(), "invoice", "plan-broken", s.buyer(), UUID.randomUUID().toString(),
                broken);
        await("the broken plan", () -> Database.count("select count(*) from open_invoice where invoice_id = ?::uuid"
                + " and plan_until = ?", planned, T.plusDays(6)) == 1);
    }

    @Test
    void aPlanEndedEarlyBringsNoDeadlineBeforeTheEndOfTheMep() {
        // INV-2 due T-5 under a plan to T+20, its principal settled on T+1: if the payment that settled it bounces, the
        // insurer's deadlines still count from the end of the MEP, T+55 (they counted from T+1: notify by T+11)
        Insured s = insured(T.minusDays(MEP + 5));
        String planned = issue(s.tenant(), s.buyer(), "INV-2", T.minusDays(5));
        Map<String, Object> plan = agreePlanToTPlus20(s, planned);
        Topics.sendEvent("invoice-events", s.tenant(), "invoice", "plan-completed", s.buyer(),
                UUID.randomUUID().toString(), Map.of("planId", plan.get("planId"), "buyerId", s.buyer(),
                        "invoiceIds", List.of(planned), "asOf", T.plusDays(1).toString()));
        await("the completed plan", () -> Database.count("select count(*) from open_invoice where invoice_id = ?::uuid"
                + " and plan_until = ?", planned, T.plusDays(1)) == 1);
        run(T.plusDays(6)); // a date no other test runs (a date is run once)
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s)).then().statusCode(200)
                .body("items.findAll { it.invoiceNumber == 'INV-2' }.deadline", contains(T.plusDays(65).toString(),
                        T.plusDays(66).toString(), T.plusDays(85).toString(), T.plusDays(175).toString()),
                        "items.find { it.invoiceNumber == 'INV-2' }.extendedTo", equalTo(T.plusDays(55).toString()));
    }

    /** A plan over {@code invoice} of two instalments of 20,000.00, due T+10 and T+20. */
    private static Map<String, Object> agreePlanToTPlus20(Insured s, String invoice) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("planId", UUID.randomUUID().toString());
        plan.put("buyerId", s.buyer());
        plan.put("invoiceIds", List.of(invoice));
        plan.put("principal", money("40000.00", "CNY"));
        plan.put("interest", money("0.00", "CNY"));
        plan.put("instalments", List.of(
                Map.of("number", 1, "dueDate", T.plusDays(10).toString(), "amount", money("20000.00", "CNY")),
                Map.of("number", 2, "dueDate", T.plusDays(20).toString(), "amount", money("20000.00", "CNY"))));
        Topics.sendEvent("invoice-events", s.tenant(), "invoice", "payment-plan-agreed", s.buyer(),
                UUID.randomUUID().toString(), plan);
        await("the plan", () -> Database.count("select count(*) from open_invoice where invoice_id = ?::uuid"
                + " and plan_until is not null", invoice) == 1);
        return plan;
    }

    @Test
    void aClaimSubmittedInTimeMeetsTheTransferAndTheLastDayToClaimByNumber() {
        // due 65 days ago, its MEP ended 5 days ago: transfer by T+25, claim by T+115; the claim names the invoice by
        // its number only
        Insured s = insured(T.minusDays(MEP + 5));
        String cm = token(s.tenant(), "credit-manager");
        String claim = given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("policyId", s.policyId(),
                "buyerId", s.buyer(), "buyerName", "Zhejiang Trading", "cause", "INSOLVENCY", "invoices",
                List.of(Map.of("invoiceNumber", "INV-1", "unpaidAmount", money("40000.00", "CNY")))))
                .post("/api/v1/insurance/claims").then().statusCode(201).extract().path("id");
        run(T.plusDays(8));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s)).then().statusCode(200)
                .body("items.state", contains("MISSED", "MISSED", "UPCOMING", "UPCOMING"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "SUBMITTED"))
                .put("/api/v1/insurance/claims/" + claim + "/state").then().statusCode(200);
        run(T.plusDays(9));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s)).then().statusCode(200)
                .body("items.kind", contains("NOTIFY_OVERDUE", "STOP_DELIVERIES", "TRANSFER_TO_COLLECTOR", "FILE_CLAIM"),
                        "items.state", contains("MISSED", "MISSED", "MET", "MET"),
                        "items.metBy", contains(null, null, "CLAIM_FILED", "CLAIM_FILED"),
                        "items.metOn", contains(null, null, T.toString(), T.toString()));
    }

    /** collections-service's handed-to-agency on the real collection-cases topic (sendEvent checks its schema). */
    static void handOver(Insured s, String agencyCode, LocalDate on) {
        String eventId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> m = new HashMap<>();
        m.put("caseId", caseId);
        m.put("buyerId", s.buyer());
        m.put("placementId", UUID.randomUUID().toString());
        m.put("agencyCode", agencyCode);
        m.put("handedOn", on.toString());
        m.put("by", "collector-li");
        m.put("stepKey", null);
        Topics.sendEvent("collection-cases", s.tenant(), "collections", "handed-to-agency", caseId, eventId, m);
        await("the collection record", () -> Database.count("select count(*) from collection_record where event_id = ?",
                eventId) == 1);
    }

    @Test
    void aHandOverToTheNamedCollectorInTimeMeetsTheTransferAndOneToAnotherAgencyDoesNot() {
        // due 65 days ago, its MEP ended 5 days ago: transfer by T+25; the policy's named collector is the agency
        // huaxin-recovery
        Insured toCollector = insured(T.minusDays(MEP + 5));
        Insured toAnother = insured(T.minusDays(MEP + 5));
        handOver(toCollector, "huaxin-recovery", T.plusDays(10));
        handOver(toAnother, "swiftcollect", T.plusDays(10));
        run(T.plusDays(26));
        given().auth().oauth2(token(toCollector.tenant(), "viewer")).get(deadlines(toCollector)).then().statusCode(200)
                .body("items.kind", contains("NOTIFY_OVERDUE", "STOP_DELIVERIES", "TRANSFER_TO_COLLECTOR", "FILE_CLAIM"),
                        "items[2].state", equalTo("MET"), "items[2].metBy", equalTo("HANDED_TO_COLLECTOR"),
                        "items[2].metOn", equalTo(T.plusDays(10).toString()));
        assertEquals(0, recorded(MISSED, toCollector.tenant(), "TRANSFER_TO_COLLECTOR"));
        given().auth().oauth2(token(toAnother.tenant(), "viewer")).get(deadlines(toAnother)).then().statusCode(200)
                .body("items[2].kind", equalTo("TRANSFER_TO_COLLECTOR"), "items[2].state", equalTo("MISSED"),
                        "items[2].missedOn", equalTo(T.plusDays(26).toString()));
        List<JsonNode> missed = read("claim-events", toAnother.tenant(), r -> MISSED.equals(Topics.header(r, "ce_type"))
                && r.value().contains("TRANSFER_TO_COLLECTOR"), 1);
        assertEquals(1, missed.size());
        assertEquals(1.0, missedMetric(toAnother.tenant(), "TRANSFER_TO_COLLECTOR"));
    }

    /** The tenant's outbox rows of notification requests with the template. */
    static long requested(String tenant, String template) {
        return Database.count("select count(*) from outbox where tenant_id = ? and payload::jsonb ->> 'templateKey' = ?",
                tenant, template);
    }

    @Test
    void theFirstRunTellsDeadlinesMissedBeforeTrackingInOneSummaryNotOneByOne() {
        // the job first runs for the policy on F. INV-1 due F-100 (MEP to F-40): notify by F-30, stop F-29, transfer
        // F-10 (all missed before tracking), claim F+80. INV-2 due F-71 (MEP to F-11): notify by F-1, missed as the
        // first run sees it.
        LocalDate f = T.plusDays(40);
        Insured s = insured(f.minusDays(MEP + 40));
        issue(s.tenant(), s.buyer(), "INV-2", f.minusDays(MEP + 11));
        run(f);

        List<JsonNode> summaries = requests(s.tenant(), "claims.deadlines-missed-before-tracking", 1);
        assertEquals(1, summaries.size());
        JsonNode summary = summaries.get(0);
        assertTrue(summary.get("critical").asBoolean());
        assertEquals("TENANT", summary.get("recipient").get("kind").asText());
        assertEquals(3, summary.get("data").get("missed").asInt());
        assertEquals(f.toString(), summary.get("data").get("asOf").asText());
        JsonNode policy = summary.get("data").get("policies").get(0);
        assertEquals(3, policy.get("missed").asInt());
        assertEquals(1, policy.get("byKind").get("TRANSFER_TO_COLLECTOR").asInt());
        assertEquals(f.minusDays(30).toString(), policy.get("oldestDeadline").asText());

        List<JsonNode> oneByOne = requests(s.tenant(), "claims.deadline-missed", 1);
        assertEquals(1, oneByOne.size(), "only the deadline of the day before the first run is told on its own");
        assertEquals("INV-2", oneByOne.get(0).get("data").get("invoiceNumber").asText());
        assertEquals(1, recorded(MISSED, s.tenant(), null));
        assertEquals(3.0, missedMetric(s.tenant(), "BEFORE_TRACKING"));
        assertEquals(1.0, missedMetric(s.tenant(), "NOTIFY_OVERDUE"));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s) + "?state=MISSED").then().statusCode(200)
                .body("items.invoiceNumber", contains("INV-1", "INV-1", "INV-1", "INV-2"),
                        "items.kind", contains("NOTIFY_OVERDUE", "STOP_DELIVERIES", "TRANSFER_TO_COLLECTOR",
                                "NOTIFY_OVERDUE"),
                        "items.beforeTracking", contains(true, true, true, false),
                        "items.missedOn", contains(f.toString(), f.toString(), f.toString(), f.toString()));

        run(f.plusDays(1));
        assertEquals(1, requested(s.tenant(), "claims.deadlines-missed-before-tracking"), "told once");
        assertEquals(3.0, missedMetric(s.tenant(), "BEFORE_TRACKING"));
    }

    @Test
    void theDeadlinesAreTheTenantsStaffsAndAnotherTenantsPolicyIs404() {
        Insured s = insured(T.minusDays(MEP + 5));
        given().auth().oauth2(token(s.tenant(), "collector")).get(deadlines(s)).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).get(deadlines(s)).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).get(POLICIES + "/" + s.policyId() + "/deadlines")
                .then().statusCode(404);
        given().get(deadlines(s)).then().statusCode(401);
        given().auth().oauth2(token(s.tenant(), "viewer")).get(deadlines(s) + "?state=LATE").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", startsWith("state"));
    }
}
