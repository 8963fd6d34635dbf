package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.BuyerStanding;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.DraftApproval;
import io.tradecredit.collections.domain.DunningItem;
import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.collections.domain.Holds;
import io.tradecredit.collections.domain.InvoiceNow;
import io.tradecredit.collections.domain.RecordedHold;
import io.tradecredit.collections.domain.TextLimits;
import io.tradecredit.collections.events.MessageRequested;
import io.tradecredit.collections.persistence.DraftStore;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.collections.persistence.DunningRequestRepository;
import io.tradecredit.collections.persistence.DunningRunStore;
import io.tradecredit.collections.persistence.HoldRepository;
import io.tradecredit.collections.persistence.RunBatchRows;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Approval mode: the run keeps its messages as drafts; a collector approves one (the request goes
 * out with the id the run derived, listing only the invoices still to be dunned now: {@link DraftApproval})
 * or discards it.
 */
@ApplicationScoped
public class DunningDrafts {
    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() {
    };

    @Inject
    DraftStore store;

    @Inject
    Outbox outbox;

    @Inject
    DunningRequestRepository requests;

    @Inject
    DunningPolicyRepository policies;

    @Inject
    HoldRepository holds;

    @Inject
    DunningAssignments assignments;

    @Inject
    DunningRunStore runStore;

    @Inject
    CollectionCases cases;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** A message the run drafted instead of requesting it. */
    public record Draft(String tenantId, UUID buyerId, LocalDate runDate, UUID requestId, DunningMessage message,
            Map<String, Object> request) {
    }

    /** A draft as the collectors see it: the request it would send, its state, and who decided when. */
    public record DraftInfo(UUID id, UUID buyerId, LocalDate runDate, String stepKey, String channel, String templateKey,
            Map<String, Object> request, String state, String reason, OffsetDateTime createdAt, OffsetDateTime decidedAt,
            String decidedBy) {
    }

    /** Stores the run's drafts, in the run's transaction. */
    Uni<Void> store(List<Draft> drafts) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return store.insert(drafts.stream().map(d -> new DraftStore.NewDraft(d.requestId(), d.tenantId(), d.buyerId(),
                d.runDate(), d.message().step().key(), d.message().channel().name(), d.message().templateKey(),
                write(d.request()), now)).toList());
    }

    /** A page of the tenant's drafts, newest run first; {@code state} (PENDING, APPROVED, DISCARDED) narrows. */
    public Uni<Page<DraftInfo>> list(String tenantId, String state, int page, int size) {
        return CurrentTransaction.run(() -> store.count(tenantId, state).chain(total -> store
                .list(tenantId, state, size, (long) page * size)
                .map(rows -> new Page<>(rows.stream().map(this::info).toList(), page, size, total))));
    }

    /**
     * Sends the draft: invoices paid, no longer collectible, settled by the buyer's agency, under an agreed plan or
     * on hold (the invoice or the whole buyer) since the run are dropped from it ({@link DraftApproval}), the others
     * carry today's amounts, and the payment deadline counts from today; a draft left
     * with none is discarded, saying so, and so is the draft of a buyer in insolvency proceedings since (either logged
     * in its open case).
     */
    public Uni<DraftInfo> approve(String tenantId, UUID id, String by) {
        return CurrentTransaction.run(() -> pending(tenantId, id).chain(row -> {
            Map<String, Object> request = read(row.request());
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) request.get("data");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> invoices = (List<Map<String, Object>>) data.get("invoices");
            List<UUID> ids = invoices.stream().map(i -> UUID.fromString((String) i.get("invoiceId"))).toList();
            LocalDate today = businessZone.today();
            return requests.invoicesNow(tenantId, ids).chain(now -> holds.list(tenantId, row.buyerId()).chain(recorded ->
                    judgedOn(tenantId, row, today).chain(thresholds -> {
                String notDunned = DraftApproval.buyerNotDunnedBecause(thresholds.buyer());
                if (notDunned != null) {
                    return discarded(tenantId, row, notDunned, request, by);
                }
                Holds holding = new Holds(recorded.stream().map(RecordedHold::hold).toList());
                List<Map<String, Object>> kept = new ArrayList<>();
                List<String> dropped = new ArrayList<>();
                for (Map<String, Object> i : invoices) {
                    UUID invoiceId = UUID.fromString((String) i.get("invoiceId"));
                    InvoiceNow invoice = now.get(invoiceId);
                    boolean aboutInstalment = i.get("instalment") != null;
                    String because = DraftApproval.notDunnedBecause(row.buyerId(), invoiceId, invoice,
                            aboutInstalment, holding, today);
                    DunningItem instalment = null;
                    if (because == null && aboutInstalment) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> asked = (Map<String, Object>) i.get("instalment");
                        int number = ((Number) asked.get("number")).intValue();
                        instalment = thresholds.items().get(asked.get("planId") + "#" + number);
                        because = thresholds.instalmentBecause(number, instalment);
                    } else if (because == null) {
                        because = thresholds.because(invoice.collectible());
                    }
                    if (because == null) {
                        kept.add(withAmounts(i, invoice, instalment));
                    } else {
                        dropped.add(i.get("invoiceNumber") + " " + because);
                    }
                }
                if (kept.isEmpty()) {
                    return discarded(tenantId, row, DraftApproval.discardReason(dropped), request, by);
                }
                OffsetDateTime at = OffsetDateTime.now(clock);
                data.put("invoices", kept);
                // the letter goes out today: its deadline counts from today, as the run's would have from its date
                return policies.settings(tenantId).invoke(s -> data.put("paymentDeadline",
                        s.paymentDeadline(businessZone.today()).toString()))
                        .chain(() -> outbox.record(MessageRequested.event(tenantId, row.id(), request)))
                        .chain(() -> requests.recorded(List.of(new DunningRequestRepository.Requested(tenantId, row.id(),
                                row.buyerId(), kept.stream().map(i -> UUID.fromString((String) i.get("invoiceId"))).toList(),
                                kept.stream().anyMatch(i -> i.get("instalment") != null), at, row.stepKey(),
                                row.templateKey(), row.channel(), businessZone.today()))))
                        .chain(() -> decide(tenantId, row, "APPROVED", null, request, at, by));
            })));
        }));
    }

    /**
     * The draft's buyer today as the run would judge it: its step in the buyer's ladder in force today (none when that
     * ladder has no such step any more: nothing to compare), its items as the run makes them by reference (an agreed
     * plan's instalments, {@code <planId>#<number>}, owing what the plan's payments leave of them), its overdue balance
     * counted on those items and whether it is in insolvency proceedings, the tenant's tolerance.
     */
    private record Judged(Optional<DunningStep> step, Map<String, DunningItem> items, BuyerStanding buyer,
            CurrencyThresholds tolerance) {
        /** Why an invoice owing {@code collectible} is no longer asked for by the step (null: it still is). */
        String because(Money collectible) {
            return step.map(s -> DraftApproval.belowThresholdBecause(s, collectible,
                    buyer.overdueIn(collectible.currency()), tolerance)).orElse(null);
        }

        /** Why instalment {@code number}, as the run makes it today ({@code now}, null: none), is no longer asked for. */
        String instalmentBecause(int number, DunningItem now) {
            Money overdue = now == null ? null : buyer.overdueIn(now.open().currency());
            return DraftApproval.instalmentBecause(number, now, step.orElse(null), overdue, tolerance);
        }
    }

    private Uni<Judged> judgedOn(String tenantId, DraftStore.DraftRow row, LocalDate today) {
        return assignments.ladderOf(tenantId, row.buyerId(), null, today)
                .map(l -> l.ladder().ladder().steps().stream().filter(s -> s.key().equals(row.stepKey())).findFirst())
                .onFailure(DomainError.class).recoverWithItem(Optional.empty())
                .chain(step -> runStore.load(List.of(new RunBatchRows.BuyerKey(tenantId, row.buyerId())), today)
                        .chain(rows -> policies.settings(tenantId).map(s -> {
                            List<DunningItem> items = BuyerDay.itemsOf(rows, today);
                            Map<String, DunningItem> byReference = new java.util.HashMap<>();
                            items.forEach(i -> byReference.put(i.reference(), i));
                            // every row of the buyer says whether it is in insolvency proceedings; no open invoice: nothing to send anyway
                            boolean insolvent = !rows.invoices().isEmpty() && rows.invoices().get(0).buyerInsolvent();
                            return new Judged(step, byReference, BuyerStanding.of(items, null, today).insolvent(insolvent),
                                    s.run().run().tolerance());
                        })));
    }

    /**
     * Discards the draft on approval for what became of its buyer ({@link DraftApproval#buyerNotDunnedBecause}) or of
     * its invoices ({@link DraftApproval#discardReason}) since the run, logged in the buyer's open case (kind
     * {@code draft-discarded}, by the collector who approved it): the case says why the buyer got no letter.
     */
    private Uni<DraftInfo> discarded(String tenantId, DraftStore.DraftRow row, String reason,
            Map<String, Object> request, String by) {
        return decide(tenantId, row, "DISCARDED", reason, request, OffsetDateTime.now(clock), by)
                .call(info -> cases.openCaseOf(tenantId, row.buyerId()).chain(open -> open.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : cases.log(tenantId, open.get().id(), "draft-discarded", by,
                                Map.of("draftId", row.id().toString(), "reason", reason))));
    }

    public Uni<DraftInfo> discard(String tenantId, UUID id, String reason, String by) {
        TextLimits.refuseIfLonger("dunning-draft.discard-invalid", "reason", reason, TextLimits.SHORT_NOTE);
        return CurrentTransaction.run(() -> pending(tenantId, id).chain(row -> decide(tenantId, row, "DISCARDED",
                reason == null || reason.isBlank() ? "discarded by a collector" : reason, read(row.request()),
                OffsetDateTime.now(clock), by)));
    }

    private Uni<DraftStore.DraftRow> pending(String tenantId, UUID id) {
        return store.lock(tenantId, id).map(found -> {
            DraftStore.DraftRow row = found.orElseThrow(() -> DomainError.notFound("dunning-draft.not-found",
                    "There is no draft " + id));
            if (!"PENDING".equals(row.state())) {
                throw DomainError.conflict("dunning-draft.already-decided", "Draft " + id + " was already "
                        + row.state().toLowerCase() + " by " + row.decidedBy() + " at " + row.decidedAt());
            }
            return row;
        });
    }

    private Uni<DraftInfo> decide(String tenantId, DraftStore.DraftRow row, String state, String reason,
            Map<String, Object> request, OffsetDateTime at, String by) {
        String text = write(request);
        return store.decide(tenantId, row.id(), state, reason, text, at, by).replaceWith(info(new DraftStore.DraftRow(
                row.id(), row.buyerId(), row.runDate(), row.stepKey(), row.channel(), row.templateKey(), text, state,
                reason, row.createdAt(), at, by)));
    }

    /** The draft's line with today's amounts: the invoice's, and for an instalment what it owes today (its {@code openAmount}). */
    private static Map<String, Object> withAmounts(Map<String, Object> invoice, InvoiceNow now, DunningItem instalment) {
        Map<String, Object> i = new java.util.LinkedHashMap<>(invoice);
        i.put("openAmount", money(now.open()));
        i.put("disputedAmount", money(now.open().minus(now.collectible()).max(Money.zero(now.open().currency()))));
        i.put("collectibleAmount", money(now.collectible()));
        if (instalment != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> asked = new java.util.LinkedHashMap<>((Map<String, Object>) invoice.get("instalment"));
            asked.put("openAmount", money(instalment.collectible()));
            i.put("instalment", asked);
        }
        return i;
    }

    private static Map<String, String> money(Money m) {
        return Map.of("amount", m.amountText(), "currency", m.currencyCode());
    }

    private DraftInfo info(DraftStore.DraftRow r) {
        return new DraftInfo(r.id(), r.buyerId(), r.runDate(), r.stepKey(), r.channel(), r.templateKey(),
                read(r.request()), r.state(), r.reason(), r.createdAt(), r.decidedAt(), r.decidedBy());
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, BODY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dunning_draft.request is not a JSON object", e);
        }
    }

    private String write(Map<String, Object> request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
