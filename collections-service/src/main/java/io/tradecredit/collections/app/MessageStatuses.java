package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.MessageStatus;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * What became of a dunning message sent to a buyer, in the buyer's open case's log (kind
 * {@code message-status}); a failed or unknown one also plans the case's next action for today so
 * it is on the collector's worklist. A buyer without an open case gets nothing: the run's steps
 * log names the request and is not changed here.
 */
@ApplicationScoped
public class MessageStatuses {
    static final String ACTOR = "notification-service";

    @Inject
    CollectionCases cases;

    @Inject
    Clock clock;

    /** One status change of one message; {@code channel} and {@code reason} may be null. */
    public record Change(UUID requestId, String templateKey, String channel, MessageStatus status, String reason,
            int attempts) {
    }

    public Uni<Void> record(String tenantId, UUID buyerId, Change change) {
        return CurrentTransaction.run(() -> cases.openCaseOf(tenantId, buyerId).chain(open -> {
            if (open.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            UUID caseId = open.get().id();
            Uni<Void> logged = cases.log(tenantId, caseId, "message-status", ACTOR, detail(change));
            if (!change.status().needsCollector()) {
                return logged;
            }
            return logged.chain(() -> cases.planNextAction(tenantId, caseId, LocalDate.now(clock), ACTOR))
                    .replaceWithVoid();
        }));
    }

    private static Map<String, Object> detail(Change c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("requestId", c.requestId().toString());
        d.put("templateKey", c.templateKey());
        if (c.channel() != null) {
            d.put("channel", c.channel());
        }
        d.put("status", c.status().name());
        if (c.reason() != null) {
            d.put("reason", c.reason());
        }
        d.put("attempts", c.attempts());
        return d;
    }
}
