package io.tradecredit.claims.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A row of insurance_policy: the policy's identity, its number and its callback secret. */
@Entity
@Table(name = "insurance_policy")
public class PolicyRow extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "policy_number")
    public String policyNumber;
    @Column(name = "callback_secret")
    public String callbackSecret;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
