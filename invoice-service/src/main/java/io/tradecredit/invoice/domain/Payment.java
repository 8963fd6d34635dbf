package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * Money received from a buyer. What it did not settle on invoices ({@code unallocated}) became
 * buyer credit; {@code creditRemaining} is the part of that credit not yet applied, because
 * credit is spent oldest first ({@link CreditSource}) and a payment whose credit was spent can
 * no longer be reversed.
 */
@Entity
@Table(name = "payment")
public class Payment {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(name = "currency", nullable = false)
    public String currency;
    @Column(name = "amount", nullable = false)
    public BigDecimal amount;
    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;
    @Column(name = "reference")
    public String reference;
    @Column(name = "unallocated_amount", nullable = false)
    public BigDecimal unallocatedAmount;
    @Column(name = "credit_remaining", nullable = false)
    public BigDecimal creditRemaining;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public PaymentStatus status;
    @Column(name = "reversal_reason")
    public String reversalReason;
    @Column(name = "reversed_on")
    public LocalDate reversedOn;
    @Column(name = "reversed_by")
    public String reversedBy;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "payer_kind", nullable = false)
    public Payer.Kind payerKind;
    @Column(name = "payer_name")
    public String payerName;
    /** What the payer paid when more than {@code amount} was: null when all of it was posted (V17). */
    @Column(name = "received_amount")
    public BigDecimal receivedAmount;
    @Version
    public long version;

    /** A posted payment of which {@code unallocated} is left over as buyer credit. */
    public static Payment post(String tenantId, UUID id, NewPayment p, Money unallocated, OffsetDateTime at, String by) {
        Payment payment = new Payment();
        payment.id = id;
        payment.tenantId = tenantId;
        payment.buyerId = p.buyerId();
        payment.currency = p.amount().currencyCode();
        payment.amount = p.amount().amount();
        payment.receivedOn = p.receivedOn();
        payment.reference = p.reference() == null || p.reference().isBlank() ? null : p.reference().strip();
        payment.unallocatedAmount = unallocated.amount();
        payment.creditRemaining = unallocated.amount();
        payment.status = PaymentStatus.POSTED;
        payment.createdAt = at;
        payment.createdBy = by;
        payment.payerKind = Payer.Kind.BUYER;
        return payment;
    }

    /**
     * A payment the buyer's credit insurer made on the buyer's invoices (an indemnity): {@code received} paid, of which
     * the ledger posts {@code p}'s amount (what the claimed invoices took, {@link IndemnityPayment#posted}).
     */
    public static Payment fromInsurer(String tenantId, UUID id, NewPayment p, Money received, String insurer,
            Money unallocated, OffsetDateTime at, String by) {
        Payment payment = post(tenantId, id, p, unallocated, at, by);
        Payer payer = Payer.insurer(insurer);
        payment.payerKind = payer.kind();
        payment.payerName = payer.name();
        // kept only when it tells more than the amount: the reader sees the insurer's 72,000 beside the 60,000 posted
        payment.receivedAmount = received.compareTo(p.amount()) > 0 ? received.amount() : null;
        return payment;
    }

    public Payer payer() {
        return new Payer(payerKind, payerName);
    }

    public Money amount() {
        return money(amount);
    }

    /** What the payer paid: the amount, or more when only part of it was posted (an insurer's indemnity). */
    public Money received() {
        return receivedAmount == null ? amount() : money(receivedAmount);
    }

    public Money unallocated() {
        return money(unallocatedAmount);
    }

    public Money creditRemaining() {
        return money(creditRemaining);
    }

    /** Takes up to {@code wanted} of this payment's remaining credit; returns what it took. */
    public Money spendCredit(Money wanted) {
        Money spent = wanted.min(creditRemaining());
        creditRemaining = creditRemaining().minus(spent).amount();
        return spent;
    }

    /**
     * Marks the payment reversed and its remaining credit gone. Refused when it was reversed
     * already or when part of its credit has been applied to invoices since.
     */
    public void reverse(String reason, LocalDate on, String by) {
        if (status == PaymentStatus.REVERSED) {
            throw DomainError.conflict("payment.already-reversed", "Payment " + id + " was already reversed on " + reversedOn);
        }
        Money applied = unallocated().minus(creditRemaining());
        if (applied.isPositive()) {
            throw DomainError.conflict("payment.credit-already-used", applied + " of the " + unallocated() + " buyer credit this payment left"
                    + " has already been applied to invoices, so the payment cannot be reversed");
        }
        status = PaymentStatus.REVERSED;
        creditRemaining = BigDecimal.ZERO;
        reversalReason = reason;
        reversedOn = on;
        reversedBy = by;
    }

    private Money money(BigDecimal value) {
        return Money.rounded(value, Money.currencyOf(currency));
    }
}
