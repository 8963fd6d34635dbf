package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.InstalmentSchedule.Frequency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentPlanTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    static PaymentPlan active() {
        PaymentPlan p = new PaymentPlan();
        p.currency = "CNY";
        p.principal = new BigDecimal("12000.00");
        p.interest = new BigDecimal("236.71");
        p.status = PaymentPlan.Status.ACTIVE;
        return p;
    }

    /** Another buyer's invoice on a plan starting yesterday: both fields named at once (only the date was). */
    @Test
    void anAgreementNamesItsInvoicesAndItsFirstDueDateTogether() {
        Invoice a = InvoiceTest.invoiceOf1243();
        Invoice others = InvoiceTest.invoiceOf1243();
        others.buyerId = UUID.randomUUID();
        DomainError both = PaymentPlan.agreementRefusal(a.buyerId, List.of(a.id, others.id), List.of(a, others),
                AS_OF.minusDays(1), AS_OF);
        assertEquals("payment-plan.invalid", both.code());
        assertEquals(List.of("invoiceIds", "firstDueDate"), both.violations().stream().map(Violation::field).toList());
        // listed twice, before the invoices are read; in two currencies; each alone keeps its own code
        assertEquals(List.of("invoiceIds", "firstDueDate"), PaymentPlan.agreementRefusal(a.buyerId,
                List.of(a.id, a.id), null, AS_OF.minusDays(1), AS_OF).violations().stream().map(Violation::field)
                .toList());
        assertEquals("payment-plan.invoice-twice",
                PaymentPlan.agreementRefusal(a.buyerId, List.of(a.id, a.id), null, AS_OF, AS_OF).code());
        assertEquals("payment-plan.other-buyer", PaymentPlan.agreementRefusal(a.buyerId, List.of(a.id, others.id),
                List.of(a, others), AS_OF, AS_OF).code());
        Invoice dollars = InvoiceTest.invoiceOf1243();
        dollars.currency = "USD";
        dollars.buyerId = a.buyerId;
        assertEquals("payment-plan.mixed-currencies", PaymentPlan.agreementRefusal(a.buyerId,
                List.of(a.id, dollars.id), List.of(a, dollars), AS_OF, AS_OF).code());
        assertEquals("payment-plan.starts-in-past",
                PaymentPlan.agreementRefusal(a.buyerId, List.of(a.id), List.of(a), AS_OF.minusDays(1), AS_OF).code());
        assertNull(PaymentPlan.agreementRefusal(a.buyerId, List.of(a.id), null, AS_OF, AS_OF));
        assertNull(PaymentPlan.agreementRefusal(a.buyerId, List.of(a.id), List.of(a), AS_OF, AS_OF));
    }

    @Test
    void aPlanSpreadsWhatIsCollectibleOnItsInvoices() {
        Invoice a = InvoiceTest.invoiceOf1243();
        a.freezeDisputed(Money.of("243.00", "CNY"));
        Invoice b = InvoiceTest.invoiceOf1243();
        assertEquals(Money.of("2243.00", "CNY"), PaymentPlan.principalOver(List.of(a, b)));
    }

    @Test
    void invoicesWithNothingCollectibleAreRefusedByName() {
        Invoice disputed = InvoiceTest.invoiceOf1243();
        disputed.invoiceNumber = "INV-D";
        disputed.freezeDisputed(Money.of("1243.00", "CNY"));
        Invoice paid = InvoiceTest.invoiceOf1243();
        paid.invoiceNumber = "INV-P";
        paid.allocate(Money.of("1243.00", "CNY"));
        Invoice open = InvoiceTest.invoiceOf1243();
        DomainError e = assertThrows(DomainError.class,
                () -> PaymentPlan.principalOver(List.of(disputed, open, paid)));
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals("payment-plan.nothing-collectible", e.code());
        assertEquals("Nothing is collectible on invoice(s) INV-D, INV-P to spread over instalments", e.getMessage());
        assertEquals(List.of(new Violation("invoiceIds", "invoice INV-D (" + disputed.id
                + ") is disputed for all of its open 1243.00 CNY"),
                new Violation("invoiceIds", "invoice INV-P (" + paid.id + ") is PAID")), e.violations());
    }

    @Test
    void keptInstalmentsMoveTheJudgedMarkAndThePlanRunsOn() {
        PaymentPlan p = active();
        p.apply(new PlanCompliance.Verdict(List.of(1, 2), null, null, false), AS_OF);
        assertEquals(2, p.judgedUpTo);
        assertEquals(PaymentPlan.Status.ACTIVE, p.status);
        assertNull(p.endedOn);
        assertNull(p.endReason);
        assertEquals(Money.of("12000.00", "CNY"), p.principal());
        assertEquals(Money.of("236.71", "CNY"), p.interest());
    }

    @Test
    void dayWithNothingDueLeavesThePlanAsItWas() {
        PaymentPlan p = active();
        p.judgedUpTo = 1;
        p.apply(new PlanCompliance.Verdict(List.of(), null, null, false), AS_OF);
        assertEquals(1, p.judgedUpTo);
        assertEquals(PaymentPlan.Status.ACTIVE, p.status);
    }

    @Test
    void missedInstalmentBreaksThePlanSayingWhatWasPaid() {
        PaymentPlan p = active();
        var second = new InstalmentSchedule.Instalment(2, LocalDate.of(2026, 3, 1), Money.of("4000.00", "CNY"),
                Money.of("73.64", "CNY"));
        p.apply(new PlanCompliance.Verdict(List.of(1), second, Money.of("7000.00", "CNY"), false), AS_OF);
        assertEquals(1, p.judgedUpTo);
        assertEquals(PaymentPlan.Status.BROKEN, p.status);
        assertEquals(AS_OF, p.endedOn);
        assertEquals("instalment 2 of 2026-03-01 not paid: 7000.00 CNY paid by then", p.endReason);
    }

    /** Missed on 1 March, found on 5 March (the daily run did not run for three days): broken on 2 March. */
    @Test
    void aMissedInstalmentFoundDaysLaterBreaksThePlanTheDayAfterItFellDue() {
        PaymentPlan p = active();
        var first = new InstalmentSchedule.Instalment(1, LocalDate.of(2026, 3, 1), Money.of("6000.00", "CNY"),
                Money.of("0.00", "CNY"));
        p.apply(new PlanCompliance.Verdict(List.of(), first, Money.of("0.00", "CNY"), false), LocalDate.of(2026, 3, 5));
        assertEquals(PaymentPlan.Status.BROKEN, p.status);
        assertEquals(LocalDate.of(2026, 3, 2), p.endedOn);
        assertEquals(LocalDate.of(2026, 3, 5), p.judgedOn);
    }

    @Test
    void instalmentsAfterTheMissedOneOfABrokenPlanAreCancelled() {
        PaymentPlan p = active();
        p.judgedUpTo = 1;
        assertEquals(PaymentPlan.InstalmentState.KEPT, p.instalmentState(1));
        assertEquals(PaymentPlan.InstalmentState.DUE, p.instalmentState(2));
        assertEquals(PaymentPlan.InstalmentState.DUE, p.instalmentState(3));
        p.status = PaymentPlan.Status.BROKEN;
        assertEquals(PaymentPlan.InstalmentState.KEPT, p.instalmentState(1));
        assertEquals(PaymentPlan.InstalmentState.MISSED, p.instalmentState(2));
        assertEquals(PaymentPlan.InstalmentState.CANCELLED, p.instalmentState(3));
    }

    @Test
    void everyInstalmentOfACompletedPlanIsKeptEvenOnesNotJudgedYet() {
        // settled ahead of its dates (paid, credited, written off or cancelled): nothing of it is owed
        PaymentPlan p = active();
        p.judgedUpTo = 1;
        p.apply(new PlanCompliance.Verdict(List.of(), null, null, true), AS_OF);
        assertEquals(PaymentPlan.InstalmentState.KEPT, p.instalmentState(1));
        assertEquals(PaymentPlan.InstalmentState.KEPT, p.instalmentState(2));
        assertEquals(PaymentPlan.InstalmentState.KEPT, p.instalmentState(3));
    }

    @Test
    void principalPaidOffCompletesThePlan() {
        PaymentPlan p = active();
        p.apply(new PlanCompliance.Verdict(List.of(), null, null, true), AS_OF);
        assertEquals(PaymentPlan.Status.COMPLETED, p.status);
        assertEquals(AS_OF, p.endedOn);
        assertEquals("principal settled", p.endReason);
    }
    @Test
    void anAgreedPlanCarriesTheScheduleInterestAndIsActive() {
        // 12,000.00 at 12% a year in 3 monthly parts from 1 Jan: interest 122.30 + 73.64 + 40.77 = 236.71
        LocalDate today = LocalDate.of(2026, 1, 1);
        Money principal = Money.of("12000.00", "CNY");
        var schedule = InstalmentSchedule.of(principal, 3, Frequency.MONTHLY, today, LocalDate.of(2026, 2, 1),
                new BigDecimal("0.12"));
        UUID buyer = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        PaymentPlan plan = PaymentPlan.agree("acme", buyer, principal, new BigDecimal("0.12"), Frequency.MONTHLY,
                schedule, today, now, "collector-1");
        assertEquals(Money.of("236.71", "CNY"), plan.interest());
        assertEquals(principal, plan.principal());
        assertEquals("CNY", plan.currency);
        assertEquals(buyer, plan.buyerId);
        assertEquals(PaymentPlan.Status.ACTIVE, plan.status);
        assertEquals(0, plan.judgedUpTo);
        assertEquals(today, plan.agreedOn);
        assertNull(plan.endedOn);
        assertEquals("collector-1", plan.createdBy);
    }
}
