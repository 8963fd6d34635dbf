package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** Whether a dunning message already requested is withdrawn, with the invoices a collector would check. */
class WithdrawalRuleTest {
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    static InvoiceNow open(UUID id, String number, String open, String collectible) {
        return new InvoiceNow(id, number, "OPEN", Money.of(open, "CNY"), Money.of(collectible, "CNY"), false);
    }

    static InvoiceNow inState(UUID id, String number, String state) {
        return new InvoiceNow(id, number, state, Money.zero("CNY"), Money.zero("CNY"), false);
    }

    static Map<UUID, InvoiceNow> byId(InvoiceNow... invoices) {
        return List.of(invoices).stream().collect(Collectors.toMap(InvoiceNow::invoiceId, Function.identity()));
    }

    static RequestedMessage sentAgo(Duration ago, UUID... invoices) {
        return new RequestedMessage(UUID.randomUUID(), NOW.minus(ago), List.of(invoices), false);
    }

    @Test
    void aReminderOn3000PaidInFullIsWithdrawn() {
        assertEquals(Optional.of("nothing collectible left: INV-1 paid"), WithdrawalRule.DEFAULT.reasonToWithdraw(
                sentAgo(Duration.ofHours(20), A), byId(inState(A, "INV-1", "PAID")), NOW));
    }

    @Test
    void aPartPaymentOf1000On3000LeavesTheReminderStanding() {
        assertEquals(Optional.empty(), WithdrawalRule.DEFAULT.reasonToWithdraw(sentAgo(Duration.ofHours(20), A),
                byId(open(A, "INV-1", "2000.00", "2000.00")), NOW));
    }

    @Test
    void aLetterOnTwoInvoicesStaysWhileOneHasOneYuanCollectibleAndGoesWhenNeitherHas() {
        RequestedMessage letter = sentAgo(Duration.ofDays(2), A, B);
        assertEquals(Optional.empty(), WithdrawalRule.DEFAULT.reasonToWithdraw(letter,
                byId(inState(A, "INV-1", "PAID"), open(B, "INV-2", "1200.00", "1.00")), NOW));
        assertEquals(Optional.of("nothing collectible left: INV-1 paid, INV-2 disputed"), WithdrawalRule.DEFAULT
                .reasonToWithdraw(letter, byId(inState(A, "INV-1", "PAID"), open(B, "INV-2", "1200.00", "0.00")), NOW));
    }

    @Test
    void anInvoiceTheReadModelDoesNotKnowKeepsTheMessage() {
        assertEquals(Optional.empty(), WithdrawalRule.DEFAULT.reasonToWithdraw(sentAgo(Duration.ofDays(1), A, B),
                byId(inState(A, "INV-1", "PAID")), NOW));
        assertEquals(Optional.empty(), WithdrawalRule.DEFAULT.reasonToWithdraw(sentAgo(Duration.ofDays(1)), byId(), NOW),
                "a message about no invoice is nobody's to judge");
    }

    @Test
    void fourteenDaysBackIsRecentAndASecondMoreIsNot() {
        Map<UUID, InvoiceNow> paid = byId(inState(A, "INV-1", "PAID"));
        assertTrue(WithdrawalRule.DEFAULT.reasonToWithdraw(sentAgo(Duration.ofDays(14), A), paid, NOW).isPresent());
        assertEquals(Optional.empty(), WithdrawalRule.DEFAULT.reasonToWithdraw(
                sentAgo(Duration.ofDays(14).plusSeconds(1), A), paid, NOW));
        assertEquals(NOW.minus(Duration.ofDays(3)), new WithdrawalRule(3).since(NOW));
    }

    @Test
    void theWindowIsOneToNinetyDays() {
        assertEquals(1, new WithdrawalRule(1).recentDays());
        assertEquals(90, new WithdrawalRule(90).recentDays());
        assertThrows(IllegalArgumentException.class, () -> new WithdrawalRule(0));
        assertThrows(IllegalArgumentException.class, () -> new WithdrawalRule(91));
    }

    @Test
    void eachInvoiceSaysWhyNothingIsCollectible() {
        assertEquals("paid", inState(A, "INV-1", "PAID").nothingCollectibleBecause(false));
        assertEquals("cancelled", inState(A, "INV-1", "CANCELLED").nothingCollectibleBecause(false));
        assertEquals("written off", inState(A, "INV-1", "WRITTEN_OFF").nothingCollectibleBecause(false));
        // a payment or a credit note brought it to zero before invoice-service said paid
        assertEquals("settled", open(A, "INV-1", "0.00", "0.00").nothingCollectibleBecause(false));
        assertEquals("disputed", open(A, "INV-1", "3000.00", "0.00").nothingCollectibleBecause(false));
        assertEquals("under a payment plan", new InvoiceNow(A, "INV-1", "OPEN", Money.of("3000.00", "CNY"),
                Money.of("3000.00", "CNY"), true).nothingCollectibleBecause(false));
        assertNull(open(A, "INV-1", "3000.00", "0.01").nothingCollectibleBecause(false));
    }

    /**
     * An agency settled the buyer's case at 8,000.00 of 10,000.00: the 2,000.00 left on INV-1 is for a collector to write
     * off, never asked for again, so a demand (or an instalment's reminder) on it is withdrawn, naming the agency; a
     * message also on an invoice still collectible stays.
     */
    @Test
    void aMessageOnAnInvoiceAnAgencySettledIsWithdrawnNamingTheAgency() {
        InvoiceNow settled = new InvoiceNow(A, "INV-1", "OPEN", Money.of("2000.00", "CNY"), Money.of("2000.00", "CNY"),
                false, "ag-east");
        assertEquals("settled by agency ag-east", settled.nothingCollectibleBecause(false));
        assertEquals(Optional.of("nothing collectible left: INV-1 settled by agency ag-east"),
                WithdrawalRule.DEFAULT.reasonToWithdraw(sentAgo(Duration.ofDays(1), A), byId(settled), NOW));
        RequestedMessage instalmentReminder = new RequestedMessage(UUID.randomUUID(), NOW.minus(Duration.ofDays(1)),
                List.of(A), true);
        assertEquals(Optional.of("nothing collectible left: INV-1 settled by agency ag-east"),
                WithdrawalRule.DEFAULT.reasonToWithdraw(instalmentReminder, byId(new InvoiceNow(A, "INV-1", "OPEN",
                        Money.of("2000.00", "CNY"), Money.of("2000.00", "CNY"), true, "ag-east")), NOW));
        assertEquals(Optional.empty(), WithdrawalRule.DEFAULT.reasonToWithdraw(sentAgo(Duration.ofDays(1), A, B),
                byId(settled, open(B, "INV-2", "1200.00", "1200.00")), NOW));
        assertEquals("settled", new InvoiceNow(A, "INV-1", "OPEN", Money.zero("CNY"), Money.zero("CNY"), false, "ag-east")
                .nothingCollectibleBecause(false), "paid in full since: settled, as any");
    }

    /** The run duns a kept plan's instalments: a plan makes the whole invoice's demand moot, not an instalment's reminder. */
    @Test
    void anAgreedPlanWithdrawsTheWholeInvoicesDemandButNotAnInstalmentsReminderUntilAllIsPaid() {
        InvoiceNow underPlan = new InvoiceNow(A, "INV-1", "OPEN", Money.of("2000.00", "CNY"), Money.of("2000.00", "CNY"), true);
        RequestedMessage demand = sentAgo(Duration.ofDays(1), A);
        RequestedMessage instalmentReminder = new RequestedMessage(UUID.randomUUID(), NOW.minus(Duration.ofDays(1)),
                List.of(A), true);
        assertEquals(Optional.of("nothing collectible left: INV-1 under a payment plan"),
                WithdrawalRule.DEFAULT.reasonToWithdraw(demand, byId(underPlan), NOW));
        assertEquals(Optional.empty(), WithdrawalRule.DEFAULT.reasonToWithdraw(instalmentReminder, byId(underPlan), NOW));
        assertNull(underPlan.nothingCollectibleBecause(true));
        assertEquals(Optional.of("nothing collectible left: INV-1 paid"),
                WithdrawalRule.DEFAULT.reasonToWithdraw(instalmentReminder, byId(inState(A, "INV-1", "PAID")), NOW));
        assertEquals("settled", open(A, "INV-1", "0.00", "0.00").nothingCollectibleBecause(true));
    }

    @Test
    void aReasonOnManyInvoicesStopsWithHowManyMoreWithinFiveHundredCharacters() {
        List<String> why = new ArrayList<>(IntStream.rangeClosed(1, 60).mapToObj(i -> "INV-2026-" + (1000 + i) + " paid").toList());
        String reason = WithdrawalRule.reason(why);
        assertTrue(reason.length() <= 500, reason.length() + ": " + reason);
        assertTrue(reason.startsWith("nothing collectible left: INV-2026-1001 paid, INV-2026-1002 paid"), reason);
        // 26 characters of heading, then 18 per invoice and 2 per separator: 23 invoices (484) and " and 37 more" (496)
        assertEquals("nothing collectible left: " + String.join(", ", why.subList(0, 23)) + " and 37 more", reason);
        assertEquals("nothing collectible left: INV-1 paid, INV-2 paid", WithdrawalRule.reason(List.of("INV-1 paid",
                "INV-2 paid")));
        String exactly = "x".repeat(500 - 26);
        assertEquals("nothing collectible left: " + exactly, WithdrawalRule.reason(List.of(exactly)));
        assertEquals("nothing collectible left:  and 1 more", WithdrawalRule.reason(List.of(exactly + "y")));
        // the last of several needs no room for "and N more" after it: 26 + 10 + 2 + 462 = 500 exactly
        String last = "y".repeat(462);
        assertEquals("nothing collectible left: INV-1 paid, " + last, WithdrawalRule.reason(List.of("INV-1 paid", last)));
    }

    @Test
    void aBuyerInInsolvencyHasEveryRecentMessageWithdrawnWhateverItsInvoicesOwe() {
        assertEquals(Optional.of("buyer in insolvency proceedings"), WithdrawalRule.DEFAULT.reasonToWithdrawFromInsolvent(
                sentAgo(Duration.ofHours(20), A), NOW));
        assertEquals(Optional.of("buyer in insolvency proceedings"), WithdrawalRule.DEFAULT.reasonToWithdrawFromInsolvent(
                sentAgo(Duration.ofDays(14), A), NOW), "fourteen days ago is still recent");
        assertEquals(Optional.empty(), WithdrawalRule.DEFAULT.reasonToWithdrawFromInsolvent(
                sentAgo(Duration.ofDays(14).plusSeconds(1), A), NOW), "long sent");
    }
}
