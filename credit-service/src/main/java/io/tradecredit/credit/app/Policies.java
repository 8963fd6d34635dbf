package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.credit.domain.CreditPolicy;
import io.tradecredit.credit.persistence.PolicyRepository;

/**
 * Per-tenant credit policies, cached: the credit check reads the policy on every call and it
 * changes rarely. A save clears this replica's entry at once; other replicas see it within the
 * time to live.
 */
@ApplicationScoped
public class Policies {
    static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Cached(CreditPolicy policy, long loadedAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    PolicyRepository repository;

    @Inject
    Clock clock;

    /**
     * The tenant's policy, from the cache or loaded (in the caller's session if it has one, else
     * in one of its own): the same call from a use case's transaction and from the credit check.
     */
    public Uni<CreditPolicy> of(String tenantId) {
        Cached hit = cache.get(tenantId);
        // cache age is measured on the monotonic clock: it is not business time
        if (hit != null && System.nanoTime() - hit.loadedAt() < TTL_NANOS) {
            return Uni.createFrom().item(hit.policy());
        }
        return Panache.withSession(() -> repository.load(tenantId))
                .invoke(p -> cache.put(tenantId, new Cached(p, System.nanoTime())));
    }

    /** Stores the tenant's policy; one that cannot work is refused naming every setting at fault, and nothing changes. */
    public Uni<CreditPolicy> save(String tenantId, CreditPolicy policy, String by) {
        List<Violation> problems = policy.violations();
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(DomainError.invalid("policy.invalid", "The credit policy", problems));
        }
        return Panache.withTransaction(() -> repository.save(tenantId, policy, by, OffsetDateTime.now(clock)))
                .invoke(() -> cache.remove(tenantId)).replaceWith(policy);
    }
}
