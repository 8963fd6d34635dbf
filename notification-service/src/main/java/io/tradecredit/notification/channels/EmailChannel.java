package io.tradecredit.notification.channels;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.app.Channel;
import io.tradecredit.notification.domain.LetterDocument;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.EmailMessageId;
import io.tradecredit.notification.domain.Proof;
import io.tradecredit.notification.app.Letters;

/**
 * Email over SMTP (Quarkus Mailer on the Vert.x mail client; host, port, TLS and login are the
 * {@code quarkus.mailer.*} settings): one email with a text and an HTML part, From the tenant's
 * sender, Reply-To when it has one, and a {@code Message-ID} derived from the request id.
 */
@ApplicationScoped
public class EmailChannel implements Channel {
    @Inject
    ReactiveMailer mailer;

    @Inject
    io.tradecredit.notification.app.Unsubscribes unsubscribes;

    @ConfigProperty(name = "tradecredit.notification.message-id-domain")
    String messageIdDomain;

    /** How long the SMTP server may take to accept an email before the hand-over is unclear (UNKNOWN, never resent). */
    @ConfigProperty(name = "tradecredit.notification.email.timeout", defaultValue = "PT60S")
    java.time.Duration timeout;

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Inject
    Letters letters;

    @Override
    public Uni<Void> send(Outgoing m) {
        return handOver(m).replaceWithVoid();
    }

    /** Sends the email, with the letter it carries as a PDF attachment; the proof covers that PDF too. */
    @Override
    public Uni<String> handOver(Outgoing m) {
        // most emails carry no letter: no query for one
        Uni<Optional<LetterDocument>> attached = m.carriesLetter() ? letters.documentOf(m.tenantId(), m.requestId())
                : Uni.createFrom().item(Optional.empty());
        return attached.chain(letter -> {
            Mail mail = mail(m);
            letter.ifPresent(pdf -> mail.addAttachment(pdf.filename(), pdf.content(), pdf.mediaType()));
            // the mail client has no read timeout: an SMTP server that takes the connection and says nothing would hold
            // this hand-over, its batch and the replica's delivery passes for ever
            return mailer.send(mail).ifNoItem().after(timeout).failWith(() -> new Channel.Unclear("no answer within "
                    + timeout + " from the SMTP server", null)).replaceWith(() -> letter
                    .map(pdf -> Proof.withAttachment(m.content(), pdf.filename(), pdf.sha256()))
                    .orElseGet(() -> m.content().sha256()));
        });
    }

    private Mail mail(Outgoing m) {
        Mail mail = Mail.withText(m.to(), m.content().subject(), m.content().text()).setHtml(m.content().html())
                .setFrom(from(m)).addHeader("Message-ID", EmailMessageId.of(m.requestId(), messageIdDomain));
        if (m.contactId() != null) {
            // RFC 2369 and RFC 8058: mail clients offer "unsubscribe", and may POST List-Unsubscribe=One-Click to the link
            String link = unsubscribes.link(m.tenantId(), m.contactId(), ChannelType.EMAIL);
            mail.addHeader("List-Unsubscribe", "<" + link + ">").addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (m.from().replyTo() != null) {
            mail.setReplyTo(m.from().replyTo());
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
