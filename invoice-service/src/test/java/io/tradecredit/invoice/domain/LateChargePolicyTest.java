package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.tradecredit.common.money.Money;

class LateChargePolicyTest {
    static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    static final LateChargePolicy DEFAULT = LateChargePolicy.DEFAULT;

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** A ledger entry reducing (positive) or raising (negative) what is owed from {@code on}. */
    static LedgerEntry entry(LedgerEntry.Kind kind, String amount, LocalDate on) {
        return new LedgerEntry(UUID.randomUUID(), "acme", UUID.randomUUID(), UUID.randomUUID(), kind, cny(amount), on,
                null, null, OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC), "tester");
    }

    @Test
    void tenDaysOn10000IsFiftyInterestAndNoFee() {
        LateCharges c = DEFAULT.chargesOn(cny("10000.00"), 10);
        assertEquals(cny("50.00"), c.interest());
        assertEquals(cny("0.00"), c.fee());
    }

    @Test
    void thirtyDaysOn10000Is150InterestAnd300Fee() {
        LateCharges c = DEFAULT.chargesOn(cny("10000.00"), 30);
        assertEquals(cny("150.00"), c.interest());
        assertEquals(cny("300.00"), c.fee());
        assertEquals(cny("450.00"), c.total());
    }

    @Test
    void twentyNineDaysHaveNoFeeYet() {
        assertEquals(cny("0.00"), DEFAULT.chargesOn(cny("10000.00"), 29).fee());
    }

    @Test
    void paymentOf4000OnDay10Of20LowersTheBaseFromThatDay() {
        // 10,000 x 10 days x 0.0005 = 50.00, then 6,000 x 10 days x 0.0005 = 30.00
        var balance = new BalanceHistory(cny("10000.00"), cny("0.00"),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "4000.00", DUE.plusDays(10))));
        LateCharges c = DEFAULT.chargesOn(balance, DUE, DUE.plusDays(20));
        assertEquals(cny("80.00"), c.interest());
        assertEquals(cny("0.00"), c.fee());
    }

    @Test
    void feeIsOnTheBalanceLeftWhenThirtyDaysAreReached() {
        // interest 10,000 x 10 x 0.0005 = 50.00 + 6,000 x 20 x 0.0005 = 60.00; fee 3% of 6,000 = 180.00
        var balance = new BalanceHistory(cny("10000.00"), cny("0.00"),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "4000.00", DUE.plusDays(10))));
        LateCharges c = DEFAULT.chargesOn(balance, DUE, DUE.plusDays(30));
        assertEquals(cny("110.00"), c.interest());
        assertEquals(cny("180.00"), c.fee());
    }

    @Test
    void paymentReversedLaterRaisesTheBaseAgain() {
        // days 1-5 on 10,000 = 25.00; days 6-10 on 6,000 = 15.00; days 11-20 on 10,000 = 50.00
        var balance = new BalanceHistory(cny("10000.00"), cny("0.00"),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "4000.00", DUE.plusDays(5)),
                        entry(LedgerEntry.Kind.PAYMENT_REVERSAL, "-4000.00", DUE.plusDays(10))));
        assertEquals(cny("90.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(20)).interest());
    }

    @Test
    void paymentInFullOnTheDueDateCostsNothing() {
        var balance = new BalanceHistory(cny("10000.00"), cny("0.00"),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "10000.00", DUE)));
        assertEquals(LateCharges.zero(cny("0").currency()), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(40)));
    }

    @Test
    void disputedPartIsNotCharged() {
        // 10,000 of which 2,000 disputed: 8,000 x 10 x 0.0005 = 40.00
        var balance = new BalanceHistory(cny("10000.00"), cny("2000.00"), List.of());
        assertEquals(cny("40.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(10)).interest());
    }

    @Test
    void nothingIsChargedBeforeOrOnTheDueDate() {
        var balance = BalanceHistory.constant(cny("10000.00"));
        assertEquals(cny("0.00"), DEFAULT.chargesOn(balance, DUE, DUE).total());
        assertEquals(cny("0.00"), DEFAULT.chargesOn(balance, DUE, DUE.minusDays(3)).total());
    }

    @Test
    void interestIsSummedExactlyAndRoundedOnceHalfUp() {
        // 333.33 x 3 x 0.0005 = 0.499995 -> 0.50 (rounding each day, 0.17 x 3, would give 0.51)
        assertEquals(cny("0.50"), DEFAULT.chargesOn(cny("333.33"), 3).interest());
        // 10.00 x 1 x 0.0005 = 0.005 -> 0.01 (HALF_UP, not HALF_EVEN)
        assertEquals(cny("0.01"), DEFAULT.chargesOn(cny("10.00"), 1).interest());
    }

    @Test
    void yenHasNoDecimals() {
        // 12,345 JPY x 10 x 0.0005 = 61.725 -> 62
        assertEquals(Money.of("62", "JPY"), DEFAULT.chargesOn(Money.of("12345", "JPY"), 10).interest());
    }

    @Test
    void buyerTermsApply() {
        var keyCustomer = new LateChargePolicy(new BigDecimal("0.0002"), 60, new BigDecimal("0.01"));
        // 10,000 x 60 x 0.0002 = 120.00; fee 1% = 100.00
        LateCharges c = keyCustomer.chargesOn(cny("10000.00"), 60);
        assertEquals(cny("120.00"), c.interest());
        assertEquals(cny("100.00"), c.fee());
    }

    @Test
    void disputedAmountIsFreeOfInterestOnlyWhileTheDisputeRuns() {
        // 10,000 due June 1; 2,000 disputed from June 11 until June 21 (rejected); asOf June 21 (20 DPD).
        // Day k is charged on the balance at the end of day k-1, i.e. on June 1..20:
        // June 1-10 on 10,000 and June 11-20 on 8,000 = (100,000 + 80,000) x 0.0005 = 90.00
        var due = java.time.LocalDate.of(2026, 6, 1);
        var dispute = new BalanceHistory.DisputePeriod(null, new java.math.BigDecimal("2000.00"), due.plusDays(10),
                due.plusDays(20));
        var balance = new BalanceHistory(cny("10000.00"), List.of(dispute), List.of());
        assertEquals(cny("2000.00"), balance.disputedOn(due.plusDays(15)));
        assertEquals(cny("0.00"), balance.disputedOn(due.plusDays(20)));
        assertEquals(cny("90.00"), LateChargePolicy.DEFAULT.chargesOn(balance, due, due.plusDays(20)).interest());
    }

    @Test
    void noChargesAccrueWhileAPaymentPlanIsKept() {
        // 10,000 due June 1; a plan agreed June 11 and broken July 21; asOf July 31 (60 DPD).
        // Charged: June 1-10 (10 days) and July 21-30 (10 days) on 10,000 = 200,000 x 0.0005 = 100.00.
        // The fee's day (July 1, 30 DPD) fell under the kept plan: the fee waits for the break (July 21, 50 DPD)
        // and is then charged once on the 10,000 chargeable: 300.00.
        var due = LocalDate.of(2026, 6, 1);
        var plan = new BalanceHistory.PlanPeriod(null, due.plusDays(10), due.plusDays(50));
        var balance = new BalanceHistory(cny("10000.00"), List.of(), List.of(), List.of(plan));
        LateCharges c = DEFAULT.chargesOn(balance, due, due.plusDays(60));
        assertEquals(cny("100.00"), c.interest());
        assertEquals(cny("300.00"), c.fee());
        assertEquals(cny("0.00"), DEFAULT.chargesOn(balance, due, due.plusDays(49)).fee());
        assertEquals(cny("300.00"), DEFAULT.chargesOn(balance, due, due.plusDays(50)).fee());
        assertEquals(cny("0.00"), balance.chargeableOn(due.plusDays(10)));
        assertEquals(cny("10000.00"), balance.chargeableOn(due.plusDays(9)));
        assertEquals(cny("10000.00"), balance.chargeableOn(due.plusDays(50)));
        assertEquals(cny("10000.00"), balance.collectibleOn(due.plusDays(20))); // still owed, only not charged
        // a plan still running covers every later day
        var running = new BalanceHistory(cny("10000.00"), List.of(), List.of(),
                List.of(new BalanceHistory.PlanPeriod(null, due.plusDays(10), null)));
        assertEquals(cny("50.00"), DEFAULT.chargesOn(running, due, due.plusDays(400)).interest());
    }

    @Test
    void whatACreditNoteTakesBackWasNeverOwedSoItIsChargedOnNoDay() {
        // 10,000 due Dec 1, unpaid; 4,000 credited on day 45 (goods returned): the buyer owed 6,000 throughout, so on
        // day 60 interest is 60 x 3.00 = 180.00 and the fee 3% of 6,000 = 180.00 (it was 45 x 5.00 + 15 x 3.00 =
        // 270.00 and 300.00 on the 10,000 of day 30)
        var balance = new BalanceHistory(cny("10000.00"), cny("0.00"),
                List.of(entry(LedgerEntry.Kind.CREDIT_NOTE, "4000.00", DUE.plusDays(45))));
        LateCharges c = DEFAULT.chargesOn(balance, DUE, DUE.plusDays(60));
        assertEquals(cny("180.00"), c.interest());
        assertEquals(cny("180.00"), c.fee());
        assertEquals(cny("6000.00"), balance.owedOn(DUE.plusDays(30)));
        assertEquals(cny("10000.00"), balance.openOn(DUE.plusDays(30))); // the ledger still shows it open until the note
        // as of day 40, before the note is issued, the figures are those of 10,000 (nothing credited yet)
        var beforeTheNote = new BalanceHistory(cny("10000.00"), cny("0.00"), List.of());
        assertEquals(cny("200.00"), DEFAULT.chargesOn(beforeTheNote, DUE, DUE.plusDays(40)).interest());
        // a payment is not a credit note: 4,000 paid on day 45 was owed until then (270.00 and 300.00)
        var paid = new BalanceHistory(cny("10000.00"), cny("0.00"),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "4000.00", DUE.plusDays(45))));
        assertEquals(new LateCharges(cny("270.00"), cny("300.00")), DEFAULT.chargesOn(paid, DUE, DUE.plusDays(60)));
    }

    @Test
    void anUpheldPartOfADisputeWasNeverOwedBeforeTheDisputeEither() {
        // 10,000 due Dec 1, 4,000 disputed on day 25, upheld on day 40 (its credit note then): 6,000 owed
        // throughout, 60 x 3.00 = 180.00 interest on day 60 (not 25 x 5.00 + 35 x 3.00 = 230.00) and 180.00 fee
        var dispute = new BalanceHistory.DisputePeriod(null, new BigDecimal("4000.00"), DUE.plusDays(25), DUE.plusDays(40),
                new BigDecimal("4000.00"));
        var balance = new BalanceHistory(cny("10000.00"), List.of(dispute),
                List.of(entry(LedgerEntry.Kind.CREDIT_NOTE, "4000.00", DUE.plusDays(40))));
        assertEquals(new LateCharges(cny("180.00"), cny("180.00")), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(60)));
        // partly upheld for 1,000: the 3,000 left was frozen from day 25 to day 40 and owed before and after;
        // 9,000 owed until day 25 (25 x 4.50), 6,000 while disputed (15 x 3.00), 9,000 after (20 x 4.50) = 247.50;
        // the fee 3% of 6,000 on day 30 + 3% of the 3,000 released on day 40 = 270.00
        var partly = new BalanceHistory(cny("10000.00"), List.of(new BalanceHistory.DisputePeriod(null,
                new BigDecimal("4000.00"), DUE.plusDays(25), DUE.plusDays(40), new BigDecimal("1000.00"))),
                List.of(entry(LedgerEntry.Kind.CREDIT_NOTE, "1000.00", DUE.plusDays(40))));
        assertEquals(new LateCharges(cny("247.50"), cny("270.00")), DEFAULT.chargesOn(partly, DUE, DUE.plusDays(60)));
    }

    @Test
    void whatADisputeReleasesBesideAKeptPlanIsOverdueAndCharged() {
        // 10,000 due Dec 1; 4,000 disputed on day 10; a plan over the 6,000 collectible agreed on day 20, kept; the
        // dispute rejected on day 40: the 4,000 is owed outside the plan, overdue since Dec 1, so it accrues from day
        // 40 and takes its fee then: interest 10 x 5.00 + 10 x 3.00 + 20 x 2.00 = 120.00 on day 60, fee 3% of 4,000
        // = 120.00 from day 40 (it accrued nothing and no fee until the plan ended)
        var dispute = new BalanceHistory.DisputePeriod(null, new BigDecimal("4000.00"), DUE.plusDays(10), DUE.plusDays(40));
        var plan = new BalanceHistory.PlanPeriod(null, DUE.plusDays(20), null);
        var balance = new BalanceHistory(cny("10000.00"), List.of(dispute), List.of(), List.of(plan));
        assertEquals(cny("0.00"), balance.chargeableOn(DUE.plusDays(39)));
        assertEquals(cny("4000.00"), balance.chargeableOn(DUE.plusDays(40)));
        assertEquals(new LateCharges(cny("80.00"), cny("0.00")), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(39)));
        assertEquals(new LateCharges(cny("80.00"), cny("120.00")), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(40)));
        assertEquals(new LateCharges(cny("120.00"), cny("120.00")), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(60)));
        // the plan's instalments count towards the plan: 3,000 paid on day 45 leaves the 4,000 outside it charged
        var instalmentPaid = new BalanceHistory(cny("10000.00"), List.of(dispute),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "3000.00", DUE.plusDays(45))), List.of(plan));
        assertEquals(cny("4000.00"), instalmentPaid.chargeableOn(DUE.plusDays(50)));
        // what is left is at most what is collectible: 8,000 paid leaves 2,000 charged
        var mostPaid = new BalanceHistory(cny("10000.00"), List.of(dispute),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "8000.00", DUE.plusDays(45))), List.of(plan));
        assertEquals(cny("2000.00"), mostPaid.chargeableOn(DUE.plusDays(50)));
        // partly upheld for 1,000 (its credit note on day 40): the 3,000 released is charged
        var partly = new BalanceHistory(cny("10000.00"), List.of(new BalanceHistory.DisputePeriod(null,
                new BigDecimal("4000.00"), DUE.plusDays(10), DUE.plusDays(40), new BigDecimal("1000.00"))),
                List.of(entry(LedgerEntry.Kind.CREDIT_NOTE, "1000.00", DUE.plusDays(40))), List.of(plan));
        assertEquals(cny("3000.00"), partly.chargeableOn(DUE.plusDays(40)));
        // the plan agreed on the day the dispute is rejected, after the fee day (day 30: 180.00 on the 6,000): the
        // 4,000 is charged from day 40 beside the plan, interest 10 x 5.00 + 30 x 3.00 + 20 x 2.00 = 180.00, and its
        // fee is added then, 300.00 (the plan does not take the fee charged on day 30 back either)
        var lateDispute = new BalanceHistory.DisputePeriod(null, new BigDecimal("4000.00"), DUE.plusDays(10),
                DUE.plusDays(40));
        var planOnTheDay = new BalanceHistory(cny("10000.00"), List.of(lateDispute), List.of(),
                List.of(new BalanceHistory.PlanPeriod(null, DUE.plusDays(40), null)));
        assertEquals(new LateCharges(cny("180.00"), cny("300.00")), DEFAULT.chargesOn(planOnTheDay, DUE, DUE.plusDays(60)));
        // a dispute raised under the plan over its part and rejected: the part is the plan's again, not charged
        var underThePlan = new BalanceHistory(cny("10000.00"),
                List.of(new BalanceHistory.DisputePeriod(null, new BigDecimal("2000.00"), DUE.plusDays(25), DUE.plusDays(35))),
                List.of(), List.of(plan));
        assertEquals(cny("0.00"), underThePlan.chargeableOn(DUE.plusDays(40)));
    }

    @Test
    void aFeeDisputedAwayOnItsDayIsChargedOnceWhenTheDisputeIsRejected() {
        // 10,000 due Dec 1, disputed in full on day 25, rejected on day 40: nothing collectible on day 30, so no
        // fee until day 40; from then 3% of 10,000 = 300.00, once (still 300.00 on day 90, not 600.00)
        var dispute = new BalanceHistory.DisputePeriod(null, new BigDecimal("10000.00"), DUE.plusDays(25), DUE.plusDays(40));
        var balance = new BalanceHistory(cny("10000.00"), List.of(dispute), List.of());
        assertEquals(cny("0.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(30)).fee());
        assertEquals(cny("0.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(39)).fee());
        assertEquals(cny("300.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(40)).fee());
        assertEquals(cny("300.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(90)).fee());
    }

    @Test
    void aFeeDisputedAwayOnItsDayIsChargedOnWhatIsLeftWhenTheDisputeIsPartlyUpheld() {
        // as above, upheld for 4,000 on day 40 (its credit note effective then): 3% of the 6,000 left = 180.00,
        // never on the upheld part
        var dispute = new BalanceHistory.DisputePeriod(null, new BigDecimal("10000.00"), DUE.plusDays(25), DUE.plusDays(40));
        var note = entry(LedgerEntry.Kind.CREDIT_NOTE, "4000.00", DUE.plusDays(40));
        var balance = new BalanceHistory(cny("10000.00"), List.of(dispute), List.of(note));
        assertEquals(cny("0.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(39)).fee());
        assertEquals(cny("180.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(40)).fee());
        assertEquals(cny("180.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(60)).fee());
        // upheld in full: nothing ever collectible again, no fee
        var upheld = new BalanceHistory(cny("10000.00"), List.of(dispute),
                List.of(entry(LedgerEntry.Kind.CREDIT_NOTE, "10000.00", DUE.plusDays(40))));
        assertEquals(cny("0.00"), DEFAULT.chargesOn(upheld, DUE, DUE.plusDays(60)).fee());
    }

    @Test
    void aFeeOnAPartDisputedOnItsDayIsRaisedWhenTheDisputeIsRejectedToWhatItWouldHaveBeen() {
        // 10,000 due Dec 1, 9,999 disputed on day 25, rejected on day 40: on day 30 only 1 is collectible, 3% of it
        // = 0.03; from day 40 the 9,999 was owed after all: 3% of 10,000 = 300.00, once (still 300.00 on day 90)
        var dispute = new BalanceHistory.DisputePeriod(null, new BigDecimal("9999.00"), DUE.plusDays(25), DUE.plusDays(40));
        var balance = new BalanceHistory(cny("10000.00"), List.of(dispute), List.of());
        assertEquals(cny("0.03"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(30)).fee());
        assertEquals(cny("0.03"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(39)).fee());
        assertEquals(cny("300.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(40)).fee());
        assertEquals(cny("300.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(90)).fee());
        // partly upheld for 4,000 on day 40: 3% of the 1 and the 5,999 released = 180.00, never on the upheld part
        var upheld = new BalanceHistory(cny("10000.00"), List.of(dispute),
                List.of(entry(LedgerEntry.Kind.CREDIT_NOTE, "4000.00", DUE.plusDays(40))));
        assertEquals(cny("180.00"), DEFAULT.chargesOn(upheld, DUE, DUE.plusDays(60)).fee());
        // the 1 paid on day 35 (its fee stays: the fee is on its day's balance), rejected on day 40: 0.03 + 299.97
        var paid = new BalanceHistory(cny("10000.00"), List.of(dispute),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "1.00", DUE.plusDays(35))));
        assertEquals(cny("300.00"), DEFAULT.chargesOn(paid, DUE, DUE.plusDays(60)).fee());
        // 5,000 of the disputed part paid on day 35 while frozen (the dispute narrowed to 4,999), rejected on day 40:
        // only the 4,999 released is added, as a plan's payments lower its fee: 3% of 1 + 4,999 = 150.00
        var paidDisputed = new BalanceHistory(cny("10000.00"),
                List.of(new BalanceHistory.DisputePeriod(null, new BigDecimal("4999.00"), DUE.plusDays(35), DUE.plusDays(40)),
                        new BalanceHistory.DisputePeriod(null, new BigDecimal("9999.00"), DUE.plusDays(25), DUE.plusDays(35))),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "5000.00", DUE.plusDays(35))));
        assertEquals(cny("150.00"), DEFAULT.chargesOn(paidDisputed, DUE, DUE.plusDays(60)).fee());
        // only what is released after the fee day counts: 4,000 paid on day 30 with 2,000 disputed from day 25 on,
        // never resolved: 3% of the 4,000 collectible at the end of day 30 = 120.00 (the 8,000 of day 29 is gone)
        var paidOnTheFeeDay = new BalanceHistory(cny("10000.00"),
                List.of(new BalanceHistory.DisputePeriod(null, new BigDecimal("2000.00"), DUE.plusDays(25), null)),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "4000.00", DUE.plusDays(30))));
        assertEquals(cny("120.00"), DEFAULT.chargesOn(paidOnTheFeeDay, DUE, DUE.plusDays(60)).fee());
    }

    @Test
    void aPartChargedOnTheFeeDayAddsNothingWhenALaterDisputeOnItIsRejected() {
        // 10,000, 4,000 disputed from day 25 to day 32 (rejected): 3% of 6,000 = 180.00 on day 30, + 120.00 on day 32;
        // then disputed in full from day 35 to day 45 (rejected): nothing more, 300.00
        var balance = new BalanceHistory(cny("10000.00"),
                List.of(new BalanceHistory.DisputePeriod(null, new BigDecimal("4000.00"), DUE.plusDays(25), DUE.plusDays(32)),
                        new BalanceHistory.DisputePeriod(null, new BigDecimal("10000.00"), DUE.plusDays(35), DUE.plusDays(45))),
                List.of());
        assertEquals(cny("180.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(31)).fee());
        assertEquals(cny("300.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(32)).fee());
        assertEquals(cny("300.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(60)).fee());
    }

    @Test
    void aFeeChargedOnItsDayIsNotChargedAgainAfterALaterDisputeOrPlan() {
        // 10,000 collectible on day 30: 300.00 then; disputed in full on day 35 and rejected on day 45: still 300.00
        var dispute = new BalanceHistory.DisputePeriod(null, new BigDecimal("10000.00"), DUE.plusDays(35), DUE.plusDays(45));
        var balance = new BalanceHistory(cny("10000.00"), List.of(dispute), List.of());
        assertEquals(cny("300.00"), DEFAULT.chargesOn(balance, DUE, DUE.plusDays(60)).fee());
        // the fee is on the end of its day: 4,000 paid on day 30 leaves 6,000 then, 180.00
        var paid = new BalanceHistory(cny("10000.00"), List.of(),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "4000.00", DUE.plusDays(30))));
        assertEquals(cny("180.00"), DEFAULT.chargesOn(paid, DUE, DUE.plusDays(60)).fee());
        // and stays what it was on its day: 4,000 paid on day 35 leaves the 300.00 fee (not 180.00 on the 6,000 left)
        var paidLater = new BalanceHistory(cny("10000.00"), List.of(),
                List.of(entry(LedgerEntry.Kind.PAYMENT, "4000.00", DUE.plusDays(35))));
        assertEquals(cny("300.00"), DEFAULT.chargesOn(paidLater, DUE, DUE.plusDays(60)).fee());
    }

    @Test
    void feeFromTheFirstDayPastDue() {
        // fee after 1 day: 10,000 x 1 x 0.0005 = 5.00 interest and 3% = 300.00 fee on day 1
        var strict = new LateChargePolicy(new BigDecimal("0.0005"), 1, new BigDecimal("0.03"));
        LateCharges c = strict.chargesOn(cny("10000.00"), 1);
        assertEquals(cny("5.00"), c.interest());
        assertEquals(cny("300.00"), c.fee());
    }

    @Test
    void zeroRatesWaiveLateCharges() {
        var none = new LateChargePolicy(BigDecimal.ZERO, 1, BigDecimal.ZERO);
        assertEquals(cny("0.00"), none.chargesOn(cny("10000.00"), 90).total());
    }

    @Test
    void negativeOrMissingRatesAndAFeeBeforeTheFirstDayAreRefused() {
        var rate = new BigDecimal("0.0005");
        var fee = new BigDecimal("0.03");
        var negative = new BigDecimal("-0.0001");
        for (Executable terms : List.<Executable>of(() -> new LateChargePolicy(negative, 30, fee),
                () -> new LateChargePolicy(rate, 30, negative), () -> new LateChargePolicy(null, 30, fee),
                () -> new LateChargePolicy(rate, 30, null))) {
            assertEquals("rates must be zero or positive", assertThrows(RuntimeException.class, terms).getMessage());
        }
        assertEquals("feeAfterDays must be at least 1",
                assertThrows(RuntimeException.class, () -> new LateChargePolicy(rate, 0, fee)).getMessage());
    }

    @Test
    void onlyThisInvoicesPaymentsAndDisputesChangeItsBalance() {
        // invoice 1,243.00; its payment of 243.00 on the due date and 100.00 disputed from then on;
        // another invoice's 500.00 payment and dispute of 200.00 are left out: 900.00 collectible
        Invoice invoice = InvoiceTest.invoiceOf1243();
        Invoice other = InvoiceTest.invoiceOf1243();
        LocalDate due = invoice.dueDate;
        var at = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        var entries = List.of(
                LedgerEntry.of(invoice, LedgerEntry.Kind.PAYMENT, cny("243.00"), due, UUID.randomUUID(), null, at, "x"),
                LedgerEntry.of(other, LedgerEntry.Kind.PAYMENT, cny("500.00"), due, UUID.randomUUID(), null, at, "x"));
        var disputes = List.of(new BalanceHistory.DisputePeriod(invoice.id, new BigDecimal("100.00"), due, null),
                new BalanceHistory.DisputePeriod(other.id, new BigDecimal("200.00"), due, null));
        var balance = BalanceHistory.of(invoice, entries, disputes);
        assertEquals(cny("1000.00"), balance.openOn(due));
        assertEquals(cny("100.00"), balance.disputedOn(due));
        assertEquals(cny("900.00"), balance.collectibleOn(due));
        assertEquals(cny("1243.00"), balance.collectibleOn(due.minusDays(1)));
        // only this invoice's payment plan stops the charges: another's plan leaves them running
        var plans = List.of(new BalanceHistory.PlanPeriod(other.id, due, null));
        assertEquals(cny("900.00"), BalanceHistory.of(invoice, entries, disputes, plans).chargeableOn(due.plusDays(5)));
        plans = List.of(new BalanceHistory.PlanPeriod(invoice.id, due, null));
        assertEquals(cny("0.00"), BalanceHistory.of(invoice, entries, disputes, plans).chargeableOn(due.plusDays(5)));
    }

    /**
     * The legal basis is text the +30 letter quotes as written (stripped), blank is none, up to 2,000 characters;
     * it changes no figure.
     */
    @Test
    void legalBasisIsKeptStrippedBlankIsNoneAndAtMost2000Characters() {
        BigDecimal rate = new BigDecimal("0.0005");
        BigDecimal fee = new BigDecimal("0.03");
        assertEquals("Contract §7.2; PRC Civil Code arts. 577, 579",
                new LateChargePolicy(rate, 30, fee, "  Contract §7.2; PRC Civil Code arts. 577, 579 ").legalBasis());
        assertEquals(null, new LateChargePolicy(rate, 30, fee, " \t ").legalBasis());
        assertEquals(null, new LateChargePolicy(rate, 30, fee).legalBasis());
        assertEquals(2000, new LateChargePolicy(rate, 30, fee, "x".repeat(2000)).legalBasis().length());
        assertThrows(IllegalArgumentException.class, () -> new LateChargePolicy(rate, 30, fee, "x".repeat(2001)));
        assertEquals(new LateChargePolicy(rate, 30, fee).chargesOn(cny("10000.00"), 31),
                new LateChargePolicy(rate, 30, fee, "Contract §7.2").chargesOn(cny("10000.00"), 31));
    }
}
