package io.tradecredit.notification;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tradecredit.testing.TestCertificate;

/**
 * The service under test trusts {@link TestCertificate#trusted()} (besides the JDK's CAs), the
 * certificate of the tests' HTTPS webhook receivers; any other self-signed certificate it refuses.
 */
public class TrustedReceiverResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        TestCertificate trusted = TestCertificate.trusted();
        return Map.of("tradecredit.notification.webhook.trust-store", trusted.trustStore().toString(),
                "tradecredit.notification.webhook.trust-store-password", trusted.password());
    }

    @Override
    public void stop() {
    }
}
