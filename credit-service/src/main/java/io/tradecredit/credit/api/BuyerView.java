package io.tradecredit.credit.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.Buyer;

public record BuyerView(UUID id, String name, String country, String registrationNumber, String taxId, String address,
        String industry, LocalDate foundedOn, String currency, int paymentTermDays, Money creditLimit, Integer score,
        Integer grade, OffsetDateTime assessedAt, LocalDate reviewDueOn, boolean blocked, String blockReason,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static BuyerView of(Buyer b) {
        return new BuyerView(b.id, b.name, b.country, b.registrationNumber, b.taxId, b.address, b.industry, b.foundedOn,
                b.currency, b.paymentTermDays, b.limit(), b.score, b.grade, b.assessedAt, b.reviewDueOn, b.blocked,
                b.blockReason, b.createdAt, b.updatedAt);
    }
}
