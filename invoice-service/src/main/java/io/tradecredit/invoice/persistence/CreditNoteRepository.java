package io.tradecredit.invoice.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.Rows;
import io.tradecredit.invoice.domain.CreditNote;
import io.tradecredit.invoice.domain.CreditSource;

/** Credit notes and their per-tenant numbering; written in the caller's transaction. */
@ApplicationScoped
public class CreditNoteRepository {

    /**
     * The tenant's next credit note sequence number. The upsert holds the counter row's lock until
     * the transaction ends, so concurrent credit notes get distinct, gap-free numbers.
     */
    public Uni<Long> nextSequence(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into credit_note_counter (tenant_id, last_number) values (:t, 1)
                on conflict (tenant_id) do update set last_number = credit_note_counter.last_number + 1
                returning last_number""", Long.class).setParameter("t", tenantId).getSingleResult());
    }

    /** Stores the note; {@code keptAsCredit} is the part of it the buyer had paid already, now its credit. */
    public Uni<Void> record(CreditNote n, Money keptAsCredit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into credit_note (id, tenant_id, number, invoice_id, buyer_id, dispute_id, amount, currency,
                    reason, issued_on, created_at, created_by, credit_remaining)
                values (:id, :t, :n, :i, :b, :d, :a, :c, :r, :on, :at, :by, :kept)""")
                .setParameter("id", n.id()).setParameter("t", n.tenantId()).setParameter("n", n.number())
                .setParameter("i", n.invoiceId()).setParameter("b", n.buyerId()).setParameter("d", n.disputeId())
                .setParameter("a", n.amount().amount()).setParameter("c", n.amount().currencyCode())
                .setParameter("r", n.reason()).setParameter("on", n.issuedOn()).setParameter("at", n.createdAt())
                .setParameter("by", n.createdBy()).setParameter("kept", keptAsCredit.amount()).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The buyer's credit notes with credit left in the currency, as sources of its credit. Callers hold
     * the buyer's credit lock, which guards these amounts.
     */
    public Uni<List<CreditSource>> withCreditLeft(String tenantId, UUID buyerId, String currency) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, issued_on, created_at, credit_remaining, currency from credit_note
                where tenant_id = :t and buyer_id = :b and currency = :c and credit_remaining > 0""", Tuple.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("c", currency).getResultList())
                .map(rows -> rows.stream().map(r -> new CreditSource(CreditSource.Kind.CREDIT_NOTE,
                        r.get("id", UUID.class), r.get("issued_on", LocalDate.class),
                        r.get("created_at", OffsetDateTime.class), Rows.money(r, "credit_remaining", "currency")))
                        .toList());
    }

    /** Takes {@code amount} of a credit note's remaining credit (applied to invoices). */
    public Uni<Void> spendCredit(String tenantId, UUID noteId, Money amount) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                update credit_note set credit_remaining = credit_remaining - :a where tenant_id = :t and id = :id""")
                .setParameter("a", amount.amount()).setParameter("t", tenantId).setParameter("id", noteId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The credit notes of one invoice, oldest first. */
    public Uni<List<CreditNote>> ofInvoice(String tenantId, UUID invoiceId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, tenant_id, number, invoice_id, buyer_id, dispute_id, amount, currency, reason, issued_on,
                    created_at, created_by
                from credit_note where tenant_id = :t and invoice_id = :i order by created_at, number""",
                Tuple.class).setParameter("t", tenantId).setParameter("i", invoiceId).getResultList())
                .map(rows -> rows.stream().map(CreditNoteRepository::toNote).toList());
    }

    /** A row of credit_note. */
    private static CreditNote toNote(Tuple r) {
        return new CreditNote(r.get("id", UUID.class), r.get("tenant_id", String.class), r.get("number", String.class),
                r.get("invoice_id", UUID.class), r.get("buyer_id", UUID.class), r.get("dispute_id", UUID.class),
                Rows.money(r, "amount", "currency"), r.get("reason", String.class), r.get("issued_on", LocalDate.class),
                r.get("created_at", OffsetDateTime.class), r.get("created_by", String.class));
    }
}
