package io.tradecredit.claims.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.CollectionEntry;
import io.tradecredit.claims.domain.CollectorHandOver;
import io.tradecredit.claims.domain.Deadline;
import io.tradecredit.claims.domain.DeadlineFacts;
import io.tradecredit.claims.domain.DeadlineKind;
import io.tradecredit.claims.domain.DeadlineState;
import io.tradecredit.claims.domain.InsuredDeadline;
import io.tradecredit.claims.domain.InvoiceDeadlines;
import io.tradecredit.claims.domain.MissedBeforeTracking;
import io.tradecredit.claims.domain.StopDeliveries;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deadlines job's rows: the overdue invoices to look at on a day, the {@code insured_deadline} rows and the
 * facts that meet them (overdue notifications, stop-deliveries, claims submitted, what is still open). Every
 * selection of a batch locks its rows and skips rows another replica holds; a row leaves it when its batch commits.
 */
@ApplicationScoped
public class DeadlineRepository {
    /** Open invoices past their due date the job has not looked at for the day, one batch, locked. */
    static final String TO_LOOK_AT = """
            select invoice_id, tenant_id, buyer_id, invoice_number, due_date, currency from open_invoice
            where open_amount > 0 and due_date < $1 and (deadlines_on is null or deadlines_on < $1)
            order by invoice_id limit $2 for update skip locked""";
    static final String LOOKED_AT = "update open_invoice set deadlines_on = $1 where invoice_id = any($2)";
    /** A deadline computed again moves with its terms (a revised MEP); a moved open deadline is upcoming again. */
    static final String PLAN = """
            insert into insured_deadline as d (id, tenant_id, policy_id, buyer_id, invoice_id, invoice_number, kind,
                due_date, extended_to, deadline, state)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'UPCOMING')
            on conflict (policy_id, invoice_id, kind) do update set due_date = excluded.due_date,
                extended_to = excluded.extended_to, deadline = excluded.deadline,
                state = case when d.deadline <> excluded.deadline then 'UPCOMING' else d.state end,
                warned_on = case when d.deadline <> excluded.deadline then null else d.warned_on end
            where d.state in ('UPCOMING', 'WARNED')""";
    static final String TO_JUDGE = """
            select id from insured_deadline where state in ('UPCOMING', 'WARNED') and (judged_on is null or judged_on < $1)
            order by id limit $2 for update skip locked""";
    /** The locked deadlines with what may meet them, as known on the day ($2). */
    static final String FACTS = """
            select d.id, d.tenant_id, d.policy_id, d.buyer_id, d.invoice_id, d.invoice_number, d.kind, d.due_date,
                d.extended_to, d.deadline, d.state, o.buyer_name, coalesce(o.open_amount, 0) > 0 as open,
                (select min(n.notified_on) from overdue_notification n
                    join overdue_notification_invoice ni on ni.notification_id = n.id
                    where n.tenant_id = d.tenant_id and n.policy_id = d.policy_id and n.buyer_id = d.buyer_id
                    and ni.invoice_id = d.invoice_id and n.notified_on <= $2) as notified_on,
                (select min(n.stop_deliveries_from) from overdue_notification n
                    where n.tenant_id = d.tenant_id and n.policy_id = d.policy_id and n.buyer_id = d.buyer_id
                    and n.stop_deliveries_from <= $2) as stop_deliveries_from,
                (select min(e.on_day) from claim c join claim_entry e on e.claim_id = c.id
                    where c.tenant_id = d.tenant_id and c.policy_id = d.policy_id and c.buyer_id = d.buyer_id
                    and e.to_state = 'SUBMITTED' and e.on_day <= $2
                    and exists (select 1 from claim_invoice ci where ci.claim_id = c.id
                        and (ci.invoice_id = d.invoice_id or ci.invoice_number = d.invoice_number))) as claim_filed_on,
                (select array_agg(r.on_day || '|' || r.kind || '|' || r.agency_code order by r.on_day, r.recorded_at,
                        r.event_id)
                    from collection_record r where r.tenant_id = d.tenant_id and r.buyer_id = d.buyer_id
                    and r.kind in ('HANDED_TO_AGENCY', 'RECALLED') and r.agency_code is not null
                    and r.on_day <= $2) as agency_moves,
                (select t.since from deadline_tracking t where t.policy_id = d.policy_id) as tracked_since
            from insured_deadline d left join open_invoice o on o.invoice_id = d.invoice_id and o.tenant_id = d.tenant_id
            where d.id = any($1) order by d.id""";
    static final String JUDGED = "update insured_deadline set judged_on = $1 where id = any($2)";
    static final String WARNED = "update insured_deadline set state = 'WARNED', warned_on = $1 where id = $2";
    static final String MET = "update insured_deadline set state = 'MET', met_on = $1, met_by = $2 where id = $3";
    static final String MISSED = "update insured_deadline set state = 'MISSED', missed_on = $1 where id = $2";
    static final String MISSED_BEFORE_TRACKING = """
            update insured_deadline set state = 'MISSED', missed_on = $1, before_tracking = true where id = $2""";
    /** Tracking begins for every policy on the first date the job runs after it was entered ("The first run"). */
    static final String START_TRACKING = """
            insert into deadline_tracking (policy_id, tenant_id, since) select id, tenant_id, $1 from insurance_policy
            on conflict (policy_id) do nothing""";
    static final String TO_SUMMARIZE = """
            select tenant_id from insured_deadline where before_tracking and summarized_on is null
            group by tenant_id order by tenant_id limit $1""";
    /** Takes the tenant's untold misses before tracking into the day's summary (a concurrent taker gets none). */
    static final String SUMMARIZED = """
            update insured_deadline d set summarized_on = $1 from insurance_policy p
            where d.tenant_id = $2 and d.before_tracking and d.summarized_on is null and p.id = d.policy_id
            returning d.policy_id, p.policy_number, d.kind, d.deadline""";
    static final String LIST = """
            select id, policy_id, buyer_id, invoice_id, invoice_number, kind, due_date, extended_to, deadline, state,
                warned_on, met_on, met_by, missed_on, before_tracking
            from insured_deadline where tenant_id = $1 and policy_id = $2 and ($3::uuid is null or buyer_id = $3)
                and ($4::text is null or state = $4)
            order by deadline, invoice_number, kind limit $5 offset $6""";
    static final String COUNT = """
            select count(*) as total from insured_deadline where tenant_id = $1 and policy_id = $2
                and ($3::uuid is null or buyer_id = $3) and ($4::text is null or state = $4)""";

    /** An overdue invoice to look at. */
    public record Overdue(UUID invoiceId, String tenantId, UUID buyerId, String invoiceNumber, LocalDate dueDate,
            String currency) {
    }

    /**
     * A locked open deadline with the facts that may meet it; the buyer's case's hand-offs and recalls (oldest first)
     * are given apart, since which agency is the named collector depends on the policy's terms on the day.
     */
    public record ToJudge(UUID id, String tenantId, UUID policyId, UUID buyerId, UUID invoiceId, String invoiceNumber,
            String buyerName, LocalDate dueDate, LocalDate extendedTo, Deadline deadline, DeadlineFacts facts,
            List<CollectorHandOver.Move> agencyMoves, LocalDate trackedSince) {
    }

    public Uni<List<Overdue>> lockOverdue(LocalDate asOf, int batchSize) {
        return CurrentTransaction.execute(TO_LOOK_AT, Tuple.of(asOf, batchSize)).map(rows -> {
            List<Overdue> found = new ArrayList<>();
            rows.forEach(r -> found.add(new Overdue(r.getUUID("invoice_id"), r.getString("tenant_id"),
                    r.getUUID("buyer_id"), r.getString("invoice_number"), r.getLocalDate("due_date"),
                    r.getString("currency"))));
            return found;
        });
    }

    public Uni<Void> lookedAt(List<UUID> invoiceIds, LocalDate asOf) {
        return CurrentTransaction.execute(LOOKED_AT, Tuple.of(asOf, invoiceIds.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Records (or moves) the invoice's four deadlines under the policy, each under {@link #idOf}. */
    public Uni<Void> plan(Overdue invoice, UUID policyId, InvoiceDeadlines deadlines) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (DeadlineKind kind : DeadlineKind.values()) {
            all = all.chain(() -> CurrentTransaction.execute(PLAN, CurrentTransaction.params(
                    idOf(policyId, invoice.invoiceId(), kind), invoice.tenantId(), policyId, invoice.buyerId(),
                    invoice.invoiceId(), invoice.invoiceNumber(), kind.name(), invoice.dueDate(),
                    deadlines.extendedTo(), deadlines.of(kind))).replaceWithVoid());
        }
        return all;
    }

    /** A deadline's id: the same policy, invoice and kind always name the same row. */
    public static UUID idOf(UUID policyId, UUID invoiceId, DeadlineKind kind) {
        return UUID.nameUUIDFromBytes(("insured-deadline:" + policyId + ":" + invoiceId + ":" + kind)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** One batch of open deadlines not yet judged on the day, locked, with their facts as known on it. */
    public Uni<List<ToJudge>> lockToJudge(LocalDate asOf, int batchSize) {
        return CurrentTransaction.lockIds(TO_JUDGE, Tuple.of(asOf, batchSize)).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(List.<ToJudge>of())
                : CurrentTransaction.execute(FACTS, Tuple.of(ids.toArray(UUID[]::new), asOf)).map(rows -> {
                    List<ToJudge> found = new ArrayList<>();
                    rows.forEach(r -> found.add(toJudge(r)));
                    return found;
                }));
    }

    private static ToJudge toJudge(Row r) {
        Deadline d = new Deadline(DeadlineKind.valueOf(r.getString("kind")), r.getLocalDate("deadline"),
                DeadlineState.valueOf(r.getString("state")));
        DeadlineFacts facts = new DeadlineFacts(!r.getBoolean("open"), r.getLocalDate("notified_on"),
                r.getLocalDate("stop_deliveries_from"), r.getLocalDate("claim_filed_on"));
        return new ToJudge(r.getUUID("id"), r.getString("tenant_id"), r.getUUID("policy_id"), r.getUUID("buyer_id"),
                r.getUUID("invoice_id"), r.getString("invoice_number"), r.getString("buyer_name"),
                r.getLocalDate("due_date"), r.getLocalDate("extended_to"), d, facts, agencyMoves(r),
                r.getLocalDate("tracked_since"));
    }

    /** {@code agency_moves}: "day|kind|agency code" of the buyer's hand-offs and recalls, oldest first. */
    private static List<CollectorHandOver.Move> agencyMoves(Row r) {
        String[] moves = r.getArrayOfStrings("agency_moves");
        List<CollectorHandOver.Move> found = new ArrayList<>();
        for (String m : moves == null ? new String[0] : moves) {
            String[] part = m.split("\\|", 3);
            found.add(new CollectorHandOver.Move(LocalDate.parse(part[0]),
                    CollectionEntry.Kind.HANDED_TO_AGENCY.name().equals(part[1]), part[2]));
        }
        return found;
    }

    public Uni<Void> judged(List<UUID> ids, LocalDate asOf) {
        return CurrentTransaction.execute(JUDGED, Tuple.of(asOf, ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    public Uni<Void> warned(UUID id, LocalDate on) {
        return CurrentTransaction.execute(WARNED, Tuple.of(on, id)).replaceWithVoid();
    }

    public Uni<Void> met(UUID id, Deadline.Met met) {
        return CurrentTransaction.execute(MET, Tuple.of(met.on(), met.by().name(), id)).replaceWithVoid();
    }

    /**
     * The date of the buyer's first stop-deliveries deadline under the policy found missed (also before tracking): from
     * it deliveries to the buyer are uninsured though the tenant never notified (domain.StopDeliveries).
     */
    public Uni<Optional<LocalDate>> firstMissedStopDeliveries(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.execute("""
                select min(deadline) as first_missed from insured_deadline
                where tenant_id = $1 and policy_id = $2 and buyer_id = $3 and kind = 'STOP_DELIVERIES' and state = 'MISSED'""",
                Tuple.of(tenantId, policyId, buyerId))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate("first_missed")));
    }

    /**
     * The buyer's first stop-deliveries deadline under the policy found missed, as a stop's start (its day and id, as
     * {@code stop-deliveries-started} with cause DEADLINE_MISSED named them); empty when none.
     */
    public Uni<Optional<StopDeliveries.Start>> firstMissedStop(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.execute("""
                select id, deadline from insured_deadline
                where tenant_id = $1 and policy_id = $2 and buyer_id = $3 and kind = 'STOP_DELIVERIES' and state = 'MISSED'
                order by deadline, id limit 1""", Tuple.of(tenantId, policyId, buyerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new StopDeliveries.Start(rows.iterator()
                        .next().getLocalDate("deadline"), rows.iterator().next().getUUID("id"),
                        StopDeliveries.Cause.DEADLINE_MISSED)));
    }

    /** A buyer under a policy whose stop is due to be published again (V19). */
    public record StopDue(String tenantId, UUID policyId, UUID buyerId) {
    }

    /** Up to {@code max} buyers whose stop is due (V19), taken off the table (rows another replica holds skipped). */
    public Uni<List<StopDue>> takeStopsDue(int max) {
        return CurrentTransaction.execute("""
                delete from stop_deliveries_due where (tenant_id, policy_id, buyer_id) in (
                    select tenant_id, policy_id, buyer_id from stop_deliveries_due limit $1 for update skip locked)
                returning tenant_id, policy_id, buyer_id""", Tuple.of(max)).map(rows -> {
                    List<StopDue> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new StopDue(r.getString("tenant_id"), r.getUUID("policy_id"),
                            r.getUUID("buyer_id"))));
                    return out;
                });
    }

    public Uni<Void> missed(UUID id, LocalDate on) {
        return CurrentTransaction.execute(MISSED, Tuple.of(on, id)).replaceWithVoid();
    }

    public Uni<Void> missedBeforeTracking(UUID id, LocalDate on) {
        return CurrentTransaction.execute(MISSED_BEFORE_TRACKING, Tuple.of(on, id)).replaceWithVoid();
    }

    /** Every policy not yet tracked is tracked from {@code asOf} on. */
    public Uni<Void> startTracking(LocalDate asOf) {
        return CurrentTransaction.execute(START_TRACKING, Tuple.of(asOf)).replaceWithVoid();
    }

    /** Up to {@code batchSize} tenants with misses before tracking not yet told. */
    public Uni<List<String>> toSummarize(int batchSize) {
        return CurrentTransaction.execute(TO_SUMMARIZE, Tuple.of(batchSize)).map(rows -> {
            List<String> found = new ArrayList<>();
            rows.forEach(r -> found.add(r.getString("tenant_id")));
            return found;
        });
    }

    /** The tenant's misses before tracking not yet told, now marked told on {@code asOf}. */
    public Uni<List<MissedBeforeTracking>> summarize(String tenantId, LocalDate asOf) {
        return CurrentTransaction.execute(SUMMARIZED, Tuple.of(asOf, tenantId)).map(rows -> {
            List<MissedBeforeTracking> found = new ArrayList<>();
            rows.forEach(r -> found.add(new MissedBeforeTracking(r.getUUID("policy_id"), r.getString("policy_number"),
                    DeadlineKind.valueOf(r.getString("kind")), r.getLocalDate("deadline"))));
            return found;
        });
    }

    /** One page of the tenant's deadlines under the policy, optionally of one buyer and in one state, soonest first. */
    public Uni<List<InsuredDeadline>> list(String tenantId, UUID policyId, UUID buyerId, DeadlineState state, int page, int size) {
        return CurrentTransaction.execute(LIST, CurrentTransaction.params(tenantId, policyId, buyerId,
                state == null ? null : state.name(), size, (long) page * size)).map(rows -> {
                    List<InsuredDeadline> found = new ArrayList<>();
                    rows.forEach(r -> found.add(new InsuredDeadline(r.getUUID("id"), r.getUUID("policy_id"), r.getUUID("buyer_id"),
                            r.getUUID("invoice_id"), r.getString("invoice_number"), DeadlineKind.valueOf(r.getString("kind")),
                            r.getLocalDate("due_date"), r.getLocalDate("extended_to"), r.getLocalDate("deadline"),
                            DeadlineState.valueOf(r.getString("state")), r.getLocalDate("warned_on"),
                            r.getLocalDate("met_on"), r.getString("met_by") == null ? null
                                    : Deadline.MetBy.valueOf(r.getString("met_by")), r.getLocalDate("missed_on"),
                            r.getBoolean("before_tracking"))));
                    return found;
                });
    }

    public Uni<Long> count(String tenantId, UUID policyId, UUID buyerId, DeadlineState state) {
        return CurrentTransaction.execute(COUNT, CurrentTransaction.params(tenantId, policyId, buyerId,
                state == null ? null : state.name())).map(rows -> rows.iterator().next().getLong("total"));
    }
}
