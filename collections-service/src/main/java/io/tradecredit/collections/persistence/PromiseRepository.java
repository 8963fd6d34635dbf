package io.tradecredit.collections.persistence;

import static io.tradecredit.common.persistence.CurrentTransaction.params;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.PromiseToPay;
import io.tradecredit.collections.domain.RecordedPromise;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Promises to pay on cases, always within the caller's tenant except the daily review's selection. */
@ApplicationScoped
public class PromiseRepository {
    private static final String COLUMNS = "tenant_id, id, case_id, buyer_id, currency, amount, made_on, promised_date,"
            + " grace_days, deadline, hold_id, outcome, made_by";

    public Uni<Void> insert(String tenantId, UUID caseId, PromiseToPay p, UUID holdId, String madeBy) {
        return CurrentTransaction.execute("insert into promise_to_pay (" + COLUMNS + ")"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PENDING', $12)",
                params(tenantId, p.id(), caseId, p.buyerId(), p.amount().currencyCode(), p.amount().amount(), p.madeOn(),
                        p.promisedDate(), p.graceDays(), p.deadline(), holdId, madeBy))
                .replaceWithVoid();
    }

    /** The buyer's promises still pending, locked until the transaction ends. */
    public Uni<List<RecordedPromise>> pendingOf(String tenantId, UUID buyerId) {
        return many("select " + COLUMNS + " from promise_to_pay where tenant_id = $1 and buyer_id = $2"
                + " and outcome = 'PENDING' order by id for update", params(tenantId, buyerId));
    }

    /** The case's promises, newest first. */
    public Uni<List<RecordedPromise>> ofCase(String tenantId, UUID caseId) {
        return many("select " + COLUMNS + " from promise_to_pay where tenant_id = $1 and case_id = $2 order by id desc",
                params(tenantId, caseId));
    }

    /**
     * Up to {@code limit} pending promises of any tenant whose deadline lies before {@code asOf}
     * (so judging them gives a final verdict and takes them out of this selection), locked.
     */
    public Uni<List<RecordedPromise>> lockPastDeadline(LocalDate asOf, int limit) {
        return many("select " + COLUMNS + " from promise_to_pay where outcome = 'PENDING'"
                + " and deadline < $1 order by deadline, id limit $2"
                + " for update skip locked", params(asOf, limit));
    }

    /** The buyer's promises judged kept whose deadline is {@code day} or later, locked until the transaction ends. */
    public Uni<List<RecordedPromise>> keptUntil(String tenantId, UUID buyerId, LocalDate day) {
        return many("select " + COLUMNS + " from promise_to_pay where tenant_id = $1 and buyer_id = $2"
                + " and outcome = 'KEPT' and deadline >= $3 order by id for update",
                params(tenantId, buyerId, day));
    }

    /** The promise pending again: no verdict, nothing counted yet. */
    public Uni<Void> pendingAgain(String tenantId, UUID id) {
        return CurrentTransaction.execute("update promise_to_pay set outcome = 'PENDING', judged_on = null, paid = null"
                + " where tenant_id = $1 and id = $2", params(tenantId, id)).replaceWithVoid();
    }

    public Uni<Void> judged(String tenantId, UUID id, PromiseToPay.Outcome outcome, LocalDate on, Money paid) {
        return CurrentTransaction.execute("update promise_to_pay set outcome = $3, judged_on = $4, paid = $5"
                + " where tenant_id = $1 and id = $2", params(tenantId, id, outcome.name(), on, paid.amount()))
                .replaceWithVoid();
    }

    /** How many promises each of the buyers broke on its case that is not closed. */
    public Uni<RowSet<Row>> brokenCounts(String tenantId, UUID[] caseIds) {
        return CurrentTransaction.execute("select case_id, count(*) as broken from promise_to_pay where tenant_id = $1"
                + " and case_id = any($2) and outcome = 'BROKEN' group by case_id", Tuple.of(tenantId, caseIds));
    }

    private Uni<List<RecordedPromise>> many(String sql, Tuple params) {
        return CurrentTransaction.execute(sql, params).map(rows -> {
            List<RecordedPromise> out = new ArrayList<>();
            rows.forEach(r -> out.add(stored(r)));
            return out;
        });
    }

    private static RecordedPromise stored(Row r) {
        BigDecimal amount = r.getBigDecimal("amount");
        PromiseToPay p = new PromiseToPay(r.getUUID("id"), r.getUUID("buyer_id"),
                Money.rounded(amount, Money.currencyOf(r.getString("currency").trim())), r.getLocalDate("made_on"),
                r.getLocalDate("promised_date"), r.getInteger("grace_days"), r.getLocalDate("deadline"));
        return new RecordedPromise(r.getString("tenant_id"), p, r.getUUID("case_id"), r.getUUID("hold_id"),
                PromiseToPay.Outcome.valueOf(r.getString("outcome")), r.getString("made_by"));
    }
}
