package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.tradecredit.common.domain.DomainError;

/**
 * Which ladder a buyer is dunned on, on a day (docs/domain.md §3 "Policies"). The version in force
 * on the day is the one with the latest {@code effectiveFrom} on or before it, so a change made
 * today applies from its date on and a run for an earlier date still sees the old one. In that
 * version the precedence is: a ladder assigned to the buyer; else the <b>first</b> matching segment
 * rule in the tenant's order (the tenant lists, say, its grade rules before its amount bands, and
 * that order decides when a buyer matches both); else the tenant's default ladder.
 */
public record PolicyAssignment(List<PolicyVersion> versions) {

    /** Where the ladder came from: for the dry run's "why" and the case log. */
    public enum Source {
        BUYER, SEGMENT, TENANT_DEFAULT
    }

    /** @param segmentRule the rule's name when {@code source} is SEGMENT, else null */
    public record Assignment(String ladderKey, Source source, String segmentRule, int policyVersion) {
    }

    public PolicyAssignment {
        List<Integer> repeated = versions.stream().collect(Collectors.groupingBy(PolicyVersion::version,
                Collectors.counting())).entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey())
                .sorted().toList();
        if (!repeated.isEmpty()) {
            throw DomainError.conflict("dunning-policy.version-repeated", "Policy versions " + repeated
                    + " are given more than once");
        }
        versions = versions.stream().sorted(Comparator.comparing(PolicyVersion::effectiveFrom)
                .thenComparing(PolicyVersion::version)).toList();
    }

    /** The version in force on {@code day}: of two from the same day, the higher number. */
    public PolicyVersion inForceOn(LocalDate day) {
        PolicyVersion inForce = null;
        for (PolicyVersion v : versions) {
            if (v.effectiveFrom().isAfter(day)) {
                break;
            }
            inForce = v;
        }
        if (inForce == null) {
            throw DomainError.unprocessable("dunning-policy.none-in-force", "No dunning policy is in force on " + day);
        }
        return inForce;
    }

    /** The ladder for {@code buyer} on {@code day}, and why. */
    public Assignment ladderFor(BuyerProfile buyer, LocalDate day) {
        PolicyVersion v = inForceOn(day);
        String assigned = v.buyerLadders().get(buyer.buyerId());
        if (assigned != null) {
            return new Assignment(assigned, Source.BUYER, null, v.version());
        }
        return v.segmentRules().stream().filter(r -> r.matches(buyer)).findFirst()
                .map(r -> new Assignment(r.ladderKey(), Source.SEGMENT, r.name(), v.version()))
                .orElseGet(() -> new Assignment(v.defaultLadderKey(), Source.TENANT_DEFAULT, null, v.version()));
    }
}
