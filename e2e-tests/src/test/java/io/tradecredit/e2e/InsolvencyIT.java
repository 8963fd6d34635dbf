package io.tradecredit.e2e;

import static io.tradecredit.e2e.harness.Api.await;
import static io.tradecredit.e2e.harness.Api.call;
import static io.tradecredit.e2e.harness.Api.money;
import static io.tradecredit.e2e.harness.Api.runJob;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;
import io.tradecredit.devstack.SmsSink;
import io.tradecredit.e2e.harness.Api;
import io.tradecredit.e2e.harness.Platform;
import io.tradecredit.e2e.harness.Signatures;
import io.tradecredit.testing.HttpStandIn;
import io.tradecredit.testing.Topics;

/**
 * Issue 15, scenario 4, "insolvency" (and issue 14's insolvency path across the services): an insured
 * buyer, its limit requested and approved through the insurer's signed callback; three invoices, the
 * last partly above the limit; a dunning run opens the buyer's case; an insolvency filing blocks the
 * buyer, a new credit check is declined and a claim opens at once with its dossier; submitted,
 * approved, the indemnity paid in two parts; the ledger shows the insurer's payments and the
 * write-off of the rest; the case closed as CLAIMED; two later recoveries shared with the insurer.
 *
 * <p>The figures, by hand (DOMAIN §4), policy 90 %, deductible 2,000 per claim, insured limit 80,000
 * from before the first invoice:
 * <pre>
 * invoices (oldest first)  A 30,000   B 40,000   C 25,000        = 95,000 open, all delivered under cover: claimed whole
 * insured (up to 80,000)   A 30,000   B 40,000   C 10,000        = 80,000 within the limit, 15,000 above it
 * indemnity  = (min(95,000 unpaid, 80,000 limit) - 2,000) x 90 % = 70,200
 * tenant bears 95,000 - 70,200 = 24,800 (9,800 of the insured loss and the 15,000 above the limit)
 * paid 40,000 then 30,200, oldest first over the claimed invoices:
 *     first:  A 30,000 (paid), B 10,000              nothing written off (not fully paid)
 *     second: B 30,000 (paid), C 200                 then C's rest written off: 25,000 - 200 = 24,800
 *     insurer 70,200 + written off 24,800 = 95,000;  the write-off is what the tenant bears
 * recoveries shared as the loss was borne: insurer = recovered total x 70,200 / 95,000 (73.89... %)
 *     10,000.00 -> 7,389.47 to the insurer, 2,610.53 to the tenant
 *     3,333.33 more: 13,333.33 x 70,200 / 95,000 = 9,852.631... -> 9,852.63 in all, so 2,463.16 now, 870.17 to the tenant
 * </pre>
 *
 * <p>Dates: the invoices are due today - 85, - 80 and - 72; the dunning run is on today - 70 (A's + 15:
 * the case opens), apart from every other scenario's dates.
 */
@ExtendWith(Platform.class)
class InsolvencyIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLAIMS = "/api/v1/insurance/claims/";
    static final String INSURER = "中国出口信用保险公司";
    static final String CALLBACK_SECRET = "sinosure-callback-secret-" + UUID.randomUUID();

    final Tenant seller = new Tenant("insolvency").worksAndSendsEveryDay();
    final LocalDate today = Api.today();
    final LocalDate dunned = today.minusDays(70);

    @Test
    void anInsolventInsuredBuyersClaimIsPaidTheRestWrittenOffTheCaseClosedAsClaimedAndRecoveriesShared() throws Exception {
        Tenant.Buyer buyer = seller.buyer("广州南方电子科技有限公司", "200000.00");
        String policy = insuredLimitApprovedByTheInsurer(buyer, "80000.00", today.minusDays(130));

        String a = "INV-INS-A-" + tag();
        String b = "INV-INS-B-" + tag();
        String c = "INV-INS-C-" + tag();
        String invoiceA = seller.issue(buyer, a, today.minusDays(120), today.minusDays(85), "30000.00");
        String invoiceB = seller.issue(buyer, b, today.minusDays(110), today.minusDays(80), "40000.00");
        String invoiceC = seller.issue(buyer, c, today.minusDays(100), today.minusDays(72), "25000.00");

        // the claims service splits the exposure: 80,000 insured (C in part), 15,000 uninsured
        String exposure = "/api/v1/insurance/policies/" + policy + "/buyers/" + buyer.id() + "/exposure";
        await("claims' read model has the three invoices", () -> "80000.00".equals(call("insurance-claims-service",
                seller.manager).get(exposure).then().statusCode(200).extract().path("insured.amount")));
        call("insurance-claims-service", seller.manager).get(exposure).then().statusCode(200)
                .body("uninsured.amount", equalTo("15000.00"), "invoices.invoiceNumber", equalTo(List.of(a, b, c)),
                        "invoices.insured.amount", equalTo(List.of("30000.00", "40000.00", "10000.00")));
        // credit-service weighs the same split from the published schedule (its check before the filing)
        await("credit-service knows the schedule and the invoices", () -> "80000.00".equals(creditCheck(buyer, "5000.00")
                .extract().path("insurance.insuredExposure.amount")));
        creditCheck(buyer, "5000.00").body("insurance.insuredLimit.amount", equalTo("80000.00"),
                "insurance.insuredExposure.amount", equalTo("80000.00"),
                "insurance.uninsuredExposure.amount", equalTo("20000.00"), "insurance.orderInsured.amount",
                equalTo("0.00"));

        // dunned: the run on A's + 15 opens the buyer's case (the dossier's collection record)
        seller.awaitDunnable(buyer, dunned);
        runJob("collections-service", "dunning-run", dunned);
        String caseId = seller.worklistEntry(buyer).getString("caseFile.id");

        // the insolvency filing, as a credit manager enters it: blocked, checks declined, a claim at once
        call("credit-service", seller.manager).body(Map.of("type", "INSOLVENCY_FILING",
                "source", "全国企业破产重整案件信息网", "observedOn", today.toString(),
                "details", "(2026)粤01破申123号 bankruptcy application accepted")).post("/api/v1/buyers/" + buyer.id()
                + "/warning-signals").then().statusCode(201);
        call("credit-service", seller.manager).get("/api/v1/buyers/" + buyer.id()).then().statusCode(200)
                .body("blocked", equalTo(true));
        creditCheck(buyer, "1000.00").body("outcome", equalTo("DECLINED"),
                "reasons", hasItem(startsWith("buyer is blocked")));

        String[] found = new String[1];
        await("the claim opened on the filing", () -> {
            List<String> ids = call("insurance-claims-service", seller.manager).get(CLAIMS).then().statusCode(200)
                    .extract().path("items.id");
            found[0] = ids.size() == 1 ? ids.get(0) : null;
            return found[0] != null;
        });
        String claim = found[0];
        call("insurance-claims-service", seller.manager).get(CLAIMS + claim).then().statusCode(200)
                .body("state", equalTo("DRAFT"), "cause", equalTo("INSOLVENCY"), "policyId", equalTo(policy),
                        "unpaid.amount", equalTo("95000.00"), "openedOn", equalTo(today.toString()),
                        "invoices.invoiceNumber", equalTo(List.of(a, b, c)),
                        "invoices.invoiceId", equalTo(List.of(invoiceA, invoiceB, invoiceC)),
                        "invoices.unpaidAmount.amount", equalTo(List.of("30000.00", "40000.00", "25000.00")));
        // the chain as an outside consumer sees it: credit's block names the filing, the claim answers that signal
        JsonNode blocked = event("credit-events", "credit.buyer-blocked", 1).get(0);
        assertEquals("INSOLVENCY", blocked.path("cause").asText());
        JsonNode opened = event("claim-events", "claims.claim-opened", 1).get(0);
        assertEquals(claim, opened.path("claimId").asText());
        assertEquals("INSOLVENCY", opened.path("trigger").asText());
        assertEquals(blocked.path("signalId").asText(), opened.path("signalId").asText());
        assertEquals("95000.00", opened.path("unpaidAmount").path("amount").asText());

        // its dossier: the claimed invoices and the buyer's dunning record up to today
        await("the dossier holds the run and the case", () -> {
            List<String> kinds = dossier(claim).getList("collectionRecord.kind");
            return kinds.contains("STEPS_TAKEN") && kinds.contains("CASE_OPENED");
        });
        JsonPath dossier = dossier(claim);
        assertEquals("95000.00", dossier.getString("unpaid.amount"));
        assertEquals(today.toString(), dossier.getString("upTo"));
        assertEquals(List.of(a, b, c), dossier.getList("invoices.invoiceNumber"));
        assertEquals(List.of("30000.00", "40000.00", "25000.00"), dossier.getList("invoices.unpaidAmount.amount"));
        List<Map<String, Object>> record = dossier.getList("collectionRecord");
        assertTrue(record.stream().anyMatch(e -> "STEPS_TAKEN".equals(e.get("kind")) && dunned.toString().equals(e.get("on"))),
                record::toString);
        assertTrue(record.stream().anyMatch(e -> "CASE_OPENED".equals(e.get("kind")) && caseId.equals(e.get("caseId"))),
                record::toString);

        // submitted, reviewed, approved: (min(95,000, 80,000) - 2,000) x 90 % = 70,200; the tenant bears 24,800
        move(claim, "SUBMITTED", "filed with the insurer");
        move(claim, "UNDER_REVIEW", "insurer acknowledged");
        move(claim, "APPROVED", "approved by the insurer").body("state", equalTo("APPROVED"),
                "indemnity.unpaid.amount", equalTo("95000.00"), "indemnity.insuredLimit.amount", equalTo("80000.00"),
                "indemnity.cappedLoss.amount", equalTo("80000.00"), "indemnity.deductible.amount", equalTo("2000.00"),
                "indemnity.insuredLoss.amount", equalTo("78000.00"), "indemnity.indemnity.amount", equalTo("70200.00"),
                "indemnity.tenantBears.amount", equalTo("24800.00"));
        assertEquals("70200.00", event("claim-events", "claims.claim-approved", 1).get(0).path("indemnity")
                .path("amount").asText());

        // the insurer pays 40,000: posted oldest first (A in full, 10,000 of B), nothing written off yet
        pay(claim, "40000.00").body("state", equalTo("APPROVED"), "indemnityDue.amount", equalTo("30200.00"));
        await("the insurer's first payment in the ledger", () -> insurerPayments(buyer).size() == 1);
        Map<String, Object> first = insurerPayments(buyer).get(0);
        assertEquals(claim, first.get("reference"));
        assertEquals("40000.00", ((Map<?, ?>) first.get("amount")).get("amount"));
        assertEquals(INSURER, ((Map<?, ?>) first.get("payer")).get("name"));
        amounts(invoiceA, "30000.00", "0.00", "0.00");
        amounts(invoiceB, "10000.00", "0.00", "30000.00");
        amounts(invoiceC, "0.00", "0.00", "25000.00");
        // collections closes the buyer's case as claimed
        await("the case closed", () -> "CLOSED".equals(seller.caseOf(caseId).getString("caseFile.state")));
        assertEquals("CLAIMED", seller.caseOf(caseId).getString("caseFile.closeReason"));

        // the rest, 30,200: the claim is paid, B filled, 200 on C and C's other 24,800 written off
        pay(claim, "30200.00").body("state", equalTo("PAID"), "indemnityPaid.amount", equalTo("70200.00"));
        await("C written off", () -> "24800.00".equals(invoice(invoiceC).getString("amounts.writtenOff.amount")));
        amounts(invoiceA, "30000.00", "0.00", "0.00");
        amounts(invoiceB, "40000.00", "0.00", "0.00");
        amounts(invoiceC, "200.00", "24800.00", "0.00");
        assertEquals(List.of("30200.00", "40000.00"), insurerPayments(buyer).stream()
                .map(p -> (String) ((Map<?, ?>) p.get("amount")).get("amount")).toList()); // newest first
        assertEquals("PAID", invoice(invoiceA).getString("status"));
        assertEquals("PAID", invoice(invoiceB).getString("status"));
        JsonPath c1 = invoice(invoiceC);
        assertEquals("WRITTEN_OFF", c1.getString("status"));
        assertEquals(today.toString(), c1.getString("closedOn"));
        assertTrue(c1.getString("closedReason").contains(claim), c1.prettify());

        List<JsonNode> paid = event("claim-events", "claims.indemnity-paid", 2);
        assertEquals(List.of("40000.00", "30200.00"), paid.stream().map(e -> e.path("amount").path("amount").asText()).toList());
        assertEquals(List.of(false, true), paid.stream().map(e -> e.path("fullyPaid").asBoolean()).toList());
        List<JsonNode> closed = event("collection-cases", "collections.case-closed", 1);
        assertEquals(caseId, closed.get(0).path("caseId").asText());
        assertEquals("CLAIMED", closed.get(0).path("closeReason").asText());

        // later, the insolvency estate pays out: shared as the loss was borne (what the tenant owes the insurer)
        recover(claim, "10000.00").body("toInsurer.amount", equalTo("7389.47"), "toTenant.amount", equalTo("2610.53"));
        recover(claim, "3333.33").body("toInsurer.amount", equalTo("2463.16"), "toTenant.amount", equalTo("870.17"),
                "recoveredTotal.amount", equalTo("13333.33"), "toInsurerTotal.amount", equalTo("9852.63"));
        List<JsonNode> shared = event("claim-events", "claims.recovery-shared", 2);
        assertEquals(List.of("7389.47", "2463.16"), shared.stream().map(e -> e.path("toInsurer").path("amount").asText()).toList());
        assertEquals("9852.63", shared.get(1).path("toInsurerTotal").path("amount").asText());
        // the counts above were read until there were at least so many: exactly these, on the claim's key (one partition,
        // in order) up to its last event, the second recovery-shared (its running total 9,852.63); no more of them can
        // come before it
        List<String> ofClaim = claimEventsUpTo(claim, "claims.recovery-shared",
                e -> "9852.63".equals(e.path("toInsurerTotal").path("amount").asText()));
        Map<String, Long> expected = Map.of("io.tradecredit.claims.claim-opened.v1", 1L,
                "io.tradecredit.claims.claim-approved.v1", 1L, "io.tradecredit.claims.indemnity-paid.v1", 2L,
                "io.tradecredit.claims.recovery-shared.v1", 2L);
        assertEquals(new java.util.TreeMap<>(expected), ofClaim.stream().filter(expected::containsKey).collect(
                java.util.stream.Collectors.groupingBy(t -> t, java.util.TreeMap::new, java.util.stream.Collectors.counting())),
                "the claim's events up to its last: " + ofClaim);
    }

    /**
     * The insurer's deadlines reach the tenant's own systems: the tenant registers its HTTPS endpoint (the
     * harness's receiver, whose certificate the operator's trust store vouches for: plain HTTP is refused), an
     * insured invoice runs overdue, and the deadlines job of the day five days before the overdue notification
     * is due (MEP 90 and notificationDays 45 after it: due + 135; warningLeadDays 5) sends one warning there, signed with the tenant's secret
     * ({@code t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>}, verified here as the receiver would), its body the
     * request as JSON with the deadline, and recorded SENT over WEBHOOK.
     */
    @Test
    void anInsuredInvoicesDeadlineWarningReachesTheTenantsHttpsEndpointSignedWithItsSecret() throws Exception {
        HttpStandIn receiver = Platform.harness().webhooks();
        String path = "/erp/" + seller.id + "/tradecredit-events";
        String secret = "whsec-" + UUID.randomUUID();
        call("notification-service", seller.admin).body(Map.of("url", receiver.url(path).replace("https:", "http:"),
                "secret", secret)).put("/api/v1/webhook-endpoint").then().statusCode(400)
                .contentType("application/problem+json");
        call("notification-service", seller.admin).body(Map.of("url", receiver.url(path), "secret", secret))
                .put("/api/v1/webhook-endpoint").then().statusCode(200).body("url", equalTo(receiver.url(path)));

        Tenant.Buyer buyer = seller.buyer("杭州西湖纺织品有限公司", "100000.00");
        LocalDate due = today.minusDays(140); // apart from every other scenario's dates: the job runs once per date
        String policy = insuredLimitApprovedByTheInsurer(buyer, "50000.00", due.minusDays(60));
        String number = "INV-DL-" + tag();
        seller.issue(buyer, number, due.minusDays(30), due, "30000.00");
        String exposure = "/api/v1/insurance/policies/" + policy + "/buyers/" + buyer.id() + "/exposure";
        await("claims' read model has the invoice", () -> "30000.00".equals(call("insurance-claims-service",
                seller.manager).get(exposure).then().statusCode(200).extract().path("insured.amount")));

        runJob("insurance-claims-service", "insurance-deadlines", due.plusDays(130));

        await("the warning at the tenant's endpoint", () -> !receiver.at(path).isEmpty());
        HttpStandIn.Received posted = receiver.at(path).get(0);
        String[] signature = posted.signature().split(",");
        String t = signature[0].substring("t=".length());
        assertEquals("v1=" + SmsSink.hmac(secret, t + "." + posted.body()), signature[1], "signature verifies");
        assertEquals("application/json", posted.contentType().split(";")[0]);
        JsonNode body = JSON.readTree(posted.body());
        assertEquals(posted.messageId(), body.path("id").asText());
        assertEquals(seller.id, body.path("tenantId").asText());
        assertEquals("claims.deadline-warning", body.path("templateKey").asText());
        JsonNode data = body.path("data");
        assertEquals(List.of(number, "NOTIFY_OVERDUE", due.plusDays(135).toString(), "5", buyer.name()),
                List.of(data.path("invoiceNumber").asText(), data.path("deadline").asText(),
                        data.path("deadlineDate").asText(), data.path("daysLeft").asText(), data.path("buyerName").asText()));
        JsonNode warning = event("claim-events", "claims.deadline-warning", 1).get(0);
        assertEquals(posted.messageId(), warning.path("requestId").asText());
        await("recorded sent", () -> "SENT".equals(call("notification-service", seller.manager)
                .get("/api/v1/messages/" + posted.messageId()).then().statusCode(200).extract().path("status")));
        call("notification-service", seller.manager).get("/api/v1/messages/" + posted.messageId()).then()
                .body("channel", equalTo("WEBHOOK"), "address", equalTo(receiver.url(path)));
        assertEquals(1, receiver.at(path).size(), "one warning, sent once");
    }

    /**
     * A policy with the insurer, its callback secret, the tenant's request for {@code limit} and the
     * insurer's system approving it through the signed callback, effective from {@code from}.
     */
    String insuredLimitApprovedByTheInsurer(Tenant.Buyer buyer, String limit, LocalDate from) {
        String policy = call("insurance-claims-service", seller.manager).body(Map.ofEntries(
                Map.entry("insurer", INSURER), Map.entry("policyNumber", "SINO-" + tag()), Map.entry("currency", "CNY"),
                Map.entry("insuredPercent", 90), Map.entry("deductible", Map.of("kind", "PER_CLAIM", "amount", money("2000.00"))),
                Map.entry("maximumExtensionDays", 90), Map.entry("notificationDays", 45), Map.entry("claimFilingDays", 150),
                Map.entry("waitingPeriodDays", 90), Map.entry("collectorName", "中国信保追偿中心"), Map.entry("transferDays", 120),
                Map.entry("warningLeadDays", 5), Map.entry("effectiveFrom", from.minusDays(20).toString())))
                .post("/api/v1/insurance/policies").then().statusCode(201).extract().path("id");
        String policies = "/api/v1/insurance/policies/" + policy;
        call("insurance-claims-service", seller.admin).body(Map.of("secret", CALLBACK_SECRET))
                .put(policies + "/callback-secret").then().statusCode(204);
        String request = call("insurance-claims-service", seller.manager).body(Map.of("buyerId", buyer.id(), "kind", "NEW",
                "amount", money(limit), "note", "new buyer, first order")).post(policies + "/limit-requests").then()
                .statusCode(201).extract().path("id");

        String decision = "{\"decisionId\":\"ATR-" + tag() + "\",\"buyerId\":\"" + buyer.id()
                + "\",\"outcome\":\"APPROVED\",\"amount\":{\"amount\":\"" + limit + "\",\"currency\":\"CNY\"},"
                + "\"effectiveFrom\":\"" + from + "\",\"requestId\":\"" + request + "\"}";
        String callback = "/api/v1/insurance/callbacks/policies/" + policy + "/limit-decisions";
        // a forged signature changes nothing; the insurer's own is recorded
        io.restassured.RestAssured.given().baseUri(Platform.harness().url("insurance-claims-service"))
                .contentType("application/json").header("Insurer-Signature", Signatures.sign("not-the-secret", decision))
                .body(decision).post(callback).then().statusCode(401);
        io.restassured.RestAssured.given().baseUri(Platform.harness().url("insurance-claims-service"))
                .contentType("application/json").header("Insurer-Signature", Signatures.sign(CALLBACK_SECRET, decision))
                .body(decision).post(callback).then().statusCode(201).body("source", equalTo("INSURER"));
        call("insurance-claims-service", seller.manager).queryParam("asOf", today.toString())
                .get(policies + "/buyers/" + buyer.id() + "/insured-limit").then().statusCode(200)
                .body("insured", equalTo(true), "insuredLimit.amount", equalTo(limit));
        return policy;
    }

    io.restassured.response.ValidatableResponse creditCheck(Tenant.Buyer buyer, String order) {
        return call("credit-service", seller.erp).body(Map.of("buyerId", buyer.id(), "orderAmount", money(order)))
                .post("/api/v1/credit-checks").then().statusCode(201);
    }

    JsonPath dossier(String claim) {
        return call("insurance-claims-service", seller.manager).get(CLAIMS + claim + "/dossier").then().statusCode(200)
                .extract().jsonPath();
    }

    io.restassured.response.ValidatableResponse move(String claim, String state, String note) {
        return call("insurance-claims-service", seller.manager).body(Map.of("state", state, "note", note))
                .put(CLAIMS + claim + "/state").then().statusCode(200).body("state", equalTo(state));
    }

    io.restassured.response.ValidatableResponse pay(String claim, String amount) {
        return call("insurance-claims-service", seller.erp).body(Map.of("amount", money(amount), "paidOn", today.toString()))
                .post(CLAIMS + claim + "/payments").then().statusCode(200);
    }

    io.restassured.response.ValidatableResponse recover(String claim, String amount) {
        // a recovery by hand is for money the ledger cannot bring: refused (409, nothing changed) while the claims
        // service's copy of the ledger still has a claimed invoice open, i.e. until it has read C's write-off
        io.restassured.response.Response[] answer = new io.restassured.response.Response[1];
        await("the recovery of " + amount + " taken", () -> (answer[0] = call("insurance-claims-service", seller.erp)
                .body(Map.of("amount", money(amount), "receivedOn", today.toString()))
                .post(CLAIMS + claim + "/recoveries")).statusCode() != 409);
        return answer[0].then().statusCode(200);
    }

    List<Map<String, Object>> insurerPayments(Tenant.Buyer buyer) {
        List<Map<String, Object>> all = call("invoice-service", seller.erp).queryParam("buyerId", buyer.id())
                .get("/api/v1/payments").then().statusCode(200).extract().jsonPath().getList("items");
        return all.stream().filter(p -> "INSURER".equals(((Map<?, ?>) p.get("payer")).get("kind"))).toList();
    }

    JsonPath invoice(String id) {
        return call("invoice-service", seller.erp).get("/api/v1/invoices/" + id).then().statusCode(200).extract().jsonPath();
    }

    void amounts(String invoice, String paid, String writtenOff, String open) {
        call("invoice-service", seller.erp).get("/api/v1/invoices/" + invoice).then().statusCode(200)
                .body("amounts.paid.amount", equalTo(paid), "amounts.writtenOff.amount", equalTo(writtenOff),
                        "amounts.open.amount", equalTo(open));
    }

    /** The tenant's events of {@code type} (io.tradecredit.<type>.v1) on {@code topic}, read as an outside consumer, oldest first. */
    List<JsonNode> event(String topic, String type, int count) throws Exception {
        String ceType = "io.tradecredit." + type + ".v1";
        List<ConsumerRecord<String, String>> seen = Topics.read(Platform.harness().kafkaBootstrap(), topic,
                Duration.ofSeconds(60), records -> ours(records, ceType).size() >= count);
        List<ConsumerRecord<String, String>> ours = ours(seen, ceType);
        assertEquals(count, ours.size(), type + " on " + topic);
        List<JsonNode> events = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : ours) {
            events.add(JSON.readTree(r.value()));
        }
        return events;
    }

    /**
     * The types of the tenant's events keyed by {@code claim} on claim-events, oldest first, up to and including the first
     * of {@code lastType} that {@code last} matches (one key is one partition: what came before it is all there).
     */
    List<String> claimEventsUpTo(String claim, String lastType, java.util.function.Predicate<JsonNode> last) {
        String ceLast = "io.tradecredit." + lastType + ".v1";
        List<String> types = new java.util.ArrayList<>();
        boolean[] found = new boolean[1];
        Topics.read(Platform.harness().kafkaBootstrap(), "claim-events", Duration.ofSeconds(60), records -> {
            types.clear();
            for (ConsumerRecord<String, String> r : records) {
                if (claim.equals(r.key()) && seller.id.equals(Topics.header(r, "ce_tenantid"))) {
                    String type = Topics.header(r, "ce_type");
                    types.add(type);
                    try {
                        if (ceLast.equals(type) && last.test(JSON.readTree(r.value()))) {
                            found[0] = true;
                            return true;
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            return false;
        });
        assertTrue(found[0], lastType + " of claim " + claim + " not seen; its events: " + types);
        return types;
    }

    List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records, String ceType) {
        return records.stream().filter(r -> ceType.equals(Topics.header(r, "ce_type"))
                && seller.id.equals(Topics.header(r, "ce_tenantid"))).toList();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
