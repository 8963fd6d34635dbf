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

import io.tradecredit.common.domain.DomainError;

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

    /** A signal about the buyer as reported now; open. */
    public static SignalReport report(Buyer buyer, WarningSignal type, String source, LocalDate observedOn,
            String details, OffsetDateTime at) {
        SignalReport s = new SignalReport();
        s.id = UUID.randomUUID();
        s.tenantId = buyer.tenantId;
        s.buyerId = buyer.id;
        s.type = type;
        s.source = source.strip();
        s.observedOn = observedOn;
        s.details = details;
        s.reportedAt = at;
        return s;
    }

    /** Closes the signal (e.g. proceedings withdrawn); a signal is resolved once. */
    public void resolve(String resolution, String by, OffsetDateTime at) {
        if (!isOpen()) {
            throw DomainError.conflict("warning-signal.already-resolved", "Warning signal " + id
                    + " is already resolved.");
        }
        resolvedAt = at;
        resolvedBy = by;
        this.resolution = resolution;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
