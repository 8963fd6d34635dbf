package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

class ContactTest {
    static final UUID ID = UUID.randomUUID();
    static final UUID BUYER = UUID.randomUUID();

    @Test
    void aContactWithoutLanguageOrZoneIsInShanghaiWithNoLanguageOfItsOwn() {
        Contact c = Contact.of(ID, BUYER, " Li Wei ", "AP", "li@buyer.example", null, null, null, null);
        assertEquals("Li Wei", c.name());
        assertNull(c.language());
        assertEquals(ZoneId.of("Asia/Shanghai"), c.timeZone());
        assertEquals(Set.of(), c.optedOut());
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        DomainError e = assertThrows(DomainError.class,
                () -> Contact.of(ID, null, " ", null, "not-an-address", "call me", null, "de", "Mars/Olympus"));
        assertEquals("contact.invalid", e.code());
        assertEquals(List.of("buyerId", "name", "email", "mobile", "language", "timeZone"),
                e.violations().stream().map(v -> v.field()).toList());
    }

    /** A name over 200 characters was refused by itself (bean validation, before this rule), the bad email and language unnamed. */
    @Test
    void aFieldTooLongIsNamedWithEveryOtherWrongField() {
        DomainError e = assertThrows(DomainError.class, () -> Contact.of(ID, BUYER, "L".repeat(201), "F".repeat(201),
                "not-an-address", null, "P".repeat(1001), "de", null));
        assertEquals(List.of("name", "function", "email", "postalAddress", "language"),
                e.violations().stream().map(v -> v.field()).toList());
        assertEquals("must be at most 200 characters", e.violations().get(0).message());
        assertEquals(List.of("email"), assertThrows(DomainError.class, () -> Contact.of(ID, BUYER, "Li", null,
                "a".repeat(311) + "@b.example", null, null, null, null)).violations().stream().map(v -> v.field()).toList());
        Contact longest = Contact.of(ID, BUYER, "L".repeat(200), "F".repeat(200), null, null, "P".repeat(1000), null, null);
        assertEquals(200, longest.name().length());
    }

    @Test
    void aContactWithoutATimeZoneTakesItsTenantsElseShanghai() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        assertEquals(berlin, Contact.of(ID, BUYER, "Anna", null, "anna@b.example", null, null, "en", null, berlin).timeZone());
        assertEquals(java.time.ZoneId.of("Asia/Tokyo"),
                Contact.of(ID, BUYER, "Anna", null, "anna@b.example", null, null, "en", "Asia/Tokyo", berlin).timeZone());
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"),
                Contact.of(ID, BUYER, "Li", null, "li@b.example", null, null, null, null).timeZone());
    }

    @Test
    void aContactWithNoAddressAtAllIsRefused() {
        DomainError e = assertThrows(DomainError.class,
                () -> Contact.of(ID, BUYER, "Li", null, null, null, " ", "en", null));
        assertEquals(List.of("email"), e.violations().stream().map(v -> v.field()).toList());
        assertEquals("a contact needs an email, a mobile or a postal address", e.violations().get(0).message());
    }

    @Test
    void aPostalAddressAloneIsEnough() {
        Contact c = Contact.of(ID, BUYER, "Li", null, null, null, "1 Nanjing Road", "en", "Europe/Berlin");
        assertEquals("1 Nanjing Road", c.addressFor(ChannelType.LETTER));
        assertNull(c.addressFor(ChannelType.EMAIL));
        assertNull(c.addressFor(ChannelType.SMS));
        assertEquals(Language.EN, c.language());
        assertEquals(ZoneId.of("Europe/Berlin"), c.timeZone());
    }

    @Test
    void mobileAndEmailAddressTheirChannels() {
        Contact c = Contact.of(ID, BUYER, "Li", null, "li@b.example", "+86 138 0000 0000", null, "zh-CN", null);
        assertEquals("li@b.example", c.addressFor(ChannelType.EMAIL));
        assertEquals("+86 138 0000 0000", c.addressFor(ChannelType.SMS));
        assertNull(c.addressFor(ChannelType.LETTER));
        assertNull(c.addressFor(ChannelType.WEBHOOK));
        assertThrows(DomainError.class, () -> Contact.of(ID, BUYER, "Li", null, null, "12345", null, null, null));
    }

    @Test
    void anOptOutIsSetAndLiftedPerChannel() {
        Contact c = Contact.of(ID, BUYER, "Li", null, "li@b.example", null, null, null, null);
        Contact out = c.withOptOut(ChannelType.EMAIL, true).withOptOut(ChannelType.SMS, true);
        assertTrue(out.optedOutOf(ChannelType.EMAIL));
        assertTrue(out.optedOutOf(ChannelType.SMS));
        assertFalse(out.optedOutOf(ChannelType.LETTER));
        Contact back = out.withOptOut(ChannelType.EMAIL, false);
        assertFalse(back.optedOutOf(ChannelType.EMAIL));
        assertEquals(Set.of(ChannelType.SMS), back.optedOut());
    }

    @Test
    void anEditKeepsIdBuyerAndOptOuts() {
        Contact c = Contact.of(ID, BUYER, "Li", null, "li@b.example", null, null, null, null)
                .withOptOut(ChannelType.SMS, true);
        Contact edited = c.replacedBy(Contact.of(UUID.randomUUID(), UUID.randomUUID(), "Li Wei", "AP", "lw@b.example",
                null, "addr", "en", "Europe/Berlin"));
        assertEquals(ID, edited.id());
        assertEquals(BUYER, edited.buyerId());
        assertEquals("Li Wei", edited.name());
        assertEquals("AP", edited.function());
        assertEquals("lw@b.example", edited.email());
        assertEquals("addr", edited.postalAddress());
        assertEquals(Language.EN, edited.language());
        assertEquals(ZoneId.of("Europe/Berlin"), edited.timeZone());
        assertEquals(Set.of(ChannelType.SMS), edited.optedOut());
    }
}
