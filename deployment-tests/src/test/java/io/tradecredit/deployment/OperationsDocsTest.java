package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** What the runbook and deployment.md promise an operator stays true to the chart and the code. */
class OperationsDocsTest {

    @Test
    void theRotationProcedureCoversEverySecretKeyThePodsRead() {
        String runbook = Repository.read(Repository.ROOT.resolve("docs/runbook.md"));
        String rotation = runbook.substring(runbook.indexOf("## Rotating secrets"),
                runbook.indexOf("## A leaked token or a withdrawn signing key"));
        Set<String> keys = new TreeSet<>();
        for (Rendering rendering : List.of(Rendering.PRODUCTION, Rendering.MUTUAL_TLS, Rendering.DEMO)) {
            for (Deployment deployment : RenderedManifestsTest.deployments(rendering.manifests()).values()) {
                for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        keys.add(env.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (!rotation.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "secret keys the pods read that docs/runbook.md \"Rotating secrets\" does not cover");
    }

    @Test
    void sharingAKafkaClusterBetweenReleasesIsDocumentedWithThePrefixTheChassisReads() {
        String chassis = Repository.read(Repository.CHASSIS_CONFIG);
        assertTrue(chassis.contains("tradecredit.kafka.topic-prefix=${TC_TOPIC_PREFIX:}"), "the chassis reads TC_TOPIC_PREFIX");
        String deployment = Repository.read(Repository.ROOT.resolve("docs/deployment.md"));
        assertTrue(deployment.contains("### Two releases and one Kafka cluster\n"), "docs/deployment.md's section");
        for (String named : List.of("`kafka.topicPrefix`", "`TC_TOPIC_PREFIX`", "`${tradecredit.kafka.topic-prefix:}<topic>`")) {
            assertTrue(deployment.contains(named), "docs/deployment.md names " + named);
        }
    }

    /**
     * docs/deployment.md's "Who may do what" table is what the KafkaUsers grant: per service, the topics
     * helm/tradecredit/files/topology.yaml has it read and write (plus its dead-letter topics).
     */
    @Test
    void theKafkaAccessTableOfDeploymentMdIsTheTopologys() {
        JsonNode topology = Repository.topology();
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> documented = new TreeMap<>();
        String deployment = Repository.read(Repository.ROOT.resolve("docs/deployment.md"));
        topology.path("services").fieldNames().forEachRemaining(service -> {
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            topology.path("topics").fields().forEachRemaining(topic -> {
                topic.getValue().path("consumers").forEach(c -> {
                    if (c.asText().equals(service)) {
                        reads.add(topic.getKey());
                    }
                });
                topic.getValue().path("producers").forEach(p -> {
                    if (p.asText().equals(service)) {
                        writes.add(topic.getKey());
                    }
                });
            });
            topology.path("agencyTopics").fields().forEachRemaining(kind -> {
                kind.getValue().path("consumers").forEach(c -> {
                    if (c.asText().equals(service)) {
                        reads.add("agency.*." + kind.getKey());
                    }
                });
                kind.getValue().path("producers").forEach(p -> {
                    if (p.asText().equals(service)) {
                        writes.add("agency.*." + kind.getKey());
                    }
                });
            });
            expected.put(service, reads + " " + writes);
            for (String line : deployment.split("\n")) {
                if (line.startsWith("| " + service + " |")) {
                    String[] cells = line.split("\\|");
                    documented.put(service, topics(cells[2]) + " " + topics(cells[3]));
                }
            }
        });
        assertEquals(expected, documented, "docs/deployment.md, \"Who may do what\": reads and writes per service");
    }

    /**
     * The topic tables of README.md ("Services and topics") and docs/architecture.md ("Who reads which
     * topic"): per topic, the services named as writing and reading it are the topology's producers and
     * consumers (outside providers and agencies aside).
     */
    @Test
    void theTopicTablesOfTheReadmeAndArchitectureAreTheTopologys() {
        JsonNode topology = Repository.topology();
        Set<String> services = new TreeSet<>();
        topology.path("services").fieldNames().forEachRemaining(services::add);
        Map<String, String> expected = new TreeMap<>();
        topology.path("topics").fields().forEachRemaining(t -> expected.put(t.getKey(),
                names(t.getValue().path("producers")) + " -> " + names(t.getValue().path("consumers"))));
        topology.path("agencyTopics").fields().forEachRemaining(t -> expected.put("agency.<code>." + t.getKey(),
                names(t.getValue().path("producers")) + " -> " + names(t.getValue().path("consumers"))));
        for (String[] doc : List.of(new String[] {"README.md", "## Services and topics\n"},
                new String[] {"docs/architecture.md", "## Who reads which topic\n"})) {
            String text = Repository.read(Repository.ROOT.resolve(doc[0]));
            assertTrue(text.contains(doc[1]), doc[0] + " has " + doc[1]);
            String section = text.substring(text.indexOf(doc[1]) + doc[1].length());
            section = section.substring(0, section.indexOf("\n## ") < 0 ? section.length() : section.indexOf("\n## "));
            Map<String, String> documented = new TreeMap<>();
            for (String line : section.split("\n")) {
                String[] cells = line.split("\\|");
                if (line.startsWith("| `") && cells.length >= 4) {
                    documented.put(cells[1].trim().replace("`", ""),
                            servicesIn(cells[2], services) + " -> " + servicesIn(cells[3], services));
                }
            }
            assertEquals(expected, documented, doc[0] + ": who writes and reads each topic");
        }
    }

    /**
     * Every environment variable a service reads (a {@code ${VAR...}} of the chassis' or its
     * application.properties, outside the dev and test profiles) is in docs/deployment.md's
     * "Configuration the services get": set by the chart from a value, or said to be left to the default.
     */
    @Test
    void everyEnvironmentVariableTheServicesReadIsInTheConfigurationTable() {
        String deployment = Repository.read(Repository.ROOT.resolve("docs/deployment.md"));
        String heading = "### Configuration the services get\n";
        assertTrue(deployment.contains(heading), "docs/deployment.md has " + heading);
        String section = deployment.substring(deployment.indexOf(heading) + heading.length());
        section = section.substring(0, section.indexOf("\n#"));
        List<Path> files = new ArrayList<>(List.of(Repository.CHASSIS_CONFIG));
        Repository.services().values().forEach(m -> files.add(m.resolve("src/main/resources/application.properties")));
        Set<String> missing = new TreeSet<>();
        Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)");
        for (Path file : files) {
            for (String line : Repository.read(file).split("\n")) {
                if (line.startsWith("%") || line.startsWith("#")) {
                    continue;
                }
                Matcher m = variable.matcher(line);
                while (m.find()) {
                    if (!section.contains("`" + m.group(1) + "`")) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "variables the services read that docs/deployment.md's table leaves out");
    }

    /** What ./platform up refuses to start without (its "... is required") is in the README's "Set up". */
    @Test
    void theReadmesSetUpNamesEveryToolPlatformUpRequires() {
        String platform = Repository.read(Repository.ROOT.resolve("platform"));
        String readme = Repository.read(Repository.ROOT.resolve("README.md"));
        String setUp = readme.substring(readme.indexOf("## Set up"), readme.indexOf("## Services and topics"));
        Matcher required = Pattern.compile("(?m)^\\s+command -v (\\w+) .*\\|\\| die \"([^\"]+) is required\"$").matcher(platform);
        List<String> unnamed = new ArrayList<>();
        int found = 0;
        while (required.find()) {
            found++;
            for (String tool : required.group(2).replaceAll("\\(.*\\)", "").split(" or ")) {
                String name = tool.trim();
                if (!(name.equals("java") ? setUp.contains("JDK 17") : setUp.contains("`" + name + "`"))) {
                    unnamed.add(name);
                }
            }
        }
        assertTrue(found >= 2, "./platform's required tools found");
        assertEquals(List.of(), unnamed, "tools ./platform up requires that README.md's Set up does not name");
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static Set<String> servicesIn(String cell, Set<String> services) {
        Set<String> named = new TreeSet<>();
        Arrays.stream(cell.split(",")).map(String::trim).filter(services::contains).forEach(named::add);
        return named;
    }

    private static Set<String> topics(String cell) {
        Set<String> topics = new TreeSet<>();
        Arrays.stream(cell.split(",")).map(String::trim).filter(t -> !t.startsWith("its dead-letter topic"))
                .forEach(topics::add);
        return topics;
    }
}
