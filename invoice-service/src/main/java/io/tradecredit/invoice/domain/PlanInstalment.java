package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tradecredit.common.money.Money;

/** One instalment of a payment plan as stored. */
@Entity
@Table(name = "plan_instalment")
public class PlanInstalment {
    @Id
    public UUID id;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(name = "number", nullable = false)
    public int number;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(name = "principal", nullable = false)
    public BigDecimal principal;
    @Column(name = "interest", nullable = false)
    public BigDecimal interest;

    public static PlanInstalment of(UUID planId, InstalmentSchedule.Instalment i) {
        PlanInstalment p = new PlanInstalment();
        p.id = UUID.randomUUID();
        p.planId = planId;
        p.number = i.number();
        p.dueDate = i.dueDate();
        p.principal = i.principal().amount();
        p.interest = i.interest().amount();
        return p;
    }

    public InstalmentSchedule.Instalment toInstalment(String currency) {
        var c = Money.currencyOf(currency);
        return new InstalmentSchedule.Instalment(number, dueDate, Money.rounded(principal, c), Money.rounded(interest, c));
    }
}
