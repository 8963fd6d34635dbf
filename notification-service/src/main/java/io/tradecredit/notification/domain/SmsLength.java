package io.tradecredit.notification.domain;

import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * How long an SMS may be: a tenant's limit in parts ({@code smsMaxParts}, notification settings; 3 by default), as a
 * provider bills and, past a few parts, refuses them. A text wholly in the GSM 03.38 alphabet (GSM-7: Latin letters,
 * digits, common punctuation; the extension characters € [ ] { } \ ^ ~ | and form feed take two septets, escaped) is one
 * part up to 160 septets, else parts of 153 (the rest carries the concatenation header); any other character, Chinese
 * among them, makes the whole text UCS-2: one part up to 70 UTF-16 units, else parts of 67.
 *
 * <p>Worked examples: 160 Latin letters, 1 part; 161, 2; 307, 3. 80 € signs are 160 septets, 1 part. 70 Chinese
 * characters, 1 part; 71, 2; 135, 3. One Chinese character among 100 Latin letters: 101 UCS-2 units, 2 parts.
 */
public record SmsLength(int maxParts) {
    /** The most parts a tenant may allow: beyond it providers refuse a message or it costs as much as a letter. */
    public static final int MOST_PARTS = 10;

    public static final SmsLength DEFAULT = new SmsLength(3);

    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;

    /** What {@link #septets} answers for a text not wholly in the GSM-7 alphabet. */
    public static final int NOT_GSM = -1;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "€[]{}\\^~|\f";

    public SmsLength {
        if (maxParts < 1 || maxParts > MOST_PARTS) {
            throw new IllegalArgumentException("an SMS is 1 to " + MOST_PARTS + " parts, not " + maxParts);
        }
    }

    /** Whether {@code maxParts} is a limit a tenant may set (1 to {@link #MOST_PARTS}). */
    public static boolean allowed(int maxParts) {
        return maxParts >= 1 && maxParts <= MOST_PARTS;
    }

    /** The septets of {@code text} in GSM-7, or {@link #NOT_GSM} when a character is not in its alphabet (then UCS-2). */
    public static int septets(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return NOT_GSM;
            }
        }
        return septets;
    }

    /** The parts {@code text} is sent in: GSM-7 if it can be, else UCS-2. */
    public static int parts(String text) {
        int septets = septets(text);
        return septets == NOT_GSM ? parts(text.length(), UCS2_SINGLE, UCS2_PART) : parts(septets, GSM_SINGLE, GSM_PART);
    }

    private static int parts(int units, int single, int part) {
        return units <= single ? 1 : (units + part - 1) / part;
    }

    /** Whether {@code text} goes in at most this limit's parts. */
    public boolean fits(String text) {
        return parts(text) <= maxParts;
    }

    /**
     * The most items, of at most {@code items}, an SMS lists within the limit: {@code listing} gives its text listing
     * the first n of them (and saying how many more it leaves out); tried from {@code items} down to 1; empty when not
     * even one item fits. A reminder of 12 invoices whose first 5 fit in 3 parts lists 5 and says "and 7 more".
     */
    public OptionalInt mostListed(int items, IntFunction<String> listing) {
        for (int n = items; n >= 1; n--) {
            if (fits(listing.apply(n))) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    /** Why {@code text} is not sent: its parts, characters and alphabet against the limit, in an integrator's words. */
    public String tooLong(String text) {
        int septets = septets(text);
        return "the SMS would be " + parts(text) + " parts (" + (septets == NOT_GSM
                ? text.length() + " UCS-2 characters, 67 a part" : septets + " GSM-7 characters, 153 a part") + "), more than the tenant's limit of " + maxParts
                + " (smsMaxParts)";
    }
}
