package io.tradecredit.collections.app;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a case's log: what happened ({@code kind}, e.g. {@code state-changed},
 * {@code call}, {@code promise-made}, {@code collector-task}), who did it (a user's subject,
 * {@code dunning-run}, an agency) and when, with the details of that kind.
 */
public record Activity(UUID id, UUID caseId, OffsetDateTime at, String kind, String actor, Map<String, Object> detail) {
}
