package io.tradecredit.collections.domain;

import java.time.OffsetDateTime;

/** An agency contract as the tenant saved it: the agency's display name, who changed it last and when. */
public record RecordedAgencyContract(AgencyContract contract, String name, OffsetDateTime updatedAt, String updatedBy) {
}
