package io.tradecredit.notification.domain;

import java.util.Optional;

/**
 * Where a message to the tenant itself goes (a claim's deadline warning, a changed limit): to the
 * tenant's webhook endpoint when it has registered one, whatever channel the request asked for
 * (its systems act on the data); otherwise, and once the webhook has failed it for good, by the
 * channel asked for: EMAIL (also when WEBHOOK or nothing was asked for) to its sender identity's
 * reply-to address, else its From address (the tenant's own accounts-receivable mailbox). SMS and
 * LETTER do not reach a tenant.
 */
public final class TenantRecipient {
    private TenantRecipient() {
    }

    /** The first channel of a message to the tenant, or the reason there is none. */
    public static ContactChoice.Choice choose(SenderIdentity sender, Optional<ChannelType> requested,
            Optional<WebhookEndpoint> webhook) {
        if (webhook.isPresent()) {
            return new ContactChoice.Choice(null, ChannelType.WEBHOOK, webhook.get().url(), null);
        }
        return asked(sender, requested, "the tenant has set no webhook endpoint; ");
    }

    /** The channel after the tenant's webhook failed a message for good (refused, retries spent), or the reason there is none. */
    public static ContactChoice.Choice afterWebhook(SenderIdentity sender, Optional<ChannelType> requested) {
        return asked(sender, requested, "");
    }

    private static ContactChoice.Choice asked(SenderIdentity sender, Optional<ChannelType> requested, String before) {
        ChannelType channel = requested.orElse(ChannelType.EMAIL);
        if (channel != ChannelType.EMAIL && channel != ChannelType.WEBHOOK) {
            return none(before + "a message to the tenant goes by EMAIL or WEBHOOK, not " + channel);
        }
        if (sender == null) {
            return none(before + "the tenant has set no sender identity to write to");
        }
        String to = sender.replyTo() != null ? sender.replyTo() : sender.fromAddress();
        return new ContactChoice.Choice(null, ChannelType.EMAIL, to, null);
    }

    private static ContactChoice.Choice none(String reason) {
        return new ContactChoice.Choice(null, null, null, "no usable address: " + reason);
    }
}
