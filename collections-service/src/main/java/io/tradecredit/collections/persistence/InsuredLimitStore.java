package io.tradecredit.collections.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.InsuranceCover;
import io.tradecredit.collections.domain.InsuranceCover.Decision;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The insurer's limit decisions per buyer (table {@code insured_limit_decision}, V16), in the
 * current transaction; {@link #decision} is the one mapper of its rows.
 */
@ApplicationScoped
public class InsuredLimitStore {
    static final String INSERT = """
            insert into insured_limit_decision (tenant_id, policy_id, decision_id, buyer_id, outcome, amount, currency,
                effective_from, expires_on, received_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing""";
    static final String OF_BUYER = """
            select * from insured_limit_decision where tenant_id = $1 and buyer_id = $2 order by seq""";
    /** The decisions of a batch of buyers (the run's, with its other statements). */
    static final String OF_BUYERS = """
            select d.* from unnest($1::text[], $2::uuid[]) as k(tenant_id, buyer_id)
            join insured_limit_decision d on d.tenant_id = k.tenant_id and d.buyer_id = k.buyer_id
            order by d.seq""";

    /** A buyer's decision as the read model keeps it, with its buyer. */
    public record BuyerDecision(String tenantId, UUID buyerId, Decision decision) {
    }

    /** Keeps a decision once (the same policy and decision id again changes nothing). */
    public Uni<Void> record(String tenantId, UUID buyerId, String decisionId, Decision d, OffsetDateTime at) {
        return CurrentTransaction.execute(INSERT, Tuple.from(Arrays.asList(tenantId, d.policyId(), decisionId, buyerId,
                d.outcome().name(), d.amount() == null ? null : d.amount().amount(),
                d.amount() == null ? null : d.amount().currencyCode(), d.effectiveFrom(), d.expiresOn(), at)))
                .replaceWithVoid();
    }

    public Uni<InsuranceCover> coverOf(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute(OF_BUYER, Tuple.of(tenantId, buyerId)).map(rows -> {
            List<Decision> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(decision(r).decision()));
            return new InsuranceCover(out);
        });
    }

    /** The decisions of the buyers {@code tenants[i]}/{@code ids[i]}, in the order they were recorded. */
    public static Uni<List<BuyerDecision>> ofBuyers(String[] tenants, UUID[] ids) {
        return CurrentTransaction.execute(OF_BUYERS, Tuple.of(tenants, ids)).map(rows -> {
            List<BuyerDecision> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(decision(r)));
            return out;
        });
    }

    static BuyerDecision decision(Row r) {
        String currency = r.getString("currency");
        Money amount = currency == null ? null
                : Money.rounded(r.getBigDecimal("amount"), Money.currencyOf(currency.trim()));
        return new BuyerDecision(r.getString("tenant_id"), r.getUUID("buyer_id"), new Decision(r.getUUID("policy_id"),
                InsuranceCover.Outcome.valueOf(r.getString("outcome")), amount, r.getLocalDate("effective_from"),
                r.getLocalDate("expires_on"), r.getLong("seq")));
    }
}
