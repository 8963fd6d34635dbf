package io.tradecredit.common.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import io.tradecredit.testing.ServiceArchitecture;

/**
 * The skeleton rules every service's chassis contract checks ({@link ServiceArchitecture}) pass
 * on a clean service and fail on each planted violation (io.tradecredit.planted).
 */
class ServiceArchitectureTest {
    static final String CLEAN = "io.tradecredit.planted.clean";
    static final String DIRTY = "io.tradecredit.planted.dirty";
    static final JavaClasses PLANTED = new ClassFileImporter().importPackages("io.tradecredit.planted");

    static EvaluationResult evaluate(ArchRule rule) {
        return rule.evaluate(PLANTED);
    }

    static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void aCleanServicePassesEveryRule() {
        for (ArchRule rule : ServiceArchitecture.rules(CLEAN)) {
            EvaluationResult result = evaluate(rule);
            assertFalse(result.hasViolation(), rule.getDescription() + "\n" + report(result));
        }
    }

    @Test
    void aRuleThatUsesVertxOrAUseCaseIsNotPlainJava() {
        String report = report(evaluate(ServiceArchitecture.domainIsPlainJava(DIRTY)));
        assertTrue(report.contains("io.vertx.core.Vertx"), report);
        assertTrue(report.contains("io.tradecredit.planted.dirty.app.Fees"), report);
    }

    @Test
    void aResourceOrConsumerThatTouchesPersistenceIsRefused() {
        String report = report(evaluate(ServiceArchitecture.adaptersDelegate(DIRTY)));
        assertTrue(report.contains("FeeResource") && report.contains("persistence.FeeRepository"), report);
        assertTrue(report.contains("FeeConsumer") && report.contains("io.vertx.mutiny.sqlclient.Pool"), report);
    }

    @Test
    void aUseCaseThatAnswersHttpIsRefused() {
        String report = report(evaluate(ServiceArchitecture.useCasesKnowNoHttp(DIRTY)));
        assertTrue(report.contains("jakarta.ws.rs.core.Response"), report);
    }

    @Test
    void aDateReadOffTheClockOrAnInstantsOwnOffsetIsRefused() {
        String report = report(evaluate(ServiceArchitecture.datesComeFromTheBusinessTimeZone(DIRTY)));
        assertTrue(report.contains("LocalDate.now(java.time.Clock)"), report);
        assertTrue(report.contains("OffsetDateTime.toLocalDate()"), report);
    }

    @Test
    void anImportCycleBetweenPackagesIsRefused() {
        EvaluationResult result = evaluate(ServiceArchitecture.noCycles(DIRTY));
        assertTrue(result.hasViolation());
        assertTrue(report(result).contains("Cycle detected"), report(result));
    }

    @Test
    void eachPlantedViolationIsCaughtByItsOwnRuleOnly() {
        // the clean twin of every planted class passes, so each failure above is the planted line's
        List<Boolean> clean = ServiceArchitecture.rules(CLEAN).stream().map(r -> evaluate(r).hasViolation()).toList();
        List<Boolean> dirty = ServiceArchitecture.rules(DIRTY).stream().map(r -> evaluate(r).hasViolation()).toList();
        assertTrue(clean.stream().noneMatch(v -> v), clean.toString());
        assertTrue(dirty.stream().allMatch(v -> v), dirty.toString());
    }
}
