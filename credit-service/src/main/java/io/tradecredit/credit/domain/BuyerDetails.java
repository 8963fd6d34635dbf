package io.tradecredit.credit.domain;

import java.time.LocalDate;

/** A buyer as the tenant describes it; judged by {@link BuyerRules}. Currency and terms may be left to defaults. */
public record BuyerDetails(String name, String country, String registrationNumber, String taxId, String address,
        String industry, LocalDate foundedOn, String currency, Integer paymentTermDays) {
}
