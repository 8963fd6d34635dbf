package io.tradecredit.common.events;

import java.util.List;

/** The platform's Kafka topics (docs/architecture.md, "Events"); {@code contracts/asyncapi.yaml} documents each. */
public final class TopicNames {
    public static final String INVOICE_EVENTS = "invoice-events";
    public static final String CREDIT_EVENTS = "credit-events";
    public static final String COLLECTION_CASES = "collection-cases";
    public static final String CLAIM_EVENTS = "claim-events";
    public static final String NOTIFICATION_REQUESTS = "notification-requests";
    public static final String NOTIFICATION_STATUS = "notification-status";
    /** Inbound early-warning signals from outside data providers (ADR 0004). */
    public static final String WARNING_SIGNALS = "warning-signals";

    /** Every fixed topic; agency topics are per agency code. */
    public static final List<String> ALL = List.of(INVOICE_EVENTS, CREDIT_EVENTS, COLLECTION_CASES, CLAIM_EVENTS,
            NOTIFICATION_REQUESTS, NOTIFICATION_STATUS, WARNING_SIGNALS);

    /**
     * The release's prefix of every topic and consumer group (env TC_TOPIC_PREFIX, empty by default):
     * two releases with different prefixes share no topic or group on one Kafka cluster. The names
     * here are without it; the outbox relay and each channel's configuration add it.
     */
    public static final String PREFIX_PROPERTY = "tradecredit.kafka.topic-prefix";

    private TopicNames() {
    }

    /** The topic's name on the Kafka cluster of a release with this prefix. */
    public static String prefixed(String prefix, String topic) {
        return prefix + topic;
    }

    /** What one partner agency may read: the cases handed to it. */
    public static String agencyCases(String agencyCode) {
        return "agency." + agencyCode + ".cases";
    }

    /** What one partner agency reports back: contacts, promises, payments, results. */
    public static String agencyUpdates(String agencyCode) {
        return "agency." + agencyCode + ".updates";
    }

    /** The dead-letter topic of one consumer service of {@code topic}. */
    public static String deadLetter(String topic, String consumerService) {
        return topic + ".dlq." + consumerService;
    }
}
