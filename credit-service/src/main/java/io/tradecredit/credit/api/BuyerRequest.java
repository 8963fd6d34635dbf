package io.tradecredit.credit.api;

import java.time.LocalDate;

import io.tradecredit.credit.domain.BuyerDetails;

/** A buyer as the tenant registers or updates it; the domain judges it and names every problem. */
public record BuyerRequest(String name, String country, String registrationNumber, String taxId, String address,
        String industry, LocalDate foundedOn, String currency, Integer paymentTermDays) {

    public BuyerDetails toDetails() {
        return new BuyerDetails(name, country == null ? null : country.strip(), registrationNumber, taxId, address,
                industry, foundedOn, currency == null ? null : currency.strip(), paymentTermDays);
    }
}
