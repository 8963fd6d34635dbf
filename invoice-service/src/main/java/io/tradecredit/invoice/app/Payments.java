package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.domain.Allocation;
import io.tradecredit.invoice.domain.Allocator;
import io.tradecredit.invoice.domain.BuyerCredit;
import io.tradecredit.invoice.domain.CreditMovement;
import io.tradecredit.invoice.domain.IndemnityPayment;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LedgerEntry;
import io.tradecredit.invoice.domain.NewPayment;
import io.tradecredit.invoice.domain.Payer;
import io.tradecredit.invoice.domain.Payment;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.events.PaymentEvents;
import io.tradecredit.invoice.persistence.AllocationRepository;
import io.tradecredit.invoice.persistence.BuyerCreditRepository;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.OpenInvoiceRepository;
import io.tradecredit.invoice.persistence.PaymentRepository;

/**
 * The payment use cases, each in one transaction that locks what it changes (invoices in id
 * order, then the buyer's credit row, then the payment), so concurrent payments against one
 * invoice wait for each other and can never allocate more than is open.
 */
@ApplicationScoped
public class Payments {
    private static final Logger LOG = Logger.getLogger(Payments.class);


    @Inject
    InvoiceRepository invoices;

    @Inject
    Buyers knownBuyers;

    @Inject
    OpenInvoiceRepository openInvoices;

    @Inject
    PaymentRepository payments;

    @Inject
    AllocationRepository allocations;

    @Inject
    BuyerCreditRepository credits;

    @Inject
    AllocationPosting posting;

    @Inject
    PaymentPlans plans;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** A payment with its allocations, as the API shows it. */
    public record PaymentDetails(Payment payment, List<Allocation> allocations) {
    }

    public Uni<PaymentDetails> post(String tenantId, NewPayment p, String by) {
        List<Violation> errors = p.violations(businessZone.latestTodayOnEarth()); // dated today anywhere on earth: not in the future
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(DomainError.invalid(NewPayment.refusalCode(errors),
                    "The payment is incomplete or invalid", errors));
        }
        String currency = p.amount().currencyCode();
        OffsetDateTime at = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> lockTargets(tenantId, p.buyerId(), currency, p.allocations())
                .chain(locked -> credits.lock(tenantId, p.buyerId(), currency, at).chain(credit -> {
                    Allocator.Plan plan = p.explicit()
                            ? Allocator.explicit(p.amount(), "the payment", p.buyerId(), p.allocations(), byId(locked))
                            : Allocator.oldestFirst(p.amount(), locked);
                    Payment payment = Payment.post(tenantId, UUID.randomUUID(), p, plan.rest(), at, by);
                    return persistAndPost(payment, plan, credit,
                            "payment" + (payment.reference == null ? "" : " " + payment.reference), at, by);
                })));
    }

    /**
     * Posts one payment of a claim's indemnity as a payment from the insurer, allocated to the
     * claimed invoices ({@code claimedIds}, the tenant's only: another tenant's id finds nothing)
     * by {@link IndemnityPayment#allocate}. Only what they take is posted ({@link IndemnityPayment#posted}): the
     * rest is the insurer's money, never the buyer's credit (the buyer paid claimed invoices after approval, and
     * insurance-claims-service shares that payment as a recovery). Joins the caller's transaction. Answers empty when
     * this payment was posted before (its id is derived from the claim), so a repeat posts nothing, or when nothing is
     * open on the claimed invoices.
     */
    public Uni<Optional<PaymentDetails>> postFromInsurer(String tenantId, IndemnityPayment indemnity,
            List<UUID> claimedIds) {
        NewPayment p = indemnity.newPayment();
        List<Violation> errors = p.violations(businessZone.latestTodayOnEarth()); // dated today anywhere on earth: not in the future
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(DomainError.invalid("payment.incomplete",
                    "The insurer's payment is incomplete or invalid", errors));
        }
        UUID id = indemnity.paymentId(tenantId);
        OffsetDateTime at = OffsetDateTime.now(clock);
        String by = indemnity.recordedBy();
        return Panache.withTransaction(() -> payments.findOwned(tenantId, id).chain(existing -> existing != null
                ? Uni.createFrom().item(Optional.<PaymentDetails>empty())
                : lockInvoices(tenantId, claimedIds).chain(locked -> credits
                        .lock(tenantId, p.buyerId(), p.amount().currencyCode(), at).chain(credit -> {
                            Allocator.Plan plan = indemnity.allocate(locked);
                            Money posted = indemnity.posted(plan);
                            if (!posted.isPositive()) {
                                LOG.infof("indemnity of claim %s (%s): nothing open on the claimed invoices, nothing"
                                        + " posted; the buyer's payments are shared as recoveries", indemnity.claimId(),
                                        indemnity.amount());
                                return Uni.createFrom().item(Optional.<PaymentDetails>empty());
                            }
                            Payment payment = Payment.fromInsurer(tenantId, id, indemnity.newPayment(posted),
                                    indemnity.amount(), indemnity.insurer(), Money.zero(posted.currency()), at, by);
                            String beyond = plan.rest().isPositive() ? " (" + indemnity.amount() + " paid, "
                                    + plan.rest() + " beyond what was open on the claimed invoices not posted: the"
                                    + " insurer's share of the buyer's payments after approval)" : "";
                            return persistAndPost(payment, plan, credit, "indemnity of claim "
                                    + payment.reference + " from " + indemnity.insurer() + beyond, at, by)
                                    .map(Optional::of);
                        }))));
    }

    private Uni<PaymentDetails> persistAndPost(Payment payment, Allocator.Plan plan, BuyerCredit credit,
            String description, OffsetDateTime at, String by) {
        return payments.persist(payment)
                .chain(() -> posting.post(plan, Allocation.Source.PAYMENT, payment.id, payment.receivedOn, description,
                        at, by))
                .chain(posted -> keepAsCredit(credit, payment, at, by)
                        .chain(() -> payment.payerKind == Payer.Kind.INSURER
                                // settled by the insurer's money: the paid events tell whose money it was
                                ? posting.announceSettledByInsurer(PaymentEvents.received(payment, posted.told(),
                                        credit.balance()), posted.settled(), payment.receivedOn, payment.id)
                                : posting.announce(PaymentEvents.received(payment, posted.told(), credit.balance()),
                                        posted.settled(), payment.receivedOn))
                        // a payment that settles a plan's principal completes it now, not at the next daily run
                        .chain(() -> plans.judgeAfterChangesTo(plan.invoices(), businessZone.today()))
                        .replaceWith(new PaymentDetails(payment, posted.rows())));
    }

    public Uni<PaymentDetails> get(String tenantId, UUID id) {
        return Panache.withSession(() -> payments.findOwned(tenantId, id).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(DomainError.notFound("payment.not-found", "No payment " + id));
            }
            return allocations.ofSource(tenantId, id).map(rows -> new PaymentDetails(p, rows));
        }));
    }

    public Uni<Page<PaymentDetails>> list(String tenantId, UUID buyerId, int page, int size) {
        return Panache.withSession(() -> knownBuyers.requireVisible(tenantId, buyerId)
                .chain(() -> payments.page(tenantId, buyerId, page, size)).chain(found -> allocations
                .ofSources(tenantId, found.items().stream().map(p -> p.id).toList())
                .map(rows -> new Page<>(found.items().stream()
                        .map(p -> new PaymentDetails(p, rows.getOrDefault(p.id, List.of()))).toList(),
                        page, size, found.total()))));
    }

    /**
     * Undoes a payment posted in error: every allocation is taken back (PAYMENT_REVERSAL ledger
     * entries effective on the day the payment was received) and the credit it left is removed. Refused (409) when reversed
     * already or when that credit has been applied since.
     */
    public Uni<PaymentDetails> reverse(String tenantId, UUID id, String reason, String by) {
        LocalDate today = businessZone.today();
        OffsetDateTime at = OffsetDateTime.now(clock);
        // what to lock is read first without loading the payment, so the locked read below is fresh
        return Panache.withTransaction(() -> payments.headerOf(tenantId, id).chain(header -> header
                .map(h -> allocations.ofSource(tenantId, id).chain(rows -> reverseLocked(tenantId, id, h, rows,
                        reason, today, at, by)))
                .orElseGet(() -> Uni.createFrom().failure(DomainError.notFound("payment.not-found", "No payment " + id)))));
    }

    private Uni<PaymentDetails> reverseLocked(String tenantId, UUID id, PaymentRepository.Header h,
            List<Allocation> rows, String reason, LocalDate today, OffsetDateTime at, String by) {
        List<UUID> invoiceIds = rows.stream().map(a -> a.invoiceId).distinct().toList();
        return lockInvoices(tenantId, invoiceIds)
                .chain(locked -> credits.lock(tenantId, h.buyerId(), h.currency(), at)
                        .chain(credit -> payments.lockOwned(tenantId, id)
                                .chain(payment -> undo(payment, rows, byId(locked), credit, reason, today, at, by))))
                .map(payment -> new PaymentDetails(payment, rows));
    }

    private Uni<Payment> undo(Payment payment, List<Allocation> rows, Map<UUID, Invoice> invoicesById,
            BuyerCredit credit, String reason, LocalDate today, OffsetDateTime at, String by) {
        Money creditLeft = payment.creditRemaining();
        payment.reverse(reason, today, by);
        List<InvoiceEvents.Allocation> told = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        for (Allocation a : rows) {
            Invoice invoice = invoicesById.get(a.invoiceId);
            invoice.reverseAllocation(a.amount());
            told.add(new InvoiceEvents.Allocation(invoice.id, invoice.invoiceNumber, a.amount(), invoice.open()));
            // a bounced payment never paid: its reversal takes effect on the day it was received, so
            // balances and late charges see the invoice as if it had never counted
            entries.add(LedgerEntry.of(invoice, LedgerEntry.Kind.PAYMENT_REVERSAL, a.amount().negate(),
                    payment.receivedOn, payment.id, "payment reversed: " + reason, at, by));
        }
        if (creditLeft.isPositive()) {
            credit.withdraw(creditLeft);
        }
        Uni<Void> removeCredit = !creditLeft.isPositive() ? Uni.createFrom().voidItem()
                : credits.save(credit, at).chain(() -> credits.record(new CreditMovement(UUID.randomUUID(),
                        payment.tenantId, payment.buyerId, CreditMovement.Kind.PAYMENT_REVERSED, creditLeft.negate(),
                        credit.balance(), payment.id, today, at, by)));
        return posting.recordAll(entries).chain(() -> removeCredit)
                .chain(() -> outbox.record(PaymentEvents.reversed(payment, told, credit.balance())))
                .replaceWith(payment);
    }

    /** The overpayment becomes buyer credit. */
    private Uni<Void> keepAsCredit(BuyerCredit credit, Payment payment, OffsetDateTime at, String by) {
        if (!payment.unallocated().isPositive()) {
            return Uni.createFrom().voidItem();
        }
        credit.deposit(payment.unallocated());
        return credits.save(credit, at).chain(() -> credits.record(new CreditMovement(UUID.randomUUID(),
                payment.tenantId, payment.buyerId, CreditMovement.Kind.OVERPAYMENT, payment.unallocated(),
                credit.balance(), payment.id, payment.receivedOn, at, by)));
    }

    /** The invoices an allocation may touch, locked: those named, or else all the buyer's open ones. */
    Uni<List<Invoice>> lockTargets(String tenantId, UUID buyerId, String currency, List<Allocator.Request> requests) {
        if (requests == null) {
            return openInvoices.lockOpen(tenantId, buyerId, currency);
        }
        return lockInvoices(tenantId, requests.stream().filter(Objects::nonNull).map(Allocator.Request::invoiceId)
                .filter(Objects::nonNull).distinct().toList());
    }

    Uni<List<Invoice>> lockInvoices(String tenantId, List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : invoices.lockOwned(tenantId, ids);
    }

    static Map<UUID, Invoice> byId(List<Invoice> invoices) {
        return invoices.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
    }
}
