package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./platform up} builds before it starts anything when a module is missing its build or has
 * changed since it (after a pull, it started the old jars): the script's {@code build_if_needed} on a
 * copy of the repository's layout, with a {@code mvnw} that only records that it was asked to build.
 */
class PlatformRebuildTest {
    static final List<String> SERVICES = List.of("invoice-service", "credit-service", "collections-service",
            "insurance-claims-service", "notification-service");
    static final Instant BUILT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path root;

    @BeforeEach
    void aBuiltCheckout() throws IOException {
        Files.copy(Repository.ROOT.resolve("platform"), root.resolve("platform"));
        StringBuilder modules = new StringBuilder();
        for (String m : List.of("devstack", "platform-commons", "invoice-service", "credit-service",
                "collections-service", "insurance-claims-service", "notification-service")) {
            modules.append("<module>").append(m).append("</module>\n");
            source(m + "/pom.xml");
            source(m + "/src/main/java/Some.java");
        }
        source("pom.xml");
        Files.writeString(root.resolve("pom.xml"), "<project><modules>\n" + modules + "</modules></project>\n");
        setTime(root.resolve("pom.xml"), BUILT.minusSeconds(3600));
        built("devstack/target/classes/io/tradecredit/devstack/PostgresNode.class");
        built("devstack/target/classes/io/tradecredit/devstack/runtime.classpath");
        for (String service : SERVICES) {
            built(service + "/target/quarkus-app/quarkus-run.jar");
        }
        Path mvnw = root.resolve("mvnw");
        Files.writeString(mvnw, "#!/usr/bin/env bash\necho \"$@\" >> \"$(dirname \"$0\")/built\"\n");
        mvnw.toFile().setExecutable(true);
        Files.createDirectories(root.resolve(".platform/logs"));
    }

    @Test
    void nothingIsBuiltWhenEveryBuildIsNewerThanItsSources() throws Exception {
        String printed = buildIfNeeded();
        assertEquals("", printed);
        assertTrue(Files.notExists(root.resolve("built")), "mvnw was not called");
    }

    @Test
    void aServiceChangedSinceItsBuildIsRebuilt() throws Exception {
        changed("collections-service/src/main/java/Some.java");
        String printed = buildIfNeeded();
        assertTrue(printed.contains("changed since their build: collections-service"), printed);
        assertEquals("-B -q -DskipTests package", Files.readString(root.resolve("built")).strip());
    }

    @Test
    void aChangeInTheChassisRebuildsEveryService() throws Exception {
        changed("platform-commons/src/main/java/Some.java");
        String printed = buildIfNeeded();
        assertTrue(printed.contains("changed since their build: " + String.join(" ", SERVICES)), printed);
    }

    @Test
    void aMissingJarAndChangedDevstackAreBuilt() throws Exception {
        Files.delete(root.resolve("credit-service/target/quarkus-app/quarkus-run.jar"));
        changed("devstack/pom.xml");
        String printed = buildIfNeeded();
        assertTrue(printed.contains("missing: credit-service, changed since their build: devstack"), printed);
    }

    private String buildIfNeeded() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "source ./platform && build_if_needed false")
                .directory(root.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }

    private void source(String path) throws IOException {
        write(path, BUILT.minusSeconds(3600));
    }

    private void built(String path) throws IOException {
        write(path, BUILT);
    }

    private void changed(String path) throws IOException {
        setTime(root.resolve(path), BUILT.plusSeconds(60));
    }

    private void write(String path, Instant at) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        if (Files.notExists(file)) {
            Files.writeString(file, "x");
        }
        setTime(file, at);
    }

    private static void setTime(Path file, Instant at) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(at));
    }
}
