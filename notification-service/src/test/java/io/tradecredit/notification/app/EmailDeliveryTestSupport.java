package io.tradecredit.notification.app;

import java.util.UUID;

/** {@link EmailDeliveryTest}'s tenant set-up for tests in other packages. */
public final class EmailDeliveryTestSupport {
    private EmailDeliveryTestSupport() {
    }

    /** A tenant with Acme's sender identity and a buyer whose contact reads {@code language} at {@code email}. */
    public static String tenantWithContact(UUID buyer, String email, String language) {
        return EmailDeliveryTest.tenantWithContact(buyer, email, language);
    }
}
