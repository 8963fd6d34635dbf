package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageStatus;
import io.tradecredit.notification.domain.Withdrawal;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.WithdrawalRepository;

/**
 * Applies a requester's withdrawal ({@link Withdrawal}) in the inbox's transaction: keeps it (so a
 * request still to come ends WITHDRAWN, see {@link Intake}), and moves the tenant's QUEUED message
 * to WITHDRAWN with its status event. A message being handed over is withdrawn by
 * {@link Deliveries} if the hand-over fails; one already handed over is left alone and the
 * withdrawal is only logged. Another tenant's message with the same id is never touched.
 */
@ApplicationScoped
public class Withdrawals {
    private static final Logger LOG = Logger.getLogger(Withdrawals.class);

    @Inject
    WithdrawalRepository withdrawals;

    @Inject
    MessageRepository messages;

    @Inject
    StatusEvents statusEvents;

    @Inject
    Clock clock;

    /** How long a withdrawal is kept: far longer than a request may trail its withdrawal (the inbox keeps ids 30 days). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tradecredit.notification.withdrawal.retention-days",
            defaultValue = "90")
    int retentionDays;

    /** Withdraws the tenant's request {@code requestId}. In the current transaction. */
    public Uni<Void> withdraw(String tenantId, UUID requestId, String reason, String requestedBy) {
        Instant now = clock.instant();
        Withdrawal w = new Withdrawal(requestId, reason, requestedBy, now);
        return withdrawals.remember(tenantId, w).chain(() -> messages.find(tenantId, requestId)).chain(found -> {
            Withdrawal.Effect effect = Withdrawal.effectOn(found.map(Message::status));
            LOG.infof("withdrawal of message %s (tenant %s) by %s: %s", requestId, tenantId, requestedBy, effect);
            if (effect != Withdrawal.Effect.WITHDRAWS) {
                return Uni.createFrom().voidItem();
            }
            return withdrawn(withdrawals.withdraw(tenantId, requestId, MessageStatus.QUEUED.name(), reason, now), now)
                    .replaceWithVoid();
        });
    }

    /**
     * A message whose hand-over failed: WITHDRAWN instead of a retry or a fallback when its tenant
     * withdrew it meanwhile, UNKNOWN if a hand-over of it may have reached its receiver ({@link Withdrawal#endsAs});
     * where it ended, empty when not withdrawn. In the current transaction.
     */
    public Uni<Optional<MessageStatus>> afterFailedHandOver(Message m, Instant now) {
        return withdrawals.find(m.tenantId(), m.requestId()).chain(w -> w.isEmpty() ? Uni.createFrom().item(Optional.empty())
                : withdrawals.withdraw(m.tenantId(), m.requestId(), MessageStatus.SENDING.name(), w.get().reason(), now)
                        .call(moved -> statusEvents.changed(moved.stream().toList(), now))
                        .map(moved -> moved.map(Message::status)));
    }

    /** Withdraws every QUEUED message withdrawn while its request was being taken in. In the current transaction. */
    public Uni<Void> sweep(Instant now) {
        return withdrawals.withdrawRemembered(now).chain(moved -> statusEvents.changed(moved, now));
    }

    /**
     * The withdrawals requests still to be recorded have met (those their tenants sent first), for
     * the requests {@code requestIds} of {@code tenantIds} paired by position, with one query; keyed
     * by {@link WithdrawalRepository#key}.
     */
    public Uni<Map<String, Withdrawal>> awaitingAll(String[] tenantIds, UUID[] requestIds) {
        return withdrawals.findAll(tenantIds, requestIds);
    }

    /** Publishes the move if it happened; whether it did. */
    private Uni<Boolean> withdrawn(Uni<Optional<Message>> move, Instant now) {
        return move.chain(moved -> statusEvents.changed(moved.stream().toList(), now).replaceWith(moved.isPresent()));
    }

    /**
     * Drops the withdrawals received more than {@code tradecredit.notification.withdrawal.retention-days}
     * before {@code asOf} (their requests long taken in or never coming), but for those of a message
     * still QUEUED or SENDING; how many. In the current transaction.
     */
    public Uni<Integer> prune(java.time.LocalDate asOf) {
        return withdrawals.pruneBefore(asOf.minusDays(retentionDays).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }
}
