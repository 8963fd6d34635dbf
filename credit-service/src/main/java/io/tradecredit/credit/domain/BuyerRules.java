package io.tradecredit.credit.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * What makes a buyer's identity acceptable: a name, an ISO country, a registration number that
 * is a valid unified social credit code when the country is CN, a tax ID and an address; a
 * founding date not in the future; a known currency and terms of 0 to 365 days.
 */
public final class BuyerRules {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private BuyerRules() {
    }

    /** Every problem, each naming its field; empty when the buyer may be stored. */
    public static List<Violation> violations(BuyerDetails d, LocalDate today) {
        List<Violation> errors = new ArrayList<>();
        required(errors, "name", d.name());
        required(errors, "taxId", d.taxId());
        required(errors, "address", d.address());
        if (d.country() == null || !COUNTRIES.contains(d.country())) {
            errors.add(new Violation("country", "must be an ISO 3166 two-letter country code such as CN"));
        }
        if (d.registrationNumber() == null || d.registrationNumber().isBlank()) {
            errors.add(new Violation("registrationNumber", "is required"));
        } else if ("CN".equals(d.country())) {
            UnifiedSocialCreditCode.problem(d.registrationNumber().strip()).ifPresent(p -> errors.add(new Violation(
                    "registrationNumber", "is not a valid unified social credit code: " + p)));
        }
        if (d.foundedOn() != null && d.foundedOn().isAfter(today)) {
            errors.add(new Violation("foundedOn", "must not be in the future"));
        }
        if (d.currency() != null && !knownCurrency(d.currency())) {
            errors.add(new Violation("currency", "must be an ISO 4217 currency code such as CNY"));
        }
        if (d.paymentTermDays() != null && (d.paymentTermDays() < 0 || d.paymentTermDays() > 365)) {
            errors.add(new Violation("paymentTermDays", "must be 0 (prepayment) to 365"));
        }
        return errors;
    }

    /** Whether {@code code} is an ISO 4217 currency code money can be kept in. */
    static boolean knownCurrency(String code) {
        try {
            Money.currencyOf(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void required(List<Violation> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation(field, "is required"));
        }
    }
}
