package io.tradecredit.common;

import io.quarkus.test.common.QuarkusTestResource;
import io.tradecredit.testing.PlatformTestResources;

/** Real PostgreSQL, Kafka and OIDC server for every Quarkus test of this module. */
@QuarkusTestResource(PlatformTestResources.class)
public class TestInfrastructure {
}
