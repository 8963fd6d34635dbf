package io.tradecredit.invoice.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.persistence.Rows;
import io.tradecredit.invoice.domain.BuyerCredit;
import io.tradecredit.invoice.domain.CreditMovement;
import io.tradecredit.invoice.domain.HeldCredit;
import io.tradecredit.invoice.domain.StatementEntry;

/** Buyer credit balances (one row per buyer and currency) and their movements; in the caller's transaction. */
@ApplicationScoped
public class BuyerCreditRepository {

    /**
     * The buyer's credit in the currency, locked until the transaction ends (created at zero the
     * first time): every change of a buyer's credit, and every payment, takes this lock. Plain SQL
     * on the transaction's connection ({@link CurrentTransaction}), as are {@link #save} and
     * {@link #record}: each is on every payment, and a Hibernate native statement there cost a
     * plan-cache look-up (its result mapping built anew each call) and, for a write, a cleanup
     * action Hibernate Reactive leaves unprocessed (two warnings at the session's close).
     */
    public Uni<BuyerCredit> lock(String tenantId, UUID buyerId, String currency, OffsetDateTime at) {
        return CurrentTransaction.execute("""
                insert into buyer_credit (tenant_id, buyer_id, currency, balance, updated_at)
                values ($1, $2, $3, 0, $4) on conflict do nothing""",
                CurrentTransaction.params(tenantId, buyerId, currency, at))
                .chain(() -> CurrentTransaction.execute("""
                        select balance from buyer_credit where tenant_id = $1 and buyer_id = $2 and currency = $3
                        for update""", CurrentTransaction.params(tenantId, buyerId, currency)))
                .map(rows -> new BuyerCredit(tenantId, buyerId, Money.rounded(rows.iterator().next().getBigDecimal(0),
                        Money.currencyOf(currency))));
    }

    public Uni<Void> save(BuyerCredit credit, OffsetDateTime at) {
        return CurrentTransaction.execute("""
                update buyer_credit set balance = $1, updated_at = $2
                where tenant_id = $3 and buyer_id = $4 and currency = $5""",
                CurrentTransaction.params(credit.balance().amount(), at, credit.tenantId(), credit.buyerId(),
                        credit.balance().currencyCode()))
                .replaceWithVoid();
    }

    public Uni<Void> record(CreditMovement m) {
        return CurrentTransaction.execute("""
                insert into buyer_credit_movement (id, tenant_id, buyer_id, currency, kind, amount, balance_after,
                    reference_id, occurred_on, created_at, created_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""",
                CurrentTransaction.params(m.id(), m.tenantId(), m.buyerId(), m.amount().currencyCode(), m.kind().name(),
                        m.amount().amount(), m.balanceAfter().amount(), m.referenceId(), m.occurredOn(), m.createdAt(),
                        m.createdBy()))
                .replaceWithVoid();
    }

    /** The buyer's balance in each currency it ever had credit in, by currency code. */
    public Uni<List<Money>> balances(String tenantId, UUID buyerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select currency, balance from buyer_credit where tenant_id = :t and buyer_id = :b order by currency""",
                Tuple.class).setParameter("t", tenantId).setParameter("b", buyerId).getResultList())
                .map(rows -> rows.stream().map(r -> Rows.money(r, "balance", "currency")).toList());
    }

    /**
     * The credit the buyer held on {@code asOf} in each currency it had any in (0 included), by currency code: its
     * movements dated by then ({@code occurred_on}: an overpayment on the day the payment was received, an application,
     * a credit note or a reversal on its day). A payment since reversed never paid (its reversal takes effect on the day
     * it was received, docs/domain.md §2), so neither its credit nor the removal of it counts on any day.
     */
    public Uni<HeldCredit> heldOn(String tenantId, UUID buyerId, LocalDate asOf) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select m.currency, coalesce(sum(m.amount) filter (where m.occurred_on <= :d), 0) as held
                from buyer_credit_movement m
                left join payment p on p.tenant_id = m.tenant_id and p.id = m.reference_id
                    and m.kind in ('OVERPAYMENT', 'PAYMENT_REVERSED')
                where m.tenant_id = :t and m.buyer_id = :b and (p.id is null or p.status <> 'REVERSED')
                group by m.currency order by m.currency""", Tuple.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("d", asOf).getResultList())
                .map(rows -> {
                    Map<String, Money> held = new TreeMap<>();
                    rows.forEach(r -> held.put(Rows.currencyCode(r, "currency"), Rows.money(r, "held", "currency")));
                    return new HeldCredit(held);
                });
    }

    /**
     * The movements of the buyer's credit as its statement lists them between the dates, each on its day but the credit
     * of a reversed payment removed on the day the payment was received ({@link StatementEntry#of(CreditMovement,
     * LocalDate, StatementEntry.CreditNoteOf)}), credit kept from a credit note with the note's number and its invoice,
     * in the order they were recorded.
     */
    public Uni<List<StatementEntry>> entriesBetween(String tenantId, UUID buyerId, LocalDate from, LocalDate to) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select m.id, m.tenant_id, m.buyer_id, m.currency, m.kind, m.amount, m.balance_after, m.reference_id,
                    m.occurred_on, m.created_at, m.created_by, p.received_on, c.number as credit_note_number,
                    c.invoice_id as credit_note_invoice_id, i.invoice_number as credit_note_invoice_number
                from buyer_credit_movement m
                left join payment p on p.tenant_id = m.tenant_id and p.id = m.reference_id and m.kind = 'PAYMENT_REVERSED'
                left join credit_note c on c.tenant_id = m.tenant_id and c.id = m.reference_id and m.kind = 'CREDIT_NOTE'
                left join invoice i on i.tenant_id = c.tenant_id and i.id = c.invoice_id
                where m.tenant_id = :t and m.buyer_id = :b
                    and coalesce(p.received_on, m.occurred_on) between :from and :to
                order by m.created_at, m.id""", Tuple.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("from", from)
                .setParameter("to", to).getResultList())
                .map(rows -> rows.stream().map(r -> StatementEntry.of(toMovement(r), r.get("received_on", LocalDate.class),
                        r.get("credit_note_number", String.class) == null ? null
                                : new StatementEntry.CreditNoteOf(r.get("credit_note_number", String.class),
                                        r.get("credit_note_invoice_id", UUID.class),
                                        r.get("credit_note_invoice_number", String.class))))
                        .toList());
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
