package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.DunningLadder;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.collections.domain.LadderVersion;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A tenant's ladders by key, each change a new version in force from its date. The key
 * {@link LadderVersion#DEFAULT_KEY} answers with the platform's ladder (version 0) until the
 * tenant's own first version is in force.
 */
@ApplicationScoped
public class DunningLadders {
    @Inject
    DunningPolicyRepository policies;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /**
     * Records {@code steps} as the next version of {@code key}, in force from {@code effectiveFrom}
     * (today when null). A date before today is refused: a run already made on that day would no
     * longer match its own ladder. {@code alreadyWrong} is what the caller found wrong with the
     * steps ({@link DunningLadder#violations} and more), so one refusal names everything.
     */
    public Uni<LadderVersion> save(String tenantId, String key, LocalDate effectiveFrom, List<DunningStep> steps,
            List<Violation> alreadyWrong, String by) {
        LocalDate today = businessZone.today();
        LocalDate from = effectiveFrom == null ? today : effectiveFrom;
        List<Violation> wrong = new ArrayList<>(alreadyWrong);
        checkKey(key, wrong);
        checkNotPast(from, today, wrong);
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("dunning.ladder-invalid", "The dunning ladder is not valid", wrong);
        }
        DunningLadder ladder = DunningLadder.of(steps);
        return Panache.withTransaction(() -> policies.lockVersions(tenantId, "ladder/" + key)
                .chain(() -> policies.lastLadderVersion(tenantId, key)).chain(last -> {
            LadderVersion v = new LadderVersion(key, last + 1, from, ladder, OffsetDateTime.now(clock), by);
            return policies.insertLadder(tenantId, v).replaceWith(v);
        }));
    }

    /** The version of {@code key} in force on {@code day}; 404 for a key the tenant never set. */
    public Uni<LadderVersion> inForce(String tenantId, String key, LocalDate day) {
        return Panache.withSession(() -> versions(tenantId, key)).map(all -> LadderVersion.inForceOn(all, day)
                .orElseThrow(() -> DomainError.unprocessable("dunning-ladder.none-in-force",
                        "No version of ladder '" + key + "' is in force on " + day)));
    }

    /** Version {@code number} of {@code key}; 404 if there is none. */
    public Uni<LadderVersion> version(String tenantId, String key, int number) {
        return Panache.withSession(() -> versions(tenantId, key)).map(all -> all.stream()
                .filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> DomainError.notFound("dunning-ladder.version-not-found",
                        "Ladder '" + key + "' has no version " + number)));
    }

    /** Within the caller's session: every version of {@code key}, the platform's first for the default key. */
    Uni<List<LadderVersion>> versions(String tenantId, String key) {
        return policies.ladderVersions(tenantId, key).map(own -> {
            List<LadderVersion> all = new ArrayList<>();
            if (LadderVersion.DEFAULT_KEY.equals(key)) {
                all.add(LadderVersion.PLATFORM_DEFAULT);
            }
            all.addAll(own);
            if (all.isEmpty()) {
                throw DomainError.notFound("dunning-ladder.not-found", "There is no ladder '" + key + "'");
            }
            return all;
        });
    }

    static void checkKey(String key, List<Violation> wrong) {
        if (key == null || !DunningLadder.KEY.matcher(key).matches()) {
            wrong.add(new Violation("key", "1 to 64 of a-z, 0-9, '.' and '-', starting with a letter or digit"));
        }
    }

    public static void checkNotPast(LocalDate from, LocalDate today, List<Violation> wrong) {
        if (from.isBefore(today)) {
            wrong.add(new Violation("effectiveFrom", "must be today (" + today + ") or later: what was in force on a past day stays so"));
        }
    }
}
