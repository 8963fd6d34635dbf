package io.tradecredit.notification.domain;

/**
 * What an HTTP party's status means for a message handed to it (a webhook receiver, an SMS provider): 2xx it has the message; a 4xx other than
 * 408 (timeout) and 429 (too many requests) says the request itself is wrong, so sending it again
 * cannot help; anything else (3xx, 408, 429, 5xx) is tried again on the channel's schedule.
 */
public enum HttpAnswer {
    ACCEPTED, REFUSED, TRY_AGAIN;

    public static HttpAnswer of(int status) {
        if (status >= 200 && status < 300) {
            return ACCEPTED;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return REFUSED;
        }
        return TRY_AGAIN;
    }
}
