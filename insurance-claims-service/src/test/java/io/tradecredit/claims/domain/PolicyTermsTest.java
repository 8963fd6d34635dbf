package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class PolicyTermsTest {
    static PolicyTerms terms(String percent, Deductible.Kind kind, Money amount) {
        return PolicyTerms.of("Sinosure", "P-1", "CNY", new BigDecimal(percent), kind, amount, 60, 0, 120, 90,
                "Huaxin", 30, null);
    }

    static List<String> fields(Runnable r) {
        DomainError e = assertThrows(DomainError.class, r::run);
        assertEquals("policy.invalid", e.code());
        assertEquals(DomainError.Kind.INVALID, e.kind());
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void validTermsKeepTheirValuesAndTheWarningLeadDefaultsToFiveDays() {
        PolicyTerms t = terms("90.00", Deductible.Kind.PER_CLAIM, Money.of("5000.00", "CNY"));
        assertEquals(new BigDecimal("90"), t.insuredPercent());
        assertEquals("90", t.insuredPercent().toPlainString());
        assertEquals("12.5", terms("12.50", Deductible.Kind.NONE, null).insuredPercent().toString());
        assertEquals(5, t.warningLeadDays());
        assertEquals(new Deductible(Deductible.Kind.PER_CLAIM, Money.of("5000.00", "CNY")), t.deductible());
        assertEquals(60, t.maximumExtensionDays());
        assertEquals(0, t.notificationDays());
        assertEquals(120, t.claimFilingDays());
        assertEquals(90, t.waitingPeriodDays());
        assertEquals(30, t.transferDays());
        assertEquals("Huaxin", t.collectorName());
    }

    /** DOMAIN §4's "indemnity up to 90 %" is the percentage of a policy that states none; the policy may state another. */
    @Test
    void aPolicyWithoutAnInsuredPercentageIndemnifiesNinetyPercent() {
        PolicyTerms t = PolicyTerms.of("Sinosure", "P-1", "CNY", null, Deductible.Kind.NONE, null, 60, 0, 120, 90,
                "Huaxin", 30, null);
        assertEquals("90", t.insuredPercent().toPlainString());
        assertEquals(0, new BigDecimal("72000.00").compareTo(Indemnity.of(Money.of("100000.00", "CNY"),
                Money.of("80000.00", "CNY"), t.deductible(), Money.zero("CNY"), t.insuredPercent()).indemnity().amount()));
    }

    /**
     * DOMAIN §4: indemnity up to 90 %, the insured always bears a retention. 95 % and 100 % were accepted, a claim of
     * 80,000 then paying 80,000 with nothing borne by the insured.
     */
    @Test
    void ninetyPercentIsTheMostInsurableAndZeroIsNothing() {
        assertEquals("90", terms("90.0000", Deductible.Kind.NONE, null).insuredPercent().toPlainString());
        assertEquals("89.9999", terms("89.9999", Deductible.Kind.NONE, null).insuredPercent().toPlainString());
        assertEquals(List.of("insuredPercent"), fields(() -> terms("90.0001", Deductible.Kind.NONE, null)));
        assertEquals(List.of("insuredPercent"), fields(() -> terms("95", Deductible.Kind.NONE, null)));
        assertEquals(List.of("insuredPercent"), fields(() -> terms("100", Deductible.Kind.NONE, null)));
        assertEquals(List.of("insuredPercent"), fields(() -> terms("0", Deductible.Kind.NONE, null)));
        assertEquals(List.of("insuredPercent"), fields(() -> terms("100.0001", Deductible.Kind.NONE, null)));
        assertEquals(List.of("insuredPercent"), fields(() -> terms("-5", Deductible.Kind.NONE, null)));
        assertEquals(List.of("insuredPercent"), fields(() -> terms("50.00001", Deductible.Kind.NONE, null)));
        assertEquals("0.0001", terms("0.0001", Deductible.Kind.NONE, null).insuredPercent().toPlainString());
    }

    /** Versions stored before the rule may hold 95 or 100 %: they read as 90; lower ones as stored. */
    @Test
    void aPercentageStoredAboveNinetyBeforeTheRuleIsReadAsNinety() {
        assertEquals(new BigDecimal("90"), PolicyTerms.stored(new BigDecimal("100.0000")));
        assertEquals(new BigDecimal("90"), PolicyTerms.stored(new BigDecimal("90.0001")));
        assertEquals(new BigDecimal("90"), PolicyTerms.stored(new BigDecimal("90.0000")));
        assertEquals(new BigDecimal("89.5"), PolicyTerms.stored(new BigDecimal("89.5000")));
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        assertEquals(List.of("insurer", "policyNumber", "currency", "insuredPercent", "deductible.kind",
                "maximumExtensionDays", "notificationDays", "claimFilingDays", "waitingPeriodDays", "collectorName",
                "transferDays", "warningLeadDays"),
                fields(() -> PolicyTerms.of(" ", null, "XYZ", BigDecimal.ZERO, null, null, 0, -1, 0, -1, "", 3651, 366)));
        assertEquals(List.of("insurer", "policyNumber", "currency"),
                fields(() -> PolicyTerms.of("x".repeat(201), "n".repeat(101), "cny", BigDecimal.TEN, Deductible.Kind.NONE,
                        null, 1, 0, 1, 0, "c", 0, -1 + 1)));
    }

    @Test
    void aClaimFilingDeadlineBeforeTheEndOfTheWaitingPeriodIsRefusedNamingTheThreeFields() {
        // notified on the last day allowed (end of MEP + 30), a protracted default is claimable 90 days later, on
        // end of MEP + 120: a claim filing deadline of 100 days would end before a claim could ever be filed
        DomainError e = assertThrows(DomainError.class, () -> PolicyTerms.of("Sinosure", "P-1", "CNY", null,
                Deductible.Kind.NONE, null, 60, 30, 100, 90, "Huaxin", 30, null));
        assertEquals(List.of("notificationDays", "claimFilingDays", "waitingPeriodDays"),
                e.violations().stream().map(Violation::field).toList());
        assertEquals("claimFilingDays (100) must be at least notificationDays + waitingPeriodDays (30 + 90 = 120): notified"
                + " on the last day allowed, a protracted default could be filed only after the last day to claim",
                e.violations().get(0).message());
        assertEquals(List.of("notificationDays", "claimFilingDays", "waitingPeriodDays"), fields(() -> PolicyTerms.of("I",
                "N", "CNY", null, Deductible.Kind.NONE, null, 60, 0, 89, 90, "C", 30, null)));
        // on the day is in time
        assertEquals(120, PolicyTerms.of("Sinosure", "P-1", "CNY", null, Deductible.Kind.NONE, null, 60, 30, 120, 90,
                "Huaxin", 30, null).claimFilingDays());
        assertEquals(1, PolicyTerms.of("I", "N", "CNY", null, Deductible.Kind.NONE, null, 1, 0, 1, 1, "C", 0, null)
                .claimFilingDays());
        // a field wrong by itself is named alone, not judged with the others
        assertEquals(List.of("claimFilingDays"), fields(() -> PolicyTerms.of("I", "N", "CNY", null, Deductible.Kind.NONE,
                null, 60, 30, 0, 90, "C", 30, null)));
        assertEquals(List.of("waitingPeriodDays"), fields(() -> PolicyTerms.of("I", "N", "CNY", null, Deductible.Kind.NONE,
                null, 60, 30, 120, 3651, "C", 30, null)));
        assertEquals(List.of("notificationDays"), fields(() -> PolicyTerms.of("I", "N", "CNY", null, Deductible.Kind.NONE,
                null, 60, -1, 120, 90, "C", 30, null)));
    }

    @Test
    void aRevisionKeepsThePolicysCurrency() {
        PolicyTerms yuan = terms("90", Deductible.Kind.NONE, null);
        PolicyTerms dollars = PolicyTerms.of("Sinosure", "P-1", "USD", new BigDecimal("90"), Deductible.Kind.PER_CLAIM,
                Money.of("5000.00", "USD"), 60, 0, 120, 90, "Huaxin", 30, null);
        DomainError e = assertThrows(DomainError.class, () -> dollars.revising(yuan));
        assertEquals("policy.invalid", e.code());
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of(new Violation("currency", "the policy is in CNY: its limits and claims are amounts in it;"
                + " cover in USD is another policy")), e.violations());
        PolicyTerms eighty = terms("80", Deductible.Kind.PER_CLAIM, Money.of("5000.00", "CNY"));
        assertEquals(eighty, eighty.revising(yuan));
    }

    @Test
    void theLimitsOfEachPeriodAreAccepted() {
        PolicyTerms t = PolicyTerms.of("I", "N", "JPY", BigDecimal.TEN, Deductible.Kind.NONE, Money.zero("JPY"), 3650, 3650,
                3650, 0, "C", 3650, 365);
        assertEquals(365, t.warningLeadDays());
        assertEquals(3650, PolicyTerms.of("I", "N", "JPY", BigDecimal.TEN, Deductible.Kind.NONE, null, 3650, 0, 3650, 3650,
                "C", 3650, 365).waitingPeriodDays());
        assertEquals(Deductible.none("JPY"), t.deductible());
        PolicyTerms lowest = PolicyTerms.of("I", "N", "JPY", BigDecimal.TEN, Deductible.Kind.NONE, null, 1, 0, 1, 0, "C", 0, 0);
        assertEquals(0, lowest.warningLeadDays());
        assertEquals(List.of("maximumExtensionDays", "claimFilingDays", "warningLeadDays"),
                fields(() -> PolicyTerms.of("I", "N", "JPY", BigDecimal.TEN, Deductible.Kind.NONE, null, 3651, 0, 3651, 0, "C", 0, 366)));
    }

    @Test
    void aDeductibleNeedsAPositiveAmountInThePolicyCurrency() {
        assertEquals(List.of("deductible.amount"), fields(() -> terms("90", Deductible.Kind.PER_CLAIM, null)));
        assertEquals(List.of("deductible.amount"),
                fields(() -> terms("90", Deductible.Kind.ANNUAL_FIRST_LOSS, Money.zero("CNY"))));
        assertEquals(List.of("deductible.amount.currency"),
                fields(() -> terms("90", Deductible.Kind.PER_CLAIM, Money.of("10.00", "EUR"))));
        assertEquals(List.of("deductible.amount"), fields(() -> terms("90", Deductible.Kind.NONE, Money.of("1.00", "CNY"))));
        assertEquals(Deductible.Kind.ANNUAL_FIRST_LOSS,
                terms("90", Deductible.Kind.ANNUAL_FIRST_LOSS, Money.of("0.01", "CNY")).deductible().kind());
    }

    @Test
    void namesMayBeAsLongAsTheirLimitAndTheLeadTimeNotNegative() {
        PolicyTerms t = PolicyTerms.of("i".repeat(200), "n".repeat(100), "CNY", BigDecimal.ONE, Deductible.Kind.NONE, null,
                1, 0, 1, 0, "c".repeat(200), 0, 5);
        assertEquals(200, t.insurer().length());
        assertEquals(100, t.policyNumber().length());
        assertEquals(200, t.collectorName().length());
        assertEquals(List.of("collectorName", "warningLeadDays"), fields(() -> PolicyTerms.of("I", "N", "CNY", BigDecimal.ONE,
                Deductible.Kind.NONE, null, 1, 0, 1, 0, "c".repeat(201), 0, -1)));
    }

    @Test
    void theNamedCollectorsAgencyCodeIsOptionalAndAnAgencyCode() {
        assertEquals("huaxin-recovery", PolicyTerms.of("I", "N", "CNY", BigDecimal.ONE, Deductible.Kind.NONE, null, 1, 0, 1,
                0, "Huaxin Recovery", "huaxin-recovery", 0, 5).collectorAgencyCode());
        assertEquals(null, PolicyTerms.of("I", "N", "CNY", BigDecimal.ONE, Deductible.Kind.NONE, null, 1, 0, 1, 0, "C", 0, 5)
                .collectorAgencyCode());
        assertEquals("a".repeat(40), PolicyTerms.of("I", "N", "CNY", BigDecimal.ONE, Deductible.Kind.NONE, null, 1, 0, 1, 0,
                "C", "a".repeat(40), 0, 5).collectorAgencyCode());
        for (String wrong : List.of("Huaxin Recovery", "-huaxin", "", "a".repeat(41))) {
            assertEquals(List.of("collectorAgencyCode"), fields(() -> PolicyTerms.of("I", "N", "CNY", BigDecimal.ONE,
                    Deductible.Kind.NONE, null, 1, 0, 1, 0, "C", wrong, 0, 5)), wrong);
        }
    }

    @Test
    void anUnknownCurrencyIsNamedOnceNotAgainForTheDeductible() {
        assertEquals(List.of("currency"), fields(() -> PolicyTerms.of("I", "N", "XYZ", BigDecimal.ONE, Deductible.Kind.PER_CLAIM,
                Money.of("5.00", "CNY"), 1, 0, 1, 0, "C", 0, 5)));
        assertEquals(List.of("currency"), fields(() -> PolicyTerms.of("I", "N", "cny", BigDecimal.ONE, Deductible.Kind.PER_CLAIM,
                Money.of("5.00", "CNY"), 1, 0, 1, 0, "C", 0, 5)));
        assertEquals(List.of("currency"), fields(() -> PolicyTerms.of("I", "N", null, BigDecimal.ONE, Deductible.Kind.PER_CLAIM,
                Money.of("5.00", "CNY"), 1, 0, 1, 0, "C", 0, 5)));
        assertEquals("100", PolicyTerms.plain(new BigDecimal("100.0000")).toString());
        assertEquals("90", PolicyTerms.plain(new BigDecimal("90")).toString());
        assertEquals("87.5", PolicyTerms.plain(new BigDecimal("87.5000")).toString());
    }

    @Test
    void namesAreStoredWithoutSurroundingBlanks() {
        PolicyTerms t = PolicyTerms.of(" Sinosure ", " P-9 ", "CNY", BigDecimal.ONE, Deductible.Kind.NONE, null, 1, 0, 1, 0,
                " Huaxin ", 0, 5);
        assertEquals("Sinosure", t.insurer());
        assertEquals("P-9", t.policyNumber());
        assertEquals("Huaxin", t.collectorName());
    }

    @Test
    void aRevisionTakesEffectOnOrAfterThePolicysFirstDayAndKeepsItsCurrency() {
        UUID id = UUID.randomUUID();
        PolicyTerms ninety = terms("90", Deductible.Kind.NONE, null);
        PolicyTerms eighty = terms("80", Deductible.Kind.NONE, null);
        OffsetDateTime at = OffsetDateTime.now();
        PolicyVersion v1 = new PolicyVersion(id, 1, LocalDate.of(2026, 7, 1), ninety, at, "a");
        PolicyVersion v2 = new PolicyVersion(id, 2, LocalDate.of(2026, 10, 1), ninety, at, "a");
        // a policy from 1 July 2026 revised from 1 January 2026 would be in force on days before it began
        DomainError e = assertThrows(DomainError.class, () -> PolicyVersion.next(List.of(v1, v2), eighty,
                LocalDate.of(2026, 1, 1), at, "b"));
        assertEquals("policy.invalid", e.code());
        assertEquals(List.of(new Violation("effectiveFrom", "the policy begins on 2026-07-01 (version 1): a revision takes"
                + " effect on or after it")), e.violations());
        assertEquals(List.of("effectiveFrom"), fields(() -> PolicyVersion.next(List.of(v1), eighty,
                LocalDate.of(2026, 6, 30), at, "b")));
        // version 1's own day is a correction; a day between the versions is a revision of those days
        assertEquals(new PolicyVersion(id, 2, LocalDate.of(2026, 7, 1), eighty, at, "b"),
                PolicyVersion.next(List.of(v1), eighty, LocalDate.of(2026, 7, 1), at, "b"));
        assertEquals(new PolicyVersion(id, 3, LocalDate.of(2026, 8, 1), eighty, at, "b"),
                PolicyVersion.next(List.of(v2, v1), eighty, LocalDate.of(2026, 8, 1), at, "b"));
        // both wrong: both named
        PolicyTerms dollars = PolicyTerms.of("Sinosure", "P-1", "USD", new BigDecimal("90"), Deductible.Kind.NONE, null,
                60, 0, 120, 90, "Huaxin", 30, null);
        assertEquals(List.of("currency", "effectiveFrom"), fields(() -> PolicyVersion.next(List.of(v1, v2), dollars,
                LocalDate.of(2026, 1, 1), at, "b")));
        assertEquals(List.of("currency"), fields(() -> PolicyVersion.next(List.of(v1, v2), dollars,
                LocalDate.of(2026, 10, 2), at, "b")));
    }

    @Test
    void theVersionInForceIsTheLatestEffectiveOnTheDayAndACorrectionWinsItsDay() {
        UUID id = UUID.randomUUID();
        PolicyTerms t = terms("90", Deductible.Kind.NONE, null);
        PolicyVersion v1 = new PolicyVersion(id, 1, LocalDate.of(2026, 1, 1), t, OffsetDateTime.now(), "a");
        PolicyVersion v2 = new PolicyVersion(id, 2, LocalDate.of(2026, 7, 1), t, OffsetDateTime.now(), "a");
        PolicyVersion v3 = new PolicyVersion(id, 3, LocalDate.of(2026, 7, 1), t, OffsetDateTime.now(), "a");
        PolicyVersion v4 = new PolicyVersion(id, 4, LocalDate.of(2026, 3, 1), t, OffsetDateTime.now(), "a");
        List<PolicyVersion> all = List.of(v1, v2, v3, v4);
        assertEquals(Optional.empty(), PolicyVersion.inForce(all, LocalDate.of(2025, 12, 31)));
        assertEquals(Optional.of(v1), PolicyVersion.inForce(all, LocalDate.of(2026, 1, 1)));
        assertEquals(Optional.of(v1), PolicyVersion.inForce(all, LocalDate.of(2026, 2, 28)));
        assertEquals(Optional.of(v4), PolicyVersion.inForce(all, LocalDate.of(2026, 3, 1)));
        assertEquals(Optional.of(v4), PolicyVersion.inForce(all, LocalDate.of(2026, 6, 30)));
        assertEquals(Optional.of(v3), PolicyVersion.inForce(all, LocalDate.of(2026, 7, 1)));
    }
}
