package io.tradecredit.credit.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.tradecredit.credit.domain.Assessment;
import io.tradecredit.credit.domain.AssessmentRecord;

/** A score and grade with each factor's score, weight, points and reason. */
public record AssessmentView(UUID id, UUID buyerId, int score, int grade, Integer previousGrade,
        List<Assessment.Factor> factors, String cause, OffsetDateTime assessedAt) {

    public static AssessmentView of(AssessmentRecord r) {
        return new AssessmentView(r.id, r.buyerId, r.score, r.grade, r.previousGrade, r.factors, r.cause, r.assessedAt);
    }
}
