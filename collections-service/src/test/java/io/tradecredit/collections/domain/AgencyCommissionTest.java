package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.AgencyCommission.BuyerPayment;
import io.tradecredit.collections.domain.AgencyCommission.Line;
import io.tradecredit.collections.domain.AgencyCommission.Placement;
import io.tradecredit.collections.domain.AgencyCommission.Statement;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class AgencyCommissionTest {
    static final UUID X = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID Y = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID Z = UUID.fromString("00000000-0000-0000-0000-0000000000b3");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency USD = Currency.getInstance("USD");

    // 15% success fee, collects CNY and USD
    static final AgencyContract HUAXIN = new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD));

    static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    static BuyerPayment paid(UUID buyer, int day, String amount, String currency) {
        return new BuyerPayment(buyer, march(day), Money.of(amount, currency));
    }

    static Line line(String collected, String commission, String currency) {
        return new Line(Money.of(collected, currency), Money.of(commission, currency), 1, new BigDecimal("15"));
    }

    static Line line(String collected, String commission, String currency, int version, String fee) {
        return new Line(Money.of(collected, currency), Money.of(commission, currency), version, new BigDecimal(fee));
    }

    static LocalDate april(int day) {
        return LocalDate.of(2026, 4, day);
    }

    /**
     * huaxin's contract at 15 % on CNY and USD (version 1, recorded in January), changed on 1 April to
     * 10 % on CNY only (version 2). X, with huaxin since 1 March, pays 40,000.00 CNY and 1,000.00 USD in
     * March and 20,000.00 CNY and 3,000.00 USD in April. March earns 6,000.00 CNY and 150.00 USD at 15 %,
     * read before or after the change; April 2,000.00 at 10 %, its USD no longer collected by huaxin. A
     * statement over both months has a line per currency and version. March's 40,000.00 bouncing in May
     * takes back the 6,000.00 it earned, not 4,000.00.
     */
    @Test
    void aPaymentEarnsAtTheContractVersionInForceOnTheDayItWasReceived() {
        RecordedAgencyContract v1 = new RecordedAgencyContract(HUAXIN, 1, LocalDate.of(2026, 1, 10), "Huaxin", null, "lena");
        RecordedAgencyContract v2 = new RecordedAgencyContract(new AgencyContract("huaxin", new BigDecimal("10"), Set.of(CNY)),
                2, april(1), "Huaxin", null, "lena");
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "huaxin", march(1), null, null));
        BuyerPayment march = new BuyerPayment(X, march(10), Money.of("40000.00", "CNY"));
        List<BuyerPayment> payments = List.of(march, paid(X, 12, "1000.00", "USD"),
                new BuyerPayment(X, april(10), Money.of("20000.00", "CNY")),
                new BuyerPayment(X, april(11), Money.of("3000.00", "USD")));
        List<Line> marchLines = List.of(line("40000.00", "6000.00", "CNY", 1, "15"), line("1000.00", "150.00", "USD", 1, "15"));
        assertEquals(marchLines, AgencyCommission.forPeriod(List.of(v1), placements, payments, march(1), march(31)).lines(),
                "before the change");
        assertEquals(marchLines, AgencyCommission.forPeriod(List.of(v1, v2), placements, payments, march(1), march(31)).lines(),
                "after the change: March stays as it was");
        assertEquals(List.of(line("20000.00", "2000.00", "CNY", 2, "10")),
                AgencyCommission.forPeriod(List.of(v1, v2), placements, payments, april(1), april(30)).lines());
        assertEquals(List.of(line("40000.00", "6000.00", "CNY", 1, "15"), line("20000.00", "2000.00", "CNY", 2, "10"),
                line("1000.00", "150.00", "USD", 1, "15")),
                AgencyCommission.forPeriod(List.of(v2, v1), placements, payments, march(1), april(30)).lines());
        BuyerPayment bounced = new BuyerPayment(X, march(10), Money.of("40000.00", "CNY"), LocalDate.of(2026, 5, 4));
        assertEquals(List.of(line("-40000.00", "-6000.00", "CNY", 1, "15")), AgencyCommission.forPeriod(List.of(v1, v2),
                placements, List.of(bounced), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)).lines());
    }

    @Test
    void theVersionInForceIsTheLatestFromOnOrBeforeTheDayAndTheFirstBeforeAnyVersion() {
        RecordedAgencyContract v1 = new RecordedAgencyContract(HUAXIN, 1, march(1), null, null, "lena");
        RecordedAgencyContract v2 = new RecordedAgencyContract(HUAXIN, 2, april(1), null, null, "lena");
        RecordedAgencyContract v3 = new RecordedAgencyContract(HUAXIN, 3, april(1), null, null, "wang");
        List<RecordedAgencyContract> all = List.of(v3, v1, v2);
        assertEquals(v1, RecordedAgencyContract.inForceOn(all, LocalDate.of(2026, 2, 1)).orElseThrow(), "no earlier terms");
        assertEquals(v1, RecordedAgencyContract.inForceOn(all, march(1)).orElseThrow());
        assertEquals(v1, RecordedAgencyContract.inForceOn(all, march(31)).orElseThrow());
        assertEquals(v3, RecordedAgencyContract.inForceOn(all, april(1)).orElseThrow(), "of two from one day, the later");
        assertEquals(java.util.Optional.empty(), RecordedAgencyContract.inForceOn(List.of(), april(1)));
    }

    static Statement march(List<Placement> placements, List<BuyerPayment> payments) {
        return AgencyCommission.forPeriod(HUAXIN, placements, payments, march(1), march(31));
    }

    @Test
    void workedExampleForMarch() {
        // X handed to huaxin on Mar 10, still there; Y there from Mar 1 until recalled on Mar 15;
        // Z was never with huaxin; W's case is with another agency
        UUID w = UUID.randomUUID();
        List<Placement> placements = List.of(
                new Placement(UUID.randomUUID(), X, "huaxin", march(10), null, null),
                new Placement(UUID.randomUUID(), Y, "huaxin", march(1), march(15), PlacementEnd.RECALLED),
                new Placement(UUID.randomUUID(), w, "other", march(1), null, null));
        List<BuyerPayment> payments = List.of(
                paid(X, 5, "1000.00", "CNY"),    // before the hand-off: no commission
                paid(X, 10, "40000.00", "CNY"),  // on the hand-off day: counts
                paid(X, 25, "10000.00", "USD"),  // counts, in USD
                paid(X, 26, "500.00", "EUR"),    // a currency the agency does not collect
                paid(Y, 14, "5000.00", "CNY"),   // counts
                paid(Y, 15, "7000.00", "CNY"),   // on the recall day: no longer with the agency
                paid(Z, 20, "9000.00", "CNY"),
                paid(w, 20, "3000.00", "CNY"));
        Statement s = march(placements, payments);
        assertEquals("huaxin", s.agencyCode());
        assertEquals(march(1), s.from());
        assertEquals(march(31), s.to());
        // CNY 45,000.00 x 15% = 6,750.00; USD 10,000.00 x 15% = 1,500.00
        assertEquals(List.of(line("45000.00", "6750.00", "CNY"), line("10000.00", "1500.00", "USD")), s.lines());
    }

    @Test
    void aSettlementOrAClosedCaseEarnsOnItsLastDayARecallOrAReturnDoesNotAndNothingAfterEarns() {
        // all with huaxin from 1 March: S settled on the 12th; P paid in full on the 20th, which closed its case;
        // R recalled on the 15th; T returned by the agency on the 18th
        UUID s = UUID.randomUUID();
        UUID p = UUID.randomUUID();
        UUID r = UUID.randomUUID();
        UUID t = UUID.randomUUID();
        List<Placement> placements = List.of(
                new Placement(UUID.randomUUID(), s, "huaxin", march(1), march(12), PlacementEnd.SETTLED),
                new Placement(UUID.randomUUID(), p, "huaxin", march(1), march(20), PlacementEnd.CASE_CLOSED),
                new Placement(UUID.randomUUID(), r, "huaxin", march(1), march(15), PlacementEnd.RECALLED),
                new Placement(UUID.randomUUID(), t, "huaxin", march(1), march(18), PlacementEnd.RETURNED));
        Statement statement = march(placements, List.of(
                paid(s, 12, "6000.00", "CNY"),   // paid on the day the settlement is reported: counts
                paid(s, 13, "1000.00", "CNY"),   // after it: the case is closed, does not count
                paid(p, 20, "8000.00", "CNY"),   // the payment that closed the case: counts
                paid(r, 14, "2000.00", "CNY"),   // before the recall: counts
                paid(r, 15, "3000.00", "CNY"),   // on the recall day: the tenant collects from that day
                paid(r, 16, "4000.00", "CNY"),   // after the recall: does not count
                paid(t, 18, "5000.00", "CNY"))); // on the day the agency gave it back: does not count
        // 6,000 + 8,000 + 2,000 = 16,000.00 CNY x 15% = 2,400.00
        assertEquals(List.of(line("16000.00", "2400.00", "CNY")), statement.lines());
    }

    /**
     * The partner's case: handed over on 8 December 2026, the buyer pays 10,000.00 CNY received that day, and the
     * case comes back the same day (returned by the agency, or recalled). December's statement showed 1,500.00
     * (15 %) before it came back and still does: the hand-off day always counts. A case handed over on the 8th and
     * returned on the 9th earns on the 8th, not on the 9th (a later end day stays out).
     */
    @Test
    void aPaymentOnTheHandOffDayEarnsEvenWhenTheCaseComesBackThatSameDay() {
        LocalDate dec8 = LocalDate.of(2026, 12, 8);
        LocalDate dec9 = dec8.plusDays(1);
        LocalDate from = LocalDate.of(2026, 12, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        UUID caseId = UUID.randomUUID();
        List<BuyerPayment> payments = List.of(new BuyerPayment(X, dec8, Money.of("10000.00", "CNY")));
        List<Line> expected = List.of(line("10000.00", "1500.00", "CNY"));
        assertEquals(expected, AgencyCommission.forPeriod(HUAXIN,
                List.of(new Placement(caseId, X, "huaxin", dec8, null, null)), payments, from, to).lines(), "while held");
        for (PlacementEnd end : PlacementEnd.values()) {
            assertEquals(expected, AgencyCommission.forPeriod(HUAXIN,
                    List.of(new Placement(caseId, X, "huaxin", dec8, dec8, end)), payments, from, to).lines(),
                    "came back the same day, " + end);
        }
        List<BuyerPayment> both = List.of(new BuyerPayment(X, dec8, Money.of("10000.00", "CNY")),
                new BuyerPayment(X, dec9, Money.of("4000.00", "CNY")));
        assertEquals(expected, AgencyCommission.forPeriod(HUAXIN,
                List.of(new Placement(caseId, X, "huaxin", dec8, dec9, PlacementEnd.RETURNED)), both, from, to).lines(),
                "returned the next day: the end day stays out");
    }

    @Test
    void onlyASettlementAndAClosedCaseEarnOnTheirLastDay() {
        assertEquals(List.of(PlacementEnd.SETTLED, PlacementEnd.CASE_CLOSED), java.util.Arrays.stream(PlacementEnd.values())
                .filter(PlacementEnd::earnsOnItsDay).toList());
    }

    @Test
    void paymentsOnTheFirstAndLastDayOfThePeriodCountOutsideDoNot() {
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "huaxin", march(1).minusMonths(1), null, null));
        Statement s = march(placements, List.of(
                new BuyerPayment(X, march(1).minusDays(1), Money.of("100.00", "CNY")),
                paid(X, 1, "200.00", "CNY"),
                paid(X, 31, "300.00", "CNY"),
                new BuyerPayment(X, march(31).plusDays(1), Money.of("400.00", "CNY"))));
        assertEquals(List.of(line("500.00", "75.00", "CNY")), s.lines());
    }

    @Test
    void commissionIsRoundedOnceHalfUpOnTheCurrencyTotal() {
        // 3 x 111.11 = 333.33; x 15% = 49.9995 -> 50.00 (rounding each payment would give 3 x 16.67 = 50.01)
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "huaxin", march(1), null, null));
        Statement s = march(placements, List.of(paid(X, 2, "111.11", "CNY"), paid(X, 3, "111.11", "CNY"),
                paid(X, 4, "111.11", "CNY")));
        assertEquals(List.of(line("333.33", "50.00", "CNY")), s.lines());
    }

    /** X with huaxin 03-10 to 03-15 (recalled), pays 40,000.00 on 03-10, which bounces on 03-20: March earns nothing. */
    @Test
    void aPaymentReversedInItsOwnPeriodDoesNotCountAtAll() {
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "huaxin", march(10), march(15),
                PlacementEnd.RECALLED));
        BuyerPayment bounced = new BuyerPayment(X, march(10), Money.of("40000.00", "CNY"), march(20));
        assertEquals(List.of(), march(placements, List.of(bounced)).lines());
        // the statement of 03-01..03-15 alone, before the bounce, still shows it: it stood when that period ended
        assertEquals(List.of(line("40000.00", "6000.00", "CNY")), AgencyCommission.forPeriod(HUAXIN, placements,
                List.of(bounced), march(1), march(15)).lines());
        // and the period after it takes it back, on the day it bounced
        assertEquals(List.of(line("-40000.00", "-6000.00", "CNY")), AgencyCommission.forPeriod(HUAXIN, placements,
                List.of(bounced), march(16), march(31)).lines());
    }

    /** Paid 2,000.00 on Feb 20 while with huaxin, bounced on Mar 20: February stays as stated, March corrects it. */
    @Test
    void aReversalAfterThePaymentsPeriodIsACorrectionInThePeriodOfTheReversal() {
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "huaxin", march(1).minusDays(20), null, null));
        BuyerPayment bounced = new BuyerPayment(X, march(1).minusDays(9), Money.of("2000.00", "CNY"), march(20));
        assertEquals(List.of(line("-2000.00", "-300.00", "CNY")), march(placements, List.of(bounced)).lines());
        assertEquals(List.of(line("2000.00", "300.00", "CNY")), AgencyCommission.forPeriod(HUAXIN, placements,
                List.of(bounced), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).lines());
    }

    /** Paid 3,000.00 on Mar 5 before the hand-off of Mar 10, bounced on Mar 12 while with huaxin: it never earned, it takes nothing. */
    @Test
    void aReversalOfAPaymentThatNeverEarnedTakesNothingBack() {
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "huaxin", march(10), null, null));
        BuyerPayment before = new BuyerPayment(X, march(1).minusDays(10), Money.of("3000.00", "CNY"), march(12));
        assertEquals(List.of(), march(placements, List.of(before, new BuyerPayment(X, march(5),
                Money.of("3000.00", "CNY"), march(12)))).lines());
    }

    @Test
    void overlappingPlacementsCountAPaymentOnce() {
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "huaxin", march(1), march(20), PlacementEnd.RETURNED),
                new Placement(UUID.randomUUID(), X, "huaxin", march(10), null, null));
        assertEquals(List.of(line("1000.00", "150.00", "CNY")),
                march(placements, List.of(paid(X, 12, "1000.00", "CNY"))).lines());
    }

    @Test
    void caseHandedAgainAfterARecallEarnsAgainFromTheNewHandOff() {
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "huaxin", march(1), march(10), PlacementEnd.RECALLED),
                new Placement(UUID.randomUUID(), X, "huaxin", march(20), null, null));
        Statement s = march(placements, List.of(paid(X, 9, "100.00", "CNY"), paid(X, 15, "200.00", "CNY"),
                paid(X, 20, "400.00", "CNY")));
        assertEquals(List.of(line("500.00", "75.00", "CNY")), s.lines());
    }

    @Test
    void noPaymentsMeansNoLines() {
        assertEquals(List.of(), march(List.of(), List.of(paid(X, 5, "100.00", "CNY"))).lines());
    }

    @Test
    void zeroFeeAgencyEarnsNothingAndFullFeeEarnsAll() {
        List<Placement> placements = List.of(new Placement(UUID.randomUUID(), X, "pro-bono", march(1), null, null));
        AgencyContract free = new AgencyContract("pro-bono", BigDecimal.ZERO, Set.of(CNY));
        assertEquals(List.of(line("100.00", "0.00", "CNY", 1, "0")), AgencyCommission.forPeriod(free, placements,
                List.of(paid(X, 2, "100.00", "CNY")), march(1), march(1).plusDays(1)).lines());
        AgencyContract all = new AgencyContract("pro-bono", new BigDecimal("100"), Set.of(CNY));
        assertEquals(List.of(line("100.00", "100.00", "CNY", 1, "100")), AgencyCommission.forPeriod(all, placements,
                List.of(paid(X, 2, "100.00", "CNY")), march(2), march(2)).lines());
    }

    @Test
    void periodEndingBeforeItStartsIsRefusedNamingTo() {
        DomainError e = assertThrows(DomainError.class,
                () -> AgencyCommission.forPeriod(HUAXIN, List.of(), List.of(), march(2), march(1)));
        assertEquals(List.of(new Violation("to", "must not be before from (2026-03-02)")), e.violations());
    }

    /**
     * A version is repeated only by the very same terms and name: 15 % as 15.00 %, the currencies and minimum amounts
     * in another order, repeat it; another fee, currency, mode, days past due, minimum amount or name does not.
     */
    @Test
    void onlyTheVerySameTermsAndNameRepeatAVersion() {
        HandOffRule rule = new HandOffRule(HandOffRule.Mode.DAYS_PAST_DUE, 45,
                new CurrencyThresholds(List.of(Money.of("20000.00", "CNY"), Money.of("3000.00", "USD"))));
        RecordedAgencyContract v1 = new RecordedAgencyContract(new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD),
                rule), 1, march(1), "Huaxin", null, "lena");
        assertEquals(true, v1.repeatedBy(new AgencyContract("huaxin", new BigDecimal("15.00"), Set.of(USD, CNY),
                new HandOffRule(HandOffRule.Mode.DAYS_PAST_DUE, 45, new CurrencyThresholds(List.of(Money.of("3000", "USD"),
                        Money.of("20000", "CNY"))))), "Huaxin"));
        assertEquals(false, v1.repeatedBy(new AgencyContract("huaxin", new BigDecimal("15.01"), Set.of(CNY, USD), rule), "Huaxin"));
        assertEquals(false, v1.repeatedBy(new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD), rule), "Huaxin Ltd"));
        assertEquals(false, v1.repeatedBy(new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD), rule), null));
        assertEquals(false, v1.repeatedBy(new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD, Currency.getInstance("EUR")),
                rule), "Huaxin"));
        assertEquals(false, v1.repeatedBy(new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD),
                new HandOffRule(HandOffRule.Mode.DAYS_PAST_DUE, 46, rule.minimumOverdue())), "Huaxin"));
        assertEquals(false, v1.repeatedBy(new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD),
                new HandOffRule(HandOffRule.Mode.MINIMUM_AMOUNT, null, rule.minimumOverdue())), "Huaxin"));
        assertEquals(false, v1.repeatedBy(new AgencyContract("huaxin", new BigDecimal("15"), Set.of(CNY, USD),
                new HandOffRule(HandOffRule.Mode.DAYS_PAST_DUE, 45, new CurrencyThresholds(List.of(Money.of("20000.00", "CNY"))))),
                "Huaxin"));
        assertEquals(false, v1.repeatedBy(new AgencyContract("apex", new BigDecimal("15"), Set.of(CNY, USD), rule), "Huaxin"));
    }

    /** A version's updatedAt is what PostgreSQL keeps, microseconds: the PUT's answer and a later GET's are one value. */
    @Test
    void aVersionIsRecordedToTheMicrosecondAsStored() {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-12-07T19:40:12.345678912Z");
        assertEquals(java.time.OffsetDateTime.parse("2026-12-07T19:40:12.345678Z"),
                new RecordedAgencyContract(HUAXIN, 1, march(1), null, at, "lena").updatedAt());
        assertEquals(null, new RecordedAgencyContract(HUAXIN, 1, march(1), null, null, "lena").updatedAt());
    }

    @Test
    void contractWithBadCodeFeeOrNoCurrencyNamesEachField() {
        DomainError e = assertThrows(DomainError.class,
                () -> new AgencyContract("Hua Xin", new BigDecimal("100.01"), Set.of()));
        assertEquals("agency-contract.invalid", e.code());
        assertEquals(List.of("agencyCode", "successFeePercent", "currencies"),
                e.violations().stream().map(Violation::field).toList());
        DomainError missing = assertThrows(DomainError.class, () -> new AgencyContract(null, null, null));
        assertEquals(3, missing.violations().size());
        assertEquals(List.of("successFeePercent"), assertThrows(DomainError.class,
                () -> new AgencyContract("a1", new BigDecimal("-0.5"), Set.of(CNY))).violations().stream()
                .map(Violation::field).toList());
    }

    @Test
    void longestCodeIsAcceptedOneMoreIsNot() {
        String forty = "a".repeat(40);
        assertEquals(forty, new AgencyContract(forty, BigDecimal.ONE, Set.of(CNY)).agencyCode());
        assertThrows(DomainError.class, () -> new AgencyContract(forty + "a", BigDecimal.ONE, Set.of(CNY)));
        assertThrows(DomainError.class, () -> new AgencyContract("-huaxin", BigDecimal.ONE, Set.of(CNY)));
    }
}
