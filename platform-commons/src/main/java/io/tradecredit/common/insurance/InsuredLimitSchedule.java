package io.tradecredit.common.insurance;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.money.Money;

/**
 * A buyer's effective insured-limit schedule as insurance-claims-service publishes it
 * ({@code insured-limit-schedule-changed}; the rule that computes it is claims' {@code domain.LimitSchedule},
 * docs/insurance-claims-service.md, "Effective insured limit"). This is only its reading: which period covers a
 * day. Per currency the periods do not overlap; a day no period covers is not insured. Kept in the chassis once
 * so that every service that reads the schedule reads it the same way (credit's check, collections' segments).
 */
public record InsuredLimitSchedule(List<Period> periods) {
    public static final InsuredLimitSchedule NONE = new InsuredLimitSchedule(List.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** From {@code from} up to and including {@code until} (null: open-ended), {@code amount} is insured under {@code policyId}. */
    public record Period(LocalDate from, LocalDate until, Money amount, UUID policyId) {
        public boolean covers(LocalDate day) {
            return !from.isAfter(day) && (until == null || !until.isBefore(day));
        }
    }

    public InsuredLimitSchedule {
        periods = List.copyOf(periods);
    }

    /** The insured limit on {@code day} in {@code currency}; zero when no period in it covers the day. */
    public Money on(LocalDate day, Currency currency) {
        return periods.stream().filter(p -> p.amount().currency().equals(currency) && p.covers(day))
                .map(Period::amount).findFirst().orElse(Money.zero(currency));
    }

    /** Whether any limit above zero, in any currency, is in force on {@code day}. */
    public boolean insuredOn(LocalDate day) {
        return periods.stream().anyMatch(p -> p.covers(day) && p.amount().isPositive());
    }

    /** The schedule of the event's {@code periods}. */
    public static InsuredLimitSchedule of(EventFields event) {
        return new InsuredLimitSchedule(event.objects("periods").stream().map(p -> new Period(p.date("from"),
                p.has("until") ? p.date("until") : null, p.money("amount"), p.uuid("policyId"))).toList());
    }

    /** The periods as JSON, the event's shape, for a read model to keep. */
    public String toJson() {
        ArrayNode out = JSON.createArrayNode();
        for (Period p : periods) {
            ObjectNode n = out.addObject();
            n.put("from", p.from().toString());
            n.put("until", p.until() == null ? null : p.until().toString());
            n.putObject("amount").put("amount", p.amount().amountText()).put("currency", p.amount().currencyCode());
            n.put("policyId", p.policyId().toString());
        }
        return out.toString();
    }

    /** The schedule {@link #toJson} wrote. */
    public static InsuredLimitSchedule fromJson(String periods) {
        try {
            List<Period> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(periods)) {
                out.add(new Period(LocalDate.parse(n.get("from").asText()), n.get("until").isNull() ? null
                        : LocalDate.parse(n.get("until").asText()), Money.of(n.get("amount").get("amount").asText(),
                                n.get("amount").get("currency").asText()), UUID.fromString(n.get("policyId").asText())));
            }
            return new InsuredLimitSchedule(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
