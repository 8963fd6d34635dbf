package io.tradecredit.collections.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a letter to one buyer prints, in one query over the read model: its open invoices (oldest
 * due first) with both parties and the late charges last stated, and the name credit-service
 * registered. Always within the caller's tenant. {@link #row} is the one mapper of these columns
 * ({@link #LETTER_COLUMNS}): the daily run's batch statement reads them for many buyers and maps
 * each row with it too.
 */
@ApplicationScoped
public class LetterFactsRepository {

    /** One open invoice as a letter prints it, with the parties it names and the buyer's registered name. */
    public record Row(LetterFacts.Invoice invoice, LetterFacts.Party seller, String buyerAddress,
            String invoiceBuyerName, String registeredBuyerName) {
    }

    /** The columns {@link #row} reads, of {@code open_invoice o} and {@code buyer b}. */
    public static final String LETTER_COLUMNS = """
            o.invoice_id, o.invoice_number, o.purchase_order_number, o.issue_date, o.due_date, o.currency,
                o.open_amount, o.collectible_amount, o.seller_name, o.seller_address, o.seller_tax_id,
                o.seller_bank_account, o.buyer_address, o.buyer_name, b.name as registered_name,
                o.late_charges_as_of, o.late_interest, o.late_fee, o.late_charges_total, o.late_daily_rate,
                o.late_fee_after_days, o.late_fee_rate, o.late_legal_basis""";

    static final String OPEN_INVOICES = "select " + LETTER_COLUMNS + """

            from open_invoice o left join buyer b on b.tenant_id = o.tenant_id and b.buyer_id = o.buyer_id
            where o.tenant_id = $1 and o.buyer_id = $2 and o.state = 'OPEN'
            order by o.due_date, o.invoice_number""";

    /** In the current transaction. */
    public Uni<List<Row>> openInvoicesOf(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute(OPEN_INVOICES, Tuple.of(tenantId, buyerId)).map(rows -> {
            List<Row> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(row(r)));
            return out;
        });
    }

    /** A row of {@link #LETTER_COLUMNS}; amounts at the scale of the invoice's currency. */
    public static Row row(io.vertx.mutiny.sqlclient.Row r) {
        var c = Money.currencyOf(r.getString("currency").trim());
        LetterFacts.Invoice invoice = new LetterFacts.Invoice(r.getUUID("invoice_id"), r.getString("invoice_number"),
                r.getString("purchase_order_number"), r.getLocalDate("issue_date"), r.getLocalDate("due_date"),
                Money.rounded(r.getBigDecimal("open_amount"), c), Money.rounded(r.getBigDecimal("collectible_amount"), c),
                lateCharges(r, c));
        LetterFacts.Party seller = r.getString("seller_name") == null ? null : new LetterFacts.Party(
                r.getString("seller_name"), r.getString("seller_address"), r.getString("seller_tax_id"),
                r.getString("seller_bank_account"));
        return new Row(invoice, seller, r.getString("buyer_address"), r.getString("buyer_name"),
                r.getString("registered_name"));
    }

    private static LetterFacts.LateCharges lateCharges(io.vertx.mutiny.sqlclient.Row r, java.util.Currency c) {
        if (r.getLocalDate("late_charges_as_of") == null) {
            return null;
        }
        return new LetterFacts.LateCharges(r.getLocalDate("late_charges_as_of"),
                Money.rounded(r.getBigDecimal("late_interest"), c), Money.rounded(r.getBigDecimal("late_fee"), c),
                Money.rounded(r.getBigDecimal("late_charges_total"), c),
                r.getBigDecimal("late_daily_rate").stripTrailingZeros(), r.getInteger("late_fee_after_days"),
                r.getBigDecimal("late_fee_rate").stripTrailingZeros(), r.getString("late_legal_basis"));
    }
}
