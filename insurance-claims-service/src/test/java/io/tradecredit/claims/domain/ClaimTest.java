package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class ClaimTest {
    static final LocalDate DAY = LocalDate.of(2026, 9, 1);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** The buyer of draft() and byHand(), whose invoices inLedger() are. */
    static final UUID BUYER = UUID.randomUUID();

    static Claim draft() {
        return Claim.open(UUID.randomUUID(), "CNY", BUYER, " Zhejiang Trading ", Claim.Cause.INSOLVENCY,
                List.of(new ClaimedInvoice("INV-1", null, cny("60000.00")), new ClaimedInvoice("INV-2", UUID.randomUUID(),
                        cny("40000.00"))), DAY, "cm");
    }

    static Claim approved() {
        Claim c = draft().moveTo(ClaimState.SUBMITTED).moveTo(ClaimState.UNDER_REVIEW);
        return c.approve(Indemnity.of(c.unpaid(), cny("80000.00"), Deductible.none("CNY"), cny("0.00"), new BigDecimal("90")),
                DAY.plusDays(30));
    }

    static DomainError refusal(Runnable r) {
        return assertThrows(DomainError.class, r::run);
    }

    static PolicyVersion version(int n, String from, String percent) {
        return new PolicyVersion(UUID.randomUUID(), n, LocalDate.parse(from), PolicyTerms.of("Sinosure", "P-1", "CNY",
                new BigDecimal(percent), Deductible.Kind.ANNUAL_FIRST_LOSS, cny("20000.00"), 60, 0, 120, 90,
                "Huaxin Recovery", 30, 5), null, "admin");
    }

    static Claim openedOn(LocalDate day) {
        return Claim.open(UUID.randomUUID(), "CNY", UUID.randomUUID(), "Zhejiang Trading", Claim.Cause.PROTRACTED_DEFAULT,
                List.of(new ClaimedInvoice("INV-1", null, cny("90000.00"))), day, "collections");
    }

    /**
     * DOMAIN §4: a protracted default is claimed after the waiting period, which counts from the overdue notification.
     * Notified 1 June 2026, waiting period 90 days: refused on 29 August naming 30 August, submitted from 30 August (it
     * was submitted at once). Never notified: refused, the waiting period has not begun. An insolvency is claimed at once.
     */
    @Test
    void aProtractedDefaultIsSubmittableOnceTheWaitingPeriodRanFromTheNotificationAnInsolvencyAtOnce() {
        Claim pd = openedOn(LocalDate.of(2026, 6, 20));
        Optional<LocalDate> notified = Optional.of(LocalDate.of(2026, 6, 1));
        DomainError early = refusal(() -> pd.submit(LocalDate.of(2026, 8, 29), 90, notified));
        assertEquals("claim.waiting-period", early.code());
        assertEquals(DomainError.Kind.CONFLICT, early.kind());
        assertTrue(early.detail().contains("submittable from 2026-08-30"), early.detail());
        assertEquals(List.of(new Violation("state", "submittable from 2026-08-30")), early.violations());
        assertEquals(ClaimState.SUBMITTED, pd.submit(LocalDate.of(2026, 8, 30), 90, notified).state());
        assertEquals(ClaimState.SUBMITTED, pd.submit(LocalDate.of(2026, 6, 1), 0, notified).state());
        DomainError never = refusal(() -> pd.submit(LocalDate.of(2027, 6, 1), 90, Optional.empty()));
        assertEquals("claim.waiting-period", never.code());
        assertEquals(List.of("state"), never.violations().stream().map(Violation::field).toList());
        // an insolvency is claimed at once, notified or not
        assertEquals(ClaimState.SUBMITTED, draft().submit(DAY, 90, Optional.empty()).state());
        assertEquals(ClaimState.SUBMITTED, draft().submit(DAY, 90, Optional.of(DAY)).state());
        // a claim that may not be submitted is refused as such, not for its waiting period
        Claim submitted = pd.submit(LocalDate.of(2026, 8, 30), 90, notified);
        assertEquals("claim.illegal-move", refusal(() -> submitted.submit(LocalDate.of(2026, 8, 1), 90, notified)).code());
        assertEquals("claim.illegal-move", refusal(() -> submitted.moveTo(ClaimState.SUBMITTED)).code());
    }

    /**
     * The waiting period is the claim's rule, not the API's: a protracted default opened on 20 June 2026 (notified 1 June,
     * 90 days) moved to SUBMITTED by any path without the day and the notification is refused, 409 claim.waiting-period,
     * and stays a draft; it was submitted at once on 20 June, 71 days early. An insolvency moves at once; withdrawing the
     * draft is no submission.
     */
    @Test
    void aProtractedDefaultIsNeverSubmittedByAMoveThatSkipsItsWaitingPeriod() {
        Claim pd = openedOn(LocalDate.of(2026, 6, 20));
        DomainError skipped = refusal(() -> pd.moveTo(ClaimState.SUBMITTED));
        assertEquals("claim.waiting-period", skipped.code());
        assertEquals(DomainError.Kind.CONFLICT, skipped.kind());
        assertEquals(List.of("state"), skipped.violations().stream().map(Violation::field).toList());
        assertEquals(ClaimState.DRAFT, pd.state());
        assertEquals(ClaimState.WITHDRAWN, pd.moveTo(ClaimState.WITHDRAWN).state());
        assertEquals(ClaimState.SUBMITTED, draft().moveTo(ClaimState.SUBMITTED).state());
        Claim submitted = pd.submit(LocalDate.of(2026, 8, 30), 90, Optional.of(LocalDate.of(2026, 6, 1)));
        assertEquals(ClaimState.UNDER_REVIEW, submitted.moveTo(ClaimState.UNDER_REVIEW).state());
    }

    @Test
    void aClaimIsIndemnifiedUnderTheTermsAndPolicyYearOfItsOwnDayNotOfTheApproval() {
        // incepted 7 December 2025 at 90 %, revised to 80 % from 7 December 2026 (the second policy year)
        List<PolicyVersion> versions = List.of(version(1, "2025-12-07", "90"), version(2, "2026-12-07", "80"));
        Claim lastYear = openedOn(LocalDate.parse("2026-12-06"));
        assertEquals(new BigDecimal("90"), lastYear.termsFrom(versions).terms().insuredPercent());
        assertEquals(new PolicyYear(LocalDate.parse("2025-12-07"), LocalDate.parse("2026-12-06")), lastYear.policyYear(versions));
        Claim thisYear = openedOn(LocalDate.parse("2026-12-07"));
        assertEquals(new BigDecimal("80"), thisYear.termsFrom(versions).terms().insuredPercent());
        assertEquals(new PolicyYear(LocalDate.parse("2026-12-07"), LocalDate.parse("2027-12-06")), thisYear.policyYear(versions));
        // a claim by hand before the policy's first day: its first terms, its first year
        Claim early = openedOn(LocalDate.parse("2025-11-30"));
        assertEquals(1, early.termsFrom(versions).version());
        assertEquals(LocalDate.parse("2025-12-07"), early.policyYear(versions).start());
    }

    static List<String> fields(Runnable r) {
        return refusal(r).violations().stream().map(Violation::field).toList();
    }

    @Test
    void aMoveByHandNamesEveryWrongField() {
        String tooLong = "x".repeat(Claim.MAX_NOTE + 1);
        assertEquals(List.of("state", "note"), fields(() -> Claim.checkMove(null, tooLong)));
        assertEquals(List.of("note"), fields(() -> Claim.checkMove(ClaimState.REJECTED, tooLong)));
        assertEquals(List.of("note"), fields(() -> Claim.checkMove(ClaimState.SUBMITTED, tooLong)));
        assertEquals(List.of("note"), fields(() -> Claim.checkMove(ClaimState.REJECTED, " ")));
        assertEquals(List.of("note"), fields(() -> Claim.checkMove(ClaimState.WITHDRAWN, null)));
        assertEquals(List.of("state"), fields(() -> Claim.checkMove(null, null)));
        assertEquals("claim.move-invalid", refusal(() -> Claim.checkMove(null, null)).code());
        // at most 2,000 characters; a reason for a rejection or withdrawal, none needed for the other moves
        Claim.checkMove(ClaimState.REJECTED, "x".repeat(Claim.MAX_NOTE));
        Claim.checkMove(ClaimState.WITHDRAWN, "not filed: the buyer paid");
        Claim.checkMove(ClaimState.SUBMITTED, null);
        Claim.checkMove(ClaimState.APPROVED, " ");
    }

    @Test
    void aDraftClaimsTheSumOfItsInvoices() {
        Claim c = draft();
        assertEquals(ClaimState.DRAFT, c.state());
        assertEquals(cny("100000.00"), c.unpaid());
        assertEquals("Zhejiang Trading", c.buyerName());
        assertEquals(cny("0.00"), c.indemnityPaid());
        assertEquals(cny("0.00"), c.indemnityDue());
        assertNull(c.indemnity());
    }

    @Test
    void aClaimByHandOfAnInvoiceAnotherOpenClaimHoldsIsRefusedNamingIt() {
        // the insolvency's draft holds INV-2 (by id) and INV-9: DOMAIN's 100,000 claimed again would be indemnified twice
        Claim c = draft();
        UUID inv2 = c.invoices().get(1).invoiceId();
        DomainError e = refusal(() -> c.claimingNothingHeld(new ProtractedDefault.Held(true, Set.of(inv2),
                Set.of("INV-9"))));
        assertEquals("claim.invoice-held", e.code());
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals(List.of("invoices[1]"), e.violations().stream().map(Violation::field).toList());
        // by number too (INV-1 was claimed by hand without its id)
        assertEquals(List.of("invoices[0]", "invoices[1]"), refusal(() -> c.claimingNothingHeld(new ProtractedDefault.Held(
                true, Set.of(), Set.of("INV-1", "INV-2")))).violations().stream().map(Violation::field).toList());
        assertEquals(c, c.claimingNothingHeld(new ProtractedDefault.Held(true, Set.of(UUID.randomUUID()), Set.of("INV-3"))));
        assertEquals(c, c.claimingNothingHeld(ProtractedDefault.Held.NOTHING));
    }

    @Test
    void anOpenOrPaidClaimHoldsItsInvoicesARejectedOrWithdrawnOneDoesNot() {
        // DOMAIN §4's 100,000 approved at 72,000 and paid: claimed again it would be paid twice
        assertEquals(EnumSet.of(ClaimState.DRAFT, ClaimState.SUBMITTED, ClaimState.UNDER_REVIEW, ClaimState.APPROVED,
                ClaimState.PAID), EnumSet.copyOf(Arrays.stream(ClaimState.values()).filter(ClaimState::holdsItsInvoices)
                        .toList()));
        // the buyer has a claim under way only until it is paid, rejected or withdrawn
        assertEquals(EnumSet.of(ClaimState.DRAFT, ClaimState.SUBMITTED, ClaimState.UNDER_REVIEW, ClaimState.APPROVED),
                EnumSet.copyOf(Arrays.stream(ClaimState.values()).filter(ClaimState::isOpen).toList()));
        Claim c = draft();
        DomainError e = refusal(() -> c.claimingNothingHeld(new ProtractedDefault.Held(false, Set.of(),
                Set.of("INV-1", "INV-2"))));
        assertEquals("claim.invoice-held", e.code());
        assertEquals("INV-1 is held by another claim of the tenant, open or paid by the insurer",
                e.violations().get(0).message());
    }

    @Test
    void aClaimWithoutAPolicyNamesThePolicyAndEveryOtherWrongField() {
        DomainError e = refusal(() -> Claim.open(null, null, null, "Zhejiang Trading", null,
                List.of(new ClaimedInvoice("INV-1", null, cny("0.00")), new ClaimedInvoice("INV-2", null, cny("5.00"))),
                DAY, "cm"));
        assertEquals("claim.invalid", e.code());
        // no policy, no currency to hold INV-2's 5.00 to
        assertEquals(List.of("policyId", "buyerId", "cause", "invoices[0].unpaidAmount"),
                e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void moneyIsEnteredForNoDayAfterTodayAndTheInsurersPaymentForNoneBeforeTheApproval() {
        Claim c = approved(); // approved on 1 October 2026, 72,000 due
        LocalDate today = DAY.plusDays(40);
        assertEquals(today, c.moneyOn("paidOn", cny("72000.00"), null, today));
        assertEquals(DAY.plusDays(30), c.moneyOn("paidOn", cny("72000.00"), DAY.plusDays(30), today));
        assertEquals(DAY, c.moneyOn("receivedOn", cny("10.00"), DAY, today), "a recovery may predate the approval");
        DomainError future = refusal(() -> c.moneyOn("paidOn", cny("72000.00"), today.plusDays(1), today));
        assertEquals("claim.payment-invalid", future.code());
        assertTrue(future.detail().startsWith("The payment is incomplete or inconsistent"), future.detail());
        assertEquals(List.of("paidOn"), future.violations().stream().map(Violation::field).toList());
        assertEquals(List.of("paidOn"), refusal(() -> c.moneyOn("paidOn", cny("1.00"), DAY.plusDays(29), today))
                .violations().stream().map(Violation::field).toList());
        DomainError both = refusal(() -> c.moneyOn("receivedOn", cny("0.00"), today.plusDays(1), today));
        assertEquals("claim.recovery-invalid", both.code());
        assertTrue(both.detail().startsWith("The recovery is incomplete or inconsistent"), both.detail());
        assertEquals(List.of("amount", "receivedOn"), both.violations().stream().map(Violation::field).toList());
        // the amount alone is left to pay / recover to name, as before
        assertEquals(today, c.moneyOn("paidOn", null, null, today));
    }

    @Test
    void everyWrongFieldOfANewClaimIsNamed() {
        List<ClaimedInvoice> invoices = new ArrayList<>(Arrays.asList(new ClaimedInvoice("INV-1", null, cny("1.00")),
                new ClaimedInvoice(" INV-1 ", null, cny("0.00")), new ClaimedInvoice("", null, Money.of("5.00", "USD")), null));
        DomainError e = refusal(() -> Claim.open(UUID.randomUUID(), "CNY", null, " ", null, invoices, DAY, "cm"));
        assertEquals("claim.invalid", e.code());
        assertEquals(List.of("buyerId", "buyerName", "cause", "invoices[1].invoiceNumber", "invoices[1].unpaidAmount",
                "invoices[2].invoiceNumber", "invoices[2].unpaidAmount.currency", "invoices[3]"),
                e.violations().stream().map(Violation::field).toList());
        assertEquals(List.of("invoices"), refusal(() -> Claim.open(UUID.randomUUID(), "CNY", UUID.randomUUID(), "B",
                Claim.Cause.PROTRACTED_DEFAULT, List.of(), DAY, "cm")).violations().stream().map(Violation::field).toList());
        List<ClaimedInvoice> tooMany = new ArrayList<>();
        for (int i = 0; i <= Claim.MAX_INVOICES; i++) {
            tooMany.add(new ClaimedInvoice("I" + i, null, cny("1.00")));
        }
        assertEquals(List.of("buyerName", "invoices"), refusal(() -> Claim.open(UUID.randomUUID(), "CNY", UUID.randomUUID(),
                "b".repeat(201), Claim.Cause.PROTRACTED_DEFAULT, tooMany, DAY, "cm")).violations().stream()
                .map(Violation::field).toList());
        assertEquals(Claim.MAX_INVOICES, Claim.open(UUID.randomUUID(), "CNY", UUID.randomUUID(), "b".repeat(200),
                Claim.Cause.PROTRACTED_DEFAULT, tooMany.subList(0, Claim.MAX_INVOICES), DAY, "cm").invoices().size());
        assertEquals("n".repeat(100), Claim.open(UUID.randomUUID(), "CNY", UUID.randomUUID(), "B", Claim.Cause.INSOLVENCY,
                List.of(new ClaimedInvoice("n".repeat(100), null, cny("1.00"))), DAY, "cm").invoices().get(0).invoiceNumber());
        assertEquals(List.of("invoices[0].invoiceNumber"), refusal(() -> Claim.open(UUID.randomUUID(), "CNY",
                UUID.randomUUID(), "B", Claim.Cause.INSOLVENCY, List.of(new ClaimedInvoice("n".repeat(101), null, cny("1.00"))),
                DAY, "cm")).violations().stream().map(Violation::field).toList());
    }

    @Test
    void theStateRuleAllowsOnlyItsMoves() {
        assertEquals(EnumSet.of(ClaimState.SUBMITTED, ClaimState.WITHDRAWN), ClaimState.DRAFT.next());
        assertEquals(EnumSet.of(ClaimState.UNDER_REVIEW), ClaimState.SUBMITTED.next());
        assertEquals(EnumSet.of(ClaimState.APPROVED, ClaimState.REJECTED), ClaimState.UNDER_REVIEW.next());
        assertEquals(EnumSet.of(ClaimState.PAID), ClaimState.APPROVED.next());
        assertEquals(EnumSet.noneOf(ClaimState.class), ClaimState.REJECTED.next());
        assertEquals(EnumSet.noneOf(ClaimState.class), ClaimState.PAID.next());
        assertEquals(EnumSet.noneOf(ClaimState.class), ClaimState.WITHDRAWN.next());
        DomainError skip = refusal(() -> draft().moveTo(ClaimState.UNDER_REVIEW));
        assertEquals("claim.illegal-move", skip.code());
        assertEquals(DomainError.Kind.CONFLICT, skip.kind());
        Claim review = draft().moveTo(ClaimState.SUBMITTED).moveTo(ClaimState.UNDER_REVIEW);
        assertEquals("claim.illegal-move", refusal(() -> review.moveTo(ClaimState.APPROVED)).code(), "approval computes");
        assertEquals("claim.illegal-move", refusal(() -> approved().moveTo(ClaimState.PAID)).code(), "payments pay");
        assertEquals("A claim DRAFT may not move to UNDER_REVIEW; it may move to [SUBMITTED, WITHDRAWN]", skip.detail());
        Claim rejected = review.moveTo(ClaimState.REJECTED);
        assertEquals("A claim REJECTED may not move to SUBMITTED (it is final)",
                refusal(() -> rejected.moveTo(ClaimState.SUBMITTED)).detail());
        assertEquals(ClaimState.REJECTED, rejected.state());
        assertEquals("claim.illegal-move", refusal(() -> rejected.moveTo(ClaimState.SUBMITTED)).code());
        assertEquals("claim.illegal-move", refusal(() -> draft().approve(approved().indemnity(), DAY)).code());
    }

    @Test
    void approvalFixesTheIndemnityOfTheWorkedExample() {
        Claim c = approved();
        assertEquals(ClaimState.APPROVED, c.state());
        assertEquals(DAY.plusDays(30), c.approvedOn());
        assertEquals(cny("72000.00"), c.indemnity().indemnity());
        assertEquals(cny("72000.00"), c.indemnityDue());
    }

    /**
     * An annual first loss of 20,000 keeps the whole of a 15,000 claim: indemnity 0. No payment of the insurer will
     * come (a payment needs an amount above 0 and at most what is due), so approval settles it at once: PAID with
     * nothing paid; the tenant bears the 15,000 and a recovery is its own.
     */
    @Test
    void approvalAtAnIndemnityOfZeroSettlesTheClaimAtOnce() {
        Claim c = Claim.open(UUID.randomUUID(), "CNY", UUID.randomUUID(), "Zhejiang Trading", Claim.Cause.INSOLVENCY,
                List.of(new ClaimedInvoice("INV-1", null, cny("15000.00"))), DAY, "cm")
                .moveTo(ClaimState.SUBMITTED).moveTo(ClaimState.UNDER_REVIEW);
        Claim settled = c.approve(Indemnity.of(c.unpaid(), cny("80000.00"),
                new Deductible(Deductible.Kind.ANNUAL_FIRST_LOSS, cny("20000.00")), cny("0.00"), new BigDecimal("90")),
                DAY.plusDays(30));
        assertEquals(ClaimState.PAID, settled.state());
        assertEquals(true, settled.settledAtNothing());
        assertEquals(DAY.plusDays(30), settled.approvedOn());
        assertEquals(cny("0.00"), settled.indemnity().indemnity());
        assertEquals(cny("15000.00"), settled.indemnity().tenantBears());
        assertEquals(cny("0.00"), settled.indemnityPaid());
        assertEquals(cny("0.00"), settled.indemnityDue());
        assertEquals("claim.not-approved", refusal(() -> settled.pay(cny("0.01"))).code());
        assertEquals("claim.not-indemnified", refusal(() -> settled.recover(cny("100.00"), List.of())).code());
        assertEquals(false, approved().settledAtNothing(), "an indemnity to pay waits for the insurer");
        assertEquals(false, approved().pay(cny("72000.00")).settledAtNothing(), "paid by the insurer, not settled at 0");
        assertEquals(false, draft().settledAtNothing());
    }

    @Test
    void partialPaymentsAddUpToPaidAndNeverBeyondTheIndemnity() {
        Claim half = approved().pay(cny("36000.00"));
        assertEquals(ClaimState.APPROVED, half.state());
        assertEquals(cny("36000.00"), half.indemnityDue());
        DomainError over = refusal(() -> half.pay(cny("36000.01")));
        assertEquals("claim.overpaid", over.code());
        assertEquals(DomainError.Kind.CONFLICT, over.kind());
        Claim paid = half.pay(cny("36000.00"));
        assertEquals(ClaimState.PAID, paid.state());
        assertEquals(cny("72000.00"), paid.indemnityPaid());
        assertEquals(cny("0.00"), paid.indemnityDue());
        assertEquals("claim.not-approved", refusal(() -> paid.pay(cny("1.00"))).code());
        assertEquals("claim.not-approved", refusal(() -> draft().pay(cny("1.00"))).code());
        for (Money wrong : Arrays.asList(null, cny("0.00"), cny("-1.00"), Money.of("1.00", "USD"))) {
            DomainError e = refusal(() -> approved().pay(wrong));
            assertEquals("claim.payment-invalid", e.code());
            assertEquals("amount", e.violations().get(0).field());
        }
    }

    @Test
    void aRecoveryAfterIndemnityIsSharedAndRunsOn() {
        Claim paid = approved().pay(cny("72000.00"));
        Claim.Recovery first = paid.recover(cny("10000.00"), List.of());
        assertEquals(cny("7200.00"), first.share().toInsurer());
        assertEquals(cny("2800.00"), first.share().toTenant());
        assertEquals(cny("10000.00"), first.claim().recovered());
        assertEquals(cny("7200.00"), first.claim().recoveredToInsurer());
        assertEquals(ClaimState.PAID, first.claim().state());
        Claim.Recovery second = first.claim().recover(cny("5000.00"), List.of());
        assertEquals(cny("3600.00"), second.share().toInsurer());
        assertEquals(cny("15000.00"), second.claim().recovered());
        assertEquals(cny("10800.00"), second.claim().recoveredToInsurer());
        assertEquals("claim.not-indemnified", refusal(() -> approved().recover(cny("1.00"), List.of())).code());
        assertEquals("claim.recovery-invalid", refusal(() -> paid.recover(cny("0.00"), List.of())).code());
        assertEquals("claim.recovery-invalid", refusal(() -> paid.recover(null, List.of())).code());
        assertEquals("claim.recovery-invalid", refusal(() -> paid.recover(Money.of("1.00", "EUR"), List.of())).code());
        // a partly paid claim shares in proportion to what was paid
        assertEquals(cny("3600.00"), approved().pay(cny("36000.00")).recover(cny("10000.00"), List.of()).share().toInsurer());
    }

    /**
     * DOMAIN §4 shares a recovery as the loss was borne. Approved at 72,000 on 100,000, 36,000 paid: a recovery of 10,000
     * gives the insurer 3,600 (what it has borne so far); when the other 36,000 comes, the 10,000 is shared again at the
     * 72 % now borne: 3,600 more to the insurer, 7,200 / 2,800 as on a paid claim (it stayed 3,600 / 6,400 for good). A
     * later recovery is then shared as on any paid claim.
     */
    @Test
    void aRecoveryWhileTheClaimIsPartlyPaidIsSharedAgainAsTheInsurerPaysTheRest() {
        Claim half = approved().pay(cny("36000.00"));
        assertTrue(half.reshared().isEmpty(), "nothing recovered, nothing to share again");
        Claim.Recovery early = half.recover(cny("10000.00"), List.of());
        assertEquals(cny("3600.00"), early.share().toInsurer());
        assertEquals(cny("6400.00"), early.share().toTenant());
        Claim quarter = early.claim().pay(cny("18000.00"));
        RecoveryShare step = quarter.reshared().orElseThrow().share();
        assertEquals(cny("0.00"), step.recovery());
        assertEquals(cny("1800.00"), step.toInsurer());
        assertEquals(cny("-1800.00"), step.toTenant());
        Claim paid = quarter.reshared().orElseThrow().claim().pay(cny("18000.00"));
        Claim.Recovery again = paid.reshared().orElseThrow();
        assertEquals(cny("1800.00"), again.share().toInsurer());
        assertEquals(cny("-1800.00"), again.share().toTenant());
        assertEquals(cny("10000.00"), again.claim().recovered());
        assertEquals(cny("7200.00"), again.claim().recoveredToInsurer());
        assertEquals(ClaimState.PAID, again.claim().state());
        assertTrue(again.claim().reshared().isEmpty(), "shared as borne: nothing changes");
        assertEquals(cny("3600.00"), again.claim().recover(cny("5000.00"), List.of()).share().toInsurer());
        // paid at once in full, nothing recovered before: nothing to share again
        assertTrue(approved().pay(cny("72000.00")).reshared().isEmpty());
    }

    static OpenInvoice inLedger(UUID id, String number, String open) {
        return new OpenInvoice(id, BUYER, number, DAY.minusDays(200), DAY.minusDays(140), cny("60000.00"),
                cny(open));
    }

    /**
     * DOMAIN §4's INV-1 60,000 (by hand, number only) and INV-2 40,000 (by id); the buyer paid 30,000 of INV-1 before the
     * claim. Claimed at 60,000 + 40,000 the loss was 100,000 and the indemnity 72,000, where a claim opened before the
     * payment follows the ledger to 70,000 and 63,000: refused naming invoices[0].unpaidAmount. 30,000 + 40,000 is taken,
     * and so is less than is open (a part) or an invoice the ledger does not know. INV-2's id with a number the ledger
     * knows under another id is refused by its number (aClaimByHandNamesNoNumberTheLedgerKnowsUnderAnotherId), not
     * measured against that other invoice's 100.00 open.
     */
    @Test
    void aClaimByHandAsksOfNoInvoiceMoreThanTheLedgerHasOpen() {
        Claim c = draft();
        UUID inv2 = c.invoices().get(1).invoiceId();
        List<OpenInvoice> ledger = List.of(inLedger(UUID.randomUUID(), "INV-1", "30000.00"), inLedger(inv2, "INV-2",
                "40000.00"));
        DomainError e = refusal(() -> c.withinLedger(ledger));
        assertEquals("claim.invalid", e.code());
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of(new Violation("invoices[0].unpaidAmount", "is more than the 30000.00 CNY open of INV-1 in"
                + " the ledger: a claim asks for what is unpaid")), e.violations());
        DomainError both = refusal(() -> c.withinLedger(List.of(inLedger(UUID.randomUUID(), "INV-1", "0.00"),
                inLedger(inv2, "INV-2", "39999.99"))));
        assertEquals(List.of("invoices[0].unpaidAmount", "invoices[1].unpaidAmount"),
                both.violations().stream().map(Violation::field).toList());
        Claim within = Claim.open(c.policyId(), "CNY", c.buyerId(), "Zhejiang Trading", Claim.Cause.INSOLVENCY,
                List.of(new ClaimedInvoice("INV-1", null, cny("30000.00")), new ClaimedInvoice("INV-2", inv2,
                        cny("40000.00"))), DAY, "cm");
        assertSame(within, within.withinLedger(ledger));
        assertEquals(cny("70000.00"), within.unpaid());
        assertSame(c, c.withinLedger(List.of()));
        assertEquals(List.of("invoices[1].invoiceNumber"), refusal(() -> c.withinLedger(List.of(inLedger(UUID.randomUUID(),
                "INV-2", "100.00"), inLedger(UUID.randomUUID(), "INV-9", "0.00"), inLedger(UUID.randomUUID(), "INV-1",
                "60000.00")))).violations().stream().map(Violation::field).toList());
        assertSame(c, c.withinLedger(List.of(new OpenInvoice(UUID.randomUUID(), c.buyerId(), "INV-1", DAY, DAY,
                Money.of("100.00", "USD"), Money.of("100.00", "USD")))));
    }

    /**
     * INV-2's id claimed as "INV-7": the dossier showed INV-7, and the tenant-wide check by number took the buyer's real
     * INV-7 as held. Refused naming invoices[1].invoiceNumber with the ledger's number; with an amount above what is open
     * both fields are named. The same id under its own number, a number only, or an id the ledger does not know is taken.
     */
    @Test
    void aClaimByHandNamesAnInvoiceTheLedgerKnowsByItsLedgerNumber() {
        UUID inv2 = UUID.randomUUID();
        List<OpenInvoice> ledger = List.of(inLedger(UUID.randomUUID(), "INV-1", "60000.00"), inLedger(inv2, "INV-2",
                "40000.00"), inLedger(UUID.randomUUID(), "INV-7", "5000.00"));
        Claim misnamed = byHand(new ClaimedInvoice("INV-1", null, cny("60000.00")),
                new ClaimedInvoice("INV-7", inv2, cny("40000.00")));
        DomainError e = refusal(() -> misnamed.withinLedger(ledger));
        assertEquals("claim.invalid", e.code());
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of(new Violation("invoices[1].invoiceNumber", "is not the number of invoice " + inv2
                + ": the ledger knows it as INV-2")), e.violations());
        DomainError both = refusal(() -> byHand(new ClaimedInvoice("INV-7", inv2, cny("40000.01"))).withinLedger(ledger));
        assertEquals(List.of("invoices[0].invoiceNumber", "invoices[0].unpaidAmount"),
                both.violations().stream().map(Violation::field).toList());
        Claim named = byHand(new ClaimedInvoice("INV-7", null, cny("5000.00")), new ClaimedInvoice("INV-2", inv2,
                cny("40000.00")), new ClaimedInvoice("INV-9", UUID.randomUUID(), cny("100.00")));
        assertSame(named, named.withinLedger(ledger));
    }

    /**
     * Buyer A's claim by hand naming by id buyer B's INV-B1 30,000 (as "INV-3") was taken, and since a claim follows the
     * ledger by invoice id, B's payment of INV-B1 took A's claim down to 0. Refused naming invoices[1].invoiceId alone
     * (not its number nor amount, measured against B's invoice); A's own INV-2 by id and INV-1 by number are taken, and a
     * number-only line is matched among A's invoices only (B's INV-1 of 10.00 does not cap A's 60,000).
     */
    @Test
    void aClaimByHandNamesNoInvoiceOfAnotherBuyerById() {
        UUID inv2 = UUID.randomUUID();
        UUID invB1 = UUID.randomUUID();
        UUID buyerB = UUID.randomUUID();
        List<OpenInvoice> ledger = List.of(new OpenInvoice(UUID.randomUUID(), buyerB, "INV-1", DAY, DAY, cny("10.00"),
                cny("10.00")), inLedger(UUID.randomUUID(), "INV-1", "60000.00"), inLedger(inv2, "INV-2", "40000.00"),
                new OpenInvoice(invB1, buyerB, "INV-B1", DAY, DAY, cny("30000.00"), cny("10.00")));
        Claim other = byHand(new ClaimedInvoice("INV-2", inv2, cny("40000.00")),
                new ClaimedInvoice("INV-3", invB1, cny("30000.00")));
        DomainError e = refusal(() -> other.withinLedger(ledger));
        assertEquals("claim.invalid", e.code());
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of(new Violation("invoices[1].invoiceId", "is an invoice of another buyer in the ledger: a"
                + " claim names only invoices of its buyer " + BUYER)), e.violations());
        Claim own = byHand(new ClaimedInvoice("INV-1", null, cny("60000.00")), new ClaimedInvoice("INV-2", inv2,
                cny("40000.00")));
        assertSame(own, own.withinLedger(ledger));
    }

    /**
     * Buyer A's claim by hand naming buyer B's INV-B1 (30,000, 10.00 open) by number only, without id, was taken as an
     * invoice the ledger does not know, and the tenant-wide check by number then took INV-B1 as held: B's own claim of it
     * was 409. Invoice numbers are unique per tenant, so "INV-B1" is B's invoice: refused naming invoices[1].invoiceNumber
     * alone (not its amount, measured against B's); A's INV-2 by id, INV-1 by number and INV-9, a number the ledger does
     * not know, are taken.
     */
    @Test
    void aClaimByHandNamesNoInvoiceOfAnotherBuyerByNumber() {
        UUID inv2 = UUID.randomUUID();
        UUID buyerB = UUID.randomUUID();
        List<OpenInvoice> ledger = List.of(new OpenInvoice(UUID.randomUUID(), buyerB, "INV-B1", DAY, DAY,
                cny("30000.00"), cny("10.00")), inLedger(UUID.randomUUID(), "INV-1", "60000.00"), inLedger(inv2, "INV-2",
                "40000.00"));
        Claim other = byHand(new ClaimedInvoice("INV-2", inv2, cny("40000.00")),
                new ClaimedInvoice("INV-B1", null, cny("30000.00")), new ClaimedInvoice("INV-1", null, cny("60000.00")));
        DomainError e = refusal(() -> other.withinLedger(ledger));
        assertEquals("claim.invalid", e.code());
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of(new Violation("invoices[1].invoiceNumber", "is the number of an invoice of another buyer in"
                + " the ledger: a claim names only invoices of its buyer " + BUYER)), e.violations());
        Claim own = byHand(new ClaimedInvoice("INV-1", null, cny("60000.00")), new ClaimedInvoice("INV-2", inv2,
                cny("40000.00")), new ClaimedInvoice("INV-9", null, cny("5000.00")));
        assertSame(own, own.withinLedger(ledger));
    }

    /**
     * INV-1 (60,000, 30,000 of it paid) claimed with an id the ledger does not know as "INV-1" at 60,000 was taken as
     * given: the claim asked for what was paid (72,000 approved instead of 63,000) and followed no payment of INV-1. A
     * line is the invoice of its id, so a number the ledger knows under another id is refused, naming
     * invoices[0].invoiceNumber, as is buyer B's INV-B1 under a made-up id (invoices[2]); INV-1 under its own id at
     * 30,000 and INV-9, a number the ledger does not know, under any id are taken.
     */
    @Test
    void aClaimByHandNamesNoNumberTheLedgerKnowsUnderAnotherId() {
        UUID inv1 = UUID.randomUUID();
        UUID inv2 = UUID.randomUUID();
        UUID invB1 = UUID.randomUUID();
        UUID madeUp = UUID.randomUUID();
        UUID madeUpB = UUID.randomUUID();
        List<OpenInvoice> ledger = List.of(inLedger(inv1, "INV-1", "30000.00"), inLedger(inv2, "INV-2", "40000.00"),
                new OpenInvoice(invB1, UUID.randomUUID(), "INV-B1", DAY, DAY, cny("30000.00"), cny("30000.00")));
        Claim madeUpIds = byHand(new ClaimedInvoice("INV-1", madeUp, cny("60000.00")),
                new ClaimedInvoice("INV-2", inv2, cny("40000.00")), new ClaimedInvoice("INV-B1", madeUpB, cny("30000.00")));
        DomainError e = refusal(() -> madeUpIds.withinLedger(ledger));
        assertEquals("claim.invalid", e.code());
        assertEquals(List.of(new Violation("invoices[0].invoiceNumber", "is the number of invoice " + inv1 + " in the"
                + " ledger, not of invoice " + madeUp + ": a line names an invoice by the id and number the ledger knows"
                + " it under"), new Violation("invoices[2].invoiceNumber", "is the number of invoice " + invB1 + " in the"
                + " ledger, not of invoice " + madeUpB + ": a line names an invoice by the id and number the ledger"
                + " knows it under")), e.violations());
        Claim own = byHand(new ClaimedInvoice("INV-1", inv1, cny("30000.00")), new ClaimedInvoice("INV-2", inv2,
                cny("40000.00")), new ClaimedInvoice("INV-9", UUID.randomUUID(), cny("5000.00")));
        assertSame(own, own.withinLedger(ledger));
    }

    /**
     * invoice-service issues an invoice under its number stripped of surrounding blanks, so the ledger knows buyer B's
     * " INV-B1 " as "INV-B1". Buyer A's claim by hand of " INV-B1" (30,000, no id) was kept as sent, compared exactly with
     * the ledger's "INV-B1" and taken as an invoice the ledger does not know (opened, 201); so was "INV-1 " under a
     * made-up id, and "\tINV-2 " beside another claim holding INV-2. Now each number is kept stripped: the three are
     * refused as "INV-B1", "INV-1" and "INV-2" are (invoices[0] and [1].invoiceNumber 400, invoices[2] 409), and the
     * claim records "INV-B1", "INV-1", "INV-2".
     */
    @Test
    void aClaimByHandKeepsEachInvoiceNumberAsTheLedgerKnowsIt() {
        UUID inv1 = UUID.randomUUID();
        UUID invB1 = UUID.randomUUID();
        UUID madeUp = UUID.randomUUID();
        List<OpenInvoice> ledger = List.of(inLedger(inv1, "INV-1", "60000.00"), new OpenInvoice(invB1, UUID.randomUUID(),
                "INV-B1", DAY, DAY, cny("30000.00"), cny("30000.00")));
        Claim blanks = byHand(new ClaimedInvoice(" INV-B1", null, cny("30000.00")), new ClaimedInvoice("INV-1 ", madeUp,
                cny("60000.00")), new ClaimedInvoice("\tINV-2 ", null, cny("40000.00")));
        assertEquals(List.of("INV-B1", "INV-1", "INV-2"), blanks.invoices().stream().map(ClaimedInvoice::invoiceNumber)
                .toList());
        assertEquals(List.of(madeUp), blanks.invoices().stream().map(ClaimedInvoice::invoiceId).filter(i -> i != null)
                .toList());
        assertEquals(cny("130000.00"), blanks.unpaid());
        DomainError e = refusal(() -> blanks.withinLedger(ledger));
        assertEquals(List.of(new Violation("invoices[0].invoiceNumber", "is the number of an invoice of another buyer in"
                + " the ledger: a claim names only invoices of its buyer " + BUYER), new Violation("invoices[1].invoiceNumber",
                "is the number of invoice " + inv1 + " in the ledger, not of invoice " + madeUp + ": a line names an"
                + " invoice by the id and number the ledger knows it under")), e.violations());
        DomainError held = refusal(() -> blanks.claimingNothingHeld(new ProtractedDefault.Held(false, Set.of(),
                Set.of("INV-2"))));
        assertEquals("claim.invoice-held", held.code());
        assertEquals(List.of(new Violation("invoices[2]", "INV-2 is held by another claim of the tenant, open or paid by"
                + " the insurer")), held.violations());
        assertEquals(List.of("invoices[1].invoiceNumber"), refusal(() -> byHand(new ClaimedInvoice("INV-1", null,
                cny("10.00")), new ClaimedInvoice(" INV-1 ", null, cny("10.00")))).violations().stream()
                .map(Violation::field).toList());
    }

    static Claim byHand(ClaimedInvoice... invoices) {
        return Claim.open(UUID.randomUUID(), "CNY", BUYER, "Zhejiang Trading", Claim.Cause.INSOLVENCY,
                List.of(invoices), DAY, "cm");
    }

    /**
     * The claim of INV-1 (by hand, number only) and INV-2 (by id), paid 72,000. While the ledger has 30,000 of INV-2
     * open, the buyer's money on it reaches the claim from the ledger: 10,000 entered by hand too would be counted twice,
     * refused naming amount. INV-1 written off (nothing open), another invoice of the buyer open, an INV-2 the ledger
     * knows under another id: none is the claim's open invoice, and the 10,000 is shared, 7,200 / 2,800.
     */
    @Test
    void aRecoveryByHandIsRefusedWhileTheLedgerStillHasAClaimedInvoiceOpen() {
        Claim paid = approved().pay(cny("72000.00"));
        UUID inv2 = paid.invoices().get(1).invoiceId();
        List<OpenInvoice> open = paid.openIn(List.of(inLedger(UUID.randomUUID(), "INV-1", "0.00"), inLedger(inv2, "INV-2",
                "30000.00"), inLedger(UUID.randomUUID(), "INV-7", "5000.00"), inLedger(UUID.randomUUID(), "INV-2", "100.00")));
        assertEquals(List.of("INV-2 30000.00"), open.stream().map(i -> i.invoiceNumber() + " " + i.openAmount().amountText())
                .toList());
        DomainError e = refusal(() -> paid.recover(cny("10000.00"), open));
        assertEquals("claim.recovery-through-ledger", e.code());
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals(List.of("amount"), e.violations().stream().map(Violation::field).toList());
        assertEquals(true, e.getMessage().contains("INV-2 (30000.00 CNY open)"), e.getMessage());
        assertEquals("claim.not-indemnified", refusal(() -> approved().recover(cny("1.00"), open)).code(),
                "nothing to share comes first");

        List<OpenInvoice> closed = paid.openIn(List.of(inLedger(UUID.randomUUID(), "INV-1", "0.00"),
                inLedger(inv2, "INV-2", "0.00"), inLedger(UUID.randomUUID(), "INV-7", "5000.00")));
        assertEquals(List.of(), closed);
        assertEquals(cny("7200.00"), paid.recover(cny("10000.00"), closed).share().toInsurer());
        assertEquals(List.of("INV-1"), paid.openIn(List.of(inLedger(UUID.randomUUID(), "INV-1", "0.01"))).stream()
                .map(OpenInvoice::invoiceNumber).toList(), "a line claimed by number is matched by number");
    }

    @Test
    void aMoveIsLoggedWithWhoAndWhen() {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-09-01T10:00:00Z");
        ClaimEntry e = ClaimEntry.move(ClaimState.DRAFT, ClaimState.SUBMITTED, DAY, at, "cm", "sent by courier");
        assertEquals(new ClaimEntry(ClaimEntry.Kind.MOVE, ClaimState.DRAFT, ClaimState.SUBMITTED, null, null, null, DAY, at, "cm",
                "sent by courier"), e);
    }
}
