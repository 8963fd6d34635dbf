package io.tradecredit.notification.app;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.DeliveryAttempt;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.persistence.MessageRepository;

/** The record of each message: status, channel, attempts, what it said and its proof. */
@ApplicationScoped
public class Messages {
    @Inject
    MessageRepository messages;

    /** A message with its attempts. */
    public record Record(Message message, List<DeliveryAttempt> attempts) {
    }

    public Uni<Record> get(String tenantId, UUID requestId) {
        return CurrentTransaction.run(() -> messages.find(tenantId, requestId).chain(found -> {
            Message m = found.orElseThrow(() -> DomainError.notFound("message.not-found", "There is no message " + requestId));
            return messages.attempts(requestId).map(a -> new Record(m, a));
        }));
    }

    /** The buyer's messages, newest first. */
    public Uni<Page<Message>> ofBuyer(String tenantId, UUID buyerId, int page, int size) {
        return CurrentTransaction.run(() -> messages.ofBuyer(tenantId, buyerId, page, size)
                .chain(items -> messages.countOfBuyer(tenantId, buyerId).map(n -> new Page<>(items, page, size, n))));
    }

    /** Every tenant's UNKNOWN messages, oldest first: for an operator to settle with the channel's provider. */
    public Uni<Page<Message>> unknown(int page, int size) {
        return CurrentTransaction.run(() -> messages.unknown(page, size)
                .chain(items -> messages.countUnknown().map(n -> new Page<>(items, page, size, n))));
    }
}
