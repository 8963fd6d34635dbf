package io.tradecredit.notification.domain;

import java.util.regex.Pattern;

/** What the service accepts as an email address: one {@code local@domain.tld}, no spaces or angle brackets. */
public final class EmailAddress {
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]+$");

    private EmailAddress() {
    }

    public static boolean isValid(String address) {
        return address != null && SHAPE.matcher(address).matches();
    }
}
