package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.collections.app.DunningAssignments.BuyerLadder;
import io.tradecredit.collections.domain.LadderVersion;
import io.tradecredit.collections.domain.PolicyVersion;
import io.tradecredit.collections.domain.RecordedPolicyVersion;
import io.tradecredit.collections.domain.SegmentRule;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/** Ladder assignments as the API reads and shows them. */
final class AssignmentJson {
    private AssignmentJson() {
    }

    public record Segment(String name, String ladderKey,
            @Schema(description = "grade range 1 to 10, inclusive; an ungraded buyer is in none") Integer minGrade, Integer maxGrade,
            Boolean insured, @Schema(description = "overdue band: lower bound included") Money minOverdue,
            @Schema(description = "upper bound excluded, same currency as minOverdue") Money maxOverdue) {
        static Segment of(SegmentRule r) {
            return new Segment(r.name(), r.ladderKey(), r.minGrade(), r.maxGrade(), r.insured(), r.minOverdue(), r.maxOverdue());
        }
    }

    public record BuyerAssignment(UUID buyerId, String ladderKey) {
    }

    public record Request(@Schema(description = "first day in force; today when left out, never before today") LocalDate effectiveFrom,
            String defaultLadderKey,
            @Schema(description = "tried in this order: the first that matches a buyer wins") List<Segment> segmentRules,
            @Schema(description = "a buyer's own ladder beats every segment") List<BuyerAssignment> buyerLadders) {

        /** The segment rules, or a 400 naming every wrong field with the other checks of {@link #buyers}. */
        List<SegmentRule> rules(List<Violation> wrong) {
            if (defaultLadderKey == null || defaultLadderKey.isBlank()) {
                wrong.add(new Violation("defaultLadderKey", "must name the tenant's default ladder ('default' is the platform's)"));
            }
            List<SegmentRule> rules = new ArrayList<>();
            for (int i = 0; segmentRules != null && i < segmentRules.size(); i++) {
                Segment s = segmentRules.get(i);
                String path = "segmentRules[" + i + "]";
                if (s == null) {
                    wrong.add(new Violation(path, "is required"));
                    continue;
                }
                if (s.name() == null || s.name().isBlank()) {
                    wrong.add(new Violation(path + ".name", "is required: the answer for a buyer names the segment"));
                }
                Refusals.collect(wrong, path + ".", () -> rules.add(new SegmentRule(s.name(), s.ladderKey(), s.minGrade(),
                        s.maxGrade(), s.insured(), s.minOverdue(), s.maxOverdue())));
            }
            return rules;
        }

        /** Buyer to ladder; a buyer listed twice or an item without buyer or ladder is named in {@code wrong}. */
        Map<UUID, String> buyers(List<Violation> wrong) {
            Map<UUID, String> buyers = new HashMap<>();
            for (int i = 0; buyerLadders != null && i < buyerLadders.size(); i++) {
                BuyerAssignment b = buyerLadders.get(i);
                String path = "buyerLadders[" + i + "]";
                if (b == null || b.buyerId() == null) {
                    wrong.add(new Violation(path + ".buyerId", "is required"));
                } else if (b.ladderKey() == null || b.ladderKey().isBlank()) {
                    wrong.add(new Violation(path + ".ladderKey", "must name a ladder"));
                } else if (buyers.putIfAbsent(b.buyerId(), b.ladderKey()) != null) {
                    wrong.add(new Violation(path + ".buyerId", "buyer " + b.buyerId() + " is listed twice"));
                }
            }
            return buyers;
        }

        /** Every ladder key the request names, by its JSON path, so the ones the tenant has not set can be named. */
        Map<String, String> namedLadders() {
            Map<String, String> named = new LinkedHashMap<>();
            named.put("defaultLadderKey", defaultLadderKey);
            for (int i = 0; segmentRules != null && i < segmentRules.size(); i++) {
                if (segmentRules.get(i) != null) {
                    named.put("segmentRules[" + i + "].ladderKey", segmentRules.get(i).ladderKey());
                }
            }
            for (int i = 0; buyerLadders != null && i < buyerLadders.size(); i++) {
                if (buyerLadders.get(i) != null) {
                    named.put("buyerLadders[" + i + "].ladderKey", buyerLadders.get(i).ladderKey());
                }
            }
            return named;
        }
    }

    public record View(int version, LocalDate effectiveFrom,
            @Schema(description = "TENANT, or PLATFORM while the tenant has none in force: every buyer on the default ladder") String source,
            OffsetDateTime recordedAt, String recordedBy, String defaultLadderKey, List<Segment> segmentRules,
            List<BuyerAssignment> buyerLadders) {
        static final View PLATFORM = new View(0, null, "PLATFORM", null, null, LadderVersion.DEFAULT_KEY, List.of(), List.of());

        static View of(RecordedPolicyVersion r) {
            PolicyVersion p = r.policy();
            return new View(p.version(), p.effectiveFrom(), "TENANT", r.recordedAt(), r.recordedBy(), p.defaultLadderKey(),
                    p.segmentRules().stream().map(Segment::of).toList(),
                    p.buyerLadders().entrySet().stream().map(e -> new BuyerAssignment(e.getKey(), e.getValue()))
                            .sorted(java.util.Comparator.comparing(BuyerAssignment::buyerId)).toList());
        }
    }

    public record BuyerLadderView(UUID buyerId, LocalDate asOf,
            @Schema(description = "whether the buyer counted as insured: the insurer's decisions in force on asOf, or the insured query parameter")
            boolean insured, String ladderKey, int ladderVersion,
            @Schema(description = "BUYER, SEGMENT or TENANT_DEFAULT") String source,
            @Schema(description = "the segment rule's name when source is SEGMENT") String segmentRule,
            @Schema(description = "the version of the assignments that decided (0: the platform's)") int policyVersion) {
        static BuyerLadderView of(BuyerLadder b) {
            return new BuyerLadderView(b.buyerId(), b.asOf(), b.insured(), b.assignment().ladderKey(), b.ladder().version(),
                    b.assignment().source().name(), b.assignment().segmentRule(), b.assignment().policyVersion());
        }
    }
}
