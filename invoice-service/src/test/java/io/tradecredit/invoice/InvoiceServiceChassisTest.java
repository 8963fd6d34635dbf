package io.tradecredit.invoice;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.PlatformTestResources;
import io.tradecredit.testing.ServiceChassisContract;

/** The chassis promises, checked inside invoice-service with real PostgreSQL, Kafka and tokens. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResources.class)
class InvoiceServiceChassisTest extends ServiceChassisContract {
    @Override
    protected String serviceName() {
        return "invoice-service";
    }
}
