package io.tradecredit.credit.persistence;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.CreditPolicy;

/** A tenant's credit policy as one JSON document; no row means {@link CreditPolicy#DEFAULT}. */
@ApplicationScoped
public class PolicyRepository {
    @Inject
    ObjectMapper json;

    public Uni<CreditPolicy> load(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select policy from credit_policy where tenant_id = :t", String.class)
                .setParameter("t", tenantId).getResultList())
                .map(rows -> rows.isEmpty() ? CreditPolicy.DEFAULT : read(rows.get(0)));
    }

    public Uni<Void> save(String tenantId, CreditPolicy policy, String by, OffsetDateTime at) {
        String document;
        try {
            document = json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("policy not serializable", e));
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into credit_policy (tenant_id, policy, updated_by, updated_at) values (:t, :p, :by, :at)
                on conflict (tenant_id) do update set policy = excluded.policy, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .setParameter("t", tenantId).setParameter("p", document).setParameter("by", by).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    private CreditPolicy read(String document) {
        try {
            return json.readValue(document, CreditPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored credit policy unreadable", e);
        }
    }
}
