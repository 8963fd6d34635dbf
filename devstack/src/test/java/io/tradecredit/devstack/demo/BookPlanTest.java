package io.tradecredit.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.tradecredit.devstack.demo.BookEvents.Payment;
import io.tradecredit.devstack.demo.DemoBuyer.Conduct;

/** The demo book worked out for 4 December 2026 with the default seed. */
class BookPlanTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    final BookPlan book = BookPlan.of(BookPlan.DEFAULT_SEED, TODAY);

    @Test
    void theSameSeedAndDayGiveTheSameBookAnotherSeedAnotherOne() {
        assertEquals(book, BookPlan.of(BookPlan.DEFAULT_SEED, TODAY));
        BookPlan other = BookPlan.of(7, TODAY);
        assertNotEquals(book.buyers(), other.buyers());
        assertNotEquals(book.invoices().stream().map(DemoInvoice::total).toList(),
                other.invoices().stream().map(DemoInvoice::total).toList());
        // pinned: a change of the generator shows here (and changes the book a running platform already has)
        assertEquals(36, book.buyers().size());
        assertEquals(LocalDate.of(2026, 6, 4), book.start());
        assertEquals(book.invoices().size(), book.invoices().stream().map(DemoInvoice::number).distinct().count());
        assertEquals("JG-2026-00001", book.invoices().get(0).number());
    }

    @Test
    void chineseBuyersCarryAValidUnifiedSocialCreditCodeOthersTheirCountrysNumberAllDistinct() {
        List<DemoBuyer> chinese = book.buyers().stream().filter(DemoBuyer::chinese).toList();
        assertEquals(26, chinese.size());
        for (DemoBuyer b : chinese) {
            assertTrue(Uscc.isValid(b.registrationNumber()), b.name() + " " + b.registrationNumber());
            assertTrue(b.name().endsWith("有限公司"), b.name());
            assertEquals("zh-CN", b.language());
            assertTrue(b.mobile().startsWith("+86 13"), b.mobile());
        }
        for (DemoBuyer b : book.buyers()) {
            if (!b.chinese()) {
                assertTrue(b.name().matches("[A-Za-z .]+"), b.name());
                assertEquals("en", b.language());
                assertTrue(b.registrationNumber().matches(switch (b.country()) {
                    case "HK" -> "\\d{7}";
                    case "SG" -> "20\\d{7}[A-Z]";
                    default -> "\\d{8}";
                }), b.country() + " " + b.registrationNumber());
            }
        }
        assertEquals(10, book.buyers().size() - chinese.size());
        assertEquals(36, book.buyers().stream().map(DemoBuyer::registrationNumber).distinct().count());
        assertEquals(36, book.buyers().stream().map(DemoBuyer::name).distinct().count());
        assertEquals(36, book.buyers().stream().map(DemoBuyer::email).distinct().count());
    }

    @Test
    void everyConductIsThereAndThePartsOfTheirOwnAreChineseBuyers() {
        assertEquals(EnumSet.allOf(Conduct.class), book.buyers().stream().map(DemoBuyer::conduct)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Conduct.class))));
        for (Conduct role : List.of(Conduct.INSURED, Conduct.INSOLVENT, Conduct.DISPUTING, Conduct.ON_PLAN)) {
            List<DemoBuyer> with = book.buyers().stream().filter(b -> b.conduct() == role).toList();
            assertEquals(1, with.size(), role.name());
            assertTrue(with.get(0).chinese(), role.name());
        }
        assertTrue(book.buyers().stream().filter(b -> b.conduct() == Conduct.STOPPED).count() >= 3);
    }

    @Test
    void invoicesRunSixMonthsToYesterdayWithTheBuyersTermsAndChineseVat() {
        for (DemoInvoice i : book.invoices()) {
            assertFalse(i.issued().isBefore(book.start()), i.number());
            assertTrue(i.issued().isBefore(TODAY), i.number());
            assertEquals(i.issued().plusDays(i.buyer().paymentTermDays()), i.due(), i.number());
            assertEquals(2, i.unitPrice().scale());
            BigDecimal vat = i.buyer().chinese() ? new BigDecimal("0.13") : BigDecimal.ZERO;
            assertEquals(0, i.tax().compareTo(i.net().multiply(vat).setScale(2, java.math.RoundingMode.HALF_UP)), i.number());
            assertEquals(i.net().add(i.tax()), i.total());
        }
        // each buyer every three to six weeks: four to nine invoices in six months
        for (DemoBuyer b : book.buyers()) {
            int n = book.invoicesOf(b).size();
            assertTrue(n >= 4 && n <= 9 || b.conduct() == Conduct.INSOLVENT && n >= 3, b.name() + ": " + n);
        }
        // numbered in the order issued
        List<DemoInvoice> byNumber = book.invoices();
        for (int k = 1; k < byNumber.size(); k++) {
            assertFalse(byNumber.get(k).issued().isBefore(byNumber.get(k - 1).issued()));
        }
    }

    @Test
    void paymentsComeInOrderNeverAfterTodayAndNeverPayMoreThanAnInvoiceIsOpenFor() {
        Map<String, BigDecimal> paid = new HashMap<>();
        LocalDate previous = book.start();
        for (Payment p : book.payments()) {
            assertFalse(p.receivedOn().isAfter(TODAY));
            assertFalse(p.receivedOn().isBefore(previous));
            previous = p.receivedOn();
            if (p.invoiceNumber() != null) {
                paid.merge(p.invoiceNumber(), p.amount(), BigDecimal::add);
            }
        }
        for (DemoInvoice i : book.invoices()) {
            BigDecimal sum = paid.getOrDefault(i.number(), BigDecimal.ZERO);
            BigDecimal open = i.equals(book.dispute().invoice()) ? i.total().subtract(book.dispute().amount()) : i.total();
            assertTrue(sum.compareTo(open) <= 0, i.number() + " paid " + sum + " of " + open);
            if (i.buyer().conduct() == Conduct.PROMPT && !i.due().isAfter(TODAY.minusDays(3))) {
                assertEquals(0, sum.compareTo(i.total()), "a prompt payer has paid " + i.number());
            }
        }
    }

    @Test
    void aStoppedBuyerOwesWhatFellDueInTheLastThreeMonthsAndNothingBefore() {
        DemoBuyer stopped = book.buyers().stream().filter(b -> b.conduct() == Conduct.STOPPED).findFirst().orElseThrow();
        var paidNumbers = book.payments().stream().map(Payment::invoiceNumber).collect(Collectors.toSet());
        for (DemoInvoice i : book.invoicesOf(stopped)) {
            assertEquals(i.due().isBefore(TODAY.minusDays(90)), paidNumbers.contains(i.number()), i.number());
        }
    }

    @Test
    void aThirdOfOneInvoiceIsDisputedBeforeItsDueDateAndTheRestPaid() {
        BookEvents.Dispute d = book.dispute();
        assertEquals(Conduct.DISPUTING, d.invoice().buyer().conduct());
        assertEquals(d.invoice().due().minusDays(5), d.raisedOn());
        assertFalse(d.invoice().due().isAfter(TODAY.minusDays(30)));
        assertEquals(d.invoice().total().divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN), d.amount());
        assertEquals(List.of(d.invoice().total().subtract(d.amount())), book.payments().stream()
                .filter(p -> d.invoice().number().equals(p.invoiceNumber())).map(Payment::amount).toList());
    }

    @Test
    void thePlanAgreedTodayTakesTheInvoicesFallenBehindOnItsFirstInstalmentDueInAWeek() {
        BookEvents.Plan plan = book.plan();
        assertEquals(Conduct.ON_PLAN, plan.buyer().conduct());
        assertFalse(plan.invoices().isEmpty());
        for (DemoInvoice i : plan.invoices()) {
            assertTrue(i.due().isBefore(TODAY.minusDays(19)), "overdue when agreed: " + i.number());
            assertTrue(book.payments().stream().noneMatch(p -> i.number().equals(p.invoiceNumber())), i.number());
        }
        // the buyer's other invoices are paid on time
        assertTrue(book.invoicesOf(plan.buyer()).stream().filter(i -> !plan.invoices().contains(i)
                && !i.due().isAfter(TODAY.minusDays(3))).allMatch(i -> book.payments().stream()
                .anyMatch(p -> i.number().equals(p.invoiceNumber()))));
        assertEquals(TODAY, plan.agreedOn());
        assertEquals(TODAY.plusDays(7), plan.firstDue());
        assertEquals(3, plan.instalments());
    }

    @Test
    void theInsolventBuyerIsInsuredStopsBeingInvoicedAtTheFilingAndOwesWhatFellDueSinceThreeMonths() {
        DemoBuyer insolvent = book.insolvency().buyer();
        assertTrue(insolvent.conduct().insured());
        assertEquals(TODAY.minusDays(12), book.insolvency().filedOn());
        var paidNumbers = new HashSet<>(book.payments().stream().map(Payment::invoiceNumber).toList());
        long unpaid = 0;
        for (DemoInvoice i : book.invoicesOf(insolvent)) {
            assertTrue(i.issued().isBefore(book.insolvency().filedOn()), i.number());
            if (!paidNumbers.contains(i.number())) {
                unpaid++;
                assertFalse(i.due().isBefore(TODAY.minusDays(90)), i.number());
            }
        }
        assertTrue(unpaid >= 1, "something for the claim");
    }
}
