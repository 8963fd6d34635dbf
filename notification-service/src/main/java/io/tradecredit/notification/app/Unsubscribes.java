package io.tradecredit.notification.app;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.UnsubscribeToken;

/**
 * The signed unsubscribe link of every email to a buyer's contact
 * ({@code <public-url>/unsubscribe?token=...}, {@link UnsubscribeToken} under the deployment's
 * {@code tradecredit.notification.unsubscribe.secret}), and the opt-out it records when followed.
 */
@ApplicationScoped
public class Unsubscribes {
    private static final Logger LOG = Logger.getLogger(Unsubscribes.class);

    @ConfigProperty(name = "tradecredit.notification.unsubscribe.secret")
    String secret;

    @ConfigProperty(name = "tradecredit.notification.public-url")
    String publicUrl;

    @Inject
    Contacts contacts;

    /** The link that opts {@code contactId} of {@code tenantId} out of {@code channel}. */
    public String link(String tenantId, UUID contactId, ChannelType channel) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/unsubscribe?token=" + new UnsubscribeToken(tenantId, contactId, channel).sign(secret);
    }

    /** The token's tenant, contact and channel, changing nothing (refused when it is not one this service signed). */
    public UnsubscribeToken read(String token) {
        return UnsubscribeToken.read(secret, token);
    }

    /** Records the opt-out the token names (refused, changing nothing, when it is not one this service signed). */
    public Uni<UnsubscribeToken> optOut(String token) {
        UnsubscribeToken t = UnsubscribeToken.read(secret, token);
        return contacts.optOut(t.tenantId(), t.contactId(), t.channel(), true).map((Contact c) -> {
            LOG.infof("contact %s of tenant %s opted out of %s by the unsubscribe link", t.contactId(), t.tenantId(), t.channel());
            return t;
        });
    }
}
