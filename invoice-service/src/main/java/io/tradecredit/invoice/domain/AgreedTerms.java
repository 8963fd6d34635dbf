package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.Optional;

import io.tradecredit.common.domain.Violation;

/**
 * The payment terms credit-service agreed with a buyer, and whether an invoice keeps to them (docs/domain.md §1:
 * a new buyer's first order goes on prepayment or a shortened term, later orders on the buyer's term). An invoice
 * keeps to them when its due date is no later than its issue date plus the term that applies: for the buyer's first
 * invoice the first-order term (never longer than the buyer's own), else the buyer's term.
 *
 * @param paymentTermDays the buyer's term in days (0: prepayment); null when not known here
 * @param firstOrderTermDays the term of a new buyer's first order under the tenant's credit policy; null when not known
 */
public record AgreedTerms(Integer paymentTermDays, Integer firstOrderTermDays) {
    /** A buyer whose terms invoice-service has not learned: nothing is checked. */
    public static final AgreedTerms UNKNOWN = new AgreedTerms(null, null);

    /** The term an invoice is held to, in days; null when none is known. */
    public Integer termFor(boolean firstInvoice) {
        if (!firstInvoice || firstOrderTermDays == null) {
            return paymentTermDays;
        }
        return paymentTermDays == null ? firstOrderTermDays : Math.min(firstOrderTermDays, paymentTermDays);
    }

    /** What is wrong with the due date against the terms, naming {@code dueDate}; empty when it keeps to them. */
    public Optional<Violation> beyond(LocalDate issueDate, LocalDate dueDate, boolean firstInvoice) {
        Integer term = termFor(firstInvoice);
        if (term == null || issueDate == null || dueDate == null) {
            return Optional.empty();
        }
        LocalDate latest = issueDate.plusDays(term);
        if (!dueDate.isAfter(latest)) {
            return Optional.empty();
        }
        String terms = term == 0 ? "prepayment (due on the issue date)" : term + (term == 1 ? " day" : " days");
        String whose = firstInvoice && firstOrderTermDays != null ? "a new buyer's first invoice goes on "
                : "the terms agreed with the buyer are ";
        return Optional.of(new Violation("dueDate", "must not be after " + latest + ": " + whose + terms));
    }
}
