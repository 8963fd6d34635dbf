package io.tradecredit.invoice.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.Rows;
import io.tradecredit.invoice.domain.BuyerCredit;
import io.tradecredit.invoice.domain.CreditMovement;

/** Buyer credit balances (one row per buyer and currency) and their movements; in the caller's transaction. */
@ApplicationScoped
public class BuyerCreditRepository {

    /**
     * The buyer's credit in the currency, locked until the transaction ends (created at zero the
     * first time): every change of a buyer's credit, and every payment, takes this lock.
     */
    public Uni<BuyerCredit> lock(String tenantId, UUID buyerId, String currency, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into buyer_credit (tenant_id, buyer_id, currency, balance, updated_at)
                values (:t, :b, :c, 0, :at) on conflict do nothing""")
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("c", currency)
                .setParameter("at", at).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                        select balance from buyer_credit where tenant_id = :t and buyer_id = :b and currency = :c
                        for update""", BigDecimal.class)
                        .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("c", currency)
                        .getSingleResult()))
                .map(balance -> new BuyerCredit(tenantId, buyerId, Money.rounded(balance, Money.currencyOf(currency))));
    }

    public Uni<Void> save(BuyerCredit credit, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                update buyer_credit set balance = :bal, updated_at = :at
                where tenant_id = :t and buyer_id = :b and currency = :c""")
                .setParameter("bal", credit.balance().amount()).setParameter("at", at)
                .setParameter("t", credit.tenantId()).setParameter("b", credit.buyerId())
                .setParameter("c", credit.balance().currencyCode()).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> record(CreditMovement m) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into buyer_credit_movement (id, tenant_id, buyer_id, currency, kind, amount, balance_after,
                    reference_id, occurred_on, created_at, created_by)
                values (:id, :t, :b, :c, :k, :a, :after, :r, :on, :at, :by)""")
                .setParameter("id", m.id()).setParameter("t", m.tenantId()).setParameter("b", m.buyerId())
                .setParameter("c", m.amount().currencyCode()).setParameter("k", m.kind().name())
                .setParameter("a", m.amount().amount()).setParameter("after", m.balanceAfter().amount())
                .setParameter("r", m.referenceId()).setParameter("on", m.occurredOn())
                .setParameter("at", m.createdAt()).setParameter("by", m.createdBy()).executeUpdate())
                .replaceWithVoid();
    }

    /** The buyer's balance in each currency it ever had credit in, by currency code. */
    public Uni<List<Money>> balances(String tenantId, UUID buyerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select currency, balance from buyer_credit where tenant_id = :t and buyer_id = :b order by currency""",
                Tuple.class).setParameter("t", tenantId).setParameter("b", buyerId).getResultList())
                .map(rows -> rows.stream().map(r -> Rows.money(r, "balance", "currency")).toList());
    }

    /** The buyer's movements, newest first. */
    public Uni<Page<CreditMovement>> movements(String tenantId, UUID buyerId, int page, int size) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, tenant_id, buyer_id, currency, kind, amount, balance_after, reference_id, occurred_on,
                    created_at, created_by
                from buyer_credit_movement where tenant_id = :t and buyer_id = :b
                order by created_at desc, id desc limit :size offset :offset""", Tuple.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("size", size)
                .setParameter("offset", page * size).getResultList()
                .chain(rows -> s.createNativeQuery(
                        "select count(*) from buyer_credit_movement where tenant_id = :t and buyer_id = :b", Long.class)
                        .setParameter("t", tenantId).setParameter("b", buyerId).getSingleResult()
                        .map(total -> new Page<>(rows.stream().map(BuyerCreditRepository::toMovement).toList(), page,
                                size, ((Number) total).longValue()))));
    }

    /** A row of buyer_credit_movement. */
    private static CreditMovement toMovement(Tuple r) {
        return new CreditMovement(r.get("id", UUID.class), r.get("tenant_id", String.class),
                r.get("buyer_id", UUID.class), CreditMovement.Kind.valueOf(r.get("kind", String.class)),
                Rows.money(r, "amount", "currency"),
                Rows.money(r, "balance_after", "currency"), r.get("reference_id", UUID.class),
                r.get("occurred_on", LocalDate.class), r.get("created_at", OffsetDateTime.class),
                r.get("created_by", String.class));
    }
}
