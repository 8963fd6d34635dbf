package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * contracts/asyncapi.yaml tells an integrator who reads each topic and where what it cannot process
 * goes: every consumer of the code (its Kafka channels in application.properties) is named on the
 * channel of its topic, with its dead-letter topic.
 */
class AsyncApiWiringTest {
    private static final String PREFIX = "${tradecredit.kafka.topic-prefix:}";

    @Test
    void everyConsumerOfATopicAndItsDeadLetterTopicAreNamedOnTheTopicsChannel() {
        Map<String, String> channelTexts = channelTexts();
        List<String> problems = new ArrayList<>();
        for (String service : Repository.services().keySet()) {
            Properties properties = Repository.applicationProperties(service);
            for (String key : properties.stringPropertyNames()) {
                if (!key.startsWith("mp.messaging.incoming.") || !key.endsWith(".connector")
                        || !"smallrye-kafka".equals(properties.getProperty(key))) {
                    continue;
                }
                String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".connector".length());
                String setting = "mp.messaging.incoming." + channel + ".";
                String topic = properties.getProperty(setting + "topic", channel).replace(PREFIX, "");
                String address;
                String deadLetter;
                if ("true".equals(properties.getProperty(setting + "pattern"))) {
                    // one subscription for every agency's updates; each refused report goes to its own topic's DLQ
                    address = "agency.{agencyCode}.updates";
                    deadLetter = address + ".dlq." + service;
                } else {
                    address = topic;
                    deadLetter = properties.getProperty(setting + "dead-letter-queue.topic", topic + ".dlq." + service)
                            .replace(PREFIX, "");
                }
                String text = channelTexts.get(address);
                if (text == null) {
                    problems.add(service + " reads " + address + ": no such channel in contracts/asyncapi.yaml");
                    continue;
                }
                if (!text.contains(service)) {
                    problems.add(address + ": consumer " + service + " not named");
                }
                if (!text.contains(deadLetter)) {
                    problems.add(address + ": dead-letter topic " + deadLetter + " not named");
                }
            }
        }
        assertEquals(List.of(), problems, "contracts/asyncapi.yaml against the services' channels");
    }

    /**
     * The topology's producers, which the KafkaUsers' ACLs grant Write, are the services whose code
     * writes the topic: an event built for it ({@code new OutgoingEvent(TopicNames.X}) or, for
     * notification-requests, a message request built with the chassis' {@code MessageRequests.event}.
     */
    @Test
    void theTopologysProducersOfATopicAreTheServicesWhoseCodeWritesIt() {
        Map<String, String> topics = new TreeMap<>();
        Matcher constant = Pattern.compile("public static final String (\\w+) = \"([a-z-]+)\";").matcher(Repository.read(
                Repository.ROOT.resolve("platform-commons/src/main/java/io/tradecredit/common/events/TopicNames.java")));
        while (constant.find()) {
            topics.put(constant.group(1), constant.group(2));
        }
        Map<String, Set<String>> writers = new TreeMap<>();
        Repository.services().forEach((service, module) -> {
            for (String source : Repository.javaSources(module)) {
                Matcher written = Pattern.compile("new OutgoingEvent\\(\\s*TopicNames\\.(\\w+)").matcher(source);
                while (written.find()) {
                    String topic = written.group(1).equals("agencyCases") ? "agency.{agencyCode}.cases"
                            : topics.get(written.group(1));
                    writers.computeIfAbsent(topic, t -> new TreeSet<>()).add(service);
                }
                if (source.contains("MessageRequests.event(")) {
                    writers.computeIfAbsent("notification-requests", t -> new TreeSet<>()).add(service);
                }
            }
        });
        JsonNode topology = Repository.topology();
        Map<String, Set<String>> producers = new TreeMap<>();
        topology.path("topics").fields().forEachRemaining(topic -> topic.getValue().path("producers")
                .forEach(p -> producers.computeIfAbsent(topic.getKey(), t -> new TreeSet<>()).add(p.asText())));
        topology.path("agencyTopics").fields().forEachRemaining(kind -> kind.getValue().path("producers").forEach(
                p -> producers.computeIfAbsent("agency.{agencyCode}." + kind.getKey(), t -> new TreeSet<>()).add(p.asText())));
        assertEquals(writers, producers, "producers of helm/tradecredit/files/topology.yaml against the services' code");
    }

    /**
     * An agency's KafkaUser may use only consumer groups whose names start with agency.<code> (a prefix
     * ACL of the chart): the channel the agency reads says so, or its first consumer is refused.
     */
    @Test
    void theAgencyCasesChannelNamesTheConsumerGroupsTheAgencyMayUse() {
        String users = Repository.read(Repository.CHART.directory().resolve("templates/kafka-users.yaml"));
        assertTrue(users.contains("(printf \"agency.%s\" $agency.code)) }}\n          patternType: prefix"),
                "the chart grants an agency the groups starting with agency.<code>");
        String cases = channelTexts().get("agency.{agencyCode}.cases");
        assertTrue(cases.contains("consumer groups whose names start with `agency.{agencyCode}`"), cases);
    }

    /** docs/agencies.md, the agency's integration guide, names every field of what it reads and writes. */
    @Test
    void theAgencyGuideNamesEveryFieldOfTheAgencysEvents() {
        String guide = Repository.read(Repository.ROOT.resolve("docs/agencies.md"));
        List<String> unnamed = new ArrayList<>();
        for (String type : List.of("collections.agency-case-placed", "collections.agency-case-recalled",
                "collections.agency-case-instructed", "agency.case-update")) {
            JsonNode schema = Repository.yaml(Repository.ROOT.resolve("contracts/schemas/io.tradecredit." + type + ".v1.json"));
            schema.path("properties").fieldNames().forEachRemaining(field -> {
                if (!guide.contains("`" + field + "`")) {
                    unnamed.add(type + " " + field);
                }
            });
        }
        assertEquals(List.of(), unnamed, "fields of the agency's events docs/agencies.md does not name");
    }

    /** Per channel address, its description and its messages' summaries and descriptions. */
    static Map<String, String> channelTexts() {
        JsonNode doc = Repository.yaml(Repository.ROOT.resolve("contracts/asyncapi.yaml"));
        Map<String, String> texts = new TreeMap<>();
        doc.path("channels").forEach(channel -> {
            StringBuilder text = new StringBuilder(channel.path("description").asText());
            channel.path("messages").forEach(m -> text.append('\n').append(m.path("summary").asText())
                    .append('\n').append(m.path("description").asText()));
            texts.put(channel.path("address").asText(), text.toString());
        });
        return texts;
    }
}
