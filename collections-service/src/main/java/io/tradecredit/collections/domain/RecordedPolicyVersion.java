package io.tradecredit.collections.domain;

import java.time.OffsetDateTime;

/** A version of the tenant's ladder assignments with who recorded it and when (version 0: the platform's, by nobody). */
public record RecordedPolicyVersion(PolicyVersion policy, OffsetDateTime recordedAt, String recordedBy) {
}
