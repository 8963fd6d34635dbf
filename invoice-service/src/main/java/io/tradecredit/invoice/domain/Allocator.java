package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * How an amount available to a buyer (a payment, or its credit) is spread over its invoices:
 * as the payer said, or oldest first (due date, then issue date, then invoice number). What
 * is not allocated is the rest, which becomes (or stays) buyer credit. This class only plans;
 * the plan is applied with {@link Invoice#allocate}, which checks again under the lock.
 */
public final class Allocator {
    /** Oldest debt first: what a finance person would settle first, and the order auditors expect. */
    public static final Comparator<Invoice> OLDEST_FIRST = Comparator.<Invoice, LocalDate>comparing(i -> i.dueDate)
            .thenComparing(i -> i.issueDate).thenComparing(i -> i.invoiceNumber);

    private Allocator() {
    }

    /** "Put this much on that invoice", as the payer asked. */
    public record Request(UUID invoiceId, Money amount) {
    }

    /** One part of the plan: this much on this invoice. */
    public record Share(Invoice invoice, Money amount) {
    }

    /** The shares, and what is left of the available amount. */
    public record Plan(List<Share> shares, Money rest) {
        public Money allocated(Currency currency) {
            return shares.stream().map(Share::amount).reduce(Money.zero(currency), Money::plus);
        }

        /** The invoices the shares go to, in the order of the shares. */
        public List<Invoice> invoices() {
            return shares.stream().map(Share::invoice).toList();
        }
    }

    /**
     * What is wrong with explicit requests on their own, before any invoice is read: missing
     * ids or amounts, amounts not positive or in another currency, an invoice named twice.
     */
    public static List<Violation> requestViolations(Currency currency, List<Request> requests) {
        List<Violation> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            String at = "allocations[" + i + "]";
            if (r == null) {
                errors.add(new Violation(at, "is empty"));
                continue;
            }
            if (r.invoiceId() == null) {
                errors.add(new Violation(at + ".invoiceId", "is required"));
            } else if (!seen.add(r.invoiceId())) {
                errors.add(new Violation(at + ".invoiceId", "names an invoice already allocated above"));
            }
            if (r.amount() == null) {
                errors.add(new Violation(at + ".amount", "is required"));
            } else if (!r.amount().currency().equals(currency)) {
                errors.add(new Violation(at + ".amount", "must be in " + currency.getCurrencyCode()));
            } else if (!r.amount().isPositive()) {
                errors.add(new Violation(at + ".amount", "must be greater than 0"));
            }
        }
        return errors;
    }

    /**
     * The requests adding up to more than {@code available} (named {@code source}, e.g. "the payment"), named on
     * {@code allocations}; empty when they fit. Only the requests readable on their own are added up
     * ({@link #requestViolations} names the others), so it can be named beside every other fault of the request.
     */
    public static Optional<Violation> exceeding(Money available, String source, List<Request> requests) {
        Money asked = requests.stream().filter(r -> r != null && r.amount() != null
                && r.amount().currency().equals(available.currency()) && r.amount().isPositive())
                .map(Request::amount).reduce(Money.zero(available.currency()), Money::plus);
        return asked.isGreaterThan(available)
                ? Optional.of(new Violation("allocations", "add up to " + asked + ", more than " + source + " of "
                        + available))
                : Optional.empty();
    }

    /**
     * The payer's own allocation of {@code available} (named {@code source} in messages, e.g.
     * "the payment"), judged against the buyer's invoices found by id. Unknown invoice: 404;
     * another buyer's or currency's invoice, or more than available: 400; an invoice closed or
     * with less open than asked: 409. Each error names its field.
     */
    public static Plan explicit(Money available, String source, UUID buyerId, List<Request> requests,
            Map<UUID, Invoice> invoices) {
        List<Violation> errors = requestViolations(available.currency(), requests);
        if (!errors.isEmpty()) {
            throw new DomainError(DomainError.Kind.INVALID, "allocation.invalid", "The allocations are invalid, each problem is named below.", errors);
        }
        Optional<Violation> exceeds = exceeding(available, source, requests);
        if (exceeds.isPresent()) {
            throw DomainError.invalidField("allocation.exceeds-payment", exceeds.get().field(), exceeds.get().message());
        }
        Money asked = requests.stream().map(Request::amount).reduce(Money.zero(available.currency()), Money::plus);
        for (int i = 0; i < requests.size(); i++) {
            if (!invoices.containsKey(requests.get(i).invoiceId())) {
                throw DomainError.notFound("invoice.not-found", "No invoice " + requests.get(i).invoiceId() + " (allocations[" + i
                        + "].invoiceId)");
            }
        }
        List<Violation> conflicts = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            Invoice invoice = invoices.get(r.invoiceId());
            String at = "allocations[" + i + "]";
            if (!invoice.buyerId.equals(buyerId)) {
                errors.add(new Violation(at + ".invoiceId", "invoice " + invoice.invoiceNumber
                        + " is billed to another buyer"));
            } else if (!invoice.currency().equals(available.currency())) {
                errors.add(new Violation(at + ".amount", "invoice " + invoice.invoiceNumber + " is in "
                        + invoice.currency));
            } else if (!invoice.status.isOpen()) {
                conflicts.add(new Violation(at + ".invoiceId", "invoice " + invoice.invoiceNumber + " is "
                        + invoice.status));
            } else if (r.amount().isGreaterThan(invoice.open())) {
                conflicts.add(new Violation(at + ".amount", "invoice " + invoice.invoiceNumber + " has only "
                        + invoice.open() + " open"));
            }
            shares.add(new Share(invoice, r.amount()));
        }
        if (!errors.isEmpty()) {
            throw new DomainError(DomainError.Kind.INVALID, "allocation.does-not-fit", "The allocations do not fit the buyer's invoices, each problem is"
                    + " named below.", errors);
        }
        if (!conflicts.isEmpty()) {
            throw DomainError.conflict("allocation.invoice-cannot-take", "The invoices cannot take these allocations"
                    + " now, each problem is named below.", conflicts);
        }
        return new Plan(shares, available.minus(asked));
    }

    /**
     * Spreads {@code available} over the open invoices in its currency, oldest first, each up to
     * its collectible amount: a disputed part is frozen, so an unallocated payment never settles
     * it (only the payer's explicit allocation may). The rest is what exceeds them all.
     */
    public static Plan oldestFirst(Money available, List<Invoice> invoices) {
        List<Invoice> open = invoices.stream()
                .filter(i -> i.status.isOpen() && i.currency().equals(available.currency())
                        && i.collectible().isPositive())
                .sorted(OLDEST_FIRST).toList();
        List<Share> shares = new ArrayList<>();
        Money left = available;
        for (Invoice invoice : open) {
            if (!left.isPositive()) {
                break;
            }
            Money share = left.min(invoice.collectible());
            shares.add(new Share(invoice, share));
            left = left.minus(share);
        }
        return new Plan(shares, left);
    }
}
