package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way of running the services uses the serial collector: what the JVM picks by itself in a pod
 * of one CPU, and on two CPUs 18 % less of invoice-service's CPU per payment than G1 (docs/performance.md,
 * "session 21"). Said explicitly, so a pod given more CPUs or a laptop running the compose file does not
 * switch to G1 unseen.
 */
class SerialCollectorTest {
    static final String FLAG = "-XX:+UseSerialGC";

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceContainerOfTheChartRunsTheSerialCollector(Rendering rendering) {
        ServiceJvmOptions.chart(rendering).forEach((container, options) ->
                assertTrue(options.contains(FLAG), container + " JAVA_TOOL_OPTIONS: '" + options + "'"));
    }

    @Test
    void everyComposeServiceRunsTheSerialCollector() {
        ServiceJvmOptions.composeServices().forEach((service, definition) ->
                assertTrue(ServiceJvmOptions.compose(definition).contains(FLAG), service));
    }

    @Test
    void platformUpStartsTheServicesWithItUnlessToldOtherwise() {
        String options = ServiceJvmOptions.platform();
        Matcher defaults = Pattern.compile("\\$\\{TC_SERVICE_JAVA_OPTS:-([^}]*)}").matcher(options);
        assertTrue(defaults.find() && defaults.group(1).contains(FLAG), "TC_SERVICE_JAVA_OPTS' default: " + options);
    }
}
