package io.tradecredit.claims.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * A claim on the tenant's policy for one buyer's unpaid insured invoices (docs/domain.md §4). Its
 * state moves by {@link ClaimState}'s rule; approval fixes the {@link Indemnity}; the insurer's
 * payments count towards it (partial payments allowed, never more than it); recoveries after a
 * payment are shared by {@link RecoveryShare}.
 *
 * @param indemnity null until approved
 * @param receivedToShare what the buyer paid on the claimed invoices after approval, kept until the claim is paid and then
 *        shared as a recovery ({@link #ledgerSays})
 * @param part null for a claim of its own; set on each claim an automatic claim was split into ({@link #openSplit})
 */
public record Claim(UUID id, UUID policyId, UUID buyerId, String buyerName, Cause cause, List<ClaimedInvoice> invoices,
        ClaimState state, LocalDate openedOn, String openedBy, LocalDate approvedOn, Indemnity indemnity,
        Money indemnityPaid, Money recovered, Money recoveredToInsurer, Money receivedToShare, Part part) {

    /** Why the claim is made. */
    public enum Cause {
        INSOLVENCY, PROTRACTED_DEFAULT
    }

    static final int MAX_INVOICES = 500;

    /**
     * One of the claims a loss of more than {@value #MAX_INVOICES} insured invoices is split into: part
     * {@code number} of {@code of}, all under the same {@code splitId}. Together they are one loss: the
     * deductible is kept once across them (docs/insurance-claims-service.md, "Claims of more than 500 invoices").
     */
    public record Part(UUID splitId, int number, int of) {
    }

    /**
     * A new draft claim under a policy in {@code currency}: valid, or refused naming every wrong field
     * ({@code invoices[2].unpaidAmount}). Without a policy ({@code policyId} null, then no currency either) it is always
     * refused, naming {@code policyId} beside every other wrong field. Each invoice number is kept stripped of surrounding
     * blanks, as invoice-service issues and the ledger knows it (its {@code Invoice.issue} strips the number): a claim by
     * hand's " INV-B1" or "INV-B1 " was kept as sent, so the checks of the ledger ({@link #withinLedger}: another buyer's
     * number, a number known under another id, more than is open) and of what other claims hold
     * ({@link #claimingNothingHeld}), which compare numbers exactly, took buyer B's INV-B1 30,000 for an invoice the
     * ledger does not know and opened buyer A's claim of it.
     */
    public static Claim open(UUID policyId, String currency, UUID buyerId, String buyerName, Cause cause,
            List<ClaimedInvoice> invoices, LocalDate on, String by) {
        List<Violation> wrong = new ArrayList<>();
        if (policyId == null) {
            wrong.add(new Violation("policyId", "is required"));
        }
        if (buyerId == null) {
            wrong.add(new Violation("buyerId", "is required"));
        }
        if (buyerName == null || buyerName.isBlank() || buyerName.length() > 200) {
            wrong.add(new Violation("buyerName", "is required, at most 200 characters"));
        }
        if (cause == null) {
            wrong.add(new Violation("cause", "is required: INSOLVENCY or PROTRACTED_DEFAULT"));
        }
        if (invoices == null || invoices.isEmpty() || invoices.size() > MAX_INVOICES) {
            wrong.add(new Violation("invoices", "1 to " + MAX_INVOICES + " unpaid insured invoices"));
        } else {
            Set<String> numbers = new HashSet<>();
            for (int i = 0; i < invoices.size(); i++) {
                wrong.addAll(invoiceViolations("invoices[" + i + "].", invoices.get(i), currency, numbers));
            }
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("claim.invalid", "The claim is incomplete or inconsistent", wrong);
        }
        Money zero = Money.zero(currency);
        List<ClaimedInvoice> stripped = invoices.stream().map(i -> new ClaimedInvoice(i.invoiceNumber().strip(),
                i.invoiceId(), i.unpaidAmount())).toList();
        return new Claim(UUID.randomUUID(), policyId, buyerId, buyerName.strip(), cause, stripped,
                ClaimState.DRAFT, on, by, null, null, zero, zero, zero, zero, null);
    }

    /**
     * This claim by hand, unless another claim of the tenant already holds one of its invoices, by id or by number
     * ({@code heldByOthers}; ClaimState#holdsItsInvoices: an open one, or one the insurer PAID): then 409
     * {@code claim.invoice-held} naming each such {@code invoices[i]}, since the insurer would pay the same loss twice
     * (DOMAIN §4's 100,000 approved at 72,000 on the insolvency's draft and again on a claim by hand of the same
     * invoices: 144,000; or the 72,000 paid and the same invoices claimed anew). The tenant files or withdraws the open
     * claim that holds them instead; a rejected or withdrawn claim holds nothing.
     */
    public Claim claimingNothingHeld(ProtractedDefault.Held heldByOthers) {
        List<Violation> held = new ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            if (heldByOthers.holds(invoices.get(i))) {
                held.add(new Violation("invoices[" + i + "]", invoices.get(i).invoiceNumber()
                        + " is held by another claim of the tenant, open or paid by the insurer"));
            }
        }
        if (!held.isEmpty()) {
            throw DomainError.conflict("claim.invoice-held", "Another claim already holds " + held.size()
                    + " of these invoices: file or withdraw an open claim instead of claiming them twice; a paid"
                    + " claim's loss was indemnified already", held);
        }
        return this;
    }

    /**
     * This claim by hand, claiming of each invoice the ledger knows (its read model of the buyer's invoices,
     * {@code ledger}: by id, or by number for a line without id) no more than is open of it there: the insured loss is the
     * unpaid receivables (DOMAIN §4), and a claim opened before a payment follows the ledger down to what is open
     * ({@link #ledgerSays}), so one opened after it may not claim what the buyer already paid. Else 400
     * {@code claim.invalid} naming each {@code invoices[i].unpaidAmount}, nothing opened. Worked example: DOMAIN §4's
     * INV-1 60,000 and INV-2 40,000 under an 80,000 limit, the buyer paid 30,000 of INV-1: claimed by hand at 60,000 +
     * 40,000 it was approved at 72,000 (opened before the payment, 63,000); now refused, 30,000 + 40,000 is 63,000. An
     * invoice the ledger does not know, or knows in another currency, is taken as given. A line naming an invoice id the
     * ledger knows under another number is refused too, naming {@code invoices[i].invoiceNumber}: INV-2's id claimed as
     * "INV-7" showed INV-7 in the dossier, and the tenant-wide check by number ({@link #claimingNothingHeld}) took the
     * buyer's real INV-7 as held. The {@code ledger} holds besides the buyer's invoices any invoice of the tenant a line
     * names by id: a line naming by id another buyer's invoice is refused, naming {@code invoices[i].invoiceId}, since a
     * claim follows the ledger by invoice id and that buyer's payments would change this buyer's claim (buyer A's claim
     * of buyer B's INV-B1 30,000 as "INV-3" went down to 0 when B paid INV-B1). So is a line without id naming the number
     * of another buyer's invoice (the {@code ledger} holds too any invoice of the tenant of a line's number), naming
     * {@code invoices[i].invoiceNumber}: numbers are unique per tenant (invoice-service), so buyer A's claim of "INV-B1"
     * 30,000 was buyer B's invoice, taken as one the ledger does not know, and the tenant-wide check by number
     * ({@link #claimingNothingHeld}) then refused B's own claim of INV-B1 as held (409). A line is matched among the
     * buyer's invoices first; a number the ledger does not know is taken as given, as before. A line with an id the
     * ledger does not know and a number it knows under another id is refused too, naming {@code invoices[i].invoiceNumber}
     * (a claim follows the ledger by id, so the line is not the invoice of its number): INV-1 60,000, 30,000 of it paid,
     * claimed with a made-up id as "INV-1" at 60,000 beside INV-2's 40,000 was taken as given, approved at 72,000
     * instead of 63,000, and never followed INV-1's later payments.
     */
    public Claim withinLedger(List<OpenInvoice> ledger) {
        List<Violation> wrong = new ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            ClaimedInvoice c = invoices.get(i);
            Optional<OpenInvoice> known = ledger.stream().filter(o -> buyerId.equals(o.buyerId()))
                    .filter(o -> names(c, o)).findFirst();
            if (known.isEmpty() && ledger.stream().anyMatch(o -> names(c, o))) {
                wrong.add(c.invoiceId() != null
                        ? new Violation("invoices[" + i + "].invoiceId", "is an invoice of another buyer in the ledger:"
                                + " a claim names only invoices of its buyer " + buyerId)
                        : new Violation("invoices[" + i + "].invoiceNumber", "is the number of an invoice of another"
                                + " buyer in the ledger: a claim names only invoices of its buyer " + buyerId));
                continue;
            }
            String numberField = "invoices[" + i + "].invoiceNumber";
            if (known.isEmpty()) {
                ledger.stream().filter(o -> c.invoiceNumber().equals(o.invoiceNumber())).findFirst().ifPresent(o ->
                        wrong.add(new Violation(numberField, "is the number of invoice " + o.invoiceId() + " in the"
                                + " ledger, not of invoice " + c.invoiceId() + ": a line names an invoice by the id and"
                                + " number the ledger knows it under")));
            }
            if (known.isPresent() && c.invoiceId() != null && !known.get().invoiceNumber().equals(c.invoiceNumber())) {
                wrong.add(new Violation("invoices[" + i + "].invoiceNumber", "is not the number of invoice "
                        + c.invoiceId() + ": the ledger knows it as " + known.get().invoiceNumber()));
            }
            if (known.isPresent() && known.get().openAmount().currency().equals(c.unpaidAmount().currency())
                    && c.unpaidAmount().isGreaterThan(known.get().openAmount())) {
                wrong.add(new Violation("invoices[" + i + "].unpaidAmount", "is more than the "
                        + known.get().openAmount().amountText() + " " + known.get().openAmount().currencyCode()
                        + " open of " + c.invoiceNumber() + " in the ledger: a claim asks for what is unpaid"));
            }
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("claim.invalid", "The claim names an invoice otherwise than the ledger, or asks"
                    + " for more than the ledger has open", wrong);
        }
        return this;
    }

    /** Whether the claimed line {@code c} is the ledger's invoice {@code o}: by id, or by number for a line without id. */
    private static boolean names(ClaimedInvoice c, OpenInvoice o) {
        return c.invoiceId() == null ? c.invoiceNumber().equals(o.invoiceNumber()) : c.invoiceId().equals(o.invoiceId());
    }

    /**
     * The draft claims of an automatic claim (an insolvency signal, a protracted default) of the buyer's insured
     * invoices {@code oldestFirst} on the signal {@code signalId}: one claim when they are at most
     * {@value #MAX_INVOICES}, else consecutive parts of at most {@value #MAX_INVOICES} each, oldest first. Ids are
     * derived from the policy, buyer, signal and the part's number, so the same signal always names the same claims.
     */
    public static List<Claim> openSplit(UUID policyId, String currency, UUID buyerId, String buyerName, Cause cause,
            List<ClaimedInvoice> oldestFirst, LocalDate on, String by, UUID signalId) {
        UUID splitId = UUID.nameUUIDFromBytes(("claim-split:" + policyId + ":" + buyerId + ":" + signalId)
                .getBytes(StandardCharsets.UTF_8));
        return openSplit(splitId, policyId, currency, buyerId, buyerName, cause, oldestFirst, on, by);
    }

    private static List<Claim> openSplit(UUID splitId, UUID policyId, String currency, UUID buyerId, String buyerName,
            Cause cause, List<ClaimedInvoice> oldestFirst, LocalDate on, String by) {
        int parts = Math.max(1, (oldestFirst.size() + MAX_INVOICES - 1) / MAX_INVOICES);
        List<Claim> claims = new ArrayList<>();
        for (int n = 1; n <= parts; n++) {
            List<ClaimedInvoice> share = oldestFirst.subList((n - 1) * MAX_INVOICES,
                    Math.min(oldestFirst.size(), n * MAX_INVOICES));
            Claim c = open(policyId, currency, buyerId, buyerName, cause, share, on, by);
            UUID id = UUID.nameUUIDFromBytes(("claim:" + splitId + ":" + n).getBytes(StandardCharsets.UTF_8));
            claims.add(new Claim(id, policyId, buyerId, c.buyerName, cause, c.invoices, ClaimState.DRAFT, on, by, null,
                    null, c.indemnityPaid, c.recovered, c.recoveredToInsurer, c.receivedToShare,
                    parts == 1 ? null : new Part(splitId, n, parts)));
        }
        return List.copyOf(claims);
    }

    private static List<Violation> invoiceViolations(String at, ClaimedInvoice invoice, String currency, Set<String> seen) {
        List<Violation> wrong = new ArrayList<>();
        if (invoice == null) {
            wrong.add(new Violation(at.substring(0, at.length() - 1), "is required"));
            return wrong;
        }
        String number = invoice.invoiceNumber();
        if (number == null || number.isBlank() || number.length() > 100) {
            wrong.add(new Violation(at + "invoiceNumber", "is required, at most 100 characters"));
        } else if (!seen.add(number.strip())) {
            wrong.add(new Violation(at + "invoiceNumber", "is claimed twice"));
        }
        Money amount = invoice.unpaidAmount();
        if (amount == null || !amount.isPositive()) {
            wrong.add(new Violation(at + "unpaidAmount", "is required and must be above 0"));
        } else if (currency != null && !amount.currencyCode().equals(currency)) {
            wrong.add(new Violation(at + "unpaidAmount.currency", "must be the policy's currency " + currency));
        }
        return wrong;
    }

    /** The unpaid insured receivables claimed: the sum of the invoices' unpaid amounts. */
    public Money unpaid() {
        return invoices.stream().map(ClaimedInvoice::unpaidAmount).reduce(Money.zero(indemnityPaid.currency()), Money::plus);
    }

    /** The longest note a move is recorded with (the insurer's reason of a rejection, why a draft is withdrawn). */
    public static final int MAX_NOTE = 2000;

    /**
     * A move by hand as asked ({@code PUT .../state}): a state ({@code to}), a note of at most {@value #MAX_NOTE}
     * characters, required for REJECTED (the insurer's reason) and WITHDRAWN (why the draft is not filed). Refused
     * naming every wrong field (400 {@code claim.move-invalid}), before anything is read or changed: a request without a
     * state and with too long a note named the state alone, and a rejection with a reason of 5,000 characters was
     * recorded and published though the API describes at most 2,000.
     */
    public static void checkMove(ClaimState to, String note) {
        List<Violation> wrong = new ArrayList<>();
        if (to == null) {
            wrong.add(new Violation("state", "must be one of " + List.of(ClaimState.values())));
        }
        if (note != null && note.length() > MAX_NOTE) {
            wrong.add(new Violation("note", "at most " + MAX_NOTE + " characters"));
        } else if (to == ClaimState.REJECTED && (note == null || note.isBlank())) {
            wrong.add(new Violation("note", "a rejection is recorded with the insurer's reason"));
        } else if (to == ClaimState.WITHDRAWN && (note == null || note.isBlank())) {
            wrong.add(new Violation("note", "a withdrawal is recorded with the reason the draft is not filed"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("claim.move-invalid", "The move is incomplete or inconsistent", wrong);
        }
    }

    /**
     * The claim moved to {@code to}: submitted, under review, rejected or withdrawn, by the state rule alone. Approval goes
     * through {@link #approve} (it needs the indemnity), paid through {@link #pay}; any other move is refused (409). A
     * protracted default is submitted only through {@link #submit}, which knows the day and the buyer's overdue
     * notification: submitted here it is refused, 409 {@code claim.waiting-period} (a protracted default moved to
     * SUBMITTED without them skipped its waiting period; only the API's path checked it).
     */
    public Claim moveTo(ClaimState to) {
        if (to == ClaimState.SUBMITTED && state.mayMoveTo(to) && cause == Cause.PROTRACTED_DEFAULT) {
            throw DomainError.conflict("claim.waiting-period", "A protracted default is submittable only once the policy's"
                    + " waiting period after the buyer's overdue notification has run: submit it with the day and the"
                    + " notification", List.of(new Violation("state", "submittable once the waiting period has run")));
        }
        return moved(to);
    }

    private Claim moved(ClaimState to) {
        if (to == ClaimState.APPROVED || to == ClaimState.PAID || !state.mayMoveTo(to)) {
            throw illegal(to);
        }
        return withState(to);
    }

    /**
     * The claim submitted to the insurer on {@code today}. A protracted default (non-payment) is a claim "after the waiting
     * period" (DOMAIN §4), which counts from the overdue notification (docs/insurance-claims-service.md, "Protracted
     * default"): submittable from the buyer's first overdue notification under the policy ({@code firstNotifiedOn}) plus
     * the policy's {@code waitingPeriodDays} (ProtractedDefault#triggerDay), never before, nor while the buyer's overdue
     * account was never notified (the waiting period has not begun): 409 {@code claim.waiting-period} naming the day it
     * becomes submittable, nothing changed. An insolvency is claimed at once. A move DRAFT may not make is refused first
     * (409 {@code claim.illegal-move}). Worked example: notified 1 June 2026, waiting period 90 days: refused on
     * 29 August ("submittable from 2026-08-30"), submitted on 30 August.
     */
    public Claim submit(LocalDate today, int waitingPeriodDays, Optional<LocalDate> firstNotifiedOn) {
        if (state.mayMoveTo(ClaimState.SUBMITTED) && cause == Cause.PROTRACTED_DEFAULT) {
            if (firstNotifiedOn.isEmpty()) {
                throw DomainError.conflict("claim.waiting-period", "A protracted default is submittable "
                        + waitingPeriodDays + " days after the buyer's overdue account was notified under the policy;"
                        + " it was not notified yet, so the waiting period has not begun",
                        List.of(new Violation("state", "submittable " + waitingPeriodDays
                                + " days after the overdue notification, which has not been made")));
            }
            LocalDate from = ProtractedDefault.triggerDay(firstNotifiedOn.get(), waitingPeriodDays);
            if (today.isBefore(from)) {
                throw DomainError.conflict("claim.waiting-period", "A protracted default is submittable from " + from
                        + ": the policy's waiting period of " + waitingPeriodDays + " days after the overdue notification of "
                        + firstNotifiedOn.get() + " has not run yet (today is " + today + ")",
                        List.of(new Violation("state", "submittable from " + from)));
            }
        }
        return moved(ClaimState.SUBMITTED);
    }

    /**
     * The claim approved on {@code on} with its indemnity; only a claim under review. An indemnity of 0 (the
     * deductible kept the whole insured loss) is settled at once: PAID with nothing paid, since no payment of the
     * insurer will ever come to close it, and an open claim would hold the buyer's invoices for good.
     */
    public Claim approve(Indemnity i, LocalDate on) {
        if (!state.mayMoveTo(ClaimState.APPROVED)) {
            throw illegal(ClaimState.APPROVED);
        }
        ClaimState now = i.indemnity().isPositive() ? ClaimState.APPROVED : ClaimState.PAID;
        return new Claim(id, policyId, buyerId, buyerName, cause, invoices, now, openedOn, openedBy, on, i,
                indemnityPaid, recovered, recoveredToInsurer, receivedToShare, part);
    }

    /**
     * The policy's terms the claim is indemnified under (its insured percentage and deductible): those in force on the
     * claim's day ({@code openedOn}: the day of the insolvency signal, the protracted default's trigger day, the ladder's
     * run date, or the day the tenant filed it by hand), not on the day the insurer happens to decide. A revision from
     * 1 January to 80 % leaves a loss claimed in December at the 90 % of its day. Before the policy's first day (a claim
     * by hand under a policy not yet in force) its first terms.
     */
    public PolicyVersion termsFrom(List<PolicyVersion> versions) {
        return PolicyVersion.inForce(versions, openedOn).orElse(versions.get(0));
    }

    /**
     * The policy year the claim's loss falls in, for an annual first loss kept once per year: the year of the claim's day
     * ({@code openedOn}), not of its approval, so a loss of the last days of one year approved in the next keeps the
     * deductible of its own year and leaves the next year's to that year's losses. {@code versions}: the policy's,
     * oldest first (years count from the first's effective date).
     */
    public PolicyYear policyYear(List<PolicyVersion> versions) {
        return PolicyYear.of(versions.get(0).effectiveFrom(), openedOn);
    }

    /** Whether approval settled the claim at once: approved at an indemnity of 0, nothing to pay ({@link #approve}). */
    public boolean settledAtNothing() {
        return state == ClaimState.PAID && indemnity != null && !indemnity.indemnity().isPositive();
    }

    /** What of the indemnity the insurer has still to pay. */
    public Money indemnityDue() {
        return indemnity == null ? Money.zero(indemnityPaid.currency()) : indemnity.indemnity().minus(indemnityPaid);
    }

    /**
     * The day money on this claim is entered for ({@code field}: {@code paidOn} or {@code receivedOn}; today when
     * {@code on} is null): never after {@code today}, and a payment of the insurer never before the approval it pays. A
     * day after today would publish a payment (indemnity-paid, recovery-shared) invoice-service posts in the future.
     * Refused with the amount's own fault, if any, named beside it (400), nothing changed.
     */
    public LocalDate moneyOn(String field, Money amount, LocalDate on, LocalDate today) {
        LocalDate day = on == null ? today : on;
        List<Violation> wrong = new ArrayList<>();
        if (amount == null || !amount.isPositive() || !amount.currency().equals(indemnityPaid.currency())) {
            wrong.add(new Violation("amount", "is required: above 0 in the policy's currency " + indemnityPaid.currencyCode()));
        }
        if (day.isAfter(today)) {
            wrong.add(new Violation(field, "is after today (" + today + ")"));
        } else if ("paidOn".equals(field) && approvedOn != null && day.isBefore(approvedOn)) {
            wrong.add(new Violation(field, "is before the claim was approved (" + approvedOn + ")"));
        }
        if (wrong.size() > 1 || wrong.size() == 1 && !"amount".equals(wrong.get(0).field())) {
            throw DomainError.invalid("paidOn".equals(field) ? "claim.payment-invalid" : "claim.recovery-invalid",
                    "The " + ("paidOn".equals(field) ? "payment" : "recovery") + " is incomplete or inconsistent", wrong);
        }
        return day;
    }

    /**
     * The insurer paid {@code amount} of the indemnity: an approved claim only, never more than is due;
     * the claim is paid when nothing is due any more.
     */
    public Claim pay(Money amount) {
        if (amount == null || !amount.isPositive() || !amount.currency().equals(indemnityPaid.currency())) {
            throw DomainError.invalidField("claim.payment-invalid", "amount",
                    "is required: above 0 in the policy's currency " + indemnityPaid.currencyCode());
        }
        if (state != ClaimState.APPROVED) {
            throw DomainError.conflict("claim.not-approved", "Only an approved claim is paid; this one is " + state);
        }
        if (amount.isGreaterThan(indemnityDue())) {
            throw DomainError.conflict("claim.overpaid", "The payment of " + amount + " is more than the "
                    + indemnityDue() + " of indemnity still due");
        }
        Money paid = indemnityPaid.plus(amount);
        ClaimState now = paid.compareTo(indemnity.indemnity()) == 0 ? ClaimState.PAID : ClaimState.APPROVED;
        return new Claim(id, policyId, buyerId, buyerName, cause, invoices, now, openedOn, openedBy, approvedOn, indemnity,
                paid, recovered, recoveredToInsurer, receivedToShare, part);
    }

    /** A recovery and the claim after it. */
    public record Recovery(Claim claim, RecoveryShare share) {
    }

    /**
     * The recoveries shared while the claim was partly paid, shared again at the indemnity paid now (after a payment of
     * the insurer, {@link #pay}). DOMAIN §4 shares a recovery in the proportion the loss was borne; while the insurer has
     * paid part of the indemnity it has borne that part, and a recovery then gives it that share (indemnity paid ÷
     * unpaid); as it pays more it bears more, so the recoveries so far are shared at the new share, the insurer's running
     * total going up by the difference (a re-share: {@link RecoveryShare} of nothing new, {@code toInsurer} what the
     * tenant owes the insurer more, {@code toTenant} its negative). Once the claim is paid every recovery stands shared
     * as if it came after full payment. Worked example: approved at 72,000 on 100,000, 36,000 paid, a recovery of 10,000
     * → 3,600 to the insurer, 6,400 to the tenant; the other 36,000 paid → re-shared 3,600 more to the insurer: 7,200 /
     * 2,800 as on a paid claim (it stayed 3,600 / 6,400). Empty when nothing was recovered or the share does not change.
     */
    public Optional<Recovery> reshared() {
        if (!recovered.isPositive() || indemnity == null) {
            return Optional.empty();
        }
        RecoveryShare again = RecoveryShare.of(Money.zero(indemnityPaid.currency()), unpaid(), indemnityPaid, recovered,
                recoveredToInsurer);
        if (again.toInsurer().isZero()) {
            return Optional.empty();
        }
        return Optional.of(new Recovery(new Claim(id, policyId, buyerId, buyerName, cause, invoices, state, openedOn,
                openedBy, approvedOn, indemnity, indemnityPaid, again.recoveredTotal(), again.toInsurerTotal(),
                receivedToShare, part), again));
    }

    /**
     * {@code amount} recovered from the buyer after the insurer paid indemnity, entered by hand, shared by
     * {@link RecoveryShare}; before any indemnity was paid there is nothing to share (409). A recovery by hand is for
     * money the ledger cannot bring to the claim: while the ledger still has something open of a claimed invoice
     * ({@code openInLedger}, {@link #openIn}), the buyer's money on it is posted there and shared by the service itself
     * ({@link #ledgerSays}), so entering it here too would count it twice: refused (409 {@code claim.recovery-through-ledger}
     * naming {@code amount} and the invoices). Once the ledger closed them (paid, written off after the indemnity,
     * cancelled), or for invoices it never knew, money such as an administrator's dividend comes only this way.
     */
    public Recovery recover(Money amount, List<OpenInvoice> openInLedger) {
        if (amount == null || !amount.isPositive() || !amount.currency().equals(indemnityPaid.currency())) {
            throw DomainError.invalidField("claim.recovery-invalid", "amount",
                    "is required: above 0 in the policy's currency " + indemnityPaid.currencyCode());
        }
        if (!indemnityPaid.isPositive()) {
            throw DomainError.conflict("claim.not-indemnified",
                    "Nothing was indemnified on this claim yet: a recovery now is the tenant's alone");
        }
        if (!openInLedger.isEmpty()) {
            String open = String.join(", ", openInLedger.stream()
                    .map(i -> i.invoiceNumber() + " (" + i.openAmount() + " open)").toList());
            throw DomainError.conflict("claim.recovery-through-ledger", "The ledger still has claimed invoices open: "
                    + open + "; the buyer's money on them is posted there and shared by this service itself",
                    List.of(new Violation("amount", "a recovery by hand is for money the ledger cannot take (its claimed"
                            + " invoices are closed there); post the buyer's payment on " + open + " in the ledger instead,"
                            + " or enter it here once they are closed")));
        }
        RecoveryShare share = RecoveryShare.of(amount, unpaid(), indemnityPaid, recovered, recoveredToInsurer);
        Claim after = new Claim(id, policyId, buyerId, buyerName, cause, invoices, state, openedOn, openedBy, approvedOn,
                indemnity, indemnityPaid, share.recoveredTotal(), share.toInsurerTotal(), receivedToShare, part);
        return new Recovery(after, share);
    }

    /**
     * The claimed invoices the ledger still has something open of, among the buyer's invoices it knows ({@code ledger},
     * the read model): matched by id, or by number for a line claimed by hand without id. An invoice the ledger does not
     * know is not among them.
     */
    public List<OpenInvoice> openIn(List<OpenInvoice> ledger) {
        return ledger.stream().filter(o -> o.openAmount().isPositive() && invoices.stream()
                .anyMatch(c -> c.invoiceId() == null ? c.invoiceNumber().equals(o.invoiceNumber())
                        : c.invoiceId().equals(o.invoiceId())))
                .toList();
    }

    private Claim withState(ClaimState to) {
        return new Claim(id, policyId, buyerId, buyerName, cause, invoices, to, openedOn, openedBy, approvedOn, indemnity,
                indemnityPaid, recovered, recoveredToInsurer, receivedToShare, part);
    }

    /**
     * Whether the insurer has not decided yet (draft, submitted, under review): until then the claim's invoices are
     * what the ledger says is still unpaid of them ({@link #ledgerSays}).
     */
    public boolean followsLedger() {
        return state == ClaimState.DRAFT || state == ClaimState.SUBMITTED || state == ClaimState.UNDER_REVIEW;
    }

    /**
     * What the ledger's news did to a claim: the claimed invoice's line {@code before} and {@code after} (the same after
     * approval, when the indemnity stands), the recovery {@code shared} when the news was money the buyer paid on a paid
     * claim, or shared back when it was reversed (else null), and after approval the buyer's money the claim
     * {@code received} by it (negative: taken back by a reversal; null before approval).
     */
    public record LedgerEffect(Claim claim, ClaimedInvoice before, ClaimedInvoice after, RecoveryShare shared,
            Money received) {
    }

    /**
     * The ledger's {@code news} of the claimed invoice at {@code line}, claimed at {@code claimed} when the claim opened.
     * The insured loss is what is unpaid (DOMAIN §4), so before the insurer decides ({@link #followsLedger}) the invoice's
     * unpaid amount is what the ledger says is open of it, never more than was claimed: a payment or credit note lowers
     * it, a payment reversed raises it again. After approval the indemnity stands: what the buyer paid is kept
     * ({@code receivedToShare}) and shared as a recovery, by {@link RecoveryShare}, once the claim is paid
     * ({@link #shareReceived}). A payment reversed after approval takes back what it {@code brought} to the claim after
     * approval (nothing for a payment from before): first from what is kept, the rest was shared already and is shared
     * back as a negative recovery, so the insurer is owed nothing of money that never arrived. Empty when nothing
     * changes: the same amount, a rejected or withdrawn claim, after approval news without money of the buyer's or the
     * reversal of a payment that brought nothing, or news in another currency than the claim's.
     *
     * @param brought what the news' payment brought to this claim after approval so far (its RECEIVED lines); read only
     *        for a reversal after approval
     */
    public Optional<LedgerEffect> ledgerSays(int line, Money claimed, LedgerNews news, Money brought) {
        Money zero = Money.zero(indemnityPaid.currency());
        if (!news.open().currency().equals(zero.currency())) {
            return Optional.empty();
        }
        ClaimedInvoice before = invoices.get(line);
        if (followsLedger()) {
            Money unpaid = news.open().max(zero).min(claimed);
            if (unpaid.compareTo(before.unpaidAmount()) == 0) {
                return Optional.empty();
            }
            ClaimedInvoice after = new ClaimedInvoice(before.invoiceNumber(), before.invoiceId(), unpaid);
            List<ClaimedInvoice> now = new ArrayList<>(invoices);
            now.set(line, after);
            return Optional.of(new LedgerEffect(new Claim(id, policyId, buyerId, buyerName, cause, List.copyOf(now), state,
                    openedOn, openedBy, approvedOn, indemnity, indemnityPaid, recovered, recoveredToInsurer, receivedToShare,
                    part), before, after, null, null));
        }
        if (indemnity == null || news.paid().isZero()) {
            return Optional.empty();
        }
        if (news.paid().isNegative()) {
            return takenBack(before, news.paid().negate().min(brought.max(zero)));
        }
        Claim kept = new Claim(id, policyId, buyerId, buyerName, cause, invoices, state, openedOn, openedBy, approvedOn,
                indemnity, indemnityPaid, recovered, recoveredToInsurer, receivedToShare.plus(news.paid()), part);
        return Optional.of(kept.shareReceived().map(r -> new LedgerEffect(r.claim(), before, before, r.share(), news.paid()))
                .orElse(new LedgerEffect(kept, before, before, null, news.paid())));
    }

    /**
     * {@code reversed} of the buyer's money after approval bounced: taken from what is kept to share, and what was already
     * shared (never more than was recovered) is shared back by a negative recovery. Empty when nothing is taken back.
     */
    private Optional<LedgerEffect> takenBack(ClaimedInvoice line, Money reversed) {
        Money fromKept = reversed.min(receivedToShare);
        Money shared = reversed.minus(fromKept).min(recovered);
        Money taken = fromKept.plus(shared);
        if (!taken.isPositive()) {
            return Optional.empty();
        }
        Claim kept = new Claim(id, policyId, buyerId, buyerName, cause, invoices, state, openedOn, openedBy, approvedOn,
                indemnity, indemnityPaid, recovered, recoveredToInsurer, receivedToShare.minus(fromKept), part);
        if (!shared.isPositive()) {
            return Optional.of(new LedgerEffect(kept, line, line, null, taken.negate()));
        }
        RecoveryShare back = RecoveryShare.of(shared.negate(), unpaid(), indemnityPaid, recovered, recoveredToInsurer);
        return Optional.of(new LedgerEffect(new Claim(id, policyId, buyerId, buyerName, cause, invoices, state, openedOn,
                openedBy, approvedOn, indemnity, indemnityPaid, back.recoveredTotal(), back.toInsurerTotal(),
                kept.receivedToShare, part), line, line, back, taken.negate()));
    }

    /**
     * What the buyer paid after approval ({@code receivedToShare}) shared as a recovery once the claim is paid, by
     * {@link RecoveryShare} as any recovery; empty before the claim is paid, or when nothing is kept.
     */
    public Optional<Recovery> shareReceived() {
        if (state != ClaimState.PAID || !receivedToShare.isPositive()) {
            return Optional.empty();
        }
        RecoveryShare share = RecoveryShare.of(receivedToShare, unpaid(), indemnityPaid, recovered, recoveredToInsurer);
        return Optional.of(new Recovery(new Claim(id, policyId, buyerId, buyerName, cause, invoices, state, openedOn,
                openedBy, approvedOn, indemnity, indemnityPaid, share.recoveredTotal(), share.toInsurerTotal(),
                Money.zero(indemnityPaid.currency()), part), share));
    }

    /**
     * Whether the buyer paid every claimed invoice before the insurer decided: nothing is unpaid, nothing to claim
     * ({@link #settledByTheBuyer}).
     */
    public boolean paidByTheBuyer() {
        return followsLedger() && !unpaid().isPositive();
    }

    /**
     * A claim the buyer paid in full before approval ends without indemnity: WITHDRAWN, settled by the buyer, so that it
     * holds the buyer's invoices no longer (a later claim of the buyer may open). Any other claim: 409.
     */
    public Claim settledByTheBuyer() {
        if (!paidByTheBuyer()) {
            throw DomainError.conflict("claim.not-settled", "A claim " + state + " with " + unpaid()
                    + " unpaid is not settled by the buyer");
        }
        return withState(ClaimState.WITHDRAWN);
    }

    private DomainError illegal(ClaimState to) {
        return DomainError.conflict("claim.illegal-move", "A claim " + state + " may not move to " + to
                + (state.next().isEmpty() ? " (it is final)" : "; it may move to " + state.next()));
    }
}
