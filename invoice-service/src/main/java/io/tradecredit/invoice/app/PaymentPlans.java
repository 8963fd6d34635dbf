package io.tradecredit.invoice.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.domain.InstalmentSchedule;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.PaymentPlan;
import io.tradecredit.invoice.domain.PlanCompliance;
import io.tradecredit.invoice.domain.PlanInstalment;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.PaymentPlanRepository;

/** Agreeing payment plans and judging every day whether buyers keep them. */
@ApplicationScoped
public class PaymentPlans {
    @Inject
    InvoiceRepository invoices;

    @Inject
    PaymentPlanRepository plans;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    @Inject
    Buyers knownBuyers;

    @Inject
    LateChargeStatements statements;

    /** What was agreed with the buyer. {@code annualRate} is a fraction; zero for interest-free. */
    public record Agreement(UUID buyerId, List<UUID> invoiceIds, int instalments,
            InstalmentSchedule.Frequency frequency, LocalDate firstDueDate, BigDecimal annualRate) {
    }

    /** A plan with its instalments and invoices. */
    public record Plan(PaymentPlan plan, List<PlanInstalment> instalments, List<UUID> invoiceIds) {
    }

    public Uni<Plan> agree(String tenantId, String agreedBy, Agreement a) {
        LocalDate today = businessZone.today();
        // an invoice listed twice is refused before the invoices are read (fewer would be found than listed)
        DomainError early = PaymentPlan.agreementRefusal(a.buyerId(), a.invoiceIds(), null, a.firstDueDate(), today);
        if (early != null && new HashSet<>(a.invoiceIds()).size() != a.invoiceIds().size()) {
            return Uni.createFrom().failure(early);
        }
        return Panache.withTransaction(() -> invoices.lockOwned(tenantId, a.invoiceIds()).chain(found -> {
            if (found.size() != a.invoiceIds().size()) {
                return Uni.createFrom().failure(early != null ? early
                        : DomainError.notFound("invoice.not-found", "Some of the invoices do not exist"));
            }
            // every field at fault at once: the invoices (another buyer's, two currencies) and the first due date
            DomainError refused = PaymentPlan.agreementRefusal(a.buyerId(), a.invoiceIds(), found, a.firstDueDate(),
                    today);
            if (refused != null) {
                return Uni.createFrom().failure(refused);
            }
            Money principal;
            try {
                principal = PaymentPlan.principalOver(found);
            } catch (DomainError e) {
                return Uni.createFrom().failure(e);
            }
            List<InstalmentSchedule.Instalment> schedule = InstalmentSchedule.of(principal, a.instalments(),
                    a.frequency(), today, a.firstDueDate(), a.annualRate());
            PaymentPlan plan = PaymentPlan.agree(tenantId, a.buyerId(), principal, a.annualRate(), a.frequency(),
                    schedule, today, OffsetDateTime.now(clock), agreedBy);
            List<PlanInstalment> rows = schedule.stream().map(i -> PlanInstalment.of(plan.id, i)).toList();
            found.forEach(i -> i.placeUnderPlan(plan.id));
            return plans.persist(plan)
                    .chain(() -> Panache.getSession().chain(s -> s.persistAll(rows.toArray())))
                    // the plan row must exist before the native insert that references it
                    .chain(Panache::flush)
                    .chain(() -> plans.addInvoices(plan.id, a.invoiceIds()))
                    .chain(() -> outbox.record(InvoiceEvents.planAgreed(plan, schedule, a.invoiceIds())))
                    .replaceWith(new Plan(plan, rows, a.invoiceIds().stream().sorted().toList()));
        }));
    }

    public Uni<Plan> get(String tenantId, UUID id) {
        return Panache.withSession(() -> plans.findOwned(tenantId, id).chain(plan -> {
            if (plan == null) {
                return Uni.createFrom().failure(DomainError.notFound("payment-plan.not-found", "No payment plan " + id));
            }
            return plans.instalments(id).chain(rows -> plans.invoiceIds(id).map(ids -> new Plan(plan, rows, ids)));
        }));
    }

    public Uni<List<PaymentPlan>> ofBuyer(String tenantId, UUID buyerId) {
        // another tenant's buyer answers 404, as every read filtered by a buyer does (Buyers.requireVisible)
        return Panache.withSession(() -> knownBuyers.requireVisible(tenantId, buyerId)
                .chain(() -> plans.ofBuyer(tenantId, buyerId)));
    }

    /** What one batch of judging did: plans judged, of which broken and completed. */
    public record Judged(int plans, int broken, int completed) {
    }

    /**
     * One batch of the daily job, in its transaction: judges the instalments that fell due before
     * {@code asOf} of up to {@code limit} active plans not yet judged for that date; a missed one
     * breaks the plan and returns its invoices to normal collection. 0 plans when none is left.
     */
    public Uni<Judged> judgeActive(LocalDate asOf, int limit) {
        int[] brokenAndCompleted = new int[2];
        return plans.toJudge(asOf, limit).chain(active -> Multi.createFrom().iterable(active)
                .onItem().transformToUniAndConcatenate(plan -> judge(plan, asOf, brokenAndCompleted))
                .collect().last()
                .map(x -> new Judged(active.size(), brokenAndCompleted[0], brokenAndCompleted[1])));
    }

    /**
     * After a write-off, a cancellation or a credit note on an invoice (locked, in the caller's
     * transaction): if the invoice is under an active plan, the plan is judged at once for
     * {@code today} as the daily run would judge it, with the same outcome and events. A plan
     * whose principal this settles completes now and releases its invoices, so neither the plan nor
     * the invoice tells an integrator that the written-off (or cancelled, or credited) amount is
     * still owed under it until the next run.
     */
    public Uni<Void> judgeAfterChangeTo(Invoice invoice, LocalDate today) {
        return judgeAfterChangesTo(List.of(invoice), today);
    }

    /**
     * The same after a change to several invoices of one tenant (locked, in the caller's transaction): a payment or
     * an application of the buyer's credit allocated to them. Each active plan they are under is judged once, in
     * plan id order, however many of its invoices the change touched.
     */
    public Uni<Void> judgeAfterChangesTo(List<Invoice> changed, LocalDate today) {
        List<Invoice> underPlan = changed.stream().filter(i -> i.paymentPlanId != null).toList();
        if (underPlan.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String tenantId = underPlan.get(0).tenantId;
        List<UUID> planIds = underPlan.stream().map(i -> i.paymentPlanId).distinct().sorted().toList();
        // the invoices' new state must be in the rows the judgement reads (their cancellation); the plan is locked
        // after the invoice, the daily run's order reversed, so a plan the run holds now is left to the run (its
        // next one at the latest) rather than waited for: the user's change never fails as a deadlock
        return Panache.flush().chain(() -> Multi.createFrom().iterable(planIds)
                .onItem().transformToUniAndConcatenate(planId -> plans.lockOwnedUnlessHeld(tenantId, planId)
                        .chain(plan -> plan == null || plan.status != PaymentPlan.Status.ACTIVE
                                ? Uni.createFrom().voidItem()
                                : judge(plan, today, new int[2])))
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> judge(PaymentPlan plan, LocalDate asOf, int[] counts) {
        return plans.instalments(plan.id).chain(rows -> countedTowards(plan).chain(payments -> {
            List<InstalmentSchedule.Instalment> schedule = rows.stream().map(r -> r.toInstalment(plan.currency)).toList();
            PlanCompliance.Verdict verdict = PlanCompliance.judge(schedule, plan.judgedUpTo, payments, asOf);
            plan.apply(verdict, asOf);
            if (plan.status == PaymentPlan.Status.ACTIVE) {
                return Uni.createFrom().voidItem();
            }
            counts[plan.status == PaymentPlan.Status.BROKEN ? 0 : 1]++;
            return plans.invoiceIds(plan.id).chain(ids -> invoices.lockOwned(plan.tenantId, ids).chain(locked -> {
                locked.forEach(i -> i.releaseFromPlan(plan.id));
                if (plan.status != PaymentPlan.Status.BROKEN) {
                    // told, so readers of its schedule (collections' dunning, claims' deadlines) stop following it:
                    // an invoice that opens again (a bounced payment) is owed outside any plan
                    return outbox.record(InvoiceEvents.planCompleted(plan, ids, asOf)).replaceWithVoid();
                }
                Money open = locked.stream().map(Invoice::open).reduce(Money.zero(plan.currency), Money::plus);
                // charges run again from the break (a fee frozen on its day appears): stated at once, as of the day
                // judged, not at the daily job's next look up to lateChargeStatementDays later
                return outbox.record(InvoiceEvents.instalmentMissed(plan, verdict, asOf))
                        .chain(() -> outbox.record(InvoiceEvents.planBroken(plan, ids, open, asOf)))
                        .chain(() -> statements.lookAtOnce(locked, asOf))
                        .replaceWithVoid();
            }));
        }));
    }

    /** What counts towards the plan: its invoices' ledger entries since the agreement and their cancellations. */
    private Uni<List<PlanCompliance.Payment>> countedTowards(PaymentPlan plan) {
        return plans.entriesOf(plan).chain(entries -> plans.cancellationsOf(plan)
                .map(cancelled -> PlanCompliance.towards(plan.createdAt, plan.agreedOn, entries, cancelled)));
    }
}
