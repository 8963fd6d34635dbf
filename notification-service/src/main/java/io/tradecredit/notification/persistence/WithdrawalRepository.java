package io.tradecredit.notification.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.Withdrawal;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The withdrawals received (table message_withdrawal, one per tenant and request id) and the moves
 * to WITHDRAWN they make, in the current transaction. Each move is guarded by the status it moves
 * from (and by the tenant), so a withdrawal that lost the race to a claim for sending changes nothing.
 */
@ApplicationScoped
public class WithdrawalRepository {
    @Inject
    MessageRepository messages;

    /** Keeps the withdrawal unless the tenant withdrew the request already; whether it was kept. */
    public Uni<Boolean> remember(String tenantId, Withdrawal w) {
        return CurrentTransaction.execute("insert into message_withdrawal (tenant_id, request_id, reason, requested_by,"
                + " received_at) values ($1, $2, $3, $4, $5) on conflict do nothing",
                Tuple.of(tenantId, w.requestId(), w.reason(), w.requestedBy(), w.receivedAt().atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The tenant's withdrawal of the request, if one was received. */
    public Uni<Optional<Withdrawal>> find(String tenantId, UUID requestId) {
        return CurrentTransaction.execute("select * from message_withdrawal where tenant_id = $1 and request_id = $2",
                Tuple.of(tenantId, requestId)).map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(withdrawal(it.next())) : Optional.empty();
                });
    }

    /**
     * The withdrawals received of the requests {@code requestIds} of {@code tenantIds} (paired by
     * position), with one statement, keyed by tenant and request id ({@link #key}).
     */
    public Uni<Map<String, Withdrawal>> findAll(String[] tenantIds, UUID[] requestIds) {
        return CurrentTransaction.execute("select * from message_withdrawal where (tenant_id, request_id) in"
                + " (select * from unnest($1::text[], $2::uuid[]))", Tuple.of(tenantIds, requestIds)).map(rows -> {
                    Map<String, Withdrawal> found = new HashMap<>();
                    rows.forEach(r -> found.put(key(r.getString("tenant_id"), r.getUUID("request_id")), withdrawal(r)));
                    return found;
                });
    }

    /** How {@link #findAll} keys a tenant's request. */
    public static String key(String tenantId, UUID requestId) {
        return tenantId + "/" + requestId;
    }

    /**
     * The tenant's message moved from {@code from} (QUEUED, or SENDING after a failed hand-over) to WITHDRAWN; to UNKNOWN
     * when an earlier hand-over may have reached its receiver ({@link Withdrawal#endsAs}, column may_have_been_received).
     */
    public Uni<Optional<Message>> withdraw(String tenantId, UUID requestId, String from, String reason, Instant at) {
        return CurrentTransaction.execute("update message set"
                + " status = case when may_have_been_received then $6 else $7 end,"
                + " failure_reason = case when may_have_been_received then $8 else $4 end,"
                + " next_attempt_at = null, claimed_at = null, updated_at = $5"
                + " where request_id = $1 and tenant_id = $2 and status = $3 returning *",
                Tuple.tuple().addUUID(requestId).addString(tenantId).addString(from).addString(reason)
                        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC)).addString(Withdrawal.endsAs(true).name())
                        .addString(Withdrawal.endsAs(false).name()).addString(Withdrawal.reasonOf(true, reason)))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(messages.message(it.next())) : Optional.empty();
                });
    }

    /**
     * Every QUEUED message whose tenant withdrew it (the withdrawal committed while the request was
     * being taken in, so neither saw the other) moved to WITHDRAWN with the withdrawal's reason (UNKNOWN when it may have
     * reached its receiver, {@link Withdrawal#endsAs}).
     */
    public Uni<List<Message>> withdrawRemembered(Instant at) {
        return CurrentTransaction.execute("""
                update message m set status = case when m.may_have_been_received then $2 else $3 end,
                    failure_reason = case when m.may_have_been_received then $4 || w.reason else w.reason end,
                    next_attempt_at = null, updated_at = $1
                from message_withdrawal w
                where w.request_id = m.request_id and w.tenant_id = m.tenant_id and m.status = 'QUEUED'
                returning m.*""", Tuple.of(at.atOffset(ZoneOffset.UTC), Withdrawal.endsAs(true).name(),
                        Withdrawal.endsAs(false).name(), Withdrawal.MAY_HAVE_BEEN_RECEIVED)).map(rows -> {
                    List<Message> out = new ArrayList<>();
                    rows.forEach(r -> out.add(messages.message(r)));
                    return out;
                });
    }

    private static Withdrawal withdrawal(Row r) {
        return new Withdrawal(r.getUUID("request_id"), r.getString("reason"), r.getString("requested_by"),
                r.getOffsetDateTime("received_at").toInstant());
    }

    /**
     * Drops the withdrawals received before {@code before}, but for those whose message is still
     * QUEUED or SENDING (the claim's sweep and a failed hand-over still read them); how many.
     */
    public Uni<Integer> pruneBefore(Instant before) {
        return CurrentTransaction.execute("""
                delete from message_withdrawal w where w.received_at < $1 and not exists (select 1 from message m
                    where m.request_id = w.request_id and m.tenant_id = w.tenant_id and m.status in ('QUEUED', 'SENDING'))""",
                Tuple.of(before.atOffset(ZoneOffset.UTC))).map(rows -> rows.rowCount());
    }
}
