package io.tradecredit.collections.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The agency code is read from the topic a report arrived on, with or without the release's prefix. */
class AgencyTopicNameTest {
    @Test
    void theAgencyCodeFollowsTheReleasesPrefix() {
        assertEquals("huaxin", AgencyUpdateConsumer.agencyOf("", "agency.huaxin.updates"));
        assertEquals("huaxin", AgencyUpdateConsumer.agencyOf("prod.", "prod.agency.huaxin.updates"));
        assertEquals("swift-collect", AgencyUpdateConsumer.agencyOf("staging-", "staging-agency.swift-collect.updates"));
    }
}
