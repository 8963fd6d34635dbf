package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class MessageTest {
    static final UUID BUYER = UUID.randomUUID();
    static final Contact BERLIN = Contact.of(UUID.randomUUID(), BUYER, "Anna", null, "anna@b.example", null, null, "en",
            "Europe/Berlin");
    static final Instant THURSDAY_3_AM_BERLIN = Instant.parse("2026-12-03T02:00:00Z");
    static final RenderedMessage BODY = RenderedMessage.of("Hello", "Pay", "");

    static MessageRequest request(boolean critical, Optional<Language> hint) {
        return new MessageRequest(UUID.randomUUID(), "dunning", "dunning.reminder", Optional.empty(),
                MessageRequest.RecipientKind.BUYER, BUYER, hint, critical, false, JsonNodeFactory.instance.objectNode());
    }

    static ContactChoice.Choice chosen() {
        return new ContactChoice.Choice(BERLIN, ChannelType.EMAIL, "anna@b.example", null);
    }

    @Test
    void aQueuedMessageWaitsForTheWindowInTheContactsZone() {
        Message m = Message.queued("acme", request(false, Optional.empty()), chosen(), Language.EN,
                new Message.Sender("Acme", "ar@acme.example", null), BODY, SendWindow.DEFAULT, THURSDAY_3_AM_BERLIN);
        assertEquals(MessageStatus.QUEUED, m.status());
        assertEquals(Instant.parse("2026-12-03T08:00:00Z"), m.nextAttemptAt());
        assertEquals(THURSDAY_3_AM_BERLIN, m.requestedAt());
        assertEquals(BERLIN.id(), m.contactId());
        assertEquals("anna@b.example", m.address());
        assertEquals(ChannelType.EMAIL, m.channel());
        assertEquals(0, m.attempts());
        assertNull(m.failureReason());
        assertNull(m.sha256());
    }

    @Test
    void aCriticalMessageGoesAtOnce() {
        Message m = Message.queued("acme", request(true, Optional.empty()), chosen(), Language.EN, null, BODY,
                SendWindow.DEFAULT, THURSDAY_3_AM_BERLIN);
        assertEquals(THURSDAY_3_AM_BERLIN, m.nextAttemptAt());
    }

    @Test
    void aMessageToTheTenantHasNoContactAndGoesAtOnce() {
        Message m = Message.queued("acme", request(false, Optional.empty()),
                new ContactChoice.Choice(null, ChannelType.EMAIL, "ar@acme.example", null), Language.ZH_CN, null, BODY,
                SendWindow.DEFAULT, THURSDAY_3_AM_BERLIN);
        assertEquals(THURSDAY_3_AM_BERLIN, m.nextAttemptAt());
        assertNull(m.contactId());
    }

    /** Wednesday 9 December 2026: an SMS handed over at 17:59:40 in Shanghai, the provider answered 503. */
    static final Instant BACKOFF_ENDS_18_00_10_SHANGHAI = Instant.parse("2026-12-09T10:00:10Z");

    static Message queuedTo(Contact to, boolean critical) {
        return Message.queued("acme", request(critical, Optional.empty()),
                new ContactChoice.Choice(to, ChannelType.SMS, "+86 138 0000 0000", null), Language.ZH_CN, null, BODY,
                SendWindow.DEFAULT, THURSDAY_3_AM_BERLIN);
    }

    @Test
    void aRetryAfterTheWindowClosedWaitsForItsNextOpeningInThePersonsZone() {
        Contact shanghai = Contact.of(UUID.randomUUID(), BUYER, "Li Wei", null, null, "+86 138 0000 0000", null, "zh-CN", null);
        // 18:00:10 in Shanghai: the window closed at 18:00; it opens again on Thursday at 09:00
        assertEquals(Instant.parse("2026-12-10T01:00:00Z"), queuedTo(shanghai, false).retryDue(BACKOFF_ENDS_18_00_10_SHANGHAI,
                SendWindow.DEFAULT, shanghai.timeZone()));
        // the same instant is 11:00:10 in Berlin: the window is open there
        assertEquals(BACKOFF_ENDS_18_00_10_SHANGHAI, queuedTo(BERLIN, false).retryDue(BACKOFF_ENDS_18_00_10_SHANGHAI,
                SendWindow.DEFAULT, BERLIN.timeZone()));
        // a contact removed since: the default zone, Shanghai's
        assertEquals(Instant.parse("2026-12-10T01:00:00Z"), queuedTo(BERLIN, false).retryDue(BACKOFF_ENDS_18_00_10_SHANGHAI,
                SendWindow.DEFAULT, null));
    }

    @Test
    void aCriticalRetryOrOneToTheTenantGoesWhenItsBackoffEnds() {
        assertEquals(BACKOFF_ENDS_18_00_10_SHANGHAI, queuedTo(BERLIN, true).retryDue(BACKOFF_ENDS_18_00_10_SHANGHAI,
                SendWindow.DEFAULT, Contact.DEFAULT_TIME_ZONE));
        assertEquals(BACKOFF_ENDS_18_00_10_SHANGHAI, queuedTo(null, false).retryDue(BACKOFF_ENDS_18_00_10_SHANGHAI,
                SendWindow.DEFAULT, Contact.DEFAULT_TIME_ZONE));
    }

    /** Friday 11 December 2026, 18:00:30 in Shanghai: a message due at 17:59:59 picked by a late worker. */
    static final Instant FRIDAY_18_00_30_SHANGHAI = Instant.parse("2026-12-11T10:00:30Z");

    @Test
    void aMessageToAPersonPickedAfterItsWindowClosedWaitsForMondayMorning() {
        Contact shanghai = Contact.of(UUID.randomUUID(), BUYER, "Li Wei", null, null, "+86 138 0000 0000", null, "zh-CN", null);
        // Monday 14 December, 09:00 in Shanghai
        assertEquals(Instant.parse("2026-12-14T01:00:00Z"), queuedTo(shanghai, false).handOverAt(FRIDAY_18_00_30_SHANGHAI,
                SendWindow.DEFAULT, shanghai.timeZone()));
        // picked at 17:59:59 it goes at once
        Instant justBefore = Instant.parse("2026-12-11T09:59:59Z");
        assertEquals(justBefore, queuedTo(shanghai, false).handOverAt(justBefore, SendWindow.DEFAULT, shanghai.timeZone()));
        // a critical one, or one to the tenant, goes whenever it is picked
        assertEquals(FRIDAY_18_00_30_SHANGHAI, queuedTo(shanghai, true).handOverAt(FRIDAY_18_00_30_SHANGHAI,
                SendWindow.DEFAULT, shanghai.timeZone()));
        assertEquals(FRIDAY_18_00_30_SHANGHAI, queuedTo(null, false).handOverAt(FRIDAY_18_00_30_SHANGHAI,
                SendWindow.DEFAULT, Contact.DEFAULT_TIME_ZONE));
    }

    @Test
    void aMessageDueOnADayThatBecameAHolidayWaitsForTheNextBusinessDay() {
        // queued for Monday 14 December 09:00 in Shanghai; the tenant's calendar made that Monday a holiday since
        Instant mondayNine = Instant.parse("2026-12-14T01:00:00Z");
        SendWindow withHoliday = SendWindow.DEFAULT.on(new BusinessDays(Set.of(java.time.LocalDate.of(2026, 12, 14)), Set.of()));
        assertEquals(Instant.parse("2026-12-15T01:00:00Z"), queuedTo(BERLIN, false).handOverAt(mondayNine, withHoliday, null));
    }

    @Test
    void onlyAWebhookIsSentAgainAfterAnUnclearHandOver() {
        assertEquals(Set.of(ChannelType.WEBHOOK), java.util.Arrays.stream(ChannelType.values())
                .filter(ChannelType::resentAfterUnclearHandOver).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aFailedMessageKeepsItsReasonAndWhateverWasChosen() {
        Message none = Message.failed("acme", request(false, Optional.empty()), null, Language.ZH_CN, "no contact",
                THURSDAY_3_AM_BERLIN);
        assertEquals(MessageStatus.FAILED, none.status());
        assertEquals("no contact", none.failureReason());
        assertNull(none.channel());
        assertNull(none.contactId());
        assertNull(none.address());
        assertNull(none.nextAttemptAt());
        Message unrendered = Message.failed("acme", request(false, Optional.empty()), chosen(), Language.EN, "lacks x",
                THURSDAY_3_AM_BERLIN);
        assertEquals(ChannelType.EMAIL, unrendered.channel());
        assertEquals(BERLIN.id(), unrendered.contactId());
        assertEquals("anna@b.example", unrendered.address());
        assertNull(unrendered.rendered());
    }

    @Test
    void theLanguageIsTheContactsElseTheHintElseChinese() {
        Contact noLanguage = Contact.of(UUID.randomUUID(), BUYER, "Li", null, "li@b.example", null, null, null, null);
        assertEquals(Language.EN, request(false, Optional.of(Language.ZH_CN)).languageFor(BERLIN));
        assertEquals(Language.EN, request(false, Optional.of(Language.EN)).languageFor(noLanguage));
        assertEquals(Language.ZH_CN, request(false, Optional.empty()).languageFor(noLanguage));
        assertEquals(Language.EN, request(false, Optional.of(Language.EN)).languageFor(null));
    }

    /**
     * No service sends a languageHint, so every contact entered without a language was written to in Chinese,
     * whatever its tenant's buyers read: the tenant's language now comes after the contact's and the hint.
     */
    @Test
    void theTenantsLanguageComesAfterTheContactsAndTheHint() {
        Contact noLanguage = Contact.of(UUID.randomUUID(), BUYER, "Anna", null, "anna@b.example", null, null, null, null);
        assertEquals(Language.EN, request(false, Optional.empty()).languageFor(noLanguage, Language.EN));
        assertEquals(Language.EN, request(false, Optional.empty()).languageFor(null, Language.EN));
        assertEquals(Language.ZH_CN, request(false, Optional.of(Language.ZH_CN)).languageFor(noLanguage, Language.EN));
        Contact chinese = Contact.of(UUID.randomUUID(), BUYER, "Li", null, "li@b.example", null, null, "zh-CN", null);
        assertEquals(Language.ZH_CN, request(false, Optional.empty()).languageFor(chinese, Language.EN));
        assertEquals(Language.ZH_CN, request(false, Optional.empty()).languageFor(noLanguage, null));
    }

    @Test
    void aStatusChangeSaysWhatTheRequesterNeeds() {
        MessageRequest r = request(false, Optional.empty());
        Message m = Message.failed("acme", r, chosen(), Language.EN, "lacks x", THURSDAY_3_AM_BERLIN);
        StatusChange c = StatusChange.of(m, Instant.EPOCH);
        assertEquals(new StatusChange(r.requestId(), "acme", "dunning", "dunning.reminder",
                MessageRequest.RecipientKind.BUYER, BUYER, MessageStatus.FAILED, ChannelType.EMAIL, "lacks x", 0,
                Instant.EPOCH), c);
    }

    @Test
    void aMessageBeingHandedOverIsShownQueuedAsLastPublishedAndEveryOtherStatusAsItIs() {
        assertEquals(MessageStatus.QUEUED, MessageStatus.SENDING.shown());
        for (MessageStatus s : MessageStatus.values()) {
            assertTrue(s.shown().published(), s.name());
            if (s != MessageStatus.SENDING) {
                assertEquals(s, s.shown());
            }
        }
    }

    @Test
    void sendingIsTheOnlyStatusNotPublishedFinalStatusesLeadNowhereAndOnlyAReportSettlesAnUnknown() {
        assertEquals(Set.of(MessageStatus.SENDING, MessageStatus.FAILED, MessageStatus.WITHDRAWN), MessageStatus.QUEUED.next());
        assertEquals(Set.of(MessageStatus.SENT, MessageStatus.QUEUED, MessageStatus.FAILED, MessageStatus.UNKNOWN,
                MessageStatus.WITHDRAWN), MessageStatus.SENDING.next());
        // a provider's report that a SENT or UNKNOWN message failed for good falls back (QUEUED on the next channel)
        assertEquals(Set.of(MessageStatus.DELIVERED, MessageStatus.QUEUED, MessageStatus.FAILED), MessageStatus.SENT.next());
        assertEquals(Set.of(MessageStatus.DELIVERED, MessageStatus.QUEUED, MessageStatus.FAILED), MessageStatus.UNKNOWN.next());
        assertEquals(Set.of(), MessageStatus.FAILED.next());
        assertEquals(Set.of(), MessageStatus.DELIVERED.next());
        assertEquals(Set.of(), MessageStatus.WITHDRAWN.next());
        for (MessageStatus s : MessageStatus.values()) {
            assertEquals(s != MessageStatus.SENDING, s.published(), s.name());
        }
    }

    /** National Day 2026 in Shanghai: 1 to 7 October off; the calendar shared first has no make-up working day. */
    static final SendWindow NATIONAL_DAY = SendWindow.DEFAULT.on(new BusinessDays(
            java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(d -> java.time.LocalDate.of(2026, 10, d))
                    .collect(java.util.stream.Collectors.toSet()), Set.of()));
    static final Contact SHANGHAI = Contact.of(UUID.randomUUID(), BUYER, "Li Wei", null, "li@g.example", null, null, "zh-CN",
            "Asia/Shanghai");
    static final Instant FRIDAY_9_OCTOBER_19_00_SHANGHAI = Instant.parse("2026-10-09T11:00:00Z");

    static Message queuedFridayEvening(boolean critical) {
        return Message.queued("acme", request(critical, Optional.empty()),
                new ContactChoice.Choice(SHANGHAI, ChannelType.EMAIL, "li@g.example", null), Language.ZH_CN, null, BODY,
                NATIONAL_DAY, FRIDAY_9_OCTOBER_19_00_SHANGHAI);
    }

    @Test
    void aMessageQueuedFridayEveningGoesOnASaturdayMadeAWorkingDayAfterIt() {
        Message m = queuedFridayEvening(false);
        assertEquals(Instant.parse("2026-10-12T01:00:00Z"), m.nextAttemptAt(), "Monday 12 October 09:00");
        SendWindow saturdayWorked = NATIONAL_DAY.on(new BusinessDays(NATIONAL_DAY.businessDays().holidays(),
                Set.of(java.time.LocalDate.of(2026, 10, 10))));
        Instant fridayTwenty = Instant.parse("2026-10-09T12:00:00Z");
        assertEquals(Instant.parse("2026-10-10T01:00:00Z"),
                m.dueOnCalendarOf(saturdayWorked, SHANGHAI.timeZone(), FRIDAY_9_OCTOBER_19_00_SHANGHAI, fridayTwenty),
                "Saturday 10 October 09:00");
        Instant saturdayTen = Instant.parse("2026-10-10T02:00:00Z");
        assertEquals(saturdayTen, m.dueOnCalendarOf(saturdayWorked, SHANGHAI.timeZone(), FRIDAY_9_OCTOBER_19_00_SHANGHAI,
                saturdayTen), "shared on the Saturday at 10:00: it goes at once");
        Instant backoffEnds = Instant.parse("2026-10-10T01:00:45Z");
        assertEquals(backoffEnds, m.dueOnCalendarOf(saturdayWorked, null, backoffEnds, fridayTwenty),
                "a retry not before its backoff ends, the window open then");
    }

    @Test
    void aMessageDueOnADayMadeAHolidayAfterItWasQueuedWaitsForTheNextBusinessDay() {
        SendWindow mondayOff = NATIONAL_DAY.on(new BusinessDays(Set.of(java.time.LocalDate.of(2026, 10, 12)), Set.of()));
        assertEquals(Instant.parse("2026-10-13T01:00:00Z"), queuedFridayEvening(false).dueOnCalendarOf(mondayOff,
                SHANGHAI.timeZone(), FRIDAY_9_OCTOBER_19_00_SHANGHAI, Instant.parse("2026-10-09T12:00:00Z")),
                "Tuesday 13 October 09:00");
    }

    @Test
    void aCriticalMessageOrOneToTheTenantKeepsItsDueTimeWhenTheCalendarChanges() {
        Message critical = queuedFridayEvening(true);
        assertEquals(FRIDAY_9_OCTOBER_19_00_SHANGHAI, critical.dueOnCalendarOf(SendWindow.DEFAULT, SHANGHAI.timeZone(),
                Instant.parse("2026-10-09T11:00:45Z"), Instant.parse("2026-10-09T11:00:10Z")));
        Message toTenant = Message.queued("acme", request(false, Optional.empty()),
                new ContactChoice.Choice(null, ChannelType.EMAIL, "ar@acme.example", null), Language.ZH_CN, null, BODY,
                NATIONAL_DAY, FRIDAY_9_OCTOBER_19_00_SHANGHAI);
        assertEquals(FRIDAY_9_OCTOBER_19_00_SHANGHAI, toTenant.dueOnCalendarOf(SendWindow.DEFAULT, null,
                Instant.parse("2026-10-09T11:00:45Z"), Instant.parse("2026-10-09T11:00:10Z")));
    }

    @Test
    void aMessageQueuedFridayEveningGoesAtOnceOrOnSaturdayMorningOnceTheWindowIsWidened() {
        Message m = queuedFridayEvening(false);
        assertEquals(Instant.parse("2026-10-12T01:00:00Z"), m.nextAttemptAt(), "Monday 12 October 09:00");
        SendWindow everyDayEightToEight = new SendWindow(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(20, 0),
                java.util.EnumSet.allOf(java.time.DayOfWeek.class)).on(NATIONAL_DAY.businessDays());
        Instant fridayNineteenThirty = Instant.parse("2026-10-09T11:30:00Z");
        assertEquals(fridayNineteenThirty, m.dueOnCalendarOf(everyDayEightToEight, SHANGHAI.timeZone(),
                FRIDAY_9_OCTOBER_19_00_SHANGHAI, fridayNineteenThirty), "widened at Friday 19:30: it goes at once");
        assertEquals(Instant.parse("2026-10-10T00:00:00Z"), m.dueOnCalendarOf(everyDayEightToEight, SHANGHAI.timeZone(),
                FRIDAY_9_OCTOBER_19_00_SHANGHAI, Instant.parse("2026-10-09T13:00:00Z")),
                "widened at Friday 21:00, after it closed: Saturday 10 October 08:00");
        SendWindow tenToFour = new SendWindow(java.time.LocalTime.of(10, 0), java.time.LocalTime.of(16, 0),
                SendWindow.DEFAULT.days()).on(NATIONAL_DAY.businessDays());
        assertEquals(Instant.parse("2026-10-12T02:00:00Z"), m.dueOnCalendarOf(tenToFour, SHANGHAI.timeZone(),
                FRIDAY_9_OCTOBER_19_00_SHANGHAI, Instant.parse("2026-10-09T13:00:00Z")),
                "narrowed to 10:00-16:00: Monday 12 October 10:00");
    }

    @Test
    void aTemplateIsLookedUpInTheContactsLanguageThenTheOther() {
        assertEquals(java.util.List.of(Language.EN, Language.ZH_CN), Language.lookUpOrder(Language.EN));
        assertEquals(java.util.List.of(Language.ZH_CN, Language.EN), Language.lookUpOrder(Language.ZH_CN));
    }
}
