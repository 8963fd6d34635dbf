package io.tradecredit.claims.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.claims.app.Claims;
import io.tradecredit.claims.domain.Claim;
import io.tradecredit.claims.domain.ClaimEntry;
import io.tradecredit.claims.domain.ClaimState;
import io.tradecredit.claims.domain.ClaimedInvoice;
import io.tradecredit.claims.domain.Indemnity;
import io.tradecredit.claims.domain.RecoveryShare;
import io.tradecredit.common.money.Money;

/** Claims as requests give them and answers show them. */
final class ClaimJson {
    private ClaimJson() {
    }

    public record InvoiceJson(@Schema(description = "the invoice's number, checked and kept stripped of surrounding"
            + " blanks as invoice-service issues it (\" INV-1 \" is INV-1); with an invoiceId the ledger knows, the"
            + " number it knows it under, with one it does not know no number it knows under another id (else 400 naming"
            + " invoices[i].invoiceNumber); without one, a number of the claim's"
            + " buyer or one the ledger does not know, not that of another buyer's invoice (else 400 naming"
            + " invoices[i].invoiceNumber, nothing recorded)") @Size(max = 100) String invoiceNumber,
            @Schema(description = "the ledger's invoice id, when known: an invoice of the claim's buyer (an id the ledger knows for another buyer of the tenant is 400 naming invoices[i].invoiceId, nothing recorded)") UUID invoiceId,
            @Schema(description = "what is unpaid of the invoice (one delivered under cover; the insured limit caps the claim's loss, not each invoice), in the policy's currency; by hand no more than the ledger has open of an invoice it knows (else 400 naming invoices[i].unpaidAmount); until the insurer decides it follows the ledger: a payment or credit note lowers it, a reversal raises it again, never above what was claimed") Money unpaidAmount) {
        ClaimedInvoice toInvoice() {
            return new ClaimedInvoice(invoiceNumber, invoiceId, unpaidAmount);
        }

        static InvoiceJson of(ClaimedInvoice i) {
            return new InvoiceJson(i.invoiceNumber(), i.invoiceId(), i.unpaidAmount());
        }
    }

    public record OpenRequest(UUID policyId,
            @Schema(description = "a buyer of the tenant: one this service knows only under another tenant (registered or invoiced there) is 400 naming buyerId, nothing recorded") UUID buyerId,
            @Size(max = 200) String buyerName,
            @Schema(description = "INSOLVENCY or PROTRACTED_DEFAULT") Claim.Cause cause,
            @Schema(description = "the unpaid invoices delivered under cover, 1 to 500") @Size(max = 500) List<InvoiceJson> invoices) {
    }

    public record StateRequest(
            @Schema(description = "SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED, or WITHDRAWN for a draft not filed (PAID follows the insurer's payments)") ClaimState state,
            @Size(max = 2000) @Schema(description = "required for REJECTED (the insurer's reason) and WITHDRAWN (why the draft is not filed)") String note) {
    }

    public record PaymentRequest(@Schema(description = "paid by the insurer, in the policy's currency") Money amount,
            @Schema(description = "the day it was paid; today when absent; not after today, not before the approval (else 400)") LocalDate paidOn) {
    }

    @Schema(description = "money recovered outside the ledger (e.g. an administrator's dividend after the claimed invoices"
            + " were written off); the buyer's payments on claimed invoices still open in the ledger are posted there and"
            + " shared by the service itself, and are refused here (409 claim.recovery-through-ledger)")
    public record RecoveryRequest(@Schema(description = "recovered from the buyer, in the policy's currency") Money amount,
            @Schema(description = "the day it was received; today when absent; not after today (else 400)") LocalDate receivedOn) {
    }

    public record IndemnityView(Money unpaid,
            @Schema(description = "the buyer's insured limit on the day the claim was opened") Money insuredLimit,
            @Schema(description = "the unpaid amount up to what the limits in force on the invoices' issue days cover"
                    + " of it (a later reduction does not lower it; may exceed insuredLimit), nothing of an invoice issued"
                    + " from the buyer's stop-deliveries date on nor of one the ledger has in another currency than the policy's") Money cappedLoss,
            Money deductible, Money insuredLoss,
            BigDecimal insuredPercent, Money indemnity, Money tenantBears) {
        static IndemnityView of(Indemnity i) {
            return i == null ? null : new IndemnityView(i.unpaid(), i.insuredLimit(), i.cappedLoss(), i.deductible(),
                    i.insuredLoss(), i.insuredPercent(), i.indemnity(), i.tenantBears());
        }
    }

    public record EntryView(
            @Schema(description = "MOVE, PAYMENT (the insurer's), RECOVERY (amount 0: the recoveries so far shared again after a payment of the insurer, toInsurer what the tenant owes it more), AMENDED (before approval, an invoice's unpaid amount as the ledger changed it; amount: the invoice's unpaid amount after) or RECEIVED (after approval, the buyer's money on a claimed invoice, negative when reversed, kept to share)") ClaimEntry.Kind kind,
            ClaimState from, ClaimState to, Money amount, Money toInsurer,
            Money toTenant, LocalDate on, OffsetDateTime at, String by, String note,
            @Schema(description = "the invoice event an AMENDED or RECEIVED line (or a recovery it shared) came from") String eventId) {
        static EntryView of(ClaimEntry e) {
            return new EntryView(e.kind(), e.from(), e.to(), e.amount(), e.toInsurer(), e.toTenant(), e.on(), e.at(), e.by(),
                    e.note(), e.eventId());
        }
    }

    public record View(UUID id, UUID policyId, UUID buyerId, String buyerName, Claim.Cause cause, ClaimState state,
            List<InvoiceJson> invoices, Money unpaid, LocalDate openedOn, String openedBy, LocalDate approvedOn,
            @Schema(description = "computed at approval; absent before") IndemnityView indemnity, Money indemnityPaid,
            Money indemnityDue, Money recovered, Money recoveredToInsurer,
            @Schema(description = "paid by the buyer on the claimed invoices after approval, shared as a recovery once the indemnity is paid") Money receivedToShare,
            @Schema(description = "which part this claim is of a loss of more than 500 insured invoices split into claims of at most 500 (one deductible across them); absent for a claim of its own") PartView part,
            @Schema(description = "moves, payments, recoveries and the ledger's changes, oldest first; only in the claim's own answer") List<EntryView> log) {
        static View of(Claim c, List<ClaimEntry> log) {
            return new View(c.id(), c.policyId(), c.buyerId(), c.buyerName(), c.cause(), c.state(),
                    c.invoices().stream().map(InvoiceJson::of).toList(), c.unpaid(), c.openedOn(), c.openedBy(),
                    c.approvedOn(), IndemnityView.of(c.indemnity()), c.indemnityPaid(), c.indemnityDue(), c.recovered(),
                    c.recoveredToInsurer(), c.receivedToShare(), PartView.of(c.part()), log == null ? null : log.stream().map(EntryView::of).toList());
        }

        static View of(Claims.ClaimFile f) {
            return of(f.claim(), f.log());
        }
    }

    public record PartView(@Schema(description = "the same for every part of the split loss") UUID splitId, int number,
            int of) {
        static PartView of(Claim.Part p) {
            return p == null ? null : new PartView(p.splitId(), p.number(), p.of());
        }
    }

    public record RecoveryView(Money amount, Money toInsurer, Money toTenant, Money recoveredTotal, Money toInsurerTotal,
            View claim) {
        static RecoveryView of(Claim.Recovery r) {
            RecoveryShare s = r.share();
            return new RecoveryView(s.recovery(), s.toInsurer(), s.toTenant(), s.recoveredTotal(), s.toInsurerTotal(),
                    View.of(r.claim(), null));
        }
    }
}
