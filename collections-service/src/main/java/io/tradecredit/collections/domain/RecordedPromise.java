package io.tradecredit.collections.domain;

import java.util.UUID;

/**
 * A promise to pay as recorded on a case: the promise, the hold it placed, its verdict so far
 * (pending until judged) and who took it.
 */
public record RecordedPromise(String tenantId, PromiseToPay promise, UUID caseId, UUID holdId,
        PromiseToPay.Outcome outcome, String madeBy) {
}
