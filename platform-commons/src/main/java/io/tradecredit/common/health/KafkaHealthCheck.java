package io.tradecredit.common.health;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.Wellness;

/**
 * Whether the Kafka cluster answers, on {@code /q/health/well}: shown, never a reason to take the
 * pod out of its Service. A broker outage must not take every API down: writes commit to the
 * outbox and are published once the brokers are back, consumers resume from their offsets
 * (docs/adr/0007-kafka-outside-readiness.md). The alerts on the outbox backlog and consumer lag
 * say when it lasts.
 */
@Wellness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile AdminClient admin;

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("brokers", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down()
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private AdminClient admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>();
                    kafkaConfig.forEach((k, v) -> {
                        if (AdminClientConfig.configNames().contains(k)) {
                            config.put(k, v);
                        }
                    });
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
                    admin = AdminClient.create(config);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
