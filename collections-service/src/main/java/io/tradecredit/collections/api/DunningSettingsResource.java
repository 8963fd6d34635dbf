package io.tradecredit.collections.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import io.tradecredit.collections.app.TenantDunningSettings;
import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.DunningRunPolicy;
import io.tradecredit.collections.domain.DunningSettings;
import io.tradecredit.collections.domain.PaymentDeadline;
import io.tradecredit.collections.domain.TenantCalendar;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/** The tenant's calendar (holidays, make-up working days, how offsets count) and its run settings. */
@Path("/api/v1/dunning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class DunningSettingsResource {
    @Inject
    TenantContext tenant;

    @Inject
    TenantDunningSettings settings;

    public record Calendar(@Schema(description = "days off every week; Saturday and Sunday when left out") List<DayOfWeek> weekend,
            List<LocalDate> holidays, @Schema(description = "weekend days worked (调休)") List<LocalDate> makeUpWorkingDays,
            @Schema(description = "CALENDAR_DAYS or BUSINESS_DAYS") DayCount dayCount) implements CheckableBody {
        static Calendar of(DunningSettings s) {
            return new Calendar(s.calendar().weekend(), s.calendar().holidays(), s.calendar().makeUpWorkingDays(),
                    s.run().run().dayCount());
        }

        /** The calendar as {@link TenantCalendar} accepts it (null: refused), every wrong field added to {@code wrong}. */
        TenantCalendar calendar(List<Violation> wrong) {
            TenantCalendar[] calendar = new TenantCalendar[1];
            Refusals.collect(wrong, "", () -> calendar[0] = new TenantCalendar(
                    weekend == null ? TenantCalendar.DEFAULT.weekend() : weekend,
                    holidays == null ? List.of() : holidays,
                    makeUpWorkingDays == null ? List.of() : makeUpWorkingDays));
            if (dayCount == null) {
                wrong.add(new Violation("dayCount", "is required: CALENDAR_DAYS or BUSINESS_DAYS"));
            }
            return calendar[0];
        }

        /** Asked when a value could not be read (an unknown dayCount), so one answer names every wrong field. */
        @Override
        public List<Violation> violations() {
            List<Violation> wrong = new ArrayList<>();
            calendar(wrong);
            return wrong;
        }
    }

    public record RunSettingsJson(@Schema(description = "per currency: a buyer overdue by less is not chased after the due date")
            List<Money> tolerance, Boolean consolidation,
            @Schema(description = "on: the run drafts messages a collector approves or discards") Boolean approvalMode,
            @Schema(description = "the final payment date a message states: this many days after the letter's date, counted"
                    + " as the calendar's dayCount says (a deadline on a day off moves to the next working day); 1 to 90,"
                    + " 7 when left out") Integer paymentDeadlineDays) {
        static RunSettingsJson of(DunningSettings s) {
            DunningRunPolicy run = s.run().run();
            return new RunSettingsJson(run.tolerance().amounts(), run.consolidation(), s.run().approvalMode(),
                    s.run().paymentDeadline().days());
        }
    }

    @GET
    @Path("/calendar")
    @APIResponse(responseCode = "200", description = "The tenant's calendar; Monday to Friday, no holidays, calendar days until it sets one")
    public Uni<Calendar> calendar() {
        return settings.current(tenant.id()).map(Calendar::of);
    }

    @PUT
    @Path("/calendar")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The calendar as saved")
    @APIResponse(responseCode = "400", description = "Every wrong field named (makeUpWorkingDays[0], dayCount), an unreadable value (an unknown dayCount) with the others; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Calendar> putCalendar(@NotNull Calendar request) {
        List<Violation> wrong = new ArrayList<>();
        TenantCalendar calendar = request.calendar(wrong);
        Refusals.throwIfAny("dunning.calendar-invalid", "The business calendar is not valid", wrong);
        return settings.saveCalendar(tenant.id(), calendar, request.dayCount(), tenant.subject()).map(Calendar::of);
    }

    @GET
    @Path("/settings")
    @APIResponse(responseCode = "200", description = "Tolerance, consolidation, approval mode and payment deadline; no tolerance,"
            + " consolidation on, approval off, 7 days until set")
    public Uni<RunSettingsJson> runSettings() {
        return settings.current(tenant.id()).map(RunSettingsJson::of);
    }

    @PUT
    @Path("/settings")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The settings as saved")
    @APIResponse(responseCode = "400", description = "Every wrong field named (tolerance[1].currency, consolidation,"
            + " paymentDeadlineDays); nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RunSettingsJson> putRunSettings(@NotNull RunSettingsJson request) {
        List<Violation> wrong = new ArrayList<>();
        Refusals.Present<Money> amounts = Refusals.present("tolerance", request.tolerance());
        CurrencyThresholds tolerance = new CurrencyThresholds(amounts.items());
        Refusals.collect(wrong, "", () -> new DunningRunPolicy(DayCount.CALENDAR_DAYS, tolerance, true));
        amounts.name(wrong);
        if (request.consolidation() == null) {
            wrong.add(new Violation("consolidation", "is required: true or false"));
        }
        if (request.approvalMode() == null) {
            wrong.add(new Violation("approvalMode", "is required: true or false"));
        }
        PaymentDeadline[] deadline = {PaymentDeadline.DEFAULT};
        if (request.paymentDeadlineDays() != null) {
            Refusals.collect(wrong, "", () -> deadline[0] = new PaymentDeadline(request.paymentDeadlineDays()));
        }
        Refusals.throwIfAny("dunning.policy-invalid", "The dunning run settings are not valid", wrong);
        return settings.saveRunSettings(tenant.id(), tolerance, request.consolidation(), request.approvalMode(),
                deadline[0], tenant.subject()).map(RunSettingsJson::of);
    }
}
