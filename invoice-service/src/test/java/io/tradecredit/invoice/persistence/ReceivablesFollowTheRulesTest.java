package io.tradecredit.invoice.persistence;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.issue;
import static io.tradecredit.invoice.LedgerFixtures.pay;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.LedgerFixtures;
import io.tradecredit.invoice.PaymentFixtures;
import io.tradecredit.invoice.domain.BalanceHistory;
import io.tradecredit.invoice.domain.CollectionKpis;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LateChargeAccount;
import io.tradecredit.invoice.domain.InvoiceSearch;
import io.tradecredit.invoice.domain.InvoiceStanding;
import io.tradecredit.invoice.domain.InvoiceStatus;
import io.tradecredit.invoice.domain.LedgerEntry;
import io.tradecredit.testing.Database;

/**
 * "Owed on a date" and "open on a date" are decided in Java ({@link LateChargeAccount#owedOn},
 * {@link BalanceHistory#openOn}) and, for reports over many invoices, in SQL
 * ({@link ReceivablesRepository#OWED}, {@link ReceivablesRepository#openItems},
 * {@link ReceivablesRepository#creditSales}); an invoice's status on a date in Java
 * ({@link InvoiceStanding}) and in the invoice list's SQL ({@link InvoiceRepository#search}). On the same invoices, for every day around their
 * lives, the SQL must answer what the Java rule answers: the rule is the reference.
 */
@QuarkusTest
class ReceivablesFollowTheRulesTest {
    static final LocalDate TODAY = PlatformZone.today();
    static final LocalDate ISSUED = TODAY.minusDays(40);
    static final LocalDate DUE = TODAY.minusDays(10);

    @Inject
    ReceivablesRepository receivables;

    @Inject
    InvoiceRepository invoices;

    @Inject
    LedgerRepository ledger;

    @Test
    void sqlAgreesWithTheRulesForEveryInvoiceAndDay() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String finance = token(tenant, "finance");
        issue(tenant, buyer, ISSUED, DUE, "1000.00");                                      // untouched
        pay(tenant, issue(tenant, buyer, ISSUED, DUE, "1000.00"), "400.00", ISSUED.plusDays(5));  // part paid
        pay(tenant, issue(tenant, buyer, ISSUED.plusDays(3), DUE, "1000.00"), "1000.00", DUE.minusDays(2)); // paid
        String reversed = issue(tenant, buyer, ISSUED, DUE, "1000.00");                    // paid, then reversed
        String paymentId = PaymentFixtures.post(finance, PaymentFixtures.payment(buyer, "1000.00",
                ISSUED.plusDays(10).toString(), List.of(PaymentFixtures.allocation(reversed, "1000.00"))))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("reason", "bounced"))
                .post("/api/v1/payments/" + paymentId + "/reversal").then().statusCode(200);
        String credited = issue(tenant, buyer, ISSUED.plusDays(1), DUE, "1000.00");       // credit note of 300
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", "300.00", "currency", "CNY"), "reason", "short delivery"))
                .post("/api/v1/invoices/" + credited + "/credit-notes").then().statusCode(201);
        String disputed = issue(tenant, buyer, ISSUED, DUE, "1000.00");                    // 200 disputed
        given().auth().oauth2(token(tenant, "collector")).contentType(ContentType.JSON)
                .body(Map.of("type", "QUALITY", "disputedAmount", Map.of("amount", "200.00", "currency", "CNY"),
                        "description", "scratched", "raisedOn", DUE.minusDays(1).toString()))
                .post("/api/v1/invoices/" + disputed + "/disputes").then().statusCode(201);
        String writtenOff = issue(tenant, buyer, ISSUED, DUE, "1000.00");
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("reason", "insolvent"))
                .post("/api/v1/invoices/" + writtenOff + "/write-off").then().statusCode(200);
        String cancelled = issue(tenant, buyer, ISSUED, DUE, "1000.00");                  // cancelled today
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("reason", "wrong buyer"))
                .post("/api/v1/invoices/" + cancelled + "/cancellation").then().statusCode(200);
        String cancelledUndated = issue(tenant, buyer, ISSUED, DUE, "1000.00");           // cancelled, no date kept
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("reason", "duplicate"))
                .post("/api/v1/invoices/" + cancelledUndated + "/cancellation").then().statusCode(200);
        // a row as an import or an older release may have left it: cancelled, closed_on unknown
        assertEquals(1, Database.count("with u as (update invoice set closed_on = null where id = ? returning 1)"
                + " select count(*) from u", UUID.fromString(cancelledUndated)));
        issue(tenant, buyer, TODAY.plusDays(1), TODAY.plusDays(31), "1000.00");           // issued tomorrow
        issue(tenant, LedgerFixtures.invoice(buyer, ISSUED.plusDays(2), DUE, "500.00", "USD"));     // in USD

        List<Invoice> all = await(() -> invoices.list("tenantId", tenant));
        assertEquals(11, all.size());
        Map<UUID, BalanceHistory> balances = new TreeMap<>();
        Map<UUID, List<LedgerEntry>> ledgers = new TreeMap<>();
        for (Invoice i : all) {
            List<LedgerEntry> entries = await(() -> ledger.ofInvoice(tenant, i.id));
            balances.put(i.id, BalanceHistory.of(i, entries, List.of()));
            ledgers.put(i.id, entries);
        }

        List<String> differences = new ArrayList<>();
        for (LocalDate d = ISSUED.minusDays(1); !d.isAfter(TODAY.plusDays(2)); d = d.plusDays(1)) {
            LocalDate day = d;
            // owed: the SQL predicate itself
            TreeSet<UUID> owedSql = new TreeSet<>(await(() -> owedBySql(tenant, day)));
            TreeSet<UUID> owedJava = new TreeSet<>();
            all.stream().filter(i -> LateChargeAccount.owedOn(i, day)).forEach(i -> owedJava.add(i.id));
            if (!owedSql.equals(owedJava)) {
                differences.add(day + " owed: " + diff(flags(owedSql), flags(owedJava)));
            }
            // open items: owed, with something open at the end of the day, and how much
            Map<UUID, Money> openSql = new TreeMap<>();
            await(() -> receivables.openItems(tenant, null, day)).forEach(o -> openSql.put(o.invoiceId(), o.open()));
            Map<UUID, Money> openJava = new TreeMap<>();
            for (Invoice i : all) {
                Money open = balances.get(i.id).openOn(day);
                if (LateChargeAccount.owedOn(i, day) && open.isPositive()) {
                    openJava.put(i.id, open);
                }
            }
            if (!openSql.equals(openJava)) {
                differences.add(day + " open: " + diff(openSql, openJava));
            }
            // the same, summed per currency and due date by the database (what the reports read)
            Map<String, String> byDueSql = new TreeMap<>();
            await(() -> receivables.openByDueDate(tenant, null, day)).forEach(t -> byDueSql.put(
                    t.open().currencyCode() + " " + t.dueDate(), t.open().amountText() + " in " + t.invoices()));
            Map<String, String> byDueJava = new TreeMap<>();
            for (Invoice i : all) {
                Money open = openJava.get(i.id);
                if (open != null) {
                    byDueJava.merge(i.currency + " " + i.dueDate, open.amountText() + " in 1", ReceivablesFollowTheRulesTest::add);
                }
            }
            if (!byDueSql.equals(byDueJava)) {
                differences.add(day + " open by due date: " + diff(byDueSql, byDueJava));
            }
            // credit sales of the 30 days before: totals of invoices issued in them and owed on the day
            Map<String, Money> salesSql = await(() -> receivables.creditSales(tenant, null, day.minusDays(30), day));
            Map<String, Money> salesJava = new TreeMap<>();
            all.stream().filter(i -> LateChargeAccount.owedOn(i, day) && i.issueDate.isAfter(day.minusDays(30)))
                    .forEach(i -> salesJava.merge(i.currency, i.total(), Money::plus));
            if (!salesSql.equals(salesJava)) {
                differences.add(day + " credit sales: " + diff(salesSql, salesJava));
            }
            // the invoice list by status as of the day: InvoiceStanding's status, in SQL
            for (InvoiceStatus status : InvoiceStatus.values()) {
                Map<UUID, String> listed = new TreeMap<>();
                var criteria = new InvoiceSearch(null, status, null, null, null, null, day, null);
                await(() -> invoices.search(tenant, criteria, 0, 100)).items().forEach(i -> listed.put(i.id, status.name()));
                Map<UUID, String> rule = new TreeMap<>();
                for (Invoice i : all) {
                    InvoiceStanding.of(i, ledgers.get(i.id), List.of(), day).filter(s -> s.status() == status)
                            .ifPresent(s -> rule.put(i.id, status.name()));
                }
                if (!listed.equals(rule)) {
                    differences.add(day + " listed " + status + ": " + diff(listed, rule));
                }
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        // the walk saw each kind of day: owed and open, closed, not yet issued
        assertTrue(balances.values().stream().anyMatch(b -> b.openOn(TODAY).isZero()));
    }

    /** Only what differs: per key, what the SQL says and what the rule says ({@code -} for absent). */
    private static String diff(Map<?, ?> sql, Map<?, ?> rule) {
        Map<String, String> d = new TreeMap<>();
        for (Object k : sql.keySet()) {
            if (!sql.get(k).equals(rule.get(k))) {
                d.put(k.toString(), "sql " + sql.get(k) + ", rule " + (rule.containsKey(k) ? rule.get(k) : "-"));
            }
        }
        for (Object k : rule.keySet()) {
            if (!sql.containsKey(k)) {
                d.put(k.toString(), "sql -, rule " + rule.get(k));
            }
        }
        return d.toString();
    }

    private static Map<UUID, String> flags(Set<UUID> ids) {
        Map<UUID, String> m = new TreeMap<>();
        ids.forEach(id -> m.put(id, "owed"));
        return m;
    }

    private Uni<List<UUID>> owedBySql(String tenant, LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select i.id from invoice i where "
                + ReceivablesRepository.OWED, Object.class).setParameter("t", tenant).setParameter("d", day)
                .getResultList()).map(rows -> rows.stream().map(r -> (UUID) r).toList());
    }

    /**
     * The collection report's totals are added up in the database ({@link ReceivablesRepository#collectionTotals}) as
     * {@link CollectionKpis.Totals#of} adds up the buyers' periods ({@link ReceivablesRepository#collectionByBuyer}),
     * each buyer's to collect and paid in advance on its own: on buyers that pay ahead, overpay, get a credit note,
     * pay after a write-off, pay nothing, in two currencies, for days before, within and after it all.
     */
    @Test
    void collectionTotalsAddUpEachBuyerAsTheRuleDoes() {
        String tenant = freshTenant();
        String finance = token(tenant, "finance");
        UUID ahead = UUID.randomUUID();
        UUID over = UUID.randomUUID();
        UUID credited = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        UUID none = UUID.randomUUID();
        PaymentFixtures.post(finance, PaymentFixtures.payment(ahead, "700.00", ISSUED.plusDays(2).toString(), null))
                .statusCode(201);
        String o = issue(tenant, over, ISSUED, DUE, "1000.00");
        PaymentFixtures.post(finance, PaymentFixtures.payment(over, "1300.00", ISSUED.plusDays(4).toString(),
                List.of(PaymentFixtures.allocation(o, "1000.00")))).statusCode(201);
        String c = issue(tenant, credited, ISSUED, DUE, "1000.00");
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", "250.00", "currency", "CNY"), "reason", "price"))
                .post("/api/v1/invoices/" + c + "/credit-notes").then().statusCode(201);
        pay(tenant, c, "750.00", DUE.minusDays(1));
        String g = issue(tenant, gone, ISSUED, DUE, "1000.00");
        pay(tenant, g, "100.00", ISSUED.plusDays(1));
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("reason", "dissolved"))
                .post("/api/v1/invoices/" + g + "/write-off").then().statusCode(200);
        PaymentFixtures.post(finance, PaymentFixtures.payment(gone, "500.00", TODAY.toString(), null)).statusCode(201);
        issue(tenant, none, ISSUED.plusDays(6), DUE, "1000.00");
        issue(tenant, LedgerFixtures.invoice(none, ISSUED, DUE, "300.00", "USD"));

        List<String> differences = new ArrayList<>();
        for (LocalDate day : List.of(ISSUED.minusDays(1), ISSUED.plusDays(3), DUE, TODAY)) {
            for (int period : List.of(3, 90)) {
                LocalDate after = day.minusDays(period);
                Map<String, List<CollectionKpis.BuyerPeriod>> byCurrency = new TreeMap<>();
                await(() -> receivables.collectionByBuyer(tenant, null, after, day)).forEach(b ->
                        byCurrency.computeIfAbsent(b.collected().currencyCode(), k -> new ArrayList<>()).add(b));
                List<CollectionKpis.Totals> rule = byCurrency.values().stream().map(CollectionKpis.Totals::of).toList();
                List<CollectionKpis.Totals> sql = await(() -> receivables.collectionTotals(tenant, null, after, day));
                if (!sql.equals(rule)) {
                    differences.add(day + " over " + period + " days: sql " + sql + ", rule " + rule);
                }
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        // the walk saw an advance, what was left as credit after a write-off, and a credit note
        List<CollectionKpis.Totals> today = await(() -> receivables.collectionTotals(tenant, null, TODAY.minusDays(90), TODAY));
        assertEquals(List.of("CNY", "USD"), today.stream().map(t -> t.collected().currencyCode()).toList());
        // in advance: 700 (ahead, nothing owed) + 300 (over: 1,300 on 1,000) + 500 (gone: 1,000 - 100 paid - 900
        // written off leaves nothing for it to pay); the 100 it paid before was before the write-off, on the invoice
        assertEquals(Money.of("1500.00", "CNY"), today.get(0).paidInAdvance());
        assertEquals(Money.of("250.00", "CNY"), today.get(0).creditNotes());
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work::get));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** Two "amount in n" sums of one currency added up. */
    private static String add(String a, String b) {
        String[] x = a.split(" in ");
        String[] y = b.split(" in ");
        return new java.math.BigDecimal(x[0]).add(new java.math.BigDecimal(y[0])).toPlainString() + " in "
                + (Integer.parseInt(x[1]) + Integer.parseInt(y[1]));
    }
}
