package io.tradecredit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tradecredit.devstack.AgencyAccess;
import io.tradecredit.devstack.AgencyClient;

/**
 * The local broker's agencies' listener with the users and ACLs devstack's AgencyAccess grants: an
 * agency reads its own cases and writes its own updates, with consumer groups named after it, and
 * is refused everything else; a wrong password does not get in; the services' PLAINTEXT listener
 * still may do everything.
 */
class AgencyAccessTest {
    static final String A = "north-" + UUID.randomUUID().toString().substring(0, 6);
    static final String B = "south-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void twoAgenciesWithACaseEach() throws Exception {
        AgencyAccess.grant(KafkaTestResource.bootstrapServers(), A, "secret-of-" + A);
        AgencyAccess.grant(KafkaTestResource.bootstrapServers(), B, "secret-of-" + B);
        // the services' listener (collections-service places cases) writes every agency's topic
        Properties services = new Properties();
        services.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(services, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("agency." + A + ".cases", "case-a", "{\"for\":\"A\"}")).get();
            producer.send(new ProducerRecord<>("agency." + B + ".cases", "case-b", "{\"for\":\"B\"}")).get();
        }
    }

    @Test
    void theUserHasExactlyTheRightsOfTheChartsTopology() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        Set<String> acls = new TreeSet<>();
        try (Admin admin = Admin.create(p)) {
            admin.describeAcls(AclBindingFilter.ANY).values().get().stream()
                    .filter(b -> b.entry().principal().equals("User:agency-" + A))
                    .forEach(b -> acls.add(b.pattern().resourceType() + ":" + b.pattern().name() + ":"
                            + b.pattern().patternType() + ":" + b.entry().operation() + ":" + b.entry().permissionType()));
        }
        // helm/tradecredit/files/topology.yaml: agencyTopics cases [Describe, Read], updates [Describe, Write]; agencyGroups [Read]
        assertEquals(new TreeSet<>(Set.of(
                "TOPIC:agency." + A + ".cases:LITERAL:DESCRIBE:ALLOW", "TOPIC:agency." + A + ".cases:LITERAL:READ:ALLOW",
                "TOPIC:agency." + A + ".updates:LITERAL:DESCRIBE:ALLOW", "TOPIC:agency." + A + ".updates:LITERAL:WRITE:ALLOW",
                "GROUP:agency." + A + ":PREFIXED:READ:ALLOW")), acls);
    }

    @Test
    void anAgencyReadsItsOwnCasesAndReportsOnItsOwnUpdates() throws Exception {
        List<String> lines = AgencyClient.read(agencyA("secret-of-" + A), A, Duration.ofSeconds(6));
        assertEquals(1, lines.size(), lines.toString());
        assertEquals("null tenant=null case=case-a {\"for\":\"A\"}", lines.get(0));

        AgencyClient.report(agencyA("secret-of-" + A), A, "acme", UUID.randomUUID(), "CONTACT_MADE", "spoke to the CFO");
        List<ConsumerRecord<String, String>> updates = Topics.read(KafkaTestResource.bootstrapServers(),
                "agency." + A + ".updates", Duration.ofSeconds(30), seen -> !seen.isEmpty());
        assertEquals(1, updates.size());
        assertEquals("acme", Topics.header(updates.get(0), "ce_tenantid"));
    }

    @Test
    void anotherAgencysCasesAreRefused() {
        try (KafkaConsumer<String, String> consumer = consumer(agencyA("secret-of-" + A), "agency." + A + ".snoop")) {
            consumer.subscribe(List.of("agency." + B + ".cases"));
            TopicAuthorizationException e = assertThrows(TopicAuthorizationException.class,
                    () -> consumer.poll(Duration.ofSeconds(10)));
            assertEquals(Set.of("agency." + B + ".cases"), e.unauthorizedTopics());
        }
    }

    @Test
    void anAgencyWritesNeitherItsCasesNorAnotherAgencysUpdates() {
        for (String topic : List.of("agency." + A + ".cases", "agency." + B + ".updates")) {
            try (KafkaProducer<String, String> producer = producer(agencyA("secret-of-" + A))) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> producer.send(new ProducerRecord<>(topic, "k", "v")).get());
                assertInstanceOf(TopicAuthorizationException.class, e.getCause(), topic);
            }
        }
    }

    @Test
    void aConsumerGroupNotNamedAfterTheAgencyIsRefused() {
        try (KafkaConsumer<String, String> consumer = consumer(agencyA("secret-of-" + A), "collections-service")) {
            consumer.subscribe(List.of("agency." + A + ".cases"));
            assertThrows(GroupAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aWrongPasswordDoesNotGetIn() {
        try (KafkaConsumer<String, String> consumer = consumer(agencyA("secret-of-" + B), "agency." + A + ".x")) {
            consumer.assign(List.of(new TopicPartition("agency." + A + ".cases", 0)));
            assertThrows(SaslAuthenticationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        }
    }

    private static Properties agencyA(String password) {
        return AgencyClient.saslSettings(KafkaTestResource.agencyBootstrapServers(), AgencyAccess.user(A), password);
    }

    private static KafkaConsumer<String, String> consumer(Properties connection, String group) {
        Properties p = new Properties();
        p.putAll(connection);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(Properties connection) {
        Properties p = new Properties();
        p.putAll(connection);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
