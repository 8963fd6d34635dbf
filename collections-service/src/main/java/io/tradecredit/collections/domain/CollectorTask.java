package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A collector's task a taken ladder step gave a buyer (its item, step key and action key), due on
 * the run date; on the buyer's worklist entry until done.
 *
 * @param doneOn null while open
 */
public record CollectorTask(UUID id, UUID buyerId, String itemReference, String stepKey, String actionKey,
        LocalDate dueOn, OffsetDateTime createdAt, LocalDate doneOn, String doneBy) {
}
