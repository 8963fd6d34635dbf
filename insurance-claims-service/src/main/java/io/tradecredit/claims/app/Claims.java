package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.BuyerTenancy;
import io.tradecredit.claims.domain.Claim;
import io.tradecredit.claims.domain.ClaimEntry;
import io.tradecredit.claims.domain.ClaimState;
import io.tradecredit.claims.domain.ClaimTrigger;
import io.tradecredit.claims.domain.ClaimedInvoice;
import io.tradecredit.claims.domain.Deductible;
import io.tradecredit.claims.domain.Indemnity;
import io.tradecredit.claims.domain.InsolvencyClaim;
import io.tradecredit.claims.domain.InsuredExposure;
import io.tradecredit.claims.domain.InsuredLimit;
import io.tradecredit.claims.domain.LadderClaim;
import io.tradecredit.claims.domain.LedgerNews;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.PolicyTerms;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.claims.domain.PolicyYear;
import io.tradecredit.claims.domain.ProtractedDefault;
import io.tradecredit.claims.domain.RecoveryShare;
import io.tradecredit.claims.events.ClaimEvents;
import io.tradecredit.claims.persistence.BuyerRepository;
import io.tradecredit.claims.persistence.ClaimRepository;
import io.tradecredit.claims.persistence.OverdueNotificationRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Claims by hand, at once on a buyer's insolvency signal from {@code credit-events}, or after a protracted
 * default's waiting period (app.ProtractedDefaults): opened with the buyer's unpaid insured invoices, moved through their states with
 * who and when, approved with the indemnity computed from the policy and the buyer's insured limit,
 * paid (in parts) by the insurer, and recoveries after indemnity shared. Each step is published on
 * {@code claim-events} in the transaction that records it.
 */
@ApplicationScoped
public class Claims {
    /** Who opened a claim the service opened by itself on a signal, in the claim's log and event. */
    static final String SIGNALS = "insurance-claims-service";
    /** Who changed a claim's amounts through an invoice event, in the claim's log and event. */
    static final String LEDGER = "invoice-service";
    /** The reason of a claim withdrawn because the buyer paid every claimed invoice before approval. */
    static final String SETTLED = "settled by the buyer: every claimed invoice was paid before the insurer decided,"
            + " nothing to claim";

    private static final Logger LOG = Logger.getLogger(Claims.class);

    @Inject
    Exposures exposures;

    @Inject
    ClaimRepository claims;

    @Inject
    BuyerRepository buyers;

    @Inject
    Policies policies;

    @Inject
    InsuredLimits limits;

    @Inject
    OverdueNotificationRepository notifications;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    @Inject
    MeterRegistry metrics;

    /** A claim with its log. */
    public record ClaimFile(Claim claim, List<ClaimEntry> log) {
    }

    /**
     * A new draft claim under the tenant's policy (404 for another tenant's policy) of one of the tenant's buyers (400 naming
     * buyerId for another tenant's, common.domain.BuyerTenancy), asking of no invoice more than the ledger has open of it, nor naming one otherwise than the ledger, nor another buyer's invoice by id or number (400,
     * domain.Claim#withinLedger), none of whose invoices another claim holds (409, domain.Claim#claimingNothingHeld).
     */
    public Uni<Claim> open(String tenantId, UUID policyId, UUID buyerId, String buyerName, Claim.Cause cause,
            List<ClaimedInvoice> invoices, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = businessZone.dateOf(now);
        return CurrentTransaction.run(() -> policies.current(tenantId, policyId).chain(policy -> {
            Claim c = Claim.open(policyId, policy.terms().currency(), buyerId, buyerName, cause, invoices, today, by);
            return buyers.tenantsOf(buyerId)
                    .invoke(known -> BuyerTenancy.ensureOfTenant("claim.invalid", tenantId, buyerId, known))
                    .chain(() -> exposures.invoicesOf(tenantId, buyerId, c.invoices().stream()
                            .map(ClaimedInvoice::invoiceId).filter(Objects::nonNull).toList(), c.invoices().stream()
                            .map(ClaimedInvoice::invoiceNumber).toList())).map(c::withinLedger)
                    .chain(() -> claims.held(tenantId, policyId, buyerId)).chain(held -> record(tenantId,
                            c.claimingNothingHeld(held), policy.terms(), ClaimTrigger.MANUAL, null, now));
        }));
    }

    /**
     * credit-service blocked the buyer for insolvency ({@code signalId}): under each of the tenant's policies in
     * force today where the buyer has insured unpaid invoices, a draft claim at once of the unpaid invoices
     * delivered under cover, whole (domain.InsuredExposure#claimable: the limit caps the loss at approval), once per policy, buyer and signal however often the signal arrives.
     * The service's own drafts of the buyer under the policy are replaced: withdrawn with the reason, their invoices
     * claimed anew; an invoice another claim holds (open or paid) is left out (domain.InsolvencyClaim). A buyer with nothing
     * insured left to claim opens nothing (logged). Runs in the consumer's transaction; answers how many claims it opened.
     */
    public Uni<Integer> openOnInsolvency(String tenantId, UUID buyerId, String buyerName, UUID signalId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = businessZone.dateOf(now);
        return policies.list(tenantId, today).chain(all -> Multi.createFrom()
                .iterable(all.stream().filter(p -> !p.effectiveFrom().isAfter(today)).toList()).onItem()
                .transformToUniAndConcatenate(p -> claims.draftsForChange(tenantId, p.policyId(), buyerId)
                        .map(drafts -> drafts.stream().filter(d -> InsolvencyClaim.replaces(d, SIGNALS)).toList())
                        .chain(replaced -> exposures.of(tenantId, p.policyId(), buyerId, today)
                                .chain(x -> claims.held(tenantId, p.policyId(), buyerId,
                                        replaced.stream().map(Claim::id).toList())
                                        .map(held -> InsolvencyClaim.invoices(x, held)))
                                .chain(insured -> {
                                    if (insured.isEmpty()) {
                                        LOG.infof("insolvency of buyer %s (signal %s): no insured unpaid invoices outside"
                                                + " an open claim under policy %s of tenant %s, no claim", buyerId,
                                                signalId, p.policyId(), tenantId);
                                        return Uni.createFrom().item(0);
                                    }
                                    List<Claim> parts = Claim.openSplit(p.policyId(), p.terms().currency(), buyerId,
                                            buyerName, Claim.Cause.INSOLVENCY, insured, today, SIGNALS, signalId);
                                    return claims.claimOnce(tenantId, parts.get(0), signalId, ClaimTrigger.INSOLVENCY, now)
                                            .chain(first -> !first ? Uni.createFrom().item(0)
                                                    : withdraw(tenantId, replaced, p.terms(),
                                                            InsolvencyClaim.withdrawalNote(signalId), now)
                                                            .chain(() -> recordAll(tenantId, parts, p.terms(),
                                                                    ClaimTrigger.INSOLVENCY, signalId, now)));
                                })))
                .collect().asList().map(opened -> opened.stream().mapToInt(Integer::intValue).sum()));
    }

    /** Drafts withdrawn by the service with {@code note}: state, log and claim-withdrawn, as a tenant's withdrawal. */
    private Uni<Void> withdraw(String tenantId, List<Claim> drafts, PolicyTerms terms, String note, OffsetDateTime now) {
        LocalDate today = businessZone.dateOf(now);
        return Multi.createFrom().iterable(drafts).onItem().transformToUniAndConcatenate(before -> {
            Claim after = before.moveTo(ClaimState.WITHDRAWN);
            return claims.update(tenantId, after)
                    .chain(() -> claims.log(after.id(), ClaimEntry.move(before.state(), after.state(), today, now,
                            SIGNALS, note)))
                    .chain(() -> publishMove(tenantId, after, after.state(), terms, note, today, SIGNALS));
        }).collect().asList().replaceWithVoid();
    }

    /**
     * A protracted default outlasted the policy's waiting period (domain.ProtractedDefault): a draft claim of cause
     * PROTRACTED_DEFAULT opened on {@code asOf}, once per policy, buyer and trigger day ({@code claim_signal}).
     * Runs in the caller's transaction; answers whether it opened the claim.
     */
    public Uni<Boolean> openOnProtractedDefault(String tenantId, PolicyVersion policy, UUID buyerId, String buyerName,
            ProtractedDefault d, LocalDate asOf) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID signalId = d.signalId(policy.policyId(), buyerId);
        List<Claim> parts = Claim.openSplit(policy.policyId(), policy.terms().currency(), buyerId, buyerName,
                Claim.Cause.PROTRACTED_DEFAULT, d.invoices(), asOf, SIGNALS, signalId);
        return openOnce(tenantId, parts, policy.terms(), ClaimTrigger.PROTRACTED_DEFAULT, signalId, now)
                .map(opened -> opened > 0);
    }

    /**
     * The dunning ladder's claim trigger under {@code policy} (domain.LadderClaim): a draft claim of cause
     * PROTRACTED_DEFAULT of {@code invoices}, opened on {@code runDate}, once per policy, buyer and run date
     * ({@code claim_signal}). Runs in the caller's transaction; answers whether it opened the claim.
     */
    public Uni<Boolean> openOnLadder(String tenantId, PolicyVersion policy, UUID buyerId, String buyerName,
            List<ClaimedInvoice> invoices, LocalDate runDate) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID signalId = LadderClaim.signalId(policy.policyId(), buyerId, runDate);
        List<Claim> parts = Claim.openSplit(policy.policyId(), policy.terms().currency(), buyerId, buyerName,
                Claim.Cause.PROTRACTED_DEFAULT, invoices, runDate, SIGNALS, signalId);
        return openOnce(tenantId, parts, policy.terms(), ClaimTrigger.DUNNING_LADDER, signalId, now)
                .map(opened -> opened > 0);
    }

    /**
     * The claims of one signal (one, or the parts of a split, Claim#openSplit) opened once: the signal's place is
     * taken under the first part, and when it was free every part is recorded with its claim-opened. Answers how
     * many claims were opened.
     */
    private Uni<Integer> openOnce(String tenantId, List<Claim> parts, PolicyTerms terms, ClaimTrigger trigger,
            UUID signalId, OffsetDateTime now) {
        return claims.claimOnce(tenantId, parts.get(0), signalId, trigger, now).chain(first -> !first
                ? Uni.createFrom().item(0) : recordAll(tenantId, parts, terms, trigger, signalId, now));
    }

    /** Every part recorded with its claim-opened; answers how many. */
    private Uni<Integer> recordAll(String tenantId, List<Claim> parts, PolicyTerms terms, ClaimTrigger trigger,
            UUID signalId, OffsetDateTime now) {
        return Multi.createFrom().iterable(parts).onItem()
                .transformToUniAndConcatenate(c -> record(tenantId, c, terms, trigger, signalId, now)).collect()
                .asList().map(List::size);
    }

    private Uni<Claim> record(String tenantId, Claim c, PolicyTerms terms, ClaimTrigger trigger, UUID signalId,
            OffsetDateTime now) {
        return claims.create(tenantId, c)
                .chain(() -> claims.log(c.id(), ClaimEntry.move(null, ClaimState.DRAFT, c.openedOn(), now, c.openedBy(),
                        null)))
                .chain(() -> outbox.record(ClaimEvents.opened(tenantId, c, terms, trigger, signalId)))
                .chain(() -> c.cause() == Claim.Cause.INSOLVENCY
                        ? outbox.record(ClaimEvents.stopDeliveriesOnInsolvency(tenantId, c, terms))
                        : Uni.createFrom().voidItem())
                .replaceWith(c);
    }

    public Uni<ClaimFile> find(String tenantId, UUID id) {
        return CurrentTransaction.run(() -> claim(tenantId, id)
                .chain(c -> claims.entries(id, c.indemnityPaid().currencyCode()).map(log -> new ClaimFile(c, log))));
    }

    /** One page of the tenant's claims (optionally in one state), newest first, and how many there are. */
    public Uni<io.tradecredit.common.api.Page<Claim>> list(String tenantId, ClaimState state, int page, int size) {
        return CurrentTransaction.run(() -> claims.list(tenantId, state, page, size).chain(items -> claims
                .count(tenantId, state).map(total -> new io.tradecredit.common.api.Page<>(items, page, size, total))));
    }

    /**
     * Moves the claim to {@code to} by the state rule (409 otherwise). Approval computes the indemnity:
     * the claim's unpaid amount capped by what the insured limits cover of it, each invoice under the limit in force on
     * its issue day (less what the split loss's other approved parts already capped under it; the limit of the day the
     * claim was opened reported beside it), the deductible
     * and insured percentage of the policy in force on the claim's day (less what the claims of its policy year kept of a
     * first loss, or the split loss's other parts of a per-claim deductible). A rejection needs a reason.
     */
    public Uni<Claim> move(String tenantId, UUID id, ClaimState to, String note, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = businessZone.dateOf(now);
        try {
            Claim.checkMove(to, note);
        } catch (DomainError e) {
            return Uni.createFrom().failure(e);
        }
        return CurrentTransaction.run(() -> claimToChange(tenantId, id).chain(before -> policies.current(tenantId, before.policyId())
                .chain(policy -> (to == ClaimState.APPROVED ? approve(tenantId, before, today)
                        : to == ClaimState.SUBMITTED ? submit(tenantId, before, today)
                        : Uni.createFrom().item(before.moveTo(to)))
                        .chain(after -> claims.update(tenantId, after)
                                .chain(() -> claims.log(id, ClaimEntry.move(before.state(), after.state(), today, now, by,
                                        after.settledAtNothing() ? settledNote(note) : note)))
                                .chain(() -> publishMove(tenantId, after, to, policy.terms(), note, today, by))
                                .chain(() -> after.settledAtNothing() ? outbox.record(ClaimEvents.indemnityPaid(tenantId,
                                        after, policy.terms(), Money.zero(policy.terms().currency()), today, by))
                                        : Uni.createFrom().voidItem())
                                .replaceWith(after)))));
    }

    /**
     * The log's note of a claim approved at an indemnity of 0 and settled at once (Claim#approve); its
     * indemnity-paid of 0, fully paid, is what has invoice-service write off the claimed invoices.
     */
    private static String settledNote(String note) {
        String settled = "approved at an indemnity of 0: nothing to pay, settled at once";
        return note == null || note.isBlank() ? settled : note + " (" + settled + ")";
    }

    /** The insurer paid {@code amount} of the indemnity on {@code paidOn} (today when null). */
    public Uni<Claim> pay(String tenantId, UUID id, Money amount, LocalDate paidOn, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = businessZone.dateOf(now);
        return CurrentTransaction.run(() -> claimToChange(tenantId, id).chain(before -> policies.current(tenantId, before.policyId())
                .chain(policy -> {
                    LocalDate on = before.moneyOn("paidOn", amount, paidOn, today);
                    Claim paid = before.pay(amount);
                    ClaimEntry entry = new ClaimEntry(ClaimEntry.Kind.PAYMENT, before.state(), paid.state(), amount, null,
                            null, on, now, by, null);
                    // the recoveries shared while the claim was partly paid, at the indemnity paid now
                    Optional<Claim.Recovery> reshared = paid.reshared();
                    Claim borne = reshared.map(Claim.Recovery::claim).orElse(paid);
                    // what the buyer paid after approval is shared once the indemnity is paid
                    Optional<Claim.Recovery> shared = borne.shareReceived();
                    Claim after = shared.map(Claim.Recovery::claim).orElse(borne);
                    return claims.update(tenantId, after).chain(() -> claims.log(id, entry))
                            .chain(() -> outbox.record(ClaimEvents.indemnityPaid(tenantId, after, policy.terms(), amount,
                                    on, by)))
                            .chain(() -> reshared.isEmpty() ? Uni.createFrom().voidItem()
                                    : recordShare(tenantId, borne, reshared.get().share(), policy.terms(), on, now, SIGNALS,
                                            "the recoveries shared while the claim was partly paid, shared again now "
                                                    + paid.indemnityPaid().amountText() + " of the indemnity is paid", null))
                            .chain(() -> shared.isEmpty() ? Uni.createFrom().voidItem()
                                    : recordShare(tenantId, after, shared.get().share(), policy.terms(), on, later(now),
                                            SIGNALS, "paid by the buyer after approval, shared now the indemnity is paid",
                                            null))
                            .replaceWith(after);
                })));
    }

    /**
     * {@code amount} was recovered from the buyer on {@code receivedOn} (today when null), outside the ledger; shared and
     * published. Refused while the read model has a claimed invoice open (domain.Claim#recover).
     */
    public Uni<Claim.Recovery> recover(String tenantId, UUID id, Money amount, LocalDate receivedOn, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = businessZone.dateOf(now);
        return CurrentTransaction.run(() -> claimToChange(tenantId, id).chain(before -> exposures
                .invoicesOf(tenantId, before.buyerId()).chain(ledger -> policies.current(tenantId, before.policyId())
                .chain(policy -> {
                    LocalDate on = before.moneyOn("receivedOn", amount, receivedOn, today);
                    Claim.Recovery r = before.recover(amount, before.openIn(ledger));
                    ClaimEntry entry = new ClaimEntry(ClaimEntry.Kind.RECOVERY, null, null, amount, r.share().toInsurer(),
                            r.share().toTenant(), on, now, by, null);
                    return claims.update(tenantId, r.claim()).chain(() -> claims.log(id, entry))
                            .chain(() -> outbox.record(ClaimEvents.recoveryShared(tenantId, r.claim(), policy.terms(),
                                    r.share(), on, by)))
                            .replaceWith(r);
                }))));
    }

    /** News of the ledger for a tenant's claims (messaging.InvoiceEventConsumer). */
    public record Told(String tenantId, LedgerNews news) {
    }

    /**
     * The ledger's news of invoices (messaging.InvoiceEventConsumer, in the consumer's transaction, once per event
     * by the inbox, after the read model took the poll's events), in the order told: each claim holding the invoice
     * takes it by domain.Claim#ledgerSays. Before approval the invoice's unpaid amount follows what is open (logged
     * AMENDED with the event id, claim-amended), and a claim the buyer paid in full ends withdrawn, settled by the buyer
     * (claim-withdrawn); after approval the buyer's money is kept (logged RECEIVED) and shared as a recovery once the
     * claim is paid (recovery-shared), and a reversal takes back what its payment brought. The claims holding the
     * invoices are found with one statement for all the news (a poll's), not one per payment.
     */
    public Uni<Void> ledgerSays(List<Told> told) {
        if (told.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = businessZone.dateOf(now);
        List<ClaimRepository.TenantInvoice> wanted = told.stream()
                .map(t -> new ClaimRepository.TenantInvoice(t.tenantId(), t.news().invoiceId())).distinct().toList();
        metrics.counter("tradecredit.claims.ledger.lookups").increment();
        return claims.holding(wanted).chain(held -> Multi.createFrom().iterable(told).onItem()
                .transformToUniAndConcatenate(t -> Multi.createFrom().iterable(held.getOrDefault(
                        new ClaimRepository.TenantInvoice(t.tenantId(), t.news().invoiceId()), List.of())).onItem()
                        .transformToUniAndConcatenate(l -> took(t.tenantId(), l, t.news(), today, now))
                        .collect().last())
                .collect().last().replaceWithVoid());
    }

    /** One claim's line holding the news' invoice takes the news (domain.Claim#ledgerSays). */
    private Uni<Void> took(String tenantId, ClaimRepository.HeldLine l, LedgerNews news, LocalDate today,
            OffsetDateTime now) {
        return claimToChange(tenantId, l.claimId()).chain(before -> {
            Money claimed = Money.rounded(l.claimed(), before.indemnityPaid().currency());
            return brought(before, news).chain(brought -> {
                Optional<Claim.LedgerEffect> effect = before.ledgerSays(l.line(), claimed, news, brought);
                return effect.isEmpty() ? Uni.createFrom().voidItem()
                        : policies.current(tenantId, before.policyId()).chain(policy -> took(tenantId, before,
                                effect.get(), claimed, news, policy.terms(), today, now));
            });
        });
    }

    /**
     * What the news' payment brought to the claim after approval (its RECEIVED lines), read only for a reversal after
     * approval: what it may take back (domain.Claim#ledgerSays).
     */
    private Uni<Money> brought(Claim c, LedgerNews news) {
        Money zero = Money.zero(c.indemnityPaid().currency());
        return c.followsLedger() || !news.paid().isNegative() || news.paymentId() == null ? Uni.createFrom().item(zero)
                : claims.receivedWith(c.id(), news.paymentId(), c.indemnityPaid().currencyCode());
    }

    private Uni<Void> took(String tenantId, Claim before, Claim.LedgerEffect e, Money claimed, LedgerNews news,
            PolicyTerms terms, LocalDate today, OffsetDateTime now) {
        Claim after = e.claim();
        String invoice = e.before().invoiceNumber() + ": " + news.what() + " (event " + news.eventId() + ")";
        if (!before.followsLedger()) {
            boolean reversal = e.received().isNegative();
            String note = invoice + (reversal ? ", a payment of the buyer's reversed after approval: "
                    + e.received().negate().amountText() + " of what it brought taken back"
                    + (e.shared() == null ? " from what is kept to share" : ", what was shared shared back")
                    : ", paid by the buyer after approval"
                    + (after.state() == ClaimState.PAID ? "" : ", kept to share as a recovery once the indemnity is paid"));
            ClaimEntry received = new ClaimEntry(ClaimEntry.Kind.RECEIVED, null, null, e.received(), null, null, today, now,
                    LEDGER, note, news.eventId());
            return claims.update(tenantId, after).chain(() -> claims.log(after.id(), received, news.paymentId()))
                    .chain(() -> e.shared() == null ? Uni.createFrom().voidItem()
                            : recordShare(tenantId, after, e.shared(), terms, today, now, LEDGER, reversal
                                    ? "a payment of the buyer's shared before was reversed: the share undone"
                                    : "paid by the buyer after the indemnity was paid", news.eventId()));
        }
        String note = invoice + ", unpaid " + e.before().unpaidAmount().amountText() + " → "
                + e.after().unpaidAmount().amountText() + " (claimed " + claimed.amountText() + ")";
        ClaimEntry amended = new ClaimEntry(ClaimEntry.Kind.AMENDED, null, null, e.after().unpaidAmount(), null, null,
                today, now, LEDGER, note, news.eventId());
        Uni<Void> recorded = claims.updateInvoices(after).chain(() -> claims.log(after.id(), amended))
                .chain(() -> outbox.record(ClaimEvents.amended(tenantId, after, terms, e, claimed, news, today, LEDGER)));
        if (!after.paidByTheBuyer()) {
            return recorded;
        }
        Claim ended = after.settledByTheBuyer();
        return recorded.chain(() -> claims.update(tenantId, ended))
                .chain(() -> claims.log(ended.id(), ClaimEntry.move(after.state(), ended.state(), today, later(now),
                        SIGNALS, SETTLED)))
                .chain(() -> outbox.record(ClaimEvents.settledByTheBuyer(tenantId, ended, terms, SETTLED, today, SIGNALS)));
    }

    /**
     * A recovery shared by the service itself: its log line (RECOVERY, after the line of the payment that caused it)
     * and recovery-shared.
     */
    private Uni<Void> recordShare(String tenantId, Claim c, RecoveryShare share, PolicyTerms terms, LocalDate on,
            OffsetDateTime now, String by, String note, String eventId) {
        ClaimEntry entry = new ClaimEntry(ClaimEntry.Kind.RECOVERY, null, null, share.recovery(), share.toInsurer(),
                share.toTenant(), on, later(now), by, note, eventId);
        return claims.log(c.id(), entry).chain(() -> outbox.record(ClaimEvents.recoveryShared(tenantId, c, terms, share,
                on, by)));
    }

    /** A microsecond after {@code at} (the database's precision): the log, read by time, keeps a line after its cause. */
    private static OffsetDateTime later(OffsetDateTime at) {
        return at.plusNanos(1_000);
    }

    /**
     * The indemnity under the terms in force on the claim's day (domain.Claim#termsFrom), not today's: a revision of the
     * percentage or deductible after the loss leaves it.
     */
    /**
     * The claim submitted today (domain.Claim#submit): a protracted default once the waiting period of the policy's terms
     * in force on the claim's day has run from the buyer's first overdue notification under the policy.
     */
    private Uni<Claim> submit(String tenantId, Claim c, LocalDate today) {
        if (c.cause() != Claim.Cause.PROTRACTED_DEFAULT) {
            return Uni.createFrom().item(c.submit(today, 0, Optional.empty()));
        }
        return policies.versions(tenantId, c.policyId()).chain(versions -> notifications
                .firstNotifiedOn(tenantId, c.policyId(), c.buyerId())
                .map(notified -> c.submit(today, c.termsFrom(versions).terms().waitingPeriodDays(), notified)));
    }

    private Uni<Claim> approve(String tenantId, Claim c, LocalDate today) {
        return policies.versions(tenantId, c.policyId()).chain(versions -> {
            PolicyTerms terms = c.termsFrom(versions).terms();
            Currency currency = Money.currencyOf(terms.currency());
            return limits.decisionsOf(tenantId, c.policyId(), c.buyerId()).chain(decisions -> covered(tenantId, c,
                    decisions, currency).chain(covered -> limitTaken(tenantId, c, terms).chain(taken -> deductibleBorne(
                            tenantId, c, terms, versions).map(kept -> c.approve(Indemnity.of(c.unpaid(),
                                    InsuredLimit.on(c.openedOn(), decisions, currency).amount(), covered, taken,
                                    terms.deductible(), kept, terms.insuredPercent()), today)))));
        });
    }

    /**
     * What the insured limits cover of the claim's loss (domain.InsuredExposure#cover): each invoice under the limit in
     * force on its issue day, so a reduction after the deliveries leaves them covered, and none issued from the buyer's
     * stop-deliveries date on (delivered at the tenant's own risk); a split loss's parts together.
     */
    private Uni<Money> covered(String tenantId, Claim c, List<LimitDecision> decisions, Currency currency) {
        Uni<List<ClaimedInvoice>> loss = c.part() == null ? Uni.createFrom().item(c.invoices())
                : claims.invoicesOfSplit(tenantId, c.part().splitId());
        return loss.chain(invoices -> exposures.invoicesOf(tenantId, c.buyerId())
                .chain(known -> exposures.stopDeliveriesFrom(tenantId, c.policyId(), c.buyerId())
                        .map(stop -> InsuredExposure.cover(invoices, known, decisions, currency, c.openedOn(), stop))));
    }

    /**
     * What the approved other parts of the same split loss already capped under the insured limit (domain.Indemnity):
     * the parts carry their invoices whole, so the limit caps them once together; nothing for a claim of its own.
     */
    private Uni<Money> limitTaken(String tenantId, Claim c, PolicyTerms terms) {
        return c.part() == null ? Uni.createFrom().item(Money.zero(terms.currency()))
                : claims.cappedByParts(tenantId, c.part().splitId(), c.id(), terms.currency());
    }

    /**
     * What the tenant already kept of the deductible elsewhere (domain.Indemnity): of an annual first loss, what the
     * approved claims of the claim's policy year kept (domain.Claim#policyYear: the year of the claim's day); of a
     * per-claim deductible, what the approved other parts of the same split loss kept (one loss, one deductible);
     * nothing else.
     */
    private Uni<Money> deductibleBorne(String tenantId, Claim c, PolicyTerms terms, List<PolicyVersion> versions) {
        if (terms.deductible().kind() == Deductible.Kind.PER_CLAIM && c.part() != null) {
            return claims.deductiblesKeptByParts(tenantId, c.part().splitId(), c.id(), terms.currency());
        }
        if (terms.deductible().kind() != Deductible.Kind.ANNUAL_FIRST_LOSS) {
            return Uni.createFrom().item(Money.zero(terms.currency()));
        }
        PolicyYear year = c.policyYear(versions);
        return claims.deductiblesKept(tenantId, c.policyId(), year.start(), year.end(), terms.currency());
    }

    /** The event of the move to {@code to} (an approval settled at once is PAID, yet published as approved). */
    private Uni<Void> publishMove(String tenantId, Claim c, ClaimState to, PolicyTerms terms, String note, LocalDate on,
            String by) {
        return switch (to) {
            case SUBMITTED -> outbox.record(ClaimEvents.submitted(tenantId, c, terms, on, by));
            case APPROVED -> outbox.record(ClaimEvents.approved(tenantId, c, terms, by));
            case REJECTED -> outbox.record(ClaimEvents.rejected(tenantId, c, terms, note, on, by));
            case WITHDRAWN -> outbox.record(ClaimEvents.withdrawn(tenantId, c, terms, note, on, by));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The claim to change, locked: changes of one claim wait for each other rather than fail. */
    private Uni<Claim> claimToChange(String tenantId, UUID id) {
        return claims.findForChange(tenantId, id).map(found -> found.orElseThrow(() -> DomainError.notFound(
                "claim.not-found", "There is no claim " + id)));
    }

    private Uni<Claim> claim(String tenantId, UUID id) {
        return claims.find(tenantId, id).map(found -> found.orElseThrow(() -> DomainError.notFound("claim.not-found",
                "There is no claim " + id)));
    }
}
