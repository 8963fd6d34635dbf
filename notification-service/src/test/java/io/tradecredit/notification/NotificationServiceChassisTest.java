package io.tradecredit.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.PlatformTestResources;
import io.tradecredit.testing.ServiceChassisContract;

/** The chassis promises, checked inside notification-service with real PostgreSQL, Kafka and tokens. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResources.class)
@QuarkusTestResource(TrustedReceiverResource.class)
class NotificationServiceChassisTest extends ServiceChassisContract {
    @Override
    protected String serviceName() {
        return "notification-service";
    }
}
