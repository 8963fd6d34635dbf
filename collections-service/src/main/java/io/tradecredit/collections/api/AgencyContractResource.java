package io.tradecredit.collections.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.AgencyCommissions;
import io.tradecredit.collections.app.AgencyContracts;
import io.tradecredit.collections.domain.AgencyContract;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.HandOffRule;
import io.tradecredit.collections.domain.RecordedAgencyContract;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/** A tenant's contracts with partner agencies: fee, currencies and when the run hands a case over. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class AgencyContractResource {
    @Inject
    TenantContext tenant;

    @Inject
    AgencyContracts contracts;

    @Inject
    AgencyCommissions commissions;

    /** The release's topic prefix (TC_TOPIC_PREFIX): the agency's topics on the cluster carry it. */
    @ConfigProperty(name = TopicNames.PREFIX_PROPERTY)
    Optional<String> topicPrefix;

    public record HandOff(@Schema(description = "MANUAL, DAYS_PAST_DUE or MINIMUM_AMOUNT") HandOffRule.Mode mode,
            @Schema(description = "with DAYS_PAST_DUE: days past due of the buyer's oldest overdue invoice, 1 to 3650") Integer daysPastDue,
            @Schema(description = "overdue balance per currency the buyer must reach (MINIMUM_AMOUNT; an extra floor with DAYS_PAST_DUE)")
            List<Money> minimumOverdue) {
    }

    public record Request(@Size(max = 200) @Schema(description = "the agency's name, for people") String name,
            @Schema(description = "percentage of what buyers pay while their case is with the agency, 0 to 100") BigDecimal successFeePercent,
            @Schema(description = "ISO codes of the currencies the agency collects") List<String> currencies,
            HandOff handOff,
            @Schema(description = "the day these terms are in force from: today when left out, never before today;"
                    + " a later day schedules a change of an existing contract (a new contract applies from today)")
            LocalDate effectiveFrom) {
    }

    public record View(String agencyCode, String name, BigDecimal successFeePercent, List<String> currencies, HandOff handOff,
            @Schema(description = "the contract's version (1, 2, ...): each change of terms is a new one") int version,
            @Schema(description = "the day this version is in force from") LocalDate effectiveFrom,
            @Schema(description = "the topic the agency reads its cases from, as named on the Kafka cluster: the release's"
                    + " topic prefix (TC_TOPIC_PREFIX, empty by default) then agency.<code>.cases") String casesTopic,
            @Schema(description = "the topic the agency reports on, as named on the Kafka cluster: the release's topic"
                    + " prefix (TC_TOPIC_PREFIX, empty by default) then agency.<code>.updates") String updatesTopic,
            @Schema(description = "when this version was recorded, to the microsecond as stored: the PUT answers what a later GET does")
            OffsetDateTime updatedAt, String updatedBy) {
        static View of(RecordedAgencyContract r, String topicPrefix) {
            AgencyContract c = r.contract();
            HandOffRule h = c.handOff();
            return new View(c.agencyCode(), r.name(), c.successFeePercent(),
                    c.currencies().stream().map(Currency::getCurrencyCode).sorted().toList(),
                    new HandOff(h.mode(), h.daysPastDue(), h.minimumOverdue().amounts()), r.version(), r.effectiveFrom(),
                    TopicNames.prefixed(topicPrefix, TopicNames.agencyCases(c.agencyCode())),
                    TopicNames.prefixed(topicPrefix, TopicNames.agencyUpdates(c.agencyCode())), r.updatedAt(), r.updatedBy());
        }
    }

    private View view(RecordedAgencyContract r) {
        return View.of(r, topicPrefix.orElse(""));
    }

    @GET
    @APIResponse(responseCode = "200", description = "The tenant's agency contracts, by agency code")
    public Uni<List<View>> list() {
        return contracts.list(tenant.id()).map(all -> all.stream().map(this::view).toList());
    }

    @GET
    @Path("/{code}")
    @APIResponse(responseCode = "200", description = "The contract with the agency, in the version in force today")
    @APIResponse(responseCode = "404", description = "No contract with this agency for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> get(@PathParam("code") String code) {
        return contracts.get(tenant.id(), code).map(this::view);
    }

    @GET
    @Path("/{code}/versions")
    @APIResponse(responseCode = "200", description = "Every version of the contract, oldest first, as recorded (never changed)")
    @APIResponse(responseCode = "404", description = "No contract with this agency for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<View>> versions(@PathParam("code") String code) {
        return contracts.versions(tenant.id(), code).map(all -> all.stream().map(this::view).toList());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The version saved: a new contract (version 1, in force from today), or the"
            + " next version of this one, in force from effectiveFrom; earlier versions keep governing the days before it."
            + " The same terms and name as the version in force on that day are no change: that version is answered, nothing recorded")
    @APIResponse(responseCode = "400", description = "Every wrong field named (agencyCode, currencies[1], handOff.daysPastDue,"
            + " effectiveFrom); nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> put(@PathParam("code") String code, @NotNull Request r) {
        List<Violation> wrong = new ArrayList<>();
        // checked here, not by @Valid, so one refusal names it with the others
        if (r.name() != null && r.name().length() > 200) {
            wrong.add(new Violation("name", "at most 200 characters"));
        }
        Set<Currency> currencies = currencies(r.currencies(), wrong);
        Refusals.Present<Money> minimum = Refusals.present("handOff.minimumOverdue",
                r.handOff() == null ? null : r.handOff().minimumOverdue());
        HandOffRule rule = r.handOff() == null ? null
                : new HandOffRule(r.handOff().mode(), r.handOff().daysPastDue(), new CurrencyThresholds(minimum.items()));
        AgencyContract[] contract = new AgencyContract[1];
        Refusals.collect(wrong, "", () -> contract[0] = new AgencyContract(code, r.successFeePercent(), currencies, rule));
        minimum.name(wrong);
        return contracts.put(tenant.id(), code, contract[0], r.name(), r.effectiveFrom(), wrong, tenant.subject()).map(this::view);
    }

    public record CommissionLine(Money collected, Money commission,
            @Schema(description = "the version of the contract the payments of this line were received under") int contractVersion,
            @Schema(description = "that version's success fee, the one applied") BigDecimal successFeePercent) {
    }

    public record CommissionStatement(String agencyCode, LocalDate from, LocalDate to,
            @Schema(description = "the fee of the contract in force today; each line states the fee it applied")
            BigDecimal successFeePercent,
            @Schema(description = "one line per currency and contract version (by code, then version): a payment earns at the"
                    + " fee in force the day it was received; none when nothing counted") List<CommissionLine> lines) {
    }

    @GET
    @Path("/{code}/commission")
    @APIResponse(responseCode = "200", description = "What buyers paid in the period while their case was with the agency,"
            + " and the commission on it, per currency")
    @APIResponse(responseCode = "400", description = "from or to missing, malformed, or to before from; each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No contract with this agency for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CommissionStatement> commission(@PathParam("code") String code,
            @QueryParam("from") @Schema(description = "first day of the period, e.g. 2026-03-01") String from,
            @QueryParam("to") @Schema(description = "last day of the period (included)") String to) {
        List<Violation> wrong = new ArrayList<>();
        LocalDate[] period = new LocalDate[2];
        Refusals.collect(wrong, "", () -> period[0] = required(from, "from"));
        Refusals.collect(wrong, "", () -> period[1] = required(to, "to"));
        Refusals.throwIfAny("commission.period-invalid", "The period is not valid", wrong);
        return commissions.statement(tenant.id(), code, period[0], period[1]).chain(s -> contracts.get(tenant.id(), code)
                .map(c -> new CommissionStatement(s.agencyCode(), s.from(), s.to(), c.contract().successFeePercent(),
                        s.lines().stream().map(l -> new CommissionLine(l.collected(), l.commission(), l.contractVersion(),
                                l.successFeePercent())).toList())));
    }

    private static LocalDate required(String value, String name) {
        LocalDate day;
        try {
            day = QueryParams.date(value, name);
        } catch (RuntimeException e) {
            throw DomainError.invalidField("commission.period-invalid", name, "must be a date like 2026-03-01, got '" + value + "'");
        }
        if (day == null) {
            throw DomainError.invalidField("commission.period-invalid", name, "is required: a date like 2026-03-01");
        }
        return day;
    }

    /** The currencies named by code; an unknown or repeated code is named by its index. */
    private static Set<Currency> currencies(List<String> codes, List<Violation> wrong) {
        if (codes == null) {
            return null;
        }
        Set<Currency> found = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            try {
                if (!found.add(Money.currencyOf(code))) {
                    wrong.add(new Violation("currencies[" + i + "]", "named twice"));
                }
            } catch (RuntimeException e) {
                wrong.add(new Violation("currencies[" + i + "]", "not an ISO 4217 currency code"));
            }
        }
        return found;
    }
}
