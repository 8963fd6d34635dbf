package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

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
