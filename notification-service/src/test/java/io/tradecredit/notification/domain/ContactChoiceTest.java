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

    static final Contact SALES = Contact.of(UUID.randomUUID(), BUYER, "Zhao Min", "sales", "zhao@buyer.example",
            "+86 139 0000 0000", null, "zh-CN", null);

    /** Was theFirstContactOnTheFirstChannelOfTheOrderIsChosen: entry order decides now only among equals or without a payment purpose. */
    @Test
    void forAPurposeNotAboutPaymentTheFirstContactEnteredOnTheFirstChannelOfTheOrderIsChosen() {
        for (String purpose : java.util.Arrays.asList("announcement", null)) {
            var c = ContactChoice.choose(List.of(SALES, LI, ANNA), Optional.empty(), ChannelOrder.DEFAULT, false, purpose);
            assertTrue(c.found());
            assertEquals(SALES, c.contact());
            assertEquals(ChannelType.EMAIL, c.channel());
            assertEquals("zhao@buyer.example", c.address());
            assertNull(c.failure());
        }
        assertEquals(SALES, ContactChoice.choose(List.of(SALES, LI), Optional.empty(), ChannelOrder.DEFAULT, false).contact());
    }

    @Test
    void aDunningMessageGoesToAccountsPayableBeforeASalesContactEnteredFirst() {
        var c = ContactChoice.choose(List.of(SALES, ANNA, LI), Optional.empty(), ChannelOrder.DEFAULT, false, "dunning");
        assertEquals(LI, c.contact());
        assertEquals(ChannelType.EMAIL, c.channel());
        assertEquals("li@buyer.example", c.address());
    }

    @Test
    void withoutAccountsPayableFinanceComesBeforeSales() {
        var c = ContactChoice.choose(List.of(SALES, ANNA), Optional.of(ChannelType.SMS), ChannelOrder.DEFAULT, false,
                "invoice-receipt");
        assertEquals(ANNA, c.contact());
        assertEquals("+86 138 0000 0000", c.address());
    }

    @Test
    void amongContactsOfTheSameFunctionTheFirstEnteredIsChosen() {
        Contact wang = Contact.of(UUID.randomUUID(), BUYER, "Wang Fang", "应付账款", "wang@buyer.example", null, null, null,
                null);
        var c = ContactChoice.choose(List.of(SALES, wang, LI), Optional.empty(), ChannelOrder.DEFAULT, false, "dunning");
        assertEquals(wang, c.contact());
    }

    @Test
    void theTenantsChannelOrderComesBeforeTheFunction() {
        Contact apByPost = Contact.of(UUID.randomUUID(), BUYER, "Sun Li", "accounts payable", null, null,
                "1 Nanjing Road, Shanghai", null, null);
        var c = ContactChoice.choose(List.of(SALES, apByPost), Optional.empty(), ChannelOrder.DEFAULT, false, "dunning");
        assertEquals(SALES, c.contact());
        assertEquals(ChannelType.EMAIL, c.channel());
    }

    @Test
    void aQueuedMessageNoLongerReachesAContactWhoLostTheAddressChangedItOrOptedOut() {
        // queued to Li Wei's email; then the tenant edits Li Wei's contact
        assertEquals(Optional.empty(), ContactChoice.noLongerReaches(LI, ChannelType.EMAIL, "li@buyer.example", false));
        Contact noEmail = Contact.of(LI.id(), BUYER, "Li Wei", "accounts payable", null, null, "1 Nanjing Road, Shanghai",
                "zh-CN", null);
        assertEquals(Optional.of("the contact has no EMAIL address now"),
                ContactChoice.noLongerReaches(noEmail, ChannelType.EMAIL, "li@buyer.example", false));
        Contact otherEmail = Contact.of(LI.id(), BUYER, "Li Wei", "accounts payable", "wei.li@buyer.example", null, null,
                "zh-CN", null);
        assertEquals(Optional.of("the contact's EMAIL address changed"),
                ContactChoice.noLongerReaches(otherEmail, ChannelType.EMAIL, "li@buyer.example", false));
        assertEquals(Optional.of("the contact opted out of EMAIL"),
                ContactChoice.noLongerReaches(LI.withOptOut(ChannelType.EMAIL, true), ChannelType.EMAIL, "li@buyer.example", true));
    }

    @Test
    void aLegallyRequiredLetterStillReachesAContactWhoOptedOutOfLetters() {
        Contact optedOut = LI.withOptOut(ChannelType.LETTER, true);
        assertEquals(Optional.empty(), ContactChoice.noLongerReaches(optedOut, ChannelType.LETTER, "1 Nanjing Road, Shanghai", true));
        assertEquals(Optional.of("the contact opted out of LETTER"),
                ContactChoice.noLongerReaches(optedOut, ChannelType.LETTER, "1 Nanjing Road, Shanghai", false));
    }

    @Test
    void purposesAboutWhatTheBuyerOwes() {
        for (String p : List.of("dunning", "dunning.formal-demand", " Dunning ", "invoice-receipt", "payment-plan", "payment")) {
            assertTrue(ContactChoice.aboutPayment(p), p);
        }
        for (String p : java.util.Arrays.asList("credit-limit-changed", "claim-deadline", "announcement", null)) {
            assertFalse(ContactChoice.aboutPayment(p), p);
        }
    }

    @Test
    void accountsPayableThenFinanceThenAnyoneElse() {
        for (String f : List.of("accounts payable", "Accounts Payable Manager", "应付账款", "A/P clerk", "AP", "head of AP")) {
            assertEquals(0, ContactChoice.payableRank(f), f);
        }
        for (String f : List.of("finance", "Chief Financial Officer", "accounting", "Treasury", "财务部", "会计", "出纳")) {
            assertEquals(1, ContactChoice.payableRank(f), f);
        }
        for (String f : java.util.Arrays.asList("sales", "apartment manager", "采购", "", null)) {
            assertEquals(2, ContactChoice.payableRank(f), f);
        }
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
