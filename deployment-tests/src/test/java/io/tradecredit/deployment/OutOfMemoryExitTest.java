package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service whose heap runs out exits at once (and is restarted) instead of staying up answering
 * nothing with its readiness still 200: every way of running the services sets
 * {@code -XX:+ExitOnOutOfMemoryError}.
 */
class OutOfMemoryExitTest {
    static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceContainerOfTheChartExitsOnOutOfMemory(Rendering rendering) {
        ServiceJvmOptions.chart(rendering).forEach((container, options) ->
                assertTrue(options.contains(FLAG), container + " JAVA_TOOL_OPTIONS: '" + options + "'"));
    }

    @Test
    void everyComposeServiceExitsOnOutOfMemoryAndIsRestarted() {
        ServiceJvmOptions.composeServices().forEach((service, definition) -> {
            assertTrue(ServiceJvmOptions.compose(definition).contains(FLAG), service);
            assertEquals("on-failure", definition.get("restart"), service + " restarts when it exits");
        });
    }

    @Test
    void platformUpStartsTheServicesWithIt() {
        String options = ServiceJvmOptions.platform();
        assertTrue(options.startsWith(FLAG + " "), "always set, whatever TC_SERVICE_JAVA_OPTS: " + options);
    }
}
