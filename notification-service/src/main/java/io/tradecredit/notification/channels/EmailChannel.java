package io.tradecredit.notification.channels;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.app.Channel;
import io.tradecredit.notification.domain.LetterDocument;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.EmailMessageId;
import io.tradecredit.notification.domain.Proof;
import io.tradecredit.notification.app.Letters;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;

/**
 * Email over SMTP (the Vert.x mail client; host, port, TLS, login and pool size are the
 * {@code quarkus.mailer.*} settings): one email with a text and an HTML part, From the tenant's
 * sender, Reply-To when it has one, and a {@code Message-ID} derived from the request id.
 *
 * <p>The client is the one Quarkus Mailer configures from those settings, made anew with one thing
 * more: a connection that has read and written nothing for {@code email.timeout} and two seconds is
 * closed. The mail client has no read timeout: giving up on an SMTP server that took the connection
 * and then said nothing (a hung relay, a firewall dropping the session) left that connection open and
 * its slot of the pool ({@code quarkus.mailer.max-pool-size}) taken for ever; once every slot was held
 * so, every later email waited for one and ended UNKNOWN too, until a restart. Closed, the slot is free
 * for the next email. The two seconds keep the close after the hand-over was given up (UNKNOWN, never
 * resent): a close before it would fail the send as an ordinary refusal, retried.
 */
@ApplicationScoped
public class EmailChannel implements Channel {
    /** The client Quarkus Mailer made from {@code quarkus.mailer.*}: its settings are those of {@link #client}. */
    @Inject
    io.vertx.ext.mail.MailClient configured;

    @Inject
    Vertx vertx;

    MailClient client;

    @Inject
    io.tradecredit.notification.app.Unsubscribes unsubscribes;

    @ConfigProperty(name = "tradecredit.notification.message-id-domain")
    String messageIdDomain;

    /** How long the SMTP server may take to accept an email before the hand-over is unclear (UNKNOWN, never resent). */
    @ConfigProperty(name = "tradecredit.notification.email.timeout", defaultValue = "PT60S")
    java.time.Duration timeout;

    @PostConstruct
    void connect() {
        MailConfig config = new MailConfig(settingsOf(configured));
        long idleMillis = timeout.plusSeconds(2).toMillis();
        config.setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleMillis)).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        client = MailClient.create(vertx, config);
    }

    @PreDestroy
    void disconnect() {
        if (client != null) {
            client.closeAndAwait();
        }
    }

    /**
     * The settings Quarkus Mailer built its client from (TLS, trust, login, pool, DKIM), read off that client: Quarkus
     * has no setting for the socket's idle timeout, and building the settings here again would miss what it adds.
     */
    static MailConfig settingsOf(io.vertx.ext.mail.MailClient quarkusClient) {
        Object client = quarkusClient;
        try {
            // the bean is Quarkus's client itself, or a proxy to it
            if (!(client instanceof io.vertx.ext.mail.impl.MailClientImpl)) {
                client = io.quarkus.arc.ClientProxy.unwrap(quarkusClient);
            }
            java.lang.reflect.Field field = io.vertx.ext.mail.impl.MailClientImpl.class.getDeclaredField("config");
            field.setAccessible(true);
            return (MailConfig) field.get(client);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot read the SMTP settings of Quarkus Mailer's client (Vert.x mail client"
                    + " changed?): emails need them with an idle timeout", e);
        }
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Inject
    Letters letters;

    /** The SMTP server, named in a failure's words. */
    @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost")
    String smtpHost;

    @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25")
    int smtpPort;

    @Override
    public Uni<Void> send(Outgoing m) {
        return handOver(m).replaceWithVoid();
    }

    /** Sends the email, with the letter it carries as a PDF attachment; the proof covers that PDF too. */
    @Override
    public Uni<String> handOver(Outgoing m) {
        // most emails carry no letter: no query for one
        Uni<Optional<LetterDocument>> attached = m.carriesLetter() ? (m.at() == null
                ? letters.documentOf(m.tenantId(), m.requestId()) : letters.attachedTo(m.tenantId(), m.requestId(), m.at()))
                : Uni.createFrom().item(Optional.empty());
        return attached.chain(letter -> {
            MailMessage mail = mail(m);
            letter.ifPresent(pdf -> mail.setAttachment(List.of(MailAttachment.create().setName(pdf.filename())
                    .setContentType(pdf.mediaType()).setData(Buffer.buffer(pdf.content())))));
            // the mail client has no read timeout: an SMTP server that takes the connection and says nothing would hold
            // this hand-over, its batch and the replica's delivery passes for ever (the connection itself is closed a
            // little later by the idle timeout: connect())
            return client.sendMail(mail)
                    // a 5xx reply is permanent (RFC 5321 4.2.1: "550 5.1.1 User unknown"): trying again cannot help, the
                    // message goes on by the next channel at once; a 4xx (a greylisting 451, a full mailbox 452) is retried
                    .onFailure(SMTPException.class).transform(e -> ((SMTPException) e).isPermanent()
                            ? new Channel.Refused("the SMTP server refused the email for good: " + e.getMessage()) : e)
                    // anything else in plain words, naming the SMTP server: "connection refused by smtp.example:25"
                    .onFailure(e -> !(e instanceof Channel.Refused)).transform(e -> new Channel.Trouble(
                            io.tradecredit.notification.domain.HandOverFailure.words(e, smtpHost + ":" + smtpPort), e))
                    .ifNoItem().after(timeout).failWith(() -> new Channel.Unclear("no answer within "
                    + timeout + " from the SMTP server", null)).replaceWith(() -> letter
                    .map(pdf -> Proof.withAttachment(m.content(), pdf.filename(), pdf.sha256()))
                    .orElseGet(() -> m.content().sha256()));
        });
    }

    private MailMessage mail(Outgoing m) {
        MailMessage mail = new MailMessage().setTo(m.to()).setSubject(m.content().subject()).setText(m.content().text())
                .setHtml(m.content().html()).setFrom(from(m))
                .addHeader("Message-ID", EmailMessageId.of(m.requestId(), messageIdDomain));
        if (m.contactId() != null) {
            // RFC 2369 and RFC 8058: mail clients offer "unsubscribe", and may POST List-Unsubscribe=One-Click to the link
            String link = unsubscribes.link(m.tenantId(), m.contactId(), ChannelType.EMAIL);
            mail.addHeader("List-Unsubscribe", "<" + link + ">").addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (m.from().replyTo() != null) {
            mail.addHeader("Reply-To", m.from().replyTo());
        }
        return mail;
    }

    private static String from(Outgoing m) {
        String name = m.from().fromName();
        if (name == null || name.isBlank()) {
            return m.from().fromAddress();
        }
        // a quoted display name: a comma or a Chinese name in it stays one name
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + m.from().fromAddress() + ">";
    }
}
