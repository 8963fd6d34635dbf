package io.tradecredit.collections.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.MessageStatus;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

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
    BusinessTimeZone businessZone;

    /** One status change of one message; {@code channel} and {@code reason} may be null. */
    public record Change(UUID requestId, String templateKey, String channel, MessageStatus status, String reason,
            int attempts) {
    }

    /** One status of a message to a tenant's buyer. */
    public record Status(String tenantId, UUID buyerId, Change change) {
        CollectionCases.Buyer buyer() {
            return new CollectionCases.Buyer(tenantId, buyerId);
        }
    }

    /**
     * A poll's statuses, in order: one query of their buyers' open cases (in a dunning run most
     * buyers have none, and a query per status was most of this reader's cost, issue 13), one insert
     * of the log entries of those with a case, then the next action planned for each failed or
     * unknown one.
     */
    public Uni<Void> recordAll(List<Status> statuses) {
        if (statuses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return CurrentTransaction.run(() -> cases.openCasesOf(statuses.stream().map(Status::buyer).distinct().toList())
                .chain(open -> {
                    List<Status> ofCases = statuses.stream().filter(s -> open.containsKey(s.buyer())).toList();
                    if (ofCases.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> logged = cases.logAll(ofCases.stream().map(s -> new CollectionCases.LogEntry(s.tenantId(),
                            open.get(s.buyer()).id(), "message-status", ACTOR, detail(s.change()))).toList());
                    return logged.chain(() -> Multi.createFrom().iterable(ofCases.stream()
                            .filter(s -> s.change().status().needsCollector()).toList()).onItem()
                            // today, or the tenant's next working day when it does not work today
                            .transformToUniAndConcatenate(s -> cases.backToCollector(s.tenantId(), open.get(s.buyer()).id(),
                                    businessZone.today(), ACTOR))
                            .collect().last().replaceWithVoid());
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
