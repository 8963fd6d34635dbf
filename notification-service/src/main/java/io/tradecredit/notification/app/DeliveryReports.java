package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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
 * or, reported failed, on to the next channel of the tenant's order, else FAILED. A report of a message already settled changes nothing; one of a message the
 * service does not know is refused as not found.
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

    /** Checks the signature over the exact body; {@code read} then turns the body into the report. */
    public void verify(String signature, String body) {
        if (!TimestampedSignature.verify(secret.orElse(null), signature, body, clock.instant(), TOLERANCE)) {
            throw new NotSigned();
        }
    }

    /**
     * Records a verified report; the message as it is afterwards. A failure reported of a SENT or
     * UNKNOWN SMS is a permanent failure of the channel: the message falls back to the next channel
     * of the tenant's order as after a refused hand-over ({@link Fallbacks}), else it is FAILED.
     */
    public Uni<Message> record(DeliveryReport report) {
        Instant now = clock.instant();
        if (report.status() == MessageStatus.FAILED) {
            return CurrentTransaction.run(() -> messages.findOnChannel(report.requestId(), ChannelType.SMS)).chain(found -> {
                Message m = found.orElse(null);
                if (m == null || (m.status() != MessageStatus.SENT && m.status() != MessageStatus.UNKNOWN)) {
                    return recorded(report, now);
                }
                LOG.infof("message %s: the SMS provider reports it failed", report.requestId());
                return CurrentTransaction.run(() -> messages.channelState(m.requestId()))
                        .chain(state -> fallbacks.after(m, m.status(), state.tried(), report.recordedReason(),
                                report.recordedReason(), now))
                        .chain(() -> CurrentTransaction.run(() -> messages.find(m.tenantId(), m.requestId())))
                        .map(after -> after.orElse(m));
            });
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
