package io.tradecredit.claims.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A row of claim_entry: a move, a payment, a recovery or the ledger's change of a claim, with who and when. */
@Entity
@Table(name = "claim_entry")
public class ClaimEntryRow extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "claim_id")
    public UUID claimId;
    public String kind;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    public BigDecimal amount;
    @Column(name = "to_insurer")
    public BigDecimal toInsurer;
    @Column(name = "to_tenant")
    public BigDecimal toTenant;
    @Column(name = "on_day")
    public LocalDate onDay;
    @Column(name = "at")
    public OffsetDateTime recordedAt;
    @Column(name = "by_user")
    public String byUser;
    public String note;
    @Column(name = "event_id")
    public String eventId;
    /** The ledger's payment a RECEIVED line came with (V16); null for the others and for lines from before. */
    @Column(name = "payment_id")
    public UUID paymentId;
}
