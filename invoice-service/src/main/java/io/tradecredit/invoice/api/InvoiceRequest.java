package io.tradecredit.invoice.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.InvoiceDraft;
import io.tradecredit.invoice.domain.InvoiceRules;
import io.tradecredit.invoice.domain.Party;
import io.tradecredit.invoice.domain.UnitPrice;

/** An invoice as an ERP sends it. Completeness is judged by the domain, which names every gap. */
public record InvoiceRequest(String invoiceNumber, LocalDate issueDate, LocalDate shipmentDate, SellerRequest seller,
        BuyerRequest buyer, String purchaseOrderNumber, List<LineRequest> lines, Money tax, Money total,
        LocalDate dueDate, String paymentTerms) implements CheckableBody {

    /** The rules' findings, asked for when some fields could not be read, so one answer names all. */
    @Override
    public List<Violation> violations() {
        return InvoiceRules.violations(toDraft());
    }

    public record SellerRequest(String name, String address, String taxId, String bankAccount) {
    }

    public record BuyerRequest(UUID id, String name, String address, String taxId) {
    }

    public record LineRequest(String description, BigDecimal quantity, UnitPrice unitPrice) {
    }

    public InvoiceDraft toDraft() {
        Party sellerParty = seller == null ? null
                : new Party(seller.name(), seller.address(), seller.taxId(), seller.bankAccount());
        Party buyerParty = buyer == null ? null : new Party(buyer.name(), buyer.address(), buyer.taxId(), null);
        List<InvoiceDraft.Line> draftLines = lines == null ? null
                : lines.stream().map(l -> l == null ? null
                        : new InvoiceDraft.Line(l.description(), l.quantity(), l.unitPrice())).toList();
        return new InvoiceDraft(invoiceNumber, issueDate, shipmentDate, sellerParty, buyer == null ? null : buyer.id(),
                buyerParty, purchaseOrderNumber, draftLines, tax, total, dueDate, paymentTerms);
    }
}
