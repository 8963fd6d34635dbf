package io.tradecredit.collections.persistence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.domain.PlacementEnd;

/** A row of agency_placement: one stay of a case with an agency, with who handed it over and who ended it. */
@Entity
@Table(name = "agency_placement")
public class AgencyPlacementRow extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "handed_on")
    public LocalDate handedOn;
    @Column(name = "handed_by")
    public String handedBy;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public PlacementEnd endReason;
    @Column(name = "ended_by")
    public String endedBy;

    static AgencyPlacementRow of(String tenantId, AgencyPlacement p, String by) {
        AgencyPlacementRow row = new AgencyPlacementRow();
        row.id = p.id();
        row.tenantId = tenantId;
        row.caseId = p.caseId();
        row.buyerId = p.buyerId();
        row.agencyCode = p.agencyCode();
        row.handedOn = p.handedOn();
        row.handedBy = by;
        return row;
    }

    AgencyPlacement toPlacement() {
        return new AgencyPlacement(id, caseId, buyerId, agencyCode, handedOn, endedOn, endReason);
    }
}
