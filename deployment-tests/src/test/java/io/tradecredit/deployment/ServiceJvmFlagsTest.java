package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JVM options every way of running the services gives them: the chart, the compose file, {@code ./platform}. */
class ServiceJvmFlagsTest {
    enum Flag {
        /**
         * A service whose heap runs out exits at once (and is restarted) instead of staying up answering
         * nothing with its readiness still 200.
         */
        EXIT_ON_OUT_OF_MEMORY("-XX:+ExitOnOutOfMemoryError", true),
        /**
         * What the JVM picks by itself in a pod of one CPU, and on two CPUs 18 % less of invoice-service's
         * CPU per payment than G1 (docs/performance.md, "session 21"): said, so that a pod given more CPUs
         * or a laptop running the compose file does not switch to G1 unseen. A default TC_SERVICE_JAVA_OPTS
         * may replace.
         */
        SERIAL_COLLECTOR("-XX:+UseSerialGC", false),
        /**
         * Quarkus answers a malformed request URI ({@code ?q=%zz}) with a bare 400 before any route runs;
         * with this the chassis' {@code HttpLayerProblems} answers problem+json saying where it is wrong.
         */
        CHASSIS_CHECKS_URIS("-Dvertx.disableURIValidation=true", true);

        final String option;
        final boolean whateverTcServiceJavaOptsSays;

        Flag(String option, boolean whateverTcServiceJavaOptsSays) {
            this.option = option;
            this.whateverTcServiceJavaOptsSays = whateverTcServiceJavaOptsSays;
        }
    }

    static Stream<Arguments> flagsAndRenderings() {
        return Stream.of(Flag.values()).flatMap(f -> Rendering.all().stream().map(r -> Arguments.of(f, r)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("flagsAndRenderings")
    void everyServiceContainerOfTheChartHasIt(Flag flag, Rendering rendering) {
        ServiceJvmOptions.chart(rendering).forEach((container, options) ->
                assertTrue(options.contains(flag.option), container + " JAVA_TOOL_OPTIONS: '" + options + "'"));
    }

    @ParameterizedTest
    @EnumSource(Flag.class)
    void everyComposeServiceHasIt(Flag flag) {
        ServiceJvmOptions.composeServices().forEach((service, definition) ->
                assertTrue(ServiceJvmOptions.compose(definition).contains(flag.option), service));
    }

    @Test
    void everyComposeServiceIsRestartedWhenItExits() {
        ServiceJvmOptions.composeServices().forEach((service, definition) ->
                assertEquals("on-failure", definition.get("restart"), service));
    }

    @ParameterizedTest
    @EnumSource(Flag.class)
    void platformUpStartsTheServicesWithIt(Flag flag) {
        String options = ServiceJvmOptions.platform();
        if (flag.whateverTcServiceJavaOptsSays) {
            String alwaysSet = options.substring(0, options.indexOf("${TC_SERVICE_JAVA_OPTS"));
            assertTrue(alwaysSet.contains(flag.option), "set before TC_SERVICE_JAVA_OPTS: " + options);
        } else {
            Matcher defaults = Pattern.compile("\\$\\{TC_SERVICE_JAVA_OPTS:-([^}]*)}").matcher(options);
            assertTrue(defaults.find() && defaults.group(1).contains(flag.option), "TC_SERVICE_JAVA_OPTS' default: " + options);
        }
    }

    @Test
    void theTestJvmsCheckUrisAsTheServicesDo() {
        String pom = Repository.read(Repository.ROOT.resolve("pom.xml"));
        int argLine = pom.indexOf("<argLine>");
        assertTrue(argLine >= 0 && pom.substring(argLine, pom.indexOf("</argLine>", argLine))
                .contains(Flag.CHASSIS_CHECKS_URIS.option), "the root pom's surefire argLine");
    }
}
