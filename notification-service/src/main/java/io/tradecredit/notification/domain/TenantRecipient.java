package io.tradecredit.notification.domain;

import java.util.Optional;

/**
 * Where a message to the tenant itself goes: asked for as a WEBHOOK, to the tenant's webhook
 * endpoint; otherwise by email to its sender identity's reply-to address, else its From address
 * (the tenant's own accounts-receivable mailbox).
 */
public final class TenantRecipient {
    private TenantRecipient() {
    }

    public static ContactChoice.Choice choose(SenderIdentity sender, Optional<ChannelType> requested,
            Optional<WebhookEndpoint> webhook) {
        if (requested.isPresent() && requested.get() == ChannelType.WEBHOOK) {
            return webhook.map(w -> new ContactChoice.Choice(null, ChannelType.WEBHOOK, w.url(), null))
                    .orElse(new ContactChoice.Choice(null, null, null,
                            "no usable address: the tenant has set no webhook endpoint"));
        }
        if (requested.isPresent() && requested.get() != ChannelType.EMAIL) {
            return new ContactChoice.Choice(null, null, null,
                    "no usable address: a message to the tenant goes by EMAIL or WEBHOOK, not " + requested.get());
        }
        if (sender == null) {
            return new ContactChoice.Choice(null, null, null,
                    "no usable address: the tenant has set no sender identity to write to");
        }
        String to = sender.replyTo() != null ? sender.replyTo() : sender.fromAddress();
        return new ContactChoice.Choice(null, ChannelType.EMAIL, to, null);
    }
}
