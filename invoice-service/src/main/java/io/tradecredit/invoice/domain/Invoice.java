package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * An issued invoice and what has happened to its amount since: paid, credited, written off,
 * disputed. {@code open = total - paid - credited - writtenOff}; the disputed part of the open
 * amount is frozen out of collection, the rest is collectible. State changes go through the
 * methods below, which refuse what the rules forbid.
 */
@Entity
@Table(name = "invoice")
public class Invoice {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;
    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;
    @Column(name = "shipment_date")
    public LocalDate shipmentDate;
    @Column(name = "issued_late", nullable = false)
    public boolean issuedLate;
    /** Due later than the buyer's agreed terms allow (domain.AgreedTerms), accepted under the tenant's policy. */
    @Column(name = "beyond_agreed_terms", nullable = false)
    public boolean beyondAgreedTerms;
    @Column(name = "seller_name")
    public String sellerName;
    @Column(name = "seller_address")
    public String sellerAddress;
    @Column(name = "seller_tax_id")
    public String sellerTaxId;
    @Column(name = "seller_bank_account")
    public String sellerBankAccount;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(name = "buyer_name")
    public String buyerName;
    @Column(name = "buyer_address")
    public String buyerAddress;
    @Column(name = "buyer_tax_id")
    public String buyerTaxId;
    @Column(name = "po_number")
    public String purchaseOrderNumber;
    @Column(name = "currency", nullable = false)
    public String currency;
    @Convert(converter = InvoiceLinesConverter.class)
    @Column(name = "lines", nullable = false)
    public List<InvoiceLine> lines;
    @Column(name = "tax_amount", nullable = false)
    public BigDecimal taxAmount;
    @Column(name = "total_amount", nullable = false)
    public BigDecimal totalAmount;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(name = "payment_terms")
    public String paymentTerms;
    /**
     * The late-charge terms in force for the buyer when the invoice was issued ({@link #lateChargeTerms()}):
     * part of its contract, so its late charges follow them whatever the tenant or buyer agrees later.
     */
    @Column(name = "late_daily_rate", nullable = false)
    public BigDecimal lateDailyRate;
    @Column(name = "late_fee_after_days", nullable = false)
    public int lateFeeAfterDays;
    @Column(name = "late_fee_rate", nullable = false)
    public BigDecimal lateFeeRate;
    @Column(name = "late_legal_basis")
    public String lateLegalBasis;
    @Enumerated(EnumType.STRING)
    @Column(name = "late_charge_terms_source", nullable = false)
    public LateChargeTerms.Source lateChargeTermsSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public InvoiceStatus status;
    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount;
    @Column(name = "credited_amount", nullable = false)
    public BigDecimal creditedAmount;
    @Column(name = "written_off_amount", nullable = false)
    public BigDecimal writtenOffAmount;
    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount;
    @Column(name = "overdue_since")
    public LocalDate overdueSince;
    @Column(name = "receipt_confirmed_by")
    public String receiptConfirmedBy;
    @Column(name = "receipt_confirmed_at")
    public OffsetDateTime receiptConfirmedAt;
    @Column(name = "closed_reason")
    public String closedReason;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "payment_plan_id")
    public UUID paymentPlanId;
    /** The next day the daily job looks at the late charges of this overdue invoice ({@link LateChargeStatement}). */
    @Column(name = "late_charges_next_on")
    public LocalDate lateChargesNextOn;
    /** The last late-charges statement published: its date and the charges due then (null: none yet). */
    @Column(name = "late_charges_stated_on")
    public LocalDate lateChargesStatedOn;
    @Column(name = "late_charges_stated_interest")
    public BigDecimal lateChargesStatedInterest;
    @Column(name = "late_charges_stated_fee")
    public BigDecimal lateChargesStatedFee;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Version
    public long version;

    /**
     * A new invoice from a valid draft (see {@link InvoiceRules#violations}), under the late-charge terms
     * that apply to its buyer today ({@link LateChargeTerms#applying}), which it keeps.
     */
    public static Invoice issue(String tenantId, UUID id, InvoiceDraft d, InvoicingPolicy policy,
            LateChargeTerms lateChargeTerms, OffsetDateTime now) {
        Invoice i = new Invoice();
        i.id = id;
        i.tenantId = tenantId;
        i.invoiceNumber = d.invoiceNumber().strip();
        i.issueDate = d.issueDate();
        i.shipmentDate = d.shipmentDate();
        i.issuedLate = InvoiceRules.issuedLate(d.shipmentDate(), d.issueDate(), policy);
        i.sellerName = d.seller().name().strip();
        i.sellerAddress = d.seller().address().strip();
        i.sellerTaxId = d.seller().taxId().strip();
        i.sellerBankAccount = d.seller().bankAccount().strip();
        i.buyerId = d.buyerId();
        i.buyerName = d.buyer().name().strip();
        i.buyerAddress = d.buyer().address().strip();
        i.buyerTaxId = d.buyer().taxId().strip();
        i.purchaseOrderNumber = d.purchaseOrderNumber().strip();
        i.currency = d.total().currencyCode();
        i.lines = InvoiceRules.linesOf(d);
        i.taxAmount = d.tax().amount();
        i.totalAmount = d.total().amount();
        i.dueDate = d.dueDate();
        i.paymentTerms = d.paymentTerms();
        i.lateDailyRate = lateChargeTerms.policy().dailyRate();
        i.lateFeeAfterDays = lateChargeTerms.policy().feeAfterDays();
        i.lateFeeRate = lateChargeTerms.policy().feeRate();
        i.lateLegalBasis = lateChargeTerms.policy().legalBasis();
        i.lateChargeTermsSource = lateChargeTerms.source();
        i.status = InvoiceStatus.OPEN;
        i.paidAmount = BigDecimal.ZERO;
        i.creditedAmount = BigDecimal.ZERO;
        i.writtenOffAmount = BigDecimal.ZERO;
        i.disputedAmount = BigDecimal.ZERO;
        i.createdAt = now;
        return i;
    }

    // ---- amounts ---------------------------------------------------------------------------

    public Currency currency() {
        return Money.currencyOf(currency);
    }

    public Money total() {
        return money(totalAmount);
    }

    public Money tax() {
        return money(taxAmount);
    }

    public Money paid() {
        return money(paidAmount);
    }

    public Money credited() {
        return money(creditedAmount);
    }

    public Money writtenOff() {
        return money(writtenOffAmount);
    }

    public Money disputed() {
        return money(disputedAmount);
    }

    /** What the buyer still owes on this invoice. */
    public Money open() {
        return total().minus(paid()).minus(credited()).minus(writtenOff());
    }

    /** The open amount not frozen by a dispute: what may be dunned and charged late interest. */
    public Money collectible() {
        return open().minus(disputed()).max(Money.zero(currency()));
    }

    /** The late-charge terms the invoice was issued under: its late charges follow them, and only them. */
    public LateChargeTerms lateChargeTerms() {
        // as the columns hold them (numeric(12,8)), without the zeros of the column's scale
        return new LateChargeTerms(new LateChargePolicy(lateDailyRate.stripTrailingZeros(), lateFeeAfterDays,
                lateFeeRate.stripTrailingZeros(), lateLegalBasis), lateChargeTermsSource);
    }

    public int daysPastDue(LocalDate asOf) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
    }

    // ---- state changes ---------------------------------------------------------------------

    /** Applies part of a payment; returns true when this makes the invoice fully paid. */
    public boolean allocate(Money amount) {
        requireOpen("take a payment");
        requirePositive(amount);
        if (amount.isGreaterThan(open())) {
            throw DomainError.conflict("invoice.allocation-exceeds-open", "Invoice " + invoiceNumber + " has only " + open() + " open; cannot allocate "
                    + amount);
        }
        paidAmount = paid().plus(amount).amount();
        return closeIfSettled();
    }

    /** Takes back part of a payment posted in error; the invoice is open again. */
    public void reverseAllocation(Money amount) {
        requirePositive(amount);
        if (amount.isGreaterThan(paid())) {
            throw DomainError.conflict("invoice.reversal-exceeds-paid", "Invoice " + invoiceNumber + " has only " + paid() + " paid");
        }
        if (status == InvoiceStatus.CANCELLED || status == InvoiceStatus.WRITTEN_OFF) {
            throw DomainError.conflict("invoice.payments-stand", "Invoice " + invoiceNumber + " is " + status + "; its payments stand");
        }
        paidAmount = paid().minus(amount).amount();
        reopen();
    }

    /**
     * A credit note reduces what is owed; returns true when nothing is left open. It takes only
     * the open amount not under dispute: the disputed part is credited by upholding its dispute
     * ({@link #creditUpheldDispute}), so the disputed part leaves the open amount only by payment.
     */
    public boolean credit(Money amount) {
        requireOpen("take a credit note");
        requirePositive(amount);
        if (amount.isGreaterThan(open())) {
            throw DomainError.conflict("invoice.credit-note-exceeds-open", "A credit note of " + amount + " exceeds the open " + open());
        }
        Money undisputed = open().minus(disputed());
        if (amount.isGreaterThan(undisputed)) {
            throw DomainError.conflict("invoice.credit-note-exceeds-undisputed", "A credit note of " + amount
                    + " exceeds the " + undisputed.max(Money.zero(currency())) + " open and not under dispute on invoice "
                    + invoiceNumber + "; its disputed " + disputed() + " is credited by upholding the dispute");
        }
        return takeCredit(amount);
    }

    /**
     * A dispute's credit note: the open part of the invoice takes it, and what exceeds that had
     * been paid already (the payer settled the disputed part by explicit allocation: nothing else
     * takes a disputed part off the open amount, see {@link #credit}), so it is the buyer's credit.
     * Returns that part. Refused on a cancelled or written-off invoice.
     */
    public Money creditUpheldDispute(Money amount) {
        requirePositive(amount);
        if (status == InvoiceStatus.CANCELLED || status == InvoiceStatus.WRITTEN_OFF) {
            throw DomainError.conflict("invoice.not-open", "Invoice " + invoiceNumber + " is " + status
                    + " and cannot take a credit note");
        }
        Money onInvoice = amount.min(open());
        if (onInvoice.isPositive()) {
            takeCredit(onInvoice);
        }
        return amount.minus(onInvoice);
    }

    private boolean takeCredit(Money amount) {
        creditedAmount = credited().plus(amount).amount();
        if (disputed().isGreaterThan(open())) {
            disputedAmount = open().amount();
        }
        return closeIfSettled();
    }

    /** Freezes part of the open amount while a dispute runs. */
    public void freezeDisputed(Money amount) {
        requireOpen("be disputed");
        requirePositive(amount);
        Money free = open().minus(disputed());
        if (amount.isGreaterThan(free)) {
            throw DomainError.conflict("invoice.dispute-exceeds-undisputed", "Only " + free + " of invoice " + invoiceNumber + " is not yet disputed");
        }
        disputedAmount = disputed().plus(amount).amount();
    }

    /** Releases a frozen amount when its dispute ends (credited or collectible again). */
    public void releaseDisputed(Money amount) {
        disputedAmount = disputed().minus(amount).max(Money.zero(currency())).amount();
    }

    /** Declares the open rest bad debt. Returns the amount written off. */
    public Money writeOff(String reason, LocalDate on) {
        requireOpen("be written off");
        Money amount = open();
        writtenOffAmount = writtenOff().plus(amount).amount();
        disputedAmount = BigDecimal.ZERO;
        status = InvoiceStatus.WRITTEN_OFF;
        closedReason = reason;
        closedOn = on;
        return amount;
    }

    /** Withdraws an invoice nobody has paid or credited yet. */
    public void cancel(String reason, LocalDate on) {
        requireOpen("be cancelled");
        if (paid().isPositive() || credited().isPositive()) {
            throw DomainError.conflict("invoice.has-payments", "Invoice " + invoiceNumber + " has payments or credit notes; issue a credit"
                    + " note instead of cancelling");
        }
        status = InvoiceStatus.CANCELLED;
        closedReason = reason;
        closedOn = on;
    }

    /** Records the buyer's confirmation of receipt, once. */
    public void confirmReceipt(String by, OffsetDateTime at) {
        if (receiptConfirmedAt != null) {
            throw DomainError.conflict("invoice.receipt-already-confirmed", "Receipt of invoice " + invoiceNumber + " was already confirmed by "
                    + receiptConfirmedBy + " at " + receiptConfirmedAt);
        }
        if (status == InvoiceStatus.CANCELLED) {
            throw DomainError.conflict("invoice.cancelled", "Invoice " + invoiceNumber + " is cancelled");
        }
        receiptConfirmedBy = by;
        receiptConfirmedAt = at;
    }

    /** Puts the open balance under a payment plan: its instalments are now the due schedule. */
    public void placeUnderPlan(UUID planId) {
        requireOpen("be put on a payment plan");
        if (paymentPlanId != null) {
            throw DomainError.conflict("invoice.already-under-plan", "Invoice " + invoiceNumber + " is already under payment plan " + paymentPlanId);
        }
        paymentPlanId = planId;
    }

    /** Returns the invoice to normal collection when its plan ends. */
    public void releaseFromPlan(UUID planId) {
        if (planId.equals(paymentPlanId)) {
            paymentPlanId = null;
        }
    }

    /** Marks the invoice overdue when its due date has passed; true if it became overdue now. */
    public boolean markOverdue(LocalDate asOf) {
        if (status != InvoiceStatus.OPEN || !asOf.isAfter(dueDate) || !open().isPositive()) {
            return false;
        }
        status = InvoiceStatus.OVERDUE;
        overdueSince = dueDate.plusDays(1);
        lateChargesNextOn = overdueSince;
        return true;
    }

    /** The last late-charges statement published for this invoice, or null. */
    public LateChargeStatement lastLateChargeStatement() {
        if (lateChargesStatedOn == null) {
            return null;
        }
        Currency c = currency();
        return new LateChargeStatement(lateChargesStatedOn, new LateCharges(Money.rounded(lateChargesStatedInterest, c),
                Money.rounded(lateChargesStatedFee, c)));
    }

    /** Records the daily job's look at the charges due on {@code asOf}: stated or not, and when to look next. */
    public void lateChargesLookedAt(LocalDate asOf, LateCharges due, LateChargeStatement.Judgement judgement) {
        lateChargesNextOn = judgement.nextLook();
        if (judgement.state()) {
            lateChargesStatedOn = asOf;
            lateChargesStatedInterest = due.interest().amount();
            lateChargesStatedFee = due.fee().amount();
        }
    }

    private boolean closeIfSettled() {
        if (open().isZero()) {
            status = paid().isPositive() ? InvoiceStatus.PAID : InvoiceStatus.CREDITED;
            disputedAmount = BigDecimal.ZERO;
            return true;
        }
        return false;
    }

    private void reopen() {
        if (open().isPositive() && !status.isOpen()) {
            status = overdueSince != null ? InvoiceStatus.OVERDUE : InvoiceStatus.OPEN;
        }
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw DomainError.conflict("invoice.not-open", "Invoice " + invoiceNumber + " is " + status + " and cannot " + action);
        }
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw DomainError.invalidField("invoice.amount-not-positive", "amount", "must be greater than 0");
        }
    }

    private Money money(BigDecimal amount) {
        return Money.rounded(amount, currency());
    }
}
