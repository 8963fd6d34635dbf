package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tradecredit.collections.domain.BuyerProfile;
import io.tradecredit.collections.domain.DunningSettings;
import io.tradecredit.collections.domain.LadderVersion;
import io.tradecredit.collections.domain.PolicyAssignment;
import io.tradecredit.collections.domain.PolicyVersion;

/**
 * One tenant's policies as a run reads them: its calendar and run settings, the versions of its
 * ladder assignments and of each of its ladders. Loaded once per batch and tenant.
 */
public record TenantRunPolicy(DunningSettings settings, List<PolicyVersion> assignments,
        Map<String, List<LadderVersion>> ladders) {

    /**
     * The ladder version {@code buyer} is dunned on, on {@code day}: precedence as
     * {@link PolicyAssignment#ladderFor} decides it (every buyer on the default ladder while no
     * assignment is in force); empty when the chosen ladder has no version in force yet (its first
     * version starts later): the buyer is not dunned that day.
     */
    public Optional<LadderVersion> ladderFor(BuyerProfile buyer, LocalDate day) {
        boolean anyInForce = assignments.stream().anyMatch(v -> !v.effectiveFrom().isAfter(day));
        String key = anyInForce ? new PolicyAssignment(assignments).ladderFor(buyer, day).ladderKey()
                : LadderVersion.DEFAULT_KEY;
        List<LadderVersion> versions = new ArrayList<>();
        if (LadderVersion.DEFAULT_KEY.equals(key)) {
            versions.add(LadderVersion.PLATFORM_DEFAULT);
        }
        versions.addAll(ladders.getOrDefault(key, List.of()));
        return LadderVersion.inForceOn(versions, day);
    }
}
