package io.tradecredit.credit.domain;

/** Early-warning signals that arrive from outside (courts, registries, rating agencies, other creditors). */
public enum WarningSignal {
    LEGAL_PROCEEDINGS, INSOLVENCY_FILING, RATING_DOWNGRADE, PAYMENT_DEFAULT_ELSEWHERE
}
