package io.tradecredit.credit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.PlatformTestResources;
import io.tradecredit.testing.ServiceChassisContract;

/** The chassis promises, checked inside credit-service with real PostgreSQL, Kafka and tokens. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResources.class)
class CreditServiceChassisTest extends ServiceChassisContract {
    @Override
    protected String serviceName() {
        return "credit-service";
    }
}
