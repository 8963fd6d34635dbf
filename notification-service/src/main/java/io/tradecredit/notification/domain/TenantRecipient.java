package io.tradecredit.notification.domain;

import java.util.Optional;

/**
 * Where a message to the tenant itself goes in this slice: by email to its sender identity's
 * reply-to address, else its From address (the tenant's own accounts-receivable mailbox). Webhooks
 * to the tenant's systems come with the webhook channel.
 */
public final class TenantRecipient {
    private TenantRecipient() {
    }

    public static ContactChoice.Choice choose(SenderIdentity sender, Optional<ChannelType> requested) {
        if (requested.isPresent() && requested.get() != ChannelType.EMAIL) {
            return new ContactChoice.Choice(null, null, null,
                    "no usable address: a message to the tenant goes by EMAIL, not " + requested.get());
        }
        if (sender == null) {
            return new ContactChoice.Choice(null, null, null,
                    "no usable address: the tenant has set no sender identity to write to");
        }
        String to = sender.replyTo() != null ? sender.replyTo() : sender.fromAddress();
        return new ContactChoice.Choice(null, ChannelType.EMAIL, to, null);
    }
}
