package io.tradecredit.notification.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.money;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class TemplateApiTest {
    static final String TEMPLATES = "/api/v1/templates";

    static ValidatableResponse preview(String tenant, String key, String channel, Map<String, Object> data) {
        return given().auth().oauth2(token(tenant, "viewer")).contentType(ContentType.JSON)
                .body(Map.of("templateKey", key, "channel", channel, "data", data)).post(TEMPLATES + "/preview")
                .then().statusCode(200);
    }

    static Map<String, Object> withDeadlineAndCharges(Map<String, Object> data) {
        data.put("paymentDeadline", "2026-12-13");
        // collections states late charges per invoice, as invoice-service last stated them
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<?>) data.get("invoices")).get(0);
        first.put("lateCharges", Map.of("asOf", "2026-12-02", "interest", money("99.50"), "fee", money("477.02"),
                "total", money("576.52"), "dailyRate", "0.0005", "feeAfterDays", 30, "feeRate", "0.0300"));
        return data;
    }

    @Test
    void everyDefaultOfTheLadderRendersTheProducersDataInBothLanguages() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String[][] defaults = {{"dunning.friendly-reminder", "EMAIL"}, {"dunning.reminder", "SMS"},
                {"dunning.payment-request", "LETTER"}, {"dunning.formal-demand", "EMAIL"},
                {"dunning.formal-demand", "LETTER"}, {"dunning.finance-demand", "LETTER"}};
        for (String[] d : defaults) {
            preview(tenant, d[0], d[1], withDeadlineAndCharges(dunningData(buyer)))
                    .body("language", contains("zh-CN", "en"), "failure", contains(nullValue(), nullValue()),
                            "version", contains(0, 0), "text[0]", containsString("INV-2026-0042"),
                            "text[1]", containsString("INV-2026-0042"), "text[1]", containsString("Globex Trading Ltd."));
        }
        preview(tenant, "credit.limit-changed", "EMAIL", Map.of("buyer", Map.of("name", "Globex Trading Ltd."),
                "previousLimit", money("500000.00"), "newLimit", money("300000.00"), "effectiveFrom", "2026-12-04"))
                .body("failure", contains(nullValue(), nullValue()),
                        "subject[1]", equalTo("Credit limit of Globex Trading Ltd. changed to 300000.00 CNY"),
                        "text[0]", containsString("调整为 300000.00 CNY"));
    }

    static Map<String, Object> claimDeadline(String deadline) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("policyNumber", "PICC-2026-0815", "insurer",
                "PICC Property and Casualty", "buyerName", "Globex Trading Ltd.", "invoiceNumber", "INV-2026-0042",
                "deadline", deadline, "deadlineDate", "2026-12-18"));
        data.put("daysLeft", 5);
        return data;
    }

    @Test
    void theClaimDeadlineWarningNamesEachDeadlineAndTheDaysLeftInBothLanguages() {
        String tenant = freshTenant();
        preview(tenant, "claims.deadline-warning", "EMAIL", claimDeadline("FILE_CLAIM"))
                .body("failure", contains(nullValue(), nullValue()),
                        "subject[1]", equalTo("5 day(s) left to file the claim on Globex Trading Ltd., invoice INV-2026-0042"),
                        "text[1]", containsString("Under policy PICC-2026-0815 with PICC Property and Casualty"),
                        "text[1]", containsString("is 2026-12-18: 5 day(s) left"),
                        "subject[0]", equalTo("距Globex Trading Ltd.（发票 INV-2026-0042）提出索赔的期限还有 5 天"));
        preview(tenant, "claims.deadline-warning", "EMAIL", claimDeadline("NOTIFY_OVERDUE"))
                .body("text[1]", containsString("notify the insurer that invoice INV-2026-0042 of Globex Trading Ltd. is overdue"),
                        "text[0]", containsString("向保险人报告Globex Trading Ltd.的发票 INV-2026-0042 逾期"));
        preview(tenant, "claims.deadline-warning", "EMAIL", claimDeadline("STOP_DELIVERIES"))
                .body("text[1]", containsString("stop deliveries on credit to Globex Trading Ltd."));
        preview(tenant, "claims.deadline-warning", "EMAIL", claimDeadline("TRANSFER_TO_COLLECTOR"))
                .body("text[1]", containsString("over to a collector"), "text[0]", containsString("移交催收机构"));
    }

    @Test
    void theMissedClaimDeadlineNeedsNoDaysLeftAndAWarningWithoutThemFailsNamingThem() {
        Map<String, Object> data = claimDeadline("STOP_DELIVERIES");
        data.remove("daysLeft");
        preview(freshTenant(), "claims.deadline-missed", "EMAIL", data)
                .body("failure", contains(nullValue(), nullValue()),
                        "subject[1]", equalTo("Deadline missed: stop of deliveries for Globex Trading Ltd., invoice INV-2026-0042"),
                        "text[1]", containsString("the deadline of 2026-12-18 to stop deliveries on credit"),
                        "text[0]", containsString("期限 2026-12-18 已过"));
        preview(freshTenant(), "claims.deadline-warning", "EMAIL", data)
                .body("failure[1]", containsString("daysLeft"));
    }

    @Test
    void theSummaryOfDeadlinesMissedBeforeTrackingListsEachPolicyInBothLanguages() {
        Map<String, Object> data = Map.of("missed", 3, "asOf", "2026-12-01", "policies", List.of(
                Map.of("policyNumber", "PICC-2026-0815", "missed", 2, "byKind", Map.of("NOTIFY_OVERDUE", 1,
                        "STOP_DELIVERIES", 1), "oldestDeadline", "2026-09-11"),
                Map.of("policyNumber", "SIN-2026-001", "missed", 1, "byKind", Map.of("FILE_CLAIM", 1),
                        "oldestDeadline", "2026-10-01")));
        preview(freshTenant(), "claims.deadlines-missed-before-tracking", "EMAIL", data)
                .body("failure", contains(nullValue(), nullValue()),
                        "subject[1]", equalTo("3 insurer's deadline(s) had passed before deadline tracking began"),
                        "text[1]", containsString("- policy PICC-2026-0815: 2 deadline(s), the oldest on 2026-09-11"),
                        "text[1]", containsString("- policy SIN-2026-001: 1 deadline(s), the oldest on 2026-10-01"),
                        "text[0]", containsString("保单 PICC-2026-0815：2 个期限，最早为 2026-09-11"));
    }

    @Test
    void theFinanceDemandStatesLegalBasisLateChargesDeadlineAndPriorMessages() {
        preview(freshTenant(), "dunning.finance-demand", "LETTER", withDeadlineAndCharges(dunningData(UUID.randomUUID())))
                .body("text[0]", allOf(containsString("《中华人民共和国民法典》第五百七十七条"), containsString("逾期利息：99.50 CNY"),
                        containsString("滞纳金：477.02 CNY"), containsString("2026-12-13 前"), containsString("截至 2026-12-02"),
                        containsString("2026-11-13：付款提醒（电子邮件）"), containsString("已逾期 13 天"),
                        containsString("逾期利息：99.50 CNY（按逾期金额每日 0.05% 计）"),
                        containsString("滞纳金：477.02 CNY（逾期第 30 天按余额的 3% 计）；逾期费用合计：576.52 CNY")))
                .body("text[1]", allOf(containsString("Articles 577 and 579 of the Civil Code"),
                        containsString("late interest: 99.50 CNY (0.05 % a day on the overdue amount)"),
                        containsString("late fee: 477.02 CNY (3 % of the balance once 30 days past due); "
                                + "late charges in all: 576.52 CNY"), containsString("no later than 2026-12-13"),
                        containsString("2026-11-13: friendly payment reminder (email)")));
    }

    /**
     * The +30 letter cites the legal basis of each invoice's late charges, as the tenant's (or the buyer's) late-charge
     * terms state it and invoice-service carried it on the charges; terms that state none leave the line out.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theFinanceDemandCitesTheLegalBasisOfTheLateChargesOnlyWhenTheTermsStateOne() {
        Map<String, Object> data = withDeadlineAndCharges(dunningData(UUID.randomUUID()));
        Map<String, Object> first = (Map<String, Object>) ((List<?>) data.get("invoices")).get(0);
        Map<String, Object> charges = new java.util.HashMap<>((Map<String, Object>) first.get("lateCharges"));
        charges.put("legalBasis", "Contract §7.2; PRC Civil Code art. 577 and 584 / 合同第7.2条；《民法典》第五百七十七条、第五百八十四条");
        first.put("lateCharges", charges);
        preview(freshTenant(), "dunning.finance-demand", "LETTER", data)
                .body("failure", contains(nullValue(), nullValue()),
                        "text[0]", containsString("  逾期费用的依据：Contract §7.2; PRC Civil Code art. 577 and 584 / "
                                + "合同第7.2条；《民法典》第五百七十七条、第五百八十四条\n"),
                        "text[1]", containsString("late charges in all: 576.52 CNY\n  legal basis of these late charges: "
                                + "Contract §7.2; PRC Civil Code art. 577 and 584"));
        // none stated (null, as collections passes it on): no line, nothing left of it
        charges.put("legalBasis", null);
        preview(freshTenant(), "dunning.finance-demand", "LETTER", data)
                .body("failure", contains(nullValue(), nullValue()),
                        "text[0]", not(containsString("逾期费用的依据")),
                        "text[1]", allOf(not(containsString("legal basis of these late charges")),
                                containsString("late charges in all: 576.52 CNY\n")));
    }

    @Test
    void aPreviewLackingAValueNamesItForEachLanguage() {
        preview(freshTenant(), "dunning.finance-demand", "LETTER", dunningData(UUID.randomUUID()))
                .body("failure[0]", containsString("paymentDeadline"), "failure[1]", containsString("paymentDeadline"),
                        "text", contains(nullValue(), nullValue()));
        preview(freshTenant(), "dunning.no-such-step", "EMAIL", Map.of())
                .body("failure", contains("no template dunning.no-such-step for EMAIL in zh-CN",
                        "no template dunning.no-such-step for EMAIL in en"));
    }

    @Test
    void aTenantsOwnVersionRendersInsteadOfTheDefaultAndOnlyForIt() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        Map<String, Object> mine = Map.of("templateKey", "dunning.friendly-reminder", "channel", "EMAIL",
                "language", "en", "subject", "Heads up, {buyer.name}", "body", "{invoices.size} invoices fall due.");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(mine).post(TEMPLATES).then().statusCode(201)
                .body("version", equalTo(1));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("templateKey", "dunning.friendly-reminder", "channel", "EMAIL", "language", "en",
                        "subject", "Reminder for {buyer.name}", "body", "{invoices.size} invoices fall due soon."))
                .post(TEMPLATES).then().statusCode(201).body("version", equalTo(2));

        preview(tenant, "dunning.friendly-reminder", "EMAIL", dunningData(UUID.randomUUID()))
                .body("version", contains(0, 2), "subject[1]", equalTo("Reminder for Globex Trading Ltd."),
                        "text[1]", equalTo("2 invoices fall due soon."), "text[0]", containsString("尊敬的"));
        preview(freshTenant(), "dunning.friendly-reminder", "EMAIL", dunningData(UUID.randomUUID()))
                .body("version", contains(0, 0), "subject[1]", not(containsString("Reminder for")));
        given().auth().oauth2(token(tenant, "viewer")).get(TEMPLATES).then().statusCode(200)
                .body("version", contains(1, 2));
    }

    @Test
    void aBadTemplateIsRefusedNamingEveryFieldAndOnlyWritersWrite() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("templateKey", "Not A Key", "language", "fr", "body", " ")).post(TEMPLATES).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("templateKey", "channel", "language", "body"));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("templateKey", "dunning.reminder", "channel", "SMS", "language", "en",
                        "body", "{#for x in invoices}unclosed")).post(TEMPLATES).then()
                .statusCode(400).body("errors.field", contains("body"));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("templateKey", "dunning.reminder", "channel", "EMAIL", "language", "en", "body", "x"))
                .post(TEMPLATES).then().statusCode(400).body("errors.field", contains("subject"));
        given().auth().oauth2(token(tenant, "collector")).contentType(ContentType.JSON)
                .body(Map.of("templateKey", "dunning.reminder", "channel", "SMS", "language", "en", "body", "x"))
                .post(TEMPLATES).then().statusCode(403);
        given().auth().oauth2(token(tenant, "viewer")).get(TEMPLATES).then().body("size()", equalTo(0));
    }

    /** A channel that is none ("FAX") was named alone, hiding the bad key, language and empty body beside it. */
    @Test
    void anUnknownChannelIsNamedWithEveryOtherWrongField() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("templateKey", "Not A Key", "channel", "FAX", "language", "fr", "body", " ")).post(TEMPLATES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("templateKey", "channel", "language", "body"));
        given().auth().oauth2(token(tenant, "viewer")).contentType(ContentType.JSON)
                .body(Map.of("channel", "FAX", "data", List.of())).post(TEMPLATES + "/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("templateKey", "channel", "data"));
        given().auth().oauth2(token(tenant, "viewer")).get(TEMPLATES).then().body("size()", equalTo(0));
    }

    @Test
    void aPreviewWithoutKeyChannelOrDataIsRefusedNamingEach() {
        given().auth().oauth2(token(freshTenant(), "viewer")).contentType(ContentType.JSON).body(Map.of())
                .post(TEMPLATES + "/preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("templateKey", "channel", "data"));
    }
}
