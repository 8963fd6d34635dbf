package io.tradecredit.e2e;

import static io.tradecredit.e2e.harness.Api.await;
import static io.tradecredit.e2e.harness.Api.call;
import static io.tradecredit.e2e.harness.Api.money;
import static io.tradecredit.e2e.harness.Api.runJob;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.tradecredit.e2e.harness.Api;
import io.tradecredit.e2e.harness.GreenMail;
import io.tradecredit.e2e.harness.Harness;
import io.tradecredit.e2e.harness.Platform;

/**
 * Issue 15, scenario 1, "paid after reminders": a buyer checked and invoiced, then the default
 * ladder date by date through the job door (due − 7 email, − 3 SMS, due-date letter, + 3 task,
 * + 7 demand, + 15 case), a partial payment and a promise, the promise kept, paid, the case closed;
 * aging and DSO as of each date against arithmetic done by hand below.
 *
 * <p>Time: the ladder's dates lie in the past (due date = today − 16) so that the payments and the
 * promise, which the services date today, come after them; the job door runs any past date.
 */
@ExtendWith(Platform.class)
class PaidAfterRemindersIT {
    final Tenant seller = new Tenant("paid").worksAndSendsEveryDay();
    final LocalDate today = Api.today();
    final LocalDate due = today.minusDays(16);

    @Test
    void paidAfterReminders() throws IOException {
        Tenant.Buyer buyer = seller.buyer("深圳华信贸易有限公司", "50000.00");
        call("credit-service", seller.erp).body(Map.of("buyerId", buyer.id(), "orderAmount", money("10000.00")))
                .post("/api/v1/credit-checks").then().statusCode(201).body("outcome", equalTo("APPROVED"));
        String number = "INV-E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String invoice = seller.issue(buyer, number, due.minusDays(30), due, "10000.00");
        // issued: the buyer is asked by email to confirm its receipt, with what the invoice says
        GreenMail.Mail receipt = awaitMails(buyer, 1).get(0);
        assertTrue(receipt.subject().startsWith("请确认收到"), receipt.subject());
        assertTrue(receipt.text().contains(number) && receipt.text().contains("10000.00 CNY")
                && receipt.text().contains("CN12 3456 7890") && receipt.text().contains(due.toString()), receipt.text());
        seller.awaitDunnable(buyer, due.minusDays(7));

        // due − 7: the friendly reminder by email, in the buyer's language (zh-CN)
        dunningRun(due.minusDays(7));
        GreenMail.Mail reminder = awaitMails(buyer, 2).get(1);
        assertTrue(reminder.subject().startsWith("付款提醒"), reminder.subject());
        assertTrue(reminder.text().contains(number), reminder.text());
        assertAging(due.minusDays(7), "current", "10000.00");
        assertDso(due.minusDays(7), "90");   // 10,000 open / 10,000 sold in the 90 days x 90

        // due − 3: the reminder by SMS
        dunningRun(due.minusDays(3));
        await("the SMS in the sink", () -> !sms(buyer).isEmpty());
        assertTrue(sms(buyer).get(0).text().contains(number) && sms(buyer).get(0).text().contains("请及时安排付款"),
                sms(buyer).get(0).text());

        // due date: the payment request by letter, a PDF naming the invoice
        dunningRun(due);
        String letter = seller.awaitMessage(buyer, "dunning.payment-request", "LETTER");
        byte[] pdf = call("notification-service", seller.admin).accept("application/pdf")
                .get("/api/v1/messages/" + letter + "/content").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(number), text);
        }
        assertAging(due, "current", "10000.00");   // 0 days past due is still current

        // due + 3: the collector's task to call, in the worklist
        dunningRun(due.plusDays(3));
        assertEquals(List.of("task.call-to-confirm-reason"),
                seller.worklistEntry(buyer).getList("openTasks.actionKey"));
        assertAging(due.plusDays(3), "days1to30", "10000.00");

        // due + 7: the formal demand by email (the letter attached as PDF) and by letter
        dunningRun(due.plusDays(7));
        GreenMail.Mail demand = awaitMails(buyer, 3).get(2);
        assertTrue(demand.text().contains(number), demand.text());
        assertEquals(1, demand.attachments().size(), "the demand letter attached: " + demand.attachments());
        assertTrue(demand.attachments().get(0).endsWith(".pdf"), demand.attachments().toString());
        seller.awaitMessage(buyer, "dunning.formal-demand", "LETTER");

        // due + 15: the case is opened
        dunningRun(due.plusDays(15));
        String caseId = seller.worklistEntry(buyer).getString("caseFile.id");
        assertEquals("OPEN", seller.caseOf(caseId).getString("caseFile.state"));
        assertAging(due.plusDays(15), "days1to30", "10000.00");
        assertDso(due.plusDays(15), "90");

        // today (due + 16): 4,000 paid, 3,000 promised for in five days
        seller.pay(buyer, invoice, "4000.00");
        assertAging(today, "days1to30", "6000.00");
        assertDso(today, "54");              // 6,000 / 10,000 x 90
        assertAging(due.plusDays(15), "days1to30", "10000.00");   // the ledger is dated: yesterday unchanged
        call("collections-service", seller.collector).body(Map.of("amount", money("3000.00"),
                "promisedDate", today.plusDays(5).toString(), "note", "王芳: 3,000 by next week"))
                .post("/api/v1/collections/cases/" + caseId + "/promises").then().statusCode(201)
                .body("caseFile.state", equalTo("PROMISE_TO_PAY"));

        // 3,000 paid: the promise is kept at once, the case goes back to work
        seller.pay(buyer, invoice, "3000.00");
        await("promise kept", () -> "KEPT".equals(seller.caseOf(caseId).getString("promises[0].outcome")));
        assertEquals("IN_PROGRESS", seller.caseOf(caseId).getString("caseFile.state"));
        assertAging(today, "days1to30", "3000.00");
        assertDso(today, "27");              // 3,000 / 10,000 x 90

        // the last 3,000: paid, the case closed as paid
        seller.pay(buyer, invoice, "3000.00");
        call("invoice-service", seller.erp).get("/api/v1/invoices/" + invoice).then().statusCode(200)
                .body("status", equalTo("PAID"));
        await("case closed", () -> "CLOSED".equals(seller.caseOf(caseId).getString("caseFile.state")));
        assertEquals("PAID", seller.caseOf(caseId).getString("caseFile.closeReason"));
        assertAging(today, "total", "0.00");
        assertDso(today, "0");
        // counted once nothing more can reach the buyer (waiting for "at least three" passed at once, long before a
        // mail the payments or the closing might have asked for was delivered): notification-service has read every
        // request put on its topic, and none of the buyer's messages there still waits to be handed over
        Api.awaitRead("notification-service", "notification-requests");
        await("none of the buyer's messages waiting to be sent", () -> seller.messages(buyer).stream()
                .noneMatch(m -> List.of("QUEUED", "SENDING").contains(m.get("status"))));
        assertEquals(Map.of("EMAIL", 3L, "SMS", 1L), seller.messages(buyer).stream()
                .filter(m -> List.of("EMAIL", "SMS").contains(m.get("channel")))
                .collect(java.util.stream.Collectors.groupingBy(m -> (String) m.get("channel"),
                        java.util.stream.Collectors.counting())), "the buyer's emails and SMS at notification-service");
        assertEquals(3, Platform.harness().mail().inbox(buyer.email()).size(),
                "three emails in all: the receipt request, the reminder and the demand");
        assertEquals(1, sms(buyer).size(), "one SMS in all");
    }

    void dunningRun(LocalDate asOf) {
        runJob("collections-service", "dunning-run", asOf);
    }

    static List<GreenMail.Mail> awaitMails(Tenant.Buyer buyer, int count) {
        await(count + " mail(s) to " + buyer.email(), () -> Platform.harness().mail().inbox(buyer.email()).size() >= count);
        return Platform.harness().mail().inbox(buyer.email());
    }

    static List<Harness.Sms> sms(Tenant.Buyer buyer) {
        return Platform.harness().sms(buyer.mobile());
    }

    void assertAging(LocalDate asOf, String bucket, String amount) {
        JsonPath aging = call("invoice-service", seller.erp).queryParam("asOf", asOf.toString())
                .get("/api/v1/reports/aging").then().statusCode(200).extract().jsonPath();
        String found = aging.getString("currencies.find { it.currency == 'CNY' }." + bucket + ".amount.amount");
        // nothing open in CNY: the report may leave the currency out
        assertEquals(0, new BigDecimal(amount).compareTo(new BigDecimal(found == null ? "0" : found)),
                "aging " + bucket + " as of " + asOf + ": " + aging.prettify());
    }

    void assertDso(LocalDate asOf, String days) {
        JsonPath dso = call("invoice-service", seller.erp).queryParam("asOf", asOf.toString())
                .get("/api/v1/reports/dso").then().statusCode(200).extract().jsonPath();
        assertEquals(0, new BigDecimal(days).compareTo(new BigDecimal(
                dso.getString("currencies.find { it.currency == 'CNY' }.dso"))), "DSO as of " + asOf + ": " + dso.prettify());
    }
}
