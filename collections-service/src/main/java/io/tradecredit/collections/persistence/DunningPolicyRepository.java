package io.tradecredit.collections.persistence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.DunningLadder;
import io.tradecredit.collections.domain.DunningRunPolicy;
import io.tradecredit.collections.domain.DunningSettings;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.collections.domain.LadderVersion;
import io.tradecredit.collections.domain.PolicyVersion;
import io.tradecredit.collections.domain.RecordedPolicyVersion;
import io.tradecredit.collections.domain.PaymentDeadline;
import io.tradecredit.collections.domain.RunSettings;
import io.tradecredit.collections.domain.SegmentRule;
import io.tradecredit.collections.domain.TenantCalendar;

/**
 * A tenant's ladder versions, versions of its ladder assignments, and its calendar and run
 * settings (one row; none means the defaults). Lists are JSON columns written and read with the
 * application's Jackson mapper, in the shape of the domain records.
 */
@ApplicationScoped
public class DunningPolicyRepository {
    private final ObjectMapper json;

    /**
     * The application's mapper (dates as ISO text), tolerant of derived properties it writes
     * itself (a record's {@code isMessage()}), which the records do not take back.
     */
    @Inject
    public DunningPolicyRepository(ObjectMapper mapper) {
        this.json = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    // --- ladders ---------------------------------------------------------------------------

    /**
     * Holds, until the transaction ends, the right to number the next version of {@code what}
     * (a ladder key, or the assignments): two changes at once get versions n and n + 1 instead of
     * one of them failing on the primary key.
     */
    public Uni<Void> lockVersions(String tenantId, String what) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select 1 from (select pg_advisory_xact_lock(hashtextextended(:lock, 0))) as l", Integer.class)
                .setParameter("lock", "dunning-policy/" + tenantId + "/" + what).getSingleResult()).replaceWithVoid();
    }

    public Uni<Integer> lastLadderVersion(String tenantId, String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select coalesce(max(version), 0) as v from dunning_ladder_version where tenant_id = :t and ladder_key = :k",
                Integer.class).setParameter("t", tenantId).setParameter("k", key).getSingleResult());
    }

    public Uni<Void> insertLadder(String tenantId, LadderVersion v) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into dunning_ladder_version (tenant_id, ladder_key, version, effective_from, steps, created_at, created_by)
                values (:t, :k, :v, :from, cast(cast(:steps as text) as jsonb), :at, :by)""")
                .setParameter("t", tenantId).setParameter("k", v.key()).setParameter("v", v.version())
                .setParameter("from", v.effectiveFrom()).setParameter("steps", write(v.ladder().steps()))
                .setParameter("at", v.recordedAt()).setParameter("by", v.recordedBy()).executeUpdate())
                .replaceWithVoid();
    }

    /** Every version of the tenant's ladder {@code key}, oldest first (empty if it set none). */
    public Uni<List<LadderVersion>> ladderVersions(String tenantId, String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select ladder_key, version, effective_from, steps::text as steps, created_at, created_by
                from dunning_ladder_version where tenant_id = :t and ladder_key = :k order by version""", Tuple.class)
                .setParameter("t", tenantId).setParameter("k", key).getResultList())
                .map(rows -> rows.stream().map(this::toLadder).toList());
    }

    /** The keys of the ladders the tenant has set. */
    public Uni<List<String>> ladderKeys(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select distinct ladder_key from dunning_ladder_version where tenant_id = :t order by ladder_key",
                String.class).setParameter("t", tenantId).getResultList());
    }

    private LadderVersion toLadder(Tuple r) {
        List<DunningStep> steps = read(r.get("steps", String.class), new TypeReference<List<DunningStep>>() { });
        return new LadderVersion(r.get("ladder_key", String.class), r.get("version", Integer.class),
                r.get("effective_from", LocalDate.class), DunningLadder.of(steps),
                r.get("created_at", OffsetDateTime.class), r.get("created_by", String.class));
    }

    // --- ladder assignments ----------------------------------------------------------------

    public Uni<Void> insertPolicy(String tenantId, RecordedPolicyVersion r) {
        PolicyVersion p = r.policy();
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into dunning_policy_version (tenant_id, version, effective_from, default_ladder_key,
                    segment_rules, buyer_ladders, created_at, created_by)
                values (:t, :v, :from, :dflt, cast(cast(:rules as text) as jsonb), cast(cast(:buyers as text) as jsonb), :at, :by)""")
                .setParameter("t", tenantId).setParameter("v", p.version()).setParameter("from", p.effectiveFrom())
                .setParameter("dflt", p.defaultLadderKey()).setParameter("rules", write(p.segmentRules()))
                .setParameter("buyers", write(p.buyerLadders())).setParameter("at", r.recordedAt())
                .setParameter("by", r.recordedBy()).executeUpdate()).replaceWithVoid();
    }

    /** Every version of the tenant's assignments, oldest first. */
    public Uni<List<RecordedPolicyVersion>> policyVersions(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select version, effective_from, default_ladder_key, segment_rules::text as segment_rules,
                    buyer_ladders::text as buyer_ladders, created_at, created_by
                from dunning_policy_version where tenant_id = :t order by version""", Tuple.class)
                .setParameter("t", tenantId).getResultList())
                .map(rows -> rows.stream().map(this::toPolicy).toList());
    }

    private RecordedPolicyVersion toPolicy(Tuple r) {
        List<SegmentRule> rules = read(r.get("segment_rules", String.class), new TypeReference<List<SegmentRule>>() { });
        Map<UUID, String> buyers = read(r.get("buyer_ladders", String.class), new TypeReference<Map<UUID, String>>() { });
        return new RecordedPolicyVersion(new PolicyVersion(r.get("version", Integer.class),
                r.get("effective_from", LocalDate.class), r.get("default_ladder_key", String.class), rules, buyers),
                r.get("created_at", OffsetDateTime.class), r.get("created_by", String.class));
    }

    // --- calendar and run settings -----------------------------------------------------------

    /** The tenant's calendar and run settings; the defaults for a tenant that set neither. */
    public Uni<DunningSettings> settings(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select weekend::text as weekend, holidays::text as holidays,
                    make_up_working_days::text as make_up_working_days, day_count, tolerance::text as tolerance,
                    consolidation, approval_mode, payment_deadline_days
                from dunning_tenant_settings where tenant_id = :t""", Tuple.class)
                .setParameter("t", tenantId).getResultList())
                .map(rows -> rows.isEmpty() ? DunningSettings.DEFAULT : toSettings(rows.get(0)));
    }

    /** Both halves; the caller read the current row first and changed one of them. */
    public Uni<Void> saveSettings(String tenantId, DunningSettings settings, String by, OffsetDateTime at) {
        TenantCalendar c = settings.calendar();
        DunningRunPolicy run = settings.run().run();
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into dunning_tenant_settings (tenant_id, weekend, holidays, make_up_working_days, day_count,
                    tolerance, consolidation, approval_mode, payment_deadline_days, updated_at, updated_by)
                values (:t, cast(cast(:weekend as text) as jsonb), cast(cast(:holidays as text) as jsonb), cast(cast(:makeUp as text) as jsonb), :dayCount,
                    cast(cast(:tolerance as text) as jsonb), :consolidation, :approval, :deadlineDays, :at, :by)
                on conflict (tenant_id) do update set weekend = excluded.weekend, holidays = excluded.holidays,
                    make_up_working_days = excluded.make_up_working_days, day_count = excluded.day_count,
                    tolerance = excluded.tolerance, consolidation = excluded.consolidation,
                    approval_mode = excluded.approval_mode,
                    payment_deadline_days = excluded.payment_deadline_days, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .setParameter("t", tenantId).setParameter("weekend", write(c.weekend()))
                .setParameter("holidays", write(c.holidays())).setParameter("makeUp", write(c.makeUpWorkingDays()))
                .setParameter("dayCount", run.dayCount().name()).setParameter("tolerance", write(run.tolerance()))
                .setParameter("consolidation", run.consolidation()).setParameter("approval", settings.run().approvalMode())
                .setParameter("deadlineDays", settings.run().paymentDeadline().days())
                .setParameter("at", at).setParameter("by", by).executeUpdate()).replaceWithVoid();
    }

    private DunningSettings toSettings(Tuple r) {
        TenantCalendar calendar = new TenantCalendar(
                read(r.get("weekend", String.class), new TypeReference<List<DayOfWeek>>() { }),
                read(r.get("holidays", String.class), new TypeReference<List<LocalDate>>() { }),
                read(r.get("make_up_working_days", String.class), new TypeReference<List<LocalDate>>() { }));
        DunningRunPolicy run = new DunningRunPolicy(DayCount.valueOf(r.get("day_count", String.class)),
                read(r.get("tolerance", String.class), new TypeReference<CurrencyThresholds>() { }),
                r.get("consolidation", Boolean.class));
        return new DunningSettings(calendar, new RunSettings(run, r.get("approval_mode", Boolean.class),
                new PaymentDeadline(r.get("payment_deadline_days", Integer.class))));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dunning policy is unreadable: " + text, e);
        }
    }

}
