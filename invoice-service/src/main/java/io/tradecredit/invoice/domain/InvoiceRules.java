package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * What makes an invoice complete and correct (docs/domain.md §2): the 12 mandatory items present,
 * one currency, total = lines + tax at its scale (each line quantity x unit price rounded HALF_UP to it, the unit
 * price up to 8 decimals: {@link UnitPrice}), due date not before the issue date. About 30%
 * of late payments start with a question on the invoice; refusing an incomplete one prevents them.
 */
public final class InvoiceRules {
    public static final int MAX_TEXT = 500;

    private InvoiceRules() {
    }

    /** Every problem of the draft, each naming its field; empty when the invoice may be issued. */
    public static List<Violation> violations(InvoiceDraft d) {
        List<Violation> errors = new ArrayList<>();
        text(errors, "invoiceNumber", d.invoiceNumber(), 64);
        required(errors, "issueDate", d.issueDate());
        party(errors, "seller", d.seller(), true);
        required(errors, "buyer.id", d.buyerId());
        party(errors, "buyer", d.buyer(), false);
        text(errors, "purchaseOrderNumber", d.purchaseOrderNumber(), 64);
        required(errors, "dueDate", d.dueDate());
        if (d.paymentTerms() != null && d.paymentTerms().length() > MAX_TEXT) {
            errors.add(new Violation("paymentTerms", "must be at most " + MAX_TEXT + " characters"));
        }
        if (d.issueDate() != null && d.dueDate() != null && d.dueDate().isBefore(d.issueDate())) {
            errors.add(new Violation("dueDate", "must not be before the issue date " + d.issueDate()));
        }
        Currency currency = d.total() == null ? null : d.total().currency();
        int amountsFrom = errors.size();
        if (d.total() == null) {
            errors.add(new Violation("total", "is required (amount and currency)"));
        } else if (d.total().isNegative()) {
            errors.add(new Violation("total", "must not be negative"));
        }
        if (d.tax() == null) {
            errors.add(new Violation("tax", "is required (use 0 for a tax-free invoice)"));
        } else if (d.tax().isNegative()) {
            errors.add(new Violation("tax", "must not be negative"));
        } else if (currency != null && !d.tax().currency().equals(currency)) {
            errors.add(new Violation("tax.currency", "must be the invoice currency " + currency));
        }
        Money linesTotal = lines(errors, d.lines(), currency);
        // the total is compared whenever the amounts it is made of could be read, whatever else is wrong: a missing
        // PO number and a wrong total are named at once (the total was named only once everything else was right)
        boolean amountsReadable = errors.subList(amountsFrom, errors.size()).stream()
                .allMatch(v -> v.field().endsWith(".description"));
        if (linesTotal != null && d.tax() != null && d.total() != null && amountsReadable) {
            Money expected = linesTotal.plus(d.tax());
            if (expected.compareTo(d.total()) != 0) {
                errors.add(new Violation("total", "must equal the lines (" + linesTotal.amountText() + ") plus tax ("
                        + d.tax().amountText() + ") = " + expected.amountText() + ", not " + d.total().amountText()));
            }
        }
        return errors;
    }

    /**
     * {@link #violations(InvoiceDraft)} and what the tenant's policy adds: an issue date no later
     * than {@code today} plus the policy's tolerance (an invoice is issued when it is sent, not
     * ahead of time; dating it weeks ahead would also start its due date and late charges late).
     */
    public static List<Violation> violations(InvoiceDraft d, InvoicingPolicy policy, LocalDate today) {
        List<Violation> errors = violations(d);
        LocalDate latest = policy.latestIssueDate(today);
        if (d.issueDate() != null && d.issueDate().isAfter(latest)) {
            int days = policy.issueDateToleranceDays();
            errors.add(new Violation("issueDate", "must not be after " + latest + " (today, " + today
                    + ", plus the tenant's tolerance of " + days + (days == 1 ? " day)" : " days)")));
        }
        return errors;
    }

    /**
     * The refusal of an invoice to a buyer that credit-service has not registered, when the
     * tenant's policy refuses those; empty when the invoice may go to this buyer.
     */
    public static Optional<DomainError> buyerRefusal(UUID buyerId, boolean registered, InvoicingPolicy policy) {
        if (registered || policy.unknownBuyers() == InvoicingPolicy.UnknownBuyers.ACCEPT) {
            return Optional.empty();
        }
        return Optional.of(new DomainError(DomainError.Kind.UNPROCESSABLE, "invoice.buyer-unknown",
                "Buyer " + buyerId + " is not registered with credit-service, and this tenant's invoicing policy"
                        + " refuses invoices to unknown buyers.",
                List.of(new Violation("buyer.id", "is not a buyer registered with credit-service"))));
    }

    /**
     * The refusal of an invoice due later than the terms agreed with its buyer allow ({@code beyond}, from
     * {@link AgreedTerms#beyond}), when the tenant's policy refuses those; empty when it only flags them.
     */
    public static Optional<DomainError> termsRefusal(UUID buyerId, Violation beyond, InvoicingPolicy policy) {
        if (policy.beyondAgreedTerms() != InvoicingPolicy.BeyondAgreedTerms.REFUSE) {
            return Optional.empty();
        }
        return Optional.of(new DomainError(DomainError.Kind.UNPROCESSABLE, "invoice.beyond-agreed-terms",
                "The invoice is due later than the terms agreed with buyer " + buyerId + " allow, and this tenant's"
                        + " invoicing policy refuses such invoices.", List.of(beyond)));
    }

    /** Issued more than the policy's deadline (default 48 h, counted in whole days) after shipment. */
    public static boolean issuedLate(LocalDate shipmentDate, LocalDate issueDate, InvoicingPolicy policy) {
        if (shipmentDate == null || issueDate == null) {
            return false;
        }
        long allowedDays = policy.issueDeadlineHours() / 24;
        return issueDate.isAfter(shipmentDate.plusDays(allowedDays));
    }

    /** The lines with their amounts; call only on a draft without violations. */
    public static List<InvoiceLine> linesOf(InvoiceDraft d) {
        return d.lines().stream().map(l -> InvoiceLine.of(l.description().strip(), l.quantity(), l.unitPrice())).toList();
    }

    private static Money lines(List<Violation> errors, List<InvoiceDraft.Line> lines, Currency currency) {
        if (lines == null || lines.isEmpty()) {
            errors.add(new Violation("lines", "at least one line (description, quantity, unit price) is required"));
            return null;
        }
        if (lines.size() > 1000) {
            errors.add(new Violation("lines", "at most 1000 lines per invoice"));
            return null;
        }
        Money sum = currency == null ? null : Money.zero(currency);
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            InvoiceDraft.Line line = lines.get(i);
            if (line == null) {
                errors.add(new Violation(at, "is empty"));
                continue;
            }
            text(errors, at + ".description", line.description(), MAX_TEXT);
            BigDecimal qty = line.quantity();
            if (qty == null) {
                errors.add(new Violation(at + ".quantity", "is required"));
            } else if (qty.signum() <= 0) {
                errors.add(new Violation(at + ".quantity", "must be greater than 0"));
            } else if (qty.scale() > 6) {
                errors.add(new Violation(at + ".quantity", "has more than 6 decimals"));
            }
            UnitPrice price = line.unitPrice();
            if (price == null) {
                errors.add(new Violation(at + ".unitPrice", "is required (amount and currency)"));
            } else if (price.isNegative()) {
                errors.add(new Violation(at + ".unitPrice", "must not be negative"));
            } else if (currency != null && !price.currency().equals(currency)) {
                errors.add(new Violation(at + ".unitPrice.currency", "must be the invoice currency " + currency));
            } else if (qty != null && sum != null) {
                // a quantity not above 0 has been named already: the sum is then never compared
                sum = sum.plus(price.times(qty));
            }
        }
        return sum;
    }

    private static void party(List<Violation> errors, String role, Party p, boolean seller) {
        if (p == null) {
            errors.add(new Violation(role, "is required (name, address, taxId" + (seller ? ", bankAccount)" : ")")));
            return;
        }
        text(errors, role + ".name", p.name(), 200);
        text(errors, role + ".address", p.address(), MAX_TEXT);
        text(errors, role + ".taxId", p.taxId(), 64);
        if (seller) {
            text(errors, role + ".bankAccount", p.bankAccount(), 100);
        }
    }

    private static void text(List<Violation> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static void required(List<Violation> errors, String field, Object value) {
        if (value == null) {
            errors.add(new Violation(field, "is required"));
        }
    }
}
