package io.tradecredit.claims.domain;

/** Where a deadline stands: UPCOMING, WARNED (within the warning lead time), then for good MET or MISSED. */
public enum DeadlineState {
    UPCOMING, WARNED, MET, MISSED;

    /** MET and MISSED are final: nothing changes them any more. */
    public boolean isOpen() {
        return this == UPCOMING || this == WARNED;
    }
}
