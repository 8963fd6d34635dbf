package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.domain.Allocation;
import io.tradecredit.invoice.domain.Allocator;
import io.tradecredit.invoice.domain.CreditMovement;
import io.tradecredit.invoice.domain.CreditSource;
import io.tradecredit.invoice.domain.Payment;
import io.tradecredit.invoice.events.PaymentEvents;
import io.tradecredit.invoice.persistence.BuyerCreditRepository;
import io.tradecredit.invoice.persistence.CreditNoteRepository;
import io.tradecredit.invoice.persistence.OpenInvoiceRepository;
import io.tradecredit.invoice.persistence.PaymentRepository;

/**
 * A buyer's credit, from overpayments and from the paid part of upheld disputes' credit notes: its statement, and applying it to invoices (explicitly or
 * oldest first). Applying takes the same locks as a payment, in the same order.
 */
@ApplicationScoped
public class BuyerCredits {
    @Inject
    Payments payments;

    @Inject
    PaymentRepository paymentRepository;

    @Inject
    OpenInvoiceRepository openInvoices;

    @Inject
    BuyerCreditRepository credits;

    @Inject
    CreditNoteRepository notes;

    @Inject
    AllocationPosting posting;

    @Inject
    PaymentPlans plans;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** Balances per currency and the movements that made them. */
    public record Statement(UUID buyerId, List<Money> balances, Page<CreditMovement> movements) {
    }

    /** What one application of credit did. */
    public record Application(UUID id, UUID buyerId, Money amount, LocalDate appliedOn, List<Allocation> allocations,
            Money balanceAfter) {
    }

    public Uni<Statement> statement(String tenantId, UUID buyerId, int page, int size) {
        return Panache.withSession(() -> requireKnown(tenantId, buyerId)
                .chain(() -> credits.balances(tenantId, buyerId))
                .chain(balances -> credits.movements(tenantId, buyerId, page, size)
                        .map(movements -> new Statement(buyerId, balances, movements))));
    }

    /**
     * Applies the buyer's credit in {@code currencyCode} to its invoices: as {@code requests} say,
     * or (null) oldest first until the credit or the open invoices run out. The credit is taken
     * from its oldest sources first ({@link CreditSource}), which decides which payments can still be reversed.
     */
    public Uni<Application> apply(String tenantId, UUID buyerId, String currencyCode, List<Allocator.Request> requests,
            String by) {
        Currency currency;
        try {
            currency = Money.currencyOf(currencyCode);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(DomainError.invalidField("buyer-credit.currency-invalid", "currency",
                    currencyCode == null ? "is required" : "is not an ISO 4217 currency code"));
        }
        if (requests != null && requests.isEmpty()) {
            return Uni.createFrom().failure(DomainError.invalidField("buyer-credit.no-invoices-named", "allocations",
                    "must name at least one invoice, or be left out to apply the credit oldest first"));
        }
        List<Violation> errors = requests == null ? List.of() : Allocator.requestViolations(currency, requests);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new DomainError(DomainError.Kind.INVALID, "allocation.invalid", "The allocations are invalid, each problem is"
                    + " named below.", errors));
        }
        String code = currency.getCurrencyCode();
        LocalDate today = businessZone.today();
        OffsetDateTime at = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> requireKnown(tenantId, buyerId)
                .chain(() -> payments.lockTargets(tenantId, buyerId, code, requests))
                .chain(locked -> credits.lock(tenantId, buyerId, code, at).chain(credit -> {
                    if (!credit.balance().isPositive()) {
                        throw DomainError.conflict("buyer-credit.none-in-currency", "Buyer " + buyerId + " has no credit in " + code);
                    }
                    Allocator.Plan plan = requests != null
                            ? Allocator.explicit(credit.balance(), "the buyer's credit", buyerId, requests,
                                    Payments.byId(locked))
                            : Allocator.oldestFirst(credit.balance(), locked);
                    if (plan.shares().isEmpty()) {
                        throw DomainError.conflict("buyer-credit.no-open-invoices", "Buyer " + buyerId + " has no open invoices in " + code
                                + " to apply its credit to");
                    }
                    UUID id = UUID.randomUUID();
                    Money amount = plan.allocated(currency);
                    credit.withdraw(amount);
                    return posting.post(plan, Allocation.Source.CREDIT_APPLICATION, id, today, "buyer credit applied",
                            at, by)
                            .chain(posted -> paymentRepository.withCreditLeft(tenantId, buyerId, code)
                                    .chain(paid -> spendCredit(tenantId, buyerId, code, paid, amount))
                                    .chain(() -> credits.save(credit, at))
                                    .chain(() -> credits.record(new CreditMovement(id, tenantId, buyerId,
                                            CreditMovement.Kind.APPLIED, amount.negate(), credit.balance(), id, today,
                                            at, by)))
                                    .chain(() -> posting.announce(PaymentEvents.creditApplied(tenantId, id, buyerId,
                                            amount, today, posted.told(), credit.balance()), posted.settled(), today))
                                    .chain(() -> plans.judgeAfterChangesTo(plan.invoices(), today))
                                    .replaceWith(new Application(id, buyerId, amount, today, posted.rows(),
                                            credit.balance())));
                })));
    }

    /**
     * Takes {@code amount} from the sources of the buyer's credit, oldest first: the payments given
     * (loaded, changed at flush) and the credit notes of upheld disputes.
     */
    private Uni<Void> spendCredit(String tenantId, UUID buyerId, String currency, List<Payment> paid, Money amount) {
        return notes.withCreditLeft(tenantId, buyerId, currency).chain(noted -> {
            Map<UUID, Payment> paymentsById = paid.stream().collect(Collectors.toMap(p -> p.id, p -> p));
            List<CreditSource> sources = Stream.concat(paid.stream().map(CreditSource::of), noted.stream()).toList();
            Uni<Void> done = Uni.createFrom().voidItem();
            for (CreditSource.Spent s : CreditSource.spend(sources, amount)) {
                if (s.source().kind() == CreditSource.Kind.PAYMENT) {
                    paymentsById.get(s.source().id()).spendCredit(s.amount());
                } else {
                    done = done.chain(() -> notes.spendCredit(tenantId, s.source().id(), s.amount()));
                }
            }
            return done;
        });
    }

    /** A buyer this tenant never invoiced nor received money from is not known here (404). */
    private Uni<Void> requireKnown(String tenantId, UUID buyerId) {
        return openInvoices.anyOfBuyer(tenantId, buyerId)
                .chain(invoiced -> invoiced ? Uni.createFrom().item(true) : paymentRepository.anyOfBuyer(tenantId, buyerId))
                .invoke(known -> {
                    if (!known) {
                        throw DomainError.notFound("buyer.not-found", "No buyer " + buyerId + " in this tenant's ledger");
                    }
                }).replaceWithVoid();
    }
}
