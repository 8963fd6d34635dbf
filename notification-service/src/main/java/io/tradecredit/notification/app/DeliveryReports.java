package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.signatures.TimestampedSignature;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.DeliveryReport;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageStatus;
import io.tradecredit.notification.persistence.MessageRepository;

/**
 * The SMS provider's delivery reports: signed with the shared secret
 * {@code tradecredit.notification.sms.report-secret} as we sign webhooks (the chassis {@code TimestampedSignature},
 * five minutes' tolerance), each moves its SENT (or UNKNOWN) SMS to DELIVERED with its status event,
 * or, reported failed, on to the next channel of the tenant's order, else FAILED. A report of an SMS still being
 * handed over is kept and applied when the hand-over is recorded (the provider may answer the hand-over and report
 * before the batch is recorded, and does not report again after our 200). A report of a message already settled
 * changes nothing; one of a message the service does not know is refused as not found.
 */
@ApplicationScoped
public class DeliveryReports {
    private static final Logger LOG = Logger.getLogger(DeliveryReports.class);
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** The report is not signed with the shared secret (or no secret is configured): nothing is read. */
    public static final class NotSigned extends RuntimeException {
        NotSigned() {
            super("the report is not signed with the SMS provider's shared secret (Tradecredit-Signature)", null, false, false);
        }
    }

    @Inject
    MessageRepository messages;

    @Inject
    StatusEvents statusEvents;

    @Inject
    Fallbacks fallbacks;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tradecredit.notification.sms.report-secret")
    Optional<String> secret;

    /** How long a report kept for an SMS being handed over may wait for its recording (a hand-over takes seconds). */
    @ConfigProperty(name = "tradecredit.notification.sms.kept-report-retention-days", defaultValue = "7")
    int keptReportRetentionDays;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** Checks the signature over the exact body; {@code read} then turns the body into the report. */
    public void verify(String signature, String body) {
        if (!TimestampedSignature.verify(secret.orElse(null), signature, body, clock.instant(), TOLERANCE)) {
            throw new NotSigned();
        }
    }

    /**
     * Records a verified report; the message as it is afterwards. A failure reported of a SENT or
     * UNKNOWN SMS is a permanent failure of the channel: the message falls back to the next channel
     * of the tenant's order as after a refused hand-over ({@link Fallbacks}), else it is FAILED. The report of an SMS
     * still being handed over (SENDING: its batch's hand-overs not recorded yet) is kept, and applied when the
     * hand-over is recorded ({@link #applyKept}); the message is answered as it is now (QUEUED, as last published).
     */
    public Uni<Message> record(DeliveryReport report) {
        Instant now = clock.instant();
        // the message's row locked: the recording of its hand-over waits for this report, or this report for it
        return CurrentTransaction.run(() -> messages.lockOnChannel(report.requestId(), ChannelType.SMS).chain(found -> {
            Message m = found.orElse(null);
            if (m != null && m.channel() == ChannelType.SMS && DeliveryReport.effectOn(m.status()) == DeliveryReport.Effect.KEPT) {
                LOG.infof("message %s: the SMS provider reports %s before its hand-over is recorded; kept until it is",
                        report.requestId(), report.status());
                return messages.keepReport(new MessageRepository.KeptReport(report.requestId(), report.status(), report.reason(),
                        now)).replaceWith(m);
            }
            return settle(report, m, now);
        }));
    }

    /**
     * Applies, in the current transaction, the reports kept for these messages, just recorded SENT (or UNKNOWN) at
     * {@code recorded} (a message's own {@code sentAt} when it has one): each settles its SMS as a report arriving now
     * would, at {@link DeliveryReport#settledAt}, so its status event follows the SENT one.
     */
    public Uni<Void> applyKept(List<Message> justRecorded, Instant recorded) {
        List<UUID> sms = justRecorded.stream().filter(m -> m.channel() == ChannelType.SMS).map(Message::requestId).toList();
        Map<UUID, Message> byId = justRecorded.stream().collect(Collectors.toMap(Message::requestId, m -> m, (a, b) -> b));
        return messages.takeKeptReports(sms).chain(kept -> Multi.createFrom().iterable(kept).onItem().transformToUniAndConcatenate(k -> {
            Message m = byId.get(k.requestId());
            Instant at = DeliveryReport.settledAt(k.receivedAt(), m.sentAt() == null ? recorded : m.sentAt());
            LOG.infof("message %s: the SMS provider's report kept while it was handed over is applied", k.requestId());
            return settle(new DeliveryReport(k.requestId(), k.status(), k.reason()), m, at);
        }).collect().asList()).replaceWithVoid();
    }

    /**
     * Drops, in the current transaction, the reports kept since before {@code asOf} less the retention (7 days) whose
     * SMS is no longer being handed over: its hand-over failed or fell back, so no recording will apply them, and the
     * provider's wrong report would otherwise stay for ever. Counted on {@code notification.sms.kept.reports.dropped}.
     */
    public Uni<Integer> dropStaleKept(java.time.LocalDate asOf) {
        return messages.dropKeptReportsBefore(asOf.minusDays(keptReportRetentionDays).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant()).invoke(n -> metrics.counter("notification.sms.kept.reports.dropped").increment(n));
    }

    /** A report of {@code m} (null: no such SMS) that is not kept: settles it, or changes nothing. */
    private Uni<Message> settle(DeliveryReport report, Message m, Instant now) {
        if (report.status() == MessageStatus.FAILED) {
            if (m == null || DeliveryReport.effectOn(m.status()) != DeliveryReport.Effect.SETTLES) {
                return recorded(report, now);
            }
            LOG.infof("message %s: the SMS provider reports it failed", report.requestId());
            return CurrentTransaction.run(() -> messages.channelState(m.requestId()))
                    .chain(state -> fallbacks.after(m, m.status(), state.tried(), report.recordedReason(),
                            report.recordedReason(), now))
                    .chain(() -> CurrentTransaction.run(() -> messages.find(m.tenantId(), m.requestId())))
                    .map(after -> after.orElse(m));
        }
        return recorded(report, now);
    }

    private Uni<Message> recorded(DeliveryReport report, Instant now) {
        return CurrentTransaction.run(() -> messages.reported(report.requestId(), ChannelType.SMS, report.status(),
                report.recordedReason(), now).chain(moved -> {
                    if (moved.isPresent()) {
                        LOG.infof("message %s: the SMS provider reports %s", report.requestId(), report.status());
                        return statusEvents.changed(List.of(moved.get()), now).replaceWith(moved.get());
                    }
                    return messages.findOnChannel(report.requestId(), ChannelType.SMS).map(found -> found.orElseThrow(
                            () -> DomainError.notFound("message.not-found", "No SMS with request id " + report.requestId())));
                }));
    }
}
