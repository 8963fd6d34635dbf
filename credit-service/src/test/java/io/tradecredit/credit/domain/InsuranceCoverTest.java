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
    void aLaterReductionInsuresLessOfTheSameExposure() {
        // 100,000 from 1 November, reduced to 60,000 from 1 December (received later)
        InsuredLimitSchedule l = limits(period("100000.00", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
                period("60000.00", LocalDate.of(2026, 12, 1), null));
        List<OpenInvoice> exposure = List.of(open("INV-1", LocalDate.of(2026, 11, 10), "80000.00"),
                open("INV-2", LocalDate.of(2026, 11, 20), "50000.00"));
        InsuranceCover before = InsuranceCover.of(LocalDate.of(2026, 11, 30), cny("20000.00"), exposure, l, null);
        assertEquals("100000.00 / 50000.00 / 0.00", split(before));
        InsuranceCover after = InsuranceCover.of(DEC_3, cny("20000.00"), exposure, l, null);
        assertEquals(cny("60000.00"), after.insuredLimit());
        assertEquals("60000.00 / 90000.00 / 0.00", split(after));
    }

    @Test
    void afterTheExpiryNothingIsInsuredAndTheCheckSaysWhy() {
        InsuredLimitSchedule l = limits(period("100000.00", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 2)));
        List<OpenInvoice> exposure = List.of(open("INV-1", LocalDate.of(2026, 11, 10), "30000.00"));
        InsuranceCover lastDay = InsuranceCover.of(LocalDate.of(2026, 12, 2), cny("20000.00"), exposure, l, null);
        assertEquals("50000.00 / 0.00 / 20000.00", split(lastDay));
        InsuranceCover expired = InsuranceCover.of(DEC_3, cny("20000.00"), exposure, l, null);
        assertEquals(Money.zero("CNY"), expired.insuredLimit());
        assertEquals("0.00 / 50000.00 / 0.00", split(expired));
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
