package io.tradecredit.notification;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tradecredit.devstack.SmsSink;

/**
 * The SMS sink {@code ./platform up} runs (devstack's {@link SmsSink}), here in the test JVM on a
 * free port: the SMS channel posts to it with these credentials, and it reports delivery, signed
 * with {@link #REPORT_SECRET}, to the URL a test gives it ({@link SmsSink#reportTo}).
 */
public class SmsSinkResource implements QuarkusTestResourceLifecycleManager {
    public static final String USERNAME = "tradecredit";
    public static final String PASSWORD = "s3cret";
    public static final String REPORT_SECRET = "sms-report-secret-for-tests-0123";
    public static final SmsSink SINK = SmsSink.start(new SmsSink.Settings("127.0.0.1", 0, USERNAME, PASSWORD, null,
            REPORT_SECRET, false));

    @Override
    public Map<String, String> start() {
        return Map.of("tradecredit.notification.sms.url", SINK.sendUrl(), "tradecredit.notification.sms.username", USERNAME,
                "tradecredit.notification.sms.password", PASSWORD, "tradecredit.notification.sms.report-secret", REPORT_SECRET);
    }

    @Override
    public void stop() {
        // the sink lives as long as the test JVM: later test classes may reuse this resource
    }
}
