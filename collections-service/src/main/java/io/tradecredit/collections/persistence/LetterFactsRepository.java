package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.common.persistence.Rows;

/**
 * What a letter to one buyer prints, in one query over the read model: its open invoices (oldest
 * due first) with both parties and the late charges last stated, and the name credit-service
 * registered. Always within the caller's tenant.
 */
@ApplicationScoped
public class LetterFactsRepository {

    /** One open invoice as a letter prints it, with the parties it names and the buyer's registered name. */
    public record Row(LetterFacts.Invoice invoice, LetterFacts.Party seller, String buyerAddress,
            String invoiceBuyerName, String registeredBuyerName) {
    }

    static final String OPEN_INVOICES = """
            select o.invoice_id, o.invoice_number, o.purchase_order_number, o.issue_date, o.due_date, o.currency,
                o.open_amount, o.collectible_amount, o.seller_name, o.seller_address, o.seller_tax_id,
                o.seller_bank_account, o.buyer_address, o.buyer_name, b.name as registered_name,
                o.late_charges_as_of, o.late_interest, o.late_fee, o.late_charges_total, o.late_daily_rate,
                o.late_fee_after_days, o.late_fee_rate, o.late_legal_basis
            from open_invoice o left join buyer b on b.tenant_id = o.tenant_id and b.buyer_id = o.buyer_id
            where o.tenant_id = :t and o.buyer_id = :b and o.state = 'OPEN'
            order by o.due_date, o.invoice_number""";

    public Uni<List<Row>> openInvoicesOf(String tenantId, UUID buyerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(OPEN_INVOICES, Tuple.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).getResultList())
                .map(rows -> rows.stream().map(LetterFactsRepository::row).toList());
    }

    private static Row row(Tuple r) {
        LetterFacts.Invoice invoice = new LetterFacts.Invoice(r.get("invoice_id", UUID.class),
                r.get("invoice_number", String.class), r.get("purchase_order_number", String.class),
                r.get("issue_date", LocalDate.class), r.get("due_date", LocalDate.class),
                Rows.money(r, "open_amount", "currency"), Rows.money(r, "collectible_amount", "currency"),
                lateCharges(r));
        LetterFacts.Party seller = r.get("seller_name", String.class) == null ? null
                : new LetterFacts.Party(r.get("seller_name", String.class), r.get("seller_address", String.class),
                        r.get("seller_tax_id", String.class), r.get("seller_bank_account", String.class));
        return new Row(invoice, seller, r.get("buyer_address", String.class), r.get("buyer_name", String.class),
                r.get("registered_name", String.class));
    }

    private static LetterFacts.LateCharges lateCharges(Tuple r) {
        LocalDate asOf = r.get("late_charges_as_of", LocalDate.class);
        if (asOf == null) {
            return null;
        }
        return new LetterFacts.LateCharges(asOf, Rows.money(r, "late_interest", "currency"),
                Rows.money(r, "late_fee", "currency"), Rows.money(r, "late_charges_total", "currency"),
                r.get("late_daily_rate", BigDecimal.class).stripTrailingZeros(), r.get("late_fee_after_days", Integer.class),
                r.get("late_fee_rate", BigDecimal.class).stripTrailingZeros(), r.get("late_legal_basis", String.class));
    }
}
