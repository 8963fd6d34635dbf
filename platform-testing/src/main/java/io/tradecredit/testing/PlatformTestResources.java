package io.tradecredit.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** PostgreSQL, Kafka and the OIDC test server together, as one test resource. */
public class PlatformTestResources implements QuarkusTestResourceLifecycleManager {
    private final List<QuarkusTestResourceLifecycleManager> parts = List.of(
            new PostgresTestResource(), new KafkaTestResource(), new OidcTestResource());

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        parts.forEach(part -> config.putAll(part.start()));
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        parts.forEach(part -> part.inject(testInjector));
    }

    @Override
    public void stop() {
        parts.forEach(QuarkusTestResourceLifecycleManager::stop);
    }
}
