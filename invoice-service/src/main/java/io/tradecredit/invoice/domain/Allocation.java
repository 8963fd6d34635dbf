package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tradecredit.common.money.Money;

/** The part of a payment or of a credit application applied to one invoice. Never changed afterwards. */
@Entity
@Table(name = "allocation")
public class Allocation {
    public enum Source {
        PAYMENT,
        CREDIT_APPLICATION
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false)
    public Source source;
    @Column(name = "source_id", nullable = false)
    public UUID sourceId;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;
    @Column(name = "amount", nullable = false)
    public BigDecimal amount;
    @Column(name = "currency", nullable = false)
    public String currency;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static Allocation of(Source source, UUID sourceId, Allocator.Share share, OffsetDateTime at) {
        Allocation a = new Allocation();
        a.id = UUID.randomUUID();
        a.tenantId = share.invoice().tenantId;
        a.source = source;
        a.sourceId = sourceId;
        a.invoiceId = share.invoice().id;
        a.invoiceNumber = share.invoice().invoiceNumber;
        a.amount = share.amount().amount();
        a.currency = share.amount().currencyCode();
        a.createdAt = at;
        return a;
    }

    public Money amount() {
        return Money.rounded(amount, Money.currencyOf(currency));
    }
}
