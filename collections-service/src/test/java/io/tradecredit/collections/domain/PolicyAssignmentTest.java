package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.PolicyAssignment.Assignment;
import io.tradecredit.collections.domain.PolicyAssignment.Source;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class PolicyAssignmentTest {
    static final UUID KEY_ACCOUNT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID SOMEONE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    // the tenant lists its grade rule first, then the insured rule, then its amount band
    static final SegmentRule RISKY = new SegmentRule("risky grades", "fast", 7, 10, null, null, null);
    static final SegmentRule INSURED = new SegmentRule("insured", "insured", null, null, true, null, null);
    static final SegmentRule BIG = new SegmentRule("big debts", "firm", null, null, null, cny("50000.00"), null);

    static final PolicyVersion V1 = new PolicyVersion(1, JAN_1, "standard", List.of(RISKY, INSURED, BIG),
            Map.of(KEY_ACCOUNT, "gentle"));
    static final PolicyAssignment POLICY = new PolicyAssignment(List.of(V1));

    static BuyerProfile buyer(UUID id, Integer grade, boolean insured, String overdue) {
        return new BuyerProfile(id, grade, insured, cny(overdue));
    }

    @Test
    void buyerAssignmentBeatsEveryMatchingSegment() {
        // grade 9, insured, 80,000 overdue: matches all three rules, still gets its own ladder
        assertEquals(new Assignment("gentle", Source.BUYER, null, 1),
                POLICY.ladderFor(buyer(KEY_ACCOUNT, 9, true, "80000.00"), APR_1));
    }

    @Test
    void firstMatchingSegmentInTheTenantsOrderWins() {
        assertEquals(new Assignment("fast", Source.SEGMENT, "risky grades", 1),
                POLICY.ladderFor(buyer(SOMEONE, 9, true, "80000.00"), APR_1));
        assertEquals(new Assignment("insured", Source.SEGMENT, "insured", 1),
                POLICY.ladderFor(buyer(SOMEONE, 3, true, "80000.00"), APR_1));
        assertEquals(new Assignment("firm", Source.SEGMENT, "big debts", 1),
                POLICY.ladderFor(buyer(SOMEONE, 3, false, "80000.00"), APR_1));
    }

    @Test
    void buyerMatchingNoSegmentGetsTheTenantDefault() {
        assertEquals(new Assignment("standard", Source.TENANT_DEFAULT, null, 1),
                POLICY.ladderFor(buyer(SOMEONE, 3, false, "49999.99"), APR_1));
    }

    @Test
    void gradeRangeIncludesBothEnds() {
        assertTrue(RISKY.matches(buyer(SOMEONE, 7, false, "0.00")));
        assertTrue(RISKY.matches(buyer(SOMEONE, 10, false, "0.00")));
        assertFalse(RISKY.matches(buyer(SOMEONE, 6, false, "0.00")));
        SegmentRule middle = new SegmentRule("middle", "m", 4, 6, null, null, null);
        assertTrue(middle.matches(buyer(SOMEONE, 6, false, "0.00")));
        assertFalse(middle.matches(buyer(SOMEONE, 7, false, "0.00")));
        assertFalse(middle.matches(buyer(SOMEONE, 3, false, "0.00")));
    }

    @Test
    void ungradedBuyerIsInNoGradeRangeButMatchesRulesWithoutOne() {
        assertFalse(RISKY.matches(buyer(SOMEONE, null, false, "0.00")));
        assertFalse(new SegmentRule("up to 3", "x", null, 3, null, null, null).matches(buyer(SOMEONE, null, false, "0.00")));
        assertTrue(INSURED.matches(buyer(SOMEONE, null, true, "0.00")));
    }

    @Test
    void openEndedGradeRanges() {
        SegmentRule fromEight = new SegmentRule("8+", "x", 8, null, null, null, null);
        assertTrue(fromEight.matches(buyer(SOMEONE, 8, false, "0.00")));
        assertFalse(fromEight.matches(buyer(SOMEONE, 7, false, "0.00")));
        SegmentRule upToTwo = new SegmentRule("best", "x", null, 2, null, null, null);
        assertTrue(upToTwo.matches(buyer(SOMEONE, 2, false, "0.00")));
        assertFalse(upToTwo.matches(buyer(SOMEONE, 3, false, "0.00")));
    }

    @Test
    void insuredRuleMatchesEitherWay() {
        SegmentRule uninsured = new SegmentRule("uninsured", "x", null, null, false, null, null);
        assertTrue(uninsured.matches(buyer(SOMEONE, 5, false, "0.00")));
        assertFalse(uninsured.matches(buyer(SOMEONE, 5, true, "0.00")));
        assertFalse(INSURED.matches(buyer(SOMEONE, 5, false, "0.00")));
    }

    @Test
    void amountBandIncludesItsLowerBoundAndExcludesItsUpper() {
        SegmentRule band = new SegmentRule("10k-50k", "x", null, null, null, cny("10000.00"), cny("50000.00"));
        assertFalse(band.matches(buyer(SOMEONE, 5, false, "9999.99")));
        assertTrue(band.matches(buyer(SOMEONE, 5, false, "10000.00")));
        assertTrue(band.matches(buyer(SOMEONE, 5, false, "49999.99")));
        assertFalse(band.matches(buyer(SOMEONE, 5, false, "50000.00")));
        SegmentRule small = new SegmentRule("under 1k", "x", null, null, null, null, cny("1000.00"));
        assertTrue(small.matches(buyer(SOMEONE, 5, false, "999.99")));
        assertFalse(small.matches(buyer(SOMEONE, 5, false, "1000.00")));
    }

    @Test
    void amountBandInAnotherCurrencyDoesNotMatch() {
        BuyerProfile eur = new BuyerProfile(SOMEONE, 5, false, Money.of("90000.00", "EUR"));
        assertFalse(BIG.matches(eur));
        assertFalse(new SegmentRule("under 1k", "x", null, null, null, null, cny("1000.00"))
                .matches(new BuyerProfile(SOMEONE, 5, false, Money.of("10.00", "EUR"))));
    }

    @Test
    void aBuyerIsProfiledFromEveryCurrencyItIsOverdueInAndFromNoneWhenNothingIsOverdue() {
        LocalDate march17 = LocalDate.of(2026, 3, 17);
        SegmentRule strict = new SegmentRule("big debts", "strict", null, null, null, cny("100000.00"), null);
        SegmentRule soft = new SegmentRule("small debts", "soft", null, null, null, null, cny("1000.00"));
        PolicyAssignment bands = new PolicyAssignment(List.of(new PolicyVersion(1, JAN_1, "default",
                List.of(strict, soft), Map.of())));
        // 500 EUR due 03-01 and 120,000 CNY due 03-10: the EUR invoice is due first, the CNY one decides
        BuyerProfile twoCurrencies = BuyerProfile.of(SOMEONE, null, false, List.of(
                invoice("EUR-1", LocalDate.of(2026, 3, 1), Money.of("500.00", "EUR")),
                invoice("CNY-1", LocalDate.of(2026, 3, 10), cny("120000.00"))), march17);
        assertEquals(List.of(Money.of("500.00", "EUR"), cny("120000.00")), twoCurrencies.overdueBalances());
        assertEquals("strict", bands.ladderFor(twoCurrencies, march17).ladderKey());
        // 500,000 CNY not yet due: overdue in no currency, so under no band's 1,000 either
        BuyerProfile notYetDue = BuyerProfile.of(SOMEONE, null, false, List.of(
                invoice("CNY-2", LocalDate.of(2026, 3, 20), cny("500000.00"))), march17);
        assertEquals(List.of(), notYetDue.overdueBalances());
        assertEquals(new Assignment("default", Source.TENANT_DEFAULT, null, 1), bands.ladderFor(notYetDue, march17));
    }

    private static DunningItem invoice(String ref, LocalDate due, Money open) {
        return new DunningItem(ref, due, open, Money.zero(open.currency()), false, null, java.util.Set.of());
    }

    @Test
    void aBuyerOverdueInTwoCurrenciesIsInTheBandOfEitherAndABuyerOverdueInNoneIsInNoBand() {
        // overdue 120,000 CNY and 500 EUR (from its open items): in the CNY band of 100,000 and more
        BuyerProfile both = BuyerProfile.of(SOMEONE, 5, false, new BuyerStanding(null,
                List.of(Money.of("500.00", "EUR"), cny("120000.00"))));
        assertEquals(List.of(Money.of("500.00", "EUR"), cny("120000.00")), both.overdueBalances());
        assertTrue(BIG.matches(both));
        SegmentRule smallEur = new SegmentRule("under 1k EUR", "x", null, null, null, null, Money.of("1000.00", "EUR"));
        assertTrue(smallEur.matches(both));
        BuyerProfile nothingOverdue = BuyerProfile.of(SOMEONE, 5, false, new BuyerStanding(null, List.of()));
        assertFalse(smallEur.matches(nothingOverdue));
        assertTrue(new SegmentRule("grade only", "x", 1, 5, null, null, null).matches(nothingOverdue));
    }

    @Test
    void ruleWithNoCriteriaMatchesEveryone() {
        assertTrue(new SegmentRule("all", "x", null, null, null, null, null).matches(buyer(SOMEONE, null, true, "0.00")));
    }

    @Test
    void versionInForceIsTheLatestStartedOnOrBeforeTheDay() {
        PolicyVersion v2 = new PolicyVersion(2, APR_1, "stricter", List.of(), Map.of());
        PolicyAssignment policy = new PolicyAssignment(List.of(v2, V1));
        BuyerProfile b = buyer(SOMEONE, 3, false, "100.00");
        assertEquals(new Assignment("standard", Source.TENANT_DEFAULT, null, 1), policy.ladderFor(b, APR_1.minusDays(1)));
        assertEquals(new Assignment("stricter", Source.TENANT_DEFAULT, null, 2), policy.ladderFor(b, APR_1));
        assertEquals(1, policy.inForceOn(JAN_1).version());
    }

    @Test
    void twoVersionsFromTheSameDayTheHigherNumberIsInForce() {
        PolicyVersion v3 = new PolicyVersion(3, APR_1, "corrected", List.of(), Map.of());
        PolicyVersion v2 = new PolicyVersion(2, APR_1, "mistake", List.of(), Map.of());
        assertEquals(3, new PolicyAssignment(List.of(v3, v2, V1)).inForceOn(APR_1).version());
    }

    @Test
    void buyerAssignmentEndsWithTheVersionThatHadIt() {
        PolicyVersion v2 = new PolicyVersion(2, APR_1, "standard", List.of(), Map.of());
        PolicyAssignment policy = new PolicyAssignment(List.of(V1, v2));
        assertEquals(Source.TENANT_DEFAULT, policy.ladderFor(buyer(KEY_ACCOUNT, 3, false, "1.00"), APR_1).source());
    }

    @Test
    void dayBeforeTheFirstVersionHasNoPolicyInForce() {
        DomainError e = assertThrows(DomainError.class, () -> POLICY.inForceOn(JAN_1.minusDays(1)));
        assertEquals(DomainError.Kind.UNPROCESSABLE, e.kind());
        assertEquals("dunning-policy.none-in-force", e.code());
    }

    @Test
    void repeatedVersionNumbersAreRefused() {
        PolicyVersion again = new PolicyVersion(1, APR_1, "other", List.of(), Map.of());
        DomainError e = assertThrows(DomainError.class, () -> new PolicyAssignment(List.of(V1, again)));
        assertEquals("dunning-policy.version-repeated", e.code());
        assertEquals("Policy versions [1] are given more than once", e.detail());
    }

    @Test
    void segmentRuleWithBadRangesNamesEachField() {
        DomainError e = assertThrows(DomainError.class,
                () -> new SegmentRule("bad", " ", 0, 11, null, cny("100.00"), Money.of("10.00", "EUR")));
        assertEquals("segment-rule.invalid", e.code());
        assertEquals(List.of(new Violation("ladderKey", "must name a ladder"),
                new Violation("minGrade", "must be a grade from 1 to 10, was 0"),
                new Violation("maxGrade", "must be a grade from 1 to 10, was 11"),
                new Violation("maxOverdue", "must be in the currency of minOverdue (CNY)")), e.violations());
    }

    @Test
    void segmentRuleWithReversedRangesNamesTheUpperBounds() {
        DomainError e = assertThrows(DomainError.class,
                () -> new SegmentRule("bad", null, 5, 4, null, cny("100.00"), cny("100.00")));
        assertEquals(List.of(new Violation("ladderKey", "must name a ladder"),
                new Violation("maxGrade", "must not be below minGrade (5)"),
                new Violation("maxOverdue", "must be above minOverdue (100.00 CNY)")), e.violations());
    }

    @Test
    void singleGradeAndBoundaryGradesAreValid() {
        assertTrue(new SegmentRule("only 1", "x", 1, 1, null, null, null).matches(buyer(SOMEONE, 1, false, "0.00")));
        assertTrue(new SegmentRule("only 10", "x", 10, 10, null, null, null).matches(buyer(SOMEONE, 10, false, "0.00")));
    }

    @Test
    void policyVersionWithoutNumberDateOrLaddersNamesEachField() {
        DomainError e = assertThrows(DomainError.class,
                () -> new PolicyVersion(0, null, "", List.of(), Map.of(SOMEONE, " ")));
        assertEquals("dunning-policy.invalid", e.code());
        assertEquals(List.of(new Violation("version", "must be 1 or more, was 0"),
                new Violation("effectiveFrom", "must be given"),
                new Violation("defaultLadderKey", "must name the tenant's default ladder"),
                new Violation("buyerLadders." + SOMEONE, "must name a ladder")), e.violations());
        assertThrows(DomainError.class, () -> new PolicyVersion(1, JAN_1, null, List.of(), Map.of()));
    }

    @Test
    void buyerAssignedNoLadderIsNamed() {
        Map<UUID, String> assignments = new HashMap<>();
        assignments.put(SOMEONE, null);
        DomainError e = assertThrows(DomainError.class, () -> new PolicyVersion(1, JAN_1, "standard", List.of(),
                assignments));
        assertEquals(List.of(new Violation("buyerLadders." + SOMEONE, "must name a ladder")), e.violations());
    }
}
