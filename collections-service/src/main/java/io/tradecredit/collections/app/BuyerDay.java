package io.tradecredit.collections.app;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.tradecredit.collections.domain.BuyerProfile;
import io.tradecredit.collections.domain.BuyerStanding;
import io.tradecredit.collections.domain.Consolidation;
import io.tradecredit.collections.domain.DunningItem;
import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.collections.domain.Hold;
import io.tradecredit.collections.domain.LadderVersion;
import io.tradecredit.collections.domain.PaymentPlanItems;
import io.tradecredit.collections.domain.StepDecision;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.persistence.RunBatchRows;
import io.tradecredit.collections.persistence.RunBatchRows.InvoiceRow;
import io.tradecredit.collections.persistence.RunBatchRows.TakenRow;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.money.Money;

/**
 * What one buyer's run of one day does, decided and not yet written: every due step of every
 * open invoice (taken, superseded or skipped, by {@link StepDecision}), the messages they make
 * ({@link Consolidation}), and the work handed to the other slices. The run writes it; the dry run
 * and the forecast show it. One code path for all three.
 */
public record BuyerDay(String tenantId, UUID buyerId, LocalDate runDate, LadderVersion ladder, boolean consolidate,
        boolean approvalMode, List<StepOutcome> outcomes, List<DunningMessage> messages, LetterFacts facts,
        Map<String, Set<String>> takenBefore) {

    /** The step whose message replaced a superseded one (this run's message for the item, else a higher step taken before). */
    public String supersededBy(StepOutcome o) {
        Set<String> before = takenBefore.getOrDefault(o.itemReference(), Set.of());
        if (o.kind() != StepOutcome.Kind.SUPERSEDED) {
            return null;
        }
        Optional<String> now = outcomes.stream().filter(x -> x.itemReference().equals(o.itemReference())
                && x.sendsMessage()).map(x -> x.step().key()).findFirst();
        return now.orElseGet(() -> ladder.ladder().steps().stream()
                .filter(s -> s.offsetDays() > o.step().offsetDays() && before.contains(s.key()))
                .map(DunningStep::key).reduce((a, b) -> b).orElse(null));
    }

    /** The request id of each message, as {@code DunningMessage.requestId} derives it. */
    public UUID requestId(DunningMessage m) {
        return m.requestId(tenantId, buyerId, runDate);
    }

    /** The messages that carry {@code o} (a consolidated one may be at a higher step's template); empty unless sent. */
    public List<DunningMessage> carrying(StepOutcome o) {
        return messages.stream().filter(m -> m.items().contains(o)).toList();
    }

    /** The work of the steps taken, one order per action. */
    public List<StepWork.Order> orders() {
        List<StepWork.Order> orders = new ArrayList<>();
        for (StepOutcome o : outcomes) {
            o.work().forEach(a -> orders.add(new StepWork.Order(tenantId, buyerId, runDate, o.itemReference(),
                    o.step().key(), a)));
        }
        return orders;
    }

    /**
     * Plans every buyer of {@code rows} for {@code day}, its messages going out on {@code today} (the final payment
     * date they state counts from the later of the two: {@link io.tradecredit.collections.domain.DunningSettings#paymentDeadline(LocalDate, LocalDate)});
     * {@code alsoTaken} adds steps to those the log holds (the forecast's earlier simulated days), by item reference.
     */
    public static List<BuyerDay> plan(RunBatchRows rows, Map<String, TenantRunPolicy> policies, LocalDate day,
            LocalDate today, Map<String, Set<String>> alsoTaken) {
        Map<String, List<InvoiceRow>> invoices = new HashMap<>();
        rows.invoices().forEach(i -> invoices.computeIfAbsent(key(i.tenantId(), i.buyerId()), k -> new ArrayList<>()).add(i));
        Map<String, List<Hold>> holds = new HashMap<>();
        rows.holds().forEach(h -> holds.computeIfAbsent(key(h.tenantId(), h.hold().buyerId()), k -> new ArrayList<>())
                .add(h.hold()));
        Map<String, List<TakenRow>> taken = new HashMap<>();
        rows.taken().forEach(t -> taken.computeIfAbsent(key(t.tenantId(), t.buyerId()), k -> new ArrayList<>()).add(t));
        Map<String, List<LetterFacts.SentRequest>> sent = new HashMap<>();
        rows.sent().forEach(r -> sent.computeIfAbsent(key(r.tenantId(), r.buyerId()), k -> new ArrayList<>()).add(r.request()));
        Map<String, InsuredLimitSchedule> insurance = new HashMap<>();
        rows.insurance().forEach(s -> insurance.put(key(s.tenantId(), s.buyerId()), s.schedule()));
        List<BuyerDay> days = new ArrayList<>();
        for (RunBatchRows.BuyerKey b : rows.buyers()) {
            String k = key(b.tenantId(), b.buyerId());
            plan(b, invoices.getOrDefault(k, List.of()), holds.getOrDefault(k, List.of()), taken.getOrDefault(k, List.of()),
                    sent.getOrDefault(k, List.of()), insurance.getOrDefault(k, InsuredLimitSchedule.NONE), policies.get(b.tenantId()), day,
                    today, alsoTaken)
                    .ifPresent(days::add);
        }
        return days;
    }

    /**
     * The items of {@code rows}' one buyer on {@code day} as the run makes them: its open invoices, and an agreed
     * plan's instalments in the place of the plan's invoices, each owing what the plan's payments leave of it
     * ({@link PaymentPlanItems}). What an approved draft is judged on the day it is approved.
     */
    public static List<DunningItem> itemsOf(RunBatchRows rows, LocalDate day) {
        List<Hold> holds = rows.holds().stream().map(RunBatchRows.TenantHold::hold).toList();
        Map<String, Set<String>> none = Map.of();
        List<DunningItem> asInvoices = rows.invoices().stream().map(i -> item(i, holds, day, none)).toList();
        return items(rows.invoices(), asInvoices, none);
    }

    private static Optional<BuyerDay> plan(RunBatchRows.BuyerKey b, List<InvoiceRow> invoices, List<Hold> holds,
            List<TakenRow> taken, List<LetterFacts.SentRequest> sent, InsuredLimitSchedule cover, TenantRunPolicy policy, LocalDate day,
            LocalDate today, Map<String, Set<String>> alsoTaken) {
        if (invoices.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Set<String>> takenSteps = new HashMap<>();
        taken.forEach(t -> takenSteps.computeIfAbsent(t.itemRef(), r -> new HashSet<>()).add(t.stepKey()));
        alsoTaken.forEach((ref, keys) -> takenSteps.computeIfAbsent(ref, r -> new HashSet<>()).addAll(keys));
        List<DunningItem> asInvoices = invoices.stream().map(i -> item(i, holds, day, takenSteps)).toList();
        List<DunningItem> items = items(invoices, asInvoices, takenSteps);
        LocalDate buyerHeldUntil = lastDay(holds.stream().filter(h -> h.coversWholeBuyer() && h.holdsOn(day)).toList());
        BuyerStanding standing = BuyerStanding.of(items, buyerHeldUntil, day).insolvent(invoices.get(0).buyerInsolvent());
        // profiled from its invoices as the ladder door profiles it: the same ladder in the run as in GET .../ladder
        Optional<LadderVersion> ladder = policy.ladderFor(BuyerProfile.of(b.buyerId(), invoices.get(0).grade(),
                cover.insuredOn(day), asInvoices, day), day);
        if (ladder.isEmpty()) {
            return Optional.empty();
        }
        var run = policy.settings().run();
        StepDecision decision = new StepDecision(ladder.get().ladder(), run.run(), policy.settings().calendar().calendar());
        List<StepOutcome> outcomes = items.stream().flatMap(i -> decision.decide(i, standing, day).stream()).toList();
        List<DunningMessage> messages = Consolidation.messages(outcomes, run.run().consolidation());
        return Optional.of(new BuyerDay(b.tenantId(), b.buyerId(), day, ladder.get(), run.run().consolidation(),
                run.approvalMode(), outcomes, messages, facts(b.buyerId(), invoices, sent)
                        .withPaymentDeadline(policy.settings().paymentDeadline(day, today)), takenSteps));
    }

    /**
     * The buyer's items in the invoices' order: an invoice, or in the place of a plan's first
     * invoice the items {@link PaymentPlanItems} makes of all the plan's invoices.
     */
    private static List<DunningItem> items(List<InvoiceRow> invoices, List<DunningItem> all,
            Map<String, Set<String>> taken) {
        Map<UUID, List<DunningItem>> underPlan = new HashMap<>();
        for (int n = 0; n < invoices.size(); n++) {
            if (invoices.get(n).plan() != null) {
                underPlan.computeIfAbsent(invoices.get(n).plan().planId(), p -> new ArrayList<>()).add(all.get(n));
            }
        }
        List<DunningItem> items = new ArrayList<>(all.size());
        for (int n = 0; n < invoices.size(); n++) {
            RunBatchRows.PlanRow plan = invoices.get(n).plan();
            if (plan == null) {
                items.add(all.get(n));
            } else if (underPlan.get(plan.planId()).get(0) == all.get(n)) {
                items.addAll(PaymentPlanItems.itemsOf(plan(plan, invoices.get(n).currency()), underPlan.get(plan.planId()),
                        taken, releasedBeside(invoices, plan.planId())));
            }
        }
        // an agency's settlement ended the debt of its case: its invoices (and their instalments) are not dunned
        Set<String> settled = new HashSet<>();
        invoices.stream().filter(InvoiceRow::settledByAgency).forEach(i -> settled.add(i.invoiceId().toString()));
        return settled.isEmpty() ? items : items.stream()
                .map(i -> settled.contains(i.invoiceReference()) ? i.settledByTheAgency() : i).toList();
    }

    /** What disputes released beside the plan {@code planId} on each of its invoices (by reference). */
    private static Map<String, Money> releasedBeside(List<InvoiceRow> invoices, UUID planId) {
        Map<String, Money> released = new HashMap<>();
        for (InvoiceRow i : invoices) {
            if (i.plan() != null && i.plan().planId().equals(planId) && i.releasedBesidePlan() != null) {
                released.put(i.invoiceId().toString(), Money.rounded(i.releasedBesidePlan(), Money.currencyOf(i.currency())));
            }
        }
        return released;
    }

    /** A plan of the read model; one agreed before its principal was kept spread the schedule's principal. */
    static PaymentPlanItems.Plan plan(RunBatchRows.PlanRow p, String currencyCode) {
        var currency = Money.currencyOf(currencyCode);
        List<PaymentPlanItems.Instalment> instalments = p.instalments().stream().map(i -> new PaymentPlanItems.Instalment(
                i.number(), i.dueDate(), Money.rounded(i.amount(), currency), Money.rounded(i.principal(), currency),
                i.missed())).toList();
        Money principal = p.principal() != null ? Money.rounded(p.principal(), currency)
                : instalments.stream().map(PaymentPlanItems.Instalment::principal).reduce(Money.zero(currency), Money::plus);
        return new PaymentPlanItems.Plan(p.planId(), p.endedOn(), principal, instalments);
    }

    private static DunningItem item(InvoiceRow i, List<Hold> holds, LocalDate day, Map<String, Set<String>> taken) {
        var currency = Money.currencyOf(i.currency());
        String ref = i.invoiceId().toString();
        LocalDate heldUntil = lastDay(holds.stream().filter(h -> !h.coversWholeBuyer()
                && h.invoiceId().equals(i.invoiceId()) && h.holdsOn(day)).toList());
        return new DunningItem(ref, i.dueDate(), Money.rounded(i.open(), currency),
                Money.rounded(i.disputed() == null ? BigDecimal.ZERO : i.disputed(), currency), DunningItem.planKept(i.planState()),
                heldUntil, taken.getOrDefault(ref, Set.of()));
    }

    /** The last day of the holds holding now (null: none holds). */
    private static LocalDate lastDay(List<Hold> holding) {
        return holding.stream().map(Hold::until).max(LocalDate::compareTo).orElse(null);
    }

    /**
     * The letter's facts as {@link Letters#assemble} makes them, with the messages requested of notification-service
     * before (not the step log: it holds what approval mode drafted, sent or not).
     */
    private static LetterFacts facts(UUID buyerId, List<InvoiceRow> invoices, List<LetterFacts.SentRequest> sent) {
        return Letters.assemble(buyerId, invoices.stream().map(InvoiceRow::letter).toList())
                .withPriorMessages(LetterFacts.PriorMessage.of(sent));
    }

    private static String key(String tenantId, UUID buyerId) {
        return tenantId + "/" + buyerId;
    }
}
