package io.tradecredit.common.health;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * HTTP server latency as a histogram ({@code http_server_requests_seconds_bucket}), so that
 * percentiles can be computed across replicas ({@code histogram_quantile}, alert
 * TradecreditHighLatency). A fixed, short list of bounds instead of Micrometer's ~70 default
 * buckets keeps the series per route few.
 */
public class LatencyHistogram {
    static final Duration[] BOUNDS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                double[] bounds = new double[BOUNDS.length];
                for (int i = 0; i < BOUNDS.length; i++) {
                    bounds[i] = BOUNDS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(config);
            }
        };
    }
}
