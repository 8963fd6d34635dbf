package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

class NotificationSettingsTest {
    static final NotificationSettings.SenderFields ACME = new NotificationSettings.SenderFields("Acme AR",
            "ar@acme.example", "collections@acme.example", "Acme Trading Co., Ltd.", "Zhang San");

    @Test
    void partsLeftOutKeepTheirDefaults() {
        NotificationSettings s = NotificationSettings.of(null, null, null, null, null, false);
        assertNull(s.sender());
        assertEquals(ChannelOrder.DEFAULT, s.channelOrder());
        assertEquals(SendWindow.DEFAULT, s.sendWindow());
        assertEquals(List.of(ChannelType.EMAIL, ChannelType.SMS, ChannelType.LETTER), s.channelOrder().channels());
    }

    @Test
    void theTenantsCalendarMovesOnlyTheWindowsDays() {
        // National Day a holiday, the Sunday before it a make-up working day: the window sends on that Sunday
        BusinessDays calendar = new BusinessDays(Set.of(LocalDate.parse("2026-10-01")), Set.of(LocalDate.parse("2026-09-27")));
        NotificationSettings s = NotificationSettings.of(ACME, null, null, null, null, false).on(calendar);
        // kept in the tenant's time zone (Shanghai when left out): its make-up days are worked there
        assertEquals(calendar.in(java.time.ZoneId.of("Asia/Shanghai")), s.sendWindow().businessDays());
        assertEquals(SendWindow.DEFAULT.on(calendar.in(java.time.ZoneId.of("Asia/Shanghai"))), s.sendWindow());
        assertEquals(new SenderIdentity("Acme AR", "ar@acme.example", "collections@acme.example",
                "Acme Trading Co., Ltd.", "Zhang San"), s.sender());
        assertEquals(ChannelOrder.DEFAULT, s.channelOrder());
    }

    @Test
    void aFullSettingIsKeptAsGiven() {
        NotificationSettings s = NotificationSettings.of(ACME, List.of(ChannelType.LETTER, ChannelType.EMAIL),
                LocalTime.of(8, 30), LocalTime.of(17, 0), Set.of(DayOfWeek.MONDAY), true);
        assertEquals(new SenderIdentity("Acme AR", "ar@acme.example", "collections@acme.example",
                "Acme Trading Co., Ltd.", "Zhang San"), s.sender());
        assertEquals(List.of(ChannelType.LETTER, ChannelType.EMAIL), s.channelOrder().channels());
        assertEquals(new SendWindow(LocalTime.of(8, 30), LocalTime.of(17, 0), Set.of(DayOfWeek.MONDAY)), s.sendWindow());
    }

    @Test
    void everyWrongFieldOfEveryPartIsNamedInOneRefusal() {
        DomainError e = assertThrows(DomainError.class, () -> NotificationSettings.of(
                new NotificationSettings.SenderFields(" ", "nope", "also nope", null, null),
                List.of(ChannelType.EMAIL, ChannelType.EMAIL), LocalTime.of(18, 0), LocalTime.of(9, 0), Set.of(), true));
        assertEquals("notification-settings.invalid", e.code());
        assertEquals(List.of("sender.fromName", "sender.fromAddress", "sender.replyTo", "sender.signatory",
                "channelOrder", "sendWindow.closes", "sendWindow.days"),
                e.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void theTenantsLanguageIsZhCnOrEnAndChineseWhenLeftOut() {
        assertEquals(Language.ZH_CN, NotificationSettings.of(null, null, null, null, null, false).language());
        assertEquals(Language.ZH_CN, NotificationSettings.DEFAULT.language());
        NotificationSettings en = NotificationSettings.of(ACME, null, null, null, null, false, "en", null);
        assertEquals(Language.EN, en.language());
        assertEquals(Language.EN, en.on(BusinessDays.NONE).language());
        DomainError e = assertThrows(DomainError.class, () -> NotificationSettings.of(
                new NotificationSettings.SenderFields(" ", "ar@acme.example", null, null, "Zhang San"), null, null, null,
                null, false, "de", null));
        assertEquals(List.of("sender.fromName", "language"), e.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void theTenantsTimeZoneIsAnIanaZoneAndShanghaiWhenLeftOut() {
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"), NotificationSettings.DEFAULT.timeZone());
        NotificationSettings berlin = NotificationSettings.of(null, null, null, null, null, false, null, "Europe/Berlin");
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), berlin.timeZone());
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), berlin.on(BusinessDays.NONE).timeZone());
        DomainError e = assertThrows(DomainError.class, () -> NotificationSettings.of(null, null, null, null, null, false,
                "de", "Mars/Olympus"));
        assertEquals(List.of("language", "timeZone"), e.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void anSmsTakesThreePartsUnlessTheTenantSaysOneToTen() {
        assertEquals(3, NotificationSettings.DEFAULT.sms().maxParts());
        assertEquals(3, NotificationSettings.of(null, null, null, null, null, false, null, null, null).sms().maxParts());
        NotificationSettings one = NotificationSettings.of(null, null, null, null, null, false, null, null, 1);
        assertEquals(1, one.sms().maxParts());
        assertEquals(1, one.on(BusinessDays.NONE).sms().maxParts());
        assertEquals(10, NotificationSettings.of(null, null, null, null, null, false, null, null, 10).sms().maxParts());
        for (int wrong : new int[] {0, 11}) {
            DomainError e = assertThrows(DomainError.class, () -> NotificationSettings.of(null, null, null, null, null, false,
                    "de", null, wrong));
            assertEquals(List.of("language", "smsMaxParts"), e.violations().stream().map(v -> v.field()).toList());
        }
    }

    @Test
    void theContactPersonForQuestionsIsAsSetAndEachFieldLeftOutComesFromTheIdentity() {
        var wang = new SenderIdentity.ContactPerson(" Wang Fang ", " +86 21 5888 1234 ", " wang.fang@acme.example ");
        NotificationSettings s = NotificationSettings.of(new NotificationSettings.SenderFields("Acme AR",
                "ar@acme.example", "collections@acme.example", "", "Zhang San", wang), null, null, null, null, false);
        assertEquals(new SenderIdentity.ContactPerson("Wang Fang", "+86 21 5888 1234", "wang.fang@acme.example"),
                s.sender().questionsTo());
        // nothing set: the signatory, no phone, the reply-to address (else From)
        assertEquals(new SenderIdentity.ContactPerson("Zhang San", "", "collections@acme.example"),
                SenderIdentity.of("Acme AR", "ar@acme.example", "collections@acme.example", "", "Zhang San", null).questionsTo());
        assertEquals(new SenderIdentity.ContactPerson("Wang Fang", "", "ar@acme.example"), SenderIdentity.of("Acme AR",
                "ar@acme.example", null, "", "Zhang San", new SenderIdentity.ContactPerson("Wang Fang", null, null))
                .questionsTo());
    }

    @Test
    void aContactPersonsPhoneAndEmailAreCheckedAndNamedWithTheRestOfTheSender() {
        DomainError e = assertThrows(DomainError.class, () -> NotificationSettings.of(new NotificationSettings.SenderFields(
                "Acme AR", "nope", null, "", "Zhang San", new SenderIdentity.ContactPerson("Wang", "call me", "wang@")),
                null, null, null, null, false));
        assertEquals(List.of("sender.fromAddress", "sender.contact.email", "sender.contact.phone"),
                e.violations().stream().map(v -> v.field()).toList());
        assertEquals("+86 (21) 5888-1234", SenderIdentity.of("Acme AR", "ar@acme.example", null, "", "Zhang San",
                new SenderIdentity.ContactPerson("", "+86 (21) 5888-1234", "")).contact().phone());
        assertThrows(DomainError.class, () -> SenderIdentity.of("Acme AR", "ar@acme.example", null, "", "Zhang San",
                new SenderIdentity.ContactPerson("", "1234", "")), "four digits are no telephone number");
        assertThrows(DomainError.class, () -> SenderIdentity.of("Acme AR", "ar@acme.example", null, "", "Zhang San",
                new SenderIdentity.ContactPerson("", "1".repeat(31), "")));
    }

    @Test
    void anEmptyChannelOrderIsRefused() {
        DomainError e = assertThrows(DomainError.class, () -> ChannelOrder.of(List.of()));
        assertEquals("channelOrder", e.violations().get(0).field());
        assertThrows(DomainError.class, () -> ChannelOrder.of(null));
    }

    @Test
    void aSenderWithoutReplyToOrLetterheadIsFine() {
        SenderIdentity s = SenderIdentity.of(" Acme ", " ar@acme.example ", null, null, " Zhang ");
        assertEquals("Acme", s.fromName());
        assertEquals("ar@acme.example", s.fromAddress());
        assertNull(s.replyTo());
        assertEquals("", s.letterhead());
        assertEquals("Zhang", s.signatory());
    }

    @Test
    void emailAddressesHaveOneAtAndADottedDomain() {
        assertTrue(EmailAddress.isValid("ap@buyer.example"));
        assertTrue(EmailAddress.isValid("li.wei+ar@mail.buyer.com.cn"));
        assertFalse(EmailAddress.isValid("ap@buyer"));
        assertFalse(EmailAddress.isValid("ap buyer@x.example"));
        assertFalse(EmailAddress.isValid("<ap@buyer.example>"));
        assertFalse(EmailAddress.isValid("a@b@c.example"));
        assertFalse(EmailAddress.isValid(null));
    }

    @Test
    void languagesAreKnownByTheirTags() {
        assertEquals(Language.ZH_CN, Language.ofTag("zh-CN").orElseThrow());
        assertEquals(Language.EN, Language.ofTag("en").orElseThrow());
        assertTrue(Language.ofTag("zh").isEmpty());
        assertEquals("zh-CN", Language.FALLBACK.tag());
    }

    @Test
    void theContactPersonsFieldsAreKeptStrippedAndAMissingOneIsEmpty() {
        SenderIdentity.ContactPerson p = new SenderIdentity.ContactPerson(" 王芳 ", null, " wang.fang@acme.example ");
        assertEquals("王芳", p.name());
        assertEquals("", p.phone());
        assertEquals("wang.fang@acme.example", p.email());
        SenderIdentity.ContactPerson q = new SenderIdentity.ContactPerson(null, " +86 21 5888 1234 ", null);
        assertEquals("", q.name());
        assertEquals("+86 21 5888 1234", q.phone());
        assertEquals("", q.email());
    }
}
