package io.tradecredit.planted.clean.domain;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/** A well-behaved rule: plain Java, chassis money and domain errors only. */
public record Fee(Money amount) {
    public Fee {
        if (!amount.isPositive()) {
            throw DomainError.invalidField("fee.not-positive", "amount", "must be greater than 0");
        }
    }
}
