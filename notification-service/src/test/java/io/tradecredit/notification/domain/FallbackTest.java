package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FallbackTest {
    static final ChannelOrder EMAIL_SMS_LETTER = ChannelOrder.DEFAULT;

    static Contact liWei(String email, String mobile, String postal) {
        return new Contact(UUID.randomUUID(), UUID.randomUUID(), "Li Wei", "accounts payable", email, mobile, postal,
                Language.EN, ZoneId.of("Asia/Shanghai"), Set.of());
    }

    @Test
    void anEmailRefusedForGoodGoesByTheNextChannelOfTheOrder() {
        Contact li = liWei("li@globex.example", "+86 138 0000 0000", "1 Nanjing Rd, Shanghai");
        ContactChoice.Choice next = Fallback.next(List.of(li), EMAIL_SMS_LETTER, Set.of(ChannelType.EMAIL), false);
        assertEquals(ChannelType.SMS, next.channel());
        assertEquals("+86 138 0000 0000", next.address());
        assertEquals(li, next.contact());
    }

    @Test
    void aDunningSmsAfterTheEmailGoesToAccountsPayableBeforeSalesEnteredFirst() {
        Contact sales = new Contact(UUID.randomUUID(), UUID.randomUUID(), "Zhao Min", "sales", null, "+86 139 0000 0000", null,
                Language.EN, ZoneId.of("Asia/Shanghai"), Set.of());
        Contact li = liWei("li@globex.example", "+86 138 0000 0000", null);
        ContactChoice.Choice next = Fallback.next(List.of(sales, li), EMAIL_SMS_LETTER, Set.of(ChannelType.EMAIL), false,
                "dunning");
        assertEquals(li, next.contact());
        assertEquals("+86 138 0000 0000", next.address());
        assertEquals(sales, Fallback.next(List.of(sales, li), EMAIL_SMS_LETTER, Set.of(ChannelType.EMAIL), false).contact());
    }

    @Test
    void aChannelNobodyCanBeReachedOnIsPassedOverEmailToLetter() {
        Contact noMobile = liWei("li@globex.example", null, "1 Nanjing Rd, Shanghai");
        assertEquals(ChannelType.LETTER, Fallback.next(List.of(noMobile), EMAIL_SMS_LETTER, Set.of(ChannelType.EMAIL), false)
                .channel());
        Contact optedOutOfSms = liWei("li@globex.example", "+86 138 0000 0000", "1 Nanjing Rd, Shanghai")
                .withOptOut(ChannelType.SMS, true);
        assertEquals(ChannelType.LETTER, Fallback.next(List.of(optedOutOfSms), EMAIL_SMS_LETTER, Set.of(ChannelType.EMAIL),
                false).channel());
    }

    @Test
    void aRequestedSmsThatFailsGoesToTheFirstChannelOfTheOrderNotTried() {
        Contact li = liWei("li@globex.example", "+86 138 0000 0000", null);
        assertEquals(ChannelType.EMAIL, Fallback.next(List.of(li), EMAIL_SMS_LETTER, Set.of(ChannelType.SMS), false).channel());
    }

    @Test
    void whenEveryChannelWasTriedTheMessageFailsSayingSo() {
        Contact li = liWei("li@globex.example", "+86 138 0000 0000", null);
        ContactChoice.Choice none = Fallback.next(List.of(li), EMAIL_SMS_LETTER,
                Set.of(ChannelType.EMAIL, ChannelType.SMS, ChannelType.LETTER), false);
        assertFalse(none.found());
        assertEquals("no channel of the tenant's order [EMAIL, SMS, LETTER] is left to try", none.failure());
        assertEquals("no usable contact on LETTER: no contact has an address",
                Fallback.next(List.of(li), EMAIL_SMS_LETTER, Set.of(ChannelType.EMAIL, ChannelType.SMS), false).failure());
    }

    @Test
    void aLegallyRequiredLetterIsNotReplacedButALegallyRequiredEmailFallsBackToALetterDespiteItsOptOut() {
        Contact li = liWei("li@globex.example", "+86 138 0000 0000", "1 Nanjing Rd, Shanghai").withOptOut(ChannelType.LETTER, true);
        assertEquals("a legally required letter is not replaced by another channel",
                Fallback.next(List.of(li), EMAIL_SMS_LETTER, Set.of(ChannelType.LETTER), true).failure());
        ChannelOrder emailLetter = ChannelOrder.of(List.of(ChannelType.EMAIL, ChannelType.LETTER));
        assertEquals(ChannelType.LETTER, Fallback.next(List.of(li), emailLetter, Set.of(ChannelType.EMAIL), true).channel());
        assertFalse(Fallback.next(List.of(li), emailLetter, Set.of(ChannelType.EMAIL), false).found());
        // not legally required: a letter that failed may still be followed by the next channel
        assertEquals(ChannelType.EMAIL, Fallback.next(List.of(li), EMAIL_SMS_LETTER, Set.of(ChannelType.LETTER), false).channel());
    }
}
