package io.tradecredit.credit.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * credit-service's read model of one invoice, built from {@code invoice-events}: what is open,
 * when it is due, what was disputed, and when it was paid and how late. Every invoice event
 * carries the open amount after it, so the position simply takes it over.
 */
@Entity
@Table(name = "invoice_position")
@IdClass(InvoicePosition.Key.class)
public class InvoicePosition {
    public record Key(String tenantId, UUID invoiceId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;
    @Column(nullable = false)
    public String currency;
    @Column(nullable = false)
    public BigDecimal total;
    @Column(name = "open_amount", nullable = false)
    public BigDecimal openAmount;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount = BigDecimal.ZERO;
    @Column(name = "disputed_total", nullable = false)
    public BigDecimal disputedTotal = BigDecimal.ZERO;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "days_past_due")
    public Integer daysPastDue;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public BuyerLedger.Position toPosition() {
        return new BuyerLedger.Position(total, openAmount, dueDate, disputedTotal, paidOn, daysPastDue);
    }
}
