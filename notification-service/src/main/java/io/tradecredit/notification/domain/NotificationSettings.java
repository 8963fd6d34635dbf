package io.tradecredit.notification.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A tenant's notification settings. Without settings of its own a tenant has no sender identity
 * (its emails use the platform's configured From), the default channel order and the default
 * send window.
 *
 * @param sender null until the tenant sets one
 * @param language what a message is written in when neither its contact nor its request says (null:
 *        {@link Language#FALLBACK}, zh-CN)
 * @param timeZone the time zone of a contact entered without one, whose send window it is (null:
 *        {@link Contact#DEFAULT_TIME_ZONE}, Asia/Shanghai)
 * @param sms how many parts an SMS may take (null: {@link SmsLength#DEFAULT}, 3)
 */
public record NotificationSettings(SenderIdentity sender, ChannelOrder channelOrder, SendWindow sendWindow,
        Language language, ZoneId timeZone, SmsLength sms) {
    public static final NotificationSettings DEFAULT = new NotificationSettings(null, ChannelOrder.DEFAULT,
            SendWindow.DEFAULT);

    public NotificationSettings {
        language = language == null ? Language.FALLBACK : language;
        timeZone = timeZone == null ? Contact.DEFAULT_TIME_ZONE : timeZone;
        sms = sms == null ? SmsLength.DEFAULT : sms;
    }

    /** Settings whose SMS take at most the default parts. */
    public NotificationSettings(SenderIdentity sender, ChannelOrder channelOrder, SendWindow sendWindow, Language language,
            ZoneId timeZone) {
        this(sender, channelOrder, sendWindow, language, timeZone, SmsLength.DEFAULT);
    }

    /** Settings in the default language and time zone. */
    public NotificationSettings(SenderIdentity sender, ChannelOrder channelOrder, SendWindow sendWindow) {
        this(sender, channelOrder, sendWindow, Language.FALLBACK, Contact.DEFAULT_TIME_ZONE);
    }

    /**
     * The same settings with the window on the tenant's business days {@code b} (its shared calendar), kept in the
     * tenant's time zone: its make-up working days are worked there, not by contacts abroad.
     */
    public NotificationSettings on(BusinessDays b) {
        return new NotificationSettings(sender, channelOrder, sendWindow.on(b.in(timeZone)), language, timeZone, sms);
    }

    /** The sender identity's fields as a tenant enters them. */
    public record SenderFields(String fromName, String fromAddress, String replyTo, String letterhead,
            String signatory, SenderIdentity.ContactPerson contact) {
        public SenderFields(String fromName, String fromAddress, String replyTo, String letterhead, String signatory) {
            this(fromName, fromAddress, replyTo, letterhead, signatory, null);
        }
    }

    /**
     * Settings as a tenant sets them: a part left out keeps its default (no sender, the default
     * order, the default window); every wrong field of every part is named in one refusal.
     */
    public static NotificationSettings of(SenderFields sender, List<ChannelType> order, LocalTime opens,
            LocalTime closes, Set<DayOfWeek> days, boolean windowGiven) {
        return of(sender, order, opens, closes, days, windowGiven, null, null);
    }

    /**
     * {@link #of} with the tenant's language ({@code languageTag} zh-CN or en; left out: zh-CN) and the time zone of its
     * contacts entered without one ({@code timeZoneId}, IANA; left out: Asia/Shanghai).
     */
    public static NotificationSettings of(SenderFields sender, List<ChannelType> order, LocalTime opens,
            LocalTime closes, Set<DayOfWeek> days, boolean windowGiven, String languageTag, String timeZoneId) {
        return of(sender, order, opens, closes, days, windowGiven, languageTag, timeZoneId, null);
    }

    /** {@link #of} with the most parts an SMS may take ({@code smsMaxParts}, 1 to 10; left out: 3, {@link SmsLength}). */
    public static NotificationSettings of(SenderFields sender, List<ChannelType> order, LocalTime opens,
            LocalTime closes, Set<DayOfWeek> days, boolean windowGiven, String languageTag, String timeZoneId,
            Integer smsMaxParts) {
        List<Violation> wrong = new ArrayList<>();
        SenderIdentity identity = null;
        ChannelOrder channelOrder = ChannelOrder.DEFAULT;
        SendWindow window = SendWindow.DEFAULT;
        try {
            if (sender != null) {
                identity = SenderIdentity.of(sender.fromName(), sender.fromAddress(), sender.replyTo(),
                        sender.letterhead(), sender.signatory(), sender.contact());
            }
        } catch (DomainError e) {
            wrong.addAll(e.violations());
        }
        try {
            if (order != null) {
                channelOrder = ChannelOrder.of(order);
            }
        } catch (DomainError e) {
            wrong.addAll(e.violations());
        }
        try {
            if (windowGiven) {
                window = SendWindow.of(opens, closes, days);
            }
        } catch (DomainError e) {
            wrong.addAll(e.violations());
        }
        Language language = Language.FALLBACK;
        if (languageTag != null) {
            language = Language.ofTag(languageTag).orElse(null);
            if (language == null) {
                wrong.add(new Violation("language", "must be zh-CN or en"));
            }
        }
        ZoneId zone = Contact.DEFAULT_TIME_ZONE;
        if (timeZoneId != null) {
            try {
                zone = ZoneId.of(timeZoneId);
            } catch (DateTimeException e) {
                wrong.add(new Violation("timeZone", "must be a time zone such as Asia/Shanghai or Europe/Berlin"));
            }
        }
        if (smsMaxParts != null && !SmsLength.allowed(smsMaxParts)) {
            wrong.add(new Violation("smsMaxParts", "must be 1 to " + SmsLength.MOST_PARTS));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("notification-settings.invalid", "The notification settings are incomplete"
                    + " or inconsistent", wrong);
        }
        return new NotificationSettings(identity, channelOrder, window, language, zone,
                smsMaxParts == null ? SmsLength.DEFAULT : new SmsLength(smsMaxParts));
    }
}
