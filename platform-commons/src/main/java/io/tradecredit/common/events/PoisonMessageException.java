package io.tradecredit.common.events;

/** A message that can never be processed, however often it is retried: it goes to the DLQ. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
