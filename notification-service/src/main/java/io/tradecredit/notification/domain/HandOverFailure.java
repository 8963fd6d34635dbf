package io.tradecredit.notification.domain;

import java.util.regex.Pattern;

/**
 * A failed hand-over in an integrator's words, as the message's reason, its attempt log and its status event say it:
 * what went wrong and with whom ("connection refused by smtp.example:25"), never a Java exception's class name. Before,
 * the reason of a message whose retries were spent read "EMAIL refused the message 8 times; last: ConnectException:
 * null", naming a class no integrator knows and "refusing" what was never reached.
 */
public final class HandOverFailure {
    /** A qualified or simple Java exception class name, with the ": " after it, as a JDK or library message embeds it. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");

    private HandOverFailure() {
    }

    /**
     * {@code failure} said plainly; {@code party} is whom the channel talked to ({@code host:port}; null: unknown, "the
     * other side"). A failure to connect says so with the party; else the first message in its causes, any class name
     * taken out; else that the hand-over to the party failed.
     */
    public static String words(Throwable failure, String party) {
        String who = party == null || party.isBlank() ? "the other side" : party;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return "no connection to " + who + " within the connect timeout";
            }
            if (t instanceof java.net.ConnectException) {
                return "connection refused by " + who;
            }
            if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "the host of " + who + " is unknown";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String said = plain(t.getMessage());
            if (!said.isEmpty()) {
                return said;
            }
        }
        return "the hand-over to " + who + " failed";
    }

    /** {@code message} without the Java class names in it, trimmed; empty for none. */
    public static String plain(String message) {
        return message == null ? "" : CLASS_NAME.matcher(message).replaceAll("").trim();
    }

    /** The reason of a message whose channel's attempts are spent: "EMAIL: connection refused by smtp.example:25 after 8 attempts". */
    public static String retriesSpent(ChannelType channel, int attempts, String lastFailure) {
        return channel + ": " + lastFailure + " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }
}
