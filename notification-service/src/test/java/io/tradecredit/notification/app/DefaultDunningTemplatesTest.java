package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.LetterPage;
import io.tradecredit.notification.domain.RenderedMessage;
import io.tradecredit.notification.domain.TemplateText;

/**
 * What the platform's default dunning templates ask the buyer for, rendered with the engine the
 * service renders with, in both languages, from data as collections-service writes it
 * (DunningRequestData): an invoice of 12,500.00 with 2,500.00 in dispute, and a payment plan's
 * second instalment (4,000.00 open, due 2026-12-10) on an invoice of 30,000.00.
 *
 * <p>DOMAIN §3: the disputed part is not dunned, a plan's instalment dates replace the due date,
 * and a letter says what happens next (the final payment date). The reminders asked for the
 * whole open amount, every template listed an instalment as its whole invoice at its old due date,
 * the due-date letter stated no final date, and the finance demand called every invoice "more
 * than thirty days overdue" whatever day the tenant's ladder sends it on.
 */
@QuarkusTest
class DefaultDunningTemplatesTest {
    static final String DISPUTED = "INV-DSP-1";
    static final String PLANNED = "INV-PLN-1";

    @Inject
    Templates templates;

    @Inject
    ObjectMapper json;

    @Inject
    TemplateContext context;

    @Test
    void everyListingTemplateAsksForTheUndisputedPartAndTheInstalmentAsItself() {
        for (var template : List.of(Map.entry("dunning.friendly-reminder", ChannelType.EMAIL),
                Map.entry("dunning.payment-request", ChannelType.LETTER),
                Map.entry("dunning.formal-demand", ChannelType.EMAIL), Map.entry("dunning.formal-demand", ChannelType.LETTER),
                Map.entry("dunning.finance-demand", ChannelType.EMAIL), Map.entry("dunning.finance-demand", ChannelType.LETTER))) {
            List<String> texts = rendered(template.getKey(), template.getValue(), data(disputed(), instalment()));
            for (String text : texts) {
                String what = template + ":\n" + text;
                assertTrue(text.contains(DISPUTED) && text.contains("10000.00"), what);
                assertFalse(text.contains("12500.00"), what);
                assertTrue(text.contains(PLANNED) && text.contains("4000.00") && text.contains("2026-12-10"), what);
                assertFalse(text.contains("30000.00") || text.contains("2026-10-10"), what);
            }
            assertTrue(texts.get(english()).contains("instalment 2 of the agreed payment plan"), texts.get(english()));
            assertTrue(texts.get(chinese()).contains("付款计划第 2 期"), texts.get(chinese()));
        }
    }

    @Test
    void theSmsRemindsOfTheUndisputedPartOrOfTheInstalment() {
        List<String> disputedFirst = rendered("dunning.reminder", ChannelType.SMS, data(disputed(), instalment()));
        assertEquals("Tradecredit: payment reminder for Globex Trading Ltd.: invoice INV-DSP-1, 10000.00 CNY due 2026-12-10;"
                + " instalment 2 of the payment plan, invoice INV-PLN-1, 4000.00 CNY due 2026-12-10."
                + " Please arrange payment. Thank you.", disputedFirst.get(english()).strip());
        assertEquals("【Tradecredit】Globex Trading Ltd.应付款项：发票号INV-DSP-1，10000.00 CNY，2026-12-10到期；"
                + "付款计划第2期（发票号INV-PLN-1），4000.00 CNY，2026-12-10到期。请及时安排付款。谢谢！",
                disputedFirst.get(chinese()).strip());

        List<String> instalmentFirst = rendered("dunning.reminder", ChannelType.SMS, data(instalment(), disputed()));
        assertEquals("Tradecredit: payment reminder for Globex Trading Ltd.: instalment 2 of the payment plan, invoice INV-PLN-1,"
                + " 4000.00 CNY due 2026-12-10; invoice INV-DSP-1, 10000.00 CNY due 2026-12-10."
                + " Please arrange payment. Thank you.", instalmentFirst.get(english()).strip());
        assertEquals("【Tradecredit】Globex Trading Ltd.应付款项：付款计划第2期（发票号INV-PLN-1），4000.00 CNY，2026-12-10到期；"
                + "发票号INV-DSP-1，10000.00 CNY，2026-12-10到期。请及时安排付款。谢谢！", instalmentFirst.get(chinese()).strip());
    }

    /**
     * One SMS per buyer lists every invoice of the step (consolidation): after National Day 2026 the reminders of
     * invoices due 5 and 9 October, their days (-3) in the holiday, go out together on Thursday 8 October. The SMS
     * read "2 invoice(s) of Globex Trading Ltd. fall due on 2026-10-05, first INV-A 8000.00 CNY": the second
     * invoice's date and amount (2,000.00 due 9 October) were nowhere, and the buyer was told it fell due on the 5th.
     */
    @Test
    void theSmsNamesEveryInvoiceWithItsOwnAmountAndDueDate() {
        ObjectNode data = data(invoice("INV-A", "2026-10-05", "8000.00", "0.00", "8000.00", null),
                invoice("INV-B", "2026-10-09", "2000.00", "0.00", "2000.00", null));
        data.put("runDate", "2026-10-08");
        List<String> texts = rendered("dunning.reminder", ChannelType.SMS, data);
        assertTrue(texts.get(english()).contains("invoice INV-A, 8000.00 CNY due 2026-10-05; invoice INV-B, 2000.00 CNY"
                + " due 2026-10-09."), texts.get(english()));
        assertTrue(texts.get(chinese()).contains("发票号INV-A，8000.00 CNY，2026-10-05到期；发票号INV-B，2000.00 CNY，"
                + "2026-10-09到期。"), texts.get(chinese()));
    }

    @Test
    void theDueDateLetterStatesTheFinalDateAndWhatFollowsIt() {
        List<String> texts = rendered("dunning.payment-request", ChannelType.LETTER, data(disputed()));
        assertTrue(texts.get(english()).contains("no later than 2026-12-17: if we have not received payment by then,"
                + " we will send a formal demand"), texts.get(english()));
        assertTrue(texts.get(chinese()).contains("最迟不晚于 2026-12-17；届时仍未收到款项的，我司将发出正式催款函"),
                texts.get(chinese()));
        // each invoice's own due date, not "today": a letter of a catch-up run or one waiting for its send window goes out later
        assertTrue(texts.get(english()).contains("The following invoices have fallen due for payment:\n\n"
                + "- Invoice INV-DSP-1, due 2026-12-10: 10000.00 CNY open"), texts.get(english()));
        assertTrue(texts.get(chinese()).contains("以下发票已到期：\n\n- 发票号 INV-DSP-1，到期日 2026-12-10：未付金额 10000.00 CNY"),
                texts.get(chinese()));
        assertFalse(texts.get(english()).contains("today") || texts.get(chinese()).contains("今日"), texts.toString());
    }

    /**
     * The due-date letter's step is the invoice's due date moved to the tenant's next working day (a due date on
     * Saturday 3 October 2026, National Day: the run of Thursday 8 October), or a later run's catch-up: the letter
     * said the invoices "fell due for payment on 2026-10-08" (已于 2026-10-08 到期), the run's date, above a line
     * "due 2026-10-03", so the buyer read two due dates and the later one put the letter's own overdue days wrong.
     */
    @Test
    void theDueDateLetterNamesEachInvoicesDueDateNeverTheRunsDate() {
        ObjectNode data = data(invoice("INV-ND-1", "2026-10-03", "8000.00", "0.00", "8000.00", null),
                invoice("INV-ND-2", "2026-10-06", "2000.00", "0.00", "2000.00", null));
        data.put("runDate", "2026-10-08");
        data.put("paymentDeadline", "2026-10-15");
        for (String text : rendered("dunning.payment-request", ChannelType.LETTER, data)) {
            assertFalse(text.contains("2026-10-08"), text);
            assertTrue(text.contains("INV-ND-1") && text.contains("2026-10-03") && text.contains("8000.00"), text);
            assertTrue(text.contains("INV-ND-2") && text.contains("2026-10-06") && text.contains("2000.00"), text);
        }
    }

    @Test
    void theFinanceDemandDoesNotNameADayCountItsLadderMayNotHave() {
        Map<String, Object> overdue = disputed();
        overdue.put("daysOverdue", 33);
        for (String text : rendered("dunning.finance-demand", ChannelType.LETTER, data(overdue))) {
            assertFalse(text.contains("thirty") || text.contains("三十"), text);
            assertTrue(text.contains("The following invoices are overdue:") || text.contains("以下发票已逾期："), text);
        }
    }

    /**
     * The run of 19 October 2026's consolidated demand: JG-2026-00072 (due 16 September, 33 days overdue) and
     * JG-2026-00114 (due 23 October, not yet due), to pay by the 26th.
     */
    ObjectNode consolidatedDemandOfOctober19() {
        Map<String, Object> overdue = invoice("JG-2026-00072", "2026-09-16", "8000.00", "0.00", "8000.00", null);
        overdue.put("daysOverdue", 33);
        Map<String, Object> notYetDue = invoice("JG-2026-00114", "2026-10-23", "5000.00", "0.00", "5000.00", null);
        ObjectNode data = data(overdue, notYetDue);
        data.put("runDate", "2026-10-19");
        data.put("paymentDeadline", "2026-10-26");
        return data;
    }

    /**
     * DOMAIN §3, consolidation: a buyer with a + 30 finance demand (JG-2026-00072, due 16 September 2026, 33 days
     * overdue on the run of 19 October) and a pre-due reminder (JG-2026-00114, due 23 October, due - 7) the same day
     * gets one finance demand at the higher step listing both. It read "JG-2026-00114, due 2026-10-23, 0 days overdue"
     * ("已逾期 0 天"): an invoice not yet due shown as overdue. Now it is "due on 2026-10-23" ("2026-10-23 到期"), beside
     * the other's days overdue, in the email and in the PDF letter, as rendered and made on the run's day.
     */
    @Test
    void aConsolidatedDemandShowsAnInvoiceNotYetDueAsDueOnItsDateNotAsOverdue() {
        ObjectNode data = consolidatedDemandOfOctober19();
        java.time.Instant run = java.time.Instant.parse("2026-10-19T02:00:00Z"); // 10:00 in Shanghai
        String tenant = io.tradecredit.notification.Fixtures.freshTenant();
        for (String key : List.of("dunning.finance-demand", "dunning.formal-demand")) {
            for (ChannelType channel : List.of(ChannelType.EMAIL, ChannelType.LETTER)) {
                for (Language language : List.of(Language.EN, Language.ZH_CN)) {
                    String text = templates.render(tenant, Templates.platformDefault(key, channel, language).orElseThrow(),
                            context.dated(data, null, null, run, language), "").madeOn(run, d -> true).text();
                    List<String> texts = new java.util.ArrayList<>(List.of(text));
                    if (channel == ChannelType.LETTER) {
                        String pdf = io.tradecredit.notification.Pdfs.read(io.tradecredit.notification.app.LetterPdf.render(
                                LetterPage.xhtml(language, SELLER, text, new LetterPage.Layout(false, false)), null, null)).text();
                        // the PDF's text as one line: a row may wrap, and a Chinese line is read back without its spaces
                        texts.add(pdf.replaceAll("\\s+", language == Language.EN ? " " : ""));
                    }
                    if (key.equals("dunning.finance-demand") && channel == ChannelType.LETTER) {
                        // not headed as all overdue: one of them is not
                        assertTrue(text.contains(language == Language.EN
                                ? "The following invoices are overdue or fall due on the date shown:\n"
                                : "以下发票已逾期或于所列日期到期：\n"), text);
                    }
                    for (String t : texts) {
                        String what = key + " " + channel + " " + language + ":\n" + t;
                        if (language == Language.EN) {
                            assertTrue(t.contains("Invoice JG-2026-00072, due 2026-09-16, 33 days overdue: 8000.00 CNY"), what);
                            assertTrue(t.contains("Invoice JG-2026-00114, due on 2026-10-23: 5000.00 CNY"), what);
                            assertFalse(t.contains("0 days overdue: 5000.00"), what);
                        } else {
                            String z = t.replace(" ", "");
                            assertTrue(z.contains("发票号JG-2026-00072，到期日2026-09-16，已逾期33天：8000.00CNY"), what);
                            assertTrue(z.contains("发票号JG-2026-00114，2026-10-23到期：5000.00CNY"), what);
                            assertFalse(z.contains("已逾期0天"), what);
                        }
                    }
                }
            }
        }
    }

    /**
     * The same consolidated demand taken in on the run of 19 October 2026 and made (the letter) or handed over (the
     * email) on Monday 26 October, after JG-2026-00114 fell due on the 23rd: it kept "due on 2026-10-23" / "2026-10-23
     * 到期" beside the date 2026-10-26, under "overdue or fall due on the date shown". Now it reads as of its own date:
     * "due 2026-10-23, 3 days overdue" / "到期日 2026-10-23，已逾期 3 天", the other at 40 days, under "The following
     * invoices are overdue:" / "以下发票已逾期：".
     */
    @Test
    void aConsolidatedDemandMadeAfterTheDueDateOfItsInvoiceNotYetDueCallsItOverdue() {
        ObjectNode data = consolidatedDemandOfOctober19();
        java.time.Instant run = java.time.Instant.parse("2026-10-19T02:00:00Z"); // 10:00 in Shanghai
        java.time.Instant made = java.time.Instant.parse("2026-10-26T01:00:00Z"); // Monday 09:00 in Shanghai
        String tenant = io.tradecredit.notification.Fixtures.freshTenant();
        for (String key : List.of("dunning.finance-demand", "dunning.formal-demand")) {
            for (ChannelType channel : List.of(ChannelType.EMAIL, ChannelType.LETTER)) {
                for (Language language : List.of(Language.EN, Language.ZH_CN)) {
                    String text = templates.render(tenant, Templates.platformDefault(key, channel, language).orElseThrow(),
                            context.dated(data, null, null, run, language), "").madeOn(made, d -> true).text();
                    String what = key + " " + channel + " " + language + ":\n" + text;
                    if (language == Language.EN) {
                        assertTrue(text.contains("Invoice JG-2026-00072, due 2026-09-16, 40 days overdue: 8000.00 CNY"), what);
                        assertTrue(text.contains("Invoice JG-2026-00114, due 2026-10-23, 3 days overdue: 5000.00 CNY"), what);
                        assertFalse(text.contains("due on 2026-10-23") || text.contains("or fall due"), what);
                    } else {
                        assertTrue(text.contains("发票号 JG-2026-00072，到期日 2026-09-16，已逾期 40 天：8000.00 CNY"), what);
                        assertTrue(text.contains("发票号 JG-2026-00114，到期日 2026-10-23，已逾期 3 天：5000.00 CNY"), what);
                        assertFalse(text.contains("2026-10-23 到期") || text.contains("或于所列日期到期"), what);
                    }
                    if (key.equals("dunning.finance-demand") && channel == ChannelType.LETTER) {
                        assertTrue(text.contains(language == Language.EN ? "The following invoices are overdue:\n"
                                : "以下发票已逾期：\n"), what);
                    }
                }
            }
        }
    }

    /**
     * DOMAIN §3, consolidation: a payment request of the run of 19 October 2026 (JG-2026-00072, due 12 October, 7 days
     * overdue) also lists the buyer's pre-due reminder invoice JG-2026-00114, due 23 October. It was headed "The
     * following invoices have fallen due for payment:" / "以下发票已到期：" above an invoice not yet due. Now, in a letter
     * dated before 23 October, "The following invoices have fallen due for payment or fall due on the date shown:" /
     * "以下发票已到期或将于所列日期到期：", and "have fallen due" only in one dated 23 October or later, when it is true.
     */
    @Test
    void aPaymentRequestListingAnInvoiceNotYetDueIsNotHeadedAsAllFallenDue() {
        Map<String, Object> overdue = invoice("JG-2026-00072", "2026-10-12", "8000.00", "0.00", "8000.00", null);
        overdue.put("daysOverdue", 7);
        Map<String, Object> notYetDue = invoice("JG-2026-00114", "2026-10-23", "5000.00", "0.00", "5000.00", null);
        ObjectNode data = data(overdue, notYetDue);
        data.put("runDate", "2026-10-19");
        data.put("paymentDeadline", "2026-10-26");
        java.time.Instant run = java.time.Instant.parse("2026-10-19T02:00:00Z"); // 10:00 in Shanghai
        java.time.Instant dueDay = java.time.Instant.parse("2026-10-23T01:00:00Z"); // 09:00 in Shanghai
        String tenant = io.tradecredit.notification.Fixtures.freshTenant();
        for (Language language : List.of(Language.EN, Language.ZH_CN)) {
            RenderedMessage queued = templates.render(tenant, Templates.platformDefault("dunning.payment-request",
                    ChannelType.LETTER, language).orElseThrow(), context.dated(data, null, null, run, language), "");
            String some = language == Language.EN
                    ? "The following invoices have fallen due for payment or fall due on the date shown:"
                    : "以下发票已到期或将于所列日期到期：";
            String all = language == Language.EN ? "The following invoices have fallen due for payment:" : "以下发票已到期：";
            String made = queued.madeOn(run, d -> true).text();
            String pdf = io.tradecredit.notification.Pdfs.read(io.tradecredit.notification.app.LetterPdf.render(
                    LetterPage.xhtml(language, SELLER, made, new LetterPage.Layout(false, false)), null, null)).text()
                    .replaceAll("\\s+", language == Language.EN ? " " : "");
            for (String t : List.of(made, queued.asAtIntake().text(), pdf)) {
                assertTrue(t.contains(language == Language.EN ? some : some.replace(" ", "")), language + ":\n" + t);
                assertFalse(t.contains(all), language + ":\n" + t);
            }
            String later = queued.madeOn(dueDay, d -> true).text();
            assertTrue(later.contains(all + "\n"), language + ":\n" + later);
            assertFalse(later.contains(some), language + ":\n" + later);
        }
    }

    /**
     * One reminder to Globex (consolidated) of INV-A (8,000.00, due 30 November 2026) and INV-B (2,000.00, due
     * 10 December), taken in on the run of {@code runDate} with INV-A's days overdue as collections-service counts them
     * that day.
     */
    ObjectNode reminderOfInvoicesDueNovember30AndDecember10(String runDate, int daysOverdueOfA) {
        Map<String, Object> a = invoice("INV-A", "2026-11-30", "8000.00", "0.00", "8000.00", null);
        a.put("daysOverdue", daysOverdueOfA);
        ObjectNode data = data(a, invoice("INV-B", "2026-12-10", "2000.00", "0.00", "2000.00", null));
        data.put("runDate", runDate);
        data.remove("paymentDeadline");
        return data;
    }

    /** {@code key}'s default on {@code channel} in {@code language} taken in at {@code run} and sent at {@code sent}. */
    private RenderedMessage sent(String key, ChannelType channel, Language language, ObjectNode data, java.time.Instant run,
            java.time.Instant sent) {
        return templates.render(io.tradecredit.notification.Fixtures.freshTenant(), Templates.platformDefault(key, channel,
                language).orElseThrow(), context.dated(data, null, null, run, language), "").madeOn(sent, d -> true);
    }

    /**
     * DOMAIN §3, consolidation: a friendly reminder listing INV-A (due 30 November 2026) and INV-B (due 10 December),
     * sent on 3 December, between the two due dates (taken in that day, or on 23 November and held), read "Friendly
     * reminder: invoices due for payment" / "付款提醒：…的发票到期付款" above "INV-A: 8000.00 CNY, due on 2026-11-30" and
     * "INV-B: 2000.00 CNY, due on 2026-12-10": INV-B is not due yet, and nothing said INV-A was 3 days overdue. Now
     * subject and opening say some have fallen due and some fall due later, and INV-A's line "3 days overdue" /
     * "已逾期 3 天"; before 30 November "due soon" without days overdue; from 10 December on "due for payment".
     */
    @Test
    void aFriendlyReminderSentBetweenItsDueDatesSaysWhichInvoiceIsOverdueAndWhichIsNotYetDue() {
        java.time.Instant december3 = java.time.Instant.parse("2026-12-03T02:00:00Z"); // 10:00 in Shanghai
        java.time.Instant november23 = java.time.Instant.parse("2026-11-23T02:00:00Z");
        for (var taken : List.of(Map.entry(december3, reminderOfInvoicesDueNovember30AndDecember10("2026-12-03", 3)),
                Map.entry(november23, reminderOfInvoicesDueNovember30AndDecember10("2026-11-23", 0)))) {
            RenderedMessage en = sent("dunning.friendly-reminder", ChannelType.EMAIL, Language.EN, taken.getValue(),
                    taken.getKey(), december3);
            assertEquals("Friendly reminder: invoices due now or soon from Tradecredit", en.subject());
            assertTrue(en.text().contains("This is a friendly reminder of the following invoices to Globex Trading Ltd.,"
                    + " which have fallen due or fall due on the dates shown:\n\n"
                    + "- Invoice INV-A: 8000.00 CNY, due on 2026-11-30, 3 days overdue\n"
                    + "- Invoice INV-B: 2000.00 CNY, due on 2026-12-10\n"), en.text());
            RenderedMessage zh = sent("dunning.friendly-reminder", ChannelType.EMAIL, Language.ZH_CN, taken.getValue(),
                    taken.getKey(), december3);
            assertEquals("付款提醒：Tradecredit的发票已到期及即将到期", zh.subject());
            assertTrue(zh.text().contains("您好！温馨提醒，Globex Trading Ltd.的以下发票已到期或将于所列日期到期：\n\n"
                    + "- 发票号 INV-A：8000.00 CNY，到期日 2026-11-30，已逾期 3 天\n"
                    + "- 发票号 INV-B：2000.00 CNY，到期日 2026-12-10\n"), zh.text());
            for (RenderedMessage m : List.of(en, zh)) {
                assertTrue(m.html().contains("3 days overdue") || m.html().contains("已逾期 3 天"), m.html());
                assertFalse(m.canonical().indexOf('\u2063') >= 0, m.canonical());
            }
        }
        ObjectNode early = reminderOfInvoicesDueNovember30AndDecember10("2026-11-23", 0);
        RenderedMessage before = sent("dunning.friendly-reminder", ChannelType.EMAIL, Language.EN, early, november23,
                java.time.Instant.parse("2026-11-27T02:00:00Z"));
        assertEquals("Friendly reminder: invoices due soon from Tradecredit", before.subject());
        assertTrue(before.text().contains("fall due soon:\n\n- Invoice INV-A: 8000.00 CNY, due on 2026-11-30\n"
                + "- Invoice INV-B: 2000.00 CNY, due on 2026-12-10\n"), before.text());
        java.time.Instant december13 = java.time.Instant.parse("2026-12-13T02:00:00Z");
        RenderedMessage after = sent("dunning.friendly-reminder", ChannelType.EMAIL, Language.EN, early, november23, december13);
        assertEquals("Friendly reminder: invoices due for payment from Tradecredit", after.subject());
        assertTrue(after.text().contains("- Invoice INV-A: 8000.00 CNY, due on 2026-11-30, 13 days overdue\n"
                + "- Invoice INV-B: 2000.00 CNY, due on 2026-12-10, 3 days overdue\n"), after.text());
        RenderedMessage afterZh = sent("dunning.friendly-reminder", ChannelType.EMAIL, Language.ZH_CN, early, november23,
                december13);
        assertEquals("付款提醒：Tradecredit的发票到期付款", afterZh.subject());
        assertTrue(afterZh.text().contains("- 发票号 INV-A：8000.00 CNY，到期日 2026-11-30，已逾期 13 天\n"
                + "- 发票号 INV-B：2000.00 CNY，到期日 2026-12-10，已逾期 3 天\n"), afterZh.text());
    }

    /**
     * The same two invoices in one reminder SMS sent on 3 December 2026 read "payment due from Globex Trading Ltd.:
     * invoice INV-A, 8000.00 CNY due 2026-11-30; invoice INV-B, 2000.00 CNY due 2026-12-10": INV-B is not due, and
     * INV-A's 3 days overdue were not said. Now INV-A's item says "3 days overdue" / "已逾期3天", INV-B's its due date
     * alone, under a neutral "payment reminder for".
     */
    @Test
    void aReminderSmsSentBetweenItsDueDatesSaysWhichInvoiceIsOverdue() {
        java.time.Instant december3 = java.time.Instant.parse("2026-12-03T02:00:00Z");
        java.time.Instant november27 = java.time.Instant.parse("2026-11-27T02:00:00Z");
        for (var taken : List.of(Map.entry(december3, reminderOfInvoicesDueNovember30AndDecember10("2026-12-03", 3)),
                Map.entry(november27, reminderOfInvoicesDueNovember30AndDecember10("2026-11-27", 0)))) {
            assertEquals("Tradecredit: payment reminder for Globex Trading Ltd.: invoice INV-A, 8000.00 CNY due 2026-11-30,"
                    + " 3 days overdue; invoice INV-B, 2000.00 CNY due 2026-12-10. Please arrange payment. Thank you.",
                    sent("dunning.reminder", ChannelType.SMS, Language.EN, taken.getValue(), taken.getKey(), december3)
                            .text().strip());
            assertEquals("【Tradecredit】Globex Trading Ltd.应付款项：发票号INV-A，8000.00 CNY，2026-11-30到期，已逾期3天；"
                    + "发票号INV-B，2000.00 CNY，2026-12-10到期。请及时安排付款。谢谢！",
                    sent("dunning.reminder", ChannelType.SMS, Language.ZH_CN, taken.getValue(), taken.getKey(), december3)
                            .text().strip());
        }
    }

    /**
     * DOMAIN §3: a dunning letter states what is overdue and since when. A payment request of the run of 3 December 2026
     * (a catch-up: the run was down from 30 November, INV-A's due date) listing INV-A (8,000.00, 3 days overdue) and
     * INV-B (2,000.00, due 10 December) read "- Invoice INV-A, due 2026-11-30: 8000.00 CNY open" / "到期日 2026-11-30：
     * 未付金额 8000.00 CNY", nothing overdue. Now INV-A's line says "3 days overdue" / "已逾期 3 天", counted on the
     * letter's date (made on 14 December: 14, and INV-B 4), in the text and in the PDF.
     */
    @Test
    void aPaymentRequestSaysHowManyDaysEachInvoiceIsOverdueOnItsDate() {
        ObjectNode data = reminderOfInvoicesDueNovember30AndDecember10("2026-12-03", 3);
        data.put("paymentDeadline", "2026-12-10");
        java.time.Instant december3 = java.time.Instant.parse("2026-12-03T02:00:00Z");
        for (Language language : List.of(Language.EN, Language.ZH_CN)) {
            String made = sent("dunning.payment-request", ChannelType.LETTER, language, data, december3, december3).text();
            String pdf = io.tradecredit.notification.Pdfs.read(io.tradecredit.notification.app.LetterPdf.render(
                    LetterPage.xhtml(language, SELLER, made, new LetterPage.Layout(false, false)), null, null)).text()
                    .replaceAll("\\s+", language == Language.EN ? " " : "");
            String later = sent("dunning.payment-request", ChannelType.LETTER, language, data, december3,
                    java.time.Instant.parse("2026-12-14T01:00:00Z")).text();
            if (language == Language.EN) {
                assertTrue(made.contains("- Invoice INV-A, due 2026-11-30, 3 days overdue: 8000.00 CNY open\n"
                        + "- Invoice INV-B, due 2026-12-10: 2000.00 CNY open\n"), made);
                assertTrue(pdf.contains("Invoice INV-A, due 2026-11-30, 3 days overdue: 8000.00 CNY open"), pdf);
                assertTrue(later.contains("- Invoice INV-A, due 2026-11-30, 14 days overdue: 8000.00 CNY open\n"
                        + "- Invoice INV-B, due 2026-12-10, 4 days overdue: 2000.00 CNY open\n"), later);
            } else {
                assertTrue(made.contains("- 发票号 INV-A，到期日 2026-11-30，已逾期 3 天：未付金额 8000.00 CNY\n"
                        + "- 发票号 INV-B，到期日 2026-12-10：未付金额 2000.00 CNY\n"), made);
                assertTrue(pdf.contains("发票号INV-A，到期日2026-11-30，已逾期3天：未付金额8000.00CNY"), pdf);
                assertTrue(later.contains("- 发票号 INV-A，到期日 2026-11-30，已逾期 14 天：未付金额 8000.00 CNY\n"
                        + "- 发票号 INV-B，到期日 2026-12-10，已逾期 4 天：未付金额 2000.00 CNY\n"), later);
            }
        }
    }

    /**
     * The count of days overdue is made on the message's own date, and so is its English noun: the reminder of INV-A
     * (due 30 November 2026) and INV-B (due 10 December), taken in on the run of 3 December and sent or made on
     * 11 December, read "INV-B … due on 2026-12-10, 1 days overdue" in the email, the SMS and the letter's PDF. Now
     * "1 day overdue" beside INV-A's "11 days overdue"; zh-CN "已逾期 1 天" as before.
     */
    @Test
    void anInvoiceOneDayOverdueOnTheMessagesDateIsOneDayOverdueInEnglish() {
        ObjectNode data = reminderOfInvoicesDueNovember30AndDecember10("2026-12-03", 3);
        java.time.Instant december3 = java.time.Instant.parse("2026-12-03T02:00:00Z");
        java.time.Instant december11 = java.time.Instant.parse("2026-12-11T02:00:00Z"); // 10:00 in Shanghai
        String email = sent("dunning.friendly-reminder", ChannelType.EMAIL, Language.EN, data, december3, december11).text();
        assertTrue(email.contains("- Invoice INV-A: 8000.00 CNY, due on 2026-11-30, 11 days overdue\n"
                + "- Invoice INV-B: 2000.00 CNY, due on 2026-12-10, 1 day overdue\n"), email);
        String zh = sent("dunning.friendly-reminder", ChannelType.EMAIL, Language.ZH_CN, data, december3, december11).text();
        assertTrue(zh.contains("- 发票号 INV-B：2000.00 CNY，到期日 2026-12-10，已逾期 1 天\n"), zh);
        assertEquals("Tradecredit: payment reminder for Globex Trading Ltd.: invoice INV-A, 8000.00 CNY due 2026-11-30,"
                + " 11 days overdue; invoice INV-B, 2000.00 CNY due 2026-12-10, 1 day overdue. Please arrange payment."
                + " Thank you.", sent("dunning.reminder", ChannelType.SMS, Language.EN, data, december3, december11).text().strip());
        ObjectNode request = data.deepCopy();
        request.put("paymentDeadline", "2026-12-10");
        String letter = sent("dunning.payment-request", ChannelType.LETTER, Language.EN, request, december3, december11).text();
        String pdf = io.tradecredit.notification.Pdfs.read(io.tradecredit.notification.app.LetterPdf.render(
                LetterPage.xhtml(Language.EN, SELLER, letter, new LetterPage.Layout(false, false)), null, null)).text()
                .replaceAll("\\s+", " ");
        assertTrue(pdf.contains("Invoice INV-A, due 2026-11-30, 11 days overdue: 8000.00 CNY open"
                + " - Invoice INV-B, due 2026-12-10, 1 day overdue: 2000.00 CNY open"), pdf);
        // two days: plural again
        assertTrue(sent("dunning.payment-request", ChannelType.LETTER, Language.EN, request, december3,
                java.time.Instant.parse("2026-12-12T02:00:00Z")).text().contains("due 2026-12-10, 2 days overdue: 2000.00"));
    }

    /**
     * A tenant's own template written {@code {inv.daysOverdue} days overdue} read "INV-B, 1 days overdue": a template
     * author had no count-and-noun of the message's language. {@code daysOverdueText} is one: "1 day" / "11 days" in
     * English, "1 天" / "11 天" in Chinese, counted on the day the SMS goes out (11 December 2026: INV-A due 30 November,
     * INV-B due 10 December), and in a preview from the request's counts.
     */
    @Test
    void aTenantsOwnTemplateSaysOneDayAndElevenDaysWithDaysOverdueText() {
        ObjectNode data = reminderOfInvoicesDueNovember30AndDecember10("2026-12-03", 3);
        java.time.Instant december3 = java.time.Instant.parse("2026-12-03T02:00:00Z");
        java.time.Instant december11 = java.time.Instant.parse("2026-12-11T02:00:00Z"); // 10:00 in Shanghai
        TemplateText en = TemplateText.tenantVersion("dunning.reminder", ChannelType.SMS, "en", 1, null,
                "{#for inv in invoices}{inv.invoiceNumber}, {inv.daysOverdueText} overdue{#if inv_hasNext}; {/if}{/for}");
        TemplateText zh = TemplateText.tenantVersion("dunning.reminder", ChannelType.SMS, "zh-CN", 1, null,
                "{#for inv in invoices}{inv.invoiceNumber}已逾期 {inv.daysOverdueText}{#if inv_hasNext}；{/if}{/for}");
        String tenant = io.tradecredit.notification.Fixtures.freshTenant();
        assertEquals("INV-A, 11 days overdue; INV-B, 1 day overdue", templates.render(tenant, en,
                context.dated(data, null, null, december3, Language.EN), "").madeOn(december11, d -> true).text().strip());
        assertEquals("INV-A已逾期 11 天；INV-B已逾期 1 天", templates.render(tenant, zh,
                context.dated(data, null, null, december3, Language.ZH_CN), "").madeOn(december11, d -> true).text().strip());
        // a preview: the request's own counts, 3 and 0
        assertEquals("INV-A, 3 days overdue; INV-B, 0 days overdue", templates.render(tenant, en,
                context.of(data, null, null, december3, Language.EN), "").text().strip());
        assertEquals("INV-A已逾期 3 天；INV-B已逾期 0 天", templates.render(tenant, zh,
                context.of(data, null, null, december3, Language.ZH_CN), "").text().strip());
    }

    /**
     * DOMAIN §3, consolidation: a message listing INV-A (12,500.00 CNY, 2,500.00 in dispute: 10,000.00 asked, late
     * charges of 535.00 CNY stated) and INV-B (2,000.00 CNY) asked for "the amounts above" and left the buyer to add
     * them up: no template printed what it asked for in all. Now every listing email and letter says "Total: 12000.00
     * CNY" / "合计：12000.00 CNY" below the list, and the finance department's letter also "Total with the late charges
     * above: 12535.00 CNY" / "含上述逾期费用合计：12535.00 CNY"; a message of one invoice prints no total of it alone.
     */
    @Test
    void everyListingMessageStatesWhatItAsksForInAll() {
        Map<String, Object> a = invoice("INV-A", "2026-10-31", "12500.00", "2500.00", "10000.00", null);
        a.put("daysOverdue", 40);
        a.put("lateCharges", Map.of("asOf", "2026-12-09", "interest", money("160.00"), "fee", money("375.00"), "total",
                money("535.00"), "dailyRate", "0.0005", "feeAfterDays", 30, "feeRate", "0.03"));
        ObjectNode data = data(a, invoice("INV-B", "2026-12-10", "2000.00", "0.00", "2000.00", null));
        for (var template : List.of(Map.entry("dunning.friendly-reminder", ChannelType.EMAIL),
                Map.entry("dunning.payment-request", ChannelType.LETTER),
                Map.entry("dunning.formal-demand", ChannelType.EMAIL), Map.entry("dunning.formal-demand", ChannelType.LETTER),
                Map.entry("dunning.finance-demand", ChannelType.EMAIL), Map.entry("dunning.finance-demand", ChannelType.LETTER))) {
            List<String> texts = rendered(template.getKey(), template.getValue(), data);
            String en = texts.get(english());
            String zh = texts.get(chinese());
            assertTrue(en.contains("2000.00 CNY") && en.contains("\nTotal: 12000.00 CNY\n"), template + ":\n" + en);
            assertTrue(zh.contains("\n合计：12000.00 CNY\n"), template + ":\n" + zh);
            boolean charges = template.getKey().equals("dunning.finance-demand") && template.getValue() == ChannelType.LETTER;
            assertEquals(charges, en.contains("\nTotal with the late charges above: 12535.00 CNY\n"), template + ":\n" + en);
            assertEquals(charges, zh.contains("\n含上述逾期费用合计：12535.00 CNY\n"), template + ":\n" + zh);
            for (String one : rendered(template.getKey(), template.getValue(), data(disputed()))) {
                assertFalse(one.contains("Total: ") || one.contains("合计：10000.00"), template + ":\n" + one);
            }
        }
    }

    static final String SELLER = "Acme Industrial Supply Co., Ltd.";
    static final String SELLER_ADDRESS = "88 Century Avenue, Pudong, Shanghai 200120";
    static final String BUYER_ADDRESS = "1 Nanjing Road East, Huangpu, Shanghai 200001";

    /**
     * DOMAIN §3: a dunning letter names both companies with their addresses and quotes the prior
     * communication. The templates printed neither the seller nor the buyer's address (only the
     * contact's postal address, blank for an email contact), a tenant without settings named the
     * platform ("Tradecredit") as the creditor and signatory, and the record read
     * "dunning.friendly-reminder ([EMAIL])" even in Chinese.
     */
    @Test
    void everyDunningLetterNamesBothCompaniesWithTheirAddressesAndTheReadableRecord() {
        for (var template : List.of(Map.entry("dunning.payment-request", ChannelType.LETTER),
                Map.entry("dunning.formal-demand", ChannelType.EMAIL), Map.entry("dunning.formal-demand", ChannelType.LETTER),
                Map.entry("dunning.finance-demand", ChannelType.EMAIL), Map.entry("dunning.finance-demand", ChannelType.LETTER))) {
            List<String> texts = rendered(template.getKey(), template.getValue(), realistic());
            for (String text : texts) {
                String what = template + ":\n" + text;
                assertTrue(text.contains(SELLER) && text.contains(SELLER_ADDRESS), what);
                assertTrue(text.contains("Globex Trading Ltd.") && text.contains(BUYER_ADDRESS), what);
                // the tenant set no sender identity: the seller is the creditor and signs, not the platform
                assertFalse(text.contains("Tradecredit"), what);
                assertFalse(text.contains("dunning.") || text.contains("[EMAIL") || text.contains("EMAIL"), what);
            }
            if (template.getKey().equals("dunning.finance-demand") && template.getValue() == ChannelType.EMAIL) {
                continue; // the finance demand's email points to its letter, which carries the record
            }
            assertTrue(texts.get(english()).contains("- 2026-11-13: friendly payment reminder (email)\n"
                    + "- 2026-11-27: payment reminder (SMS)\n- 2026-12-03: request for payment (letter by post, email)"),
                    texts.get(english()));
            assertTrue(texts.get(chinese()).contains("- 2026-11-13：付款提醒（电子邮件）\n"
                    + "- 2026-11-27：到期提醒（短信）\n- 2026-12-03：付款通知书（邮寄信函、电子邮件）"), texts.get(chinese()));
        }
        List<String> reminders = rendered("dunning.friendly-reminder", ChannelType.EMAIL, realistic());
        for (String text : reminders) {
            assertTrue(text.contains(SELLER) && text.contains(SELLER_ADDRESS) && !text.contains("Tradecredit"), text);
        }
    }

    /**
     * A tenant that has set no sender identity writes and signs as the request's seller. Every default dunning letter and
     * email signed "Acme Industrial Supply Co., Ltd." on one line and again on the next (the signatory and the company
     * both the seller's name; the finance demand "…, Ltd.\nFinance Department, Acme …"), in both languages. Now the
     * company signs once; a tenant with a sender identity still signs with its signatory above its name.
     */
    @Test
    void withoutASenderIdentityTheSellerSignsOnce() {
        String seller = SELLER + "\n" + SELLER_ADDRESS;
        for (var signed : List.of(
                Map.entry(Map.entry("dunning.friendly-reminder", ChannelType.EMAIL),
                        List.of("Kind regards,\n" + seller, "此致\n敬礼\n\n" + seller)),
                Map.entry(Map.entry("dunning.payment-request", ChannelType.LETTER),
                        List.of("Yours faithfully,\n\n" + SELLER, "此致\n\n" + SELLER)),
                Map.entry(Map.entry("dunning.formal-demand", ChannelType.EMAIL),
                        List.of("Yours faithfully,\n\n" + SELLER, "此致\n\n" + SELLER)),
                Map.entry(Map.entry("dunning.formal-demand", ChannelType.LETTER),
                        List.of("Yours faithfully,\n\n" + SELLER, "此致\n\n" + SELLER)),
                Map.entry(Map.entry("dunning.finance-demand", ChannelType.EMAIL),
                        List.of("Yours faithfully,\n\nFinance Department, " + SELLER, "此致\n\n" + SELLER + "财务部")),
                Map.entry(Map.entry("dunning.finance-demand", ChannelType.LETTER),
                        List.of("Yours faithfully,\n\nFinance Department, " + SELLER, "此致\n\n" + SELLER + " 财务部")))) {
            List<String> texts = rendered(signed.getKey().getKey(), signed.getKey().getValue(), realistic());
            for (int language : List.of(english(), chinese())) {
                String text = texts.get(language).strip();
                String block = signed.getValue().get(language == english() ? 0 : 1);
                assertTrue(text.endsWith("\n" + block), signed.getKey() + " " + language + ":\n" + text);
            }
        }
    }

    /**
     * A dunning message asks the buyer to pay and must say where: the invoice's bank account, which collections-service
     * sends as {@code seller.bankAccount}. No default dunning template printed it, so a tenant whose letterhead names
     * no account (or another one than its invoices) sent demands for 10,000.00 CNY the buyer could not pay as asked;
     * without a stated account the line is left out.
     */
    @Test
    void everyDunningMessageAskingForPaymentSaysWhichBankAccountToPayTo() {
        for (var template : List.of(Map.entry("dunning.friendly-reminder", ChannelType.EMAIL),
                Map.entry("dunning.payment-request", ChannelType.LETTER),
                Map.entry("dunning.formal-demand", ChannelType.EMAIL), Map.entry("dunning.formal-demand", ChannelType.LETTER),
                Map.entry("dunning.finance-demand", ChannelType.EMAIL), Map.entry("dunning.finance-demand", ChannelType.LETTER))) {
            List<String> texts = rendered(template.getKey(), template.getValue(), realistic());
            assertTrue(texts.get(english()).contains("\n\nBank account for payment: ICBC Shanghai 1001 2345 6789\n\n"),
                    template + ":\n" + texts.get(english()));
            assertTrue(texts.get(chinese()).contains("\n\n收款账户：ICBC Shanghai 1001 2345 6789\n\n"),
                    template + ":\n" + texts.get(chinese()));
            for (String text : rendered(template.getKey(), template.getValue(), data(disputed()))) {
                assertFalse(text.contains("Bank account") || text.contains("收款账户"), template + ":\n" + text);
            }
        }
    }

    @Test
    void theDemandEmailsShowTheLetterheadOnceAsTheirHeader() throws Throwable {
        String tenant = io.tradecredit.notification.Fixtures.freshTenant();
        io.tradecredit.notification.Fixtures.settings(tenant, Map.of("sender",
                io.tradecredit.notification.Fixtures.acmeSender("ar@acme.example")));
        for (String key : List.of("dunning.formal-demand", "dunning.finance-demand")) {
            for (Templates.Preview p : VertxContextSupport.<List<Templates.Preview>>subscribeAndAwait(
                    () -> templates.preview(tenant, key, ChannelType.EMAIL, realistic()))) {
                assertNull(p.failure(), key + " " + p.language());
                String html = p.rendered().html();
                assertEquals(1, html.split("Acme Trading Co., Ltd.", -1).length - 1, key + " " + p.language() + ": " + html);
                assertTrue(html.startsWith("<!DOCTYPE html><html><body><header><p>Acme Trading Co., Ltd.</p></header>"), html);
                // a tenant with a sender identity signs as it chose
                assertTrue(p.rendered().text().contains("Zhang San") && p.rendered().text().contains("Acme AR"), p.rendered().text());
            }
        }
    }

    /** A formal demand's data as collections-service writes it, the seller and the buyer's address included. */
    private ObjectNode realistic() {
        ObjectNode data = data(disputed());
        ObjectNode seller = data.putObject("seller");
        seller.put("name", SELLER);
        seller.put("address", SELLER_ADDRESS);
        seller.put("taxId", "91310000MA1K4XXXXX");
        seller.put("bankAccount", "ICBC Shanghai 1001 2345 6789");
        ((ObjectNode) data.get("buyer")).put("address", BUYER_ADDRESS);
        data.set("priorMessages", json.valueToTree(List.of(
                prior("friendly-reminder", "dunning.friendly-reminder", List.of("EMAIL"), "2026-11-13"),
                prior("reminder", "dunning.reminder", List.of("SMS"), "2026-11-27"),
                prior("payment-request", "dunning.payment-request", List.of("LETTER", "EMAIL"), "2026-12-03"))));
        return data;
    }

    private static Map<String, Object> prior(String step, String template, List<String> channels, String runDate) {
        return Map.of("stepKey", step, "templateKey", template, "channels", channels, "runDate", runDate);
    }

    /** Each language's rendering, in {@link io.tradecredit.notification.domain.Language} order; fails on a failed one. */
    private List<String> rendered(String key, ChannelType channel, ObjectNode data) {
        return DefaultTemplatePreviews.rendered(templates, key, channel, data).stream().map(RenderedMessage::text).toList();
    }

    private static int english() {
        return io.tradecredit.notification.domain.Language.EN.ordinal();
    }

    private static int chinese() {
        return io.tradecredit.notification.domain.Language.ZH_CN.ordinal();
    }

    private ObjectNode data(Map<String, Object> first, Map<String, Object>... more) {
        List<Map<String, Object>> invoices = new java.util.ArrayList<>(List.of(first));
        invoices.addAll(List.of(more));
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("seller", null);
        data.put("buyer", Map.of("buyerId", UUID.randomUUID().toString(), "name", "Globex Trading Ltd.", "address", ""));
        data.put("invoices", invoices);
        data.put("step", Map.of("key", "custom", "offsetDays", 0));
        data.put("runDate", "2026-12-10");
        data.put("paymentDeadline", "2026-12-17");
        data.put("priorMessages", List.of());
        // a tenant without settings writes as the platform (its configured name: Tradecredit)
        return json.valueToTree(data);
    }

    private static Map<String, Object> disputed() {
        return invoice(DISPUTED, "2026-12-10", "12500.00", "2500.00", "10000.00", null);
    }

    private static Map<String, Object> instalment() {
        return invoice(PLANNED, "2026-10-10", "30000.00", "0.00", "30000.00", Map.of("planId",
                UUID.randomUUID().toString(), "number", 2, "dueDate", "2026-12-10", "daysOverdue", 0,
                "amount", money("5000.00"), "openAmount", money("4000.00")));
    }

    private static Map<String, Object> invoice(String number, String due, String open, String disputed,
            String collectible, Map<String, Object> instalment) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("invoiceId", UUID.randomUUID().toString());
        m.put("invoiceNumber", number);
        m.put("purchaseOrderNumber", null);
        m.put("issueDate", "2026-09-10");
        m.put("dueDate", due);
        m.put("daysOverdue", 0);
        m.put("openAmount", money(open));
        m.put("disputedAmount", money(disputed));
        m.put("collectibleAmount", money(collectible));
        m.put("lateCharges", null);
        if (instalment != null) {
            m.put("instalment", instalment);
        }
        return m;
    }

    private static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }
}
