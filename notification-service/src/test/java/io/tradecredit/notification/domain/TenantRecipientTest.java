package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Worked examples of where a message to the tenant itself goes (docs/notification-service.md, "Webhooks"). */
class TenantRecipientTest {
    static final WebhookEndpoint HOOK = new WebhookEndpoint("https://erp.acme.example/hooks", "x".repeat(24));
    static final SenderIdentity WITH_REPLY_TO = new SenderIdentity("Acme", "ar@acme.example", "credit@acme.example", "", "Zhang");
    static final SenderIdentity FROM_ONLY = new SenderIdentity("Acme", "ar@acme.example", null, "", "Zhang");

    @Test
    void aRegisteredWebhookEndpointTakesEveryTenantMessageWhateverChannelWasAskedFor() {
        for (Optional<ChannelType> asked : java.util.List.of(Optional.<ChannelType>empty(), Optional.of(ChannelType.EMAIL),
                Optional.of(ChannelType.WEBHOOK), Optional.of(ChannelType.SMS))) {
            ContactChoice.Choice choice = TenantRecipient.choose(WITH_REPLY_TO, asked, Optional.of(HOOK));
            assertEquals(new ContactChoice.Choice(null, ChannelType.WEBHOOK, "https://erp.acme.example/hooks", null), choice,
                    asked.toString());
        }
        // no sender identity is needed to reach the webhook
        assertEquals(ChannelType.WEBHOOK, TenantRecipient.choose(null, Optional.empty(), Optional.of(HOOK)).channel());
    }

    @Test
    void withoutAnEndpointItIsAnEmailToTheReplyToAddressElseTheFromAddress() {
        assertEquals(new ContactChoice.Choice(null, ChannelType.EMAIL, "credit@acme.example", null),
                TenantRecipient.choose(WITH_REPLY_TO, Optional.of(ChannelType.EMAIL), Optional.empty()));
        assertEquals(new ContactChoice.Choice(null, ChannelType.EMAIL, "ar@acme.example", null),
                TenantRecipient.choose(FROM_ONLY, Optional.empty(), Optional.empty()));
        // asked for as a webhook, with none registered: the tenant still hears of it, by email
        assertEquals(new ContactChoice.Choice(null, ChannelType.EMAIL, "ar@acme.example", null),
                TenantRecipient.choose(FROM_ONLY, Optional.of(ChannelType.WEBHOOK), Optional.empty()));
    }

    @Test
    void withoutAnEndpointNoSenderIdentityOrAChannelATenantHasNotFailsSayingWhy() {
        ContactChoice.Choice noSender = TenantRecipient.choose(null, Optional.of(ChannelType.WEBHOOK), Optional.empty());
        assertEquals("no usable address: the tenant has set no webhook endpoint; the tenant has set no sender identity"
                + " to write to", noSender.failure());
        assertNull(noSender.channel());
        assertEquals("no usable address: the tenant has set no webhook endpoint; a message to the tenant goes by EMAIL"
                + " or WEBHOOK, not SMS", TenantRecipient.choose(WITH_REPLY_TO, Optional.of(ChannelType.SMS), Optional.empty())
                        .failure());
        assertEquals("no usable address: the tenant has set no webhook endpoint; a message to the tenant goes by EMAIL"
                + " or WEBHOOK, not LETTER", TenantRecipient.choose(WITH_REPLY_TO, Optional.of(ChannelType.LETTER),
                        Optional.empty()).failure());
    }

    @Test
    void afterTheWebhookFailedForGoodTheMessageGoesByEmailAsAskedFor() {
        assertEquals(new ContactChoice.Choice(null, ChannelType.EMAIL, "credit@acme.example", null),
                TenantRecipient.afterWebhook(WITH_REPLY_TO, Optional.empty()));
        assertEquals(new ContactChoice.Choice(null, ChannelType.EMAIL, "ar@acme.example", null),
                TenantRecipient.afterWebhook(FROM_ONLY, Optional.of(ChannelType.WEBHOOK)));
        assertEquals(new ContactChoice.Choice(null, null, null, "no usable address: the tenant has set no sender identity to write to"),
                TenantRecipient.afterWebhook(null, Optional.of(ChannelType.EMAIL)));
        assertEquals("no usable address: a message to the tenant goes by EMAIL or WEBHOOK, not SMS",
                TenantRecipient.afterWebhook(WITH_REPLY_TO, Optional.of(ChannelType.SMS)).failure());
    }
}
