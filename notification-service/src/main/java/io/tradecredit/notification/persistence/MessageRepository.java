package io.tradecredit.notification.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.DeliveryAttempt;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageRequest;
import io.tradecredit.notification.domain.MessageStatus;
import io.tradecredit.notification.domain.RenderedMessage;

/**
 * The message records (table message, one row per request id) and their attempts, in the current
 * transaction. The status moves are guarded by the status they move from, so a move that lost a
 * race changes nothing.
 */
@ApplicationScoped
public class MessageRepository {
    @Inject
    ObjectMapper json;

    /** The columns a new message is inserted with ({@link #insertAllOnce}), in the order of {@link #values}. */
    private static final List<Column> INSERTED = List.of(new Column("request_id", "uuid"), Column.text("tenant_id"),
            Column.text("purpose"), Column.text("template_key"), Column.text("requested_channel"),
            Column.text("recipient_kind"), new Column("buyer_id", "uuid"), new Column("critical", "boolean"),
            new Column("legally_required", "boolean"), new Column("data", "jsonb"), Column.text("status"),
            Column.text("channel"), new Column("contact_id", "uuid"), Column.text("address"), Column.text("language"),
            Column.text("from_name"), Column.text("from_address"), Column.text("reply_to"), Column.text("subject"),
            Column.text("body_text"), Column.text("body_html"), Column.text("failure_reason"),
            new Column("next_attempt_at", "timestamptz"), new Column("requested_at", "timestamptz"),
            new Column("updated_at", "timestamptz"), Column.text("language_hint"));

    /** Inserts the record unless one with its request id exists; whether it was inserted. */
    public Uni<Boolean> insertOnce(Message m) {
        return insertAllOnce(List.of(m)).map(inserted -> !inserted.isEmpty());
    }

    /**
     * Inserts the records with one statement, each unless one with its request id exists (before, or
     * earlier in {@code all}); the request ids of those inserted.
     */
    public Uni<Set<Object>> insertAllOnce(List<Message> all) {
        return BulkInsert.intoUnlessPresent("message", INSERTED, all, this::values, "request_id");
    }

    private List<Object> values(Message m) {
        MessageRequest r = m.request();
        RenderedMessage body = m.rendered();
        Message.Sender sender = m.sender();
        return Arrays.asList(m.requestId(), m.tenantId(), r.purpose(), r.templateKey(), r.channel().map(Enum::name).orElse(null),
                r.recipient().name(), r.buyerId(), r.critical(), r.legallyRequired(), bytes(r.data()), m.status().name(),
                name(m.channel()), m.contactId(), m.address(), m.language() == null ? null : m.language().tag(),
                sender == null ? null : sender.fromName(), sender == null ? null : sender.fromAddress(),
                sender == null ? null : sender.replyTo(), body == null ? null : body.subject(), body == null ? null : body.text(),
                body == null ? null : body.html(), m.failureReason(), at(m.nextAttemptAt()), at(m.requestedAt()),
                at(m.requestedAt()), r.languageHint().map(Language::tag).orElse(null));
    }

    /** Whether the message's requester has withdrawn it (a withdrawal kept for it). */
    private static final String WITHDRAWN_BY_REQUESTER = "exists (select 1 from message_withdrawal w"
            + " where w.request_id = message.request_id and w.tenant_id = message.tenant_id)";

    /**
     * Queues again, due at once, every webhook claimed for hand-over at or before
     * {@code claimedBefore} and never recorded: its receiver drops a resend by its message id. Not one its requester
     * withdrew meanwhile: that one is {@link #unknownAfterCrash UNKNOWN}.
     */
    public Uni<Void> resendAfterCrash(Instant claimedBefore, Instant now) {
        return CurrentTransaction.execute("update message set status = 'QUEUED', next_attempt_at = $2, claimed_at = null,"
                + " may_have_been_received = true,"
                + " updated_at = $2 where status = 'SENDING' and channel = 'WEBHOOK' and claimed_at <= $1 and not "
                + WITHDRAWN_BY_REQUESTER, Tuple.of(at(claimedBefore), at(now))).replaceWithVoid();
    }

    /**
     * Marks UNKNOWN every message claimed for hand-over at or before {@code claimedBefore} and never recorded (the
     * process stopped in between): but a webhook, which is resent, unless its requester withdrew it meanwhile (the
     * receiver may have it, so it is not WITHDRAWN, "never sent", and it is not sent again); returns them as they are now.
     */
    public Uni<List<Message>> unknownAfterCrash(Instant claimedBefore, Instant now, String reason) {
        return CurrentTransaction.execute("update message set status = 'UNKNOWN', failure_reason = $3,"
                + " updated_at = $2 where status = 'SENDING' and (channel <> 'WEBHOOK' or " + WITHDRAWN_BY_REQUESTER
                + ") and claimed_at <= $1 returning *", Tuple.of(at(claimedBefore), at(now), reason)).map(this::messages);
    }

    /**
     * The claim of due messages. The due ones are chosen once, as an array ({@code = any(array(...))}): with
     * {@code in (select ...)} a cached generic plan, made while the statistics saw no queued message, ran the
     * locking subquery again for every queued row, 5 s for a burst of 2,000 where this takes 10 ms
     * ({@code ClaimDuePlanTest}).
     */
    static final String CLAIM_DUE = """
            update message set status = 'SENDING', attempts = attempts + 1, channel_attempts = channel_attempts + 1,
                claimed_at = $1, updated_at = $1
            where request_id = any(array(select request_id from message m where status = 'QUEUED' and next_attempt_at <= $1
                and channel = any($2) and not exists (select 1 from message_withdrawal w
                    where w.request_id = m.request_id and w.tenant_id = m.tenant_id)
                order by next_attempt_at, request_id limit $3 for update skip locked))
                and status = 'QUEUED'
            returning *""";

    /**
     * Claims up to {@code limit} queued messages of {@code channels} due at {@code now}: SENDING,
     * one more attempt, claimed now. Committed before the hand-over, so that a crash during it
     * leaves the message SENDING (then UNKNOWN), never QUEUED to be sent twice. A message its
     * requester withdrew is never claimed: the rows are locked and their status checked in this
     * statement, so a withdrawal and a claim never both win (the later one finds the status moved).
     */
    public Uni<List<Claimed>> claimDue(Instant now, List<ChannelType> channels, int limit) {
        return CurrentTransaction.execute(CLAIM_DUE, Tuple.of(at(now), channels.stream().map(Enum::name)
                .toArray(String[]::new), limit))
                .map(rows -> {
                    List<Claimed> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Claimed(message(r),
                            "LETTER".equals(r.getString("channel")) || r.getString("letter_html") != null)));
                    return out;
                });
    }

    /**
     * A message claimed for hand-over, and whether it has a letter to print or attach (a LETTER's
     * page, an email's attached letter): a channel looks for the letter's PDF only then.
     */
    public record Claimed(Message message, boolean carriesLetter) {
    }

    /**
     * A message handed over, the SHA-256 of what was, when its hand-over ended ({@code at}), and {@code content}: what
     * was handed over when it is not the content queued (an email or SMS dated the day it went out), else null.
     */
    public record Sent(Message message, String sha256, Instant at, RenderedMessage content) {
        public Sent(Message message, String sha256, Instant at) {
            this(message, sha256, at, null);
        }
    }

    /**
     * SENDING to SENT for a batch of hand-overs, each at the instant its own hand-over ended, with one
     * statement; an attempt row each with another. Returns the messages moved (one that was no longer
     * SENDING is not).
     */
    public Uni<List<Message>> sent(List<Sent> handedOver) {
        if (handedOver.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = handedOver.stream().map(s -> s.message().requestId()).toArray(UUID[]::new);
        String[] proofs = handedOver.stream().map(Sent::sha256).toArray(String[]::new);
        Integer[] attempts = handedOver.stream().map(s -> s.message().attempts()).toArray(Integer[]::new);
        OffsetDateTime[] ats = handedOver.stream().map(s -> at(s.at())).toArray(OffsetDateTime[]::new);
        // the content handed over replaces the one queued (null: the same), so the record is what its proof covers
        String[] subjects = handedOver.stream().map(s -> s.content() == null ? null : s.content().subject()).toArray(String[]::new);
        String[] texts = handedOver.stream().map(s -> s.content() == null ? null : s.content().text()).toArray(String[]::new);
        String[] htmls = handedOver.stream().map(s -> s.content() == null ? null : s.content().html()).toArray(String[]::new);
        return CurrentTransaction.execute("""
                update message m set status = 'SENT', body_sha256 = s.sha256, sent_at = s.at, claimed_at = null, updated_at = s.at,
                    subject = coalesce(s.subject, m.subject), body_text = coalesce(s.body_text, m.body_text),
                    body_html = coalesce(s.body_html, m.body_html)
                from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])
                    as s(request_id, sha256, at, subject, body_text, body_html)
                where m.request_id = s.request_id and m.status = 'SENDING' returning m.*""",
                Tuple.of(ids, proofs, ats, subjects, texts, htmls)).map(this::messages)
                .call(moved -> CurrentTransaction.execute("""
                        insert into message_attempt (request_id, attempt, at, outcome, detail)
                        select request_id, attempt, at, 'SENT', null
                        from unnest($1::uuid[], $2::int[], $3::timestamptz[]) as a(request_id, attempt, at)
                        on conflict do nothing""", Tuple.of(ids, attempts, ats)));
    }

    /** SENDING to SENT with the SHA-256 of what was handed over; empty if the message was not SENDING. */
    public Uni<Optional<Message>> sent(UUID requestId, String sha256, Instant at) {
        return move("update message set status = 'SENT', body_sha256 = $2, sent_at = $3, claimed_at = null,"
                + " updated_at = $3 where request_id = $1 and status = 'SENDING' returning *",
                Tuple.of(requestId, sha256, at(at)));
    }

    /** SENDING back to QUEUED, to be tried again at {@code next}. */
    public Uni<Optional<Message>> retryAt(UUID requestId, Instant next, Instant at) {
        return move("update message set status = 'QUEUED', next_attempt_at = $2, claimed_at = null, updated_at = $3"
                + " where request_id = $1 and status = 'SENDING' returning *", Tuple.of(requestId, at(next), at(at)));
    }

    /**
     * Notes that the message being handed over may have reached its receiver (no clear answer): a withdrawal from now on
     * makes it UNKNOWN, not WITHDRAWN ({@code domain.Withdrawal#endsAs}).
     */
    public Uni<Void> mayHaveBeenReceived(UUID requestId) {
        return CurrentTransaction.execute("update message set may_have_been_received = true where request_id = $1"
                + " and status = 'SENDING'", Tuple.of(requestId)).replaceWithVoid();
    }

    /**
     * SENDING back to QUEUED, due at {@code next}, as if it had not been claimed (the claim's attempt is
     * taken back): it was picked outside its send window and is not handed over now.
     */
    public Uni<Optional<Message>> waitsUntil(UUID requestId, Instant next, Instant at) {
        return move("update message set status = 'QUEUED', next_attempt_at = $2, claimed_at = null, updated_at = $3,"
                + " attempts = attempts - 1, channel_attempts = channel_attempts - 1"
                + " where request_id = $1 and status = 'SENDING' returning *", Tuple.of(requestId, at(next), at(at)));
    }

    /** SENDING to FAILED with the reason. */
    public Uni<Optional<Message>> failed(UUID requestId, String reason, Instant at) {
        return failedFrom(MessageStatus.SENDING, requestId, reason, at);
    }

    /** {@code from} (SENDING, or QUEUED: not handed over yet) to FAILED with the reason. */
    public Uni<Optional<Message>> failedFrom(MessageStatus from, UUID requestId, String reason, Instant at) {
        return move("update message set status = 'FAILED', failure_reason = $2, claimed_at = null, updated_at = $3"
                + " where request_id = $1 and status = $4 returning *", Tuple.of(requestId, reason, at(at), from.name()));
    }

    /**
     * A QUEUED message to a contact (not handed over yet), its channels failed before, and the SHA-256
     * of its letter's PDF when one was made already (for that contact, at an earlier hand-over that
     * failed), else null.
     */
    public record QueuedTo(Message message, java.util.Set<ChannelType> tried, String letterMade) {
    }

    /** The QUEUED messages to {@code contactId}, locked until the transaction ends (a claim skips them meanwhile). */
    public Uni<List<QueuedTo>> queuedTo(String tenantId, UUID contactId) {
        return CurrentTransaction.execute("""
                select m.*, (select d.sha256 from message_document d where d.request_id = m.request_id) as letter_made
                from message m where m.tenant_id = $1 and m.contact_id = $2 and m.status = 'QUEUED'
                order by m.requested_at, m.request_id for update of m""", Tuple.of(tenantId, contactId)).map(rows -> {
                    List<QueuedTo> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new QueuedTo(message(r), tried(r), r.getString("letter_made"))));
                    return out;
                });
    }

    /**
     * A provider's delivery report: a SENT or UNKNOWN message of {@code channel} moves to
     * {@code status} with {@code reason}; empty when there is no such message in those statuses.
     */
    public Uni<Optional<Message>> reported(UUID requestId, ChannelType channel, MessageStatus status, String reason, Instant at) {
        return move("update message set status = $3, failure_reason = $4, claimed_at = null, updated_at = $5"
                + " where request_id = $1 and channel = $2 and status in ('SENT', 'UNKNOWN') returning *",
                Tuple.of(requestId, channel.name(), status.name(), reason, at(at)));
    }

    /**
     * {@link #findOnChannel}, the message's row locked until the transaction ends: a report and the recording of the
     * message's hand-over ({@link #sent(List)}, {@link #unknown}) take their turns, so a report kept while the message
     * is SENDING is seen by the recording, and one that waited for the recording sees the message as recorded.
     */
    public Uni<Optional<Message>> lockOnChannel(UUID requestId, ChannelType channel) {
        return CurrentTransaction.execute("select * from message where request_id = $1 and (channel = $2"
                + " or $2 = any(tried_channels)) for update",
                Tuple.of(requestId, channel.name())).map(rows -> messages(rows).stream().findFirst());
    }

    /** A provider's report, with its own words, kept until the hand-over of its message is recorded. */
    public record KeptReport(UUID requestId, MessageStatus status, String reason, Instant receivedAt) {
    }

    /** Keeps the report of a message being handed over; a second report of it before the recording is not kept. */
    public Uni<Void> keepReport(KeptReport report) {
        return CurrentTransaction.execute("insert into message_kept_report (request_id, status, reason, received_at)"
                + " values ($1, $2, $3, $4) on conflict (request_id) do nothing", Tuple.of(report.requestId(),
                        report.status().name(), report.reason(), at(report.receivedAt()))).replaceWithVoid();
    }

    /**
     * Drops the reports kept since before {@code before} whose message is no longer being handed over (its hand-over
     * failed, fell back, was withdrawn: no recording will ever apply them); how many. One still SENDING keeps its report.
     */
    public Uni<Integer> dropKeptReportsBefore(Instant before) {
        return CurrentTransaction.execute("""
                delete from message_kept_report k where k.received_at < $1 and not exists (select 1 from message m
                    where m.request_id = k.request_id and m.status = 'SENDING')""", Tuple.of(at(before)))
                .map(rows -> rows.rowCount());
    }

    /** The reports kept for these messages, removed: each is applied once, in the transaction that takes it. */
    public Uni<List<KeptReport>> takeKeptReports(List<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return CurrentTransaction.execute("delete from message_kept_report where request_id = any($1) returning *",
                Tuple.of(requestIds.toArray(UUID[]::new))).map(rows -> {
                    List<KeptReport> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new KeptReport(r.getUUID("request_id"), MessageStatus.valueOf(r.getString("status")),
                            r.getString("reason"), instant(r, "received_at"))));
                    return out;
                });
    }

    /**
     * A message of {@code channel}, or that was on it before a fallback, by its request id alone (a
     * provider knows no tenant).
     */
    public Uni<Optional<Message>> findOnChannel(UUID requestId, ChannelType channel) {
        return CurrentTransaction.execute("select * from message where request_id = $1 and (channel = $2"
                + " or $2 = any(tried_channels))",
                Tuple.of(requestId, channel.name())).map(rows -> messages(rows).stream().findFirst());
    }

    /**
     * A QUEUED message not due yet, with what re-timing it needs: when it was last queued ({@code updated_at}: at
     * intake, a failed attempt, a pick outside its window, a re-routing or fallback), the attempts on its channel
     * (a retry's backoff) and its contact's time zone now (null: none).
     */
    public record Waiting(Message message, Instant queuedAt, int channelAttempts, java.time.ZoneId contactZone) {
    }

    /** The tenant's QUEUED messages due after {@code now}. */
    public Uni<List<Waiting>> waitingOf(String tenantId, Instant now) {
        return CurrentTransaction.execute("""
                select m.*, c.time_zone as contact_zone from message m
                left join contact c on c.id = m.contact_id and c.tenant_id = m.tenant_id
                where m.tenant_id = $1 and m.status = 'QUEUED' and m.next_attempt_at > $2""",
                Tuple.of(tenantId, at(now))).map(rows -> {
                    List<Waiting> out = new ArrayList<>();
                    rows.forEach(r -> {
                        String zone = r.getString("contact_zone");
                        out.add(new Waiting(message(r), instant(r, "updated_at"), r.getInteger("channel_attempts"),
                                zone == null ? null : java.time.ZoneId.of(zone)));
                    });
                    return out;
                });
    }

    /** A queued message's due time moved from {@code was} to {@code due}. */
    public record Retimed(UUID requestId, Instant was, Instant due) {
    }

    /**
     * Moves each message's due time, with one statement, unless it was claimed or moved meanwhile (its due time
     * is no longer {@code was}); how many moved. {@code updated_at} stays when it was queued: the earliest it may
     * go, which a later re-timing starts from.
     */
    public Uni<Integer> retimed(List<Retimed> moves) {
        if (moves.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return CurrentTransaction.execute("""
                update message m set next_attempt_at = u.due
                from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) as u(request_id, was, due)
                where m.request_id = u.request_id and m.status = 'QUEUED' and m.next_attempt_at = u.was""",
                Tuple.of(moves.stream().map(Retimed::requestId).toArray(UUID[]::new),
                        moves.stream().map(x -> at(x.was())).toArray(OffsetDateTime[]::new),
                        moves.stream().map(x -> at(x.due())).toArray(OffsetDateTime[]::new)))
                .map(RowSet::rowCount);
    }

    /** A message's contact as it is now: its time zone and the channels it opted out of. */
    public record ContactNow(java.time.ZoneId zone, java.util.Set<ChannelType> optedOut) {
    }

    /**
     * The contacts of these messages as they are now, per message (no contact, or one removed: absent): one may
     * have unsubscribed since the message was queued, and the send window is asked in its time zone.
     */
    public Uni<java.util.Map<UUID, ContactNow>> contactsNow(List<UUID> requestIds) {
        return CurrentTransaction.execute("select m.request_id, c.opted_out, c.time_zone from message m join contact c"
                + " on c.id = m.contact_id and c.tenant_id = m.tenant_id where m.request_id = any($1)",
                Tuple.of(requestIds.toArray(UUID[]::new))).map(rows -> {
                    java.util.Map<UUID, ContactNow> out = new java.util.HashMap<>();
                    rows.forEach(r -> {
                        java.util.Set<ChannelType> channels = java.util.EnumSet.noneOf(ChannelType.class);
                        for (String c : r.getString("opted_out").split(",")) {
                            if (!c.isBlank()) {
                                channels.add(ChannelType.valueOf(c.strip()));
                            }
                        }
                        out.put(r.getUUID("request_id"), new ContactNow(java.time.ZoneId.of(r.getString("time_zone")), channels));
                    });
                    return out;
                });
    }

    /**
     * How many attempts a message has had on its current channel, the channels it failed on before,
     * and the time zone of its contact now (null: no contact, or one removed since).
     */
    public record ChannelState(int channelAttempts, java.util.Set<ChannelType> tried, java.time.ZoneId contactZone) {
    }

    public Uni<ChannelState> channelState(UUID requestId) {
        return CurrentTransaction.execute("select m.channel_attempts, m.tried_channels, c.time_zone from message m"
                + " left join contact c on c.id = m.contact_id and c.tenant_id = m.tenant_id where m.request_id = $1",
                Tuple.of(requestId)).map(rows -> {
                    Row r = rows.iterator().next();
                    String zone = r.getString("time_zone");
                    return new ChannelState(r.getInteger("channel_attempts"), tried(r), zone == null ? null : java.time.ZoneId.of(zone));
                });
    }

    /** SENDING to UNKNOWN with the reason: the hand-over may have reached the other side (it is not sent again). */
    public Uni<Optional<Message>> unknown(UUID requestId, String reason, Instant at) {
        return unknown(requestId, reason, at, null);
    }

    /**
     * {@link #unknown(UUID, String, Instant)}, the content {@code attempted} (null: the one queued) replacing the one
     * queued, so the record shows what the other side may have.
     */
    public Uni<Optional<Message>> unknown(UUID requestId, String reason, Instant at, RenderedMessage attempted) {
        return move("update message set status = 'UNKNOWN', failure_reason = $2, claimed_at = null, updated_at = $3,"
                + " subject = coalesce($4, subject), body_text = coalesce($5, body_text), body_html = coalesce($6, body_html)"
                + " where request_id = $1 and status = 'SENDING' returning *", Tuple.tuple().addUUID(requestId)
                        .addString(reason).addOffsetDateTime(at(at))
                        .addString(attempted == null ? null : attempted.subject())
                        .addString(attempted == null ? null : attempted.text())
                        .addString(attempted == null ? null : attempted.html()));
    }

    private static java.util.Set<ChannelType> tried(Row r) {
        java.util.Set<ChannelType> tried = java.util.EnumSet.noneOf(ChannelType.class);
        for (String c : r.getArrayOfStrings("tried_channels")) {
            tried.add(ChannelType.valueOf(c));
        }
        return tried;
    }

    /**
     * SENDING back to QUEUED on the next channel (a fallback): its contact, address, language and
     * content there, due at {@code next}, with {@code reason} saying why and {@code tried} the
     * channels it failed on; a new attempt count for the channel.
     */
    public Uni<Optional<Message>> fallBack(UUID requestId, Message on, java.util.Set<ChannelType> tried, String reason,
            Instant at) {
        return requeued(MessageStatus.SENDING, requestId, on, tried, reason, at);
    }

    /** {@link #fallBack} of a message in {@code from} (SENT or UNKNOWN: its provider reported it failed). */
    public Uni<Optional<Message>> fallBack(MessageStatus from, UUID requestId, Message on, java.util.Set<ChannelType> tried,
            String reason, Instant at) {
        return requeued(from, requestId, on, tried, reason, at);
    }

    /** A QUEUED message queued anew as {@code on} (its contact was removed or no longer reaches it, {@code app.Rerouting}), as {@link #fallBack}. */
    public Uni<Optional<Message>> rerouted(UUID requestId, Message on, java.util.Set<ChannelType> tried, String reason,
            Instant at) {
        return requeued(MessageStatus.QUEUED, requestId, on, tried, reason, at);
    }

    private Uni<Optional<Message>> requeued(MessageStatus from, UUID requestId, Message on, java.util.Set<ChannelType> tried,
            String reason, Instant at) {
        RenderedMessage body = on.rendered();
        Tuple t = Tuple.tuple().addUUID(requestId).addString(on.channel().name()).addUUID(on.contactId())
                .addString(on.address()).addString(on.language() == null ? null : on.language().tag())
                .addString(body.subject()).addString(body.text()).addString(body.html()).addString(reason)
                .addOffsetDateTime(at(on.nextAttemptAt())).addOffsetDateTime(at(at))
                .addArrayOfString(tried.stream().map(Enum::name).toArray(String[]::new)).addString(from.name());
        // the PDF made for the channel that failed was never delivered, and it was made for that channel's
        // contact and page: the next channel's letter is made from its own page at its first hand-over (an
        // email's attached page too: the route keeps the one rendered for its contact, Route.keepAttachedLetter)
        return move("""
                update message set status = 'QUEUED', channel = $2, contact_id = $3, address = $4, language = $5,
                    subject = $6, body_text = $7, body_html = $8, failure_reason = $9, next_attempt_at = $10,
                    claimed_at = null, updated_at = $11, tried_channels = $12, channel_attempts = 0, letter_html = null
                where request_id = $1 and status = $13 returning *""", t)
                .call(moved -> moved.isEmpty() ? Uni.createFrom().voidItem()
                        : CurrentTransaction.execute("delete from message_document where request_id = $1", Tuple.of(requestId))
                                .replaceWithVoid());
    }

    /** Per channel: the QUEUED messages due at {@code now}, since when the oldest is due, the UNKNOWN ones. */
    public record Backlog(ChannelType channel, long due, Instant oldestDueSince, long unknown) {
    }

    public Uni<List<Backlog>> backlog(Instant now) {
        return CurrentTransaction.execute("""
                select channel,
                    count(*) filter (where status = 'QUEUED' and next_attempt_at <= $1) as due,
                    min(next_attempt_at) filter (where status = 'QUEUED' and next_attempt_at <= $1) as oldest_due,
                    count(*) filter (where status = 'UNKNOWN') as unknown
                from message where status in ('QUEUED', 'UNKNOWN') and channel is not null group by channel""",
                Tuple.of(at(now))).map(rows -> {
                    List<Backlog> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Backlog(ChannelType.valueOf(r.getString("channel")), r.getLong("due"),
                            instant(r, "oldest_due"), r.getLong("unknown"))));
                    return out;
                });
    }

    /** The UNKNOWN messages of every tenant, oldest first, one page: an operator's list to settle by hand. */
    public Uni<List<Message>> unknown(int page, int size) {
        return CurrentTransaction.execute("select * from message where status = 'UNKNOWN'"
                + " order by updated_at, request_id limit $1 offset $2", Tuple.of(size, (long) page * size)).map(this::messages);
    }

    public Uni<Long> countUnknown() {
        return CurrentTransaction.execute("select count(*) as n from message where status = 'UNKNOWN'", Tuple.tuple())
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /**
     * The tenant's webhooks not handed over yet (QUEUED: due, or waiting for a retry) addressed to {@code url} from now on:
     * the endpoint it set in their place. How many moved; their due time and {@code updated_at} stay.
     */
    public Uni<Integer> webhooksReaddressed(String tenantId, String url) {
        return CurrentTransaction.execute("update message set address = $2 where tenant_id = $1 and channel = 'WEBHOOK'"
                + " and status = 'QUEUED' and address <> $2", Tuple.of(tenantId, url)).map(RowSet::rowCount);
    }

    /** A claimed (SENDING) message's address, where its hand-over goes now; false when it is not SENDING. */
    public Uni<Boolean> handedOverTo(UUID requestId, String address) {
        return CurrentTransaction.execute("update message set address = $2 where request_id = $1 and status = 'SENDING'",
                Tuple.of(requestId, address)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Adds {@code note} to the detail of the message's last attempt: what became of that attempt's
     * work afterwards (its letter was dropped unsent and is made anew). Nothing without an attempt.
     */
    public Uni<Void> noteOnLastAttempt(UUID requestId, String note) {
        return CurrentTransaction.execute("update message_attempt set detail = coalesce(detail || '; then ', '') || $2"
                + " where request_id = $1 and attempt = (select max(attempt) from message_attempt where request_id = $1)",
                Tuple.of(requestId, note)).replaceWithVoid();
    }

    public Uni<Void> attempt(UUID requestId, int attempt, Instant at, String outcome, String detail) {
        return CurrentTransaction.execute("insert into message_attempt (request_id, attempt, at, outcome, detail)"
                + " values ($1, $2, $3, $4, $5) on conflict do nothing",
                Tuple.of(requestId, attempt, at(at), outcome, detail)).replaceWithVoid();
    }

    public Uni<Optional<Message>> find(String tenantId, UUID requestId) {
        return CurrentTransaction.execute("select * from message where request_id = $1 and tenant_id = $2",
                Tuple.of(requestId, tenantId)).map(rows -> messages(rows).stream().findFirst());
    }

    public Uni<List<DeliveryAttempt>> attempts(UUID requestId) {
        return CurrentTransaction.execute("select * from message_attempt where request_id = $1 order by attempt",
                Tuple.of(requestId)).map(rows -> {
                    List<DeliveryAttempt> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new DeliveryAttempt(r.getInteger("attempt"), r.getOffsetDateTime("at").toInstant(),
                            r.getString("outcome"), r.getString("detail"))));
                    return out;
                });
    }

    /** The buyer's messages, newest first, one page; and how many there are. */
    public Uni<List<Message>> ofBuyer(String tenantId, UUID buyerId, int page, int size) {
        return CurrentTransaction.execute("select * from message where tenant_id = $1 and buyer_id = $2"
                + " order by requested_at desc, request_id limit $3 offset $4",
                Tuple.of(tenantId, buyerId, size, (long) page * size)).map(this::messages);
    }

    public Uni<Long> countOfBuyer(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute("select count(*) as n from message where tenant_id = $1 and buyer_id = $2",
                Tuple.of(tenantId, buyerId)).map(rows -> rows.iterator().next().getLong("n"));
    }

    private Uni<Optional<Message>> move(String sql, Tuple t) {
        return CurrentTransaction.execute(sql, t).map(rows -> messages(rows).stream().findFirst());
    }

    private List<Message> messages(RowSet<Row> rows) {
        List<Message> out = new ArrayList<>();
        rows.forEach(r -> out.add(message(r)));
        return out;
    }

    Message message(Row r) {
        MessageRequest request = new MessageRequest(r.getUUID("request_id"), r.getString("purpose"),
                r.getString("template_key"), Optional.ofNullable(r.getString("requested_channel")).map(ChannelType::valueOf),
                MessageRequest.RecipientKind.valueOf(r.getString("recipient_kind")), r.getUUID("buyer_id"),
                Optional.ofNullable(r.getString("language_hint")).flatMap(Language::ofTag), r.getBoolean("critical"),
                r.getBoolean("legally_required"), read(r.getValue("data")),
                // the request's attachLetter is kept as the page of the letter its email carries: a route of it
                // anew (another contact, a fallback) renders that letter for where it goes then
                r.getString("letter_html") != null);
        String subject = r.getString("subject");
        RenderedMessage body = r.getString("body_text") == null ? null
                : new RenderedMessage(subject, r.getString("body_text"), r.getString("body_html"));
        String lang = r.getString("language");
        Message.Sender sender = r.getString("from_address") == null && r.getString("from_name") == null ? null
                : new Message.Sender(r.getString("from_name"), r.getString("from_address"), r.getString("reply_to"));
        String channel = r.getString("channel");
        return new Message(request.requestId(), r.getString("tenant_id"), request,
                MessageStatus.valueOf(r.getString("status")), channel == null ? null : ChannelType.valueOf(channel),
                r.getUUID("contact_id"), r.getString("address"), lang == null ? null : Language.ofTag(lang).orElse(null),
                sender, body, r.getString("body_sha256"), r.getString("failure_reason"), r.getInteger("attempts"), instant(r, "next_attempt_at"),
                instant(r, "requested_at"), instant(r, "sent_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }


    /** The data as UTF-8 JSON, the form a bulk insert passes on without encoding it again. */
    private byte[] bytes(ObjectNode data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request data is not serializable", e);
        }
    }

    private ObjectNode read(Object value) {
        try {
            Object v = value instanceof io.vertx.core.json.JsonObject o ? o.encode() : value;
            return (ObjectNode) json.readTree(String.valueOf(v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored request data is not JSON", e);
        }
    }
}
