package io.tradecredit.collections.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.LadderVersion;
import io.tradecredit.collections.domain.RecordedPolicyVersion;
import io.tradecredit.collections.persistence.DunningPolicyRepository;

/** Loads the policies of the tenants of a batch, one tenant after the other, in the current transaction. */
@ApplicationScoped
public class RunPolicies {
    @Inject
    DunningPolicyRepository policies;

    public Uni<Map<String, TenantRunPolicy>> of(Set<String> tenants) {
        Map<String, TenantRunPolicy> loaded = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String tenant : new TreeSet<>(tenants)) {
            chain = chain.chain(() -> one(tenant)).invoke(p -> loaded.put(tenant, p)).replaceWithVoid();
        }
        return chain.replaceWith(loaded);
    }

    private Uni<TenantRunPolicy> one(String tenant) {
        return policies.settings(tenant).chain(settings -> policies.policyVersions(tenant).chain(versions -> policies
                .ladderKeys(tenant).chain(keys -> ladders(tenant, keys).map(ladders -> new TenantRunPolicy(settings,
                        versions.stream().map(RecordedPolicyVersion::policy).toList(), ladders)))));
    }

    private Uni<Map<String, List<LadderVersion>>> ladders(String tenant, List<String> keys) {
        Map<String, List<LadderVersion>> ladders = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String key : keys) {
            chain = chain.chain(() -> policies.ladderVersions(tenant, key)).invoke(v -> ladders.put(key, v)).replaceWithVoid();
        }
        return chain.replaceWith(ladders);
    }
}
