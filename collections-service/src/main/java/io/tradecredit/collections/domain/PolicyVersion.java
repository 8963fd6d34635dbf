package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * One version of a tenant's choice of ladders, in force from {@code effectiveFrom} until the next
 * version: the default ladder, the segment rules in the tenant's order, and the ladders assigned
 * to single buyers.
 */
public record PolicyVersion(int version, LocalDate effectiveFrom, String defaultLadderKey,
        List<SegmentRule> segmentRules, Map<UUID, String> buyerLadders) {

    public PolicyVersion {
        List<Violation> wrong = new ArrayList<>();
        if (version < 1) {
            wrong.add(new Violation("version", "must be 1 or more, was " + version));
        }
        if (effectiveFrom == null) {
            wrong.add(new Violation("effectiveFrom", "must be given"));
        }
        if (defaultLadderKey == null || defaultLadderKey.isBlank()) {
            wrong.add(new Violation("defaultLadderKey", "must name the tenant's default ladder"));
        }
        buyerLadders.forEach((buyer, ladder) -> {
            if (ladder == null || ladder.isBlank()) {
                wrong.add(new Violation("buyerLadders." + buyer, "must name a ladder"));
            }
        });
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("dunning-policy.invalid", "The dunning policy version is inconsistent", wrong);
        }
        segmentRules = List.copyOf(segmentRules);
        buyerLadders = Map.copyOf(buyerLadders);
    }
}
