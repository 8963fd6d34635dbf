package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * A buyer's dispute over part of an invoice, through the five steps of docs/domain.md §2: registered
 * (type, amount, evidence), assessed internally (who is responsible), negotiated (early, middle,
 * late), resolved (upheld, rejected or partially upheld, with the root cause and any change to
 * the buyer's credit policy). Each step returns the {@link DisputeStep} that goes into its
 * history. The frozen amount lives on the {@link Invoice}; this class decides how much.
 */
@Entity
@Table(name = "dispute")
public class Dispute {
    public enum Type { QUALITY, LATE_DELIVERY, QUANTITY, PRICE, TERMS, OTHER }

    public enum Status { REGISTERED, ASSESSED, NEGOTIATING, RESOLVED }

    public enum Party { SELLER, BUYER, CARRIER, OTHER }

    /** Negotiation moves forward: keep the relationship, then offer options, then fix terms. */
    public enum Stage { EARLY, MIDDLE, LATE }

    public enum Outcome { UPHELD, REJECTED, PARTIALLY_UPHELD }

    /** What a resolution does to the invoice: the part credited and the part collectible again. */
    public record Resolution(Money credited, Money collectibleAgain, DisputeStep step) {
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public Type type;
    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount;
    @Column(name = "currency", nullable = false)
    public String currency;
    @Column(name = "description", nullable = false)
    public String description;
    @Convert(converter = StringListConverter.class)
    @Column(name = "evidence", nullable = false)
    public List<String> evidence;
    @Column(name = "raised_on", nullable = false)
    public LocalDate raisedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "responsible_party")
    public Party responsibleParty;
    @Column(name = "findings")
    public String findings;
    @Enumerated(EnumType.STRING)
    @Column(name = "negotiation_stage")
    public Stage negotiationStage;
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public Outcome outcome;
    @Column(name = "credited_amount")
    public BigDecimal creditedAmount;
    @Column(name = "credit_note_id")
    public UUID creditNoteId;
    @Column(name = "root_cause")
    public String rootCause;
    @Column(name = "credit_policy_adjustment")
    public String creditPolicyAdjustment;
    @Column(name = "resolved_on")
    public LocalDate resolvedOn;
    @Column(name = "step_count", nullable = false)
    public int stepCount;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Version
    public long version;

    /** Registers a dispute and freezes its amount on the invoice, out of the part not yet disputed. */
    public static Dispute open(Invoice invoice, UUID id, Type type, Money amount, String description,
            List<String> evidence, LocalDate raisedOn, LocalDate today, OffsetDateTime at, String by) {
        // every field at fault named at once (an amount over what is collectible and a day in the future: both)
        List<DomainError> wrong = new ArrayList<>();
        if (description == null || description.isBlank()) {
            wrong.add(DomainError.invalidField("dispute.description-blank", "description", "must not be blank"));
        }
        if (!amount.currency().equals(invoice.currency())) {
            wrong.add(DomainError.invalidField("dispute.currency-mismatch", "disputedAmount",
                    "must be in the invoice's currency " + invoice.currency));
        } else if (!amount.isPositive()) {
            wrong.add(DomainError.invalidField("dispute.amount-not-positive", "disputedAmount", "must be greater than 0"));
        } else if (amount.isGreaterThan(invoice.collectible())) {
            // collectible() is the open amount no dispute has frozen yet
            wrong.add(DomainError.invalidField("dispute.exceeds-collectible", "disputedAmount", "must not exceed the "
                    + invoice.collectible() + " of invoice " + invoice.invoiceNumber
                    + " that is open and not yet disputed"));
        }
        if (raisedOn.isAfter(today)) {
            wrong.add(DomainError.invalidField("dispute.raised-in-future", "raisedOn", "must not be in the future"));
        } else if (raisedOn.isBefore(invoice.issueDate)) {
            wrong.add(DomainError.invalidField("dispute.raised-before-issue", "raisedOn",
                    "must not be before the invoice's issue date " + invoice.issueDate));
        }
        if (wrong.size() == 1) {
            throw wrong.get(0);
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("dispute.invalid", "The dispute cannot be registered",
                    wrong.stream().flatMap(e -> e.violations().stream()).toList());
        }
        invoice.freezeDisputed(amount);
        Dispute d = new Dispute();
        d.id = id;
        d.tenantId = invoice.tenantId;
        d.invoiceId = invoice.id;
        d.buyerId = invoice.buyerId;
        d.type = type;
        d.disputedAmount = amount.amount();
        d.currency = invoice.currency;
        d.description = description.strip();
        d.evidence = evidence == null ? List.of() : evidence.stream().map(String::strip).toList();
        d.raisedOn = raisedOn;
        d.status = Status.REGISTERED;
        d.createdAt = at;
        d.createdBy = by;
        return d;
    }

    /** The first step of the history, written with the dispute. */
    public DisputeStep registeredStep() {
        return step(DisputeStep.Kind.REGISTERED, null, type + " dispute over " + disputed() + " raised on " + raisedOn
                + ": " + description + (evidence.isEmpty() ? "" : " (evidence: " + String.join(", ", evidence) + ")"),
                createdAt, createdBy);
    }

    public Money disputed() {
        return Money.rounded(disputedAmount, Money.currencyOf(currency));
    }

    public Money credited() {
        return creditedAmount == null ? null : Money.rounded(creditedAmount, Money.currencyOf(currency));
    }

    /** Internal assessment: who is responsible. May be revised until the dispute is resolved. */
    public DisputeStep assess(Party party, String findings, OffsetDateTime at, String by) {
        requireUnresolved("be assessed");
        this.responsibleParty = party;
        this.findings = findings.strip();
        if (status == Status.REGISTERED) {
            status = Status.ASSESSED;
        }
        return step(DisputeStep.Kind.ASSESSED, null, "Responsible: " + party + ". " + this.findings, at, by);
    }

    /** A negotiation note; the stage may stay or move forward, never back. */
    public DisputeStep note(Stage stage, String text, OffsetDateTime at, String by) {
        requireUnresolved("take negotiation notes");
        if (negotiationStage != null && stage.compareTo(negotiationStage) < 0) {
            throw DomainError.conflict("dispute.stage-goes-back", "Dispute " + id + " is already in the " + negotiationStage
                    + " stage of negotiation; it cannot go back to " + stage);
        }
        negotiationStage = stage;
        status = Status.NEGOTIATING;
        return step(DisputeStep.Kind.NOTE, stage, text.strip(), at, by);
    }

    /**
     * Ends the dispute: releases its frozen amount on the invoice and says how much to credit
     * (the caller issues that credit note). Upheld credits the disputed amount, partially upheld
     * the agreed part (more than 0, less than disputed), rejected nothing. Needs an assessment first.
     */
    public Resolution resolve(Invoice invoice, Outcome outcome, Money creditedAmount, String rootCause,
            String creditPolicyAdjustment, LocalDate on, OffsetDateTime at, String by) {
        requireUnresolved("be resolved again");
        if (rootCause == null || rootCause.isBlank()) {
            throw DomainError.invalidField("dispute.root-cause-missing", "rootCause", "must not be blank: it is recorded for prevention");
        }
        if (responsibleParty == null) {
            throw DomainError.conflict("dispute.not-assessed", "Dispute " + id + " has not been assessed; record who is responsible"
                    + " before resolving it");
        }
        Money credit = creditFor(outcome, creditedAmount);
        invoice.releaseDisputed(disputed());
        this.outcome = outcome;
        this.creditedAmount = credit.amount();
        this.rootCause = rootCause.strip();
        this.creditPolicyAdjustment = creditPolicyAdjustment == null || creditPolicyAdjustment.isBlank() ? null
                : creditPolicyAdjustment.strip();
        this.resolvedOn = on;
        this.status = Status.RESOLVED;
        Money again = disputed().minus(credit);
        DisputeStep step = step(DisputeStep.Kind.RESOLVED, null, outcome + ": " + credit + " credited, " + again
                + " collectible again. Root cause: " + this.rootCause
                + (this.creditPolicyAdjustment == null ? "" : ". Credit policy: " + this.creditPolicyAdjustment), at, by);
        return new Resolution(credit, again, step);
    }

    /** The credit note that carried out the resolution's credit. */
    public void creditedBy(UUID creditNoteId) {
        this.creditNoteId = creditNoteId;
    }

    private Money creditFor(Outcome outcome, Money requested) {
        Money disputed = disputed();
        if (requested != null && !requested.currency().equals(disputed.currency())) {
            throw DomainError.invalidField("dispute.currency-mismatch", "creditedAmount", "must be in the dispute's currency " + currency);
        }
        return switch (outcome) {
            case UPHELD -> {
                if (requested != null && requested.compareTo(disputed) != 0) {
                    throw DomainError.invalidField("dispute.credited-amount-invalid", "creditedAmount", "an upheld dispute credits the disputed "
                            + disputed + "; leave it out or use PARTIALLY_UPHELD");
                }
                yield disputed;
            }
            case REJECTED -> {
                if (requested != null && !requested.isZero()) {
                    throw DomainError.invalidField("dispute.credited-amount-invalid", "creditedAmount", "a rejected dispute credits nothing");
                }
                yield Money.zero(disputed.currency());
            }
            case PARTIALLY_UPHELD -> {
                if (requested == null) {
                    throw DomainError.invalidField("dispute.credited-amount-invalid", "creditedAmount", "is required when partially upheld");
                }
                if (!requested.isPositive() || !disputed.isGreaterThan(requested)) {
                    throw DomainError.invalidField("dispute.credited-amount-invalid", "creditedAmount", "must be more than 0 and less than the"
                            + " disputed " + disputed);
                }
                yield requested;
            }
        };
    }

    private void requireUnresolved(String action) {
        if (status == Status.RESOLVED) {
            throw DomainError.conflict("dispute.already-resolved", "Dispute " + id + " was resolved (" + outcome + ") on " + resolvedOn
                    + " and cannot " + action);
        }
    }

    private DisputeStep step(DisputeStep.Kind kind, Stage stage, String summary, OffsetDateTime at, String by) {
        stepCount++;
        return new DisputeStep(UUID.randomUUID(), tenantId, id, stepCount, kind, stage, summary, at, by);
    }
}
