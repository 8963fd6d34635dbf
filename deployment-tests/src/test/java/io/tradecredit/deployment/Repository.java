package io.tradecredit.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** What the repository says about the services, read from their sources. */
final class Repository {
    static final Path ROOT = Chart.repositoryRoot();
    static final Chart CHART = new Chart(ROOT);
    static final Path CHASSIS_CONFIG = ROOT.resolve(
            "platform-commons/src/main/resources/META-INF/microprofile-config.properties");
    static final Path DEVSTACK_REALM = ROOT.resolve("devstack/src/main/resources/keycloak/tradecredit-realm.json");

    private Repository() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return Manifests.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The service modules: every directory with src/main/resources/application.properties naming a Quarkus application. */
    static Map<String, Path> services() {
        Map<String, Path> services = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path props = dir.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(props)) {
                    String name = properties(props).getProperty("quarkus.application.name");
                    if (name != null) {
                        services.put(name, dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    static Properties applicationProperties(String service) {
        return properties(services().get(service).resolve("src/main/resources/application.properties"));
    }

    /** The root pom's project version. */
    static String projectVersion() {
        Matcher m = Pattern.compile("<artifactId>tradecredit-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(ROOT.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no project version in pom.xml");
        }
        return m.group(1);
    }

    /** A property of the root pom, e.g. keycloak.version. */
    static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(read(ROOT.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no <" + name + "> in pom.xml");
        }
        return m.group(1);
    }

    /** helm/tradecredit/files/topology.yaml */
    static JsonNode topology() {
        return yaml(CHART.directory().resolve("files/topology.yaml"));
    }

    /**
     * The channel addresses of contracts/asyncapi.yaml: the fixed topics and the parameterised
     * agency topics. Read line by line (every "address:" of the document), so this test does not
     * depend on the rest of the contract document.
     */
    static Set<String> asyncApiAddresses() {
        Set<String> addresses = new TreeSet<>();
        Matcher address = Pattern.compile("(?m)^\\s+address:\\s*['\"]?([^'\"\\s#]+)")
                .matcher(read(ROOT.resolve("contracts/asyncapi.yaml")));
        while (address.find()) {
            addresses.add(address.group(1));
        }
        return addresses;
    }

    /**
     * Every topic the chart must create: each topic of the topology, a dead-letter topic per
     * consumer, and both topics (plus dead letters) per agency.
     */
    static Set<String> expectedTopics(List<String> agencies) {
        JsonNode topology = topology();
        Set<String> topics = new TreeSet<>();
        topology.path("topics").fields().forEachRemaining(topic -> {
            topics.add(topic.getKey());
            topic.getValue().path("consumers").forEach(c -> topics.add(topic.getKey() + ".dlq." + c.asText()));
        });
        for (String agency : agencies) {
            topology.path("agencyTopics").fields().forEachRemaining(kind -> {
                String topic = "agency." + agency + "." + kind.getKey();
                topics.add(topic);
                kind.getValue().path("consumers").forEach(c -> topics.add(topic + ".dlq." + c.asText()));
            });
        }
        return topics;
    }

    /** Java sources of a module's src/main/java. */
    static List<String> javaSources(Path module) {
        Path src = module.resolve("src/main/java");
        List<String> sources = new ArrayList<>();
        if (!Files.isDirectory(src)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** Properties of a file as an ordered map (profile prefixes kept). */
    static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
