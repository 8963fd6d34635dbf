package io.tradecredit.invoice.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.common.events.MessageRequests;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.CreditNote;
import io.tradecredit.invoice.domain.Dispute;
import io.tradecredit.invoice.domain.InstalmentSchedule;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LateChargeAccount;
import io.tradecredit.invoice.domain.LateChargePolicy;
import io.tradecredit.invoice.domain.LateChargeTerms;
import io.tradecredit.invoice.domain.LateCharges;
import io.tradecredit.invoice.domain.PaidByBuyer;
import io.tradecredit.invoice.domain.PaidInFull;
import io.tradecredit.invoice.domain.Payer;
import io.tradecredit.invoice.domain.PaymentPlan;
import io.tradecredit.invoice.domain.PlanCompliance;

/**
 * Everything invoice-service tells the platform, on {@code invoice-events}. Each event carries
 * what a consumer needs without calling back: buyer, amounts, currency, due date and the open
 * balance after the event. The record key is the buyer id: a buyer's ledger is the aggregate,
 * so all of one buyer's events (and so each invoice's) are read in the order they happened.
 * Schemas: {@code contracts/schemas/io.tradecredit.invoice.<name>.v1.json}.
 */
public final class InvoiceEvents {
    public static final String PREFIX = "io.tradecredit.invoice.";

    private InvoiceEvents() {
    }

    /**
     * The seller's name, address, tax id and bank account and the buyer's address are what a
     * dunning letter prints (docs/invoice-service.md, "Events"); added after v1 was first published,
     * so they are optional in the schema and old consumers ignore them.
     */
    public record InvoiceIssued(UUID invoiceId, String invoiceNumber, UUID buyerId, String buyerName, LocalDate issueDate,
            LocalDate dueDate, Money total, Money tax, Money openAmount, boolean issuedLate, String purchaseOrderNumber,
            String paymentTerms, String sellerName, String sellerAddress, String sellerTaxId, String sellerBankAccount,
            String buyerAddress, boolean beyondAgreedTerms, IssuedTerms lateChargeTerms) {
    }

    /**
     * The late-charge terms the invoice was issued under and keeps (rates as plain decimal strings, 0.0005 =
     * 0.05% a day): what its late charges will be computed with, whatever the tenant or buyer agrees later.
     * Added compatibly: optional in the schema, absent from events published before it.
     */
    public record IssuedTerms(String dailyRate, int feeAfterDays, String feeRate, String source) {
        static IssuedTerms of(LateChargeTerms t) {
            return new IssuedTerms(t.policy().dailyRate().toPlainString(), t.policy().feeAfterDays(),
                    t.policy().feeRate().toPlainString(), t.source().name());
        }
    }

    public record ReceiptConfirmed(UUID invoiceId, String invoiceNumber, UUID buyerId, String confirmedBy,
            OffsetDateTime confirmedAt, LocalDate dueDate, Money openAmount) {
    }

    public record Allocation(UUID invoiceId, String invoiceNumber, Money amount, Money openAmount) {
    }

    public record PaymentReceived(UUID paymentId, UUID buyerId, Money amount, LocalDate receivedOn, String reference,
            List<Allocation> allocations, Money unallocated, Money buyerCreditBalance, Payer payer) {
    }

    public record PaymentReversed(UUID paymentId, UUID buyerId, Money amount, String reason,
            List<Allocation> allocations, Money buyerCreditBalance) {
    }

    /** {@code daysPastDue} counts to the buyer's last payment, {@code settledBy} says what took the last of it (PaidInFull). */
    /**
     * {@code paidByBuyer} and {@code paidByInsurer} are told when the insurer's indemnity settled it (settledBy INSURER):
     * what the buyer had paid itself (null: nothing) and what the insurer did; null otherwise.
     */
    public record InvoicePaid(UUID invoiceId, String invoiceNumber, UUID buyerId, Money total, LocalDate dueDate,
            LocalDate paidOn, int daysPastDue, Money openAmount, PaidInFull.SettledBy settledBy, PaidPart paidByBuyer,
            Money paidByInsurer) {
    }

    public record InvoiceBecameOverdue(UUID invoiceId, String invoiceNumber, UUID buyerId, LocalDate dueDate,
            LocalDate asOf, Money openAmount, Money collectibleAmount) {
    }

    public record DisputeOpened(UUID disputeId, UUID invoiceId, String invoiceNumber, UUID buyerId, String type,
            Money disputedAmount, LocalDate dueDate, Money openAmount, Money collectibleAmount) {
    }

    public record DisputeResolved(UUID disputeId, UUID invoiceId, String invoiceNumber, UUID buyerId, String outcome,
            Money disputedAmount, Money creditedAmount, String rootCause, String creditPolicyAdjustment,
            LocalDate dueDate, Money openAmount, Money collectibleAmount) {
    }

    /** {@code principal}: the part that counts for keeping the plan (the amount less its interest; added compatibly). */
    public record Instalment(int number, LocalDate dueDate, Money amount, Money principal) {
    }

    public record PaymentPlanAgreed(UUID planId, UUID buyerId, List<UUID> invoiceIds, Money principal, Money interest,
            List<Instalment> instalments) {
    }

    public record InstalmentMissed(UUID planId, UUID buyerId, int instalmentNumber, LocalDate dueDate, Money amountDue,
            Money amountPaid, LocalDate asOf) {
    }

    public record PaymentPlanBroken(UUID planId, UUID buyerId, List<UUID> invoiceIds, String reason, Money openAmount,
            LocalDate asOf) {
    }

    /** A plan whose principal was settled: it ended kept, its invoices released from it. */
    public record PaymentPlanCompleted(UUID planId, UUID buyerId, List<UUID> invoiceIds, LocalDate asOf) {
    }

    /**
     * {@code paidByBuyer}: what the buyer's payments still standing paid of the invoice before the rest was given up,
     * the day of the last and its days past due ({@link PaidByBuyer}); null when it paid nothing. Added compatibly:
     * optional in the schema, absent from events published before it.
     */
    /**
     * {@code writtenOffOn}: the write-off's own day (an insured loss: the insurer's payment's); {@code paidByInsurer}
     * what the buyer's credit insurer paid of it (null: nothing).
     */
    public record InvoiceWrittenOff(UUID invoiceId, String invoiceNumber, UUID buyerId, Money amount, String reason,
            LocalDate dueDate, Money openAmount, PaidPart paidByBuyer, LocalDate writtenOffOn, Money paidByInsurer) {
    }

    /** What the buyer paid of an invoice written off, its last payment's day and how late that was. */
    public record PaidPart(Money amount, LocalDate lastPaidOn, int daysPastDue) {
        static PaidPart of(PaidByBuyer paid, LocalDate dueDate) {
            return paid == null ? null : new PaidPart(paid.amount(), paid.lastPaidOn(), paid.daysPastDue(dueDate));
        }
    }

    public record CreditNoteIssued(UUID creditNoteId, String creditNoteNumber, UUID invoiceId, String invoiceNumber,
            UUID buyerId, Money amount, String reason, UUID disputeId, LocalDate dueDate, Money openAmount) {
    }

    /**
     * The late-charge terms that produced a statement's figures (rates as plain decimal strings, 0.0005 =
     * 0.05% a day); {@code legalBasis}: the text of those terms (the tenant's or the buyer's
     * own when the invoice was issued), null when they state none.
     */
    public record StatedTerms(String dailyRate, int feeAfterDays, String feeRate,
            String source, String legalBasis) {
    }

    /**
     * An overdue invoice's late charges as they stood on {@code asOf}, as {@code GET .../late-charges}
     * answers for that date: interest to date and the late fee due (accrued less waived), their total,
     * and the open amount they are charged on (docs/invoice-service.md, "Late-charge statements").
     */
    public record LateChargesStated(UUID invoiceId, String invoiceNumber, UUID buyerId, LocalDate dueDate,
            LocalDate asOf, int daysPastDue, String currency, Money openAmount, Money collectibleAmount,
            Money interest, Money lateFee, Money totalCharges, Money totalDue, StatedTerms terms) {
    }

    public record InvoiceCancelled(UUID invoiceId, String invoiceNumber, UUID buyerId, Money total, String reason) {
    }

    /** The outgoing event for {@code payload} of type {@code io.tradecredit.invoice.<name>.v1}. */
    public static OutgoingEvent event(String name, String tenantId, UUID buyerId, Object payload) {
        return new OutgoingEvent(TopicNames.INVOICE_EVENTS, PREFIX + name + ".v1", "buyer-ledger",
                buyerId.toString(), tenantId, payload);
    }

    public static OutgoingEvent issued(Invoice i) {
        return event("issued", i.tenantId, i.buyerId, new InvoiceIssued(i.id, i.invoiceNumber, i.buyerId, i.buyerName,
                i.issueDate, i.dueDate, i.total(), i.tax(), i.open(), i.issuedLate, i.purchaseOrderNumber,
                i.paymentTerms, i.sellerName, i.sellerAddress, i.sellerTaxId, i.sellerBankAccount, i.buyerAddress,
                i.beyondAgreedTerms, IssuedTerms.of(i.lateChargeTerms())));
    }

    /** What asks the buyer to confirm its receipt of the invoice (template {@code invoice.receipt-requested}). */
    public static final String RECEIPT_TEMPLATE = "invoice.receipt-requested";
    public static final String RECEIPT_PURPOSE = "invoice-receipt";

    /**
     * The request to notification-service to ask the buyer, by email, to confirm that it received these invoices
     * (docs/domain.md §2): one buyer's invoices issued together from one seller and bank account, so a batch import
     * asks each buyer once, not once per invoice. Its id derives from the tenant and the first invoice, so it is
     * asked once.
     */
    public static OutgoingEvent receiptRequested(List<Invoice> sameBuyerAndSeller) {
        Invoice first = sameBuyerAndSeller.get(0);
        UUID requestId = MessageRequests.idOf("receipt-request", first.tenantId, first.id);
        List<Map<String, Object>> invoices = new ArrayList<>(sameBuyerAndSeller.size());
        for (Invoice i : sameBuyerAndSeller) {
            Map<String, Object> invoice = new LinkedHashMap<>();
            invoice.put("id", i.id.toString());
            invoice.put("invoiceNumber", i.invoiceNumber);
            invoice.put("issueDate", i.issueDate.toString());
            invoice.put("dueDate", i.dueDate.toString());
            invoice.put("total", Map.of("amount", i.total().amountText(), "currency", i.total().currencyCode()));
            invoice.put("purchaseOrderNumber", i.purchaseOrderNumber);
            if (i.paymentTerms != null) {
                invoice.put("paymentTerms", i.paymentTerms);
            }
            invoices.add(invoice);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buyer", Map.of("id", first.buyerId.toString(), "name", first.buyerName));
        data.put("seller", Map.of("name", first.sellerName, "bankAccount", first.sellerBankAccount));
        data.put("invoices", invoices);
        return MessageRequests.event(first.tenantId, requestId,
                MessageRequests.toBuyer(requestId, RECEIPT_PURPOSE, RECEIPT_TEMPLATE, "EMAIL", first.buyerId, data));
    }

    /** The receipt requests of invoices issued together: one per buyer, seller name and bank account, in issue order. */
    public static List<OutgoingEvent> receiptRequests(List<Invoice> issued) {
        Map<List<Object>, List<Invoice>> groups = new LinkedHashMap<>();
        for (Invoice i : issued) {
            groups.computeIfAbsent(List.of(i.buyerId, i.sellerName, i.sellerBankAccount), k -> new ArrayList<>()).add(i);
        }
        return groups.values().stream().map(InvoiceEvents::receiptRequested).toList();
    }

    public static OutgoingEvent receiptConfirmed(Invoice i) {
        return event("receipt-confirmed", i.tenantId, i.buyerId, new ReceiptConfirmed(i.id, i.invoiceNumber, i.buyerId,
                i.receiptConfirmedBy, i.receiptConfirmedAt, i.dueDate, i.open()));
    }

    public static OutgoingEvent paid(Invoice i, PaidInFull how) {
        return paid(i, how, null, null);
    }

    /** The same, settled by the insurer's payment: what the buyer paid itself (null: nothing) and what the insurer did. */
    public static OutgoingEvent paid(Invoice i, PaidInFull how, PaidByBuyer byBuyer, Money byInsurer) {
        return event("paid", i.tenantId, i.buyerId, new InvoicePaid(i.id, i.invoiceNumber, i.buyerId, i.total(),
                i.dueDate, how.paidOn(), how.daysPastDue(i.dueDate), i.open(), how.settledBy(),
                PaidPart.of(byBuyer, i.dueDate), byInsurer));
    }

    public static OutgoingEvent becameOverdue(Invoice i, LocalDate asOf) {
        return event("became-overdue", i.tenantId, i.buyerId, new InvoiceBecameOverdue(i.id, i.invoiceNumber,
                i.buyerId, i.dueDate, asOf, i.open(), i.collectible()));
    }

    public static OutgoingEvent disputeOpened(Invoice i, Dispute d) {
        return event("dispute-opened", i.tenantId, i.buyerId, new DisputeOpened(d.id, i.id, i.invoiceNumber, i.buyerId,
                d.type.name(), d.disputed(), i.dueDate, i.open(), i.collectible()));
    }

    public static OutgoingEvent disputeResolved(Invoice i, Dispute d) {
        return event("dispute-resolved", i.tenantId, i.buyerId, new DisputeResolved(d.id, i.id, i.invoiceNumber,
                i.buyerId, d.outcome.name(), d.disputed(), d.credited(), d.rootCause, d.creditPolicyAdjustment,
                i.dueDate, i.open(), i.collectible()));
    }

    public static OutgoingEvent writtenOff(Invoice i, Money amount, LocalDate on, PaidByBuyer paidBefore,
            Money paidByInsurer) {
        return event("written-off", i.tenantId, i.buyerId, new InvoiceWrittenOff(i.id, i.invoiceNumber, i.buyerId,
                amount, i.closedReason, i.dueDate, i.open(), PaidPart.of(paidBefore, i.dueDate), on, paidByInsurer));
    }

    public static OutgoingEvent creditNoteIssued(Invoice i, CreditNote n) {
        return event("credit-note-issued", i.tenantId, i.buyerId, new CreditNoteIssued(n.id(), n.number(), i.id,
                i.invoiceNumber, i.buyerId, n.amount(), n.reason(), n.disputeId(), i.dueDate, i.open()));
    }

    public static OutgoingEvent planAgreed(PaymentPlan p, List<InstalmentSchedule.Instalment> schedule,
            List<UUID> invoiceIds) {
        return event("payment-plan-agreed", p.tenantId, p.buyerId, new PaymentPlanAgreed(p.id, p.buyerId,
                invoiceIds.stream().sorted().toList(), p.principal(), p.interest(),
                schedule.stream().map(i -> new Instalment(i.number(), i.dueDate(), i.amount(), i.principal())).toList()));
    }

    public static OutgoingEvent instalmentMissed(PaymentPlan p, PlanCompliance.Verdict verdict, LocalDate asOf) {
        InstalmentSchedule.Instalment missed = verdict.missed();
        return event("instalment-missed", p.tenantId, p.buyerId, new InstalmentMissed(p.id, p.buyerId, missed.number(),
                missed.dueDate(), missed.amount(), verdict.paidByMissedDue(), asOf));
    }

    public static OutgoingEvent planBroken(PaymentPlan p, List<UUID> invoiceIds, Money openAmount, LocalDate asOf) {
        return event("plan-broken", p.tenantId, p.buyerId, new PaymentPlanBroken(p.id, p.buyerId, invoiceIds,
                p.endReason, openAmount, asOf));
    }

    public static OutgoingEvent planCompleted(PaymentPlan p, List<UUID> invoiceIds, LocalDate asOf) {
        return event("plan-completed", p.tenantId, p.buyerId, new PaymentPlanCompleted(p.id, p.buyerId, invoiceIds, asOf));
    }

    public static OutgoingEvent lateChargesStated(Invoice i, LateChargeTerms terms, LateChargeAccount a) {
        LateCharges due = a.due();
        LateChargePolicy p = terms.policy();
        return event("late-charges-stated", i.tenantId, i.buyerId, new LateChargesStated(i.id, i.invoiceNumber,
                i.buyerId, i.dueDate, a.asOf(), a.daysPastDue(), i.currency, a.open(), a.collectible(), due.interest(),
                due.fee(), due.total(), a.totalDue(), new StatedTerms(p.dailyRate().toPlainString(), p.feeAfterDays(), p.feeRate().toPlainString(),
                        terms.source().name(), p.legalBasis())));
    }

    public static OutgoingEvent cancelled(Invoice i) {
        return event("cancelled", i.tenantId, i.buyerId, new InvoiceCancelled(i.id, i.invoiceNumber, i.buyerId,
                i.total(), i.closedReason));
    }
}
