package io.tradecredit.notification.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A person at a buyer whom messages reach (docs/domain.md §5 "Recipients"): name, function (such
 * as accounts payable), the addresses of each channel, language, time zone, and the channels the
 * person opted out of.
 *
 * @param language null when the contact has none: the request's hint, else {@link Language#FALLBACK}
 */
public record Contact(UUID id, UUID buyerId, String name, String function, String email, String mobile,
        String postalAddress, Language language, ZoneId timeZone, Set<ChannelType> optedOut) {
    /** The buyers of the platform's tenants are mostly in China. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");

    public Contact {
        optedOut = optedOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optedOut));
    }

    /**
     * A contact as a tenant enters it, refused naming every wrong field: a name, at least one
     * address, a well-formed email and mobile when given, a known language and time zone.
     */
    public static Contact of(UUID id, UUID buyerId, String name, String function, String email, String mobile,
            String postalAddress, String languageTag, String timeZone) {
        return of(id, buyerId, name, function, email, mobile, postalAddress, languageTag, timeZone, DEFAULT_TIME_ZONE);
    }

    /**
     * {@link #of}, a contact entered without a time zone taking {@code tenantsZone} (its tenant's settings: a tenant
     * whose buyers are in Berlin says so once, and their messages wait for 09:00 in Berlin, not in Shanghai).
     */
    public static Contact of(UUID id, UUID buyerId, String name, String function, String email, String mobile,
            String postalAddress, String languageTag, String timeZone, ZoneId tenantsZone) {
        List<Violation> wrong = new ArrayList<>();
        if (buyerId == null) {
            wrong.add(new Violation("buyerId", "must be given"));
        }
        if (SenderIdentity.blank(name)) {
            wrong.add(new Violation("name", "must be given"));
        } else {
            tooLong(wrong, "name", name, MAX_NAME);
        }
        tooLong(wrong, "function", function, MAX_NAME);
        if (email != null && !EmailAddress.isValid(email)) {
            wrong.add(new Violation("email", "must be an email address, e.g. ap@buyer.example"));
        } else {
            tooLong(wrong, "email", email, MAX_EMAIL);
        }
        if (mobile != null && !mobile.matches("^\\+?[0-9 ]{6,20}$")) {
            wrong.add(new Violation("mobile", "must be a phone number of 6 to 20 digits, e.g. +86 138 0000 0000"));
        }
        tooLong(wrong, "postalAddress", postalAddress, MAX_POSTAL_ADDRESS);
        if (email == null && mobile == null && SenderIdentity.blank(postalAddress)) {
            wrong.add(new Violation("email", "a contact needs an email, a mobile or a postal address"));
        }
        Language language = null;
        if (languageTag != null) {
            language = Language.ofTag(languageTag).orElse(null);
            if (language == null) {
                wrong.add(new Violation("language", "must be zh-CN or en"));
            }
        }
        ZoneId zone = tenantsZone == null ? DEFAULT_TIME_ZONE : tenantsZone;
        if (timeZone != null) {
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                wrong.add(new Violation("timeZone", "must be a time zone such as Asia/Shanghai"));
            }
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("contact.invalid", "The contact is incomplete or inconsistent", wrong);
        }
        return new Contact(Objects.requireNonNull(id, "id"), buyerId, name.strip(), function, email, mobile,
                postalAddress, language, zone, Set.of());
    }

    /** The longest name and function a contact may have, in characters. */
    public static final int MAX_NAME = 200;
    /** The longest email address (RFC 5321's 64 + 1 + 255). */
    public static final int MAX_EMAIL = 320;
    public static final int MAX_POSTAL_ADDRESS = 1000;

    private static void tooLong(List<Violation> wrong, String field, String value, int max) {
        if (value != null && value.length() > max) {
            wrong.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    /** This contact's address on {@code channel}; null when it has none (a webhook goes to the tenant, never a contact). */
    public String addressFor(ChannelType channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> mobile;
            case LETTER -> SenderIdentity.blank(postalAddress) ? null : postalAddress;
            case WEBHOOK -> null;
        };
    }

    public boolean optedOutOf(ChannelType channel) {
        return optedOut.contains(channel);
    }

    /** The same contact with its opt-out of {@code channel} set ({@code out}) or lifted. */
    public Contact withOptOut(ChannelType channel, boolean out) {
        Set<ChannelType> next = EnumSet.noneOf(ChannelType.class);
        next.addAll(optedOut);
        if (out) {
            next.add(channel);
        } else {
            next.remove(channel);
        }
        return new Contact(id, buyerId, name, function, email, mobile, postalAddress, language, timeZone, next);
    }

    /** The same person with the fields of {@code edited} (id, buyer and opt-outs kept). */
    public Contact replacedBy(Contact edited) {
        return new Contact(id, buyerId, edited.name, edited.function, edited.email, edited.mobile, edited.postalAddress,
                edited.language, edited.timeZone, optedOut);
    }
}
