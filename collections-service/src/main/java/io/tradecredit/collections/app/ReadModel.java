package io.tradecredit.collections.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.DunningItem;
import io.tradecredit.collections.domain.PaymentPlanItems;
import io.tradecredit.collections.persistence.ReadModelStore;
import io.tradecredit.common.money.Money;

/**
 * Keeps the read model of what collections-service duns (docs/collections-service.md, "Read
 * model"): the consumers of {@code invoice-events} and {@code credit-events} call it inside the
 * inbox's transaction. It takes amounts as the events state them and decides nothing of
 * invoice-service's or credit-service's rules.
 */
@ApplicationScoped
public class ReadModel {

    /**
     * What an issued invoice tells a letter and the ladder; the seller's party and the buyer's
     * address are null in events published before invoice-service added them.
     */
    public record Issued(UUID invoiceId, UUID buyerId, String invoiceNumber, String purchaseOrderNumber,
            String buyerName, LocalDate issueDate, LocalDate dueDate, Money total, Money open, String paymentTerms,
            Parties parties) {
    }

    /** Both parties as the invoice prints them (any part may be null). */
    public record Parties(String sellerName, String sellerAddress, String sellerTaxId, String sellerBankAccount,
            String buyerAddress) {
        public static final Parties UNKNOWN = new Parties(null, null, null, null, null);
    }

    /**
     * The late charges invoice-service stated for an invoice on {@code asOf} (its
     * {@code late-charges-stated}): interest, fee and their total, and the terms that produced them.
     */
    public record LateChargesStated(UUID invoiceId, LocalDate asOf, Money interest, Money fee, Money total,
            BigDecimal dailyRate, int feeAfterDays, BigDecimal feeRate, String termsSource, String legalBasis) {
    }

    /**
     * An invoice's amounts after an event: the open amount; the collectible amount and due date
     * when the event states them (else null: kept); a final state (PAID, CANCELLED, WRITTEN_OFF)
     * or null.
     */
    public record Amounts(UUID invoiceId, Money open, Money collectible, LocalDate dueDate, String state) {
        public static Amounts open(UUID invoiceId, Money open) {
            return new Amounts(invoiceId, open, null, null, null);
        }
    }

    /** An instalment of an agreed plan; {@code principal} is null in events that do not state it (interest-free plans: the amount). */
    public record Instalment(int number, LocalDate dueDate, Money amount, Money principal) {
    }

    @Inject
    ReadModelStore store;

    @Inject
    Clock clock;

    public Uni<Void> issued(String tenantId, Issued i) {
        return store.issued(tenantId, i.invoiceId(), i.buyerId(), i.invoiceNumber(), i.purchaseOrderNumber(),
                i.buyerName(), i.total().currencyCode(), i.total().amount(), i.open().amount(), i.issueDate(),
                i.dueDate(), i.paymentTerms(), new String[] {i.parties().sellerName(), i.parties().sellerAddress(),
                        i.parties().sellerTaxId(), i.parties().sellerBankAccount()}, i.parties().buyerAddress(), now());
    }

    /** Keeps the latest statement of an invoice's late charges; an older one than kept changes nothing. */
    public Uni<Void> lateChargesStated(String tenantId, LateChargesStated c) {
        return store.lateCharges(tenantId, c.invoiceId(), c.asOf(), c.interest().amount(), c.fee().amount(),
                c.total().amount(), c.dailyRate(), c.feeAfterDays(), c.feeRate(), c.termsSource(), c.legalBasis(),
                now());
    }

    /**
     * Applies each change in order (a payment's allocations: one per invoice), then what each instalment of an agreed
     * plan over any of the invoices owes now.
     */
    public Uni<Void> amounts(String tenantId, List<Amounts> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Amounts a : changes) {
            chain = chain.chain(() -> store.amounts(tenantId, a.invoiceId(), a.open().amount(),
                    a.collectible() == null ? null : a.collectible().amount(), a.dueDate(), a.state(), now()));
        }
        return chain.chain(() -> instalmentsOwing(tenantId, changes.stream().map(Amounts::invoiceId).toArray(UUID[]::new)));
    }

    /**
     * Keeps {@code plan_instalment.open_amount} of the agreed plans over {@code invoiceIds}: what each instalment owes,
     * as {@link PaymentPlanItems} makes the run's items (its principal less the plan's payments, paid in instalment
     * order). The worklist ranks a buyer keeping a plan by it (docs/collections-service.md, "Worklist paging").
     */
    Uni<Void> instalmentsOwing(String tenantId, UUID[] invoiceIds) {
        return store.agreedPlansOf(tenantId, invoiceIds).chain(plans -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReadModelStore.AgreedPlan p : plans) {
                PaymentPlanItems.Plan plan = BuyerDay.plan(p.plan(), p.currency());
                var currency = plan.principal().currency();
                List<DunningItem> invoices = p.invoices().stream().map(i -> new DunningItem(i.invoiceId().toString(),
                        i.dueDate(), Money.rounded(i.open(), currency), Money.rounded(i.disputed(), currency), true, null,
                        Set.of())).toList();
                Map<Integer, BigDecimal> owes = new TreeMap<>();
                // no open invoice left: the plan's principal is paid (or credited), no instalment owes anything
                plan.instalments().forEach(i -> owes.put(i.number(), BigDecimal.ZERO));
                Map<String, Money> released = new HashMap<>();
                p.invoices().forEach(i -> released.put(i.invoiceId().toString(), Money.rounded(i.releasedBesidePlan(), currency)));
                PaymentPlanItems.itemsOf(plan, invoices, Map.of(), released).stream().filter(i -> i.instalment() != null)
                        .forEach(i -> owes.put(i.instalment().number(), i.collectible().amount()));
                chain = chain.chain(() -> store.instalmentsOwe(tenantId, p.plan().planId(),
                        owes.keySet().toArray(Integer[]::new), owes.values().toArray(BigDecimal[]::new)));
            }
            return chain;
        });
    }

    /**
     * A dispute of {@code disputed} on the invoice was resolved, {@code credited} of it upheld (null: none): what of it
     * was frozen when the invoice's agreed plan was agreed is owed beside the plan from now on.
     */
    public Uni<Void> disputeResolved(String tenantId, UUID invoiceId, Money disputed, Money credited) {
        return store.disputeResolved(tenantId, invoiceId, disputed.amount(),
                credited == null ? BigDecimal.ZERO : credited.amount());
    }

    public Uni<Void> planAgreed(String tenantId, UUID planId, UUID buyerId, List<UUID> invoiceIds, Money principal,
            List<Instalment> instalments) {
        Uni<Void> chain = store.planAgreed(tenantId, planId, buyerId, invoiceIds.toArray(UUID[]::new),
                principal.amount(), now());
        for (Instalment i : instalments) {
            chain = chain.chain(() -> store.instalment(tenantId, planId, i.number(), i.dueDate(),
                    i.amount().currencyCode(), i.amount().amount(), i.principal() == null ? null : i.principal().amount()));
        }
        return chain.chain(() -> instalmentsOwing(tenantId, invoiceIds.toArray(UUID[]::new)));
    }

    public Uni<Void> instalmentMissed(String tenantId, UUID planId, int number) {
        return store.instalmentMissed(tenantId, planId, number);
    }

    /** The plan broke on {@code brokenOn} (the event's {@code asOf}): its invoices' ladder counts from that day. */
    public Uni<Void> planBroken(String tenantId, UUID planId, LocalDate brokenOn) {
        return store.planEnded(tenantId, planId, "BROKEN", brokenOn, now());
    }

    /**
     * The plan's principal was settled on {@code completedOn}: its schedule is no longer followed, and an invoice of it
     * that opens again (a bounced payment) is dunned from that day, as a broken plan's remainder.
     */
    public Uni<Void> planCompleted(String tenantId, UUID planId, LocalDate completedOn) {
        return store.planEnded(tenantId, planId, "COMPLETED", completedOn, now());
    }

    public Uni<Void> buyerRegistered(String tenantId, UUID buyerId, String name, String country,
            String registrationNumber, String taxId) {
        return store.buyerRegistered(tenantId, buyerId, name, country, registrationNumber, taxId, now());
    }

    public Uni<Void> buyerGraded(String tenantId, UUID buyerId, int grade) {
        return store.buyerGraded(tenantId, buyerId, grade, now());
    }

    /**
     * Blocked or unblocked by credit-service; {@code reason} is the block's (null when lifted), {@code insolvent} whether
     * it blocked for an insolvency filing.
     */
    public Uni<Void> buyerBlocked(String tenantId, UUID buyerId, String name, boolean blocked, String reason,
            boolean insolvent) {
        return store.buyerBlocked(tenantId, buyerId, name, blocked, reason, insolvent, now());
    }

    /** An insolvency claim was opened on the buyer; it counts until {@link #insolvencyClaimEnded}. */
    public Uni<Void> insolvencyClaimOpened(String tenantId, UUID claimId, UUID buyerId) {
        return store.insolvencyClaimOpened(tenantId, claimId, buyerId, now());
    }

    /** The claim was rejected or withdrawn: it says nothing of the buyer any more (no row: nothing happens). */
    public Uni<Void> insolvencyClaimEnded(String tenantId, UUID claimId) {
        return store.insolvencyClaimEnded(tenantId, claimId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
