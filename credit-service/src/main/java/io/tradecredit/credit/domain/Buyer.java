package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * A buyer of a tenant and its credit profile: identity, the approved limit and terms, the latest
 * score and grade, the review due date and whether new credit is blocked.
 */
@Entity
@Table(name = "buyer")
public class Buyer {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String country;
    @Column(name = "registration_number", nullable = false)
    public String registrationNumber;
    @Column(name = "tax_id", nullable = false)
    public String taxId;
    @Column(nullable = false)
    public String address;
    public String industry;
    @Column(name = "founded_on")
    public LocalDate foundedOn;
    @Column(nullable = false)
    public String currency;
    @Column(name = "payment_term_days", nullable = false)
    public int paymentTermDays;
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;
    @Column(name = "limit_set_by")
    public String limitSetBy;
    @Column(name = "limit_set_at")
    public OffsetDateTime limitSetAt;
    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;
    @Column(name = "review_announced_for")
    public LocalDate reviewAnnouncedFor;
    /** The last date the daily overdue re-grade looked at this buyer (V10). */
    @Column(name = "overdue_regraded_on")
    public LocalDate overdueRegradedOn;
    public Integer score;
    public Integer grade;
    /**
     * The grade the limit was last set or judged at: a fall is measured from it, so a slide of one grade at a
     * time adds up (null for a limit set before V9, then the grade before the re-grade is the measure).
     */
    @Column(name = "limit_grade")
    public Integer limitGrade;
    @Column(name = "assessed_at")
    public OffsetDateTime assessedAt;
    @Column(nullable = false)
    public boolean blocked;
    @Column(name = "block_reason")
    public String blockReason;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /** A new buyer; without a currency or payment term in its details it gets those of the tenant's policy. */
    public static Buyer register(String tenantId, UUID id, BuyerDetails d, CreditPolicy policy, OffsetDateTime now) {
        Buyer b = new Buyer();
        b.id = id;
        b.tenantId = tenantId;
        b.createdAt = now;
        b.currency = policy.defaultCurrency();
        b.paymentTermDays = policy.defaultTermDays();
        b.apply(d, now);
        return b;
    }

    /** Takes new identity details (valid per {@link BuyerRules}); absent currency and terms keep what they were. */
    public void apply(BuyerDetails d, OffsetDateTime now) {
        name = d.name().strip();
        country = d.country();
        registrationNumber = d.registrationNumber().strip().toUpperCase(java.util.Locale.ROOT);
        taxId = d.taxId().strip();
        address = d.address().strip();
        industry = d.industry() == null || d.industry().isBlank() ? null : d.industry().strip();
        foundedOn = d.foundedOn();
        if (d.currency() != null) {
            currency = d.currency();
        }
        if (d.paymentTermDays() != null) {
            paymentTermDays = d.paymentTermDays();
        }
        updatedAt = now;
    }

    /** The approved limit, or null when none was approved yet. */
    public Money limit() {
        return creditLimit == null ? null : Money.of(creditLimit, currency);
    }

    /**
     * What is wrong with {@code limit} as this buyer's limit (set, or asked for), each part named under {@code field}
     * at once: another currency than the buyer's names {@code <field>.currency}, a negative amount
     * {@code <field>.amount}, both for -5.00 USD on a buyer in CNY (the currency alone was named, then the amount on
     * the next try). Null when it may be its limit.
     */
    public DomainError limitRefusal(Money limit, String field) {
        List<Violation> wrong = new ArrayList<>();
        if (!limit.currencyCode().equals(currency)) {
            wrong.add(new Violation(field + ".currency", "must be the buyer's currency " + currency));
        }
        if (limit.isNegative()) {
            wrong.add(new Violation(field + ".amount", "must not be negative"));
        }
        if (wrong.size() == 2) {
            return DomainError.invalid("limit.invalid", "The limit cannot be the buyer's", wrong);
        }
        if (wrong.isEmpty()) {
            return null;
        }
        Violation one = wrong.get(0);
        return DomainError.invalidField(one.field().endsWith(".currency") ? "limit.currency-mismatch" : "limit.negative",
                one.field(), one.message());
    }

    /** A new limit in the buyer's currency; by a credit manager, or by the service when it cuts one. */
    public void changeLimit(Money limit, String by, OffsetDateTime at) {
        if (!limit.currencyCode().equals(currency)) {
            throw new IllegalArgumentException("limit in " + limit.currencyCode() + " for a buyer in " + currency);
        }
        creditLimit = limit.amount();
        limitSetBy = by;
        limitSetAt = at;
        limitGrade = grade;
        updatedAt = at;
    }

    /** A fall past the threshold was judged without a new limit (none to cut, or the grade still allows it). */
    public void limitJudged() {
        limitGrade = grade;
    }

    /** A new assessment's score and grade; returns the grade before it (null when never assessed). */
    public Integer regrade(Assessment a, OffsetDateTime at) {
        Integer previous = grade;
        score = a.score();
        grade = a.grade();
        assessedAt = at;
        return previous;
    }

    /** Whether taking {@code d} would change the payment term agreed with the buyer (left out: it stays). */
    public boolean changesPaymentTerm(BuyerDetails d) {
        return d.paymentTermDays() != null && d.paymentTermDays() != paymentTermDays;
    }

    /** The payment term agreed with the buyer, in days (0: prepayment). */
    public void agreePaymentTerm(int days) {
        paymentTermDays = days;
    }

    /** The daily overdue re-grade looked at this buyer for {@code asOf}; it does not again for that date. */
    public void overdueRegraded(LocalDate asOf) {
        overdueRegradedOn = asOf;
    }

    /** The review due on {@link #reviewDueOn} has been announced; it is not announced again. */
    public void reviewAnnounced() {
        reviewAnnouncedFor = reviewDueOn;
    }

    /** The next review, a review interval after a credit manager's decision. */
    public void scheduleReview(LocalDate dueOn) {
        reviewDueOn = dueOn;
    }

    public void block(String reason, OffsetDateTime at) {
        blocked = true;
        blockReason = reason;
        updatedAt = at;
    }

    /**
     * New credit possible again; the limit stays where the block put it (0) until a manager sets
     * one. Returns why the buyer had been blocked; a buyer that is not blocked is a conflict.
     */
    public String liftBlock(OffsetDateTime at) {
        if (!blocked) {
            throw DomainError.conflict("buyer.not-blocked", "Buyer " + id + " is not blocked");
        }
        String lifted = blockReason;
        blocked = false;
        blockReason = null;
        updatedAt = at;
        return lifted;
    }
}
