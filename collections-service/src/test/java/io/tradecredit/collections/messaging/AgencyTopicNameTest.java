package io.tradecredit.collections.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The agency code is read from the topic a report arrived on, with or without the release's prefix. */
class AgencyTopicNameTest {
    @Test
    void theAgencyCodeFollowsTheReleasesPrefix() {
        assertEquals("huaxin", AgencyUpdateConsumer.agencyOf("", "agency.huaxin.updates"));
        assertEquals("huaxin", AgencyUpdateConsumer.agencyOf("prod.", "prod.agency.huaxin.updates"));
        assertEquals("swift-collect", AgencyUpdateConsumer.agencyOf("staging-", "staging-agency.swift-collect.updates"));
    }

    /** An agency's ce_id is its own: scoped by the agency and the tenant for the inbox; the rest of the record unchanged. */
    @Test
    void anAgencysEventIdIsScopedByTheAgencyAndTheTenant() {
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("ce_id", "r-1".getBytes());
        headers.add("ce_tenantid", "acme".getBytes());
        headers.add("ce_type", "io.tradecredit.agency.case-update.v1".getBytes());
        org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r = new org.apache.kafka.clients.consumer.ConsumerRecord<>(
                "agency.huaxin.updates", 2, 7L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 3, 2, "key", "{}",
                headers, java.util.Optional.empty());
        org.apache.kafka.clients.consumer.ConsumerRecord<String, String> scoped = AgencyUpdateConsumer.scoped("huaxin", r);
        assertEquals("agency.huaxin/acme/r-1", new String(scoped.headers().lastHeader("ce_id").value()));
        assertEquals(1, java.util.stream.StreamSupport.stream(scoped.headers().headers("ce_id").spliterator(), false).count());
        assertEquals("acme", new String(scoped.headers().lastHeader("ce_tenantid").value()));
        assertEquals("io.tradecredit.agency.case-update.v1", new String(scoped.headers().lastHeader("ce_type").value()));
        assertEquals(List.of("agency.huaxin.updates", 2, 7L, "key", "{}"),
                List.of(scoped.topic(), scoped.partition(), scoped.offset(), scoped.key(), scoped.value()));
        assertEquals("r-1", new String(r.headers().lastHeader("ce_id").value()), "the record as received is left as it was");
        headers.remove("ce_tenantid");
        assertEquals(r, AgencyUpdateConsumer.scoped("huaxin", r), "without a tenant: refused as unreadable by the inbox");
    }
}
