package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.settings;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.dueOn;
import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.money;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.Pdfs;
import io.tradecredit.notification.PrintProviderResource;
import io.tradecredit.notification.domain.Proof;
import io.tradecredit.notification.domain.RenderedMessage;
import io.tradecredit.testing.Database;

/**
 * Requests on the real topic become PDF letters (real PostgreSQL, Kafka, tokens), read back with
 * PDFBox; a letter is handed to the stand-in print-and-mail provider; an email carrying the letter
 * arrives in GreenMail with the PDF attached.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(PrintProviderResource.class)
class LetterDeliveryTest {
    static final String LETTERHEAD = "艾克美贸易有限公司 Acme Trading Co., Ltd.\n上海市浦东新区世纪大道100号\n"
            + "税号 91310000MA1FL0001X\n开户行 中国银行上海分行 账号 4567 8901 2345";

    @Inject
    Deliveries deliveries;

    void deliverAt(Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));
    }

    /** A tenant with Acme's letterhead and a buyer whose contact reads {@code language} at a postal and an email address. */
    static String tenant(UUID buyer, String language, boolean seal) {
        String tenant = freshTenant();
        settings(tenant, Map.of("sender", Map.of("fromName", "艾克美贸易有限公司", "fromAddress", "ar@acme.example",
                "letterhead", LETTERHEAD, "signatory", "张三", "contact", Map.of("name", "王芳",
                        "phone", "+86 21 5888 1234", "email", "wang.fang@acme.example"))));
        Map<String, Object> c = contact("李伟", "li-" + buyer + "@globex.example", language);
        c.put("postalAddress", "上海市南京东路1号 环球贸易有限公司");
        addContact(tenant, buyer, c);
        if (seal) {
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("png", java.util.Base64.getEncoder().encodeToString(Pdfs.sealPng(300))))
                    .put("/api/v1/letter-images/seal").then().statusCode(200);
        }
        return tenant;
    }

    /** The finance demand's data: two invoices, late charges stated on the first, the payment deadline. */
    static Map<String, Object> demandData(UUID buyer) {
        Map<String, Object> data = dunningData(buyer);
        data.put("paymentDeadline", "2026-12-20");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<?>) data.get("invoices")).get(0);
        first.put("lateCharges", Map.of("asOf", "2026-12-02", "interest", money("81.25"), "fee", money("375.00"),
                "total", money("456.25")));
        return data;
    }

    static UUID requested(String tenant, UUID buyer, String templateKey, String channel, Map<String, Object> data,
            boolean attachLetter) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = request(id, buyer, templateKey, channel, true, data);
        body.put("attachLetter", attachLetter);
        send(tenant, body);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        return id;
    }

    static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static Response content(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id + "/content");
    }

    @Test
    void aChineseFinanceDemandBecomesASealedA4PdfWithItsContentInTheShippedFont() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "zh-CN", true);
        UUID id = requested(tenant, buyer, "dunning.finance-demand", "LETTER", demandData(buyer), false);

        deliverAt(Instant.now());

        JsonPath m = message(tenant, id);
        assertEquals("SENT", m.getString("status"));
        assertEquals("LETTER", m.getString("channel"));
        assertEquals("上海市南京东路1号 环球贸易有限公司", m.getString("address"));
        Response r = content(tenant, id);
        r.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("letter-" + id + ".pdf"));
        byte[] pdf = r.asByteArray();
        assertEquals(Proof.sha256(pdf), m.getString("sha256"), "the proof is the SHA-256 of the PDF downloaded");
        assertEquals(m.getString("sha256"), r.header("Tradecredit-Sha256"));

        Pdfs.Read read = Pdfs.read(pdf);
        String text = read.text();
        for (String expected : List.of("艾克美贸易有限公司", "税号 91310000MA1FL0001X", "致：Globex Trading Ltd.",
                "收件人：李伟（accounts payable）", "上海市南京东路1号",
                "如有疑问，请联系：王芳，电话 +86 21 5888 1234，邮箱 wang.fang@acme.example", "财务部最终催款函", "发票号 INV-2026-0042",
                // counted from its due date, 2026-11-20, on the letter's date (the request's 13 were of its run, 2026-12-03)
                "已逾期 " + java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2026, 11, 20),
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))) + " 天：12500.00 CNY",
                "逾期利息：81.25 CNY", "滞纳金：375.00 CNY", "截至 2026-12-02", "INV-2026-0057", "3400.50 CNY",
                "《中华人民共和国民法典》第五百七十七条、第五百七十九条", "请贵司于 2026-12-20 前支付", "张三", "第 1 页 / 共 ")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
        assertTrue(read.fonts().stream().anyMatch(f -> f.contains("DroidSansFallback")), read.fonts().toString());
        assertTrue(read.allFontsEmbedded(), read.fonts().toString());
        read.mediaBoxes().forEach(box -> assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 1f));
        assertEquals(1, read.imagesPerPage().get(read.pages() - 1), "the seal on the last page");

        // handed to the print-and-mail provider with the postal address and the same PDF
        var printed = PrintProviderResource.PROVIDER.at(PrintProviderResource.PATH).stream()
                .filter(p -> id.toString().equals(p.messageId())).toList();
        assertEquals(1, printed.size());
        JsonNode job = new ObjectMapper().readTree(printed.get(0).body());
        assertEquals("上海市南京东路1号 环球贸易有限公司", job.get("address").asText());
        assertArrayEquals(pdf, java.util.Base64.getDecoder().decode(job.get("pdf").asText()));
    }

    /** A batch of letters is made at once (their renders overlap): each SENT with its own PDF, stored and printed once. */
    @Test
    void aBatchOfLettersIsMadeAtOnceEachStoredAndPrintedOnce() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "zh-CN", true);
        List<UUID> ids = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> requested(tenant, buyer, "dunning.finance-demand", "LETTER", demandData(buyer), false)).toList();

        deliverAt(Instant.now());

        for (UUID id : ids) {
            JsonPath m = message(tenant, id);
            assertEquals("SENT", m.getString("status"), id.toString());
            byte[] pdf = content(tenant, id).then().statusCode(200).extract().asByteArray();
            assertEquals(Proof.sha256(pdf), m.getString("sha256"));
            Pdfs.Read read = Pdfs.read(pdf);
            assertTrue(read.text().contains("财务部最终催款函") && read.text().contains("艾克美贸易有限公司"), read.text());
            assertEquals(List.of(300), read.imageWidths(), "the seal, once");
            assertEquals(1, PrintProviderResource.PROVIDER.at(PrintProviderResource.PATH).stream()
                    .filter(p -> id.toString().equals(p.messageId())).count(), "printed once");
            assertEquals(1L, Database.count("select count(*) from message_attempt where request_id = ?", id));
        }
    }

    /** Nothing of a tenant is kept between letters: a new seal and letterhead are on the very next letter. */
    @Test
    void aSealAndLetterheadChangedBetweenTwoLettersAreOnTheNextOne() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "zh-CN", true);
        UUID first = requested(tenant, buyer, "dunning.finance-demand", "LETTER", demandData(buyer), false);
        deliverAt(Instant.now());
        Pdfs.Read before = Pdfs.read(content(tenant, first).then().statusCode(200).extract().asByteArray());
        assertEquals(List.of(300), before.imageWidths());
        assertTrue(before.text().contains("世纪大道100号"), before.text());

        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("png", java.util.Base64.getEncoder().encodeToString(Pdfs.sealPng(200))))
                .put("/api/v1/letter-images/seal").then().statusCode(200);
        settings(tenant, Map.of("sender", Map.of("fromName", "艾克美贸易有限公司", "fromAddress", "ar@acme.example",
                "letterhead", "艾克美贸易有限公司\n北京市朝阳区建国路88号", "signatory", "张三")));
        UUID next = requested(tenant, buyer, "dunning.finance-demand", "LETTER", demandData(buyer), false);
        deliverAt(Instant.now());

        Pdfs.Read after = Pdfs.read(content(tenant, next).then().statusCode(200).extract().asByteArray());
        assertEquals(List.of(200), after.imageWidths(), "the new seal");
        assertTrue(after.text().contains("建国路88号") && !after.text().contains("世纪大道100号"), after.text());
    }

    /**
     * A letter's date was fixed at intake: one made days later (queued for business hours, a print batch) carried the
     * day its request came, and its payment deadline was as many days nearer. Now the PDF is dated the day it is made
     * (the hand-over's instant, in the contact's zone) and its deadline moves by the same days, then to a working day.
     */
    @Test
    void aLetterMadeThreeDaysAfterItsIntakeIsDatedThatDayAndItsDeadlineMovesWithIt() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "en", false);
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate intake = java.time.LocalDate.now(shanghai);
        java.time.LocalDate deadline = intake.plusDays(7);
        Map<String, Object> data = dunningData(buyer);
        data.put("paymentDeadline", deadline.toString());
        UUID id = requested(tenant, buyer, "dunning.payment-request", "LETTER", data, false);

        Instant made = Instant.now().plus(Duration.ofDays(3));
        deliverAt(made);

        assertEquals("SENT", message(tenant, id).getString("status"));
        String text = Pdfs.read(content(tenant, id).then().statusCode(200).extract().asByteArray()).text().replace("\n", " ");
        java.time.LocalDate madeOn = java.time.LocalDate.ofInstant(made, shanghai);
        java.time.LocalDate moved = deadline.plusDays(java.time.temporal.ChronoUnit.DAYS.between(intake, madeOn));
        while (moved.getDayOfWeek().getValue() > 5) {
            moved = moved.plusDays(1);
        }
        assertTrue(text.contains("Date: " + madeOn), text);
        assertTrue(text.contains("no later than " + moved), "deadline " + deadline + " moved to " + moved + ": " + text);
        assertTrue(!text.contains("Date: " + intake), text);
        // the record shows the page as at intake, no mark in it
        String html = message(tenant, id).getString("html");
        assertTrue(html.contains("Date: " + intake) && html.indexOf('\u2063') < 0, html);
    }

    /**
     * A consolidated finance demand taken in with an invoice not yet due (INV-2026-0057, due tomorrow, 0 days overdue,
     * beside INV-2026-0042 at 33 days) and made three days later: its PDF, dated that day, said "due on <tomorrow>", a
     * date by then two days past, under "overdue or fall due on the date shown". Now the wording is judged on the
     * letter's own date: "due <date>, 2 days overdue" under "The following invoices are overdue:"; the record shows it as
     * at intake.
     */
    @Test
    void aDemandMadeAfterTheDueDateOfAnInvoiceNotYetDueAtIntakeCallsItOverdue() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "en", true);
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate intake = java.time.LocalDate.now(shanghai);
        java.time.LocalDate overdueSince = intake.minusDays(33);
        java.time.LocalDate dueTomorrow = intake.plusDays(1);
        Map<String, Object> data = dunningData(buyer);
        data.put("paymentDeadline", intake.plusDays(7).toString());
        dueOn(data, overdueSince, 33, dueTomorrow, 0);
        UUID id = requested(tenant, buyer, "dunning.finance-demand", "LETTER", data, false);

        Instant made = Instant.now().plus(Duration.ofDays(3));
        deliverAt(made);

        assertEquals("SENT", message(tenant, id).getString("status"));
        String text = Pdfs.read(content(tenant, id).then().statusCode(200).extract().asByteArray()).text()
                .replaceAll("\\s+", " ");
        java.time.LocalDate madeOn = java.time.LocalDate.ofInstant(made, shanghai);
        long late = java.time.temporal.ChronoUnit.DAYS.between(dueTomorrow, madeOn);
        long first = java.time.temporal.ChronoUnit.DAYS.between(overdueSince, madeOn);
        assertTrue(text.contains("Date: " + madeOn), text);
        assertTrue(text.contains("Invoice INV-2026-0057, due " + dueTomorrow + ", " + late + " days overdue: 3400.50 CNY"), text);
        assertTrue(text.contains("Invoice INV-2026-0042, due " + overdueSince + ", " + first + " days overdue: 12500.00 CNY"), text);
        assertTrue(text.contains("The following invoices are overdue:"), text);
        assertTrue(!text.contains("due on " + dueTomorrow) && !text.contains("or fall due"), text);
        // the record shows the page as at intake: not yet due then
        String html = message(tenant, id).getString("html");
        assertTrue(html.contains("Invoice INV-2026-0057, due on " + dueTomorrow + ": 3400.50 CNY")
                && html.contains("overdue or fall due on the date shown") && html.indexOf('\u2063') < 0, html);
    }

    /**
     * A finance demand of a run two days before its intake, listing INV-2026-0042 due 12 days before the intake as 10
     * days overdue (counted on the run's date), made five days after its intake: its PDF said "15 days overdue" (the
     * request's 10 plus the 5 days since intake), two short of the 17 days from its due date to the letter's date. Now
     * every item is counted from its due date on the letter's date; the record shows the request's 10.
     */
    @Test
    void aDemandTakenInAfterItsRunCountsAnOverdueInvoiceFromItsDueDateOnTheLettersDate() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "en", true);
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate intake = java.time.LocalDate.now(shanghai);
        java.time.LocalDate run = intake.minusDays(2);
        java.time.LocalDate due = run.minusDays(10);
        Map<String, Object> data = dunningData(buyer);
        data.put("runDate", run.toString());
        data.put("paymentDeadline", intake.plusDays(7).toString());
        dueOn(data, due, 10, run.minusDays(1), 1);
        UUID id = requested(tenant, buyer, "dunning.finance-demand", "LETTER", data, false);

        Instant made = Instant.now().plus(Duration.ofDays(5));
        deliverAt(made);

        assertEquals("SENT", message(tenant, id).getString("status"));
        String text = Pdfs.read(content(tenant, id).then().statusCode(200).extract().asByteArray()).text()
                .replaceAll("\\s+", " ");
        java.time.LocalDate madeOn = java.time.LocalDate.ofInstant(made, shanghai);
        long days = java.time.temporal.ChronoUnit.DAYS.between(due, madeOn);
        assertTrue(text.contains("Date: " + madeOn), text);
        assertTrue(text.contains("Invoice INV-2026-0042, due " + due + ", " + days + " days overdue: 12500.00 CNY"), text);
        assertTrue(text.contains("Invoice INV-2026-0057, due " + run.minusDays(1) + ", "
                + java.time.temporal.ChronoUnit.DAYS.between(run.minusDays(1), madeOn) + " days overdue: 3400.50 CNY"), text);
        // the record shows the page as at intake: the request's count
        String html = message(tenant, id).getString("html");
        assertTrue(html.contains("Invoice INV-2026-0042, due " + due + ", 10 days overdue: 12500.00 CNY")
                && html.indexOf('\u2063') < 0, html);
    }

    @Test
    void anEnglishPaymentRequestCarriesNoSealAndNumbersItsPages() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "en", false);
        UUID id = requested(tenant, buyer, "dunning.payment-request", "LETTER", dunningData(buyer), false);

        deliverAt(Instant.now());

        assertEquals("SENT", message(tenant, id).getString("status"));
        Pdfs.Read read = Pdfs.read(content(tenant, id).then().statusCode(200).extract().asByteArray());
        assertTrue(read.text().contains("To: Globex Trading Ltd."), read.text());
        assertTrue(read.text().contains("Attn: 李伟, accounts payable"), read.text());
        // the line may wrap anywhere: compared without the PDF's line breaks
        assertTrue(read.text().replace("\n", "").contains("please contact 王芳, tel. +86 21 5888 1234, wang.fang@acme.example."),
                read.text());
        assertTrue(read.text().contains("Invoice INV-2026-0042"), read.text());
        assertTrue(read.text().contains("Page 1 of " + read.pages()), read.text());
        assertTrue(read.allFontsEmbedded(), read.fonts().toString());
        assertEquals(0, read.imagesPerPage().stream().mapToInt(Integer::intValue).sum(), "no seal, no logo");
    }

    @Test
    void aFinanceDemandOfATenantWithoutASealFailsSayingSoAndIsNeverPrinted() {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "zh-CN", false);
        // legally required, as collections asks for it from +7 on: no other channel replaces the letter
        // (the finance demand also has an email template, to which an ordinary letter would fall back)
        UUID id = UUID.randomUUID();
        Map<String, Object> body = request(id, buyer, "dunning.finance-demand", "LETTER", true, demandData(buyer));
        body.put("legallyRequired", true);
        send(tenant, body);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);

        JsonPath m = message(tenant, id);
        assertEquals("FAILED", m.getString("status"));
        assertTrue(m.getString("reason").contains("carries the company seal and the tenant has uploaded none"),
                m.getString("reason"));
        content(tenant, id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEmailCarryingTheLetterArrivesWithThePdfAttachedAndItsProofCoversIt() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "zh-CN", false);
        Map<String, Object> data = dunningData(buyer);
        data.put("paymentDeadline", "2026-12-20");
        UUID id = requested(tenant, buyer, "dunning.formal-demand", "EMAIL", data, true);

        deliverAt(Instant.now());

        List<MimeMessage> received = GreenMailResource.to("li-" + buyer + "@globex.example");
        assertEquals(1, received.size());
        Multipart parts = (Multipart) received.get(0).getContent();
        BodyPart attachment = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attachment = parts.getBodyPart(i);
            }
        }
        assertTrue(attachment != null, "a PDF attachment");
        assertTrue(attachment.getContentType().startsWith("application/pdf"), attachment.getContentType());
        assertEquals("letter-" + id + ".pdf", attachment.getFileName());
        byte[] attached = attachment.getInputStream().readAllBytes();

        byte[] downloaded = content(tenant, id).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(downloaded, attached);
        JsonPath m = message(tenant, id);
        assertEquals("SENT", m.getString("status"));
        assertEquals(Proof.withAttachment(new RenderedMessage(m.getString("subject"), m.getString("text"), m.getString("html")),
                "letter-" + id + ".pdf", Proof.sha256(attached)), m.getString("sha256"));
        String letter = Pdfs.read(attached).text();
        assertTrue(letter.contains("正式催款函") && letter.contains("致：Globex Trading Ltd."), letter);
        assertTrue(letter.contains("2026-12-20"), letter);
    }

    /**
     * An email carrying its letter whose first attempt failed at 23:59:50 (the SMTP server down) and went out on its
     * retry after midnight: the email said the new day, its letter, made at the failed attempt and kept, the day
     * before, its deadline a day nearer. Now the letter is made anew when it would say another day, and both say the
     * day the email went out.
     */
    @Test
    void anEmailRetriedAfterMidnightCarriesItsLetterDatedTheSameDayAsItself() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "en", false);
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate intake = java.time.LocalDate.now(shanghai);
        Map<String, Object> data = dunningData(buyer);
        data.put("paymentDeadline", intake.plusDays(7).toString());
        UUID id = requested(tenant, buyer, "dunning.formal-demand", "EMAIL", data, true);

        java.time.LocalDate day = intake.plusDays(20);
        GreenMailResource.down();
        try {
            deliverAt(day.atTime(23, 59, 50).atZone(shanghai).toInstant());
        } finally {
            GreenMailResource.up();
        }
        assertEquals("QUEUED", message(tenant, id).getString("status"), "retried");
        deliverAt(day.plusDays(1).atTime(0, 5).atZone(shanghai).toInstant());

        java.time.LocalDate sentOn = day.plusDays(1);
        List<MimeMessage> received = GreenMailResource.to("li-" + buyer + "@globex.example");
        assertEquals(1, received.size());
        Multipart parts = (Multipart) received.get(0).getContent();
        // mixed: the text and HTML parts (alternative), then the letter
        Object first = parts.getBodyPart(0).getContent();
        String text = (first instanceof Multipart alternative ? alternative.getBodyPart(0).getContent() : first).toString();
        byte[] attached = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attached = parts.getBodyPart(i).getInputStream().readAllBytes();
            }
        }
        assertTrue(attached != null, "a PDF attachment");
        assertTrue(text.contains("Date: " + sentOn), text);
        String letter = Pdfs.read(attached).text();
        assertTrue(letter.contains("Date: " + sentOn), "the letter says the email's day " + sentOn + ": " + letter);
        assertTrue(!letter.contains("Date: " + day), letter);
        // the letter sent is the one kept and the proof covers it
        assertArrayEquals(content(tenant, id).then().statusCode(200).extract().asByteArray(), attached);
        JsonPath m = message(tenant, id);
        assertEquals("SENT", m.getString("status"));
        assertEquals(Proof.withAttachment(new RenderedMessage(m.getString("subject"), m.getString("text"), m.getString("html")),
                "letter-" + id + ".pdf", Proof.sha256(attached)), m.getString("sha256"));
    }

    @Test
    void anotherTenantsLetterAnswers404() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = tenant(buyer, "en", false);
        UUID id = requested(tenant, buyer, "dunning.payment-request", "LETTER", dunningData(buyer), false);
        deliverAt(Instant.now());
        content(tenant, id).then().statusCode(200);

        content(freshTenant(), id).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/messages/" + id + "/content").then().statusCode(401);
    }
}
