package io.tradecredit.collections.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A tenant's contract with a partner agency (docs/domain.md §3 "Cases and agencies"): its code
 * (which names its topics {@code agency.<code>.cases} and {@code .updates}), its success fee as
 * a percentage of what buyers pay while their case is with it, and the currencies it collects.
 * The hand-off rule is not part of this slice.
 */
public record AgencyContract(String agencyCode, BigDecimal successFeePercent, Set<Currency> currencies) {

    public AgencyContract {
        List<Violation> wrong = new ArrayList<>();
        // the code becomes part of a Kafka topic name: lower-case letters, digits and dashes only
        if (agencyCode == null || !agencyCode.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            wrong.add(new Violation("agencyCode", "must be 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit"));
        }
        if (successFeePercent == null || successFeePercent.signum() < 0
                || successFeePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            wrong.add(new Violation("successFeePercent", "must be from 0 to 100"));
        }
        if (currencies == null || currencies.isEmpty()) {
            wrong.add(new Violation("currencies", "must name at least one currency the agency collects"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("agency-contract.invalid", "The agency contract is incomplete or inconsistent", wrong);
        }
        currencies = Set.copyOf(currencies);
    }
}
