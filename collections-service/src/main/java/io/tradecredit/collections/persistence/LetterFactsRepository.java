package io.tradecredit.collections.persistence;

import static io.tradecredit.collections.persistence.ResultColumns.at;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a letter to one buyer prints, in one query over the read model: its open invoices (oldest
 * due first) with both parties and the late charges last stated, and the name credit-service
 * registered. Always within the caller's tenant. {@link #row} is the one mapper of these columns
 * ({@link #LETTER_COLUMNS}, found once per result: {@link Columns}): the daily run's batch statement
 * reads them for many buyers and maps each row with it too.
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

    /** Where each of {@link #LETTER_COLUMNS} is in a result ({@link #of}, once per result). */
    public record Columns(int invoiceId, int invoiceNumber, int purchaseOrderNumber, int issueDate, int dueDate,
            int currency, int openAmount, int collectibleAmount, int sellerName, int sellerAddress, int sellerTaxId,
            int sellerBankAccount, int buyerAddress, int buyerName, int registeredName, int lateChargesAsOf,
            int lateInterest, int lateFee, int lateChargesTotal, int lateDailyRate, int lateFeeAfterDays, int lateFeeRate,
            int lateLegalBasis) {
        public static Columns of(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
            List<String> n = rows.columnsNames();
            return new Columns(at(n, "invoice_id"), at(n, "invoice_number"), at(n, "purchase_order_number"),
                    at(n, "issue_date"), at(n, "due_date"), at(n, "currency"), at(n, "open_amount"),
                    at(n, "collectible_amount"), at(n, "seller_name"), at(n, "seller_address"), at(n, "seller_tax_id"),
                    at(n, "seller_bank_account"), at(n, "buyer_address"), at(n, "buyer_name"), at(n, "registered_name"),
                    at(n, "late_charges_as_of"), at(n, "late_interest"), at(n, "late_fee"), at(n, "late_charges_total"),
                    at(n, "late_daily_rate"), at(n, "late_fee_after_days"), at(n, "late_fee_rate"),
                    at(n, "late_legal_basis"));
        }
    }

    /** In the current transaction. */
    public Uni<List<Row>> openInvoicesOf(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute(OPEN_INVOICES, Tuple.of(tenantId, buyerId)).map(rows -> {
            Columns columns = Columns.of(rows);
            List<Row> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(row(r, columns)));
            return out;
        });
    }

    /** A row of {@link #LETTER_COLUMNS} at {@code c}; amounts at the scale of the invoice's currency. */
    public static Row row(io.vertx.mutiny.sqlclient.Row r, Columns c) {
        var currency = Money.currencyOf(r.getString(c.currency()).trim());
        LetterFacts.Invoice invoice = new LetterFacts.Invoice(r.getUUID(c.invoiceId()), r.getString(c.invoiceNumber()),
                r.getString(c.purchaseOrderNumber()), r.getLocalDate(c.issueDate()), r.getLocalDate(c.dueDate()),
                Money.rounded(r.getBigDecimal(c.openAmount()), currency),
                Money.rounded(r.getBigDecimal(c.collectibleAmount()), currency), lateCharges(r, c, currency));
        String sellerName = r.getString(c.sellerName());
        LetterFacts.Party seller = sellerName == null ? null : new LetterFacts.Party(sellerName,
                r.getString(c.sellerAddress()), r.getString(c.sellerTaxId()), r.getString(c.sellerBankAccount()));
        return new Row(invoice, seller, r.getString(c.buyerAddress()), r.getString(c.buyerName()),
                r.getString(c.registeredName()));
    }

    private static LetterFacts.LateCharges lateCharges(io.vertx.mutiny.sqlclient.Row r, Columns c,
            java.util.Currency currency) {
        java.time.LocalDate asOf = r.getLocalDate(c.lateChargesAsOf());
        if (asOf == null) {
            return null;
        }
        return new LetterFacts.LateCharges(asOf, Money.rounded(r.getBigDecimal(c.lateInterest()), currency),
                Money.rounded(r.getBigDecimal(c.lateFee()), currency),
                Money.rounded(r.getBigDecimal(c.lateChargesTotal()), currency),
                r.getBigDecimal(c.lateDailyRate()).stripTrailingZeros(), r.getInteger(c.lateFeeAfterDays()),
                r.getBigDecimal(c.lateFeeRate()).stripTrailingZeros(), r.getString(c.lateLegalBasis()));
    }
}
