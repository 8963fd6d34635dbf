package io.tradecredit.collections.app;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CollectionCase;

/**
 * Work that belongs to the transaction closing a case, done by the slice that owns it (an agency
 * holding the case: its placement ends and the agency is told). {@link CollectionCases} calls every
 * bean of this type before it writes the closed case.
 */
public interface CaseClosing {
    /** Called once per case closing, in the current transaction, with the case as it will be written. */
    Uni<Void> closing(String tenantId, CollectionCase closed, String actor);
}
