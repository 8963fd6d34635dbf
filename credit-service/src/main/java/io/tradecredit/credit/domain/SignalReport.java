package io.tradecredit.credit.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An early-warning signal about a buyer, open until a credit manager resolves it. */
@Entity
@Table(name = "warning_signal")
public class SignalReport {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WarningSignal type;
    @Column(nullable = false)
    public String source;
    @Column(name = "observed_on", nullable = false)
    public LocalDate observedOn;
    public String details;
    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    public String resolution;

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
