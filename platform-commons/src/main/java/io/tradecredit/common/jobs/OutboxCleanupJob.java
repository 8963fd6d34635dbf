package io.tradecredit.common.jobs;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the chassis tables small: drops outbox rows sent, and inbox ids received, longer ago
 * than their retention. Inbox retention must outlast any redelivery (consumer-group offsets
 * reset, DLQ replay), hence the longer default.
 */
@ApplicationScoped
public class OutboxCleanupJob implements DailyJob {
    @ConfigProperty(name = "tradecredit.outbox.retention-days", defaultValue = "7")
    int outboxRetentionDays;

    @ConfigProperty(name = "tradecredit.inbox.retention-days", defaultValue = "30")
    int inboxRetentionDays;

    @Override
    public String name() {
        return "outbox-cleanup";
    }

    @Override
    public Uni<String> run(LocalDate asOf) {
        var outboxBefore = asOf.minusDays(outboxRetentionDays).atStartOfDay().atOffset(ZoneOffset.UTC);
        var inboxBefore = asOf.minusDays(inboxRetentionDays).atStartOfDay().atOffset(ZoneOffset.UTC);
        return CurrentTransaction.execute("delete from outbox where sent_at < $1", Tuple.of(outboxBefore))
                .chain(outbox -> CurrentTransaction.execute("delete from inbox where received_at < $1",
                        Tuple.of(inboxBefore))
                        .map(inbox -> "removed " + outbox.rowCount() + " sent outbox rows before "
                                + outboxBefore.toLocalDate() + " and " + inbox.rowCount() + " inbox ids before "
                                + inboxBefore.toLocalDate()));
    }
}
