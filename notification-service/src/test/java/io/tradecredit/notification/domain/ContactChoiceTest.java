package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ContactChoiceTest {
    static final UUID BUYER = UUID.randomUUID();
    static final Contact LI = Contact.of(UUID.randomUUID(), BUYER, "Li Wei", "accounts payable", "li@buyer.example",
            null, "1 Nanjing Road, Shanghai", "zh-CN", null);
    static final Contact ANNA = Contact.of(UUID.randomUUID(), BUYER, "Anna Berg", "finance", "anna@buyer.example",
            "+86 138 0000 0000", null, "en", "Europe/Berlin");

    @Test
    void theFirstContactOnTheFirstChannelOfTheOrderIsChosen() {
        var c = ContactChoice.choose(List.of(LI, ANNA), Optional.empty(), ChannelOrder.DEFAULT, false);
        assertTrue(c.found());
        assertEquals(LI, c.contact());
        assertEquals(ChannelType.EMAIL, c.channel());
        assertEquals("li@buyer.example", c.address());
        assertNull(c.failure());
    }

    @Test
    void aContactWhoOptedOutOfEmailIsPassedOverForTheNext() {
        var c = ContactChoice.choose(List.of(LI.withOptOut(ChannelType.EMAIL, true), ANNA), Optional.empty(),
                ChannelOrder.DEFAULT, false);
        assertEquals(ANNA, c.contact());
        assertEquals("anna@buyer.example", c.address());
    }

    @Test
    void whenEveryoneOptedOutOfEmailTheNextChannelOfTheOrderIsTaken() {
        var c = ContactChoice.choose(List.of(LI.withOptOut(ChannelType.EMAIL, true), ANNA.withOptOut(ChannelType.EMAIL,
                true)), Optional.empty(), ChannelOrder.DEFAULT, false);
        assertEquals(ChannelType.SMS, c.channel());
        assertEquals(ANNA.id(), c.contact().id());
        assertEquals("+86 138 0000 0000", c.address());
    }

    @Test
    void aRequestedChannelIsTheOnlyOneTried() {
        var c = ContactChoice.choose(List.of(LI), Optional.of(ChannelType.SMS), ChannelOrder.DEFAULT, false);
        assertFalse(c.found());
        assertEquals("no usable contact on SMS: no contact has an address", c.failure());
        assertNull(c.contact());
        assertNull(c.channel());
    }

    @Test
    void aLegallyRequiredLetterIgnoresALetterOptOut() {
        Contact li = LI.withOptOut(ChannelType.LETTER, true);
        var legal = ContactChoice.choose(List.of(li), Optional.of(ChannelType.LETTER), ChannelOrder.DEFAULT, true);
        assertEquals(li, legal.contact());
        assertEquals("1 Nanjing Road, Shanghai", legal.address());
        var ordinary = ContactChoice.choose(List.of(li), Optional.of(ChannelType.LETTER), ChannelOrder.DEFAULT, false);
        assertEquals("no usable contact on LETTER: every contact with an address opted out", ordinary.failure());
    }

    @Test
    void aLegallyRequiredEmailStillRespectsAnEmailOptOut() {
        var c = ContactChoice.choose(List.of(LI.withOptOut(ChannelType.EMAIL, true)), Optional.of(ChannelType.EMAIL),
                ChannelOrder.DEFAULT, true);
        assertEquals("no usable contact on EMAIL: every contact with an address opted out", c.failure());
    }

    @Test
    void aBuyerWithoutContactsFailsSayingSo() {
        var c = ContactChoice.choose(List.of(), Optional.empty(), ChannelOrder.DEFAULT, false);
        assertEquals("no usable contact: the buyer has no contacts", c.failure());
    }

    @Test
    void theReasonNamesEveryChannelTried() {
        Contact mailOnly = Contact.of(UUID.randomUUID(), BUYER, "Wang", null, "w@buyer.example", null, null, null, null)
                .withOptOut(ChannelType.EMAIL, true);
        var c = ContactChoice.choose(List.of(mailOnly), Optional.empty(), ChannelOrder.DEFAULT, false);
        assertEquals("no usable contact on EMAIL: every contact with an address opted out; SMS: no contact has an"
                + " address; LETTER: no contact has an address", c.failure());
    }

    @Test
    void aWebhookNeverGoesToAContact() {
        var c = ContactChoice.choose(List.of(ANNA), Optional.of(ChannelType.WEBHOOK), ChannelOrder.DEFAULT, false);
        assertEquals("no usable contact on WEBHOOK: no contact has an address", c.failure());
    }
}
