package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.persistence.OwnContext;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.ContactChoice;
import io.tradecredit.notification.domain.HandOverFailure;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageStatus;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.RenderedMessage;
import io.tradecredit.notification.domain.SendWindow;
import io.tradecredit.notification.domain.SmsLength;
import io.tradecredit.notification.domain.RetrySchedule;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.SettingsRepository;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hands due messages to their channels, at most once each.
 *
 * <p>A run first marks UNKNOWN every email or SMS still SENDING from a run that stopped between
 * handing it over and recording the outcome (the channel may have it: it is never sent again); a
 * webhook in that state is queued again at once, to be resent with the same id for the receiver to
 * drop (docs/domain.md §5).
 * Then it claims the QUEUED messages due now (send window open, retry time reached) of the
 * channels that have an adapter, as SENDING, in a transaction of its own that commits before any
 * hand-over. A message whose contact opted out of its channel since it was queued is not handed
 * over: it goes on by the next channel ({@link Fallbacks}) or fails. The batch's contacts are read once,
 * after the claim: an opt-out committed after that read does not stop a hand-over of the batch (no read
 * per message; docs/notification-service.md, "Opt-outs and a batch in flight"). A message to a person whose send
 * window is closed at the moment of handing over (a late or busy worker picked it after the window
 * closed; its day became a holiday of the tenant's calendar since it was queued) is not handed over
 * either: it is queued again for the window's next opening. Each hand-over's outcome is recorded in its own transaction with its status event:
 * SENT with the SHA-256 of the content, or QUEUED again after the channel's backoff, or FAILED
 * after its last attempt.
 */
@ApplicationScoped
public class Deliveries {
    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    static final String UNKNOWN_REASON = "the service stopped between handing the message to its channel and"
            + " recording the outcome: it may have been sent, so it is not sent again";

    @Inject
    MessageRepository messages;

    @Inject
    StatusEvents statusEvents;

    @Inject
    @Any
    Instance<Channel> adapters;

    @Inject
    Config config;

    @Inject
    Fallbacks fallbacks;

    @Inject
    DeliveryMetrics retries;

    @Inject
    Withdrawals withdrawals;

    @Inject
    DeliveryReports reports;

    @Inject
    SettingsRepository settings;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tradecredit.notification.delivery.batch-size", defaultValue = "50")
    int batchSize;

    /**
     * How many of a claimed batch's messages are handed over at once. Emails go over the mailer's
     * pooled SMTP connections ({@code quarkus.mailer.max-pool-size}); letters' renders are bounded
     * by the CPUs besides ({@link LetterPdf}).
     */
    @ConfigProperty(name = "tradecredit.notification.delivery.hand-over-concurrency", defaultValue = "8")
    int handOverConcurrency;

    /** How long a claimed message may take to be handed over before a later run calls it UNKNOWN. */
    @ConfigProperty(name = "tradecredit.notification.delivery.handover-timeout", defaultValue = "PT5M")
    Duration handoverTimeout;

    /** What one run did; {@code retried}: queued again, for a retry or for the send window it was picked outside of. */
    public record Run(int unknown, int sent, int retried, int failed) {
    }

    /** Delivers what is due at {@code now} (the clock's instant from the worker; any instant from a test). */
    public Uni<Run> deliverDue(Instant now) {
        return deliverDue(now, handoverTimeout);
    }

    /**
     * As {@link #deliverDue(Instant)}, with a claim that lasts {@code claimLasts} (the hand-over timeout; package-private
     * for a test that cannot wait five minutes). A replica's run calls a message claimed longer ago than that UNKNOWN (a
     * webhook: resent), so a run of its own never lets a batch outlast its claim: it starts no hand-over once half of it
     * has passed ({@link #handOverAll}).
     */
    Uni<Run> deliverDue(Instant now, Duration claimLasts) {
        Instant started = clock.instant();
        Map<ChannelType, Channel> byType = adapters.stream()
                .collect(Collectors.toMap(Channel::type, Function.identity()));
        return CurrentTransaction.run(() -> messages.resendAfterCrash(now.minus(claimLasts), now)
                .chain(() -> messages.unknownAfterCrash(now.minus(claimLasts), now, UNKNOWN_REASON))
                .call(unknown -> publish(unknown, now))
                // an SMS's delivery report that came while it was being handed over settles it now
                .call(unknown -> reports.applyKept(unknown, now)))
                // the claim's transaction first withdraws what its requester withdrew, and claims nothing withdrawn
                .chain(unknown -> CurrentTransaction.run(() -> withdrawals.sweep(now)
                        .chain(() -> messages.claimDue(now, List.copyOf(byType.keySet()), batchSize)))
                        .chain(claimed -> recipients(claimed).chain(r -> handOverAll(claimed, r, byType, now, started,
                                started.plus(claimLasts.dividedBy(2)))))
                        .map(outcomes -> new Run(unknown.size() + count(outcomes, MessageStatus.UNKNOWN),
                                count(outcomes, MessageStatus.SENT),
                                count(outcomes, MessageStatus.QUEUED), count(outcomes, MessageStatus.FAILED))));
    }

    /**
     * Hands the claimed batch over, up to {@link #handOverConcurrency} messages at once (an SMTP
     * round trip or a letter's render overlapping the next), then records it: the hand-overs
     * that succeeded as SENT together, in one transaction with their status events (a crash before
     * it leaves them all SENDING, then UNKNOWN, as for one message); each failed one on its own
     * (retry, fallback, withdrawal). A message whose contact opted out since is not handed over, nor
     * one to a person whose send window is closed when its turn comes (at {@code now} plus the time the
     * run has taken so far, {@code started} by the clock).
     * Each message of the batch is handed over once, whatever the concurrency: it is one claimed row.
     *
     * <p>No hand-over starts after {@code startBy} (by the clock: half the claim's time after the run started): the
     * messages whose turn comes later go back to QUEUED, due at once, unclaimed and their attempt taken back, for the
     * next run (a tick runs again at once after a full batch). A hand-over ends within its channel's timeout (an email's
     * 60 s, a print provider's 30 s, an SMS's or webhook's 10 s), so the batch is recorded well before its claim runs
     * out. Before, a batch slower than the claim (50 emails to a sluggish SMTP server, letters to a slow print
     * provider) was still being handed over when another replica's run found its messages claimed more than five
     * minutes ago: the emails it had not yet recorded became UNKNOWN though being sent, and its webhooks were queued
     * again and posted a second time while the first posts were under way.
     */
    private Uni<List<MessageStatus>> handOverAll(List<MessageRepository.Claimed> claimed, Recipients recipients,
            Map<ChannelType, Channel> byType, Instant now, Instant started, Instant startBy) {
        List<MessageRepository.Sent> handedOver = java.util.Collections.synchronizedList(new ArrayList<>());
        // each hand-over on a context of its own, flagged safe for Panache: the hand-overs that run at once
        // (a letter's stored PDF, a failed attempt's retry) each have their own session, never one shared
        Context batch = Vertx.currentContext();
        return Multi.createFrom().iterable(claimed).onItem().transformToUni(c -> OwnContext.run(batch, () -> {
            Message m = c.message();
            if (clock.instant().isAfter(startBy)) {
                return notStarted(m, now.plus(Duration.between(started, clock.instant())));
            }
            MessageRepository.ContactNow contact = recipients.contacts().get(m.requestId());
            if (contact != null && contact.optedOut().contains(m.channel())
                    && ContactChoice.optOutApplies(m.channel(), m.request().legallyRequired())) {
                return optedOutSince(m, now);
            }
            // the window is asked at the hand-over itself: a run that started in it may reach this message after it closed
            Instant at = now.plus(Duration.between(started, clock.instant()));
            Instant opens = m.handOverAt(at, recipients.windowOf(m.tenantId()), contact == null ? null : contact.zone());
            if (opens.isAfter(at)) {
                return waitsForWindow(m, opens, at);
            }
            // an email or SMS says the day it goes out, its deadline moved with it (LetterDate), as a letter's PDF does
            RenderedMessage content = datedOn(m, at, recipients.windowOf(m.tenantId()));
            SmsLength limit = recipients.smsOf(m.tenantId());
            // an SMS over the tenant's parts (its limit lowered since intake, its counts of days grown) is refused here,
            // never handed over to be cut or billed beyond it (domain.SmsLength; at intake app.Routes shortens its list)
            Uni<String> attempt = m.channel() == ChannelType.SMS && content != null && !limit.fits(content.text().strip())
                    ? Uni.createFrom().failure(new Channel.Refused(limit.tooLong(content.text().strip())))
                    : handOver(byType.get(m.channel()), c, content, at);
            return attempt.onItemOrFailure().transformToUni((proof, failure) -> {
                if (failure != null) {
                    // what the channel may have taken is what was attempted: the record shows that, not the intake's
                    return failed(m, failure, now, content == m.rendered() ? null : content);
                }
                // recorded sent when its own hand-over ended, not when the run began (a batch of letters takes minutes),
                // with the content handed over when it differs from the one queued: the record is what the proof covers
                handedOver.add(new MessageRepository.Sent(m, proof, now.plus(Duration.between(started, clock.instant())),
                        content == m.rendered() ? null : content));
                return Uni.createFrom().item(MessageStatus.SENT);
            });
        })).collectFailures().merge(handOverConcurrency).collect().asList()
                // what was handed over is recorded even when another message's recording failed (all have ended by then)
                .emitOn(onto(batch))
                .onItemOrFailure().transformToUni((outcomes, failure) -> sent(handedOver)
                        .chain(() -> failure == null ? Uni.createFrom().item(outcomes) : Uni.createFrom().failure(failure)));
    }

    private static Executor onto(Context context) {
        return context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
    }

    /**
     * Delivers what is due at {@code now} in as many runs as it takes: another run follows while
     * the last one claimed a full batch, so a burst of requests does not wait a worker period per
     * batch. Ends with the first run that claimed less (then nothing more is due at {@code now}).
     */
    public Uni<Run> deliverAllDue(Instant now) {
        Instant started = clock.instant();
        return deliverDue(now).chain(run -> run.sent() + run.retried() + run.failed() < batchSize
                ? Uni.createFrom().item(run)
                // the next run's now is as much later as this run took: its messages are judged when they go
                : deliverAllDue(now.plus(Duration.between(started, clock.instant()))).map(rest -> new Run(run.unknown() + rest.unknown(), run.sent() + rest.sent(),
                        run.retried() + rest.retried(), run.failed() + rest.failed())));
    }

    /**
     * The claimed messages' contacts as they are now (one may have unsubscribed since the message was queued)
     * and their tenants' send windows on the calendars kept now, read once for the batch.
     */
    private record Recipients(Map<java.util.UUID, MessageRepository.ContactNow> contacts,
            Map<String, NotificationSettings> settings) {
        SendWindow windowOf(String tenantId) {
            return settings.getOrDefault(tenantId, NotificationSettings.DEFAULT).sendWindow();
        }

        SmsLength smsOf(String tenantId) {
            return settings.getOrDefault(tenantId, NotificationSettings.DEFAULT).sms();
        }
    }

    private Uni<Recipients> recipients(List<MessageRepository.Claimed> claimed) {
        return claimed.isEmpty() ? Uni.createFrom().item(new Recipients(Map.of(), Map.of()))
                : CurrentTransaction.run(() -> messages.contactsNow(claimed.stream().map(c -> c.message().requestId()).toList())
                        .chain(contacts -> settings.findAll(claimed.stream().map(c -> c.message().tenantId()).distinct()
                                .toArray(String[]::new)).map(s -> new Recipients(contacts, s))));
    }

    /** Not handed over: picked outside the send window of its person, it waits for the next opening (no attempt counted). */
    private Uni<MessageStatus> waitsForWindow(Message m, Instant opens, Instant at) {
        LOG.infof("message %s: the send window is closed at %s, it waits until %s", m.requestId(), at, opens);
        return unlessWithdrawn(m, at, () -> CurrentTransaction.run(() -> messages.waitsUntil(m.requestId(), opens, at))
                .replaceWith(MessageStatus.QUEUED));
    }

    /**
     * Not handed over: the batch has used half its claim's time; QUEUED again due at once, as if not claimed (no attempt
     * counted), for the next run to claim afresh.
     */
    private Uni<MessageStatus> notStarted(Message m, Instant at) {
        LOG.infof("message %s: its batch has run for half its claim, it goes to the next run", m.requestId());
        return unlessWithdrawn(m, at, () -> CurrentTransaction.run(() -> messages.waitsUntil(m.requestId(), at, at))
                .replaceWith(MessageStatus.QUEUED));
    }

    /** Not handed over: the contact opted out of the channel after the message was queued; the next channel, or FAILED. */
    private Uni<MessageStatus> optedOutSince(Message m, Instant now) {
        String reason = "the contact opted out of " + m.channel() + " after the message was queued";
        LOG.infof("message %s: %s", m.requestId(), reason);
        return unlessWithdrawn(m, now, () -> CurrentTransaction.run(() -> messages.channelState(m.requestId()))
                .chain(state -> fallbacks.after(m, state.tried(), reason, "opted out", now)));
    }

    /**
     * What an email or SMS says when handed over at {@code at}: dated that day in its contact's zone, its payment
     * deadline moved by the days since its intake, then to a day the tenant works ({@code window}'s days on its
     * calendar; {@link RenderedMessage#madeOn}). A letter's own content is its PDF, made by {@link Letters}; a webhook
     * posts the request's data as it came. The same object when nothing in it is dated.
     */
    static RenderedMessage datedOn(Message m, Instant at, SendWindow window) {
        RenderedMessage queued = m.rendered();
        if (queued == null || !(m.channel() == ChannelType.EMAIL || m.channel() == ChannelType.SMS) || !queued.dated()) {
            return queued;
        }
        return queued.madeOn(at, window::works);
    }

    /** Hands {@code c} over at {@code at}, saying {@code content} (a letter it carries, made now, is dated that day: {@link Letters}). */
    private static Uni<String> handOver(Channel channel, MessageRepository.Claimed c, RenderedMessage content, Instant at) {
        Message m = c.message();
        // deferred: an adapter that throws instead of failing its Uni is a failed attempt too
        return Uni.createFrom().deferred(() -> channel.handOver(new Channel.Outgoing(m.requestId(), m.tenantId(), m.address(),
                m.sender(), content, m.contactId(), c.carriesLetter(), at)));
    }

    /**
     * The batch's hand-overs recorded SENT with the SHA-256 of what each handed over, in one transaction, each at
     * the instant its hand-over ended (its status event too); then, in the same transaction, the SMS delivery reports
     * that arrived while they were being handed over ({@link DeliveryReports#applyKept}): DELIVERED published after SENT.
     */
    private Uni<Void> sent(List<MessageRepository.Sent> handedOver) {
        return handedOver.isEmpty() ? Uni.createFrom().voidItem()
                : CurrentTransaction.run(() -> messages.sent(handedOver).call(statusEvents::sent)
                        .call(moved -> reports.applyKept(moved, clock.instant()))).replaceWithVoid();
    }

    /**
     * A failed hand-over: retried (a message to a person when its send window is open), fallen back
     * or FAILED; WITHDRAWN if withdrawn meanwhile; UNKNOWN, never sent again, when it may have reached
     * the other side (but a webhook) (package-private for tests).
     */
    Uni<MessageStatus> failed(Message m, Throwable failure, Instant now) {
        return failed(m, failure, now, null);
    }

    /**
     * {@link #failed(Message, Throwable, Instant)} of a hand-over that said {@code attempted} (null: the content queued):
     * an UNKNOWN message's record shows what the channel may have taken.
     */
    Uni<MessageStatus> failed(Message m, Throwable failure, Instant now, RenderedMessage attempted) {
        // in plain words, as the reason, the attempt log and the status event say it: never a Java class name
        String detail = failure instanceof Channel.Refused || failure instanceof Channel.Unclear || failure instanceof Channel.Trouble
                ? HandOverFailure.plain(failure.getMessage()) : HandOverFailure.words(failure, null);
        LOG.warnf("message %s: attempt %d on %s failed: %s", m.requestId(), m.attempts(), m.channel(), detail);
        if (failure instanceof Channel.Unclear && !m.channel().resentAfterUnclearHandOver()) {
            return unclear(m, failure, now, attempted);
        }
        boolean refused = failure instanceof Channel.Refused;
        // a webhook whose post got no clear answer is resent (same id), but its receiver may have it: a withdrawal can no
        // longer make it WITHDRAWN, never sent (now or while it waits for the resend), only UNKNOWN
        boolean mayHaveBeenReceived = failure instanceof Channel.Unclear;
        return unlessWithdrawn(m, now, mayHaveBeenReceived, () -> CurrentTransaction.run(() -> messages.channelState(m.requestId())
                .chain(state -> settings.find(m.tenantId()).map(s -> new Retrying(state,
                        s.orElse(NotificationSettings.DEFAULT).sendWindow())))).chain(read -> {
            MessageRepository.ChannelState state = read.state();
            SendWindow window = read.window();
            // the schedule counts the attempts on this channel: a fallback starts the next one afresh
            var next = refused ? java.util.Optional.<Instant>empty()
                    : schedule(m.channel()).retryAfter(state.channelAttempts(), now, ThreadLocalRandom.current().nextDouble())
                            .map(after -> m.retryDue(after, window, state.contactZone()));
            if (next.isPresent()) {
                retries.retried(m.channel());
                return CurrentTransaction.run(() -> messages.retryAt(m.requestId(), next.get(), now)
                        .call(() -> messages.attempt(m.requestId(), m.attempts(), now, "RETRY", detail)))
                        .replaceWith(MessageStatus.QUEUED);
            }
            String reason = refused
                    ? m.channel() + " refused the message for good on attempt " + state.channelAttempts() + ": " + failure.getMessage()
                    : HandOverFailure.retriesSpent(m.channel(), state.channelAttempts(), detail);
            return fallbacks.after(m, state.tried(), reason, detail, now);
        }));
    }

    /** What a retry is timed by: the message's channel state and its tenant's send window. */
    private record Retrying(MessageRepository.ChannelState state, SendWindow window) {
    }

    /**
     * The hand-over may have reached the provider: UNKNOWN with the reason, published, never sent again. The record
     * shows what was {@code attempted} (an email or SMS dated the day it went out, its deadline moved), as a SENT one
     * shows what was sent: what the buyer may have received, not the text as at intake.
     */
    private Uni<MessageStatus> unclear(Message m, Throwable failure, Instant now, RenderedMessage attempted) {
        String reason = m.channel() + " hand-over unclear: " + failure.getMessage()
                + "; it may have been accepted, so it is not sent again";
        return CurrentTransaction.run(() -> messages.unknown(m.requestId(), reason, now, attempted)
                .call(() -> messages.attempt(m.requestId(), m.attempts(), now, "UNKNOWN", failure.getMessage()))
                .call(moved -> publish(moved.stream().toList(), now))
                .call(moved -> reports.applyKept(moved.stream().toList(), now)))
                .replaceWith(MessageStatus.UNKNOWN);
    }

    /**
     * A message not handed over after all (its channel failed it, its contact opted out, its window closed): WITHDRAWN if
     * its requester withdrew it while it was being handed over, never retried or fallen back; else {@code otherwise}.
     */
    private Uni<MessageStatus> unlessWithdrawn(Message m, Instant now, java.util.function.Supplier<Uni<MessageStatus>> otherwise) {
        return unlessWithdrawn(m, now, false, otherwise);
    }

    /**
     * {@link #unlessWithdrawn(Message, Instant, java.util.function.Supplier)} of a hand-over that {@code mayHaveBeenReceived}
     * (no clear answer): noted with the message in the same transaction, so a withdrawal, found now or later, makes it
     * UNKNOWN (the receiver may have it), not WITHDRAWN ({@code domain.Withdrawal#endsAs}).
     */
    private Uni<MessageStatus> unlessWithdrawn(Message m, Instant now, boolean mayHaveBeenReceived,
            java.util.function.Supplier<Uni<MessageStatus>> otherwise) {
        return CurrentTransaction.run(() -> (mayHaveBeenReceived ? messages.mayHaveBeenReceived(m.requestId())
                : Uni.createFrom().voidItem()).chain(() -> withdrawals.afterFailedHandOver(m, now))
                .call(ended -> ended.isEmpty() ? Uni.createFrom().voidItem()
                        : messages.attempt(m.requestId(), m.attempts(), now, ended.get().name(),
                                ended.get() == MessageStatus.WITHDRAWN ? "withdrawn while being handed over"
                                        : "withdrawn while being handed over, which may have reached the receiver")))
                .chain(ended -> ended.isPresent() ? Uni.createFrom().item(ended.get()) : otherwise.get());
    }

    /** The channel's retry schedule: {@code tradecredit.notification.retry.<channel>.max-attempts|initial|max}. */
    RetrySchedule schedule(ChannelType channel) {
        String prefix = "tradecredit.notification.retry." + channel.name().toLowerCase(Locale.ROOT) + ".";
        return new RetrySchedule(config.getOptionalValue(prefix + "max-attempts", Integer.class).orElse(5),
                config.getOptionalValue(prefix + "initial", Duration.class).orElse(Duration.ofSeconds(30)),
                config.getOptionalValue(prefix + "max", Duration.class).orElse(Duration.ofMinutes(30)));
    }

    private Uni<Void> publish(List<Message> changed, Instant now) {
        return statusEvents.changed(changed, now);
    }

    private static int count(List<MessageStatus> outcomes, MessageStatus status) {
        return (int) outcomes.stream().filter(status::equals).count();
    }
}
