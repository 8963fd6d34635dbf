package io.tradecredit.collections.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.events.MessageRequested;
import io.tradecredit.collections.persistence.DraftStore;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.collections.persistence.DunningRequestRepository;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Approval mode: the run keeps its messages as drafts; a collector approves one (the request goes
 * out with the id the run derived, listing only the invoices still collectible now) or discards it.
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
     * Sends the draft: invoices paid (or no longer collectible) since the run are dropped from it,
     * the others carry today's amounts, and the payment deadline counts from today; a draft left
     * with none is discarded, saying so.
     */
    public Uni<DraftInfo> approve(String tenantId, UUID id, String by) {
        return CurrentTransaction.run(() -> pending(tenantId, id).chain(row -> {
            Map<String, Object> request = read(row.request());
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) request.get("data");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> invoices = (List<Map<String, Object>>) data.get("invoices");
            List<UUID> ids = invoices.stream().map(i -> UUID.fromString((String) i.get("invoiceId"))).toList();
            return store.stillOpen(tenantId, ids).chain(open -> {
                Map<UUID, DraftStore.OpenNow> now = open.stream().collect(Collectors.toMap(DraftStore.OpenNow::invoiceId,
                        Function.identity()));
                List<Map<String, Object>> kept = new ArrayList<>();
                for (Map<String, Object> i : invoices) {
                    DraftStore.OpenNow o = now.get(UUID.fromString((String) i.get("invoiceId")));
                    if (o != null && o.open().subtract(o.disputed()).signum() > 0) {
                        kept.add(withAmounts(i, o));
                    }
                }
                OffsetDateTime at = OffsetDateTime.now(clock);
                if (kept.isEmpty()) {
                    return decide(tenantId, row, "DISCARDED", "every invoice it listed was paid or is no longer"
                            + " collectible since the run", request, at, by);
                }
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
            });
        }));
    }

    public Uni<DraftInfo> discard(String tenantId, UUID id, String reason, String by) {
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

    private static Map<String, Object> withAmounts(Map<String, Object> invoice, DraftStore.OpenNow o) {
        var currency = Money.currencyOf(o.currency());
        Map<String, Object> i = new java.util.LinkedHashMap<>(invoice);
        i.put("openAmount", money(o.open(), currency));
        i.put("disputedAmount", money(o.disputed(), currency));
        i.put("collectibleAmount", money(o.open().subtract(o.disputed()).max(BigDecimal.ZERO), currency));
        return i;
    }

    private static Map<String, String> money(BigDecimal amount, java.util.Currency currency) {
        Money m = Money.rounded(amount, currency);
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
