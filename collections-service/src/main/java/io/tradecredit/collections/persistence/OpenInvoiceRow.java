package io.tradecredit.collections.persistence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

/**
 * One invoice of the read model as stored ({@code open_invoice}), with the state of the payment
 * plan that covers it, if any. Written only by {@link ReadModelStore}'s upserts; read here.
 */
@Entity
@Table(name = "open_invoice")
@IdClass(OpenInvoiceRow.Key.class)
public class OpenInvoiceRow {
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
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "purchase_order_number")
    public String purchaseOrderNumber;
    @Column(name = "buyer_name")
    public String buyerName;
    public String currency;
    public BigDecimal total;
    @Column(name = "open_amount")
    public BigDecimal openAmount;
    @Column(name = "disputed_amount")
    public BigDecimal disputedAmount;
    @Column(name = "collectible_amount")
    public BigDecimal collectibleAmount;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "payment_terms")
    public String paymentTerms;
    @Column(name = "plan_id")
    public UUID planId;
    public String state;
    /** AGREED, BROKEN, or null when no plan covers the invoice. */
    @Formula("(select p.state from payment_plan p where p.tenant_id = tenant_id and p.plan_id = plan_id)")
    public String planState;
}
