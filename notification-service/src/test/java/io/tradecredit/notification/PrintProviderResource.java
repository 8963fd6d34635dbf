package io.tradecredit.notification;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tradecredit.testing.HttpStandIn;

/** A stand-in print-and-mail provider: an {@link HttpStandIn} the letter channel POSTs each PDF to. */
public class PrintProviderResource implements QuarkusTestResourceLifecycleManager {
    public static final HttpStandIn PROVIDER = new HttpStandIn();
    public static final String PATH = "/v1/letters";

    @Override
    public Map<String, String> start() {
        return Map.of("tradecredit.notification.letter.print-url", PROVIDER.url(PATH));
    }

    @Override
    public void stop() {
        // lives as long as the test JVM, as the SMS provider's stand-in
    }
}
