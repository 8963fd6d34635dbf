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
    /** What credit notes took off the open amount (V11): not paid by the buyer; 0 on positions credited before V11. */
    @Column(nullable = false)
    public BigDecimal credited = BigDecimal.ZERO;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "days_past_due")
    public Integer daysPastDue;
    /** What a write-off gave up (V10); null while nothing was written off. */
    @Column(name = "written_off")
    public BigDecimal writtenOff;
    @Column(name = "written_off_on")
    public LocalDate writtenOffOn;
    /**
     * What the buyer had paid of it itself before the write-off (V12), or before its credit insurer's indemnity settled
     * it (V13); null when nothing, or not told.
     */
    @Column(name = "paid_before_write_off")
    public BigDecimal paidByBuyer;
    /** Days past due of the buyer's last payment before the write-off or the insurer's settlement (V12). */
    @Column(name = "paid_before_write_off_days")
    public Integer paidByBuyerDays;
    /**
     * What the buyer's credit insurer paid of it (a claim's indemnity), as the write-off or the insurer's settlement
     * told it (V13): not the buyer paying; null when nothing, or not told.
     */
    @Column(name = "paid_by_insurer")
    public BigDecimal paidByInsurer;
    /** Null for a position recorded before credit-service kept issue dates (V7). */
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * The position of an invoice the ledger introduces (its issue); null when the change does not
     * say enough to start one (an event about an invoice issued before this service listened).
     */
    public static InvoicePosition open(String tenantId, UUID buyerId, LedgerChange c, OffsetDateTime now) {
        if (!c.introducesInvoice()) {
            return null;
        }
        InvoicePosition p = new InvoicePosition();
        p.tenantId = tenantId;
        p.invoiceId = c.invoiceId();
        p.buyerId = buyerId;
        p.invoiceNumber = c.invoiceNumber();
        p.currency = c.total().currencyCode();
        p.total = c.total().amount();
        p.openAmount = c.openAmount() != null ? c.openAmount().amount() : c.total().amount();
        p.dueDate = c.dueDate();
        p.issueDate = c.issueDate();
        p.updatedAt = now;
        return p;
    }

    /**
     * Takes over what a later event says: the open amount after it, a new due date, a dispute
     * opened (counted in the disputed total for good) or ended, the payment that settled it, the write-off
     * that gave it up (on the day the change says, with what the buyer had paid of it before and how late, and what
     * its credit insurer paid), the insurer's indemnity that settled it (whose part, the buyer's at its lateness), what a credit note took off the open amount (credited, not paid:
     * a dispute's note beyond what was open is the buyer's credit, not taken off here). Something open again (a payment reversed, a cheque bounced)
     * means it is not paid any more: its paid day and days past due clear until it is paid again.
     */
    public void apply(LedgerChange c, OffsetDateTime now) {
        if (c.creditNote()) {
            credited = credited.add(openAmount.subtract(c.openAmount().amount()).max(BigDecimal.ZERO));
        }
        if (c.openAmount() != null) {
            openAmount = c.openAmount().amount();
        }
        if (c.dueDate() != null) {
            dueDate = c.dueDate();
        }
        if (c.disputedDelta() != null) {
            disputedAmount = disputedAmount.add(c.disputedDelta()).max(BigDecimal.ZERO);
            // only what was disputed counts in the total, never what a dispute's end gives back
            disputedTotal = disputedTotal.add(c.disputedDelta().max(BigDecimal.ZERO));
        }
        if (c.paidOn() != null) {
            paidOn = c.paidOn();
            daysPastDue = c.daysPastDue();
            // settled by the credit insurer's indemnity: whose money it was, the buyer's part at its own lateness
            paidByInsurer = c.paidByInsurer() == null ? null : c.paidByInsurer().amount();
            if (c.paidByInsurer() != null) {
                tookOverPaidByBuyer(c);
            }
        } else if (openAmount.signum() > 0) {
            paidOn = null;
            daysPastDue = null;
            paidByInsurer = null;
        }
        if (c.writtenOff() != null) {
            writtenOff = c.writtenOff().amount();
            writtenOffOn = c.writtenOffOn();
            tookOverPaidByBuyer(c);
            paidByInsurer = c.paidByInsurer() == null ? null : c.paidByInsurer().amount();
        }
        updatedAt = now;
    }

    private void tookOverPaidByBuyer(LedgerChange c) {
        paidByBuyer = c.paidByBuyer() == null ? null : c.paidByBuyer().amount().amount();
        paidByBuyerDays = c.paidByBuyer() == null ? null : c.paidByBuyer().daysPastDue();
    }

    public BuyerLedger.Position toPosition() {
        return new BuyerLedger.Position(currency.strip(), total, openAmount, dueDate, disputedTotal, paidOn,
                daysPastDue, writtenOff, writtenOffOn, credited, paidByBuyer, paidByBuyerDays, paidByInsurer);
    }
}
