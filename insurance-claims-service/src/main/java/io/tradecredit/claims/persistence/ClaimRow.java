package io.tradecredit.claims.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.claims.domain.Claim;
import io.tradecredit.claims.domain.ClaimState;
import io.tradecredit.claims.domain.ClaimedInvoice;
import io.tradecredit.claims.domain.Indemnity;
import io.tradecredit.claims.domain.PolicyTerms;
import io.tradecredit.common.money.Money;

/** A row of claim: the claim's state and amounts; its invoices are {@link ClaimInvoiceRow}s. */
@Entity
@Table(name = "claim")
public class ClaimRow extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "policy_id")
    public UUID policyId;
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Column(name = "buyer_name")
    public String buyerName;
    public String cause;
    public String currency;
    public String state;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "approved_on")
    public LocalDate approvedOn;
    @Column(name = "insured_limit")
    public BigDecimal insuredLimit;
    @Column(name = "capped_loss")
    public BigDecimal cappedLoss;
    public BigDecimal deductible;
    @Column(name = "insured_loss")
    public BigDecimal insuredLoss;
    @Column(name = "insured_percent")
    public BigDecimal insuredPercent;
    public BigDecimal indemnity;
    @Column(name = "indemnity_paid")
    public BigDecimal indemnityPaid;
    public BigDecimal recovered;
    @Column(name = "recovered_to_insurer")
    public BigDecimal recoveredToInsurer;
    @Column(name = "received_to_share")
    public BigDecimal receivedToShare;
    @Column(name = "split_id")
    public UUID splitId;
    @Column(name = "part_number")
    public Integer partNumber;
    @Column(name = "part_of")
    public Integer partOf;
    @Version
    public int version;

    static ClaimRow of(String tenantId, Claim c) {
        ClaimRow row = new ClaimRow();
        row.id = c.id();
        row.tenantId = tenantId;
        row.policyId = c.policyId();
        row.buyerId = c.buyerId();
        row.buyerName = c.buyerName();
        row.cause = c.cause().name();
        row.currency = c.indemnityPaid().currencyCode();
        row.openedOn = c.openedOn();
        row.openedBy = c.openedBy();
        if (c.part() != null) {
            row.splitId = c.part().splitId();
            row.partNumber = c.part().number();
            row.partOf = c.part().of();
        }
        row.copy(c);
        return row;
    }

    /** Takes what may change: state, indemnity, payments, recoveries, the buyer's money to share. */
    void copy(Claim c) {
        state = c.state().name();
        approvedOn = c.approvedOn();
        Indemnity i = c.indemnity();
        if (i != null) {
            insuredLimit = i.insuredLimit().amount();
            cappedLoss = i.cappedLoss().amount();
            deductible = i.deductible().amount();
            insuredLoss = i.insuredLoss().amount();
            insuredPercent = i.insuredPercent();
            indemnity = i.indemnity().amount();
        }
        indemnityPaid = c.indemnityPaid().amount();
        recovered = c.recovered().amount();
        recoveredToInsurer = c.recoveredToInsurer().amount();
        receivedToShare = c.receivedToShare().amount();
    }

    Claim toClaim(List<ClaimedInvoice> invoices) {
        Currency cur = Money.currencyOf(currency);
        Money unpaid = invoices.stream().map(ClaimedInvoice::unpaidAmount).reduce(Money.zero(cur), Money::plus);
        Indemnity i = indemnity == null ? null : new Indemnity(unpaid, m(insuredLimit, cur), m(cappedLoss, cur),
                m(deductible, cur), m(insuredLoss, cur), PolicyTerms.plain(insuredPercent), m(indemnity, cur),
                unpaid.minus(m(indemnity, cur)));
        return new Claim(id, policyId, buyerId, buyerName, Claim.Cause.valueOf(cause), invoices, ClaimState.valueOf(state),
                openedOn, openedBy, approvedOn, i, m(indemnityPaid, cur), m(recovered, cur), m(recoveredToInsurer, cur),
                m(receivedToShare, cur), splitId == null ? null : new Claim.Part(splitId, partNumber, partOf));
    }

    static Money m(BigDecimal amount, Currency currency) {
        return Money.rounded(amount, currency);
    }
}
