package io.tradecredit.invoice.domain;

/** Where a payment stands: posted (allocated and/or kept as credit), or reversed as posted in error. */
public enum PaymentStatus {
    POSTED,
    REVERSED
}
