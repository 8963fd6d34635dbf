package io.tradecredit.notification.app;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.RenderedMessage;

/**
 * One way out to the world (an SMTP server, an SMS provider, a print service, a tenant's
 * webhook): a bean per channel in {@code channels}. {@link Deliveries} hands it one message at a
 * time; a failed {@code send} is tried again on the channel's retry schedule.
 */
public interface Channel {
    ChannelType type();

    /** Hands the message to the outside party; completes once that party has accepted it. */
    Uni<Void> send(Outgoing message);

    /**
     * Hands the message over ({@link #send}) and answers the proof of what was handed over: the
     * SHA-256 kept with the SENT record. By default that of the rendered content; a channel whose
     * content is more (a letter's PDF, an email's attachment) answers the proof of all of it.
     */
    default Uni<String> handOver(Outgoing message) {
        return send(message).replaceWith(() -> message.content().sha256());
    }

    /**
     * The outside party refused the message for good (a webhook's 404, say): sending it again
     * cannot help, so it fails at once instead of on the retry schedule.
     */
    class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    /**
     * The hand-over failed before reaching the outside party (no connection, a server answering 503), said in plain words
     * with whom ({@code domain.HandOverFailure}); tried again on the channel's schedule.
     */
    class Trouble extends RuntimeException {
        public Trouble(String words, Throwable cause) {
            super(words, cause);
        }
    }

    /**
     * The hand-over may have reached the outside party (no answer within the timeout, the connection
     * broken after the request went out): whether it was accepted is not known. Deliveries do not
     * send such a message again, but a webhook ({@link ChannelType#resentAfterUnclearHandOver}).
     */
    class Unclear extends RuntimeException {
        public Unclear(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * A message on its way out: its request id (the receiving side's way to recognise a repeat,
     * e.g. the email's Message-ID), address, sender and content; the buyer's contact it goes to (null
     * for the tenant), whose unsubscribe link an email names in its header; whether it has a letter
     * (a LETTER's page, an email's attached letter), so that a message without one is never looked up for it.
     */
    record Outgoing(UUID requestId, String tenantId, String to, Message.Sender from, RenderedMessage content, UUID contactId,
            boolean carriesLetter, java.time.Instant at) {
        /** A message to the tenant itself, no contact, no letter. */
        public Outgoing(UUID requestId, String tenantId, String to, Message.Sender from, RenderedMessage content) {
            this(requestId, tenantId, to, from, content, null, false, null);
        }

        /** Handed over now (a letter it carries is made on the clock's day). */
        public Outgoing(UUID requestId, String tenantId, String to, Message.Sender from, RenderedMessage content,
                UUID contactId, boolean carriesLetter) {
            this(requestId, tenantId, to, from, content, contactId, carriesLetter, null);
        }
    }
}
