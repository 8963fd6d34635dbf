package io.tradecredit.credit.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One assessment in a buyer's history: score, grade, the factors that explain them and what caused it. */
@Entity
@Table(name = "assessment")
public class AssessmentRecord {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(nullable = false)
    public int score;
    @Column(nullable = false)
    public int grade;
    @Column(name = "previous_grade")
    public Integer previousGrade;
    @Convert(converter = FactorsConverter.class)
    @Column(nullable = false)
    public List<Assessment.Factor> factors;
    @Column(name = "cause", nullable = false)
    public String cause;
    @Column(name = "assessed_at", nullable = false)
    public OffsetDateTime assessedAt;

    public static AssessmentRecord of(Buyer buyer, Assessment a, String cause, OffsetDateTime at) {
        AssessmentRecord r = new AssessmentRecord();
        r.id = UUID.randomUUID();
        r.tenantId = buyer.tenantId;
        r.buyerId = buyer.id;
        r.score = a.score();
        r.grade = a.grade();
        r.previousGrade = buyer.grade;
        r.factors = a.factors();
        r.cause = cause;
        r.assessedAt = at;
        return r;
    }
}
