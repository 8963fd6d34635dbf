package io.tradecredit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service skeleton as rules (docs/architecture.md, "Service skeleton"), checked on a
 * service's compiled classes by {@link ServiceChassisContract}:
 * <ul>
 * <li>{@code domain} is plain Java: entities, values and rules that use the JDK, JPA mapping
 * annotations, the chassis' money and domain-error types and nothing else: no Quarkus, Panache,
 * Hibernate Reactive, Vert.x, Mutiny, JAX-RS, CDI, Kafka, and no other package of the service;</li>
 * <li>resources ({@code api}), Kafka consumers and jobs translate and delegate: they never touch
 * persistence (repositories, sessions, the SQL client) themselves;</li>
 * <li>use cases ({@code app}) know no HTTP;</li>
 * <li>a date is read off the clock only through the chassis' {@code BusinessTimeZone}: no {@code LocalDate.now} and
 * no {@code OffsetDateTime.toLocalDate} (an instant's own offset, UTC's on this platform);</li>
 * <li>the service's packages have no import cycles.</li>
 * </ul>
 */
public final class ServiceArchitecture {
    private static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";

    private ServiceArchitecture() {
    }

    /** The main (not test) classes of the module the tests run in. */
    public static JavaClasses mainClasses() {
        Path classes = Path.of("target", "classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no compiled classes at " + classes.toAbsolutePath());
        }
        return new ClassFileImporter().importPath(classes);
    }

    /** The classes of the directory or jar that holds {@code member} (another module's main classes, as built). */
    public static JavaClasses classesOf(Class<?> member) {
        return new ClassFileImporter().importUrl(member.getProtectionDomain().getCodeSource().getLocation());
    }

    /** Every rule of the skeleton for the service whose root package is {@code base}. */
    public static List<ArchRule> rules(String base) {
        return List.of(domainIsPlainJava(base), adaptersDelegate(base), useCasesKnowNoHttp(base), noCycles(base),
                datesComeFromTheBusinessTimeZone(base));
    }

    public static ArchRule domainIsPlainJava(String base) {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "jakarta.persistence..", "org.hibernate.annotations..", "com.fasterxml.jackson..",
                        "io.tradecredit.common.money..", "io.tradecredit.common.domain..", "io.tradecredit.common.ids..",
                        "io.tradecredit.common.signatures..",
                        // the published insured-limit schedule: a plain value that claims' rule builds and others read
                        "io.tradecredit.common.insurance..",
                        base + ".domain..")
                .because("domain is plain Java: rules unit-testable without Quarkus, HTTP or a database"
                        + " (docs/architecture.md, Service skeleton)");
    }

    public static ArchRule adaptersDelegate(String base) {
        return noClasses().that().resideInAnyPackage(base + ".api..", base + ".jobs..").or(consumersIn(base))
                .should().dependOnClassesThat().resideInAnyPackage(base + ".persistence..",
                        "io.quarkus.hibernate..", "org.hibernate.reactive..", "io.vertx.sqlclient..",
                        "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..", "io.vertx.mutiny.pgclient..")
                .because("a resource, consumer or job translates and delegates to a use case in app"
                        + " (docs/architecture.md, Service skeleton)");
    }

    public static ArchRule useCasesKnowNoHttp(String base) {
        return noClasses().that().resideInAPackage(base + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..",
                        base + ".api..")
                .because("use cases are called by resources, consumers and jobs alike");
    }

    public static ArchRule datesComeFromTheBusinessTimeZone(String base) {
        return noClasses().that().resideInAPackage(base + "..")
                .should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDate.class, "now", Clock.class)
                .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould().callMethod(OffsetDateTime.class, "toLocalDate")
                .because("today and an instant's date are the business time zone's (BusinessTimeZone.today, dateOf):"
                        + " read off the UTC clock they are a Chinese seller's yesterday until 08:00");
    }

    public static ArchRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    private static DescribedPredicate<JavaClass> consumersIn(String base) {
        return DescribedPredicate.describe("are Kafka consumers", c -> c.getPackageName().startsWith(base + ".")
                && c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(INCOMING)));
    }
}
