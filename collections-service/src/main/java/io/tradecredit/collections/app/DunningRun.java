package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.collections.events.MessageRequested;
import io.tradecredit.collections.events.StepTaken;
import io.tradecredit.collections.persistence.DunningRequestRepository;
import io.tradecredit.collections.persistence.DunningRunStore;
import io.tradecredit.collections.persistence.DunningRunStore.LogRow;
import io.tradecredit.collections.persistence.RunBatchRows;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.jobs.BatchCursor;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * The daily dunning run (docs/collections-service.md, "Daily run"). A batch claims the next
 * buyers not yet done for the date, loads their invoices, holds and steps taken with a few
 * statements, lets {@link BuyerDay} decide, and writes it all in the batch's transaction: the log
 * of steps, the notification requests (or drafts in approval mode) and step-taken events through
 * the outbox, the requests' rows withdrawal looks up ({@code dunning_request}, one statement per batch),
 * and the work handed to every {@link StepWork} bean. The dry run and the forecast are
 * the same loading and deciding without the writing.
 */
@ApplicationScoped
public class DunningRun {
    /** Names of the counts a batch reports (the job's summary and the metrics). */
    public static final String BUYERS = "buyers", ITEMS = "invoices scanned", TAKEN = "steps taken",
            SUPERSEDED = "steps superseded", SKIPPED = "steps skipped", REQUESTS = "messages requested",
            DRAFTS = "messages drafted";

    @Inject
    DunningRunStore store;

    @Inject
    RunPolicies policies;

    @Inject
    DunningDrafts drafts;

    @Inject
    Outbox outbox;

    @Inject
    DunningRequestRepository requests;

    @Inject
    Instance<StepWork> work;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** The most step outcomes one dry run or forecast answers (its page of buyers, its days); beyond, a 400. */
    @ConfigProperty(name = "tradecredit.dunning.preview.max-outcomes", defaultValue = "100000")
    long maxOutcomes;

    /** What one batch did: buyers claimed (0: the date is done) and its counts. */
    public record BatchDone(int buyers, Map<String, Integer> counts) {
    }

    /**
     * One batch of the run of {@code asOf}, in the current transaction: the buyers after {@code cursor}'s
     * (the batch before it, which may still be writing), told to it as soon as they are claimed.
     */
    public Uni<BatchDone> runBatch(LocalDate asOf, int size, BatchCursor cursor) {
        long started = System.nanoTime();
        return store.claimNext(asOf, size, OffsetDateTime.now(clock), cursor.after(RunBatchRows.BuyerKey.class))
                .invoke(buyers -> {
                    if (buyers.isEmpty()) {
                        cursor.noneLeft();
                    } else {
                        cursor.took(buyers.get(buyers.size() - 1));
                    }
                }).chain(buyers -> buyers.isEmpty()
                ? Uni.createFrom().item(new BatchDone(0, Map.of()))
                : decide(buyers, asOf, asOf).chain(days -> write(days, asOf).map(counts -> {
                    counts.put(BUYERS, buyers.size());
                    metrics.timer("tradecredit.dunning.batch.duration").record(System.nanoTime() - started,
                            java.util.concurrent.TimeUnit.NANOSECONDS);
                    return new BatchDone(buyers.size(), counts);
                })));
    }

    /** The dry run: what the run of {@code asOf} would do for a page of the tenant's buyers (or one). Writes nothing. */
    public Uni<List<BuyerDay>> preview(String tenantId, LocalDate asOf, UUID buyerId, int page, int size) {
        return CurrentTransaction.run(() -> store.tenantBuyers(tenantId, buyerId, size, (long) page * size)
                .chain(buyers -> decide(buyers, asOf, asOf)).invoke(days -> {
                    if (outcomes(days) > maxOutcomes) {
                        throw tooLarge(List.of(new Violation("size", "the run of " + asOf + " would take, skip or"
                                + " supersede more than " + maxOutcomes + " steps for this page's buyers: ask a smaller"
                                + " page")));
                    }
                }));
    }

    private static long outcomes(List<BuyerDay> days) {
        return days.stream().mapToLong(d -> d.outcomes().size()).sum();
    }

    /**
     * A dry run or forecast of more steps than one answer holds: a page of 50 buyers with a thousand open invoices
     * each, forecast over 7 days, ran the service out of its heap (each day lists every step of every invoice).
     */
    private static DomainError tooLarge(List<Violation> fields) {
        return DomainError.invalid("dunning.preview-too-large", "More than one answer can hold", fields);
    }

    /**
     * What falls due on each of {@code days} days from {@code from}, assuming nothing is paid and
     * every run happens: each day's plan counts the steps the days before it took.
     */
    public Uni<List<BuyerDay>> forecast(String tenantId, UUID buyerId, LocalDate from, int days, int page, int size) {
        return CurrentTransaction.run(() -> store.tenantBuyers(tenantId, buyerId, size, (long) page * size)
                .chain(buyers -> store.load(buyers, from)).chain(rows -> policies.of(tenants(rows)).map(p -> {
                    Map<String, Set<String>> taken = new HashMap<>();
                    List<BuyerDay> all = new ArrayList<>();
                    long outcomes = 0;
                    for (int d = 0; d < days; d++) {
                        for (BuyerDay day : BuyerDay.plan(rows, p, from.plusDays(d), businessZone.today(), taken)) {
                            all.add(day);
                            outcomes += day.outcomes().size();
                            day.outcomes().stream().filter(StepOutcome::isTaken).forEach(o -> taken
                                    .computeIfAbsent(o.itemReference(), r -> new HashSet<>()).add(o.step().key()));
                        }
                        if (outcomes > maxOutcomes) { // judged day by day: the days after are never planned
                            String why = "the " + (d + 1) + " day(s) from " + from + " already take, skip or supersede more"
                                    + " than " + maxOutcomes + " steps for this page's buyers: ";
                            throw tooLarge(List.of(new Violation("days", why + "ask fewer days"),
                                    new Violation("size", why + "or a smaller page")));
                        }
                    }
                    return all;
                })));
    }

    private Uni<List<BuyerDay>> decide(List<RunBatchRows.BuyerKey> buyers, LocalDate day, LocalDate holdsFrom) {
        return store.load(buyers, holdsFrom).chain(rows -> policies.of(tenants(rows))
                .map(p -> BuyerDay.plan(rows, p, day, businessZone.today(), Map.of())));
    }

    private static Set<String> tenants(RunBatchRows rows) {
        return rows.buyers().stream().map(RunBatchRows.BuyerKey::tenantId).collect(Collectors.toSet());
    }

    /** Writes what the batch decided; answers its counts. */
    private Uni<Map<String, Integer>> write(List<BuyerDay> days, LocalDate asOf) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> byReason = new HashMap<>();
        List<LogRow> log = new ArrayList<>();
        List<OutgoingEvent> events = new ArrayList<>();
        List<DunningDrafts.Draft> drafted = new ArrayList<>();
        List<DunningRequestRepository.Requested> requested = new ArrayList<>();
        for (BuyerDay day : days) {
            counts.merge(ITEMS, day.facts().invoices().size(), Integer::sum);
            // each message's id once (a SHA-1 each), not once per step it carries
            Map<DunningMessage, UUID> ids = new IdentityHashMap<>();
            for (DunningMessage m : day.messages()) {
                UUID id = day.requestId(m);
                ids.put(m, id);
                Map<String, Object> body = MessageRequested.body(id, m, day.facts(), asOf);
                if (day.approvalMode()) {
                    drafted.add(new DunningDrafts.Draft(day.tenantId(), day.buyerId(), asOf, id, m, body));
                } else {
                    events.add(MessageRequested.event(day.tenantId(), id, body));
                    requested.add(requested(day, id, m, now));
                }
            }
            counts.merge(day.approvalMode() ? DRAFTS : REQUESTS, day.messages().size(), Integer::sum);
            List<StepTaken.Step> steps = new ArrayList<>();
            for (StepOutcome o : day.outcomes()) {
                String supersededBy = day.supersededBy(o);
                List<DunningMessage> carrying = day.carrying(o);
                log.add(logRow(day, o, carrying, supersededBy, now));
                steps.add(new StepTaken.Step(o, carrying.isEmpty() ? List.of() : carrying.stream().map(ids::get).toList()));
                count(counts, byReason, o);
            }
            if (!steps.isEmpty()) {
                events.add(StepTaken.of(day.tenantId(), day.buyerId(), asOf, new StepTaken.Ladder(day.ladder().key(),
                        day.ladder().version()), steps));
            }
        }
        meter(counts, byReason);
        return store.log(log).chain(() -> requests.recorded(requested)).chain(() -> outbox.record(events))
                .chain(() -> drafts.store(drafted))
                .chain(() -> handOver(days)).replaceWith(counts);
    }

    /**
     * The request as withdrawal finds it later: the invoices its letter lists (an instalment's beside it); and as
     * later letters quote it, requested on the run's date.
     */
    private static DunningRequestRepository.Requested requested(BuyerDay day, UUID id, DunningMessage m, OffsetDateTime now) {
        List<UUID> invoices = new ArrayList<>(m.items().size());
        boolean aboutInstalments = false;
        for (StepOutcome o : m.items()) {
            invoices.add(UUID.fromString(o.invoiceReference()));
            aboutInstalments |= o.instalment() != null;
        }
        return new DunningRequestRepository.Requested(day.tenantId(), id, day.buyerId(), invoices, aboutInstalments, now,
                m.step().key(), m.templateKey(), m.channel().name(), day.runDate());
    }

    private LogRow logRow(BuyerDay day, StepOutcome o, List<DunningMessage> carrying, String supersededBy,
            OffsetDateTime now) {
        String template = carrying.isEmpty() ? null : carrying.get(0).templateKey();
        String channels = carrying.isEmpty() ? null
                : carrying.stream().map(m -> m.channel().name()).sorted().collect(Collectors.joining(","));
        return new LogRow(day.tenantId(), day.buyerId(), o.itemReference(), o.step().key(), day.runDate(), o.stepDay(),
                o.kind().name(), o.skipReason() == null ? null : o.skipReason().name(), supersededBy, day.ladder().key(),
                day.ladder().version(), template, channels, o.collectible().currencyCode(), o.collectible().amount(), now,
                o.instalment() == null ? null : o.instalment().number());
    }

    private static void count(Map<String, Integer> counts, Map<String, Integer> byReason, StepOutcome o) {
        counts.merge(switch (o.kind()) {
            case TAKEN -> TAKEN;
            case SUPERSEDED -> SUPERSEDED;
            case SKIPPED -> SKIPPED;
        }, 1, Integer::sum);
        byReason.merge(o.kind().name().toLowerCase() + "/" + (o.skipReason() == null ? "none"
                : o.skipReason().name().toLowerCase()), 1, Integer::sum);
    }

    /** The batch's steps counted once per outcome and reason (a few meters, however many steps). */
    private void meter(Map<String, Integer> counts, Map<String, Integer> byReason) {
        metrics.counter("tradecredit.dunning.items.scanned").increment(counts.getOrDefault(ITEMS, 0));
        byReason.forEach((tags, n) -> {
            String[] t = tags.split("/");
            metrics.counter("tradecredit.dunning.steps", "outcome", t[0], "reason", t[1]).increment(n);
        });
    }

    /** Every StepWork bean gets, per buyer, the taken steps' actions of its kinds, in this transaction. */
    private Uni<Void> handOver(List<BuyerDay> days) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (BuyerDay day : days) {
            List<StepWork.Order> orders = day.orders();
            if (orders.isEmpty()) {
                continue;
            }
            for (StepWork bean : work) {
                List<StepWork.Order> mine = orders.stream().filter(o -> bean.kinds().contains(o.action().kind())).toList();
                if (!mine.isEmpty()) {
                    chain = chain.chain(() -> bean.take(mine));
                }
            }
        }
        return chain;
    }
}
