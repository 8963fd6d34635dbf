package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseTerms;
import io.tradecredit.collections.persistence.CaseTermsRepository;
import io.tradecredit.common.persistence.CurrentTransaction;

/** A tenant's terms for working cases (promise grace, call follow-up, abandonment costs); the defaults until it sets its own. */
@ApplicationScoped
public class TenantCaseTerms {
    @Inject
    CaseTermsRepository terms;

    @Inject
    Clock clock;

    public Uni<CaseTerms> current(String tenantId) {
        return CurrentTransaction.run(() -> terms.find(tenantId)).map(t -> t.orElse(CaseTerms.DEFAULT));
    }

    public Uni<CaseTerms> save(String tenantId, CaseTerms t, String by) {
        return CurrentTransaction.run(() -> terms.save(tenantId, t, OffsetDateTime.now(clock), by)).replaceWith(t);
    }
}
