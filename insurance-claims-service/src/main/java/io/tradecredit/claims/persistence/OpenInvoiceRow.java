package io.tradecredit.claims.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.claims.domain.OpenInvoice;
import io.tradecredit.common.money.Money;

/** A row of open_invoice: an invoice as invoice-events describe it. */
@Entity
@Table(name = "open_invoice")
public class OpenInvoiceRow extends PanacheEntityBase {
    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String currency;
    public BigDecimal total;
    @Column(name = "open_amount")
    public BigDecimal openAmount;
    @Column(name = "buyer_name")
    public String buyerName;
    /** The last instalment date of an agreed payment plan (V7), for the record: the insurer's deadlines count from the MEP. */
    @Column(name = "plan_until")
    public LocalDate planUntil;

    OpenInvoice toInvoice() {
        var cur = Money.currencyOf(currency);
        return new OpenInvoice(invoiceId, buyerId, invoiceNumber, issueDate, dueDate, Money.rounded(total, cur),
                Money.rounded(openAmount, cur));
    }
}
