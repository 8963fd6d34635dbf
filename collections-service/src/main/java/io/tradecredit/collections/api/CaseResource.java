package io.tradecredit.collections.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.api.CaseJson.Case;
import io.tradecredit.collections.api.CaseJson.Detail;
import io.tradecredit.collections.api.CaseJson.Entry;
import io.tradecredit.collections.api.CaseJson.Promise;
import io.tradecredit.collections.app.Calls;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.app.Promises;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.CallOutcome;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.domain.NextMove;
import io.tradecredit.collections.domain.NonPaymentReason;
import io.tradecredit.collections.domain.PromiseTerms;
import io.tradecredit.collections.domain.TextLimits;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * A collector's work on one case: its detail and log, calls, promises, owner, next action and
 * state. Reads for the tenant's staff; writes for collectors, credit managers and tenant admins.
 */
@Path("/api/v1/collections/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class CaseResource {
    @Inject
    TenantContext tenant;

    @Inject
    CollectionCases cases;

    @Inject
    Calls calls;

    @Inject
    Promises promises;

    /** Its code, {@code call.invalid}, is the answer's also when a value cannot be read ({@link BodyCodes}). */
    public record CallRequest(@Schema(description = "INVOICE_PROBLEM, GOODS_NOT_OR_WRONGLY_DELIVERED, "
            + "PAYMENT_SYSTEM_FAILURE, CASH_FLOW_TROUBLE or OTHER (then a note is required)") NonPaymentReason reason,
            @Schema(maxLength = TextLimits.NOTE, description = "required with OTHER") String note) implements CheckableBody {
        /** {@link CallOutcome}'s findings, asked for when a value could not be read, so one answer names every wrong field. */
        @Override
        public List<Violation> violations() {
            return CheckableBody.violationsOf(() -> new CallOutcome(reason, note, BodyRules.today()));
        }
    }

    public record CallAnswer(Case caseFile, NonPaymentReason reason, String note, LocalDate calledOn,
            @Schema(description = "the move the reason suggests; only suggested, never done") NextMove suggestion) {
    }

    /** Its code, {@code promise.invalid}, is the answer's also when a value cannot be read ({@link BodyCodes}). */
    public record PromiseRequest(Money amount, @Schema(description = "the day the buyer promises to pay by: not before today, not after today plus the tenant's maxPromiseDays (30 unless it set its own)") LocalDate promisedDate,
            @Schema(maxLength = TextLimits.NOTE) String note) implements CheckableBody {
        /**
         * {@link Promises#checked}'s findings, asked for when a value could not be read, so one answer names every wrong
         * field; the case's buyer and the tenant's terms are the service's, not the body's, and decide no refusal.
         */
        @Override
        public List<Violation> violations() {
            UUID any = new UUID(0, 0);
            return CheckableBody.violationsOf(() -> Promises.checked(any, any, amount, BodyRules.today(), promisedDate, note,
                    PromiseTerms.WIDEST, BusinessCalendar.DEFAULT, BusinessCalendar.DayCount.CALENDAR_DAYS));
        }
    }

    public record PromiseAnswer(Case caseFile, Promise promise) {
    }

    public record OwnerRequest(@Schema(description = "the collector's user id", maxLength = TextLimits.OWNER) String owner) {
    }

    public record NextActionRequest(LocalDate nextActionOn) {
    }

    public record NoteRequest(@Schema(description = "what the collector wants on record, 1 to 2000 characters") String text) {
    }

    /** Its code, {@code case.move-invalid}, is the answer's also when a value cannot be read ({@link BodyCodes}). */
    public record StateRequest(@Schema(description = "the state to move to; WITH_AGENCY, PROMISE_TO_PAY and PAYMENT_PLAN are moved by their own doors (409 here)")
            CaseState state,
            @Schema(description = "required when state is CLOSED; PAID only when nothing is overdue") CloseReason closeReason,
            @Schema(maxLength = TextLimits.NOTE) String note) implements CheckableBody {
        /** What is wrong with the move as asked: the state, a close reason only and always with CLOSED, the note's length. */
        List<Violation> wrong() {
            List<Violation> wrong = new ArrayList<>();
            if (state == null) {
                wrong.add(new Violation("state", "must be one of " + List.of(CaseState.values())));
            } else if (state == CaseState.CLOSED && closeReason == null) {
                wrong.add(new Violation("closeReason", "a case closes with a reason: one of " + List.of(CloseReason.values())));
            } else if (state != CaseState.CLOSED && closeReason != null) {
                wrong.add(new Violation("closeReason", "only a move to CLOSED has a reason"));
            }
            TextLimits.atMost(wrong, "note", note, TextLimits.NOTE);
            return wrong;
        }

        /** Asked when a value could not be read (an unknown state), so one answer names every wrong field. */
        @Override
        public List<Violation> violations() {
            return wrong();
        }
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The case, its promises (newest first) and its log (oldest first)")
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Detail> detail(@PathParam("id") UUID id) {
        return cases.find(tenant.id(), id).chain(c -> promises.ofCase(tenant.id(), id)
                .chain(ps -> cases.activities(tenant.id(), id).map(log -> new Detail(Case.of(c),
                        ps.stream().map(Promise::of).toList(), log.stream().map(Entry::of).toList()))));
    }

    @POST
    @Path("/{id}/calls")
    @RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
    @APIResponse(responseCode = "200", description = "The call, logged, with the next move its reason suggests; an open case is now in progress, and the case's next action is the suggestion's nextActionOn unless it waits on a promise, a plan or an agency; the buyer's open +3 task to call and confirm the reason (task.call-to-confirm-reason) is done by the caller and leaves the worklist")
    @APIResponse(responseCode = "400", description = "reason missing or unknown, note missing for OTHER or longer than 2000 characters; every field named at once, code call.invalid also when a value cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The case is closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CallAnswer> call(@PathParam("id") UUID id, @NotNull CallRequest r) {
        return calls.log(tenant.id(), id, r.reason(), r.note(), tenant.subject()).map(l -> new CallAnswer(
                Case.of(l.caseView()), l.call().reason(), l.call().note(), l.call().calledOn(), l.suggestion()));
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
    @APIResponse(responseCode = "201", description = "The note as logged (kind note, who and when)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Entry.class)))
    @APIResponse(responseCode = "400", description = "text missing, blank or longer than 2000 characters, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<Entry>> note(@PathParam("id") UUID id, @NotNull NoteRequest r) {
        if (r.text() == null || r.text().isBlank() || r.text().length() > TextLimits.NOTE) {
            throw DomainError.invalidField("case.note-invalid", "text", "is required, 1 to " + TextLimits.NOTE + " characters");
        }
        return cases.note(tenant.id(), id, r.text(), tenant.subject()).map(a -> RestResponse.ResponseBuilder
                .<Entry>created(URI.create("/api/v1/collections/cases/" + id)).entity(Entry.of(a)).build());
    }

    @POST
    @Path("/{id}/promises")
    @RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
    @APIResponse(responseCode = "201", description = "The promise, with the hold it placed until its deadline; the case is in promise to pay",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromiseAnswer.class)))
    @APIResponse(responseCode = "400", description = "amount and promisedDate missing, not positive, before today or after the tenant's bound (maxPromiseDays after today, 30 unless it set its own, named in the detail), note longer than 2000 characters; every field named at once, code promise.invalid also when a value cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A promise of the case is pending (promise.pending, whatever the case's state since), or the case's state may not move to promise to pay (case.move-not-allowed, the case's state named in the detail, no field: the promise has none)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<PromiseAnswer>> promise(@PathParam("id") UUID id, @NotNull PromiseRequest r) {
        return promises.make(tenant.id(), id, r.amount(), r.promisedDate(), r.note(), tenant.subject())
                .chain(made -> promises.ofCase(tenant.id(), id).map(all -> all.stream()
                        .filter(s -> s.promise().id().equals(made.promise().id())).findFirst().orElseThrow())
                        .map(stored -> RestResponse.ResponseBuilder.<PromiseAnswer>created(
                                URI.create("/api/v1/collections/cases/" + id))
                                .entity(new PromiseAnswer(Case.of(made.caseView()), Promise.of(stored))).build()));
    }

    @PUT
    @Path("/{id}/owner")
    @RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
    @APIResponse(responseCode = "200", description = "The case with its new owner")
    @APIResponse(responseCode = "400", description = "owner missing or longer than 200 characters, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The case is closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Case> assign(@PathParam("id") UUID id, @NotNull OwnerRequest r) {
        return cases.assign(tenant.id(), id, r.owner(), tenant.subject()).map(Case::of);
    }

    @PUT
    @Path("/{id}/next-action")
    @RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
    @APIResponse(responseCode = "200", description = "The case with its next-action date")
    @APIResponse(responseCode = "400", description = "nextActionOn missing (case.next-action-missing) or before today (case.next-action-in-past), naming nextActionOn", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The case is closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Case> nextAction(@PathParam("id") UUID id, @NotNull NextActionRequest r) {
        return cases.planNextAction(tenant.id(), id, r.nextActionOn(), tenant.subject()).map(Case::of);
    }

    @PUT
    @Path("/{id}/state")
    @RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
    @APIResponse(responseCode = "200", description = "The case in its new state, the move logged and published")
    @APIResponse(responseCode = "400", description = "state missing or unknown, or CLOSED without closeReason, closeReason unknown or with another state, note longer than 2000 characters; every field named at once, code case.move-invalid also when a value cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A move the case's state does not allow, closing as PAID while overdue, a move to or from WITH_AGENCY (case.agency-move: hand-off and recall do those), to PROMISE_TO_PAY (case.promise-move: POST .../promises records the promise and its hold) or to PAYMENT_PLAN (case.plan-move: invoice-service's agreed plan moves the case)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Case> move(@PathParam("id") UUID id, @NotNull StateRequest r) {
        List<Violation> wrong = r.wrong();
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("case.move-invalid", "The move is incomplete or inconsistent", wrong);
        }
        return (r.state() == CaseState.CLOSED
                ? cases.close(tenant.id(), id, r.closeReason(), tenant.subject(), r.note())
                : cases.moveByCollector(tenant.id(), id, r.state(), tenant.subject(), r.note())).map(Case::of);
    }
}
