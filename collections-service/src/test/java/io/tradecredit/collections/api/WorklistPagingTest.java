package io.tradecredit.collections.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.api.CaseFixtures.user;
import static io.tradecredit.collections.api.DunningFixtures.freshTenant;
import static io.tradecredit.collections.api.DunningFixtures.money;
import static io.tradecredit.collections.api.DunningFixtures.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.WorklistPriority;
import io.tradecredit.collections.domain.WorklistPriority.WorkItem;
import io.tradecredit.collections.messaging.ReadModelEvents;
import io.tradecredit.common.money.Money;
import io.tradecredit.testing.Database;

/**
 * The worklist ordered and paged in the database: more entries than a page, every factor of the
 * priority and every tie-break, read page by page and pinned to {@link WorklistPriority} (the rule
 * the SQL copies). Seeded in the tables directly: the cases' own doors are tested elsewhere.
 */
@QuarkusTest
class WorklistPagingTest {
    static final String WORKLIST = "/api/v1/collections/worklist";
    /** 1,000 CNY or 100 USD a point, 500 in any other currency; the other weights the defaults (1, 5, 20, 25). */
    static final WorklistPriority WEIGHTS = new WorklistPriority(Map.of(Money.currencyOf("CNY"), new BigDecimal("1000"),
            Money.currencyOf("USD"), new BigDecimal("100")), new BigDecimal("500"), 1, 5, 20, 25);

    @Test
    void pagesComeInPriorityOrderWithTheTotalAndTheDatabaseOrderIsTheJavaRules() {
        String tenant = freshTenant();
        given().auth().oauth2(user(tenant, "ada", "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("worklist", Map.of("amountPerPoint", List.of(money("1000", "CNY"), money("100", "USD")),
                        "otherAmountPerPoint", 500)))
                .put("/api/v1/collections/terms").then().statusCode(200);
        LocalDate today = today();
        UUID a = caseOf(tenant, null, null);              // 50 + 10 days + grade 3 x 5 = 75
        overdue(tenant, a, "CNY", "50000.00", 10);
        grade(tenant, a, 3);
        UUID b = caseOf(tenant, null, "lena");            // best currency CNY 30 (USD only 20) + 40 days = 70
        overdue(tenant, b, "USD", "2000.00", 5);
        overdue(tenant, b, "CNY", "30000.00", 40);
        UUID c = caseOf(tenant, null, null);              // EUR 10,000 / 500 = 20 + 2 days + 2 broken x 20 = 62
        overdue(tenant, c, "EUR", "10000.00", 2);
        broken(tenant, c, 2);
        UUID d = caseOf(tenant, today, null);             // nothing overdue, action due today: 25
        UUID f = caseOf(tenant, today.plusDays(1), null); // 5 + 20 = 25, next action tomorrow
        overdue(tenant, f, "CNY", "5000.00", 20);
        // three at 25 with 20 days and no next action: by id as PostgreSQL orders uuids (0x7f.. before 0x80..)
        UUID g = caseWithId(tenant, UUID.fromString("10000000-0000-4000-8000-" + suffix()));
        UUID k = caseWithId(tenant, UUID.fromString("7fffffff-0000-4000-8000-" + suffix()));
        UUID j = caseWithId(tenant, UUID.fromString("80000000-0000-4000-8000-" + suffix()));
        for (UUID tie : List.of(g, k, j)) {
            overdue(tenant, tie, "CNY", "5000.00", 20);
        }
        UUID i = caseOf(tenant, null, null);              // 10 + 15 = 25: fewer days after the 20s
        overdue(tenant, i, "CNY", "10000.00", 15);
        UUID h = caseOf(tenant, null, "lena");            // 15 + 10 = 25
        overdue(tenant, h, "CNY", "15000.00", 10);
        UUID e = UUID.randomUUID();                       // only a task, due today: 3 + 3 + 25 = 31 (6 until session 30)
        overdue(tenant, e, "CNY", "3000.00", 3);
        Database.execute("insert into collector_task (tenant_id, id, buyer_id, item_reference, step_key, action_key,"
                + " due_on, created_at) values (?, ?, ?, 'inv', 'reason-call', 'task.call-to-confirm-reason', ?, ?)",
                tenant, UUID.randomUUID(), e, today, OffsetDateTime.now());
        // not listed: a closed case, another tenant's case
        UUID closed = caseOf(tenant, null, null);
        overdue(tenant, closed, "CNY", "90000.00", 90);
        Database.execute("update collection_case set state = 'CLOSED', close_reason = 'PAID', closed_on = ? where"
                + " tenant_id = ? and buyer_id = ?", today, tenant, closed);
        overdue(freshTenant(), caseOf(freshTenant(), null, null), "CNY", "1.00", 1);

        String viewer = user(tenant, "vic", "viewer");
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath p = given().auth().oauth2(viewer).queryParams("page", page, "size", 4).get(WORKLIST).then()
                    .statusCode(200).body("total", equalTo(11), "page", equalTo(page), "size", equalTo(4))
                    .extract().jsonPath();
            all.addAll(p.getList("items"));
            assertEquals(page < 2 ? 4 : 3, p.getList("items").size(), "page " + page);
        }
        given().auth().oauth2(viewer).queryParams("page", 3, "size", 4).get(WORKLIST).then().statusCode(200)
                .body("items", empty(), "total", equalTo(11));

        List<UUID> expected = List.of(a, b, c, e, d, f, g, k, j, i, h);
        assertEquals(expected, all.stream().map(x -> UUID.fromString((String) x.get("buyerId"))).toList());
        assertEquals(List.of(75, 70, 62, 31, 25, 25, 25, 25, 25, 25, 25), all.stream().map(x -> x.get("points")).toList());

        // the pin: the same entries ordered by the Java rule, each in its best currency, come in the database's order
        List<WorkItem> items = new ArrayList<>();
        Map<UUID, UUID> buyerOfKey = new HashMap<>();
        for (Map<String, Object> x : all) {
            items.add(workItem(x, today, buyerOfKey));
        }
        assertEquals(expected, WEIGHTS.order(items, today).stream().map(r -> buyerOfKey.get(r.item().caseId())).toList());

        // one collector's cases, paged alike
        given().auth().oauth2(viewer).queryParams("owner", "lena", "page", 1, "size", 1).get(WORKLIST).then()
                .body("total", equalTo(2), "items.buyerId", contains(h.toString()));
    }

    /**
     * A buyer keeping its payment plan is ranked by what is overdue under the plan, not by its invoice's original due
     * date: 3,000.00 due 118 days ago, spread over three instalments of 1,000.00 (10 days ago, in 20 and in 50 days).
     * With instalment 1 paid nothing is overdue (0 points, 0 days: it came top with 118 days until session 29); with
     * nothing paid instalment 1 is overdue, 1,000.00 for 10 days (1 + 10 = 11); a buyer owing 5,000.00 for 30 days
     * without a plan (5 + 30 = 35) comes first.
     */
    @Test
    void aBuyerKeepingItsPlanIsRankedByWhatIsOverdueUnderThePlanNotByItsInvoicesDueDates() {
        String tenant = freshTenant();
        LocalDate today = today();
        UUID plain = caseOf(tenant, null, null);
        overdue(tenant, plain, "CNY", "5000.00", 30);
        UUID keeping = caseOf(tenant, null, null);
        String invoice = UUID.randomUUID().toString();
        String keepingPlan = planOf(tenant, keeping, invoice, today);
        UUID owing = caseOf(tenant, null, null);
        planOf(tenant, owing, UUID.randomUUID().toString(), today);
        ReadModelEvents.invoice(tenant, keeping.toString(), "payment-received",
                ReadModelEvents.payment("payment-received", keeping.toString(), invoice, "1000.00", "2000.00"));
        ReadModelEvents.await("instalment 1 paid", () -> Database.count("select count(*) from plan_instalment where"
                + " tenant_id = ? and plan_id = ?::uuid and number = 1 and open_amount = 0", tenant, keepingPlan) == 1);

        given().auth().oauth2(user(tenant, "vic", "viewer")).get(WORKLIST).then().statusCode(200)
                .body("items.buyerId", contains(plain.toString(), owing.toString(), keeping.toString()),
                        "items.points", contains(35, 11, 0), "items.daysPastDue", contains(30, 10, 0),
                        "items[1].overdue.amount", contains("1000.00"), "items[2].overdue", empty());
    }

    /**
     * A broken plan's invoice counts from its own due date again (docs "What a buyer owes overdue"; DOMAIN §3: the
     * instalment dates replaced the due date only while the plan held, and the letters quote the invoice's due date
     * and days overdue): 3,000.00 due 118 days ago under three instalments of 1,000.00 (10 days ago, in 20, in 50),
     * nothing paid, ranks by instalment 1, 1 + 10 = 11; broken, the whole 3,000.00 for 118 days, and the case is
     * back with its collector today: 3 + 118 + 25 = 146.
     */
    @Test
    void aBrokenPlansInvoiceIsOverdueFromItsOwnDueDateAgain() {
        String tenant = freshTenant();
        LocalDate today = today();
        UUID buyer = caseOf(tenant, null, null);
        String invoice = UUID.randomUUID().toString();
        String plan = planOf(tenant, buyer, invoice, today);
        String viewer = user(tenant, "vic", "viewer");
        given().auth().oauth2(viewer).get(WORKLIST).then().statusCode(200)
                .body("items.points", contains(11), "items.daysPastDue", contains(10), "items[0].overdue.amount",
                        contains("1000.00"));

        ReadModelEvents.invoice(tenant, buyer.toString(), "plan-broken",
                ReadModelEvents.planBroken(buyer.toString(), plan, invoice));
        ReadModelEvents.await("plan broken", () -> Database.count("select count(*) from collection_case where tenant_id = ?"
                + " and buyer_id = ? and next_action_on is not null", tenant, buyer) == 1);
        given().auth().oauth2(viewer).get(WORKLIST).then().statusCode(200)
                .body("items.daysPastDue", contains(118), "items[0].overdue.amount", contains("3000.00"),
                        "items.points", contains(BusinessCalendar.DEFAULT.isWorkingDay(today) ? 146 : 121));
    }

    /** {@code invoice}: 3,000.00 due 118 days ago under a plan of three instalments of 1,000.00 (10 days ago, in 20, in 50); its id. */
    private static String planOf(String tenant, UUID buyer, String invoice, LocalDate today) {
        String plan = UUID.randomUUID().toString();
        ReadModelEvents.invoice(tenant, buyer.toString(), "issued",
                ReadModelEvents.issued(buyer.toString(), invoice, "3000.00", today.minusDays(118)));
        ReadModelEvents.await("issued", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, invoice) == 1);
        ReadModelEvents.invoice(tenant, buyer.toString(), "payment-plan-agreed", Map.of("planId", plan, "buyerId",
                buyer.toString(), "invoiceIds", List.of(invoice), "principal", ReadModelEvents.money("3000.00"),
                "interest", ReadModelEvents.money("0.00"), "instalments", List.of(instalment(1, today.minusDays(10)),
                        instalment(2, today.plusDays(20)), instalment(3, today.plusDays(50)))));
        ReadModelEvents.await("plan agreed", () -> Database.count("select count(*) from plan_instalment where tenant_id = ?"
                + " and plan_id = ?::uuid and open_amount is not null", tenant, plan) == 3);
        return plan;
    }

    private static Map<String, Object> instalment(int number, LocalDate due) {
        return Map.of("number", number, "dueDate", due.toString(), "amount", ReadModelEvents.money("1000.00"));
    }

    @SuppressWarnings("unchecked")
    private static WorkItem workItem(Map<String, Object> x, LocalDate today, Map<UUID, UUID> buyerOfKey) {
        Map<String, Object> file = (Map<String, Object>) x.get("caseFile");
        UUID buyer = UUID.fromString((String) x.get("buyerId"));
        UUID key = file == null ? buyer : UUID.fromString((String) file.get("id"));
        buyerOfKey.put(key, buyer);
        LocalDate planned = file == null || file.get("nextActionOn") == null ? null
                : LocalDate.parse((String) file.get("nextActionOn"));
        // the buyer's next action: its case's or its open tasks' due day, the earlier
        LocalDate next = WorklistPriority.nextActionOn(file == null ? null : CaseState.valueOf((String) file.get("state")),
                planned, ((List<Map<String, String>>) x.get("openTasks")).stream()
                .map(t -> LocalDate.parse(t.get("dueOn"))).toList());
        List<Money> owed = ((List<Map<String, String>>) x.get("overdue")).stream()
                .map(m -> Money.of(m.get("amount"), m.get("currency"))).toList();
        Integer grade = (Integer) x.get("grade");
        int days = (Integer) x.get("daysPastDue");
        int broken = (Integer) x.get("brokenPromises");
        return (owed.isEmpty() ? List.of(Money.zero("CNY")) : owed).stream()
                .map(m -> new WorkItem(key, m, days, grade, broken, next))
                .max(Comparator.comparingLong(w -> WEIGHTS.pointsOf(w, today))).orElseThrow();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(24);
    }

    /** A new buyer's case (open), with its next action and owner; answers the buyer. */
    private static UUID caseOf(String tenant, LocalDate nextAction, String owner) {
        UUID buyer = UUID.randomUUID();
        insertCase(tenant, UUID.randomUUID(), buyer, nextAction, owner);
        return buyer;
    }

    private static UUID caseWithId(String tenant, UUID caseId) {
        UUID buyer = UUID.randomUUID();
        insertCase(tenant, caseId, buyer, null, null);
        return buyer;
    }

    private static void insertCase(String tenant, UUID id, UUID buyer, LocalDate nextAction, String owner) {
        Database.execute("insert into collection_case (tenant_id, id, buyer_id, state, owner, next_action_on, opened_on)"
                + " values (?, ?, ?, 'IN_PROGRESS', ?, ?, ?)", tenant, id, buyer, owner, nextAction, today().minusDays(1));
    }

    private static void overdue(String tenant, UUID buyer, String currency, String amount, int daysPastDue) {
        LocalDate due = today().minusDays(daysPastDue);
        BigDecimal value = new BigDecimal(amount);
        Database.execute("insert into open_invoice (tenant_id, invoice_id, buyer_id, invoice_number, currency, total,"
                + " open_amount, collectible_amount, issue_date, due_date, updated_at) values (?, ?, ?, 'INV', ?, ?, ?, ?, ?, ?, ?)",
                tenant, UUID.randomUUID(), buyer, currency, value, value, value, due.minusDays(30), due, OffsetDateTime.now());
    }

    private static void grade(String tenant, UUID buyer, int grade) {
        Database.execute("insert into buyer (tenant_id, buyer_id, grade, updated_at) values (?, ?, ?, ?)", tenant, buyer,
                grade, OffsetDateTime.now());
    }

    private static void broken(String tenant, UUID buyer, int times) {
        for (int n = 0; n < times; n++) {
            Database.execute("insert into promise_to_pay (tenant_id, id, case_id, buyer_id, currency, amount, made_on,"
                    + " promised_date, grace_days, deadline, hold_id, outcome, judged_on, made_by) select ?, ?, id, buyer_id,"
                    + " 'EUR', 100, ?, ?, 3, ?, ?, 'BROKEN', ?, 'lena' from collection_case where tenant_id = ? and buyer_id = ?",
                    tenant, UUID.randomUUID(), today().minusDays(30), today().minusDays(20), today().minusDays(17),
                    UUID.randomUUID(), today().minusDays(16), tenant, buyer);
        }
    }
}
