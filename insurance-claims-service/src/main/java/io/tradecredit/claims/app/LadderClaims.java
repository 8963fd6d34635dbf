package io.tradecredit.claims.app;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.LadderClaim;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.claims.persistence.ClaimRepository;
import io.tradecredit.claims.persistence.OpenInvoiceRepository;

/**
 * The dunning ladder's claim trigger (collections' step-taken with a CLAIM_TRIGGER action): under each of the
 * tenant's policies in force on the run date, the draft claim domain.LadderClaim says, if any, once per policy,
 * buyer and run date.
 */
@ApplicationScoped
public class LadderClaims {
    private static final Logger LOG = Logger.getLogger(LadderClaims.class);

    @Inject
    Policies policies;

    @Inject
    Exposures exposures;

    @Inject
    ClaimRepository claimRows;

    @Inject
    OpenInvoiceRepository invoices;

    @Inject
    Claims claims;

    /** The ladder took its claim trigger for the buyer on {@code runDate}; in the caller's transaction; how many claims opened. */
    public Uni<Integer> triggered(String tenantId, UUID buyerId, LocalDate runDate) {
        return policies.list(tenantId, runDate).chain(all -> invoices.buyerName(tenantId, buyerId).chain(name -> Multi
                .createFrom().iterable(all.stream().filter(p -> !p.effectiveFrom().isAfter(runDate)).toList()).onItem()
                .transformToUniAndConcatenate(p -> underPolicy(tenantId, p, buyerId, name.orElse(buyerId.toString()), runDate))
                .collect().asList().map(opened -> (int) opened.stream().filter(Boolean::booleanValue).count())));
    }

    private Uni<Boolean> underPolicy(String tenantId, PolicyVersion p, UUID buyerId, String buyerName, LocalDate runDate) {
        return exposures.of(tenantId, p.policyId(), buyerId, runDate)
                .chain(x -> claimRows.held(tenantId, p.policyId(), buyerId).map(held -> LadderClaim.on(runDate, x, held)))
                .chain(found -> {
                    if (found.isEmpty()) {
                        LOG.infof("claim trigger of the dunning ladder for buyer %s of tenant %s on %s: nothing insured"
                                + " and overdue outside an open claim under policy %s, no claim", buyerId, tenantId,
                                runDate, p.policyId());
                        return Uni.createFrom().item(false);
                    }
                    return claims.openOnLadder(tenantId, p, buyerId, buyerName, found.get(), runDate);
                });
    }
}
