package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.insurance.InsuredLimitSchedule.Period;
import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.InsuranceCover.OpenInvoice;

/** What the credit check says about insurance: stop-deliveries, and the insured and uninsured parts of exposure. */
class InsuranceCoverTest {
    static final LocalDate DEC_3 = LocalDate.of(2026, 12, 3);
    static final UUID POLICY = UUID.randomUUID();

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** A period of the buyer's schedule as insurance-claims-service publishes it. */
    static Period period(String amount, LocalDate from, LocalDate until) {
        return new Period(from, until, cny(amount), POLICY);
    }

    static InsuredLimitSchedule limits(Period... periods) {
        return new InsuredLimitSchedule(List.of(periods));
    }

    static OpenInvoice open(String number, LocalDate issued, String amount) {
        return new OpenInvoice(number, issued, issued == null ? DEC_3 : issued.plusDays(30), cny(amount));
    }

    /** "insured / uninsured / order insured" of the cover. */
    static String split(InsuranceCover c) {
        return c.insuredExposure().amountText() + " / " + c.uninsuredExposure().amountText() + " / "
                + c.orderInsured().amountText();
    }

    @Test
    void fromTheStopDeliveriesDayOnANewDeliveryIsNotInsured() {
        InsuranceCover c = InsuranceCover.on(DEC_3, DEC_3);
        assertFalse(c.insured());
        assertEquals("stop-deliveries since 2026-12-03", c.reason());
        assertEquals(DEC_3, c.stopDeliveriesFrom());
        assertNull(c.insuredLimit());
        assertEquals("stop-deliveries since 2026-12-01", InsuranceCover.on(DEC_3, DEC_3.minusDays(2)).reason());
    }

    /**
     * The reason names what started the stop, so that a credit manager tells an insolvency from an overdue account:
     * limit 100,000, order 20,000, stop-deliveries since 1 December; a stop kept before causes were (V15) only its day.
     */
    @Test
    void aStopSaysWhatStartedIt() {
        InsuredLimitSchedule l = limits(period("100000.00", DEC_3.minusDays(30), null));
        LocalDate dec1 = DEC_3.minusDays(2);
        InsuranceCover insolvency = InsuranceCover.of(DEC_3, cny("20000.00"), List.of(), l, dec1,
                InsuranceCover.StopCause.INSOLVENCY);
        assertFalse(insolvency.insured());
        assertEquals("stop-deliveries since 2026-12-01: insolvency claim", insolvency.reason());
        assertEquals("0.00 / 20000.00 / 0.00", split(insolvency));
        assertEquals("stop-deliveries since 2026-12-01: overdue account notified to the insurer", InsuranceCover.of(
                DEC_3, cny("20000.00"), List.of(), l, dec1, InsuranceCover.StopCause.NOTIFIED).reason());
        assertEquals("stop-deliveries since 2026-12-01: stop-deliveries deadline missed", InsuranceCover.of(DEC_3,
                cny("20000.00"), List.of(), null, dec1, InsuranceCover.StopCause.DEADLINE_MISSED).reason());
        assertEquals("stop-deliveries since 2026-12-01", InsuranceCover.of(DEC_3, cny("20000.00"), List.of(), l, dec1,
                null).reason());
        // a cause of a stop from tomorrow says nothing today: the order is insured within the limit
        assertEquals("insured within the limit of 100000.00 CNY", InsuranceCover.of(DEC_3, cny("20000.00"), List.of(),
                l, DEC_3.plusDays(1), InsuranceCover.StopCause.INSOLVENCY).reason());
    }

    @Test
    void withoutStopDeliveriesOrBeforeItsDayNothingIsSaid() {
        assertNull(InsuranceCover.on(DEC_3, null));
        assertNull(InsuranceCover.on(DEC_3, DEC_3.plusDays(1)));
        assertNull(InsuranceCover.of(DEC_3, cny("20000.00"), List.of(open("INV-1", DEC_3, "5.00")), null, null));
        assertNull(InsuranceCover.of(DEC_3, cny("20000.00"), List.of(), null, DEC_3.plusDays(1)));
    }

    @Test
    void aScheduleReceivedWithNoPeriodSpeaksOfInsuranceAndInsuresNothing() {
        // every limit cancelled: the schedule is empty, and the check says why nothing is insured
        InsuranceCover c = InsuranceCover.of(DEC_3, cny("20000.00"), List.of(open("INV-1", DEC_3, "5.00")),
                InsuredLimitSchedule.NONE, null);
        assertEquals(Money.zero("CNY"), c.insuredLimit());
        assertEquals("0.00 / 20005.00 / 0.00", split(c));
        assertEquals("no insured limit", c.reason());
    }

    @Test
    void limit100000EffectiveYesterdayExposure130000AndOrder20000Insures100000LeavesUninsured50000() {
        InsuredLimitSchedule l = limits(period("100000.00", DEC_3.minusDays(1), null));
        // 80,000 and 50,000 issued today: the older (by number on the same day) first
        InsuranceCover c = InsuranceCover.of(DEC_3, cny("20000.00"),
                List.of(open("INV-2", DEC_3, "50000.00"), open("INV-1", DEC_3, "80000.00")), l, null);
        assertEquals(cny("100000.00"), c.insuredLimit());
        assertEquals("100000.00 / 50000.00 / 0.00", split(c));
        assertFalse(c.insured(), "the limit is taken by the older invoices");
        assertEquals("insured limit 100000.00 CNY taken by older invoices", c.reason());
        assertNull(c.stopDeliveriesFrom());
    }

    @Test
    void theOrderIsInsuredWhereTheLimitLeavesRoomInFullOrInPart() {
        InsuredLimitSchedule l = limits(period("100000.00", DEC_3.minusDays(1), null));
        InsuranceCover part = InsuranceCover.of(DEC_3, cny("20000.00"), List.of(open("INV-1", DEC_3, "90000.00")), l,
                null);
        assertEquals("100000.00 / 10000.00 / 10000.00", split(part));
        assertTrue(part.insured());
        assertEquals("insured for 10000.00 CNY within the limit of 100000.00 CNY", part.reason());
        InsuranceCover whole = InsuranceCover.of(DEC_3, cny("20000.00"), List.of(open("INV-1", DEC_3, "80000.00")), l,
                null);
        assertEquals("100000.00 / 0.00 / 20000.00", split(whole));
        assertTrue(whole.insured());
        assertEquals("insured within the limit of 100000.00 CNY", whole.reason());
    }

    @Test
    void aReductionLeavesWhatWasDeliveredUnderTheHigherLimitInsured() {
        // docs' worked example: 80,000 until 30 June 2026, 50,000 from 1 July (received later); A 30,000 of 10 May and
        // B 40,000 of 20 June insured under the 80,000 of their days, C 20,000 of 15 July not (70,000 already exceed
        // the 50,000 of its day), and neither is an order on 20 July
        InsuredLimitSchedule l = limits(period("80000.00", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                period("50000.00", LocalDate.of(2026, 7, 1), null));
        List<OpenInvoice> exposure = List.of(open("C", LocalDate.of(2026, 7, 15), "20000.00"),
                open("A", LocalDate.of(2026, 5, 10), "30000.00"), open("B", LocalDate.of(2026, 6, 20), "40000.00"));
        InsuranceCover c = InsuranceCover.of(LocalDate.of(2026, 7, 20), cny("10000.00"), exposure, l, null);
        assertEquals(cny("50000.00"), c.insuredLimit());
        assertEquals("70000.00 / 30000.00 / 0.00", split(c));
        assertFalse(c.insured());
        assertEquals("insured limit 50000.00 CNY taken by older invoices", c.reason());
        // once A is paid, B takes 40,000 of C's 50,000: C is insured for 10,000 and the order for nothing
        InsuranceCover paidA = InsuranceCover.of(LocalDate.of(2026, 7, 20), cny("10000.00"),
                List.of(exposure.get(0), exposure.get(2)), l, null);
        assertEquals("50000.00 / 20000.00 / 0.00", split(paidA));
    }

    @Test
    void aCancellationLeavesEarlierDeliveriesInsuredAndTheOrderNot() {
        InsuredLimitSchedule l = limits(period("80000.00", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)));
        List<OpenInvoice> exposure = List.of(open("A", LocalDate.of(2026, 5, 10), "30000.00"),
                open("C", LocalDate.of(2026, 7, 15), "20000.00"));
        InsuranceCover c = InsuranceCover.of(LocalDate.of(2026, 7, 20), cny("10000.00"), exposure, l, null);
        assertEquals(Money.zero("CNY"), c.insuredLimit());
        assertEquals("30000.00 / 30000.00 / 0.00", split(c));
        assertEquals("no insured limit", c.reason());
    }

    @Test
    void afterTheExpiryANewDeliveryIsNotInsuredAndTheCheckSaysWhy() {
        InsuredLimitSchedule l = limits(period("100000.00", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 2)));
        List<OpenInvoice> exposure = List.of(open("INV-1", LocalDate.of(2026, 11, 10), "30000.00"));
        InsuranceCover lastDay = InsuranceCover.of(LocalDate.of(2026, 12, 2), cny("20000.00"), exposure, l, null);
        assertEquals("50000.00 / 0.00 / 20000.00", split(lastDay));
        InsuranceCover expired = InsuranceCover.of(DEC_3, cny("20000.00"), exposure, l, null);
        assertEquals(Money.zero("CNY"), expired.insuredLimit());
        // INV-1 was delivered under the limit and stays insured; the order is not
        assertEquals("30000.00 / 20000.00 / 0.00", split(expired));
        assertFalse(expired.insured());
        assertEquals("no insured limit", expired.reason());
    }

    @Test
    void onlyInvoicesIssuedUnderCoverAreInsuredOldestFirst() {
        // limit 50,000 from 1 November; INV-0 issued in October (no cover), INV-1 in November, INV-2 issued before
        // issue dates were kept (taken as oldest, under today's cover), a dollar invoice not counted at all
        InsuredLimitSchedule l = limits(period("50000.00", LocalDate.of(2026, 11, 1), null));
        InsuranceCover c = InsuranceCover.of(DEC_3, cny("5000.00"),
                List.of(open("INV-0", LocalDate.of(2026, 10, 15), "40000.00"), open("INV-1", LocalDate.of(2026, 11, 2),
                        "30000.00"), open("INV-2", null, "25000.00"),
                        new OpenInvoice("INV-USD", LocalDate.of(2026, 11, 2), DEC_3, Money.of("99999.00", "USD"))),
                l, null);
        // INV-2 25,000 insured, INV-1 25,000 of 30,000; INV-0 and the order uninsured
        assertEquals("50000.00 / 50000.00 / 0.00", split(c));
        InsuranceCover sameDayByNumber = InsuranceCover.of(DEC_3, cny("1.00"),
                List.of(open("INV-B", DEC_3, "30000.00"), open("INV-A", DEC_3, "30000.00"),
                        new OpenInvoice("INV-C", DEC_3, DEC_3.plusDays(10), cny("30000.00"))), l, null);
        assertEquals("50000.00 / 40001.00 / 0.00", split(sameDayByNumber));
    }

    @Test
    void stopDeliveriesLeavesTheOrderAndInvoicesIssuedSinceUninsured() {
        InsuredLimitSchedule l = limits(period("100000.00", LocalDate.of(2026, 11, 1), null));
        List<OpenInvoice> exposure = List.of(open("INV-1", LocalDate.of(2026, 11, 10), "30000.00"),
                open("INV-2", LocalDate.of(2026, 12, 1), "10000.00"), open("INV-3", DEC_3, "5000.00"));
        InsuranceCover c = InsuranceCover.of(DEC_3, cny("20000.00"), exposure, l, LocalDate.of(2026, 12, 1));
        assertFalse(c.insured());
        assertEquals("stop-deliveries since 2026-12-01", c.reason());
        assertEquals(LocalDate.of(2026, 12, 1), c.stopDeliveriesFrom());
        assertEquals(cny("100000.00"), c.insuredLimit());
        assertEquals("30000.00 / 35000.00 / 0.00", split(c));
        // stop-deliveries without any schedule received: all uninsured
        InsuranceCover stopOnly = InsuranceCover.of(DEC_3, cny("20000.00"), exposure, null, DEC_3);
        assertEquals("0.00 / 65000.00 / 0.00", split(stopOnly));
        assertEquals("stop-deliveries since 2026-12-03", stopOnly.reason());
        // a stop from tomorrow does not stop today's delivery
        InsuranceCover tomorrow = InsuranceCover.of(DEC_3, cny("20000.00"), exposure, l, DEC_3.plusDays(1));
        assertEquals("65000.00 / 0.00 / 20000.00", split(tomorrow));
        assertNull(tomorrow.stopDeliveriesFrom());
        assertTrue(tomorrow.insured());
    }
}
