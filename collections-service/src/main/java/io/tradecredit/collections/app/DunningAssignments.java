package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.BuyerProfile;
import io.tradecredit.collections.domain.LadderVersion;
import io.tradecredit.collections.domain.PolicyAssignment;
import io.tradecredit.collections.domain.PolicyAssignment.Assignment;
import io.tradecredit.collections.domain.PolicyVersion;
import io.tradecredit.collections.domain.RecordedPolicyVersion;
import io.tradecredit.collections.domain.SegmentRule;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.collections.persistence.ReadModelRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Which ladder each buyer gets: the tenant's default ladder, segment rules in its order and
 * ladders assigned to single buyers, versioned; {@link PolicyAssignment} decides precedence.
 */
@ApplicationScoped
public class DunningAssignments {
    @Inject
    DunningPolicyRepository policies;

    @Inject
    DunningLadders ladders;

    @Inject
    ReadModelRepository readModel;

    @Inject
    OpenItems openItems;

    @Inject
    InsuredBuyers insuredBuyers;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** A buyer's ladder on a day, why, and the ladder version in force then. */
    public record BuyerLadder(UUID buyerId, LocalDate asOf, boolean insured, Assignment assignment, LadderVersion ladder) {
    }

    /**
     * Records the next version, in force from {@code effectiveFrom} (today when null). Every ladder
     * the request names ({@code namedLadders}: JSON path to ladder key, refused items included) must
     * be one the tenant has set, or the default key; each other is named by its path, together with
     * {@code alreadyWrong}, what the caller found wrong in the request itself, so one refusal names
     * everything.
     */
    public Uni<RecordedPolicyVersion> save(String tenantId, LocalDate effectiveFrom, String defaultLadderKey,
            List<SegmentRule> rules, Map<UUID, String> buyerLadders, Map<String, String> namedLadders,
            List<Violation> alreadyWrong, String by) {
        LocalDate today = businessZone.today();
        LocalDate from = effectiveFrom == null ? today : effectiveFrom;
        List<Violation> wrong = new ArrayList<>(alreadyWrong);
        DunningLadders.checkNotPast(from, today, wrong);
        return Panache.withTransaction(() -> policies.ladderKeys(tenantId).chain(keys -> {
            Set<String> known = new HashSet<>(keys);
            known.add(LadderVersion.DEFAULT_KEY);
            namedLadders.forEach((path, key) -> unknownLadder(path, key, known, wrong));
            if (!wrong.isEmpty()) {
                throw DomainError.invalid("dunning-policy.invalid", "The ladder assignments are not valid", wrong);
            }
            return policies.lockVersions(tenantId, "assignments").chain(() -> policies.policyVersions(tenantId))
                    .chain(all -> {
                        PolicyVersion next = new PolicyVersion(all.size() + 1, from, defaultLadderKey, rules, buyerLadders);
                        RecordedPolicyVersion r = new RecordedPolicyVersion(next, OffsetDateTime.now(clock), by);
                        return policies.insertPolicy(tenantId, r).replaceWith(r);
                    });
        }));
    }

    private static void unknownLadder(String path, String key, Set<String> known, List<Violation> wrong) {
        if (key != null && !key.isBlank() && !known.contains(key)) {
            wrong.add(new Violation(path, "no ladder '" + key + "': set it with PUT /api/v1/dunning/ladders/" + key + " first"));
        }
    }

    /** The version in force on {@code day}; empty while none is (the platform's: every buyer on the default ladder). */
    public Uni<Optional<RecordedPolicyVersion>> inForce(String tenantId, LocalDate day) {
        return Panache.withSession(() -> policies.policyVersions(tenantId)).map(all -> inForceOn(all, day));
    }

    /** Version {@code number}; 404 if there is none. */
    public Uni<RecordedPolicyVersion> version(String tenantId, int number) {
        return Panache.withSession(() -> policies.policyVersions(tenantId)).map(all -> all.stream()
                .filter(v -> v.policy().version() == number).findFirst()
                .orElseThrow(() -> DomainError.notFound("dunning-policy.version-not-found",
                        "The ladder assignments have no version " + number)));
    }

    /**
     * The ladder a buyer of the read model is dunned on, on {@code day}: its grade from credit-events,
     * its overdue balances from its open items on that day; insured as the insurer's decisions say on
     * that day ({@link InsuredBuyers}), unless the caller asks "what if" with {@code insured} (null:
     * the decisions). 404 for a buyer the read model never saw.
     */
    public Uni<BuyerLadder> ladderOf(String tenantId, UUID buyerId, Boolean insured, LocalDate day) {
        return Panache.withSession(() -> readModel.buyer(tenantId, buyerId)).chain(known -> {
            if (!known.seen()) {
                throw DomainError.notFound("buyer.not-found", "No buyer " + buyerId
                        + " in collections-service's read model (neither credit-events nor invoice-events named it)");
            }
            Uni<Boolean> covered = insured != null ? Uni.createFrom().item(insured)
                    : insuredBuyers.insuredOn(tenantId, buyerId, day);
            return covered.chain(isInsured -> openItems.openItemsOf(tenantId, buyerId, day).chain(open -> ladderFor(
                    tenantId, BuyerProfile.of(buyerId, known.grade(), isInsured, open.items(), day), day)));
        });
    }

    /** The ladder {@code buyer} is dunned on, on {@code day}, with the source of the choice. */
    public Uni<BuyerLadder> ladderFor(String tenantId, BuyerProfile buyer, LocalDate day) {
        return Panache.withSession(() -> policies.policyVersions(tenantId).chain(all -> {
            Assignment a = inForceOn(all, day).isEmpty()
                    ? new Assignment(LadderVersion.DEFAULT_KEY, PolicyAssignment.Source.TENANT_DEFAULT, null, 0)
                    : new PolicyAssignment(all.stream().map(RecordedPolicyVersion::policy).toList()).ladderFor(buyer, day);
            return ladders.versions(tenantId, a.ladderKey()).map(versions -> new BuyerLadder(buyer.buyerId(), day, buyer.insured(), a,
                    LadderVersion.inForceOn(versions, day).orElseThrow(() -> DomainError.unprocessable(
                            "dunning-ladder.none-in-force", "No version of ladder '" + a.ladderKey() + "' is in force on " + day))));
        }));
    }

    private static Optional<RecordedPolicyVersion> inForceOn(List<RecordedPolicyVersion> all, LocalDate day) {
        if (all.stream().noneMatch(v -> !v.policy().effectiveFrom().isAfter(day))) {
            return Optional.empty();
        }
        PolicyVersion p = new PolicyAssignment(all.stream().map(RecordedPolicyVersion::policy).toList()).inForceOn(day);
        return all.stream().filter(v -> v.policy() == p).findFirst();
    }
}
