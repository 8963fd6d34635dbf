package io.tradecredit.notification;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A stand-in SMS provider for the test: an {@link HttpStandIn} the SMS channel is configured to POST to. */
public class SmsProviderResource implements QuarkusTestResourceLifecycleManager {
    public static final HttpStandIn PROVIDER = new HttpStandIn();
    public static final String PATH = "/v1/sms";

    @Override
    public Map<String, String> start() {
        return Map.of("tradecredit.notification.sms.url", PROVIDER.url(PATH), "tradecredit.notification.sms.username",
                "tradecredit", "tradecredit.notification.sms.password", "s3cret");
    }

    @Override
    public void stop() {
        // the provider lives as long as the test JVM: later test classes may reuse this resource
    }
}
