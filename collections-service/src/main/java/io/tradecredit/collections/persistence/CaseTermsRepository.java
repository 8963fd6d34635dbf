package io.tradecredit.collections.persistence;

import static io.tradecredit.common.persistence.CurrentTransaction.params;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AbandonmentRule;
import io.tradecredit.collections.domain.CallTerms;
import io.tradecredit.collections.domain.CaseTerms;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.PromiseTerms;
import io.tradecredit.collections.domain.WorklistPriority;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;

/** A tenant's case terms: one row, none meaning {@link CaseTerms#DEFAULT}. */
@ApplicationScoped
public class CaseTermsRepository {
    @Inject
    ObjectMapper json;

    public Uni<Optional<CaseTerms>> find(String tenantId) {
        return CurrentTransaction.execute("select promise_grace_days, max_promise_days, short_hold_days, follow_up_days,"
                + " cost_per_step::text as cost_per_step, steps_to_collect, agency_fee_percent, worklist::text as worklist from case_terms"
                + " where tenant_id = $1", params(tenantId)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var r = rows.iterator().next();
                    return Optional.of(new CaseTerms(new PromiseTerms(r.getInteger("promise_grace_days"),
                            r.getInteger("max_promise_days")),
                            new CallTerms(r.getInteger("short_hold_days"), r.getInteger("follow_up_days")),
                            new AbandonmentRule(new CurrencyThresholds(read(r.getString("cost_per_step"))),
                                    r.getInteger("steps_to_collect"), r.getBigDecimal("agency_fee_percent")),
                            readWorklist(r.getString("worklist"))));
                });
    }

    public Uni<Void> save(String tenantId, CaseTerms t, OffsetDateTime at, String by) {
        return CurrentTransaction.execute("insert into case_terms (tenant_id, promise_grace_days, short_hold_days,"
                + " follow_up_days, cost_per_step, steps_to_collect, agency_fee_percent, updated_at, updated_by,"
                + " worklist, max_promise_days) values ($1, $2, $3, $4, cast(cast($5 as text) as jsonb), $6, $7, $8, $9,"
                + " cast(cast($10 as text) as jsonb), $11) on conflict (tenant_id)"
                + " do update set promise_grace_days = excluded.promise_grace_days,"
                + " short_hold_days = excluded.short_hold_days, follow_up_days = excluded.follow_up_days,"
                + " cost_per_step = excluded.cost_per_step, steps_to_collect = excluded.steps_to_collect,"
                + " agency_fee_percent = excluded.agency_fee_percent, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by, worklist = excluded.worklist,"
                + " max_promise_days = excluded.max_promise_days",
                params(tenantId, t.promise().graceDays(), t.call().shortHoldDays(), t.call().followUpDays(),
                        write(t.abandonment().costPerStep().amounts()), t.abandonment().stepsToCollect(),
                        t.abandonment().agencyFeePercent(), at, by, writeWorklist(t.worklist()),
                        t.promise().maxPromiseDays())).replaceWithVoid();
    }

    /** The weights as JSON, each currency by its code (a map keyed by Currency has no agreed JSON form). */
    private String writeWorklist(WorklistPriority w) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> perPoint = new TreeMap<>();
        w.amountPerPoint().forEach((c, a) -> perPoint.put(c.getCurrencyCode(), a.toPlainString()));
        m.put("amountPerPoint", perPoint);
        m.put("otherAmountPerPoint", w.otherAmountPerPoint().toPlainString());
        m.put("pointsPerDayPastDue", w.pointsPerDayPastDue());
        m.put("pointsPerGrade", w.pointsPerGrade());
        m.put("pointsPerBrokenPromise", w.pointsPerBrokenPromise());
        m.put("pointsForActionDue", w.pointsForActionDue());
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private WorklistPriority readWorklist(String text) {
        try {
            JsonNode n = json.readTree(text);
            Map<Currency, BigDecimal> perPoint = new HashMap<>();
            n.get("amountPerPoint").fields().forEachRemaining(
                    e -> perPoint.put(Currency.getInstance(e.getKey()), new BigDecimal(e.getValue().asText())));
            return new WorklistPriority(perPoint, new BigDecimal(n.get("otherAmountPerPoint").asText()),
                    n.get("pointsPerDayPastDue").asInt(), n.get("pointsPerGrade").asInt(),
                    n.get("pointsPerBrokenPromise").asInt(), n.get("pointsForActionDue").asInt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored worklist weights are not JSON", e);
        }
    }

    private String write(List<Money> amounts) {
        try {
            return json.writeValueAsString(amounts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Money> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Money>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cost_per_step is not a list of amounts", e);
        }
    }
}
