package io.tradecredit.claims.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.Claim;
import io.tradecredit.claims.domain.ClaimEntry;
import io.tradecredit.claims.domain.ClaimState;
import io.tradecredit.claims.domain.ClaimTrigger;
import io.tradecredit.claims.domain.ClaimedInvoice;
import io.tradecredit.claims.domain.ProtractedDefault;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** A tenant's claims with their invoices and logs; another tenant's claim is not found. */
@ApplicationScoped
public class ClaimRepository {

    /**
     * Takes the claim's place for the policy, buyer and signal: true the first time, false when a claim was
     * already opened on this signal (insert ... on conflict do nothing, so two deliveries racing keep one).
     */
    public Uni<Boolean> claimOnce(String tenantId, Claim c, UUID signalId, ClaimTrigger trigger, OffsetDateTime at) {
        return CurrentTransaction.execute("""
                insert into claim_signal (tenant_id, policy_id, buyer_id, signal_id, claim_id, trigger, received_at)
                values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing""",
                Tuple.of(tenantId, c.policyId(), c.buyerId(), signalId, c.id(), trigger.name()).addOffsetDateTime(at))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * What the tenant's claims hold: whether the buyer has an open one under the policy (ClaimState#isOpen), and the
     * invoices named by the claims holding theirs (ClaimState#holdsItsInvoices: open or paid; by id, and by number for
     * those opened by hand without ids).
     */
    public Uni<ProtractedDefault.Held> held(String tenantId, UUID policyId, UUID buyerId) {
        return held(tenantId, policyId, buyerId, List.of());
    }

    /**
     * The same, leaving out the claims {@code except} (those about to be withdrawn). Read under the buyer's lock
     * ({@link #lockBuyer}), held until the transaction ends: a second claim of the buyer opened at the same instant
     * waits for this one to commit and then finds its invoices held.
     */
    public Uni<ProtractedDefault.Held> held(String tenantId, UUID policyId, UUID buyerId, List<UUID> except) {
        return lockBuyer(tenantId, buyerId).chain(() -> CurrentTransaction.execute("""
                select c.policy_id, c.buyer_id, c.state, i.invoice_id, i.invoice_number from claim c
                join claim_invoice i on i.claim_id = c.id
                where c.tenant_id = $1 and c.state = any($3) and c.id <> all($2)""",
                Tuple.of(tenantId, except.toArray(UUID[]::new), Arrays.stream(ClaimState.values())
                        .filter(ClaimState::holdsItsInvoices).map(ClaimState::name).toArray(String[]::new))).map(rows -> {
            boolean ofBuyer = false;
            Set<UUID> ids = new HashSet<>();
            Set<String> numbers = new HashSet<>();
            for (var r : rows) {
                ofBuyer |= ClaimState.valueOf(r.getString("state")).isOpen() && policyId.equals(r.getUUID("policy_id"))
                        && buyerId.equals(r.getUUID("buyer_id"));
                if (r.getUUID("invoice_id") != null) {
                    ids.add(r.getUUID("invoice_id"));
                }
                numbers.add(r.getString("invoice_number"));
            }
            return new ProtractedDefault.Held(ofBuyer, ids, numbers);
        }));
    }

    /**
     * Serialises the claims of one buyer of the tenant until the transaction ends (a transaction-scoped advisory lock):
     * two claims by hand of the same invoices at the same instant both read what is held before either is recorded,
     * and both would be opened; with the lock the second reads after the first committed and is refused.
     */
    public Uni<Void> lockBuyer(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute("select pg_advisory_xact_lock(hashtextextended($1, 0))",
                Tuple.of("claims:" + tenantId + ":" + buyerId)).replaceWithVoid();
    }

    public Uni<Void> create(String tenantId, Claim c) {
        List<ClaimInvoiceRow> lines = new ArrayList<>();
        for (int i = 0; i < c.invoices().size(); i++) {
            lines.add(ClaimInvoiceRow.of(c.id(), i, c.invoices().get(i)));
        }
        return ClaimRow.of(tenantId, c).persist().chain(() -> ClaimInvoiceRow.persist(lines)).replaceWithVoid();
    }

    public Uni<Optional<Claim>> find(String tenantId, UUID id) {
        return ClaimRow.<ClaimRow>find("tenantId = ?1 and id = ?2", tenantId, id).firstResult()
                .chain(row -> row == null ? Uni.createFrom().item(Optional.<Claim>empty())
                        : invoices(row).map(inv -> Optional.of(row.toClaim(inv))));
    }

    /**
     * The claim, its row locked until the transaction ends: two changes of one claim at once (the
     * insurer's payment and a recovery, say) wait for each other instead of the second failing.
     */
    public Uni<Optional<Claim>> findForChange(String tenantId, UUID id) {
        return ClaimRow.<ClaimRow>find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(row -> row == null ? Uni.createFrom().item(Optional.<Claim>empty())
                        : invoices(row).map(inv -> Optional.of(row.toClaim(inv))));
    }

    /** The buyer's draft claims under the policy, locked (a submission meanwhile waits), oldest first. */
    public Uni<List<Claim>> draftsForChange(String tenantId, UUID policyId, UUID buyerId) {
        return ClaimRow.<ClaimRow>find("tenantId = ?1 and policyId = ?2 and buyerId = ?3 and state = 'DRAFT'",
                Sort.by("openedOn").and("id"), tenantId, policyId, buyerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(rows -> Multi.createFrom().iterable(rows).onItem()
                        .transformToUniAndConcatenate(row -> invoices(row).map(row::toClaim)).collect().asList());
    }

    /**
     * The day of the buyer's first claim for insolvency under the tenant's policy (by hand or on credit-service's
     * signal, in any state: the insurer was told of the insolvency; docs "Stop-deliveries on insolvency"); empty when none.
     */
    public Uni<Optional<LocalDate>> firstInsolvencyClaimOn(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.execute("""
                select min(opened_on) as opened from claim
                where tenant_id = $1 and policy_id = $2 and buyer_id = $3 and cause = 'INSOLVENCY'""",
                Tuple.of(tenantId, policyId, buyerId))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate("opened")));
    }

    /** Stores what changed of the claim (state, indemnity, payments, recoveries); a concurrent change fails. */
    public Uni<Void> update(String tenantId, Claim c) {
        return ClaimRow.<ClaimRow>find("tenantId = ?1 and id = ?2", tenantId, c.id()).firstResult()
                .invoke(row -> row.copy(c)).replaceWithVoid();
    }

    /** One page of the tenant's claims, optionally in one state, newest first. */
    public Uni<List<Claim>> list(String tenantId, ClaimState state, int page, int size) {
        var query = state == null ? ClaimRow.<ClaimRow>find("tenantId", Sort.descending("openedOn").and("id"), tenantId)
                : ClaimRow.<ClaimRow>find("tenantId = ?1 and state = ?2", Sort.descending("openedOn").and("id"), tenantId,
                        state.name());
        // one session runs one statement at a time: the claims' invoices are read one after another
        return query.page(Page.of(page, size)).list().chain(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> invoices(row).map(row::toClaim)).collect().asList());
    }

    public Uni<Long> count(String tenantId, ClaimState state) {
        return state == null ? ClaimRow.count("tenantId", tenantId)
                : ClaimRow.count("tenantId = ?1 and state = ?2", tenantId, state.name());
    }

    /**
     * What the tenant already kept of an annual first-loss deductible: the deductibles of the policy's approved claims
     * opened from {@code from} to {@code to} (both included: the claims of a policy year, domain.Claim#policyYear).
     */
    public Uni<Money> deductiblesKept(String tenantId, UUID policyId, LocalDate from, LocalDate to, String currency) {
        return ClaimRow.<ClaimRow>list("tenantId = ?1 and policyId = ?2 and approvedOn is not null and openedOn >= ?3"
                + " and openedOn <= ?4", tenantId, policyId, from, to)
                .map(rows -> Money.rounded(rows.stream().map(r -> r.deductible).reduce(BigDecimal.ZERO, BigDecimal::add),
                        Money.currencyOf(currency)));
    }

    /**
     * What the approved other parts of a split loss ({@code splitId}, all but {@code claimId}) kept of a per-claim
     * deductible: the loss keeps it once across its parts.
     */
    public Uni<Money> deductiblesKeptByParts(String tenantId, UUID splitId, UUID claimId, String currency) {
        return ClaimRow.<ClaimRow>list("tenantId = ?1 and splitId = ?2 and id <> ?3 and approvedOn is not null", tenantId,
                splitId, claimId)
                .map(rows -> Money.rounded(rows.stream().map(r -> r.deductible).reduce(BigDecimal.ZERO, BigDecimal::add),
                        Money.currencyOf(currency)));
    }

    /**
     * What the approved other parts of a split loss ({@code splitId}, all but {@code claimId}) capped under the insured
     * limit: the loss is capped once by the limit across its parts.
     */
    public Uni<Money> cappedByParts(String tenantId, UUID splitId, UUID claimId, String currency) {
        return ClaimRow.<ClaimRow>list("tenantId = ?1 and splitId = ?2 and id <> ?3 and approvedOn is not null", tenantId,
                splitId, claimId)
                .map(rows -> Money.rounded(rows.stream().map(r -> r.cappedLoss).reduce(BigDecimal.ZERO, BigDecimal::add),
                        Money.currencyOf(currency)));
    }

    /** A line of a claim holding an invoice, and what the line was claimed for at opening. */
    public record HeldLine(UUID claimId, int line, BigDecimal claimed) {
    }

    /** An invoice of a tenant whose claims are looked for. */
    public record TenantInvoice(String tenantId, UUID invoiceId) {
    }

    /**
     * For each of the tenants' invoices {@code wanted}, the lines of its tenant's claims that hold it and may still change
     * with the ledger (neither rejected nor withdrawn): by id, or by the buyer and number for a line claimed by hand
     * without id; in the order the claims were opened. One statement for all of them (a poll's news). An invoice must be
     * in the read model (the events that name it were applied first); one no claim holds has no entry.
     */
    public Uni<Map<TenantInvoice, List<HeldLine>>> holding(List<TenantInvoice> wanted) {
        return CurrentTransaction.execute("""
                select w.tenant_id, w.invoice_id, i.claim_id, i.line, i.claimed_amount
                from unnest($1::text[], $2::uuid[]) as w(tenant_id, invoice_id)
                join open_invoice o on o.invoice_id = w.invoice_id and o.tenant_id = w.tenant_id
                join claim c on c.tenant_id = w.tenant_id and c.state not in ('REJECTED', 'WITHDRAWN')
                join claim_invoice i on i.claim_id = c.id
                  and (i.invoice_id = w.invoice_id or (i.invoice_id is null and c.buyer_id = o.buyer_id
                       and i.invoice_number = o.invoice_number))
                order by w.tenant_id, w.invoice_id, c.opened_on, c.id, i.line""",
                Tuple.of(wanted.stream().map(TenantInvoice::tenantId).toArray(String[]::new),
                        wanted.stream().map(TenantInvoice::invoiceId).toArray(UUID[]::new)))
                .map(rows -> {
                    Map<TenantInvoice, List<HeldLine>> lines = new HashMap<>();
                    for (var r : rows) {
                        lines.computeIfAbsent(new TenantInvoice(r.getString("tenant_id"), r.getUUID("invoice_id")),
                                k -> new ArrayList<>()).add(new HeldLine(r.getUUID("claim_id"), r.getInteger("line"),
                                        r.getBigDecimal("claimed_amount")));
                    }
                    return lines;
                });
    }

    /** Stores the claim's invoices' unpaid amounts as the ledger changed them (ledger news, before approval). */
    public Uni<Void> updateInvoices(Claim c) {
        return ClaimInvoiceRow.<ClaimInvoiceRow>list("claimId", Sort.by("line"), c.id()).invoke(rows -> rows
                .forEach(r -> r.unpaidAmount = c.invoices().get(r.line).unpaidAmount().amount())).replaceWithVoid();
    }

    /** The invoices of every part of a split loss ({@code splitId}), part after part. */
    public Uni<List<ClaimedInvoice>> invoicesOfSplit(String tenantId, UUID splitId) {
        return ClaimRow.<ClaimRow>list("tenantId = ?1 and splitId = ?2", Sort.by("partNumber"), tenantId, splitId)
                .chain(rows -> Multi.createFrom().iterable(rows).onItem()
                        .transformToUniAndConcatenate(row -> invoices(row).map(row::toClaim)).collect().asList())
                .map(parts -> parts.stream().flatMap(p -> p.invoices().stream()).toList());
    }

    public Uni<Void> log(UUID claimId, ClaimEntry e) {
        return log(claimId, e, null);
    }

    /** A line the ledger's payment {@code paymentId} caused (RECEIVED), kept with it so its reversal finds it. */
    public Uni<Void> log(UUID claimId, ClaimEntry e, UUID paymentId) {
        ClaimEntryRow row = new ClaimEntryRow();
        row.paymentId = paymentId;
        row.id = UUID.randomUUID();
        row.claimId = claimId;
        row.kind = e.kind().name();
        row.fromState = e.from() == null ? null : e.from().name();
        row.toState = e.to() == null ? null : e.to().name();
        row.amount = e.amount() == null ? null : e.amount().amount();
        row.toInsurer = e.toInsurer() == null ? null : e.toInsurer().amount();
        row.toTenant = e.toTenant() == null ? null : e.toTenant().amount();
        row.onDay = e.on();
        row.recordedAt = e.at();
        row.byUser = e.by();
        row.note = e.note();
        row.eventId = e.eventId();
        return row.persist().replaceWithVoid();
    }

    /** What the ledger's payment {@code paymentId} brought to the claim after approval: its RECEIVED lines' sum. */
    public Uni<Money> receivedWith(UUID claimId, UUID paymentId, String currency) {
        return CurrentTransaction.execute("""
                select coalesce(sum(amount), 0) as brought from claim_entry
                where claim_id = $1 and payment_id = $2 and kind = 'RECEIVED'""", Tuple.of(claimId, paymentId))
                .map(rows -> Money.rounded(rows.iterator().next().getBigDecimal("brought"), Money.currencyOf(currency)));
    }

    /** The claim's log, oldest first (the caller has found the claim for its tenant). */
    public Uni<List<ClaimEntry>> entries(UUID claimId, String currency) {
        var cur = Money.currencyOf(currency);
        return ClaimEntryRow.<ClaimEntryRow>list("claimId", Sort.by("recordedAt").and("id"), claimId).map(rows -> rows.stream()
                .map(r -> new ClaimEntry(ClaimEntry.Kind.valueOf(r.kind), r.fromState == null ? null : ClaimState.valueOf(r.fromState),
                        r.toState == null ? null : ClaimState.valueOf(r.toState), money(r.amount, cur), money(r.toInsurer, cur),
                        money(r.toTenant, cur), r.onDay, r.recordedAt, r.byUser, r.note, r.eventId))
                .toList());
    }

    private static Money money(BigDecimal amount, java.util.Currency currency) {
        return amount == null ? null : Money.rounded(amount, currency);
    }

    private static Uni<List<ClaimedInvoice>> invoices(ClaimRow row) {
        return ClaimInvoiceRow.<ClaimInvoiceRow>list("claimId", Sort.by("line"), row.id)
                .map(rows -> rows.stream().map(r -> r.toInvoice(row.currency)).toList());
    }
}
