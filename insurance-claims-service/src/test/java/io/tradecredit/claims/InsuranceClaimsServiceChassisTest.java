package io.tradecredit.claims;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.PlatformTestResources;
import io.tradecredit.testing.ServiceChassisContract;

/** The chassis promises, checked inside insurance-claims-service with real PostgreSQL, Kafka and tokens. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResources.class)
class InsuranceClaimsServiceChassisTest extends ServiceChassisContract {
    @Override
    protected String serviceName() {
        return "insurance-claims-service";
    }
}
