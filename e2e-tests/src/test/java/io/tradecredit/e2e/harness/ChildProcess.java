package io.tradecredit.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the harness started (a service, PostgreSQL, GreenMail): its output in
 * {@code target/logs/<name>.log}, readiness polled over HTTP, and stopped with its descendants,
 * SIGTERM first, SIGKILL when it lingers, so no JVM outlives the module.
 */
final class ChildProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Path log;
    private final Process process;
    private final ProcessBuilder builder;

    private ChildProcess(String name, Path log, Process process, ProcessBuilder builder) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.builder = builder;
    }

    static ChildProcess start(String name, Path logDir, Path workDir, Map<String, String> env, List<String> command) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            return new ChildProcess(name, log, pb.start(), pb);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out
     * ({@code new ServerSocket(0)}) may be taken as the local port of a client connection (a Kafka
     * or database client of an earlier process) before the service that was to listen on it starts.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12000);
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** Waits until {@code url} answers 2xx; fails with the end of the log if the process dies or time runs out. */
    void awaitHttpOk(String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready at " + url + " within " + timeout + ":\n" + tail());
    }

    /** Waits until a line of the log contains {@code marker}. */
    void awaitLog(String marker, Duration timeout) {
        awaitLog(marker, 1, timeout);
    }

    /** Waits until {@code times} lines of the log (appended to by {@link #again}) contain {@code marker}. */
    void awaitLog(String marker, int times, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (occurrences(marker) >= times) {
                return;
            }
            sleep(300);
        }
        throw new IllegalStateException(name + " did not log '" + marker + "' within " + timeout + ":\n" + tail());
    }

    void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** How many lines of the log contain {@code marker}. */
    int occurrences(String marker) {
        try {
            return Files.exists(log) ? (int) Files.readAllLines(log).stream().filter(l -> l.contains(marker)).count() : 0;
        } catch (IOException | UncheckedIOException unreadable) {
            return 0; // read again
        }
    }

    /** kill -9 of the process and its descendants at once (a crash, not a stop: the fault suite). */
    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(d -> d.onExit().completeOnTimeout(d, 30, TimeUnit.SECONDS).join());
    }

    /** The same command again, same environment, ports and data, its output added to the same log (after {@link #kill}). */
    ChildProcess again() {
        try {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new ChildProcess(name, log, builder.start(), builder);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start again", e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        Api.sleep(millis);
    }
}
