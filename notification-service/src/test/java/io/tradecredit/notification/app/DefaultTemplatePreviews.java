package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.notification.Fixtures;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.RenderedMessage;

/** The platform's default templates rendered by the service's own engine, for the tests of their wording. */
final class DefaultTemplatePreviews {
    private DefaultTemplatePreviews() {
    }

    /**
     * {@code key} on {@code channel} rendered with {@code data} in every language, in
     * {@link io.tradecredit.notification.domain.Language} order, for a tenant with no templates of its own (so the
     * platform default, version 0); fails on a language that does not render.
     */
    static List<RenderedMessage> rendered(Templates templates, String key, ChannelType channel, ObjectNode data) {
        String tenant = Fixtures.freshTenant();
        List<Templates.Preview> previews;
        try {
            previews = VertxContextSupport.subscribeAndAwait(() -> templates.preview(tenant, key, channel, data));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        for (Templates.Preview p : previews) {
            assertNull(p.failure(), key + " " + channel + " " + p.language());
            assertEquals(0, p.version(), "the platform default");
        }
        return previews.stream().map(Templates.Preview::rendered).toList();
    }
}
