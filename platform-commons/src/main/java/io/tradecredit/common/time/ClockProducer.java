package io.tradecredit.common.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;

/** The one source of "now", and of "today" in the business time zone. Tests and demos may replace the clock. */
public class ClockProducer {
    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Built at start, so that a zone that is no zone stops the service with the property's name. */
    @Produces
    @Startup
    @Singleton
    public BusinessTimeZone businessZone(Clock clock,
            @ConfigProperty(name = BusinessTimeZone.ZONE_PROPERTY) String zone) {
        return new BusinessTimeZone(clock, BusinessTimeZone.zone(zone));
    }
}
