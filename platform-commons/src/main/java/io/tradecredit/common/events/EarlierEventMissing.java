package io.tradecredit.common.events;

/**
 * The event refers to something an earlier event creates (a payment for an invoice whose issued
 * event has not been applied here): applying it now would be wrong and dropping it would lose it.
 * {@link Inbox} waits for the earlier event a bounded time ({@code tradecredit.inbox.earlier-event-wait-ms})
 * and then parks the event on the dead-letter topic with this reason, to be replayed.
 */
public class EarlierEventMissing extends RuntimeException {
    public EarlierEventMissing(String message) {
        super("earlier event missing: " + message);
    }

    /** Whether {@code failure} or one of its causes is this. */
    public static boolean causedBy(Throwable failure) {
        return in(failure) != null;
    }

    /** This among {@code failure} and its causes (a retry that gave up wraps it), so the DLQ gets its reason; else the failure. */
    public static Throwable unwrap(Throwable failure) {
        EarlierEventMissing missing = in(failure);
        return missing == null ? failure : missing;
    }

    private static EarlierEventMissing in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EarlierEventMissing missing) {
                return missing;
            }
        }
        return null;
    }
}
