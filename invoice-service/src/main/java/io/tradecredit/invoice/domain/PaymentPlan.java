package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/** An overdue balance of a buyer turned into instalments, and whether the buyer keeps to them. */
@Entity
@Table(name = "payment_plan")
public class PaymentPlan {
    public enum Status {
        ACTIVE, COMPLETED, BROKEN
    }

    /** Where one instalment stands. */
    public enum InstalmentState {
        /**
         * Covered by the payments (and the credit notes, write-offs and cancellations that count towards
         * the plan) by its due date, or the plan completed: nothing is left to pay on it.
         */
        KEPT,
        /** Not covered: it broke the plan. */
        MISSED,
        /** Not judged yet: its due date has not passed, or the daily run has not judged it. */
        DUE,
        /**
         * After the missed one of a broken plan: the plan is over, the invoices are due at once
         * under normal dunning, so later instalments are no longer owed on their dates.
         */
        CANCELLED
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(name = "currency", nullable = false)
    public String currency;
    @Column(name = "principal", nullable = false)
    public BigDecimal principal;
    @Column(name = "interest", nullable = false)
    public BigDecimal interest;
    @Column(name = "annual_rate", nullable = false)
    public BigDecimal annualRate;
    @Enumerated(EnumType.STRING)
    @Column(name = "frequency", nullable = false)
    public InstalmentSchedule.Frequency frequency;
    @Column(name = "agreed_on", nullable = false)
    public LocalDate agreedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public Status status;
    @Column(name = "judged_up_to", nullable = false)
    public int judgedUpTo;
    /** The last business date the plan was judged for: a daily run judges a plan once per date. */
    @Column(name = "judged_on")
    public LocalDate judgedOn;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Version
    public long version;

    /**
     * A plan agreed today on a principal: interest is what the schedule's instalments carry; the
     * plan is active and nothing of it has been judged yet.
     */
    public static PaymentPlan agree(String tenantId, UUID buyerId, Money principal, BigDecimal annualRate,
            InstalmentSchedule.Frequency frequency, List<InstalmentSchedule.Instalment> schedule,
            LocalDate today, OffsetDateTime now, String by) {
        PaymentPlan plan = new PaymentPlan();
        plan.id = UUID.randomUUID();
        plan.tenantId = tenantId;
        plan.buyerId = buyerId;
        plan.currency = principal.currencyCode();
        plan.principal = principal.amount();
        plan.interest = schedule.stream().map(InstalmentSchedule.Instalment::interest)
                .reduce(Money.zero(principal.currency()), Money::plus).amount();
        plan.annualRate = annualRate;
        plan.frequency = frequency;
        plan.agreedOn = today;
        plan.status = Status.ACTIVE;
        plan.createdAt = now;
        plan.createdBy = by;
        return plan;
    }

    /**
     * What a plan over these invoices spreads: their collectible amounts. An invoice with nothing
     * collectible (settled, cancelled, or disputed in full) would be on the plan with nothing to pay
     * towards it, so the plan is refused naming each such invoice.
     */
    public static Money principalOver(List<Invoice> invoices) {
        Money principal = Money.zero(invoices.get(0).currency());
        List<String> numbers = new ArrayList<>();
        List<Violation> nothingCollectible = new ArrayList<>();
        for (Invoice i : invoices) {
            if (!i.collectible().isPositive()) {
                numbers.add(i.invoiceNumber);
                nothingCollectible.add(new Violation("invoiceIds", "invoice " + i.invoiceNumber + " (" + i.id + ") "
                        + (i.status.isOpen() ? "is disputed for all of its open " + i.open() : "is " + i.status)));
            }
            principal = principal.plus(i.collectible());
        }
        if (!nothingCollectible.isEmpty()) {
            throw DomainError.conflict("payment-plan.nothing-collectible", "Nothing is collectible on invoice(s) "
                    + String.join(", ", numbers) + " to spread over instalments", nothingCollectible);
        }
        return principal;
    }

    /**
     * What is wrong with a plan asked for the buyer's {@code invoiceIds} (the invoices {@code found} for them, null
     * before they are read) and its {@code firstDueDate}, every field at fault named at once: an invoice listed twice,
     * one of another buyer, or invoices in two currencies ({@code invoiceIds}), and a first due date before
     * {@code today} ({@code firstDueDate}). Two of another buyer's invoices starting yesterday named both (only the
     * first due date was, then the invoices on the next try). Null when nothing is.
     */
    public static DomainError agreementRefusal(UUID buyerId, List<UUID> invoiceIds, List<Invoice> found,
            LocalDate firstDueDate, LocalDate today) {
        List<DomainError> wrong = new ArrayList<>();
        if (new HashSet<>(invoiceIds).size() != invoiceIds.size()) {
            wrong.add(DomainError.invalidField("payment-plan.invoice-twice", "invoiceIds", "lists an invoice twice"));
        } else if (found != null && !found.isEmpty()) {
            Invoice otherBuyers = found.stream().filter(i -> !i.buyerId.equals(buyerId)).findFirst().orElse(null);
            String currency = found.get(0).currency;
            if (otherBuyers != null) {
                wrong.add(DomainError.invalidField("payment-plan.other-buyer", "invoiceIds",
                        "invoice " + otherBuyers.invoiceNumber + " belongs to another buyer"));
            } else if (found.stream().anyMatch(i -> !i.currency.equals(currency))) {
                wrong.add(DomainError.invalidField("payment-plan.mixed-currencies", "invoiceIds",
                        "all invoices of a plan must be in one currency"));
            }
        }
        if (firstDueDate.isBefore(today)) {
            wrong.add(DomainError.invalidField("payment-plan.starts-in-past", "firstDueDate", "must not be in the past"));
        }
        if (wrong.size() <= 1) {
            return wrong.isEmpty() ? null : wrong.get(0);
        }
        return DomainError.invalid("payment-plan.invalid", "The payment plan cannot be agreed",
                wrong.stream().flatMap(e -> e.violations().stream()).toList());
    }

    public Money principal() {
        return Money.rounded(principal, Money.currencyOf(currency));
    }

    public Money interest() {
        return Money.rounded(interest, Money.currencyOf(currency));
    }

    /** Where instalment {@code number} stands after the judgements so far. */
    public InstalmentState instalmentState(int number) {
        if (number <= judgedUpTo || status == Status.COMPLETED) {
            // a completed plan's principal is settled: no instalment of it is owed any more
            return InstalmentState.KEPT;
        }
        if (status != Status.BROKEN) {
            return InstalmentState.DUE;
        }
        return number == judgedUpTo + 1 ? InstalmentState.MISSED : InstalmentState.CANCELLED;
    }

    /**
     * Applies the day's verdict: instalments kept, broken by a missed one, or completed. A plan breaks the day after
     * its missed instalment fell due, whenever that is found ({@code endedOn}, from which late charges run again): a
     * daily run that did not run for some days, or a plan the run held, does not give the buyer those days free of
     * charges (10,000 with an instalment missed on day d and found on d + 3: interest from d + 1, not d + 3).
     */
    public void apply(PlanCompliance.Verdict verdict, LocalDate asOf) {
        judgedOn = asOf;
        if (!verdict.kept().isEmpty()) {
            judgedUpTo = verdict.kept().get(verdict.kept().size() - 1);
        }
        if (verdict.missed() != null) {
            status = Status.BROKEN;
            endedOn = verdict.missed().dueDate().plusDays(1);
            endReason = "instalment " + verdict.missed().number() + " of " + verdict.missed().dueDate()
                    + " not paid: " + verdict.paidByMissedDue() + " paid by then";
        } else if (verdict.paidOff()) {
            status = Status.COMPLETED;
            endedOn = asOf;
            endReason = "principal settled";
        }
    }
}
