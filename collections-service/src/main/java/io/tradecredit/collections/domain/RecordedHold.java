package io.tradecredit.collections.domain;

import java.time.OffsetDateTime;

/** A hold with its note and who placed (and released) it, as the hold list shows it. */
public record RecordedHold(Hold hold, String note, OffsetDateTime placedAt, String placedBy, String releasedBy) {
}
