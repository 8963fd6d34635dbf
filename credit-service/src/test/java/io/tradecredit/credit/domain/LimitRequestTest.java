package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

class LimitRequestTest {
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anApprovalSetsTheLimitAskedFor() {
        Buyer b = BuyerTest.registered(null, "CNY", 30);
        LimitRequest r = LimitRequest.pending(b, Money.of("80000.00", "CNY"), "growing orders", "fin-1", AT);
        assertEquals(Money.of("80000.00", "CNY"), r.approvedFor(b));
    }

    @Test
    void aRequestInACurrencyTheBuyerNoLongerTradesInCannotBeApproved() {
        Buyer b = BuyerTest.registered(null, "CNY", 30);
        LimitRequest r = LimitRequest.pending(b, Money.of("80000.00", "CNY"), "growing orders", "fin-1", AT);
        Buyer nowInDollars = BuyerTest.registered(null, "USD", 30);
        var e = assertThrows(DomainError.class, () -> r.approvedFor(nowInDollars));
        assertEquals("limit-request.currency-changed", e.code());
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals("Limit request " + r.id + " asks for a limit in CNY but the buyer now trades in USD; reject it"
                + " and ask again.", e.getMessage());
    }

    /**
     * A proposal of the service's is out of date once a re-grade leaves the buyer worse than the grade it was proposed
     * at: limit 1,000 at grade 4, 1,080,000 proposed at grade 2, a dispute takes the buyer to 3 (it stayed PENDING).
     */
    @Test
    void aProposalIsWithdrawnWhenTheGradeFallsBelowTheOneItWasProposedAt() {
        Buyer b = BuyerTest.registered(null, "CNY", 30);
        LimitRequest proposal = LimitRequest.proposal(b, Money.of("1080000.00", "CNY"), 2,
                "grade rose from 4 to 2: the formula allows more", "credit-service", AT);
        assertEquals(true, proposal.outdatedAfter("credit-service", 2, 3));
        assertEquals(true, proposal.outdatedAfter("credit-service", 1, 3));
        // back to the grade it was proposed at, or better: it stands
        assertEquals(false, proposal.outdatedAfter("credit-service", 1, 2));
        assertEquals(false, proposal.outdatedAfter("credit-service", 3, 1));
        proposal.withdraw("credit-service", "grade fell to 3 (proposed at grade 2) after dispute", AT);
        assertEquals(LimitRequest.WITHDRAWN, proposal.status);
        assertEquals("credit-service", proposal.decidedBy);
        assertEquals(AT, proposal.decidedAt);
        assertEquals("grade fell to 3 (proposed at grade 2) after dispute", proposal.decisionNote);
        // decided once: a withdrawn proposal is out of date no more
        assertEquals(false, proposal.outdatedAfter("credit-service", 3, 5));
    }

    /** A proposal made before its grade was kept (V14) counts from the grade before the re-grade. */
    @Test
    void anOlderProposalIsWithdrawnOnAnyFall() {
        Buyer b = BuyerTest.registered(null, "CNY", 30);
        LimitRequest older = LimitRequest.pending(b, Money.of("1080000.00", "CNY"), "grade rose from 4 to 2",
                "credit-service", AT);
        assertEquals(true, older.outdatedAfter("credit-service", 2, 3));
        assertEquals(false, older.outdatedAfter("credit-service", 3, 3));
        assertEquals(false, older.outdatedAfter("credit-service", null, 3));
    }

    /** A user's request is a person's ask: a credit manager decides it whatever the grade does. */
    @Test
    void aUsersRequestIsNotWithdrawnByAFall() {
        Buyer b = BuyerTest.registered(null, "CNY", 30);
        LimitRequest asked = LimitRequest.pending(b, Money.of("80000.00", "CNY"), "growing orders", "fin-1", AT);
        assertEquals(false, asked.outdatedAfter("credit-service", 2, 6));
    }

    /**
     * A credit manager's own limit decision supersedes a pending proposal of the service's (made for the limit that
     * stood before), not a user's request.
     */
    @Test
    void aLimitDecisionSupersedesOnlyAPendingProposalOfTheService() {
        Buyer b = BuyerTest.registered(null, "CNY", 30);
        LimitRequest proposal = LimitRequest.proposal(b, Money.of("1080000.00", "CNY"), 2,
                "grade rose from 4 to 2: the formula allows more", "credit-service", AT);
        assertEquals(true, proposal.supersededByALimitDecision("credit-service"));
        LimitRequest asked = LimitRequest.pending(b, Money.of("80000.00", "CNY"), "growing orders", "fin-1", AT);
        assertEquals(false, asked.supersededByALimitDecision("credit-service"));
        proposal.withdraw("cm-1", "superseded by the limit 2000000.00 CNY set by cm-1", AT);
        assertEquals(false, proposal.supersededByALimitDecision("credit-service"));
    }
}
