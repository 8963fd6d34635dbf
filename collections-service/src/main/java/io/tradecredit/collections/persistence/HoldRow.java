package io.tradecredit.collections.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.collections.domain.Hold;
import io.tradecredit.collections.domain.RecordedHold;

/** A row of dunning_hold: a {@link Hold} with who placed and released it. */
@Entity
@Table(name = "dunning_hold")
public class HoldRow extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Enumerated(EnumType.STRING)
    public Hold.Reason reason;
    @Column(name = "from_day")
    public LocalDate fromDay;
    @Column(name = "until_day")
    public LocalDate untilDay;
    @Column(name = "released_on")
    public LocalDate releasedOn;
    public String note;
    @Column(name = "placed_at")
    public OffsetDateTime placedAt;
    @Column(name = "placed_by")
    public String placedBy;
    @Column(name = "released_by")
    public String releasedBy;

    static HoldRow of(String tenantId, RecordedHold r) {
        HoldRow row = new HoldRow();
        row.id = r.hold().id();
        row.tenantId = tenantId;
        row.placedAt = r.placedAt();
        row.placedBy = r.placedBy();
        row.note = r.note();
        row.copy(r);
        return row;
    }

    void copy(RecordedHold r) {
        Hold h = r.hold();
        buyerId = h.buyerId();
        invoiceId = h.invoiceId();
        reason = h.reason();
        fromDay = h.from();
        untilDay = h.until();
        releasedOn = h.releasedOn();
        releasedBy = r.releasedBy();
    }

    RecordedHold toRecorded() {
        return new RecordedHold(new Hold(id, buyerId, invoiceId, reason, fromDay, untilDay, releasedOn), note,
                placedAt, placedBy, releasedBy);
    }
}
