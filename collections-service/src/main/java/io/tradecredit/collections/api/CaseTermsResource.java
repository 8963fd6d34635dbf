package io.tradecredit.collections.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.TenantCaseTerms;
import io.tradecredit.collections.domain.AbandonmentRule;
import io.tradecredit.collections.domain.CallTerms;
import io.tradecredit.collections.domain.CaseTerms;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.PromiseTerms;
import io.tradecredit.collections.domain.WorklistPriority;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * The tenant's terms for working cases. A field left out of a PUT takes the platform's default
 * ({@code CaseTerms.DEFAULT}); every wrong field is named at once and nothing changes.
 */
@Path("/api/v1/collections/terms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class CaseTermsResource {
    @Inject
    TenantContext tenant;

    @Inject
    TenantCaseTerms terms;

    public record Weights(@Schema(description = "per currency: the overdue amount worth one point") List<Money> amountPerPoint,
            @Schema(description = "a currency not listed: the amount worth one point") BigDecimal otherAmountPerPoint,
            Integer pointsPerDayPastDue, Integer pointsPerGrade, Integer pointsPerBrokenPromise, Integer pointsForActionDue) {
    }

    public record Terms(@Schema(description = "days after the promised date a payment still keeps a promise, counted on the tenant's calendar as its ladder counts days; the deadline never falls on a day it does not work") Integer promiseGraceDays,
            @Schema(description = "how far ahead a promise may be dated: at most this many days after the day it is made (a collector's today, an agency's reportedOn), 1 to 365; 30 by default") Integer maxPromiseDays,
            @Schema(description = "the short hold a payment-system failure suggests, in days") Integer shortHoldDays,
            @Schema(description = "days after a call the case is looked at again") Integer followUpDays,
            @Schema(description = "per currency: what one more dunning step costs the tenant") List<Money> costPerStep,
            @Schema(description = "how many more steps collecting a debt takes") Integer stepsToCollect,
            @Schema(description = "a partner agency's success fee, percent") BigDecimal agencyFeePercent,
            Weights worklist) {
        static Terms of(CaseTerms t) {
            WorklistPriority w = t.worklist();
            List<Money> perPoint = w.amountPerPoint().entrySet().stream()
                    .map(e -> Money.of(e.getValue(), e.getKey().getCurrencyCode())).toList();
            return new Terms(t.promise().graceDays(), t.promise().maxPromiseDays(), t.call().shortHoldDays(), t.call().followUpDays(),
                    t.abandonment().costPerStep().amounts(), t.abandonment().stepsToCollect(),
                    t.abandonment().agencyFeePercent(), new Weights(perPoint, w.otherAmountPerPoint(),
                            w.pointsPerDayPastDue(), w.pointsPerGrade(), w.pointsPerBrokenPromise(), w.pointsForActionDue()));
        }
    }

    @GET
    @APIResponse(responseCode = "200", description = "The tenant's terms; the platform's defaults until it sets its own")
    public Uni<Terms> current() {
        return terms.current(tenant.id()).map(Terms::of);
    }

    @PUT
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The terms as saved")
    @APIResponse(responseCode = "400", description = "Every wrong field named (costPerStep[0].amount, worklist.pointsPerGrade); nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Terms> put(@NotNull Terms r) {
        CaseTerms d = CaseTerms.DEFAULT;
        List<Violation> wrong = new ArrayList<>();
        Object[] built = new Object[4];
        Refusals.Present<Money> cost = Refusals.present("costPerStep", r.costPerStep());
        CurrencyThresholds costPerStep = r.costPerStep() == null ? d.abandonment().costPerStep() : new CurrencyThresholds(cost.items());
        Refusals.nullItems(wrong, "worklist.amountPerPoint", r.worklist() == null ? null : r.worklist().amountPerPoint());
        List<Violation> promise = new ArrayList<>();
        Refusals.collect(promise, "", () -> built[0] = new PromiseTerms(or(r.promiseGraceDays(), d.promise().graceDays()),
                or(r.maxPromiseDays(), d.promise().maxPromiseDays())));
        // the rule's graceDays is the request's promiseGraceDays: the problem names what the client sent
        promise.forEach(v -> wrong.add(new Violation(v.field().equals("graceDays") ? "promiseGraceDays" : v.field(), v.message())));
        Refusals.collect(wrong, "", () -> built[1] = new CallTerms(or(r.shortHoldDays(), d.call().shortHoldDays()),
                or(r.followUpDays(), d.call().followUpDays())));
        Refusals.collect(wrong, "", () -> built[2] = new AbandonmentRule(costPerStep,
                or(r.stepsToCollect(), d.abandonment().stepsToCollect()),
                r.agencyFeePercent() == null ? d.abandonment().agencyFeePercent() : r.agencyFeePercent()));
        cost.name(wrong);
        List<Violation> weights = new ArrayList<>();
        Refusals.collect(weights, "", () -> built[3] = weights(r.worklist(), d.worklist()));
        weights.forEach(v -> wrong.add(new Violation("worklist." + asSent(v.field(), r.worklist()), v.message())));
        Refusals.throwIfAny("case-terms.invalid", "The case terms are inconsistent", wrong);
        return terms.save(tenant.id(), new CaseTerms((PromiseTerms) built[0], (CallTerms) built[1],
                (AbandonmentRule) built[2], (WorklistPriority) built[3]), tenant.subject()).map(Terms::of);
    }

    private static WorklistPriority weights(Weights w, WorklistPriority d) {
        if (w == null) {
            return d;
        }
        Map<Currency, BigDecimal> perPoint = new HashMap<>(d.amountPerPoint());
        if (w.amountPerPoint() != null) {
            perPoint.clear();
            // a null item is named by put
            w.amountPerPoint().stream().filter(Objects::nonNull).forEach(m -> perPoint.put(m.currency(), m.amount()));
        }
        return new WorklistPriority(perPoint, w.otherAmountPerPoint() == null ? d.otherAmountPerPoint()
                : w.otherAmountPerPoint(), or(w.pointsPerDayPastDue(), d.pointsPerDayPastDue()),
                or(w.pointsPerGrade(), d.pointsPerGrade()), or(w.pointsPerBrokenPromise(), d.pointsPerBrokenPromise()),
                or(w.pointsForActionDue(), d.pointsForActionDue()));
    }

    /**
     * The path the client sent for a field {@link WorklistPriority} names: its {@code amountPerPoint.<currency>} is the
     * request's {@code amountPerPoint[i].amount}, the item of that currency.
     */
    private static String asSent(String field, Weights w) {
        String perCurrency = "amountPerPoint.";
        if (!field.startsWith(perCurrency) || w == null || w.amountPerPoint() == null) {
            return field;
        }
        String currency = field.substring(perCurrency.length());
        for (int i = 0; i < w.amountPerPoint().size(); i++) {
            Money m = w.amountPerPoint().get(i);
            if (m != null && m.currencyCode().equals(currency)) {
                return "amountPerPoint[" + i + "].amount";
            }
        }
        return field;
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
