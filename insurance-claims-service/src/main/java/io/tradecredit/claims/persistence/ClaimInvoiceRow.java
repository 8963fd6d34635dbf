package io.tradecredit.claims.persistence;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.claims.domain.ClaimedInvoice;
import io.tradecredit.common.money.Money;

/** A row of claim_invoice: one invoice of a claim, in the order given, unpaid now and as claimed at opening. */
@Entity
@Table(name = "claim_invoice")
@IdClass(ClaimInvoiceRow.Key.class)
public class ClaimInvoiceRow extends PanacheEntityBase {
    /** The primary key: claim and line. */
    public static class Key implements java.io.Serializable {
        public UUID claimId;
        public int line;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.claimId.equals(claimId) && k.line == line;
        }

        @Override
        public int hashCode() {
            return claimId.hashCode() * 31 + line;
        }
    }

    @Id
    @Column(name = "claim_id")
    public UUID claimId;
    @Id
    public int line;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "unpaid_amount")
    public BigDecimal unpaidAmount;
    /** What the line was claimed for at opening: the ledger's news lowers {@code unpaidAmount}, never raises it above this. */
    @Column(name = "claimed_amount")
    public BigDecimal claimedAmount;

    static ClaimInvoiceRow of(UUID claimId, int line, ClaimedInvoice i) {
        ClaimInvoiceRow row = new ClaimInvoiceRow();
        row.claimId = claimId;
        row.line = line;
        row.invoiceNumber = i.invoiceNumber().strip();
        row.invoiceId = i.invoiceId();
        row.unpaidAmount = i.unpaidAmount().amount();
        row.claimedAmount = i.unpaidAmount().amount();
        return row;
    }

    ClaimedInvoice toInvoice(String currency) {
        return new ClaimedInvoice(invoiceNumber, invoiceId, Money.rounded(unpaidAmount, Money.currencyOf(currency)));
    }
}
